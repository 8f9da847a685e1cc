import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createDigestHandler } from '../digest/digest-command.js';
import { createSilenceHandler, createSilencesHandler, createUnsilenceHandler, } from '../alerting/silence-commands.js';
import { renderDigest } from '../digest/render.js';
import { createAlertLocations } from '../alerting/alert-locations.js';
import { dependentsOf } from '../alerting/alert-store.js';
import { createAlerter } from '../alerting/alerter.js';
import { createDelivery } from '../alerting/delivery.js';
import { deliveryFailure, isKept } from '../slack/delivery-errors.js';
import { createDeliveryState } from '../alerting/delivery-state.js';
import { learnSlackNames, targetRoles } from '../alerting/delivery-targets.js';
import { markDigestPending } from '../alerting/delivery-store.js';
import { startCron } from '../runtime/cron.js';
import { buildDigest, snapshotOf } from '../digest/digest.js';
import { digestTick } from '../digest/digest-job.js';
import { recordManualDigest } from '../store/digests.js';
import { createHome } from '../home/home.js';
import { createLatestReports } from '../diagnostics/history.js';
import { createLeaderLock, leaderClientFactory } from '../runtime/leader.js';
import { createOutbox } from '../runtime/outbox.js';
import { pacedSlackApi } from '../slack/paced.js';
import { pruneOld } from '../store/retention.js';
import { resolveScheduleSettings } from '../config/schedules.js';
import { createWatch } from '../alerting/watch.js';
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
export const schedulesFeature = (core) => createSchedulesFeature()(core);
export function createSchedulesFeature(timings = {}) {
    return (core) => buildSchedulesFeature(core, timings);
}
function buildSchedulesFeature(core, timings) {
    const log = core.log.child({ feature: 'schedules' });
    const resolved = resolveScheduleSettings(core.config);
    const settings = timings.retryBaseMs === undefined
        ? resolved
        : {
            ...resolved,
            delivery: { ...resolved.delivery, retryBaseMs: Math.min(timings.retryBaseMs, resolved.delivery.retryMaxMs) },
        };
    const store = core.store;
    const titles = core.diagnostics.titles;
    const envs = core.config.environments.map((e) => e.name);
    const timeZone = core.config.timezone;
    const latest = createLatestReports();
    core.onReport((r) => latest.set(r));
    // What the bot could not post, why, and what to do: fed by the outbox, read by doctor, App Home and the digest.
    const slackNames = {
        bot: 'ctx-ops',
        botUserId: undefined,
        channels: new Map(),
    };
    const roles = targetRoles(core.config, settings);
    let delivery = null;
    const state = createDeliveryState({
        log,
        now: core.now,
        retryBaseMs: settings.delivery.retryBaseMs,
        retryMaxMs: settings.delivery.retryMaxMs,
        roleOf: (channel) => roles.get(channel) ?? { purpose: 'messages', configKey: 'the channel setting' },
        nameOf: (channel) => slackNames.channels.get(channel),
        botName: () => slackNames.bot,
        waiting: (channel) => (delivery?.waiting(channel) ?? 0) + outbox.pendingFor(channel),
        store,
        replica: `${hostname()}:${process.pid}`,
    });
    const outbox = createOutbox({
        log,
        ...(timings.outboxIntervalMs !== undefined ? { minIntervalMs: timings.outboxIntervalMs } : {}),
        observer: {
            delivered: (channel) => state.ok(channel),
            failed(channel, err) {
                const f = deliveryFailure(err);
                if (isKept(f))
                    state.failed(channel, f);
            },
        },
    });
    core.services.register('outbox', outbox);
    core.metrics.gauge('outboxPending', () => outbox.pending());
    core.metrics.gauge('outboxOldestAgeSeconds', () => outbox.oldestAgeMs() / 1000);
    core.metrics.gauge('leaderRole', () => leader?.role() ?? 'none');
    const health = { problems: () => state.problems(), refresh: () => state.refresh() };
    core.services.register('delivery', health);
    const digestDeps = {
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
        selfCheck: () => core.services.get('selfCheck')?.latest(),
    });
    const silenceDeps = {
        config: core.config,
        store,
        checkIds: core.diagnostics.checks.map((c) => c.id),
        titles,
        maintenance: settings.maintenance,
        now: core.now,
    };
    let slack = null;
    let leader = null;
    let watch = null;
    let cron = null;
    let lastPrune = 0;
    const refreshHome = async () => {
        if (!slack)
            return;
        await home
            .refresh(slack)
            .catch((err) => log.warn({ err: { message: err.message } }, 'App Home refresh failed'));
    };
    const maybePrune = async () => {
        if (!store || Date.now() - lastPrune < PRUNE_EVERY_MS)
            return;
        lastPrune = Date.now();
        const deleted = await pruneOld(store, settings.retentionDays, core.now()).catch((err) => {
            log.warn({ err: { message: err.message } }, 'history retention failed; will retry in an hour');
            return null;
        });
        if (deleted && Object.values(deleted).some(Boolean))
            log.info({ deleted, retentionDays: settings.retentionDays }, 'old history deleted');
    };
    return {
        name: 'schedules',
        handlers: [
            createDigestHandler({
                config: core.config,
                titles,
                build: (list) => buildDigest(digestDeps, { envs: list }),
                recordPosted: store
                    ? (digest, where, by) => recordManualDigest(store, {
                        channel: where.channel,
                        ts: where.ts,
                        overall: digest.overall,
                        snapshot: snapshotOf(digest),
                        at: core.now(),
                        by,
                    }).catch((err) => log.warn({ err: { message: err.message } }, 'could not record the digest'))
                    : undefined,
            }),
            createSilenceHandler(silenceDeps),
            createSilencesHandler(silenceDeps),
            createUnsilenceHandler(silenceDeps),
        ],
        events: {
            async app_home_opened(req) {
                const user = typeof req.event.user === 'string' ? req.event.user : '';
                if (req.event.tab !== 'home' || !user)
                    return;
                if (!slack)
                    return log.warn('App Home opened before the schedules feature started; ignored');
                await home.opened(slack, user);
            },
            // Someone fixed a channel the bot could not post to: try what is owed at once.
            async member_joined_channel(req) {
                const channel = typeof req.event.channel === 'string' ? req.event.channel : '';
                if (!channel || (slackNames.botUserId && req.event.user !== slackNames.botUserId))
                    return;
                log.info({ channel }, 'invited to a channel; posting what is owed there now');
                delivery?.retryNow(channel);
            },
            async channel_unarchive(req) {
                if (typeof req.event.channel === 'string')
                    delivery?.retryNow(req.event.channel);
            },
            async group_unarchive(req) {
                if (typeof req.event.channel === 'string')
                    delivery?.retryNow(req.event.channel);
            },
        },
        async start(rt) {
            slack = rt.slack;
            outbox.attach(rt.slack ? pacedSlackApi(rt.slack, core.redactor, log, core.metrics) : null);
            // The shell and the CLI run commands only: no background posting.
            if (!rt.slack)
                return;
            for (const note of settings.notes)
                log.warn(note);
            await learnSlackNames(rt.slack, slackNames, [...roles.keys()], log);
            if (!store) {
                log.warn('scheduled digests, the watch, alerts, history and silences need the ctx_ops store (CTX_OPS_DATABASE_URL or DATABASE_URL); they are off');
                return;
            }
            if (!settings.digests.length && !settings.watch.enabled)
                return;
            leader = createLeaderLock({
                connect: leaderClientFactory(store.pool),
                intervalMs: settings.watch.intervalMs,
                log,
            });
            await leader.start();
            const lead = leader;
            // After every scheduled run of the leader: retention (hourly at most), then App Home.
            const afterRun = async () => {
                await maybePrune();
                await refreshHome();
            };
            const locations = createAlertLocations();
            const freshMs = 3 * settings.watch.intervalMs;
            const owedDelivery = createDelivery({
                store,
                outbox,
                state,
                alertsChannel: settings.watch.channel,
                fallback: settings.delivery.fallback,
                replayMax: settings.delivery.replayMax,
                titles,
                timeZone,
                failureThreshold: settings.watch.rules.failureThreshold,
                canDeliver: () => lead.isLeader() && !lead.isDegraded(),
                claimant: `${lead.replica}:${randomUUID().slice(0, 8)}`,
                current(env, check) {
                    const r = latest.get(env);
                    if (!r || core.now().getTime() - Date.parse(r.checkedAt) > freshMs)
                        return null;
                    const result = r.checks.find((c) => c.id === check);
                    return result ? { result, dependents: dependentsOf(r, check) } : null;
                },
                async digest(owed) {
                    const schedule = settings.digests.find((d) => d.name === owed.schedule);
                    const d = await buildDigest({ ...digestDeps, store }, {
                        envs: schedule?.environments ?? envs,
                        maxAgeMs: 0,
                        schedule: { name: owed.schedule, slot: owed.slot },
                        channel: owed.channel,
                        late: { dueAt: owed.slot, error: owed.pendingError ?? 'refused' },
                    });
                    return { msg: renderDigest(d, titles), overall: d.overall, snapshot: snapshotOf(d) };
                },
                locations,
                pollMs: settings.delivery.retryBaseMs,
                log,
                now: core.now,
            });
            delivery = owedDelivery;
            const alerter = createAlerter({
                store,
                outbox,
                channel: settings.watch.channel,
                titles,
                timeZone,
                failureThreshold: settings.watch.rules.failureThreshold,
                replica: lead.replica,
                locations,
                delivery: owedDelivery,
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
                    afterCycle: (s) => {
                        owedDelivery.kick();
                        return s.storeUnreachable ? undefined : afterRun();
                    },
                });
                watch.start();
            }
            const jobDeps = {
                digest: { ...digestDeps, store },
                leader: lead,
                outbox,
                titles,
                log,
                afterPost: afterRun,
                async keep(id, err) {
                    const f = deliveryFailure(err);
                    if (!isKept(f))
                        return false;
                    await markDigestPending(store, id, f.code, core.now());
                    owedDelivery.kick();
                    return true;
                },
            };
            cron = startCron(settings.digests.map((s) => ({
                name: s.name,
                cron: s.cron,
                timezone: s.timezone,
                run: digestTick(jobDeps, s),
            })), log);
            // Whatever is owed from before (a restart while Slack refused) is tried at once.
            owedDelivery.start();
        },
        async stop() {
            await cron?.stop();
            await watch?.stop();
            delivery?.stop();
            // Queued posts get a moment to go out; whatever is left is logged as given up (owed rows stay owed).
            await outbox.close(3_000);
            await Promise.all([cron?.idle(), watch?.settled(), delivery?.idle()]);
            delivery = null;
            await leader?.stop();
            cron = null;
            watch = null;
            leader = null;
        },
    };
}
