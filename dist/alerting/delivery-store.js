import { toRecord } from '../store/alerts.js';
/**
 * The SQL of keeping and re-posting what Slack refused. Rows are claimed with a
 * conditional UPDATE before anything is posted for them (as approvals and digest ticks
 * are), so two replicas, or a restart racing the old process, post each owed message
 * once. A claim lapses after CLAIM_MINUTES, in case its replica died mid-post.
 */
export const CLAIM_MINUTES = 10;
/** A write for this alert is owed to the alerts channel (Slack refused or could not take it). */
export async function markAlertPending(q, id, code, at) {
    await q.query(`UPDATE ctx_ops.alerts SET pending_since = COALESCE(pending_since, $2), pending_error = $3 WHERE id = $1`, [id, at, code]);
}
/** Owed alerts nobody is delivering right now, oldest first. */
export async function pendingAlerts(store, limit) {
    const { rows } = await store.query(`SELECT * FROM ctx_ops.alerts WHERE pending_since IS NOT NULL AND (delivering_until IS NULL OR delivering_until < now()) ORDER BY opened_at, id LIMIT $1`, [limit]);
    return rows.map(toRecord);
}
export async function countPendingAlerts(store) {
    const { rows } = await store.query(`SELECT count(*)::int AS n FROM ctx_ops.alerts WHERE pending_since IS NOT NULL`);
    return rows[0]?.n ?? 0;
}
/** Claims owed alerts; returns the ones this replica got, as they are now, oldest first. */
export async function claimAlerts(store, ids, by) {
    if (!ids.length)
        return [];
    const { rows } = await store.query(`UPDATE ctx_ops.alerts SET delivering_by = $2, delivering_until = now() + interval '${CLAIM_MINUTES} minutes'
      WHERE id = ANY($1::bigint[]) AND pending_since IS NOT NULL AND (delivering_until IS NULL OR delivering_until < now())
      RETURNING *`, [ids, by]);
    return rows.map(toRecord).sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || Number(a.id) - Number(b.id));
}
/** Gives claimed alerts back (the write failed); they stay owed. */
export async function releaseAlerts(store, ids, by, code) {
    if (!ids.length)
        return;
    await store.query(`UPDATE ctx_ops.alerts SET delivering_by = NULL, delivering_until = NULL, pending_error = COALESCE($3, pending_error) WHERE id = ANY($1::bigint[]) AND delivering_by = $2`, [ids, by, code ?? null]);
}
/**
 * The channel now shows `shown` for this alert (in `ts`, its own message or a shared
 * summary). If the alert changed while it was being posted (resolved, escalated), it
 * stays owed and the next round says so.
 */
export async function recordShown(store, id, by, where, shown) {
    const { rows } = await store.query(`UPDATE ctx_ops.alerts SET channel = $3, ts = $4, shared_ts = $5, delivering_by = NULL, delivering_until = NULL,
        pending_since = CASE WHEN (CASE WHEN resolved_at IS NOT NULL THEN 'resolved' ELSE severity END) = $6 THEN NULL ELSE pending_since END,
        pending_error = CASE WHEN (CASE WHEN resolved_at IS NOT NULL THEN 'resolved' ELSE severity END) = $6 THEN NULL ELSE pending_error END
      WHERE id = $1 AND delivering_by = $2 RETURNING *`, [id, by, where.channel, where.ts, where.shared, shown]);
    return rows[0] ? toRecord(rows[0]) : null;
}
/** A copy went to a fallback target; the alert stays owed to its own channel. */
export async function recordFallback(store, id, by, copy) {
    await store.query(`UPDATE ctx_ops.alerts SET fallback = fallback || $3::jsonb, delivering_by = NULL, delivering_until = NULL WHERE id = $1 AND delivering_by = $2`, [id, by, JSON.stringify([copy])]);
}
const toDigest = (r) => ({
    id: String(r.id),
    schedule: r.schedule,
    slot: r.slot,
    channel: r.channel,
    pendingSince: r.pending_since,
    pendingError: r.pending_error,
});
/** A claimed digest tick Slack refused: it is owed to its channel. */
export async function markDigestPending(store, id, code, at) {
    await store.query(`UPDATE ctx_ops.digests SET pending_since = COALESCE(pending_since, $2), pending_error = $3 WHERE id = $1`, [id, at, code]);
}
export async function pendingDigests(store) {
    const { rows } = await store.query(`SELECT id, schedule, slot, channel, pending_since, pending_error FROM ctx_ops.digests
      WHERE pending_since IS NOT NULL AND (delivering_until IS NULL OR delivering_until < now()) ORDER BY slot, id`);
    return rows.map(toDigest);
}
export async function countPendingDigests(store) {
    const { rows } = await store.query(`SELECT channel, count(*)::int AS n FROM ctx_ops.digests WHERE pending_since IS NOT NULL GROUP BY channel`);
    return new Map(rows.map((r) => [r.channel, r.n]));
}
export async function claimDigests(store, ids, by) {
    if (!ids.length)
        return [];
    const { rows } = await store.query(`UPDATE ctx_ops.digests SET delivering_by = $2, delivering_until = now() + interval '${CLAIM_MINUTES} minutes'
      WHERE id = ANY($1::bigint[]) AND pending_since IS NOT NULL AND (delivering_until IS NULL OR delivering_until < now())
      RETURNING id, schedule, slot, channel, pending_since, pending_error`, [ids, by]);
    return rows.map(toDigest).sort((a, b) => a.slot.getTime() - b.slot.getTime());
}
export async function releaseDigests(store, ids, by, code) {
    if (!ids.length)
        return;
    await store.query(`UPDATE ctx_ops.digests SET delivering_by = NULL, delivering_until = NULL, pending_error = COALESCE($3, pending_error) WHERE id = ANY($1::bigint[]) AND delivering_by = $2`, [ids, by, code ?? null]);
}
/** Older ticks of a schedule that never went out: the newest one, posted now, speaks for them. */
export async function supersedeDigests(store, ids, by) {
    if (!ids.length)
        return;
    await store.query(`UPDATE ctx_ops.digests SET pending_since = NULL, pending_error = 'superseded by a later digest', delivering_by = NULL, delivering_until = NULL WHERE id = ANY($1::bigint[]) AND delivering_by = $2`, [ids, by]);
}
export async function digestDelivered(store, id, by, p) {
    await store.query(`UPDATE ctx_ops.digests SET channel = $3, ts = $4, posted_at = $5, overall = $6, snapshot = $7, pending_since = NULL, pending_error = NULL, delivering_by = NULL, delivering_until = NULL
      WHERE id = $1 AND delivering_by = $2`, [id, by, p.channel, p.ts, p.at, p.overall, JSON.stringify(p.snapshot)]);
}
