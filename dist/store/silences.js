const toSilence = (r) => ({
    id: String(r.id),
    env: r.env,
    check: r.check_id,
    ...(r.reason ? { reason: r.reason } : {}),
    createdBy: r.created_by,
    createdAt: r.created_at,
    endsAt: r.ends_at,
});
/** `/ctx silence`: stored so every replica's watch honours it. */
export async function createSilence(store, s) {
    const { rows } = await store.query(`INSERT INTO ctx_ops.silences (env, check_id, reason, created_by, created_at, ends_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`, [s.env, s.check, s.reason ?? null, s.createdBy, s.createdAt, s.endsAt]);
    return toSilence(rows[0]);
}
export async function activeSilences(store, now) {
    const { rows } = await store.query(`SELECT * FROM ctx_ops.silences WHERE lifted_at IS NULL AND ends_at > $1 AND created_at <= $1 ORDER BY ends_at, id`, [now]);
    return rows.map(toSilence);
}
/** Ends a silence now; null when there is no active silence with that id. */
export async function liftSilence(store, id, by, now) {
    if (!/^\d{1,18}$/.test(id))
        return null;
    const { rows } = await store.query(`UPDATE ctx_ops.silences SET lifted_at = $3, lifted_by = $2 WHERE id = $1 AND lifted_at IS NULL AND ends_at > $3 RETURNING *`, [id, by, now]);
    return rows[0] ? toSilence(rows[0]) : null;
}
