/** The "backups" service's freshness: three small queries on ctx_ops (the audit log keeps every restore test). */
export async function readFreshness(s, env) {
    const [pg, graph, test] = await Promise.all([
        s.backups.lastVerified(env),
        s.graphSnapshots.lastGood(env),
        s.store.query(`SELECT at FROM ctx_ops.audit_log WHERE env = $1 AND event = 'restore-test-passed' ORDER BY at DESC LIMIT 1`, [env]),
    ]);
    return {
        postgres: pg?.finishedAt ? { finishedAt: pg.finishedAt, file: pg.fileName } : null,
        graph: graph ? { finishedAt: graph.finishedAt, provider: graph.provider, kind: graph.kind } : null,
        restoreTest: test.rows[0] ? { at: test.rows[0].at } : null,
    };
}
