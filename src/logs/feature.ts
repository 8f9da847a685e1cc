import type { LogEvidence, LogsInfo } from '../contracts/services.js';
import { ConfigError } from '../config/load.js';
import type { FeatureFactory, Runtime } from '../runtime/feature.js';
import { createGroupResolver } from '../slack/user-groups.js';
import { stepAllowed } from './access.js';
import { createLogsHandler, createLogsPostAction } from './logs-command.js';
import { createLogReader, type LogReader } from './reader.js';
import { loadConfiguredSignals } from './signals.js';

/**
 * `/ctx logs`, its "Post to channel" button, and the `logs` service runbook steps and the
 * digest use. Signals are read and validated once, at start: a broken signals file is a
 * configuration problem naming file and line. Nothing read from logs is stored.
 */
export const logsFeature: FeatureFactory = (core) => {
  const log = core.log.child({ feature: 'logs' });
  const cfg = core.config.logs;
  const loaded = loadConfiguredSignals(core.config);
  if (loaded.problems.length) throw new ConfigError(loaded.problems);
  const reader: LogReader = createLogReader({
    config: cfg,
    catalog: loaded.catalog,
    redactor: core.redactor,
    log,
    now: () => core.now(),
  });
  let rt: Runtime | null = null;
  const groups = createGroupResolver({ client: () => rt?.slack?.client ?? null, log });
  const deps = { config: core.config, reader, groups };

  core.services.register('logs', createLogsService(reader, core.config));

  return {
    name: 'logs',
    handlers: [createLogsHandler(deps)],
    actions: [createLogsPostAction(deps)],
    start(runtime) {
      rt = runtime;
    },
  };
};

export function createLogsService(
  reader: LogReader,
  config: Parameters<typeof stepAllowed>[1] & { logs: Parameters<typeof stepAllowed>[0] },
): LogsInfo {
  return {
    hasSignal: (component, signal) => reader.catalog.get(component)?.has(signal) ?? false,
    components: (env) => (reader.configured(env) ? reader.components() : []),
    async signalCounts(req) {
      const report = await reader.read({ env: req.env, component: req.component, windowMs: req.windowMs, top: 0 });
      if (report.unavailable || !report.analysis)
        return {
          outcome: 'unavailable',
          reason: report.unavailable?.message ?? 'nothing was read',
          ...(report.unavailable?.fix ? { fix: report.unavailable.fix } : {}),
        };
      return {
        outcome: 'read',
        read: report.analysis.read,
        counts: Object.fromEntries(report.analysis.signals.map((c) => [c.name, c.count])),
      };
    },
    async evidence(req): Promise<LogEvidence> {
      const until = new Date();
      const base = {
        env: req.env,
        component: req.component,
        signal: req.signal,
        count: 0,
        samples: [],
        read: 0,
        since: new Date(until.getTime() - req.windowMs),
        until,
      };
      if (req.signal && !reader.catalog.get(req.component)?.has(req.signal))
        return { ...base, outcome: 'unavailable', reason: `${req.component} has no signal "${req.signal}"` };
      if (!stepAllowed(config.logs, config, req.env, req.channel))
        return {
          ...base,
          outcome: 'unavailable',
          reason: `${req.env}'s logs are not shown in this channel`,
          fix: `add this channel to logs.access.${req.env}.channels`,
        };
      const report = await reader.read({
        env: req.env,
        component: req.component,
        windowMs: req.windowMs,
        filter: req.signal ? { signal: req.signal } : { level: 'error' },
        top: 3,
      });
      if (report.unavailable || !report.analysis)
        return {
          ...base,
          since: report.since,
          until: report.until,
          source: report.source,
          outcome: 'unavailable',
          reason: report.unavailable?.message ?? 'nothing was read',
          fix: report.unavailable?.fix,
        };
      const a = report.analysis;
      return {
        ...base,
        since: report.since,
        until: report.until,
        source: report.source,
        outcome: a.matched > 0 ? 'found' : 'nothing',
        count: a.matched,
        read: a.read,
        samples: a.groups.map((g) => ({ count: g.count, level: g.level, text: g.sample })),
      };
    },
  };
}
