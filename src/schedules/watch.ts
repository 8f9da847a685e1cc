import pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { Diagnostics } from '../diagnostics/runner.js';
import type { StatusReport } from '../diagnostics/types.js';
import type { Store } from '../store/store.js';
import type { AlertRules } from './alert-rules.js';
import { applyResults, type PlannedAlert } from './alert-store.js';
import type { Alerter } from './alerter.js';
import { recordReport } from './history.js';
import { silencedBy, type MaintenanceWindow, type Silence } from './maintenance.js';
import { activeSilences } from './silences.js';

export interface WatchDeps {
  diagnostics: Diagnostics;
  store: Store;
  envs: readonly string[];
  rules: AlertRules;
  intervalMs: number;
  concurrency: number;
  maintenance: readonly MaintenanceWindow[];
  alerter: Alerter;
  /** Only the leader watches; others wait for their turn. */
  isLeader(): boolean;
  log: Logger;
  now(): Date;
  /** Every report of a cycle (App Home's latest status). */
  onReport?(report: StatusReport): void;
  /** After each cycle the leader ran (App Home refresh, retention). */
  afterCycle?(summary: CycleSummary): Promise<void> | void;
}

export interface CycleSummary {
  envs: number;
  checks: number;
  alerts: number;
  durationMs: number;
  failed: string[];
}

/**
 * Every interval, the leader runs every check of every environment (fresh, bypassing the
 * cache), a bounded number of environments at a time; records the results; feeds them
 * through the alert state machine; and says what it decided. A cycle that overruns the
 * interval delays the next one instead of overlapping it.
 */
export function createWatch(deps: WatchDeps) {
  const log = deps.log.child({ part: 'watch' });
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> | null = null;
  let stopped = true;

  const runCycle = async (): Promise<CycleSummary> => {
    const started = performance.now();
    const at = deps.now();
    const silences: Silence[] = await activeSilences(deps.store, at).catch((err: Error) => {
      log.warn({ err: { message: err.message } }, 'cannot read silences; alerting as if there were none');
      return [];
    });
    const limit = pLimit(deps.concurrency);
    const failed: string[] = [];
    // One log line per cycle, however many environments hit the same problem (a store outage).
    const problems: Array<{ env: string; step: string; message: string }> = [];
    let checks = 0;
    const planned: PlannedAlert[][] = await Promise.all(
      deps.envs.map((env) =>
        limit(async () => {
          let step = 'checks';
          try {
            const report = await deps.diagnostics.run(env, { maxAgeMs: 0 });
            checks += report.checks.length;
            deps.onReport?.(report);
            step = 'history';
            await recordReport(deps.store, report, 'watch').catch((err: Error) => problems.push({ env, step, message: err.message }));
            step = 'alert state';
            const when = new Date(report.checkedAt);
            return await applyResults(deps.store, report, when, deps.rules, (check) => silencedBy(env, check, when, silences, deps.maintenance));
          } catch (err) {
            failed.push(env);
            problems.push({ env, step, message: (err as Error).message });
            return [];
          }
        }),
      ),
    );
    if (problems.length) log.warn({ count: problems.length, first: problems.slice(0, 3) }, 'watch cycle: some environments could not be recorded or alerted on');
    // Said in the background, in order per alert: a slow or unreachable Slack never delays the checks.
    const all = planned.flat();
    for (const p of all) deps.alerter.enqueue(p);
    const summary = { envs: deps.envs.length, checks, alerts: all.length, durationMs: Math.round(performance.now() - started), failed };
    log.debug(summary, 'watch cycle done');
    if (summary.durationMs > deps.intervalMs) log.warn({ durationMs: summary.durationMs, intervalMs: deps.intervalMs }, 'a watch cycle took longer than watch.intervalSeconds; raise watch.concurrency or the interval');
    return summary;
  };

  const loop = async () => {
    if (stopped) return;
    const started = Date.now();
    if (deps.isLeader()) {
      const cycle = runCycle().then(async (s) => {
        await deps.afterCycle?.(s);
      });
      current = cycle;
      await cycle.catch((err) => log.error({ err }, 'watch cycle failed'));
      current = null;
    }
    if (stopped) return;
    timer = setTimeout(() => void loop(), Math.max(0, deps.intervalMs - (Date.now() - started)));
    timer.unref();
  };

  return {
    runCycle,
    start() {
      if (!stopped) return;
      stopped = false;
      void loop();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current?.catch(() => {});
    },
    /** Resolves once every alert action queued so far has been said (tests, shutdown). */
    settled: () => deps.alerter.idle(),
  };
}
export type Watch = ReturnType<typeof createWatch>;
