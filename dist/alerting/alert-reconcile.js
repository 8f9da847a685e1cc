import { initialAlertState } from './alert-rules.js';
import { isMemoryId } from './alert-locations.js';
import { recordAction } from './alert-store.js';
/**
 * Writes what the watch decided in memory while the store was unreachable: each action
 * is replayed in order through the same SQL a store cycle uses (an alert raised in memory
 * becomes a row and gets a store id; its reminders, escalation and resolution follow),
 * then each changed check's state is written. One transaction per environment, locking
 * the state rows as a store cycle does. Nothing is posted here: everything was said when
 * it was decided, so recovery adds no message; the thread of an alert still open is
 * found again through its location, and its resolution goes there later.
 *
 * Must run only once the leader lock is held again. Throws if the store fails midway;
 * environments already written stay written and the rest is tried again next cycle.
 */
export async function reconcileMemory(store, memory, locations) {
    const out = { envs: 0, raised: 0, resolved: 0, actions: 0 };
    for (const env of memory.pendingEnvs()) {
        const { actions, states } = memory.pendingFor(env);
        const ids = new Map();
        const mapped = (id) => (id && isMemoryId(id) ? ids.get(id) : id);
        await store.tx(async (c) => {
            const checks = [...new Set([...states.map(([check]) => check), ...actions.map((a) => a.check)])];
            await c.query(`INSERT INTO ctx_ops.alert_state (env, check_id, state) SELECT $1, unnest($2::text[]), $3::jsonb ON CONFLICT DO NOTHING`, [env, checks, JSON.stringify(initialAlertState())]);
            await c.query(`SELECT 1 FROM ctx_ops.alert_state WHERE env = $1 AND check_id = ANY($2::text[]) ORDER BY check_id FOR UPDATE`, [env, checks]);
            for (const a of actions) {
                const at = a.at;
                const open = a.action.kind === 'open' ? undefined : mapped(a.alertId);
                // recordAction reads the alert's id from the state, and sets it for `open`.
                const state = {
                    ...initialAlertState(),
                    open: {
                        id: open,
                        severity: 'fail',
                        since: at.toISOString(),
                        openedAt: at.toISOString(),
                        remindedAt: at.toISOString(),
                        posted: true,
                    },
                };
                if (a.action.kind !== 'open' && a.action.kind !== 'resolve' && !open)
                    continue; // its `open` was dropped from a very long outage's log
                await recordAction(c, env, { id: a.check, summary: a.summary }, a.action, state, at, a.silence);
                if (a.action.kind === 'open' && state.open?.id) {
                    ids.set(a.alertId, state.open.id);
                    out.raised++;
                }
                if (a.action.kind === 'resolve' && isMemoryId(a.alertId))
                    out.resolved++;
                out.actions++;
            }
            const rows = states.map(([check, s]) => {
                const id = mapped(s.open?.id);
                const state = s.open ? { ...s, open: { ...s.open, ...(id ? { id } : { id: undefined }) } } : s;
                return [check, JSON.stringify(state)];
            });
            if (rows.length) {
                await c.query(`UPDATE ctx_ops.alert_state AS s SET state = t.state, updated_at = now()
           FROM unnest($2::text[], $3::jsonb[]) AS t(check_id, state) WHERE s.env = $1 AND s.check_id = t.check_id`, [env, rows.map(([check]) => check), rows.map(([, s]) => s)]);
            }
        });
        memory.written(env, ids);
        for (const [memId, realId] of ids)
            locations.alias(memId, realId);
        out.envs++;
    }
    // Where alerts raised during the outage were posted (and any location a failed write left behind).
    await locations.flush(store);
    return out;
}
