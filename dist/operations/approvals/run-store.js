import { lazyRequire } from '../../util/lazy-require.js';
const pgModule = lazyRequire('pg');
// Fixed advisory-lock namespaces (two-int form): one per run, one per environment.
export const LOCK_RUN = 0x63747801;
export const LOCK_ENV = 0x63747802;
function fromRow(r) {
    return {
        id: r.id,
        kind: r.kind,
        env: r.env,
        approvalId: r.approval_id ?? null,
        slot: r.slot ?? null,
        state: r.state,
        runner: r.runner,
        startedAt: r.started_at,
        finishedAt: r.finished_at ?? null,
        durationMs: r.duration_ms ?? null,
        exitStatus: r.exit_status ?? null,
        summary: r.summary ?? null,
        checksum: r.checksum ?? null,
        partialPath: r.partial_path ?? null,
        scratchDb: r.scratch_db ?? null,
        threadChannel: r.thread_channel ?? null,
        threadTs: r.thread_ts ?? null,
    };
}
/**
 * Reserves a run id and locks it before any row says "running", so a sweeper can never
 * see a running row whose lock is free while its owner lives. With `exclusiveEnv`, a
 * second operation on the same environment is refused while one runs.
 */
export async function openLease(store, opts = {}) {
    await store.ready();
    const client = new (pgModule().Client)({
        ...store.pool.options,
        application_name: 'ctx-ops-run',
    });
    client.on('error', () => { }); // a dead connection shows as a lost lock; the run reports its own failures
    await client.connect();
    try {
        const { rows } = await client.query(`SELECT nextval(pg_get_serial_sequence('ctx_ops.runs', 'id'))::text AS id`);
        const runId = Number(rows[0].id);
        await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_RUN, runId]);
        if (opts.exclusiveEnv !== undefined) {
            const got = await client.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [
                LOCK_ENV,
                opts.exclusiveEnv,
            ]);
            if (!got.rows[0]?.ok) {
                await client.end().catch(() => { });
                return { busy: true };
            }
        }
        let released = false;
        return {
            lease: {
                runId,
                db: client,
                async release() {
                    if (released)
                        return;
                    released = true;
                    // Closing the session releases its advisory locks.
                    await client.end().catch(() => { });
                },
            },
        };
    }
    catch (err) {
        await client.end().catch(() => { });
        throw err;
    }
}
export function createRunStore(store) {
    return {
        async insert(db, r) {
            const { rows } = await db.query(`INSERT INTO ctx_ops.runs (id, kind, env, approval_id, slot, state, runner, started_at, thread_channel, thread_ts)
         VALUES ($1, $2, $3, $4, $5, 'running', $6, $7, $8, $9) ON CONFLICT (slot) DO NOTHING RETURNING *`, [
                r.id,
                r.kind,
                r.env,
                r.approvalId ?? null,
                r.slot ?? null,
                r.runner,
                r.startedAt,
                r.threadChannel ?? null,
                r.threadTs ?? null,
            ]);
            return rows[0] ? fromRow(rows[0]) : null;
        },
        async setThread(id, ref) {
            await store.query('UPDATE ctx_ops.runs SET thread_channel = $2, thread_ts = $3 WHERE id = $1', [
                id,
                ref.channel,
                ref.ts || null,
            ]);
        },
        async track(id, field, value) {
            await store.query(`UPDATE ctx_ops.runs SET ${field} = $2 WHERE id = $1`, [id, value]);
        },
        /** running → final, conditionally: null when someone (a sweeper) already ended it. */
        async finish(db, id, to, f) {
            const { rows } = await db.query(`UPDATE ctx_ops.runs SET state = $3, finished_at = $4, duration_ms = $5, exit_status = $6, summary = $7, checksum = $8
         WHERE id = $1 AND state = $2 RETURNING *`, [id, 'running', to, f.finishedAt, f.durationMs, f.exitStatus ?? null, f.summary, f.checksum ?? null]);
            return rows[0] ? fromRow(rows[0]) : null;
        },
        async running() {
            const { rows } = await store.query(`SELECT * FROM ctx_ops.runs WHERE state = 'running' ORDER BY id`);
            return rows.map(fromRow);
        },
        async runningFor(env) {
            const { rows } = await store.query(`SELECT * FROM ctx_ops.runs WHERE state = 'running' AND env = $1 AND approval_id IS NOT NULL ORDER BY id LIMIT 1`, [env]);
            return rows[0] ? fromRow(rows[0]) : null;
        },
        async get(id) {
            const { rows } = await store.query('SELECT * FROM ctx_ops.runs WHERE id = $1', [id]);
            return rows[0] ? fromRow(rows[0]) : null;
        },
    };
}
/**
 * Runs whose owner is gone: for each running row, try its lock on one session; whoever
 * gets it knows nobody holds it. `claim` runs while the lock is held, so two sweepers
 * never clean up the same run; it must end the run with a conditional update.
 */
export async function sweepOrphans(store, runs, claim) {
    const candidates = await runs.running();
    if (!candidates.length)
        return 0;
    const client = await store.pool.connect();
    let n = 0;
    try {
        for (const run of candidates) {
            const got = await client.query('SELECT pg_try_advisory_lock($1, $2) AS ok', [LOCK_RUN, run.id]);
            if (!got.rows[0]?.ok)
                continue;
            try {
                const fresh = await runs.get(run.id);
                if (fresh?.state === 'running') {
                    await claim(fresh);
                    n++;
                }
            }
            finally {
                await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_RUN, run.id]);
            }
        }
    }
    finally {
        client.release();
    }
    return n;
}
