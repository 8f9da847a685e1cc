import { createHash } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hexToBytes, managedNonce } from '@noble/ciphers/utils.js';
import type pg from 'pg';
import { describeReadError, missingTables } from './ctx-tables.js';
import type { PgAccess } from '../postgres/pg-access.js';

/**
 * Whether a copy of AUTH_SECRET opens the signing keys the backend keeps in table `jwkss`,
 * decided offline, the way Better Auth itself decrypts them (better-auth 1.6, the version
 * ctx| pins: crypto/index.ts `symmetricDecrypt`, plugins/jwt `createJwk` / `signJWT`):
 *
 * - `private_key` holds `JSON.stringify(ciphertext)`; the ciphertext is hex(nonce ‖ sealed)
 *   from XChaCha20-Poly1305 with a 24-byte random nonce in front (`managedNonce`), and the
 *   key is SHA-256 of the secret's UTF-8 bytes;
 * - with `BETTER_AUTH_SECRETS` ("<version>:<secret>,…", newest first) Better Auth writes
 *   `$ba$<version>$<hex>` envelopes with that version's secret, and still opens bare hex
 *   with the legacy secret (ctx| passes AUTH_SECRET as `secret`);
 * - a key written with `disablePrivateKeyEncryption` is the JWK in clear (ctx| does not set it);
 * - the backend signs with the newest key (`getLatestKey`, by created_at), so that one decides
 *   whether sign-in and MCP token issuing work.
 *
 * The Poly1305 tag makes this a yes/no test: a wrong secret cannot open the key by accident.
 * The opened private key is parsed to confirm it is a JWK and then wiped; nothing of it, of
 * the secret or of SHA-256(secret) is kept, returned or logged.
 */

/** The secrets Better Auth would try, built like its createContext (secret-utils.ts). */
export interface SecretSet {
  /** BETTER_AUTH_SECRETS by version; empty when it is not set. */
  versions: ReadonlyMap<number, string>;
  /** Bare-hex ciphertexts are opened with this (ctx| passes AUTH_SECRET). */
  legacy: string | undefined;
}

/**
 * BETTER_AUTH_SECRETS as Better Auth parses it; null when unset. A malformed value is
 * reported by name only (its content is a secret).
 */
export function parseBetterAuthSecrets(value: string | undefined): Map<number, string> | null | { error: string } {
  if (!value?.trim()) return null;
  const out = new Map<number, string>();
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    const colon = entry.indexOf(':');
    if (colon === -1) return { error: 'an entry is not "<version>:<secret>"' };
    const version = Number.parseInt(entry.slice(0, colon), 10);
    if (!Number.isInteger(version) || version < 0) return { error: 'an entry has no non-negative integer version' };
    const secret = entry.slice(colon + 1).trim();
    if (!secret) return { error: `version ${version} has an empty secret` };
    out.set(version, secret);
  }
  return out;
}

export type KeyOpenResult =
  /** The Poly1305 tag verified and the plaintext is a private JWK. */
  | 'opens'
  /** The tag did not verify: encrypted with another secret. */
  | 'wrong-secret'
  /** A `$ba$<v>$` envelope whose version this environment has no secret for. */
  | 'no-secret-for-version'
  /** Stored in clear (disablePrivateKeyEncryption): any secret "opens" it. */
  | 'not-encrypted'
  /** Not a shape Better Auth writes. */
  | 'malformed';

function sha256(secret: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(secret, 'utf8').digest());
}

/** Opens one hex(nonce ‖ sealed) with one secret; true when the tag verifies and a JWK comes out. */
function opensWith(secret: string, hex: string): boolean | 'malformed' {
  if (!/^[0-9a-f]+$/i.test(hex) || hex.length % 2 !== 0 || hex.length < (24 + 16) * 2) return 'malformed';
  const key = sha256(secret);
  let plain: Uint8Array | undefined;
  try {
    plain = managedNonce(xchacha20poly1305)(key).decrypt(hexToBytes(hex));
    const jwk = JSON.parse(new TextDecoder().decode(plain)) as unknown;
    return typeof jwk === 'object' && jwk !== null && 'd' in jwk;
  } catch {
    return false;
  } finally {
    key.fill(0);
    plain?.fill(0);
  }
}

/** Whether `secrets` open one stored `jwkss.private_key`, as Better Auth's symmetricDecrypt would. */
export function openPrivateKey(stored: string, secrets: SecretSet): { result: KeyOpenResult; version?: number } {
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return { result: 'malformed' };
  }
  if (value && typeof value === 'object') return { result: 'd' in value ? 'not-encrypted' : 'malformed' };
  if (typeof value !== 'string') return { result: 'malformed' };
  const envelope = /^\$ba\$(\d+)\$(.*)$/s.exec(value);
  if (envelope) {
    const version = Number.parseInt(envelope[1]!, 10);
    const secret = secrets.versions.get(version);
    if (!secret) return { result: 'no-secret-for-version', version };
    const ok = opensWith(secret, envelope[2]!);
    return { result: ok === 'malformed' ? 'malformed' : ok ? 'opens' : 'wrong-secret', version };
  }
  if (!secrets.legacy) return { result: 'wrong-secret' };
  const ok = opensWith(secrets.legacy, value);
  return { result: ok === 'malformed' ? 'malformed' : ok ? 'opens' : 'wrong-secret' };
}

export interface KeyReading {
  id: string;
  createdAt: Date;
  expired: boolean;
  result: KeyOpenResult;
  version?: number;
}

export type SigningKeysEvidence =
  | { kind: 'unavailable'; reason: string }
  | { kind: 'no-secret' }
  | { kind: 'no-keys' }
  | {
      kind: 'read';
      total: number;
      /** The key the backend signs with (newest by created_at). */
      latest: KeyReading;
      /** How many of the keys read open with this secret. */
      opened: number;
      read: number;
    };

/** Keys read at most: a deployment has one (no rotation upstream), a few after resets. */
const MAX_KEYS = 20;

type Queryable = Pick<pg.ClientBase, 'query'>;

export async function readSigningKeys(client: Queryable, secrets: SecretSet): Promise<SigningKeysEvidence> {
  if ((await missingTables(client, ['jwkss'])).length)
    return { kind: 'unavailable', reason: "table jwkss does not exist (ctx|'s migrations have not run?)" };
  const { rows } = await client.query<{
    id: string;
    private_key: string;
    created_at: Date;
    expired: boolean;
    total: number;
  }>(
    // The columns are timestamps without time zone holding UTC wall time (drizzle writes toISOString()).
    `SELECT id, private_key, created_at AT TIME ZONE 'UTC' AS created_at, coalesce(expires_at < (now() AT TIME ZONE 'UTC'), false) AS expired,
            count(*) OVER ()::int AS total
       FROM jwkss ORDER BY jwkss.created_at DESC LIMIT ${MAX_KEYS}`,
  );
  if (!rows.length) return { kind: 'no-keys' };
  const readings: KeyReading[] = rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    expired: r.expired,
    ...openPrivateKey(r.private_key, secrets),
  }));
  return {
    kind: 'read',
    total: rows[0]!.total,
    latest: readings[0]!,
    opened: readings.filter((k) => k.result === 'opens').length,
    read: readings.length,
  };
}

/** The secrets this environment's configuration gives, or why there are none to try. */
export function secretSetFor(ctx: {
  AUTH_SECRET?: string;
  raw: Readonly<Record<string, string>>;
}): SecretSet | { error: string } | null {
  const parsed = parseBetterAuthSecrets(ctx.raw.BETTER_AUTH_SECRETS);
  if (parsed && 'error' in parsed)
    return { error: `BETTER_AUTH_SECRETS is malformed (${parsed.error}; value not shown)` };
  if (!ctx.AUTH_SECRET && !parsed) return null;
  return { versions: parsed ?? new Map(), legacy: ctx.AUTH_SECRET };
}

/** Reads and tests the signing keys; a database that cannot be read is evidence unavailable, not an error. */
export async function signingKeysEvidence(
  pg: PgAccess | null,
  ctx: { AUTH_SECRET?: string; raw: Readonly<Record<string, string>> },
  signal: AbortSignal,
): Promise<SigningKeysEvidence> {
  const secrets = secretSetFor(ctx);
  if (secrets === null) return { kind: 'no-secret' };
  if ('error' in secrets) return { kind: 'unavailable', reason: secrets.error };
  if (!pg) return { kind: 'unavailable', reason: 'DATABASE_URL is not set here' };
  try {
    return await pg.withClient(signal, (c) => readSigningKeys(c, secrets));
  } catch (err) {
    if (signal.aborted) throw err;
    return { kind: 'unavailable', reason: describeReadError(err, 'table jwkss', pg.target) };
  }
}

export function describeKey(k: KeyReading): string {
  return `key ${k.id.slice(0, 12)} (created ${k.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z')}${k.version !== undefined ? `, envelope version ${k.version}` : ''}${k.expired ? ', expired' : ''})`;
}
