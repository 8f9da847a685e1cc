import { missingTables, quoteIdentifier, schemaExists } from './ctx-tables.js';
import { excerpt } from '../util/text.js';
import { roughDuration } from '../util/format.js';
export const ACTIVE_STATUSES = ['pending', 'running', 'sleeping'];
/** Whether the OpenWorkflow tables are there to read, and if not, what that tells. */
export async function openWorkflowSchemaState(client, schema) {
    const quoted = quoteIdentifier(schema);
    if (!quoted)
        return { kind: 'invalid-name', schema };
    if (!(await schemaExists(client, schema))) {
        // ctx| connects OpenWorkflow without a schema option, so its worker always uses the
        // default schema; OPENWORKFLOW_POSTGRES_SCHEMA is read only by its PR-preview supervisor.
        const defaultSchemaHasTables = schema !== 'openworkflow' && (await missingTables(client, ['"openworkflow".workflow_runs'])).length === 0;
        return { kind: 'no-schema', schema, defaultSchemaHasTables };
    }
    const missing = await missingTables(client, [`${quoted}.workflow_runs`, `${quoted}.step_attempts`]);
    if (missing.length)
        return { kind: 'no-tables', schema, missing: missing.map((m) => m.replace(/"/g, '')) };
    return { kind: 'ok', schema, quoted };
}
function filterSql(filter, first, alias = '') {
    if (!filter)
        return { sql: 'TRUE', params: [] };
    const col = `${alias}workflow_name`;
    return {
        sql: `(${col} = ANY($${first}::text[]) OR ${col} LIKE ANY($${first + 1}::text[]))`,
        params: [filter.names ?? [], filter.patterns ?? []],
    };
}
/** The message of a serialized error column; never its stack. */
const errorMessage = (col) => `coalesce(${col}->>'message', CASE WHEN jsonb_typeof(${col}) = 'string' THEN ${col} #>> '{}' END)`;
/** Failed runs finished within the window, per workflow, with the latest error. */
export async function failuresByWorkflow(client, quoted, windowMs, filter) {
    const f = filterSql(filter, 2);
    const { rows } = await client.query(`WITH failed AS (
       SELECT namespace_id, id, workflow_name, coalesce(finished_at, updated_at) AS at, ${errorMessage('error')} AS message
         FROM ${quoted}.workflow_runs
        WHERE status = 'failed' AND coalesce(finished_at, updated_at) >= now() - make_interval(secs => $1::double precision / 1000) AND ${f.sql}
     ), latest AS (
       SELECT DISTINCT ON (workflow_name) workflow_name, namespace_id, id, at, message FROM failed ORDER BY workflow_name, at DESC
     ), counts AS (
       SELECT workflow_name, count(*)::int AS failures FROM failed GROUP BY workflow_name
     )
     SELECT l.workflow_name, c.failures, (extract(epoch FROM now() - l.at) * 1000)::text AS last_ago_ms, l.message AS last_error,
            (SELECT sa.step_name FROM ${quoted}.step_attempts sa
              WHERE sa.namespace_id = l.namespace_id AND sa.workflow_run_id = l.id AND sa.status = 'failed'
              ORDER BY sa.created_at DESC LIMIT 1) AS last_step
       FROM latest l JOIN counts c USING (workflow_name)
      ORDER BY c.failures DESC, l.workflow_name`, [windowMs, ...f.params]);
    return rows.map((r) => ({
        workflowName: r.workflow_name,
        failures: r.failures,
        lastAgoMs: Number(r.last_ago_ms),
        lastError: r.last_error,
        lastStep: r.last_step,
    }));
}
export async function queueOverview(client, quoted, t, filter) {
    const f = filterSql(filter, 3);
    const { rows } = await client.query(`SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
            count(*) FILTER (WHERE status <> 'pending')::int AS running,
            count(*) FILTER (WHERE status = 'running' AND worker_id IS NOT NULL AND available_at > now())::int AS "liveLeases",
            count(DISTINCT worker_id) FILTER (WHERE status = 'running' AND worker_id IS NOT NULL AND available_at > now())::int AS "liveWorkers",
            count(*) FILTER (WHERE available_at <= now() - make_interval(secs => $1::double precision / 1000))::int AS overdue,
            count(*) FILTER (WHERE deadline_at <= now())::int AS "pastDeadline",
            count(*) FILTER (WHERE status = 'running' AND started_at <= now() - make_interval(secs => $2::double precision / 1000))::int AS "longRunning"
       FROM ${quoted}.workflow_runs
      WHERE status IN ('pending', 'running', 'sleeping') AND ${f.sql}`, [t.overdueMs, t.longRunningMs, ...f.params]);
    return rows[0];
}
/**
 * What is wrong with one active run, most telling first: past its deadline (no worker has
 * polled since), then overdue (nobody picked it up / its worker stopped heartbeating),
 * then running for long.
 */
export function runProblem(r, t) {
    if (r.pastDeadlineMs !== null && r.pastDeadlineMs >= 0)
        return 'past-deadline';
    if (r.overdueMs !== null && r.overdueMs >= t.overdueMs) {
        if (r.status === 'pending')
            return 'waiting';
        if (r.status === 'running' && r.workerId)
            return 'lease-expired';
        return 'not-resumed';
    }
    if (r.status === 'running' && r.runningMs !== null && r.runningMs >= t.longRunningMs)
        return 'long-running';
    return null;
}
/** One stuck run in a sentence: which workflow, what is wrong, since when. */
export function describeProblemRun(r) {
    const name = `${r.workflowName} run ${r.id.slice(0, 8)}`;
    const retry = r.lastError ? `; retrying after: ${excerpt(r.lastError, 120)}` : '';
    switch (r.problem) {
        case 'past-deadline':
            return `${name} is ${r.status} ${roughDuration(r.pastDeadlineMs ?? 0)} past its deadline_at: a polling worker fails such runs at once, so none has polled since`;
        case 'waiting':
            return `${name} waiting to be picked up for ${roughDuration(r.overdueMs ?? 0)}${retry}`;
        case 'lease-expired':
            return `${name} held by worker ${r.workerId}, whose lease expired ${roughDuration(r.overdueMs ?? 0)} ago: that worker stopped heartbeating${r.currentStep ? ` (in step ${r.currentStep})` : ''}`;
        case 'not-resumed':
            return `${name} parked and due to resume ${roughDuration(r.overdueMs ?? 0)} ago`;
        case 'long-running':
            return `${name} running for ${roughDuration(r.runningMs ?? 0)}${r.currentStep ? ` (step ${r.currentStep})` : ''} on worker ${r.workerId ?? 'none'}`;
    }
}
/** The active runs that have a problem (at most `limit`, oldest first). */
export async function problemRuns(client, quoted, t, filter, limit = 10) {
    const f = filterSql(filter, 4, 'r.');
    const { rows } = await client.query(`SELECT r.id, r.workflow_name, r.status, r.worker_id,
            (extract(epoch FROM now() - r.available_at) * 1000)::text AS overdue_ms,
            (extract(epoch FROM now() - r.deadline_at) * 1000)::text AS past_deadline_ms,
            CASE WHEN r.status = 'running' THEN (extract(epoch FROM now() - r.started_at) * 1000)::text END AS running_ms,
            (extract(epoch FROM now() - r.created_at) * 1000)::text AS age_ms,
            (SELECT sa.step_name FROM ${quoted}.step_attempts sa
              WHERE sa.namespace_id = r.namespace_id AND sa.workflow_run_id = r.id AND sa.status = 'running'
              ORDER BY sa.created_at DESC LIMIT 1) AS current_step,
            ${errorMessage('r.error')} AS last_error
       FROM ${quoted}.workflow_runs r
      WHERE r.status IN ('pending', 'running', 'sleeping') AND ${f.sql}
        AND (r.deadline_at <= now()
             OR r.available_at <= now() - make_interval(secs => $1::double precision / 1000)
             OR (r.status = 'running' AND r.started_at <= now() - make_interval(secs => $2::double precision / 1000)))
      ORDER BY coalesce(least(r.deadline_at, r.available_at), r.started_at, r.created_at)
      LIMIT $3`, [t.overdueMs, t.longRunningMs, limit, ...f.params]);
    const num = (v) => (v === null ? null : Number(v));
    const out = [];
    for (const r of rows) {
        const run = {
            id: r.id,
            workflowName: r.workflow_name,
            status: r.status,
            workerId: r.worker_id,
            overdueMs: num(r.overdue_ms),
            pastDeadlineMs: num(r.past_deadline_ms),
            runningMs: num(r.running_ms),
            ageMs: Number(r.age_ms),
            currentStep: r.current_step,
            lastError: r.last_error,
        };
        const problem = runProblem(run, t);
        if (problem)
            out.push({ ...run, problem });
    }
    return out;
}
/**
 * The run that has been due the longest without a worker taking it: a pending run past
 * its available_at, a parked run past its wake-up time, or a running run whose lease ran
 * out. Any polling worker with a free slot claims these, so their age is the queue's
 * "nobody is working" clock.
 */
export async function oldestDue(client, quoted, filter) {
    const f = filterSql(filter, 1);
    const { rows } = await client.query(`SELECT workflow_name, status, worker_id IS NOT NULL AS leased, (extract(epoch FROM now() - available_at) * 1000)::text AS due_ms, attempts
       FROM ${quoted}.workflow_runs
      WHERE status IN ('pending', 'running', 'sleeping') AND available_at <= now() AND ${f.sql}
      ORDER BY available_at LIMIT 1`, f.params);
    const r = rows[0];
    return r
        ? {
            workflowName: r.workflow_name,
            status: r.status,
            leased: r.leased && r.status === 'running',
            dueMs: Number(r.due_ms),
            attempts: r.attempts,
        }
        : null;
}
/**
 * Active runs with failed step attempts within the window (or a kept error from a failure
 * within it), most failures first. Works on the tables of openworkflow 0.8 and 0.9 alike:
 * only columns both create are read.
 */
export async function retryingRuns(client, quoted, windowMs, filter, limit = 10) {
    const f = filterSql(filter, 3, 'r.');
    const since = `now() - make_interval(secs => $1::double precision / 1000)`;
    const at = 'coalesce(sa.finished_at, sa.created_at)';
    const { rows } = await client.query(`SELECT r.id, r.workflow_name, r.status,
            CASE WHEN jsonb_typeof(r.input) = 'object' THEN r.input->>'repositoryId' END AS repository_id,
            CASE WHEN jsonb_typeof(r.input) = 'object' THEN r.input->>'orgId' END AS org_id,
            fa.failed_in_window, fa.failed_total,
            (extract(epoch FROM now() - fa.first_at) * 1000)::text AS first_ago_ms,
            (extract(epoch FROM now() - fa.last_at) * 1000)::text AS last_ago_ms,
            la.step_name AS last_step, la.message AS last_error,
            ${errorMessage('r.error')} AS run_error,
            CASE WHEN r.status = 'pending' AND r.available_at > now() THEN (extract(epoch FROM r.available_at - now()) * 1000)::text END AS next_retry_ms
       FROM ${quoted}.workflow_runs r
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE ${at} >= ${since})::int AS failed_in_window,
                count(*)::int AS failed_total,
                min(${at}) FILTER (WHERE ${at} >= ${since}) AS first_at,
                max(${at}) AS last_at
           FROM ${quoted}.step_attempts sa
          WHERE sa.namespace_id = r.namespace_id AND sa.workflow_run_id = r.id AND sa.status = 'failed'
       ) fa
       LEFT JOIN LATERAL (
         SELECT sa.step_name, ${errorMessage('sa.error')} AS message
           FROM ${quoted}.step_attempts sa
          WHERE sa.namespace_id = r.namespace_id AND sa.workflow_run_id = r.id AND sa.status = 'failed'
          ORDER BY ${at} DESC LIMIT 1
       ) la ON TRUE
      WHERE r.status IN ('pending', 'running', 'sleeping') AND ${f.sql}
        AND (fa.failed_in_window > 0 OR (r.error IS NOT NULL AND r.updated_at >= ${since}))
      ORDER BY fa.failed_in_window DESC, fa.last_at DESC NULLS LAST, r.id
      LIMIT $2`, [windowMs, limit, ...f.params]);
    const num = (v) => (v === null ? null : Number(v));
    return rows.map((r) => ({
        id: r.id,
        workflowName: r.workflow_name,
        status: r.status,
        repositoryId: r.repository_id,
        orgId: r.org_id,
        failedInWindow: r.failed_in_window,
        failedTotal: r.failed_total,
        firstAgoMs: num(r.first_ago_ms),
        lastAgoMs: num(r.last_ago_ms),
        lastStep: r.last_step,
        lastError: r.last_error,
        runError: r.run_error,
        nextRetryInMs: num(r.next_retry_ms),
    }));
}
/** "5 failed step attempts in the last 60 min (first 9 min ago, latest 1 min ago, step resolve-ref): resolve-ref failed to fetch" */
export function describeRetries(r, windowMinutes) {
    const error = r.lastError ?? r.runError;
    const when = [
        r.firstAgoMs !== null && r.failedInWindow > 1 ? `first ${roughDuration(r.firstAgoMs)} ago` : '',
        r.lastAgoMs !== null ? `latest ${roughDuration(r.lastAgoMs)} ago` : '',
        r.lastStep ? `step ${r.lastStep}` : '',
    ]
        .filter(Boolean)
        .join(', ');
    const count = r.failedInWindow
        ? `${r.failedInWindow} failed step attempt${r.failedInWindow === 1 ? '' : 's'} in the last ${windowMinutes} min${r.failedTotal > r.failedInWindow ? ` (${r.failedTotal} in all)` : ''}`
        : "a failed attempt, kept as the run's error";
    const next = r.nextRetryInMs !== null
        ? `; the run is pending, next attempt in ${roughDuration(r.nextRetryInMs)}`
        : `; the run is ${r.status}`;
    return `${count}${when ? ` (${when})` : ''}${error ? `: ${excerpt(error)}` : ''}${next}`;
}
export const INGESTION_WORKFLOWS = ['repository-ingestion', 'repository-index'];
