import * as z from 'zod';
import { describeReadError, isStatementError, missingTables } from '../ctx-tables.js';
import {
  describeRetries,
  INGESTION_WORKFLOWS,
  openWorkflowSchemaState,
  retryingRuns,
  type RetryingRun,
} from '../openworkflow-runs.js';
import { findings } from '../findings.js';
import { excerpt, listSome } from '../../util/text.js';
import { roughDuration } from '../../util/format.js';
import type { Check } from '../types.js';
import type { Status } from '../../contracts/checks.js';

export interface IndexingOptions {
  stuckHours: number;
  neverIndexedHours: number;
  retryWindowMinutes: number;
  failingAttempts: number;
}

/** upstream `repository_indexing_status` */
export type IndexingStatus = 'queued' | 'running' | 'ready' | 'failed' | 'unindexing' | 'complete_with_issues';

/**
 * Upstream's own rule (models/repositories.ts, deriveRepositoryIndexingStatus): a row
 * without indexing_status is ready when index_ready, else it shows as running.
 */
export function effectiveStatus(indexingStatus: string | null, indexReady: boolean): string {
  return indexingStatus ?? (indexReady ? 'ready' : 'running');
}

export type RepoState =
  | 'ready'
  | 'issues'
  | 'failed'
  | 'failing'
  | 'stuck'
  | 'retrying'
  | 'indexing'
  | 'never-indexed'
  | 'unindexing';

export interface RepoFacts {
  indexingStatus: string | null;
  indexReady: boolean;
  /** last_ingested_at is set: it was indexed at least once. */
  everIngested: boolean;
  /** now - updated_at. ctx| bumps updated_at on every status change and indexing step. */
  idleMs: number;
  /** now - created_at: how long ago it was connected. */
  ageMs: number;
  /** Failed step attempts, within the retry window, of an active ingestion run for it. */
  failedAttempts?: number;
}

/**
 * Where one repository stands. `updated_at` is the "since when": upstream writes it on
 * every status change and every indexing step, and uses it itself to reclaim stale
 * claims (queued > 30 min, running > 6 h, in tryClaimRepositoryIndexingEnqueue). So a
 * queued or running repository whose updated_at is old has made no progress since.
 */
export function classifyRepo(
  r: RepoFacts,
  t: { stuckMs: number; neverIndexedMs: number; failingAttempts?: number },
): RepoState {
  const status = effectiveStatus(r.indexingStatus, r.indexReady);
  const active = status === 'queued' || status === 'running';
  const attempts = r.failedAttempts ?? 0;
  if (status === 'failed') return 'failed';
  // Its ingestion keeps failing while the row still says running: the row will not tell.
  if (active && attempts >= (t.failingAttempts ?? 3)) return 'failing';
  if (active && r.idleMs >= t.stuckMs) return 'stuck';
  if (status === 'unindexing') return 'unindexing';
  if (!r.indexReady && !r.everIngested && r.ageMs >= t.neverIndexedMs) return 'never-indexed';
  if (active && attempts > 0) return 'retrying';
  if (active) return 'indexing';
  if (status === 'complete_with_issues') return 'issues';
  return 'ready';
}

export type RepoCounts = Record<RepoState, number>;

/** Failed or stuck repositories break search for their users; one never indexed is worth a look. */
export function indexingVerdict(c: RepoCounts): Exclude<Status, 'skip'> {
  if (c.failed > 0 || c.failing > 0 || c.stuck > 0) return 'fail';
  if (c['never-indexed'] > 0 || c.retrying > 0) return 'warn';
  return 'ok';
}

/** "41 ready, 2 failed, 1 stuck running for 5 h" */
export function indexingSummary(c: RepoCounts, longestStuck: { status: string; idleMs: number } | null): string {
  const total = Object.values(c).reduce((a, b) => a + b, 0);
  if (total === 0) return 'no repositories connected yet';
  const parts = [`${c.ready + c.issues} ready${c.issues ? ` (${c.issues} with issues)` : ''}`];
  if (c.failed) parts.push(`${c.failed} failed`);
  if (c.failing) parts.push(`${c.failing} failing while running (ingestion retrying)`);
  if (c.stuck && longestStuck) {
    const how = `${longestStuck.status} for ${roughDuration(longestStuck.idleMs)}`;
    parts.push(c.stuck === 1 ? `1 stuck ${how}` : `${c.stuck} stuck (longest ${how})`);
  }
  if (c['never-indexed']) parts.push(`${c['never-indexed']} never indexed`);
  if (c.retrying) parts.push(`${c.retrying} indexing with failed attempts`);
  if (c.indexing) parts.push(`${c.indexing} indexing`);
  if (c.unindexing) parts.push(`${c.unindexing} unindexing`);
  return parts.join(', ');
}

/**
 * The active ingestion runs (repository-ingestion / repository-index) whose steps failed
 * within the window, by repository id. OpenWorkflow's tables may be missing or unreadable to
 * this role: then the repositories are classified from their own row, and a note says so.
 */
async function ingestionRuns(
  client: Parameters<typeof missingTables>[0],
  schema: string,
  windowMs: number,
): Promise<{ runs: Map<string, RetryingRun>; runsNote?: string }> {
  const state = await openWorkflowSchemaState(client, schema);
  if (state.kind !== 'ok')
    return {
      runs: new Map(),
      runsNote: `ingestion runs not read: OpenWorkflow's tables are not in schema ${schema} (see the worker check)`,
    };
  try {
    const runs = await retryingRuns(client, state.quoted, windowMs, { names: [...INGESTION_WORKFLOWS] }, 200);
    const byRepo = new Map<string, RetryingRun>();
    for (const r of runs) if (r.repositoryId && !byRepo.has(r.repositoryId)) byRepo.set(r.repositoryId, r);
    return { runs: byRepo };
  } catch (err) {
    if (!isStatementError(err)) throw err;
    return {
      runs: new Map(),
      runsNote: `ingestion runs not read (${(err as Error).message}): grant SELECT on ${schema}.workflow_runs and ${schema}.step_attempts to see failing attempts`,
    };
  }
}

interface Row {
  id: string;
  name: string;
  org: string;
  indexing_status: string | null;
  index_ready: boolean;
  indexing_error: string | null;
  failed_ago_ms: string | null;
  ever_ingested: boolean;
  step_key: string | null;
  idle_ms: string;
  age_ms: string;
}

/** Rows beyond this are counted as "not listed" rather than read: a check must stay cheap. */
const MAX_ROWS = 2000;
const SHOWN = 8;

export const indexingCheck: Check<IndexingOptions> = {
  id: 'indexing',
  title: 'Indexing',
  dependsOn: ['postgres'],
  options: {
    stuckHours: z.number().positive().default(2),
    neverIndexedHours: z.number().positive().default(24),
    retryWindowMinutes: z.number().positive().default(60),
    failingAttempts: z.number().int().positive().default(3),
  },
  async run(ctx, signal) {
    const f = findings();
    if (!ctx.pg) {
      f.fail("DATABASE_URL is not set: repository state lives in ctx|'s Postgres");
      return f.done('DATABASE_URL is not set');
    }
    const pg = ctx.pg;
    const stuckMs = ctx.options.stuckHours * 3_600_000;
    const neverIndexedMs = ctx.options.neverIndexedHours * 3_600_000;

    let read: { missing: string[]; plainReady: number; rows: Row[]; runs: Map<string, RetryingRun>; runsNote?: string };
    try {
      read = await pg.withClient(signal, async (client) => {
        const missing = await missingTables(client, ['repositories', 'organizations']);
        if (missing.includes('repositories')) return { missing, plainReady: 0, rows: [], runs: new Map() };
        const org = missing.includes('organizations') ? 'r.org_id' : 'coalesce(o.slug, r.org_id)';
        const join = missing.includes('organizations') ? '' : 'LEFT JOIN organizations o ON o.id = r.org_id';
        // Plain ready rows are only counted; everything else is read and classified here.
        const plain = `r.index_ready AND coalesce(r.indexing_status::text, 'ready') = 'ready'`;
        const counted = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM repositories r WHERE ${plain}`,
        );
        const { rows } = await client.query<Row>(
          `SELECT r.id, r.name, ${org} AS org, r.indexing_status::text AS indexing_status, r.index_ready, r.indexing_error,
                  (extract(epoch FROM now() - r.indexing_failed_at) * 1000)::text AS failed_ago_ms,
                  r.last_ingested_at IS NOT NULL AS ever_ingested, r.indexing_step_key AS step_key,
                  (extract(epoch FROM now() - r.updated_at) * 1000)::text AS idle_ms,
                  (extract(epoch FROM now() - r.created_at) * 1000)::text AS age_ms
             FROM repositories r ${join}
            WHERE NOT (${plain})
            ORDER BY r.updated_at
            LIMIT ${MAX_ROWS + 1}`,
        );
        const ingestion = await ingestionRuns(
          client,
          ctx.env.ctx.OPENWORKFLOW_POSTGRES_SCHEMA,
          ctx.options.retryWindowMinutes * 60_000,
        );
        return { missing, plainReady: counted.rows[0]?.n ?? 0, rows, ...ingestion };
      });
    } catch (err) {
      if (signal.aborted) throw err;
      f.fail(describeReadError(err, 'table repositories', pg.target));
      return f.done('cannot read repositories');
    }

    if (read.missing.includes('repositories')) {
      f.fail(
        "table repositories does not exist: ctx|'s migrations have not run against this database (see the migrations check)",
      );
      return f.done('no repositories table');
    }
    if (read.missing.includes('organizations'))
      f.info('table organizations is missing: repositories are named with their org id');

    const truncated = read.rows.length > MAX_ROWS;
    const rows = read.rows.slice(0, MAX_ROWS);
    const counts: RepoCounts = {
      ready: read.plainReady,
      issues: 0,
      failed: 0,
      failing: 0,
      stuck: 0,
      retrying: 0,
      indexing: 0,
      'never-indexed': 0,
      unindexing: 0,
    };
    const by: Record<RepoState, Array<Row & { idleMs: number; ageMs: number }>> = {
      ready: [],
      issues: [],
      failed: [],
      failing: [],
      stuck: [],
      retrying: [],
      indexing: [],
      'never-indexed': [],
      unindexing: [],
    };
    for (const row of rows) {
      const facts = {
        indexingStatus: row.indexing_status,
        indexReady: row.index_ready,
        everIngested: row.ever_ingested,
        idleMs: Number(row.idle_ms),
        ageMs: Number(row.age_ms),
        failedAttempts: read.runs.get(row.id)?.failedInWindow ?? 0,
      };
      const state = classifyRepo(facts, { stuckMs, neverIndexedMs, failingAttempts: ctx.options.failingAttempts });
      counts[state]++;
      by[state].push({ ...row, idleMs: facts.idleMs, ageMs: facts.ageMs });
    }
    const label = (r: Row) => `${r.name} (org ${r.org})`;
    const more = (n: number) => (n > SHOWN ? [`${n - SHOWN} more not listed`] : []);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);

    if (total === 0) f.info('no repositories connected yet');
    else f.ok(`${counts.ready + counts.issues} of ${total} repositories indexed and searchable`);

    // Most recent failure first: that is the one people are asking about.
    const failedAgo = (r: Row) => (r.failed_ago_ms === null ? Infinity : Number(r.failed_ago_ms));
    by.failed.sort((a, b) => failedAgo(a) - failedAgo(b));
    for (const r of by.failed.slice(0, SHOWN)) {
      const when = r.failed_ago_ms === null ? '' : ` ${roughDuration(Number(r.failed_ago_ms))} ago`;
      const never = r.ever_ingested ? '' : ' (never indexed successfully)';
      const error = r.indexing_error ? `: ${excerpt(r.indexing_error)}` : ': no error recorded';
      f.fail(`${label(r)} failed${when}${never}${error}`);
    }
    more(by.failed.length).forEach((t) => f.info(`failed: ${t}`));

    // Still "running" in the table while its ingestion run fails attempt after attempt.
    const retryText = (r: Row) => {
      const run = read.runs.get(r.id)!;
      return `${label(r)} ${effectiveStatus(r.indexing_status, r.index_ready)}, but its ${run.workflowName} run ${run.id.slice(0, 8)} keeps failing: ${describeRetries(run, ctx.options.retryWindowMinutes)}`;
    };
    for (const r of by.failing.slice(0, SHOWN)) {
      f.fail(
        `${retryText(r)}. OpenWorkflow retries it with backoff and only then marks the repository failed; fix the cause (the error above), then reindex`,
      );
    }
    more(by.failing.length).forEach((t) => f.info(`failing while running: ${t}`));
    for (const r of by.retrying.slice(0, SHOWN))
      f.warn(`${retryText(r)} (fewer than ${ctx.options.failingAttempts} in the window: may be transient)`);
    more(by.retrying.length).forEach((t) => f.info(`indexing with failed attempts: ${t}`));
    if (read.runsNote) f.info(read.runsNote);

    // Oldest first: the ORDER BY updated_at puts the longest idle at the front.
    for (const r of by.stuck.slice(0, SHOWN)) {
      const status = effectiveStatus(r.indexing_status, r.index_ready);
      const unset = r.indexing_status === null ? ' (status unset, index not ready: ctx| shows it as running)' : '';
      if (status === 'queued') {
        f.fail(
          `${label(r)} queued with no progress for ${roughDuration(r.idleMs)}: no worker has started its ingestion (see the worker check)`,
        );
      } else {
        const step = r.step_key ? ` at step ${r.step_key}` : '';
        f.fail(
          `${label(r)} running${step}${unset} with no progress for ${roughDuration(r.idleMs)}: the ingestion died or hangs; ctx| reclaims a running claim only after 6 h and only when something re-enqueues it (reindex)`,
        );
      }
    }
    more(by.stuck.length).forEach((t) => f.info(`stuck: ${t}`));

    for (const r of by['never-indexed'].slice(0, SHOWN)) {
      const now = effectiveStatus(r.indexing_status, r.index_ready);
      f.warn(`${label(r)} connected ${roughDuration(r.ageMs)} ago and never indexed (now ${now})`);
    }
    more(by['never-indexed'].length).forEach((t) => f.info(`never indexed: ${t}`));

    if (by.indexing.length)
      f.info(
        `${by.indexing.length} indexing now, with progress within ${ctx.options.stuckHours} h: ${listSome(by.indexing.map(label), 3)}`,
      );
    if (by.unindexing.length)
      f.info(`${by.unindexing.length} being removed (unindexing): ${listSome(by.unindexing.map(label), 3)}`);
    for (const r of by.issues.slice(0, 3))
      f.info(`${label(r)} indexed with issues: ${excerpt(r.indexing_error) || 'no detail recorded'}`);
    if (truncated)
      f.info(
        `more than ${MAX_ROWS} repositories need attention; only the ${MAX_ROWS} least recently updated were read`,
      );

    const verdict = indexingVerdict(counts);
    if (verdict !== 'ok') {
      f.info(
        'next: fix the cause (codesearch logs for clone/index errors, GitHub App access, the worker), then reindex the repository from the UI',
      );
    }
    const longest = by.stuck[0]
      ? { status: effectiveStatus(by.stuck[0].indexing_status, by.stuck[0].index_ready), idleMs: by.stuck[0].idleMs }
      : null;
    return f.done(indexingSummary(counts, longest), verdict === 'ok' ? {} : { runbook: 'repo-not-indexed' });
  },
};
