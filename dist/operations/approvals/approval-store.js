import { createHash, randomBytes } from 'node:crypto';
import { nextState } from './approval-states.js';
/** Keys sorted at every level, so the same action always hashes the same. */
export function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value && typeof value === 'object') {
        return `{${Object.keys(value)
            .sort()
            .filter((k) => value[k] !== undefined)
            .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(value);
}
/** Binds an approval to exactly this action: the button carries only the id. */
export function paramsHash(kind, env, params) {
    return createHash('sha256').update(canonicalJson({ kind, env, params })).digest('hex');
}
export const newApprovalId = () => `ap_${randomBytes(9).toString('base64url')}`;
const COLUMNS = {
    id: 'id',
    kind: 'kind',
    env: 'env',
    params: 'params',
    params_hash: 'paramsHash',
    preview: 'preview',
    state: 'state',
    requester_id: 'requesterId',
    requester_name: 'requesterName',
    confirmer_id: 'confirmerId',
    confirmer_name: 'confirmerName',
    two_person: 'twoPerson',
    surface: 'surface',
    channel_id: 'channelId',
    message_channel: 'messageChannel',
    message_ts: 'messageTs',
    thread_ts: 'threadTs',
    run_id: 'runId',
    summary: 'summary',
    created_at: 'createdAt',
    expires_at: 'expiresAt',
    decided_at: 'decidedAt',
    finished_at: 'finishedAt',
};
function fromRow(r) {
    const out = {};
    for (const [col, key] of Object.entries(COLUMNS))
        out[key] = r[col] ?? null;
    return out;
}
const SETTABLE = {
    confirmerId: 'confirmer_id',
    confirmerName: 'confirmer_name',
    decidedAt: 'decided_at',
    runId: 'run_id',
    summary: 'summary',
    finishedAt: 'finished_at',
};
export function createApprovalStore(store) {
    return {
        async create(a) {
            const id = newApprovalId();
            const { rows } = await store.query(`INSERT INTO ctx_ops.approvals (id, kind, env, params, params_hash, preview, state, requester_id, requester_name, two_person, surface, channel_id, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'requested', $7, $8, $9, $10, $11, $12, $13) RETURNING *`, [
                id,
                a.kind,
                a.env,
                JSON.stringify(a.params),
                paramsHash(a.kind, a.env, a.params),
                JSON.stringify(a.preview),
                a.requesterId,
                a.requesterName,
                a.twoPerson,
                a.surface,
                a.channelId,
                a.createdAt,
                a.expiresAt,
            ]);
            return fromRow(rows[0]);
        },
        async get(id) {
            if (!/^ap_[A-Za-z0-9_-]{6,40}$/.test(id))
                return null;
            const { rows } = await store.query('SELECT * FROM ctx_ops.approvals WHERE id = $1', [id]);
            return rows[0] ? fromRow(rows[0]) : null;
        },
        /** Where the confirmation was posted: progress goes into its thread. */
        async setMessage(id, ref) {
            await store.query('UPDATE ctx_ops.approvals SET message_channel = $2, message_ts = $3, thread_ts = $4 WHERE id = $1', [id, ref.channel, ref.ts || null, ref.threadTs ?? null]);
        },
        /**
         * The one conditional UPDATE every state change goes through. Null when the row was
         * not in `from` any more (someone else moved it first), or, with `unexpiredAt`, had expired.
         */
        async transition(id, from, event, set = {}, opts = {}) {
            const to = nextState(from, event);
            if (!to)
                throw new Error(`approval transition ${from} --${event}--> is not allowed`);
            const params = [id, from, to];
            const assignments = ['state = $3'];
            for (const [key, col] of Object.entries(SETTABLE)) {
                if (set[key] === undefined)
                    continue;
                params.push(set[key]);
                assignments.push(`${col} = $${params.length}`);
            }
            let where = 'id = $1 AND state = $2';
            if (opts.unexpiredAt) {
                params.push(opts.unexpiredAt);
                where += ` AND expires_at > $${params.length}`;
            }
            const { rows } = await (opts.db ?? store).query(`UPDATE ctx_ops.approvals SET ${assignments.join(', ')} WHERE ${where} RETURNING *`, params);
            return rows[0] ? fromRow(rows[0]) : null;
        },
        /** Requests nobody answered in time. */
        async dueForExpiry(now) {
            const { rows } = await store.query(`SELECT * FROM ctx_ops.approvals WHERE state = 'requested' AND expires_at <= $1 ORDER BY created_at LIMIT 100`, [now]);
            return rows.map(fromRow);
        },
        /** Confirmed but never started: the bot died between the click and the start. */
        async staleConfirmed(before) {
            const { rows } = await store.query(`SELECT * FROM ctx_ops.approvals WHERE state = 'confirmed' AND decided_at < $1 ORDER BY decided_at LIMIT 100`, [before]);
            return rows.map(fromRow);
        },
        async byRun(runId) {
            const { rows } = await store.query('SELECT * FROM ctx_ops.approvals WHERE run_id = $1', [runId]);
            return rows[0] ? fromRow(rows[0]) : null;
        },
    };
}
