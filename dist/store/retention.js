const BATCH = 5_000;
/** Bounds one prune; the rest goes at the next one (an hour later) instead of one long lock. */
const MAX_BATCHES = 200;
/**
 * Deletes what is older than history.retentionDays: raw check results, hourly roll-ups,
 * resolved alerts, ended silences, digests (the newest is always kept, for "what changed")
 * and App Home viewers who have not looked for that long.
 */
export async function pruneOld(store, retentionDays, now) {
    const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
    const out = {};
    let history = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
        const r = await store.query(`DELETE FROM ctx_ops.check_history WHERE id IN (SELECT id FROM ctx_ops.check_history WHERE checked_at < $1 LIMIT ${BATCH})`, [cutoff]);
        history += r.rowCount ?? 0;
        if ((r.rowCount ?? 0) < BATCH)
            break;
    }
    out.check_history = history;
    const simple = [
        ['check_hourly', 'DELETE FROM ctx_ops.check_hourly WHERE hour < $1'],
        ['alerts', 'DELETE FROM ctx_ops.alerts WHERE resolved_at < $1'],
        ['silences', 'DELETE FROM ctx_ops.silences WHERE ends_at < $1 OR lifted_at < $1'],
        [
            'digests',
            'DELETE FROM ctx_ops.digests WHERE claimed_at < $1 AND id IS DISTINCT FROM (SELECT max(id) FROM ctx_ops.digests WHERE posted_at IS NOT NULL)',
        ],
        ['home_viewers', 'DELETE FROM ctx_ops.home_viewers WHERE opened_at < $1'],
    ];
    for (const [table, sql] of simple)
        out[table] = (await store.query(sql, [cutoff])).rowCount ?? 0;
    return out;
}
