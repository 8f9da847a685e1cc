import type { Severity } from '../contracts/checks.js';
import type { Store } from './store.js';

export interface AlertRecord {
  id: string;
  env: string;
  check: string;
  severity: Severity;
  summary: string;
  since: Date;
  openedAt: Date;
  resolvedAt: Date | null;
  downtimeMs: number | null;
  /** Why it was not posted; null once posted. */
  silencedBy: string | null;
  channel: string | null;
  ts: string | null;
  reminders: number;
  /** A write to the alerts channel is owed (Slack refused it): the delivery loop posts it. */
  pendingSince?: Date | null;
  pendingError?: string | null;
  /** `ts` is a summary message listing several alerts, not this alert's own message. */
  sharedTs?: boolean;
  /** Copies posted to delivery.fallback while the alerts channel refused. */
  fallback?: FallbackCopy[];
}

export interface FallbackCopy {
  /** The configured fallback (a channel id, or a user id for a direct message). */
  target: string;
  /** Where Slack put it (a DM's channel id for a user). */
  channel: string;
  ts: string;
  at: string;
}

export interface AlertRow {
  id: string;
  env: string;
  check_id: string;
  severity: Severity;
  summary: string;
  since: Date;
  opened_at: Date;
  resolved_at: Date | null;
  downtime_ms: string | null;
  silenced_by: string | null;
  channel: string | null;
  ts: string | null;
  reminders: number;
  pending_since?: Date | null;
  pending_error?: string | null;
  shared_ts?: boolean;
  fallback?: FallbackCopy[];
}

export const toRecord = (r: AlertRow): AlertRecord => ({
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

export type Queryable = { query: Store['query'] };
/**
 * Whether two JSON values are equal as jsonb would store them: key order and properties
 * set to undefined (which JSON leaves out) do not count. Compared structurally rather
 * than as two key-sorted JSON strings, which cost two strings per check of every cycle.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameJson(x, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let n = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    n++;
    if (!Object.hasOwn(bo, k) || !sameJson(ao[k], bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== undefined) n--;
  return n === 0;
}

/** Updates one alert row by id (null when there is none). */
export async function updateAlert(
  c: Queryable,
  id: string | undefined,
  set: string,
  params: unknown[],
): Promise<AlertRecord | null> {
  if (!id) return null;
  const { rows } = await c.query<AlertRow>(`UPDATE ctx_ops.alerts SET ${set} WHERE id = $1 RETURNING *`, [
    id,
    ...params,
  ]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/** Remembers where an alert was posted, so its thread and its message can be found. */
export async function setAlertMessage(store: Store, id: string, channel: string, ts: string): Promise<void> {
  await store.query(`UPDATE ctx_ops.alerts SET channel = $2, ts = $3 WHERE id = $1`, [id, channel, ts]);
}

export async function getAlert(store: Store, id: string): Promise<AlertRecord | null> {
  const { rows } = await store.query<AlertRow>(`SELECT * FROM ctx_ops.alerts WHERE id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function openAlerts(store: Store, envs?: readonly string[]): Promise<AlertRecord[]> {
  const { rows } = await store.query<AlertRow>(
    `SELECT * FROM ctx_ops.alerts WHERE resolved_at IS NULL AND ($1::text[] IS NULL OR env = ANY($1::text[])) ORDER BY opened_at`,
    [envs ?? null],
  );
  return rows.map(toRecord);
}

/** Alerts raised or resolved after `since` (for "what changed since the last digest"). */
export async function alertsSince(store: Store, since: Date, envs?: readonly string[]): Promise<AlertRecord[]> {
  const { rows } = await store.query<AlertRow>(
    `SELECT * FROM ctx_ops.alerts WHERE (opened_at > $1 OR resolved_at > $1) AND ($2::text[] IS NULL OR env = ANY($2::text[])) ORDER BY opened_at`,
    [since, envs ?? null],
  );
  return rows.map(toRecord);
}
