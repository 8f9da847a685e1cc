import type { Status } from '../contracts/checks.js';
import type { Store } from './store.js';

export type Snapshot = Record<string, Record<string, Status>>;

export interface DigestRecord {
  id: string;
  schedule: string;
  slot: Date;
  channel: string;
  ts: string | null;
  postedAt: Date | null;
  overall: string | null;
  snapshot: Snapshot | null;
  claimedBy: string;
}

interface Row {
  id: string;
  schedule: string;
  slot: Date;
  channel: string;
  ts: string | null;
  posted_at: Date | null;
  overall: string | null;
  snapshot: Snapshot | null;
  claimed_by: string;
}
const toRecord = (r: Row): DigestRecord => ({
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
export async function claimDigest(
  store: Store,
  t: { schedule: string; slot: Date; channel: string; replica: string },
): Promise<string | null> {
  const { rows } = await store.query<{ id: string }>(
    `INSERT INTO ctx_ops.digests (schedule, slot, channel, claimed_by) VALUES ($1, $2, $3, $4) ON CONFLICT (schedule, slot) DO NOTHING RETURNING id`,
    [t.schedule, t.slot, t.channel, t.replica],
  );
  return rows[0] ? String(rows[0].id) : null;
}

export async function markDigestPosted(
  store: Store,
  id: string,
  p: { channel: string; ts: string; overall: string; snapshot: Snapshot; at: Date },
): Promise<void> {
  await store.query(
    `UPDATE ctx_ops.digests SET channel = $2, ts = $3, posted_at = $4, overall = $5, snapshot = $6 WHERE id = $1`,
    [id, p.channel, p.ts, p.at, p.overall, JSON.stringify(p.snapshot)],
  );
}

/** `/ctx digest now`: recorded like a scheduled one, so the next digest compares with it. */
export async function recordManualDigest(
  store: Store,
  p: { channel: string; ts: string; overall: string; snapshot: Snapshot; at: Date; by: string },
): Promise<void> {
  const id = await claimDigest(store, { schedule: MANUAL_SCHEDULE, slot: p.at, channel: p.channel, replica: p.by });
  if (id) await markDigestPosted(store, id, p);
}

export async function lastDigest(store: Store): Promise<DigestRecord | null> {
  const { rows } = await store.query<Row>(
    `SELECT * FROM ctx_ops.digests WHERE posted_at IS NOT NULL ORDER BY posted_at DESC, id DESC LIMIT 1`,
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function digestsFor(store: Store, schedule: string): Promise<DigestRecord[]> {
  const { rows } = await store.query<Row>(`SELECT * FROM ctx_ops.digests WHERE schedule = $1 ORDER BY slot`, [
    schedule,
  ]);
  return rows.map(toRecord);
}
