import * as z from 'zod';
import { describeReadError, repositoryLabels } from '../ctx-tables.js';
import { findings, type Findings } from '../findings.js';
import {
  failuresByWorkflow,
  oldestDue,
  openWorkflowSchemaState,
  describeProblemRun,
  describeRetries,
  problemRuns,
  retryingRuns,
  queueOverview,
  type ActiveRun,
  type DueRun,
  type FailureGroup,
  type QueueOverview,
  type RetryingRun,
  type RunProblem,
  type SchemaState,
} from '../openworkflow-runs.js';
import { excerpt } from '../../util/text.js';
import { roughDuration } from '../../util/format.js';
import type { Check } from '../types.js';

export interface WorkerOptions {
  stalledMinutes: number;
  runningHours: number;
  failureWindowHours: number;
  retryWindowMinutes: number;
}

/**
 * Is anyone working the queue? A run that has been due for longer than the threshold
 * with no live lease anywhere means no worker is polling: stalled. Due runs while other
 * runs hold live leases mean a worker is alive but full (upstream runs 20 at a time).
 */
export function queueVerdict(
  oldestDueMs: number | null,
  liveLeases: number,
  stalledMs: number,
): 'ok' | 'warn' | 'fail' {
  if (oldestDueMs === null || oldestDueMs < stalledMs) return 'ok';
  return liveLeases > 0 ? 'warn' : 'fail';
}

/**
 * How each kind of stuck run is reported: a run past its deadline proves nobody polled;
 * a long run may be a big repository. Overdue runs are listed as information because the
 * queue verdict (stalled or busy) already carries their status.
 */
export function runProblemStatus(p: RunProblem): 'warn' | 'fail' | 'info' {
  if (p === 'past-deadline') return 'fail';
  if (p === 'long-running') return 'warn';
  return 'info';
}

export function dueText(d: DueRun): string {
  const what =
    d.status === 'pending' ? 'waiting to be picked up' : d.leased ? 'held under an expired lease' : 'due to resume';
  return `${d.workflowName} ${what} for ${roughDuration(d.dueMs)}`;
}

/** The schema is not there to read: what that tells about the deployment. */
export function reportSchemaState(f: Findings, state: Exclude<SchemaState, { kind: 'ok' }>): string {
  switch (state.kind) {
    case 'invalid-name':
      f.fail(
        `OPENWORKFLOW_POSTGRES_SCHEMA=${JSON.stringify(state.schema)} is not a Postgres identifier (OpenWorkflow refuses it too)`,
      );
      return 'invalid OPENWORKFLOW_POSTGRES_SCHEMA';
    case 'no-tables':
      f.fail(
        `schema ${state.schema} exists but ${state.missing.join(' and ')} do not: OpenWorkflow's migrations (run when the backend or worker starts) did not finish; check their startup logs`,
      );
      return `OpenWorkflow tables missing in schema ${state.schema}`;
    case 'no-schema':
      f.fail(
        `schema ${state.schema} does not exist: OpenWorkflow creates it when ctx|'s backend or worker first connects, so the worker has never started against this database and ingestion, Confluence sync and Forge provisioning never run`,
      );
      return `the worker never started: schema ${state.schema} does not exist`;
  }
}

export function failureLine(g: FailureGroup, windowHours: number): string {
  const step = g.lastStep ? ` in step ${g.lastStep}` : '';
  const error = g.lastError ? `: ${excerpt(g.lastError)}` : '';
  return `${g.workflowName}: ${g.failures} failed in ${windowHours} h; latest ${roughDuration(g.lastAgoMs)} ago${step}${error}`;
}

/** "repository-ingestion run 1a2b3c4d for acme/api (org acme) keeps failing: 5 failed step attempts …" */
export function retryingLine(r: RetryingRun, windowMinutes: number, repos: ReadonlyMap<string, string>): string {
  const repo = r.repositoryId ? ` for repository ${repos.get(r.repositoryId) ?? r.repositoryId}` : '';
  return `${r.workflowName} run ${r.id.slice(0, 8)}${repo} keeps failing and is being retried: ${describeRetries(r, windowMinutes)}`;
}

/** Stuck runs listed by name; the counts cover the rest. */
const LISTED_RUNS = 8;

interface Read {
  state: SchemaState;
  /** Set when OPENWORKFLOW_POSTGRES_SCHEMA names an empty schema but the default one holds the runs. */
  readSchema?: string;
  overview?: QueueOverview;
  due?: DueRun | null;
  failures?: FailureGroup[];
  problems?: Array<ActiveRun & { problem: RunProblem }>;
  retrying?: RetryingRun[];
  /** "acme/api (org acme)" by repository id, for runs whose input names one. */
  repos?: Map<string, string>;
}

/**
 * The runbook for a worker in trouble: a stalled or failing worker stops ingestion, so
 * repositories never get indexed, unless only Confluence/Forge jobs are affected.
 */
export function workerRunbook(workflows: string[]): 'repo-not-indexed' | 'confluence-stalls' {
  return workflows.length > 0 && workflows.every((w) => /^(forge-|confluence-)/.test(w))
    ? 'confluence-stalls'
    : 'repo-not-indexed';
}

export const workerCheck: Check<WorkerOptions> = {
  id: 'worker',
  title: 'Worker',
  dependsOn: ['postgres'],
  options: {
    stalledMinutes: z.number().positive().default(10),
    runningHours: z.number().positive().default(6),
    failureWindowHours: z.number().positive().default(24),
    retryWindowMinutes: z.number().positive().default(60),
  },
  async run(ctx, signal) {
    const f = findings();
    if (!ctx.pg) {
      f.fail("DATABASE_URL is not set: OpenWorkflow keeps its queue in ctx|'s Postgres");
      return f.done('DATABASE_URL is not set');
    }
    const pg = ctx.pg;
    const schema = ctx.env.ctx.OPENWORKFLOW_POSTGRES_SCHEMA;
    const o = ctx.options;
    const thresholds = { overdueMs: o.stalledMinutes * 60_000, longRunningMs: o.runningHours * 3_600_000 };

    let read: Read;
    try {
      read = await pg.withClient(signal, async (client) => {
        let state = await openWorkflowSchemaState(client, schema);
        const out: Read = { state };
        if (state.kind === 'no-schema' && state.defaultSchemaHasTables) {
          state = await openWorkflowSchemaState(client, 'openworkflow');
          out.readSchema = 'openworkflow';
        }
        if (state.kind !== 'ok') return out;
        out.overview = await queueOverview(client, state.quoted, thresholds);
        out.due = await oldestDue(client, state.quoted);
        out.failures = await failuresByWorkflow(client, state.quoted, o.failureWindowHours * 3_600_000);
        out.problems = await problemRuns(client, state.quoted, thresholds, undefined, LISTED_RUNS);
        out.retrying = await retryingRuns(client, state.quoted, o.retryWindowMinutes * 60_000, undefined, LISTED_RUNS);
        // Names for the repositories the runs work on; the tables may be unreadable to this role.
        out.repos = await repositoryLabels(
          client,
          out.retrying.flatMap((r) => (r.repositoryId ? [r.repositoryId] : [])),
        ).catch(() => new Map<string, string>());
        return out;
      });
    } catch (err) {
      if (signal.aborted) throw err;
      f.fail(describeReadError(err, `OpenWorkflow's tables in schema ${schema}`, pg.target));
      return f.done('cannot read the OpenWorkflow queue');
    }

    if (read.readSchema) {
      f.warn(
        `OPENWORKFLOW_POSTGRES_SCHEMA=${schema} names no schema, but the runs are in schema openworkflow: ctx|'s backend and worker always use openworkflow (only its PR-preview supervisor reads the variable); unset it`,
      );
    }
    const {
      state,
      overview: q,
      due = null,
      failures = [],
      problems = [],
      retrying = [],
      repos = new Map<string, string>(),
    } = read;
    if (state.kind !== 'ok' && !q) return f.done(reportSchemaState(f, state));
    if (!q) return f.done('cannot read the OpenWorkflow queue');

    const used = read.readSchema ?? schema;
    f.info(
      `schema ${used}: ${q.pending} pending, ${q.running} running or parked; ${q.liveLeases} held under live leases by ${q.liveWorkers} worker(s)`,
    );

    // Is the queue being worked?
    const queue = queueVerdict(due?.dueMs ?? null, q.liveLeases, thresholds.overdueMs);
    if (!due) f.ok('no run is due and waiting for a worker');
    else if (queue === 'ok')
      f.ok(
        `the longest-due run waited ${roughDuration(due.dueMs)} (stalled after ${o.stalledMinutes} min): ${dueText(due)}`,
      );
    else if (queue === 'fail') {
      f.fail(
        `the worker looks stalled: ${dueText(due)} and no worker holds a live lease; ${q.overdue} run(s) overdue. Check that the worker container runs and its logs`,
      );
    } else {
      f.warn(
        `${q.overdue} run(s) overdue (${dueText(due)}) while ${q.liveLeases} run(s) are held by live workers: the worker is busy at its concurrency limit (20 upstream) or too few workers run`,
      );
    }
    if (!due && q.liveLeases === 0) {
      f.info(
        'no run is due or leased, so the queue cannot show whether a worker process is up: a run enqueued while none is would show here as waiting',
      );
    }

    for (const r of problems) {
      const s = runProblemStatus(r.problem);
      if (s === 'fail') f.fail(describeProblemRun(r));
      else if (s === 'warn') f.warn(describeProblemRun(r));
      else f.info(describeProblemRun(r));
    }
    if (problems.length === LISTED_RUNS)
      f.info(
        `not every stuck run is listed (${q.overdue} overdue, ${q.pastDeadline} past deadline, ${q.longRunning} running > ${o.runningHours} h)`,
      );

    // Runs that keep failing but are not failed yet: OpenWorkflow retries their steps.
    for (const r of retrying) f.warn(retryingLine(r, o.retryWindowMinutes, repos));

    // What failed recently, per workflow.
    const failed = failures.reduce((a, g) => a + g.failures, 0);
    if (!failures.length) {
      f.ok(
        retrying.length
          ? `no run failed for good in the last ${o.failureWindowHours} h (the retrying runs above may still)`
          : `no run failed in the last ${o.failureWindowHours} h`,
      );
    }
    for (const g of failures.slice(0, 8)) f.warn(failureLine(g, o.failureWindowHours));
    if (failures.length > 8) f.info(`${failures.length - 8} more workflows with failures not listed`);

    // Summary: the most important fact first.
    const parts: string[] = [];
    if (queue === 'fail' && due) parts.push(`stalled: ${dueText(due)}, no live worker`);
    else parts.push(`${q.running} running, ${q.pending} pending`);
    if (queue === 'warn' && due) parts.push(`busy: ${dueText(due)}`);
    if (q.pastDeadline) parts.push(`${q.pastDeadline} past deadline`);
    if (q.longRunning) parts.push(`${q.longRunning} running > ${o.runningHours} h`);
    if (retrying.length) {
      const r = retrying[0]!;
      const error = r.lastError ?? r.runError;
      parts.push(
        `${retrying.length} retrying after failed steps (${r.workflowName}${error ? `: ${excerpt(error, 60)}` : ''}${retrying.length > 1 ? ', …' : ''})`,
      );
    }
    if (failed) {
      const top = failures
        .slice(0, 3)
        .map((g) => `${g.workflowName} ×${g.failures}`)
        .join(', ');
      parts.push(`${failed} failed in ${o.failureWindowHours} h (${top}${failures.length > 3 ? ', …' : ''})`);
    }
    const affected = [
      ...failures.map((g) => g.workflowName),
      ...problems.map((r) => r.workflowName),
      ...retrying.map((r) => r.workflowName),
      ...(due && queue !== 'ok' ? [due.workflowName] : []),
    ];
    return f.done(parts.join('; '), f.status === 'ok' ? {} : { runbook: workerRunbook(affected) });
  },
};
