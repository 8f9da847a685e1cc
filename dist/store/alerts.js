export const toRecord = (r) => ({
    id: String(r.id),
    env: r.env,
    check: r.check_id,
    severity: r.severity,
    summary: r.summary,
    since: r.since,
    openedAt: r.opened_at,
    resolvedAt: r.resolved_at,
    downtimeMs: r.downtime_ms === null ? null : Number(r.downtime_ms),
    silencedBy: r.silenced_by,
    channel: r.channel,
    ts: r.ts,
    reminders: r.reminders,
    pendingSince: r.pending_since ?? null,
    pendingError: r.pending_error ?? null,
    sharedTs: r.shared_ts ?? false,
    fallback: r.fallback ?? [],
});
/** JSON with sorted keys: jsonb reorders keys, so plain JSON.stringify would see changes that are not. */
export function canonical(v) {
    return JSON.stringify(v, (_k, x) => x && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
        : x);
}
/** Updates one alert row by id (null when there is none). */
export async function updateAlert(c, id, set, params) {
    if (!id)
        return null;
    const { rows } = await c.query(`UPDATE ctx_ops.alerts SET ${set} WHERE id = $1 RETURNING *`, [
        id,
        ...params,
    ]);
    return rows[0] ? toRecord(rows[0]) : null;
}
/** Remembers where an alert was posted, so its thread and its message can be found. */
export async function setAlertMessage(store, id, channel, ts) {
    await store.query(`UPDATE ctx_ops.alerts SET channel = $2, ts = $3 WHERE id = $1`, [id, channel, ts]);
}
export async function getAlert(store, id) {
    const { rows } = await store.query(`SELECT * FROM ctx_ops.alerts WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
}
export async function openAlerts(store, envs) {
    const { rows } = await store.query(`SELECT * FROM ctx_ops.alerts WHERE resolved_at IS NULL AND ($1::text[] IS NULL OR env = ANY($1::text[])) ORDER BY opened_at`, [envs ?? null]);
    return rows.map(toRecord);
}
/** Alerts raised or resolved after `since` (for "what changed since the last digest"). */
export async function alertsSince(store, since, envs) {
    const { rows } = await store.query(`SELECT * FROM ctx_ops.alerts WHERE (opened_at > $1 OR resolved_at > $1) AND ($2::text[] IS NULL OR env = ANY($2::text[])) ORDER BY opened_at`, [since, envs ?? null]);
    return rows.map(toRecord);
}
