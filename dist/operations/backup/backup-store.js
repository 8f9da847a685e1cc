function fromRow(r) {
    return {
        id: r.id,
        env: r.env,
        runId: r.run_id ?? null,
        fileName: r.file_name,
        path: r.path,
        state: r.state,
        sizeBytes: r.size_bytes === null || r.size_bytes === undefined ? null : Number(r.size_bytes),
        sha256: r.sha256 ?? null,
        database: r.database ?? null,
        serverVersion: r.server_version ?? null,
        pgDumpVersion: r.pg_dump_version ?? null,
        verification: r.verification ?? null,
        startedAt: r.started_at,
        finishedAt: r.finished_at ?? null,
        removedAt: r.removed_at ?? null,
        restoreTestedAt: r.restore_tested_at ?? null,
        restoreTestOk: r.restore_test_ok ?? null,
        restoreTestSummary: r.restore_test_summary ?? null,
    };
}
export function createBackupStore(store) {
    return {
        async start(b) {
            const { rows } = await store.query(`INSERT INTO ctx_ops.backups (env, run_id, file_name, path, state, started_at, database, server_version, pg_dump_version)
         VALUES ($1, $2, $3, $4, 'running', $5, $6, $7, $8) RETURNING id`, [b.env, b.runId, b.fileName, b.path, b.startedAt, b.database, b.serverVersion, b.pgDumpVersion]);
            return rows[0].id;
        },
        async finish(id, f) {
            await store.query(`UPDATE ctx_ops.backups SET state = $2, finished_at = $3, size_bytes = $4, sha256 = $5, verification = $6 WHERE id = $1 AND state = 'running'`, [id, f.state, f.finishedAt, f.sizeBytes ?? null, f.sha256 ?? null, f.verification]);
        },
        async interruptRun(runId, finishedAt, why) {
            await store.query(`UPDATE ctx_ops.backups SET state = 'interrupted', finished_at = $2, verification = $3 WHERE run_id = $1 AND state = 'running'`, [runId, finishedAt, why]);
        },
        async list(env, limit) {
            const { rows } = await store.query(`SELECT * FROM ctx_ops.backups WHERE ($1::text IS NULL OR env = $1) ORDER BY started_at DESC, id DESC LIMIT $2`, [env ?? null, limit]);
            return rows.map(fromRow);
        },
        async lastVerified(env) {
            const { rows } = await store.query(`SELECT * FROM ctx_ops.backups WHERE env = $1 AND state = 'verified' ORDER BY finished_at DESC, id DESC LIMIT 1`, [env]);
            return rows[0] ? fromRow(rows[0]) : null;
        },
        async verified(env) {
            const { rows } = await store.query(`SELECT * FROM ctx_ops.backups WHERE env = $1 AND state = 'verified' ORDER BY finished_at DESC`, [env]);
            return rows.map(fromRow);
        },
        async get(id) {
            const { rows } = await store.query('SELECT * FROM ctx_ops.backups WHERE id = $1', [id]);
            return rows[0] ? fromRow(rows[0]) : null;
        },
        async markRemoved(id, at) {
            const { rowCount } = await store.query(`UPDATE ctx_ops.backups SET state = 'removed', removed_at = $2 WHERE id = $1 AND state = 'verified'`, [id, at]);
            return (rowCount ?? 0) > 0;
        },
        async recordRestoreTest(id, ok, summary, at) {
            await store.query('UPDATE ctx_ops.backups SET restore_tested_at = $2, restore_test_ok = $3, restore_test_summary = $4 WHERE id = $1', [id, at, ok, summary]);
        },
    };
}
