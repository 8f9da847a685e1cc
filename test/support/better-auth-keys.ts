import { createHash, randomBytes } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { bytesToHex, managedNonce, utf8ToBytes } from '@noble/ciphers/utils.js';
import { exportJWK, generateKeyPair } from 'jose';
import type { Sql } from './ctx-schema.js';

/**
 * Signing keys as Better Auth 1.6 (the version ctx| pins) writes them into `jwkss`, built
 * with the same primitives it uses: an Ed25519 key pair from jose, the private JWK
 * encrypted with XChaCha20-Poly1305 (24-byte random nonce prefixed, `managedNonce`) under
 * SHA-256(secret), hex-encoded, then JSON-stringified into `private_key`. With
 * BETTER_AUTH_SECRETS it writes `$ba$<version>$<hex>` instead (crypto/index.ts).
 * Checked once by hand against better-auth@1.6.23's own symmetricDecrypt (see README).
 */
export function encryptLikeBetterAuth(secret: string, data: string): string {
  const key = new Uint8Array(createHash('sha256').update(secret, 'utf8').digest());
  return bytesToHex(managedNonce(xchacha20poly1305)(key).encrypt(utf8ToBytes(data)));
}

export interface StoredJwk {
  id: string;
  publicKey: string;
  privateKey: string;
  createdAt: Date;
  expiresAt: Date | null;
}

export interface JwkOptions {
  /** Write a `$ba$<version>$` envelope (BETTER_AUTH_SECRETS) instead of bare hex. */
  envelopeVersion?: number;
  createdAt?: Date;
  expiresAt?: Date | null;
  /** disablePrivateKeyEncryption: the JWK in clear. */
  unencrypted?: boolean;
}

/** A new key pair, stored the way Better Auth's createJwk stores it, encrypted with `secret`. */
export async function makeJwk(secret: string, o: JwkOptions = {}): Promise<StoredJwk> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const priv = JSON.stringify(await exportJWK(privateKey));
  let stored: string;
  if (o.unencrypted) stored = priv;
  else {
    const hex = encryptLikeBetterAuth(secret, priv);
    stored = JSON.stringify(o.envelopeVersion === undefined ? hex : `$ba$${o.envelopeVersion}$${hex}`);
  }
  return {
    id: randomBytes(16).toString('base64url'),
    publicKey: JSON.stringify(await exportJWK(publicKey)),
    privateKey: stored,
    createdAt: o.createdAt ?? new Date(),
    expiresAt: o.expiresAt ?? null,
  };
}

/** `jwkss` as ctx|'s migration creates it (schema/auth.ts: timestamps without time zone). */
export async function createJwkssTable(db: Sql): Promise<void> {
  await db.query(`CREATE TABLE IF NOT EXISTS jwkss (
    id text PRIMARY KEY, public_key text NOT NULL, private_key text NOT NULL, created_at timestamp NOT NULL, expires_at timestamp)`);
}

export async function insertJwk(db: Sql, k: StoredJwk): Promise<StoredJwk> {
  await db.query(
    'INSERT INTO jwkss (id, public_key, private_key, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [k.id, k.publicKey, k.privateKey, k.createdAt, k.expiresAt],
  );
  return k;
}
