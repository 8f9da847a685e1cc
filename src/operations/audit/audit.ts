import type { Redactor } from '../../log/redactor.js';
import type { Store } from '../../store/store.js';

/**
 * The append-only trace in ctx_ops.audit_log (a trigger rejects UPDATE, DELETE and
 * TRUNCATE): who requested, who confirmed or refused, what ran, its exit status,
 * duration and checksum. Every text is scrubbed before it is written, so a secret that
 * slipped into a summary never lands in the log.
 */
export type AuditEvent =
  | 'requested'
  | 'request-refused'
  | 'refused'
  | 'confirmed'
  | 'cancelled'
  | 'expired'
  | 'started'
  | 'succeeded'
  | 'failed'
  | 'interrupted'
  | 'retention-removed'
  | 'restore-test-passed'
  | 'restore-test-failed';

export interface AuditEntry {
  event: AuditEvent;
  env?: string;
  kind?: string;
  approvalId?: string;
  runId?: number;
  actorId?: string;
  actorName?: string;
  /** A refusal's code (expired, unauthorised, same-person, …). */
  reason?: string;
  /** What ran or what happened, in one line. */
  detail?: string;
  paramsHash?: string;
  exitStatus?: number;
  durationMs?: number;
  checksum?: string;
}

export interface AuditRow extends AuditEntry {
  id: number;
  at: Date;
}

export interface AuditLog {
  append(e: AuditEntry): Promise<void>;
  recent(n: number): Promise<AuditRow[]>;
}

export function createAuditLog(store: Store, redactor: Redactor, now: () => Date): AuditLog {
  const text = (s: string | undefined, max = 2000) => (s === undefined ? null : redactor.scrub(s).slice(0, max));
  return {
    async append(e) {
      await store.query(
        `INSERT INTO ctx_ops.audit_log (at, event, env, kind, approval_id, run_id, actor_id, actor_name, reason, detail, params_hash, exit_status, duration_ms, checksum)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          now(),
          e.event,
          e.env ?? null,
          e.kind ?? null,
          e.approvalId ?? null,
          e.runId ?? null,
          text(e.actorId, 100),
          text(e.actorName, 100),
          text(e.reason, 100),
          text(e.detail),
          e.paramsHash ?? null,
          e.exitStatus ?? null,
          e.durationMs === undefined ? null : Math.round(e.durationMs),
          e.checksum ?? null,
        ],
      );
    },
    async recent(n) {
      const { rows } = await store.query(`SELECT * FROM ctx_ops.audit_log ORDER BY at DESC, id DESC LIMIT $1`, [n]);
      return rows.map((r) => ({
        id: Number(r.id),
        at: r.at as Date,
        event: r.event as AuditEvent,
        env: r.env ?? undefined,
        kind: r.kind ?? undefined,
        approvalId: r.approval_id ?? undefined,
        runId: r.run_id ?? undefined,
        actorId: r.actor_id ?? undefined,
        actorName: r.actor_name ?? undefined,
        reason: r.reason ?? undefined,
        detail: r.detail ?? undefined,
        paramsHash: r.params_hash ?? undefined,
        exitStatus: r.exit_status ?? undefined,
        durationMs: r.duration_ms ?? undefined,
        checksum: r.checksum ?? undefined,
      }));
    },
  };
}
