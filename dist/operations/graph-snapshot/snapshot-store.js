function fromRow(r) {
    return {
        id: r.id,
        env: r.env,
        runId: r.run_id ?? null,
        provider: r.provider,
        kind: r.kind,
        state: r.state,
        graph: r.graph ?? null,
        fileName: r.file_name ?? null,
        path: r.path ?? null,
        sizeBytes: r.size_bytes === null || r.size_bytes === undefined ? null : Number(r.size_bytes),
        sha256: r.sha256 ?? null,
        serverTime: r.server_time ?? null,
        detail: r.detail,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        removedAt: r.removed_at ?? null,
    };
}
export function createGraphSnapshotStore(store) {
    return {
        async record(s) {
            const { rows } = await store.query(`INSERT INTO ctx_ops.graph_snapshots (env, run_id, provider, kind, state, graph, file_name, path, size_bytes, sha256, server_time, detail, started_at, finished_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`, [
                s.env,
                s.runId,
                s.provider,
                s.kind,
                s.state,
                s.graph,
                s.fileName,
                s.path,
                s.sizeBytes,
                s.sha256,
                s.serverTime,
                s.detail,
                s.startedAt,
                s.finishedAt,
            ]);
            return rows[0].id;
        },
        async list(env, limit) {
            const { rows } = await store.query(`SELECT * FROM ctx_ops.graph_snapshots WHERE ($1::text IS NULL OR env = $1) ORDER BY finished_at DESC, id DESC LIMIT $2`, [env ?? null, limit]);
            return rows.map(fromRow);
        },
        /** The newest snapshot that worked (a server snapshot done, or an export verified). */
        async lastGood(env) {
            const { rows } = await store.query(`SELECT * FROM ctx_ops.graph_snapshots WHERE env = $1 AND state IN ('done', 'verified') ORDER BY finished_at DESC, id DESC LIMIT 1`, [env]);
            return rows[0] ? fromRow(rows[0]) : null;
        },
        /** Verified exports of one graph key, for retention. */
        async verifiedExports(env, graph) {
            const { rows } = await store.query(`SELECT * FROM ctx_ops.graph_snapshots WHERE env = $1 AND graph = $2 AND kind = 'export' AND state = 'verified' ORDER BY finished_at DESC`, [env, graph]);
            return rows.map(fromRow);
        },
        async markRemoved(id, at) {
            const { rowCount } = await store.query(`UPDATE ctx_ops.graph_snapshots SET state = 'removed', removed_at = $2 WHERE id = $1 AND state = 'verified'`, [id, at]);
            return (rowCount ?? 0) > 0;
        },
    };
}
