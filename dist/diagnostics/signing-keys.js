import { createHash } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hexToBytes, managedNonce } from '@noble/ciphers/utils.js';
import { describeReadError, missingTables } from './ctx-tables.js';
/**
 * BETTER_AUTH_SECRETS as Better Auth parses it; null when unset. A malformed value is
 * reported by name only (its content is a secret).
 */
export function parseBetterAuthSecrets(value) {
    if (!value?.trim())
        return null;
    const out = new Map();
    for (const raw of value.split(',')) {
        const entry = raw.trim();
        const colon = entry.indexOf(':');
        if (colon === -1)
            return { error: 'an entry is not "<version>:<secret>"' };
        const version = Number.parseInt(entry.slice(0, colon), 10);
        if (!Number.isInteger(version) || version < 0)
            return { error: 'an entry has no non-negative integer version' };
        const secret = entry.slice(colon + 1).trim();
        if (!secret)
            return { error: `version ${version} has an empty secret` };
        out.set(version, secret);
    }
    return out;
}
function sha256(secret) {
    return new Uint8Array(createHash('sha256').update(secret, 'utf8').digest());
}
/** Opens one hex(nonce ‖ sealed) with one secret; true when the tag verifies and a JWK comes out. */
function opensWith(secret, hex) {
    if (!/^[0-9a-f]+$/i.test(hex) || hex.length % 2 !== 0 || hex.length < (24 + 16) * 2)
        return 'malformed';
    const key = sha256(secret);
    let plain;
    try {
        plain = managedNonce(xchacha20poly1305)(key).decrypt(hexToBytes(hex));
        const jwk = JSON.parse(new TextDecoder().decode(plain));
        return typeof jwk === 'object' && jwk !== null && 'd' in jwk;
    }
    catch {
        return false;
    }
    finally {
        key.fill(0);
        plain?.fill(0);
    }
}
/** Whether `secrets` open one stored `jwkss.private_key`, as Better Auth's symmetricDecrypt would. */
export function openPrivateKey(stored, secrets) {
    let value;
    try {
        value = JSON.parse(stored);
    }
    catch {
        return { result: 'malformed' };
    }
    if (value && typeof value === 'object')
        return { result: 'd' in value ? 'not-encrypted' : 'malformed' };
    if (typeof value !== 'string')
        return { result: 'malformed' };
    const envelope = /^\$ba\$(\d+)\$(.*)$/s.exec(value);
    if (envelope) {
        const version = Number.parseInt(envelope[1], 10);
        const secret = secrets.versions.get(version);
        if (!secret)
            return { result: 'no-secret-for-version', version };
        const ok = opensWith(secret, envelope[2]);
        return { result: ok === 'malformed' ? 'malformed' : ok ? 'opens' : 'wrong-secret', version };
    }
    if (!secrets.legacy)
        return { result: 'wrong-secret' };
    const ok = opensWith(secrets.legacy, value);
    return { result: ok === 'malformed' ? 'malformed' : ok ? 'opens' : 'wrong-secret' };
}
/** Keys read at most: a deployment has one (no rotation upstream), a few after resets. */
const MAX_KEYS = 20;
export async function readSigningKeys(client, secrets) {
    if ((await missingTables(client, ['jwkss'])).length)
        return { kind: 'unavailable', reason: "table jwkss does not exist (ctx|'s migrations have not run?)" };
    const { rows } = await client.query(
    // The columns are timestamps without time zone holding UTC wall time (drizzle writes toISOString()).
    `SELECT id, private_key, created_at AT TIME ZONE 'UTC' AS created_at, coalesce(expires_at < (now() AT TIME ZONE 'UTC'), false) AS expired,
            count(*) OVER ()::int AS total
       FROM jwkss ORDER BY jwkss.created_at DESC LIMIT ${MAX_KEYS}`);
    if (!rows.length)
        return { kind: 'no-keys' };
    const readings = rows.map((r) => ({
        id: r.id,
        createdAt: r.created_at,
        expired: r.expired,
        ...openPrivateKey(r.private_key, secrets),
    }));
    return {
        kind: 'read',
        total: rows[0].total,
        latest: readings[0],
        opened: readings.filter((k) => k.result === 'opens').length,
        read: readings.length,
    };
}
/** The secrets this environment's configuration gives, or why there are none to try. */
export function secretSetFor(ctx) {
    const parsed = parseBetterAuthSecrets(ctx.raw.BETTER_AUTH_SECRETS);
    if (parsed && 'error' in parsed)
        return { error: `BETTER_AUTH_SECRETS is malformed (${parsed.error}; value not shown)` };
    if (!ctx.AUTH_SECRET && !parsed)
        return null;
    return { versions: parsed ?? new Map(), legacy: ctx.AUTH_SECRET };
}
/** Reads and tests the signing keys; a database that cannot be read is evidence unavailable, not an error. */
export async function signingKeysEvidence(pg, ctx, signal) {
    const secrets = secretSetFor(ctx);
    if (secrets === null)
        return { kind: 'no-secret' };
    if ('error' in secrets)
        return { kind: 'unavailable', reason: secrets.error };
    if (!pg)
        return { kind: 'unavailable', reason: 'DATABASE_URL is not set here' };
    try {
        return await pg.withClient(signal, (c) => readSigningKeys(c, secrets));
    }
    catch (err) {
        if (signal.aborted)
            throw err;
        return { kind: 'unavailable', reason: describeReadError(err, 'table jwkss', pg.target) };
    }
}
export function describeKey(k) {
    return `key ${k.id.slice(0, 12)} (created ${k.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z')}${k.version !== undefined ? `, envelope version ${k.version}` : ''}${k.expired ? ', expired' : ''})`;
}
