import { createHmac, randomBytes } from 'node:crypto';
/**
 * Remembers a keyed fingerprint of a secret per environment, so a change between runs
 * can be reported without the bot ever storing the secret.
 *
 * The HMAC key is random, generated once per installation and kept in ctx_ops:
 * - not a plain hash: Better Auth encrypts the `jwkss` private keys with SHA-256(AUTH_SECRET),
 *   so sha256(AUTH_SECRET) in a table would be that very key;
 * - not derived from the secret or from a bot setting: a key the bot must be configured with
 *   would turn every restart with a different setting into a false "secret changed", and the
 *   store already is the one place all replicas share;
 * - per installation: the same secret copied between deployments (or from .env.example)
 *   gives unrelated fingerprints, and nothing in the table can be matched against anything
 *   computed elsewhere. Whoever can read the key can test guesses, so the key has its own
 *   table: a reporting role gets SELECT on the fingerprints without it.
 */
export const UNSET = 'unset';
/** What one sighting means to an operator: only a recent change is worth a warning. */
export function fingerprintVerdict(s, now, warnHours) {
    if (s.isNew)
        return 'first';
    if (!s.changedAt)
        return 'stable';
    return now.getTime() - s.changedAt.getTime() < warnHours * 3_600_000 ? 'changed-recently' : 'changed-earlier';
}
export function computeFingerprint(key, environment, name, value) {
    if (value === undefined)
        return UNSET;
    return createHmac('sha256', key)
        .update(`ctx-ops/secret-fingerprint/v1\0${environment}\0${name}\0${value}`)
        .digest('hex')
        .slice(0, 32);
}
export function keyId(key) {
    return createHmac('sha256', key).update('ctx-ops/fingerprint-key-id/v1').digest('hex').slice(0, 8);
}
const keys = new WeakMap();
/** The installation key: created by whichever replica gets there first, then shared. */
export function installationKey(store) {
    let p = keys.get(store);
    if (!p) {
        p = (async () => {
            await store.query('INSERT INTO ctx_ops.fingerprint_key (id, key) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [
                randomBytes(32),
            ]);
            const { rows } = await store.query('SELECT key FROM ctx_ops.fingerprint_key WHERE id = 1');
            if (!rows[0])
                throw new Error('ctx_ops.fingerprint_key has no key');
            return rows[0].key;
        })();
        p.catch(() => keys.delete(store));
        keys.set(store, p);
    }
    return p;
}
const toState = (name, r, isNew, rekeyed = false) => ({
    name,
    isNew,
    rekeyed,
    isSet: r.fingerprint !== UNSET,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
    changedAt: r.changed_at,
    previousLastSeenAt: r.previous_last_seen_at,
    previousSet: r.previous_set,
});
/**
 * Records one sighting of a secret (undefined = not set) and answers how it compares with
 * the last one. One transaction with a row lock, so concurrent runs and replicas agree.
 */
export async function observeSecret(store, environment, name, value, now) {
    const key = await installationKey(store);
    const fp = computeFingerprint(key, environment, name, value);
    const kid = keyId(key);
    return store.tx(async (c) => {
        const inserted = await c.query(`INSERT INTO ctx_ops.secret_fingerprints (environment, name, fingerprint, key_id, first_seen_at, last_seen_at)
       VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (environment, name) DO NOTHING RETURNING *`, [environment, name, fp, kid, now]);
        if (inserted.rows[0])
            return toState(name, inserted.rows[0], true);
        const { rows } = await c.query('SELECT * FROM ctx_ops.secret_fingerprints WHERE environment = $1 AND name = $2 FOR UPDATE', [environment, name]);
        const prev = rows[0];
        const update = (sql, params) => c.query(`UPDATE ctx_ops.secret_fingerprints SET ${sql} WHERE environment = $1 AND name = $2 RETURNING *`, [
            environment,
            name,
            ...params,
        ]);
        if (prev.key_id !== kid) {
            const r = await update('fingerprint = $3, key_id = $4, first_seen_at = $5, last_seen_at = $5, changed_at = NULL, previous_last_seen_at = NULL, previous_set = NULL', [fp, kid, now]);
            return toState(name, r.rows[0], true, true);
        }
        if (prev.fingerprint === fp) {
            const r = await update('last_seen_at = greatest(last_seen_at, $3)', [now]);
            return toState(name, r.rows[0], false);
        }
        const r = await update('fingerprint = $3, first_seen_at = $4, last_seen_at = $4, changed_at = $4, previous_last_seen_at = $5, previous_set = $6', [fp, now, prev.last_seen_at, prev.fingerprint !== UNSET]);
        return toState(name, r.rows[0], false);
    });
}
