import { ConfigError } from '../config/load.js';

import type { CoreServices, FeatureFactory, Runtime } from '../runtime/feature.js';
import { backUpFirstNote } from '../runtime/backup-freshness.js';
import { createIncidentHandler } from './incident-command.js';
import { createRunbookHandler } from './runbooks/runbook-command.js';
import type { Approvals, GuardedActionKind } from '../runtime/guarded.js';
import type { RunbookActionKind } from './runbooks/actions/kinds.js';
import { createRunbookButtons } from './runbooks/buttons.js';
import { createCatalog } from './runbooks/catalog.js';
import { createCheckRecorder } from './runbooks/check-states.js';
import type { RunbookDeps } from './deps.js';
import { createEngine, type Engine } from './runbooks/engine.js';
import { createIncidents } from './incidents.js';
import { loadConfiguredRunbooks, runbookActionKinds } from './runbooks/files.js';
import { createMentionHandler } from './mentions.js';
import { createPlaces } from './places.js';
import { createIncidentStore } from './store.js';
import { countedSessions } from './runbooks/session-metrics.js';
import type { Conversation } from '../contracts/chat.js';
import type { SlackApi } from '../slack/slack-api.js';

/**
 * `/ctx incident`, `/ctx runbook`, their buttons and thread mentions. Runbook files are
 * validated here, once, at start: a broken file is a configuration problem (exit 2) that
 * names the file and the line.
 */
/**
 * The backup step of a runbook (secret rotation, connector or storage changes) says "back up
 * first" when the newest verified backup is older than operations.freshWithinHours.
 */
function withBackUpFirstNote(k: RunbookActionKind, core: CoreServices): RunbookActionKind {
  return {
    ...k,
    async note(env) {
      const svc = core.services.get('backups');
      if (!svc) return null;
      const last = await svc.lastVerified(env.name);
      return backUpFirstNote(env.name, last?.finishedAt, core.now(), core.config.operations.freshWithinHours).text;
    },
  };
}

export const incidentsFeature: FeatureFactory = (core) => {
  const log = core.log.child({ feature: 'incidents' });
  const kinds: RunbookActionKind[] = runbookActionKinds({ log, http: core.http }).map((k) =>
    k.kind === 'backup' ? withBackUpFirstNote(k, core) : k,
  );
  const actionKinds = new Map(kinds.map((k) => [k.kind, k]));

  const loaded = loadConfiguredRunbooks(core.config, {
    checkIds: new Set(core.diagnostics.checks.map((c) => c.id)),
    actionKinds: kinds,
    // The logs feature is built before this one (app/features.ts) when it is part of the bot.
    ...(core.services.get('logs') ? { hasSignal: core.services.get('logs')!.hasSignal } : {}),
  });
  if (loaded.problems.length) throw new ConfigError(loaded.problems);
  for (const w of loaded.warnings) log.warn(`shipped runbook: ${w}`);
  const catalog = createCatalog(loaded.runbooks);

  let runtime: Runtime | null = null;
  let engine: Engine | null = null;

  // The operations feature may be built before or after this one: register lazily, once per service.
  const registeredWith = new WeakSet<Approvals>();
  const approvals = (): Approvals | undefined => {
    const service = core.services.get('approvals');
    if (service && !registeredWith.has(service)) {
      registeredWith.add(service);
      for (const k of kinds) if (k.guarded) service.registerKind(reportingBack(k.guarded));
    }
    return service;
  };
  const reportingBack = (kind: GuardedActionKind<any>): GuardedActionKind<any> => ({
    ...kind,
    async run(ctx) {
      const result = await kind.run(ctx);
      await engine
        ?.actionRan(kind.kind, ctx, result)
        .catch((err) =>
          log.warn({ err: { message: (err as Error).message } }, 'could not record a guarded action in its runbook'),
        );
      return result;
    },
  });
  approvals();

  let live: RunbookDeps['live'] = null;
  if (core.store) {
    const db = countedSessions(createIncidentStore(core.store), core.metrics);
    const recorder = createCheckRecorder({ db, titles: core.diagnostics.titles, log });
    const publishReport = core.publishReport;
    engine = createEngine({
      db,
      config: core.config,
      diagnostics: core.diagnostics,
      recorder,
      log,
      now: core.now,
      publishReport,
      approvals,
      actionKinds,
      logs: () => core.services.get('logs'),
    });
    const incidents = createIncidents({
      db,
      config: core.config,
      diagnostics: core.diagnostics,
      catalog,
      engine,
      recorder,
      log,
      now: core.now,
      publishReport,
      slack: () => runtime?.slack ?? null,
    });
    live = { db, engine, incidents, places: createPlaces(db) };
    // Only a running bot records (a one-shot CLI command never touches the incident tables).
    core.onReport((report) => runtime && recorder.listener(report));
  }
  core.services.register('incidents', live ? live.incidents.info() : { open: async () => [] });

  const deps: RunbookDeps = { config: core.config, catalog, diagnostics: core.diagnostics, log, now: core.now, live };
  return {
    name: 'incidents',
    handlers: [createIncidentHandler(deps), createRunbookHandler(deps)],
    actions: createRunbookButtons(deps),
    events: { app_mention: createMentionHandler(deps) },
    start(rt) {
      runtime = rt;
      approvals();
      // State is in Postgres already; resuming only posts a step a crash left unposted.
      if (live && rt.slack) {
        const poster = slackPoster(rt.slack);
        live.engine
          .resume(poster, 'slack')
          .then((r) => r.sessions && log.info(r, 'runbooks resumed where they were'))
          .catch((err) =>
            log.warn(
              { err: { message: (err as Error).message } },
              'could not resume runbooks yet (store unreachable?)',
            ),
          );
      }
    },
  };
};

/**
 * A Conversation for work nobody asked for just now (resuming after a restart): it can
 * post into a known thread and update known messages, nothing else.
 */
export function slackPoster(slack: SlackApi): Conversation {
  return {
    async post(msg, opts) {
      const thread = opts?.thread;
      if (!thread?.channel) throw new Error('a background post needs a thread to go to');
      const ts = thread.threadTs ?? thread.ts;
      const res = await slack.post({
        channel: thread.channel,
        text: msg.text,
        ...(msg.blocks ? { blocks: msg.blocks } : {}),
        ...(ts ? { thread_ts: ts } : {}),
      });
      return { channel: res.channel, ts: res.ts, ...(ts ? { threadTs: ts } : {}) };
    },
    async update(ref, msg) {
      await slack.update({
        channel: ref.channel,
        ts: ref.ts,
        text: msg.text,
        ...(msg.blocks ? { blocks: msg.blocks } : {}),
      });
    },
    async ephemeral() {
      // Nobody to show it to.
    },
  };
}
