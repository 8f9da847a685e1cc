import { overallStatus } from './status-rules.js';
import type { CheckResult, Status, StatusReport } from '../contracts/checks.js';
import type { Store } from '../store/store.js';

export type HistorySource = 'watch' | 'digest';
const HOUR_MS = 3_600_000;

/**
 * Records every check of a scheduled run: one raw row per check (kept for
 * history.retentionDays) and the hourly roll-up the digest reads uptime and latency from.
 * A failing run's duration is left out of the latency figures (a refused connection
 * answers in a millisecond and would draw a misleading dip).
 */
export async function recordReport(store: Store, report: StatusReport, source: HistorySource): Promise<void> {
  await recordReports(store, [report], source);
}

/**
 * recordReport for several runs in one statement: the watch records a batch of
 * environments per round trip instead of one each (a round trip per environment was most
 * of a 100-environment cycle's time). Runs of the same environment, check and hour may be
 * in one batch: their roll-up is summed before it meets the table, as separate calls would.
 */
export async function recordReports(
  store: Store,
  reports: readonly StatusReport[],
  source: HistorySource,
): Promise<void> {
  const env: string[] = [];
  const checkedAt: Date[] = [];
  const hour: Date[] = [];
  const id: string[] = [];
  const status: string[] = [];
  const summary: string[] = [];
  const durationMs: number[] = [];
  const rootCause: Array<string | null> = [];
  for (const report of reports) {
    const at = new Date(report.checkedAt);
    const h = new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
    for (const r of report.checks) {
      env.push(report.environment);
      checkedAt.push(at);
      hour.push(h);
      id.push(r.id);
      status.push(r.status);
      summary.push(r.summary.slice(0, 500));
      durationMs.push(r.durationMs);
      rootCause.push(r.rootCause ?? null);
    }
  }
  if (!id.length) return;
  // One statement (atomic on its own, one round trip instead of BEGIN, two INSERTs and
  // COMMIT): the raw rows, and the roll-up of the checks that ran (skips are not counted).
  await store.query(
    `WITH t AS (
       SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[])
         AS t(env, checked_at, hour, check_id, status, summary, duration_ms, root_cause)
     ), raw AS (
       INSERT INTO ctx_ops.check_history (env, check_id, status, summary, duration_ms, root_cause, source, checked_at)
       SELECT t.env, t.check_id, t.status, t.summary, t.duration_ms, t.root_cause, $9, t.checked_at FROM t
     )
     INSERT INTO ctx_ops.check_hourly AS h (env, check_id, hour, runs, failures, warnings, total_ms, max_ms)
     SELECT t.env, t.check_id, t.hour, count(*), count(*) FILTER (WHERE t.status = 'fail'), count(*) FILTER (WHERE t.status = 'warn'),
            sum(CASE WHEN t.status = 'fail' THEN 0 ELSE t.duration_ms END), max(CASE WHEN t.status = 'fail' THEN 0 ELSE t.duration_ms END)
     FROM t WHERE t.status <> 'skip'
     GROUP BY t.env, t.check_id, t.hour
     ON CONFLICT (env, check_id, hour) DO UPDATE SET
       runs = h.runs + EXCLUDED.runs, failures = h.failures + EXCLUDED.failures, warnings = h.warnings + EXCLUDED.warnings,
       total_ms = h.total_ms + EXCLUDED.total_ms, max_ms = GREATEST(h.max_ms, EXCLUDED.max_ms)`,
    [env, checkedAt, hour, id, status, summary, durationMs, rootCause, source],
  );
}

export interface HourlyRow {
  check: string;
  hour: Date;
  runs: number;
  failures: number;
  warnings: number;
  /** Sum of the durations of runs that did not fail. */
  totalMs: number;
}

export async function hourlyStats(store: Store, env: string, since: Date): Promise<HourlyRow[]> {
  const { rows } = await store.query<{
    check_id: string;
    hour: Date;
    runs: number;
    failures: number;
    warnings: number;
    total_ms: string;
  }>(
    `SELECT check_id, hour, runs, failures, warnings, total_ms FROM ctx_ops.check_hourly WHERE env = $1 AND hour >= $2 ORDER BY hour`,
    [env, new Date(Math.floor(since.getTime() / HOUR_MS) * HOUR_MS)],
  );
  return rows.map((r) => ({
    check: r.check_id,
    hour: r.hour,
    runs: r.runs,
    failures: r.failures,
    warnings: r.warnings,
    totalMs: Number(r.total_ms),
  }));
}

/** Share of runs that did not fail (a warning counts as up); null without runs. */
export function uptime(rows: readonly HourlyRow[], since: Date): number | null {
  const floor = Math.floor(since.getTime() / HOUR_MS) * HOUR_MS;
  let runs = 0;
  let failures = 0;
  for (const r of rows) {
    if (r.hour.getTime() < floor) continue;
    runs += r.runs;
    failures += r.failures;
  }
  return runs ? (runs - failures) / runs : null;
}

/** The newest recorded result of each check of an environment, no older than `notBefore`. */
export async function latestRecorded(store: Store, env: string, notBefore: Date): Promise<StatusReport | null> {
  const { rows } = await store.query<{
    check_id: string;
    status: Status;
    summary: string;
    duration_ms: number;
    root_cause: string | null;
    checked_at: Date;
  }>(
    `SELECT DISTINCT ON (check_id) check_id, status, summary, duration_ms, root_cause, checked_at
       FROM ctx_ops.check_history WHERE env = $1 AND checked_at >= $2 ORDER BY check_id, checked_at DESC`,
    [env, notBefore],
  );
  if (!rows.length) return null;
  const checks: CheckResult[] = rows.map((r) => ({
    id: r.check_id,
    status: r.status,
    summary: r.summary,
    details: [],
    durationMs: r.duration_ms,
    ...(r.root_cause ? { rootCause: r.root_cause } : {}),
  }));
  const newest = Math.max(...rows.map((r) => r.checked_at.getTime()));
  return { environment: env, checkedAt: new Date(newest).toISOString(), overall: overallStatus(checks), checks };
}

/** The newest report seen per environment (watch, digests, and `/ctx status` via onReport). */
export function createLatestReports() {
  const byEnv = new Map<string, StatusReport>();
  return {
    set(r: StatusReport) {
      const prev = byEnv.get(r.environment);
      // A partial run (`/ctx check graph`) is not the environment's status.
      if (prev && (Date.parse(prev.checkedAt) > Date.parse(r.checkedAt) || r.checks.length < prev.checks.length))
        return;
      byEnv.set(r.environment, r);
    },
    get: (env: string) => byEnv.get(env),
  };
}
export type LatestReports = ReturnType<typeof createLatestReports>;
