export function createAuditLog(store, redactor, now) {
    const text = (s, max = 2000) => (s === undefined ? null : redactor.scrub(s).slice(0, max));
    return {
        async append(e) {
            await store.query(`INSERT INTO ctx_ops.audit_log (at, event, env, kind, approval_id, run_id, actor_id, actor_name, reason, detail, params_hash, exit_status, duration_ms, checksum)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`, [
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
            ]);
        },
        async recent(n) {
            const { rows } = await store.query(`SELECT * FROM ctx_ops.audit_log ORDER BY at DESC, id DESC LIMIT $1`, [n]);
            return rows.map((r) => ({
                id: Number(r.id),
                at: r.at,
                event: r.event,
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
