import { canonical, toRecord, updateAlert as update, } from '../store/alerts.js';
import { initialAlertState, stepAlert } from './alert-rules.js';
/**
 * Feeds one environment's results through the alert state machine inside one
 * transaction. The state rows are locked FOR UPDATE, so if two replicas both believe they
 * lead, each transition (and so each post) still happens once.
 */
export async function applyResults(store, report, at, rules, silencedFor) {
    return (await applyResultsTracked(store, report, at, rules, silencedFor)).planned;
}
/**
 * applyResults, also returning every check's state after this step (committed), which
 * the watch keeps in memory to carry on from should the store become unreachable.
 */
export async function applyResultsTracked(store, report, at, rules, silencedFor) {
    const env = report.environment;
    const ids = report.checks.map((c) => c.id);
    if (!ids.length)
        return { planned: [], states: new Map() };
    return store.tx(async (c) => {
        // One round trip: a missing row is created, an existing one is locked (the no-op update
        // takes the row lock FOR UPDATE took, in check_id order) and its state returned.
        const { rows } = await c.query(`INSERT INTO ctx_ops.alert_state AS s (env, check_id, state)
       SELECT $1, id, $3::jsonb FROM unnest($2::text[]) AS id ORDER BY id
       ON CONFLICT (env, check_id) DO UPDATE SET state = s.state
       RETURNING check_id, state`, [env, ids, JSON.stringify(initialAlertState())]);
        const states = new Map(rows.map((r) => [r.check_id, r.state]));
        const planned = [];
        const changed = [];
        const after = new Map();
        for (const result of report.checks) {
            const prev = states.get(result.id) ?? initialAlertState();
            const silence = silencedFor(result.id);
            const { state, actions } = stepAlert(prev, { status: result.status, at, silenced: silence !== null, coveredBy: result.rootCause }, rules);
            const dependents = dependentsOf(report, result.id);
            for (const action of actions) {
                const alert = await recordAction(c, env, result, action, state, at, silence);
                if (alert)
                    planned.push({ action, alert, result, dependents });
            }
            if (canonical(state) !== canonical(prev))
                changed.push([result.id, state]);
            after.set(result.id, state);
        }
        if (changed.length) {
            await c.query(`UPDATE ctx_ops.alert_state AS s SET state = t.state, updated_at = now()
         FROM unnest($2::text[], $3::jsonb[]) AS t(check_id, state) WHERE s.env = $1 AND s.check_id = t.check_id`, [env, changed.map(([id]) => id), changed.map(([, s]) => JSON.stringify(s))]);
        }
        return { planned, states: after };
    });
}
/** Checks failing because of this one: its alert speaks for them. */
export function dependentsOf(report, check) {
    return report.checks.filter((d) => d.rootCause === check).map((d) => d.id);
}
/**
 * Records one action of the state machine in `alerts`. For `open` it sets the new row's id
 * on `state.open`; an open alert already recorded for the check is adopted (and null is
 * returned: nothing new to post).
 */
export async function recordAction(c, env, result, action, state, at, silence) {
    const openId = state.open?.id;
    switch (action.kind) {
        case 'open': {
            const ins = await c.query(`INSERT INTO ctx_ops.alerts (env, check_id, severity, summary, since, opened_at, silenced_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (env, check_id) WHERE resolved_at IS NULL DO NOTHING RETURNING *`, [
                env,
                result.id,
                action.severity,
                result.summary.slice(0, 500),
                action.since,
                at,
                action.silenced ? silence : null,
            ]);
            // An open alert left behind (state row lost or reset): adopt it rather than post twice.
            const row = ins.rows[0] ??
                (await c.query(`SELECT * FROM ctx_ops.alerts WHERE env = $1 AND check_id = $2 AND resolved_at IS NULL`, [env, result.id])).rows[0];
            if (!row)
                return null;
            if (state.open)
                state.open.id = String(row.id);
            return ins.rows[0] ? toRecord(row) : null;
        }
        case 'post':
            return update(c, openId, `silenced_by = NULL, severity = $2, summary = $3`, [
                action.severity,
                result.summary.slice(0, 500),
            ]);
        case 'escalate':
            return update(c, openId, `severity = 'fail', summary = $2`, [result.summary.slice(0, 500)]);
        case 'remind':
            return update(c, openId, `reminders = reminders + 1, summary = $2`, [result.summary.slice(0, 500)]);
        case 'resolve':
            // The state no longer holds the id once resolved: find the open row.
            return ((await c.query(`UPDATE ctx_ops.alerts SET resolved_at = $3, downtime_ms = $4 WHERE env = $1 AND check_id = $2 AND resolved_at IS NULL RETURNING *`, [env, result.id, at, action.downtimeMs])).rows.map(toRecord)[0] ?? null);
    }
}
