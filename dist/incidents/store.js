/** The states a step may move to, from where: done and skipped are final, so a late click changes nothing. */
export function allowedFrom(to) {
    switch (to) {
        case 'done':
        case 'skipped':
            return ['pending', 'failed'];
        case 'failed':
            return ['pending'];
        case 'pending':
            return [];
    }
}
/**
 * Compares a report with what was recorded: a check whose status differs is a change; a
 * first sighting is not; a report older than what was recorded (reports arrive from
 * several places and may overtake each other) changes nothing.
 */
export function checkChanges(before, now, at) {
    const changes = [];
    const next = {};
    for (const [check, to] of Object.entries(now)) {
        const prev = before[check];
        if (prev && prev.at > at)
            continue;
        next[check] = { status: to, at };
        if (prev && prev.status !== to)
            changes.push({ check, from: prev.status, to });
    }
    return { changes, next };
}
const INCIDENT_COLS = `id::int AS id, env, title, severity::int AS severity, owner, surface, channel, root_ts AS "rootTs", status,
  opened_at AS "openedAt", closed_at AS "closedAt", closed_by AS "closedBy", summary`;
const SESSION_COLS = `id::int AS id, incident_id::int AS "incidentId", runbook_id AS "runbookId", runbook, env, surface, channel,
  thread_ts AS "threadTs", header_ts AS "headerTs", status, started_by AS "startedBy", started_at AS "startedAt", finished_at AS "finishedAt"`;
const STEP_COLS = `session_id::int AS "sessionId", idx, state, actor, at, reason, message_channel AS "messageChannel", message_ts AS "messageTs",
  check_status AS "checkStatus", check_result AS "checkResult", checked_at AS "checkedAt", skip_requested_by AS "skipRequestedBy", action_note AS "actionNote"`;
const TIMELINE_COLS = `id::int AS id, incident_id::int AS "incidentId", session_id::int AS "sessionId", at, actor, kind, text, data`;
export class AlreadyRunningError extends Error {
    session;
    constructor(session) {
        super(`runbook ${session.runbookId} is already running here`);
        this.session = session;
    }
}
export function createIncidentStore(store) {
    const one = async (sql, params) => (await store.query(sql, params)).rows[0] ?? null;
    const many = async (sql, params) => (await store.query(sql, params)).rows;
    const addTimeline = async (e, client) => {
        const sql = `INSERT INTO ctx_ops.incident_timeline (incident_id, session_id, actor, kind, text, data) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${TIMELINE_COLS}`;
        const params = [
            e.incidentId ?? null,
            e.sessionId ?? null,
            e.actor ?? null,
            e.kind,
            e.text,
            JSON.stringify(e.data ?? {}),
        ];
        const res = client ? await client.query(sql, params) : await store.query(sql, params);
        return res.rows[0];
    };
    return {
        ready: () => store.ready(),
        addTimeline,
        // Incidents
        async createIncident(i) {
            return (await one(`INSERT INTO ctx_ops.incidents (env, title, severity, owner, surface, channel, check_states) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${INCIDENT_COLS}`, [i.env, i.title, i.severity, i.owner, i.surface, i.channel, JSON.stringify(i.checkStates)]));
        },
        async setIncidentRoot(id, channel, rootTs) {
            await store.query('UPDATE ctx_ops.incidents SET channel = $2, root_ts = $3 WHERE id = $1', [id, channel, rootTs]);
        },
        async deleteIncident(id) {
            await store.query('DELETE FROM ctx_ops.incidents WHERE id = $1', [id]);
        },
        getIncident: (id) => one(`SELECT ${INCIDENT_COLS} FROM ctx_ops.incidents WHERE id = $1`, [id]),
        incidentByThread: (channel, ts) => one(`SELECT ${INCIDENT_COLS} FROM ctx_ops.incidents WHERE channel = $1 AND root_ts = $2 ORDER BY id DESC LIMIT 1`, [channel, ts]),
        openIncidents: (f = {}) => many(`SELECT ${INCIDENT_COLS} FROM ctx_ops.incidents
          WHERE status = 'open' AND ($1::text IS NULL OR env = $1) AND ($2::text IS NULL OR channel = $2) AND ($3::text IS NULL OR surface = $3)
          ORDER BY opened_at DESC, id DESC`, [f.env ?? null, f.channel ?? null, f.surface ?? null]),
        /** Closes once: a second close (or a close racing it) gets null. */
        closeIncident: (id, actor, summary) => one(`UPDATE ctx_ops.incidents SET status = 'closed', closed_at = now(), closed_by = $2, summary = $3 WHERE id = $1 AND status = 'open' RETURNING ${INCIDENT_COLS}`, [id, actor, summary]),
        // Sessions
        async createSession(s) {
            try {
                return await store.tx(async (c) => {
                    const row = (await c.query(`INSERT INTO ctx_ops.runbook_sessions (incident_id, runbook_id, runbook, env, surface, channel, thread_ts, started_by)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${SESSION_COLS}`, [
                        s.incidentId,
                        s.runbook.id,
                        JSON.stringify(s.runbook),
                        s.env,
                        s.surface,
                        s.channel,
                        s.threadTs,
                        s.startedBy,
                    ])).rows[0];
                    await c.query('INSERT INTO ctx_ops.runbook_steps (session_id, idx) SELECT $1, g FROM generate_series(0, $2::int - 1) g', [row.id, s.runbook.steps.length]);
                    return row;
                });
            }
            catch (err) {
                if (err.code === '23505') {
                    const running = await one(`SELECT ${SESSION_COLS} FROM ctx_ops.runbook_sessions
              WHERE channel = $1 AND env = $2 AND runbook_id = $3 AND coalesce(incident_id, 0) = coalesce($4::bigint, 0) AND status = 'active'`, [s.channel, s.env, s.runbook.id, s.incidentId]);
                    if (running)
                        throw new AlreadyRunningError(running);
                }
                throw err;
            }
        },
        async setSessionRefs(id, refs) {
            await store.query('UPDATE ctx_ops.runbook_sessions SET thread_ts = $2, header_ts = $3 WHERE id = $1', [
                id,
                refs.threadTs,
                refs.headerTs,
            ]);
        },
        async deleteSession(id) {
            await store.query('DELETE FROM ctx_ops.runbook_sessions WHERE id = $1', [id]);
        },
        getSession: (id) => one(`SELECT ${SESSION_COLS} FROM ctx_ops.runbook_sessions WHERE id = $1`, [id]),
        /** Active sessions, newest first, filtered by where they run. */
        activeSessions: (f = {}) => many(`SELECT ${SESSION_COLS} FROM ctx_ops.runbook_sessions
          WHERE status = 'active' AND ($1::text IS NULL OR channel = $1) AND ($2::text IS NULL OR thread_ts = $2)
            AND ($3::bigint IS NULL OR incident_id = $3) AND ($4::text IS NULL OR surface = $4)
          ORDER BY started_at DESC, id DESC`, [f.channel ?? null, f.threadTs ?? null, f.incidentId ?? null, f.surface ?? null]),
        sessionsOfIncident: (incidentId) => many(`SELECT ${SESSION_COLS} FROM ctx_ops.runbook_sessions WHERE incident_id = $1 ORDER BY started_at, id`, [incidentId]),
        /** Finishes once, and only when no step is left to do. */
        finishSession: (id) => one(`UPDATE ctx_ops.runbook_sessions SET status = 'finished', finished_at = now()
          WHERE id = $1 AND status = 'active'
            AND NOT EXISTS (SELECT 1 FROM ctx_ops.runbook_steps WHERE session_id = $1 AND state IN ('pending', 'failed'))
          RETURNING ${SESSION_COLS}`, [id]),
        abandonSession: (id) => one(`UPDATE ctx_ops.runbook_sessions SET status = 'abandoned', finished_at = now() WHERE id = $1 AND status = 'active' RETURNING ${SESSION_COLS}`, [id]),
        // Steps
        steps: (sessionId) => many(`SELECT ${STEP_COLS} FROM ctx_ops.runbook_steps WHERE session_id = $1 ORDER BY idx`, [sessionId]),
        step: (sessionId, idx) => one(`SELECT ${STEP_COLS} FROM ctx_ops.runbook_steps WHERE session_id = $1 AND idx = $2`, [
            sessionId,
            idx,
        ]),
        /**
         * Moves a step and writes its timeline entry in one statement; answers null when the
         * step is no longer in a state it may move from (someone else was first).
         */
        transitionStep: (t) => one(`WITH upd AS (
           UPDATE ctx_ops.runbook_steps st SET state = $3, actor = $4, at = now(), reason = $5, skip_requested_by = NULL
            WHERE st.session_id = $1 AND st.idx = $2 AND st.state = ANY($6::text[])
              AND EXISTS (SELECT 1 FROM ctx_ops.runbook_sessions s WHERE s.id = $1 AND s.status = 'active')
            RETURNING st.*
         ), tl AS (
           INSERT INTO ctx_ops.incident_timeline (incident_id, session_id, actor, kind, text, data)
           SELECT s.incident_id, s.id, $4, 'step', $7, jsonb_build_object('idx', $2::int, 'state', $3::text, 'reason', $5::text)
             FROM upd JOIN ctx_ops.runbook_sessions s ON s.id = upd.session_id
         )
         SELECT ${STEP_COLS} FROM upd`, [t.sessionId, t.idx, t.to, t.actor, t.reason, allowedFrom(t.to), t.text]),
        /** Claims posting a step's first message, so two advancers never post it twice. */
        claimStepPost: async (sessionId, idx) => Boolean(await one(`UPDATE ctx_ops.runbook_steps SET message_ts = '' WHERE session_id = $1 AND idx = $2 AND message_ts IS NULL RETURNING idx`, [sessionId, idx])),
        async releaseStepPost(sessionId, idx) {
            await store.query(`UPDATE ctx_ops.runbook_steps SET message_ts = NULL WHERE session_id = $1 AND idx = $2 AND message_ts = ''`, [sessionId, idx]);
        },
        async setStepMessage(sessionId, idx, channel, ts) {
            await store.query('UPDATE ctx_ops.runbook_steps SET message_channel = $3, message_ts = $4 WHERE session_id = $1 AND idx = $2', [sessionId, idx, channel, ts]);
        },
        async setStepCheck(sessionId, idx, check, at) {
            await store.query('UPDATE ctx_ops.runbook_steps SET check_status = $3, check_result = $4, checked_at = $5 WHERE session_id = $1 AND idx = $2', [sessionId, idx, check.status, JSON.stringify(check), at]);
        },
        async requestSkip(sessionId, idx, user) {
            await store.query(`UPDATE ctx_ops.runbook_steps SET skip_requested_by = $3 WHERE session_id = $1 AND idx = $2 AND state IN ('pending', 'failed')`, [sessionId, idx, user]);
        },
        /** The step this person last pressed Skip on, among the given sessions. */
        skipRequestOf: (sessionIds, user) => one(`SELECT ${STEP_COLS} FROM ctx_ops.runbook_steps WHERE session_id = ANY($1::bigint[]) AND skip_requested_by = $2 AND state IN ('pending', 'failed') ORDER BY session_id DESC, idx LIMIT 1`, [sessionIds, user]),
        async setActionNote(sessionId, idx, note) {
            await store.query('UPDATE ctx_ops.runbook_steps SET action_note = $3 WHERE session_id = $1 AND idx = $2', [
                sessionId,
                idx,
                note,
            ]);
        },
        // Timeline and check states
        timeline: (o) => 'incidentId' in o
            ? many(`SELECT ${TIMELINE_COLS} FROM ctx_ops.incident_timeline WHERE incident_id = $1 ORDER BY at, id`, [o.incidentId])
            : many(`SELECT ${TIMELINE_COLS} FROM ctx_ops.incident_timeline WHERE session_id = $1 ORDER BY at, id`, [o.sessionId]),
        /**
         * Records the statuses seen and writes a timeline entry for each check that changed
         * since the last record. The row lock serialises reports arriving together, so a change
         * is written once however many listeners see it.
         */
        recordChecks(o, states, at, entry) {
            const [table, open, key] = 'incidentId' in o
                ? ['incidents', `status = 'open'`, o.incidentId]
                : ['runbook_sessions', `status = 'active'`, o.sessionId];
            return store.tx(async (c) => {
                const row = (await c.query(`SELECT check_states AS states FROM ctx_ops.${table} WHERE id = $1 AND ${open} FOR UPDATE`, [key])).rows[0];
                if (!row)
                    return [];
                const { changes, next } = checkChanges(row.states, states, at);
                await c.query(`UPDATE ctx_ops.${table} SET check_states = check_states || $2::jsonb WHERE id = $1`, [
                    key,
                    JSON.stringify(next),
                ]);
                for (const ch of changes) {
                    const e = entry(ch);
                    await addTimeline({
                        ...('incidentId' in o ? { incidentId: o.incidentId } : { sessionId: o.sessionId }),
                        actor: e.actor ?? null,
                        kind: 'check',
                        text: e.text,
                        data: { ...ch },
                    }, c);
                }
                return changes;
            });
        },
    };
}
