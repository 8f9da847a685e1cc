import { OUTBOX_SERVICE, SELF_CHECK_SERVICE, type SelfCheck } from '../contracts.js';
import type { FeatureFactory } from '../features.js';
import { createDigestHandler } from '../handlers/digest.js';
import { createSilenceHandler, createSilencesHandler, createUnsilenceHandler, type SilenceDeps } from '../handlers/silence.js';
import type { SlackApi } from '../transports/slack/slack-api.js';
import { createAlerter } from '../schedules/alerter.js';
import { startCron, type CronHandle } from '../schedules/cron.js';
import { buildDigest, snapshotOf, type DigestDeps } from '../schedules/digest.js';
import { digestTick } from '../schedules/digest-job.js';
import { recordManualDigest } from '../schedules/digest-record.js';
import { createHome } from '../schedules/home.js';
import { createLatestReports } from '../schedules/latest.js';
import { createLeaderLock, leaderClientFactory, type LeaderLock } from '../schedules/leader.js';
import { createOutbox } from '../schedules/outbox.js';
import { pacedSlackApi } from '../schedules/paced-slack.js';
import { pruneOld } from '../schedules/retention.js';
import { resolveScheduleSettings } from '../schedules/settings.js';
import { createWatch, type Watch } from '../schedules/watch.js';

const PRUNE_EVERY_MS = 3_600_000;

/**
 * Scheduled digests, the watch and its alerts, check history, App Home and the outbox.
 * Background work runs only under Slack and only with a store: the leader lock, history,
 * alert state and silences all live in schema ctx_ops. `/ctx digest preview` works
 * everywhere, the shell included.
 *
 * A leader that loses the store keeps leading, degraded (leader.ts): the watch goes on in
 * memory and alerts are still posted, since the store is often the very Postgres whose
 * outage must be alerted on. Retention, App Home refreshes and digests wait for the store.
 */
export const schedulesFeature: FeatureFactory = (core) => {
  const log = core.log.child({ feature: 'schedules' });
  const settings = resolveScheduleSettings(core.config);
  const store = core.store;
  const titles = core.diagnostics.titles;
  const envs = core.config.environments.map((e) => e.name);
  const timeZone = core.config.timezone;

  const outbox = createOutbox({ log });
  core.services.register(OUTBOX_SERVICE, outbox);

  const latest = createLatestReports();
  core.onReport((r) => latest.set(r));

  const digestDeps: DigestDeps = {
    diagnostics: core.diagnostics,
    store,
    services: core.services,
    maintenance: settings.maintenance,
    timeZone,
    concurrency: settings.watch.concurrency,
    log,
    now: core.now,
  };
  const home = createHome({
    store,
    diagnostics: core.diagnostics,
    envs,
    latest,
    freshMs: settings.watch.enabled ? 3 * settings.watch.intervalMs : 0,
    maintenance: settings.maintenance,
    timeZone,
    titles,
    log,
    now: core.now,
    selfCheck: () => core.services.get<SelfCheck>(SELF_CHECK_SERVICE)?.latest(),
  });
  const silenceDeps: SilenceDeps = {
    config: core.config,
    store,
    checkIds: core.diagnostics.checks.map((c) => c.id),
    titles,
    maintenance: settings.maintenance,
    now: core.now,
  };

  let slack: SlackApi | null = null;
  let leader: LeaderLock | null = null;
  let watch: Watch | null = null;
  let cron: CronHandle | null = null;
  let lastPrune = 0;

  const refreshHome = async () => {
    if (!slack) return;
    await home.refresh(slack).catch((err: Error) => log.warn({ err: { message: err.message } }, 'App Home refresh failed'));
  };
  const maybePrune = async () => {
    if (!store || Date.now() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = Date.now();
    const deleted = await pruneOld(store, settings.retentionDays, core.now()).catch((err: Error) => {
      log.warn({ err: { message: err.message } }, 'history retention failed; will retry in an hour');
      return null;
    });
    if (deleted && Object.values(deleted).some(Boolean)) log.info({ deleted, retentionDays: settings.retentionDays }, 'old history deleted');
  };

  return {
    name: 'schedules',
    handlers: [
      createDigestHandler({
        config: core.config,
        titles,
        build: (list) => buildDigest(digestDeps, { envs: list }),
        recordPosted: store
          ? (digest, where, by) =>
              recordManualDigest(store, { channel: where.channel, ts: where.ts, overall: digest.overall, snapshot: snapshotOf(digest), at: core.now(), by }).catch((err: Error) =>
                log.warn({ err: { message: err.message } }, 'could not record the digest'),
              )
          : undefined,
      }),
      createSilenceHandler(silenceDeps),
      createSilencesHandler(silenceDeps),
      createUnsilenceHandler(silenceDeps),
    ],
    events: {
      async app_home_opened(req) {
        const user = typeof req.event.user === 'string' ? req.event.user : '';
        if (req.event.tab !== 'home' || !user) return;
        if (!slack) return log.warn('App Home opened before the schedules feature started; ignored');
        await home.opened(slack, user);
      },
    },
    async start(rt) {
      slack = rt.slack;
      outbox.attach(rt.slack ? pacedSlackApi(rt.slack, core.redactor, log) : null);
      // The shell and the CLI run commands only: no background posting.
      if (!rt.slack) return;
      for (const note of settings.notes) log.warn(note);
      if (!store) {
        log.warn('scheduled digests, the watch, alerts, history and silences need the ctx_ops store (CTX_OPS_DATABASE_URL or DATABASE_URL); they are off');
        return;
      }
      if (!settings.digests.length && !settings.watch.enabled) return;
      leader = createLeaderLock({ connect: leaderClientFactory(store.pool), intervalMs: settings.watch.intervalMs, log });
      await leader.start();
      const lead = leader;
      // After every scheduled run of the leader: retention (hourly at most), then App Home.
      const afterRun = async () => {
        await maybePrune();
        await refreshHome();
      };
      const alerter = createAlerter({
        store,
        outbox,
        channel: settings.watch.channel,
        titles,
        timeZone,
        failureThreshold: settings.watch.rules.failureThreshold,
        replica: lead.replica,
        log,
        now: core.now,
      });
      if (settings.watch.enabled) {
        watch = createWatch({
          diagnostics: core.diagnostics,
          store,
          envs,
          rules: settings.watch.rules,
          intervalMs: settings.watch.intervalMs,
          concurrency: settings.watch.concurrency,
          maintenance: settings.maintenance,
          alerter,
          isLeader: () => lead.isLeader(),
          isDegraded: () => lead.isDegraded(),
          log,
          now: core.now,
          onReport: (r) => latest.set(r),
          // Retention and App Home read and write the store: not while it is unreachable.
          afterCycle: (s) => (s.storeUnreachable ? undefined : afterRun()),
        });
        watch.start();
      }
      const jobDeps = { digest: { ...digestDeps, store }, leader: lead, outbox, titles, log, afterPost: afterRun };
      cron = startCron(
        settings.digests.map((s) => ({ name: s.name, cron: s.cron, timezone: s.timezone, run: digestTick(jobDeps, s) })),
        log,
      );
    },
    async stop() {
      await cron?.stop();
      await watch?.stop();
      // Queued posts get a moment to go out; whatever is left is logged as given up.
      await outbox.close(3_000);
      await Promise.all([cron?.idle(), watch?.settled()]);
      await leader?.stop();
      cron = null;
      watch = null;
      leader = null;
    },
  };
};
