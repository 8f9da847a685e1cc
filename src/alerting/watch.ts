import pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { Diagnostics } from '../diagnostics/runner.js';
import type { StatusReport } from '../contracts/checks.js';
import type { Store } from '../store/store.js';
import type { AlertRules } from '../config/schedules.js';
import { createAlertMemory } from './alert-memory.js';
import { reconcileMemory } from './alert-reconcile.js';
import { openAlerts } from '../store/alerts.js';
import { applyResultsBatch, type AppliedResults, type PlannedAlert, type ResultsToApply } from './alert-store.js';
import type { Alerter } from './alerter.js';
import { recordReports } from '../diagnostics/history.js';
import { silencedBy, type MaintenanceWindow, type Silence } from '../config/maintenance.js';
import { activeSilences } from '../store/silences.js';
import { within } from '../util/deadline.js';
import { createOutageLog } from './store-outage.js';

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
  /**
   * Leading without the leader lock, through a store outage (leader.ts): the store must
   * not be used, so alert state stays in memory until the lock is taken again.
   */
  isDegraded?(): boolean;
  log: Logger;
  now(): Date;
  /** Every report of a cycle (App Home's latest status). */
  onReport?(report: StatusReport): void;
  /** After each cycle the leader ran (App Home refresh, retention). */
  afterCycle?(summary: CycleSummary): Promise<void> | void;
  /** How long one store step of a cycle may take before the cycle carries on in memory. Default: the interval, between 2 and 10 s. */
  storeTimeoutMs?: number;
}

export interface CycleSummary {
  envs: number;
  checks: number;
  alerts: number;
  durationMs: number;
  failed: string[];
  /** Alert state was kept in memory this cycle: the store was unreachable (or not ours to use yet). */
  storeUnreachable: boolean;
}

/** env/check of bad results, for the debug line of a cycle (bounded). */
const MAX_LISTED = 20;

/**
 * Environments recorded in one batch at most: bounds one statement's size and the work
 * lost to a timeout (storeTimeoutMs is per batch step, as it was per environment).
 */
const MAX_BATCH = 100;

/** One environment whose checks finished this cycle, waiting to be recorded. */
interface Finished extends ResultsToApply {
  /** Its place in deps.envs. */
  index: number;
  env: string;
}

/**
 * Every interval, the leader runs every check of every environment (fresh, bypassing the
 * cache), a bounded number of environments at a time; records the results; feeds them
 * through the alert state machine; and says what it decided. A cycle that overruns the
 * interval delays the next one instead of overlapping it.
 *
 * When the store is unreachable the cycle goes on: the same rules run on state kept in
 * memory (from the last store cycle), with the silences known at the last successful
 * read; alerts are posted as usual (the outbox needs no store), history is skipped. Once
 * the leader holds the lock again, the first cycle writes what was decided in memory to
 * the store before anything else, then carries on normally.
 */
export function createWatch(deps: WatchDeps) {
  const log = deps.log.child({ part: 'watch' });
  const memory = createAlertMemory();
  const locations = deps.alerter.locations;
  const outage = createOutageLog(log, deps.now);
  const storeMs = deps.storeTimeoutMs ?? Math.min(10_000, Math.max(2_000, deps.intervalMs));
  let silences: Silence[] = [];
  let silencesSaid = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> | null = null;
  let stopped = true;
  let leading = false;

  const currentSilences = async (at: Date, useStore: boolean): Promise<Silence[]> => {
    if (!useStore) return silences;
    try {
      silences = await within(activeSilences(deps.store, at), storeMs, 'silences');
      silencesSaid = false;
    } catch (err) {
      if (!silencesSaid)
        log.warn(
          { err: { message: (err as Error).message }, known: silences.length },
          'cannot read silences; the ones known at the last read stay in force',
        );
      silencesSaid = true;
    }
    return silences;
  };

  /** Recovery: what memory decided goes to the store first. False while it cannot. */
  const reconcile = async (): Promise<boolean> => {
    try {
      const outcome = await within(
        reconcileMemory(deps.store, memory, locations),
        storeMs * 3,
        'writing the alert state kept in memory',
      );
      if (outage.active()) outage.ended(outcome, memory.dropped());
      return true;
    } catch (err) {
      outage.reconcileFailed(err as Error);
      return false;
    }
  };

  const runCycle = async (): Promise<CycleSummary> => {
    const started = performance.now();
    const at = deps.now();
    const degraded = deps.isDegraded?.() ?? false;
    if (degraded) outage.begin('the leader lock was lost with the store');
    if (!degraded && (memory.pending() || outage.active())) await reconcile();
    const useStore = !degraded && !memory.pending() && !outage.active();
    // A location a failed write left behind (usually none).
    if (useStore) await within(locations.flush(deps.store), storeMs, 'alert locations').catch(() => {});
    const cycleSilences = await currentSilences(at, useStore);
    const limit = pLimit(deps.concurrency);
    const failed: string[] = [];
    const bad: string[] = [];
    // One log line per cycle, however many environments hit the same problem.
    const problems: Array<{ env: string; step: string; message: string }> = [];
    let checks = 0;
    let inMemory = !useStore;
    // Per environment, in the order of deps.envs: alerts are said in that order.
    const planned: PlannedAlert[][] = deps.envs.map(() => []);

    // Environments whose checks finished wait here to be recorded. While one batch is
    // being written the next gathers, so the store costs a few round trips per batch
    // rather than five per environment, and the checks never wait for it.
    let queue: Finished[] = [];
    let writing: Promise<void> | null = null;

    /** The store failed under this cycle: decide in memory, as during an outage. */
    const decideInMemory = (batch: readonly Finished[], step?: string, err?: Error) => {
      for (const f of batch) {
        if (err) {
          problems.push({ env: f.env, step: step!, message: err.message });
          outage.begin(err.message);
          inMemory = true;
        }
        planned[f.index] = memory.apply(f.report, f.at, deps.rules, f.silencedFor);
      }
    };

    const write = async (batch: Finished[]): Promise<void> => {
      // Once the store failed under this cycle, the other environments do not wait for it too.
      if (!useStore || outage.active()) {
        for (const f of batch) outage.skip(f.report.checks.length);
        return decideInMemory(batch);
      }
      try {
        await within(
          recordReports(
            deps.store,
            batch.map((f) => f.report),
            'watch',
          ),
          storeMs,
          'history',
        );
      } catch (err) {
        for (const f of batch) outage.skip(f.report.checks.length);
        return decideInMemory(batch, 'history', err as Error);
      }
      let applied: AppliedResults[];
      try {
        applied = await within(applyResultsBatch(deps.store, batch, deps.rules), storeMs, 'alert state');
      } catch (err) {
        return decideInMemory(batch, 'alert state', err as Error);
      }
      batch.forEach((f, i) => {
        memory.remember(f.env, applied[i]!.states);
        planned[f.index] = applied[i]!.planned;
      });
    };

    const writeNext = () => {
      if (writing || !queue.length) return;
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      writing = write(batch)
        .catch((err: Error) => {
          // Not expected (the store's failures are handled above): these environments are not alerted on.
          for (const f of batch) {
            failed.push(f.env);
            problems.push({ env: f.env, step: 'alert state', message: err.message });
          }
        })
        .finally(() => {
          writing = null;
          writeNext();
        });
    };

    await Promise.all(
      deps.envs.map((env, index) =>
        limit(async () => {
          try {
            const report = await deps.diagnostics.run(env, { maxAgeMs: 0 });
            checks += report.checks.length;
            for (const c of report.checks) if (c.status === 'fail' || c.status === 'warn') bad.push(`${env}/${c.id}`);
            deps.onReport?.(report);
            const at = new Date(report.checkedAt);
            const silencedFor = (check: string) => silencedBy(env, check, at, cycleSilences, deps.maintenance);
            queue.push({ index, env, report, at, silencedFor });
            writeNext();
          } catch (err) {
            failed.push(env);
            problems.push({ env, step: 'checks', message: (err as Error).message });
          }
        }),
      ),
    );
    while (writing) await writing;
    if (problems.length)
      log.warn(
        { count: problems.length, first: problems.slice(0, 3) },
        'watch cycle: some environments could not be recorded or alerted on',
      );
    // Said in the background, in order per alert: a slow or unreachable Slack never delays the checks.
    const all = planned.flat();
    for (const p of all) deps.alerter.enqueue(p);
    if (useStore && !inMemory) {
      // Where open alerts were posted, so their threads are found should the store go away.
      await within(openAlerts(deps.store, deps.envs), storeMs, 'open alerts')
        .then((open) => locations.seed(open))
        .catch(() => {});
    }
    const summary: CycleSummary = {
      envs: deps.envs.length,
      checks,
      alerts: all.length,
      durationMs: Math.round(performance.now() - started),
      failed,
      storeUnreachable: inMemory,
    };
    log.debug(
      {
        ...summary,
        bad: bad.slice(0, MAX_LISTED),
        ...(bad.length > MAX_LISTED ? { moreBad: bad.length - MAX_LISTED } : {}),
      },
      'watch cycle done',
    );
    if (summary.durationMs > deps.intervalMs)
      log.warn(
        { durationMs: summary.durationMs, intervalMs: deps.intervalMs },
        'a watch cycle took longer than watch.intervalSeconds; raise watch.concurrency or the interval',
      );
    return summary;
  };

  /** No longer leading: the next leader starts from the store. What only memory knows is said in its thread. */
  const stepDown = () => {
    const orphans = memory.openInMemory();
    if (memory.pending() || orphans.length) {
      log.warn(
        { alertsRaisedInMemory: orphans.length },
        "stepped down with alert state the store never got (raised during a store outage); a note goes into each open alert's thread",
      );
    }
    for (const o of orphans) deps.alerter.handOver(o);
    locations.forgetMemory(new Set(orphans.map((o) => o.id)));
    memory.clear();
    outage.reset();
  };

  const loop = async () => {
    if (stopped) return;
    const started = Date.now();
    const isLeader = deps.isLeader();
    if (leading && !isLeader) stepDown();
    leading = isLeader;
    if (isLeader) {
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
