const toRecord = (r) => ({
    id: String(r.id),
    schedule: r.schedule,
    slot: r.slot,
    channel: r.channel,
    ts: r.ts,
    postedAt: r.posted_at,
    overall: r.overall,
    snapshot: r.snapshot,
    claimedBy: r.claimed_by,
});
export const MANUAL_SCHEDULE = 'manual';
/**
 * Claims one tick of a schedule: the first replica to insert (schedule, slot) posts it,
 * every other gets null. This is what keeps a split brain from posting a digest twice.
 */
export async function claimDigest(store, t) {
    const { rows } = await store.query(`INSERT INTO ctx_ops.digests (schedule, slot, channel, claimed_by) VALUES ($1, $2, $3, $4) ON CONFLICT (schedule, slot) DO NOTHING RETURNING id`, [t.schedule, t.slot, t.channel, t.replica]);
    return rows[0] ? String(rows[0].id) : null;
}
export async function markDigestPosted(store, id, p) {
    await store.query(`UPDATE ctx_ops.digests SET channel = $2, ts = $3, posted_at = $4, overall = $5, snapshot = $6 WHERE id = $1`, [id, p.channel, p.ts, p.at, p.overall, JSON.stringify(p.snapshot)]);
}
/** `/ctx digest now`: recorded like a scheduled one, so the next digest compares with it. */
export async function recordManualDigest(store, p) {
    const id = await claimDigest(store, { schedule: MANUAL_SCHEDULE, slot: p.at, channel: p.channel, replica: p.by });
    if (id)
        await markDigestPosted(store, id, p);
}
export async function lastDigest(store) {
    const { rows } = await store.query(`SELECT * FROM ctx_ops.digests WHERE posted_at IS NOT NULL ORDER BY posted_at DESC, id DESC LIMIT 1`);
    return rows[0] ? toRecord(rows[0]) : null;
}
export async function digestsFor(store, schedule) {
    const { rows } = await store.query(`SELECT * FROM ctx_ops.digests WHERE schedule = $1 ORDER BY slot`, [
        schedule,
    ]);
    return rows.map(toRecord);
}
