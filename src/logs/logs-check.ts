import * as z from 'zod';
import type { CheckOutcome } from '../contracts/checks.js';
import type { LogsInfo, SignalCounts } from '../contracts/services.js';
import { skipped } from '../diagnostics/findings.js';
import type { Check } from '../diagnostics/types.js';

export const LOGS_CHECK_ID = 'logs';

/**
 * Lines per window above which a signal turns the check to warn. Signals that mean trouble
 * on their own (Postgres refusing connections, a full disk, an out-of-memory graph) warn at
 * the first line; noisy ones (REST errors, MCP) only when they pile up.
 */
export const DEFAULT_THRESHOLDS: Readonly<Record<string, number>> = {
  'backend/auth-failures': 20,
  'backend/rest-errors': 50,
  'backend/graph-read-failures': 10,
  'worker/ingestion-failures': 10,
  'worker/confluence-sync': 10,
  'codesearch/clone-failures': 5,
  'codesearch/index-failures': 5,
  'codesearch/zoekt-errors': 10,
  'postgres/too-many-connections': 1,
  'postgres/disk-full': 1,
  'graph/oom': 1,
  'graph/connection': 10,
  'otel-collector/exporter-failures': 20,
  'otel-collector/quota': 1,
};

export interface LogsCheckOptions {
  enabled: boolean;
  windowMinutes: number;
  thresholds: Record<string, number>;
}

/** `checks.logs.*`: off unless asked for, since every run reads each configured component's logs. */
export const logsCheckOptions = {
  enabled: z.boolean().default(false),
  windowMinutes: z.number().int().min(1).max(60).default(5),
  thresholds: z
    .record(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must be <component>/<signal>'), z.number().int().min(1))
    .default({ ...DEFAULT_THRESHOLDS }),
};

export interface ComponentCounts {
  component: string;
  result: SignalCounts;
}

/**
 * The verdict from what was read: warn when a signal reached its threshold in the window or
 * when no component's logs could be read (the source is down); ok otherwise. Counts only: no log text goes into
 * a check result (results are kept in history; logs are never stored by the bot).
 */
export function logsVerdict(
  read: readonly ComponentCounts[],
  thresholds: Readonly<Record<string, number>>,
  windowMinutes: number,
): CheckOutcome {
  const over: string[] = [];
  const details: string[] = [];
  const unreadable: string[] = [];
  let signals = 0;
  for (const { component, result } of read) {
    if (result.outcome === 'unavailable') {
      unreadable.push(component);
      details.push(`⚠ ${component}: logs not read: ${result.reason}${result.fix ? ` (${result.fix})` : ''}`);
      continue;
    }
    for (const [key, limit] of Object.entries(thresholds)) {
      const [c, signal] = key.split('/') as [string, string];
      if (c !== component) continue;
      signals++;
      const n = result.counts[signal] ?? 0;
      const line = `${component} ${signal}: ${n} in ${windowMinutes} min (warns at ${limit})`;
      if (n >= limit) {
        over.push(`${component} ${signal} ${n}×`);
        details.push(`⚠ ${line}`);
      } else details.push(`✓ ${line}`);
    }
  }
  if (over.length)
    return {
      status: 'warn',
      summary: `${over.join(', ')} in the last ${windowMinutes} min`,
      details,
      independent: true,
    };
  // Every component unreadable means the source itself is down; one missing component (no
  // otel-collector in this deployment, say) is shown in the details, not warned about forever.
  if (unreadable.length && unreadable.length === read.length)
    return {
      status: 'warn',
      summary: `logs of ${unreadable.join(', ')} could not be read`,
      details,
      independent: true,
    };
  return {
    status: 'ok',
    summary: `${signals} signal${signals === 1 ? '' : 's'} under their thresholds in the last ${windowMinutes} min`,
    details,
  };
}

/**
 * The optional `logs` check: reads each component's recent logs through the logs service and
 * warns when a signal passes its threshold, so it alerts, escalates and shows in the digest like
 * any other check. Composed into the check list by the app only when `checks.logs.enabled`.
 */
export function createLogsCheck(getLogs: () => LogsInfo | undefined): Check<LogsCheckOptions> {
  return {
    id: LOGS_CHECK_ID,
    title: 'Logs',
    dependsOn: [],
    options: logsCheckOptions,
    async run(ctx) {
      const logs = getLogs();
      const env = ctx.env.name;
      const components = logs?.components(env) ?? [];
      if (!logs || !components.length)
        return skipped(`no log source for ${env}`, [`set logs.sources.${env} in ctx-ops.yml (README, "Logs")`]);
      const wanted = components.filter((c) => Object.keys(ctx.options.thresholds).some((k) => k.startsWith(`${c}/`)));
      if (!wanted.length) return skipped('no threshold names a component whose logs are read');
      const windowMs = ctx.options.windowMinutes * 60_000;
      const read = await Promise.all(
        wanted.map(async (component) => ({
          component,
          result: await logs.signalCounts({ env, component, windowMs }).catch(
            (err: unknown): SignalCounts => ({
              outcome: 'unavailable',
              reason: (err as Error)?.message ?? String(err),
            }),
          ),
        })),
      );
      return logsVerdict(read, ctx.options.thresholds, ctx.options.windowMinutes);
    },
  };
}
