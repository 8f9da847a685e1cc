import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import pg from 'pg';
import { makeJwk, type StoredJwk } from './better-auth-keys.js';
import type { FakeBackend } from './fake-backend.js';
import { hang, json, type RouteHandler } from './fake-http.js';

/**
 * The sign-in and MCP/OAuth surface of the ctx| backend, added to a FakeBackend with
 * `http.route`. It follows upstream's order of checks on /mcp (Origin, then orgSlug, then
 * credentials) and answers in the shapes observed on a running upstream backend.
 *
 * Its database is real when one is attached (`databaseUrl`): GET jwks reads table jwkss
 * and, like Better Auth, creates the first key pair (encrypted with the backend's own
 * AUTH_SECRET, `state.authSecret`) when it is empty; the public invitation route reads
 * invitations ⋈ organizations. When the database is gone or the pool was closed
 * (`closePool()`, what upstream's SIGTERM handler does), those routes answer 500 exactly as
 * upstream does (jwks: an empty 500 from Better Auth's router; ctx|'s own route: 500
 * {"message": <driver error>}) while /.status, the metadata documents and cookie-less
 * get-session keep answering. Without a database attached it keeps its keys in memory.
 */
export type McpFault =
  | 'healthy'
  /** 401 without any WWW-Authenticate header (a proxy stripping it). */
  | 'noChallenge'
  /** Protected-resource metadata names another resource. */
  | 'wrongResource'
  /** Authorization-server metadata without registration_endpoint. */
  | 'noRegistration'
  /** Only the OpenID configuration is served, not RFC 8414 metadata. */
  | 'openidOnly'
  | 'hang';

/** Cookie-less get-session never touches the database or the keys upstream: only a hang is a fault. */
export type SessionFault = 'healthy' | 'hang';

export interface CtxAuthState {
  /** AUTH_BASE_URL as the running backend sees it (defaults to the fake's own URL). */
  authBaseUrl: string;
  allowedOrigins: string[];
  providers: string[];
  mcp: McpFault;
  session: SessionFault;
  /** The AUTH_SECRET the running backend has: it encrypts the keys it creates. */
  authSecret: string;
}

export interface FakeCtxAuth {
  state: CtxAuthState;
  /** Sockets of requests left hanging, so a test can see the check closed them. */
  held: Socket[];
  /** orgSlug of every /mcp request that carried one. */
  orgSlugs: string[];
  set(patch: Partial<CtxAuthState>): void;
  reset(): void;
  /** Points the backend's pool at another database (or none: keys kept in memory). */
  setDatabase(url: string | null): Promise<void>;
  /** Ends the pool and keeps using it, as upstream does after SIGTERM. */
  closePool(): Promise<void>;
  close(): Promise<void>;
}

export interface CtxAuthOptions {
  databaseUrl?: string;
  authSecret?: string;
}

/** The id the backend check looks up (see DB_PROBE_PATH). */
export const PROBE_INVITATION_PATH = '/.auth/api/v1/public/invitations/ctx-ops-probe';

const isLoopback = (h: string) =>
  h === 'localhost' || h === '127.0.0.1' || h === '::1' || h === '[::1]' || h.endsWith('.localhost');

export const FAKE_BACKEND_SECRET = 'fake-backend-auth-secret-0123456789-abcdef';

export function addCtxAuth(backend: FakeBackend, opts: CtxAuthOptions = {}): FakeCtxAuth {
  const defaults = (): CtxAuthState => ({
    authBaseUrl: backend.url,
    allowedOrigins: [],
    providers: [],
    mcp: 'healthy',
    session: 'healthy',
    authSecret: opts.authSecret ?? FAKE_BACKEND_SECRET,
  });
  const state = defaults();
  let pool: pg.Pool | null = null;
  const memoryKeys: StoredJwk[] = [];
  const setDatabase = async (url: string | null) => {
    const old = pool;
    pool = url ? new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 3000 }) : null;
    pool?.on('error', () => {});
    if (old && !(old as unknown as { ending?: boolean }).ending) await old.end().catch(() => {});
  };
  if (opts.databaseUrl) void setDatabase(opts.databaseUrl);
  const held: Socket[] = [];
  const orgSlugs: string[] = [];
  const hold = (req: IncomingMessage, res: ServerResponse) => {
    held.push(req.socket);
    return hang(req as IncomingMessage & { body: string }, res);
  };
  const r = backend.http.route;
  const base = () => state.authBaseUrl;
  const issuer = () => new URL('/.auth/api/v1/auth', state.authBaseUrl).href;

  r('GET', '/.auth/api/config', (_req, res) => json(res, 200, { providers: state.providers }));

  r('GET', '/.auth/api/v1/auth/get-session', (req, res) => {
    switch (state.session) {
      case 'healthy':
        return json(res, 200, 'null');
      case 'hang':
        return hold(req, res);
    }
  });

  // Better Auth's jwt plugin: every key's public half; the first key pair is created on demand.
  const allKeys = async (): Promise<Array<{ id: string; publicKey: string }>> => {
    if (!pool) {
      if (!memoryKeys.length) memoryKeys.push(await makeJwk(state.authSecret));
      return memoryKeys;
    }
    const read = () => pool!.query<{ id: string; public_key: string }>('SELECT id, public_key FROM jwkss');
    let { rows } = await read();
    if (!rows.length) {
      const k = await makeJwk(state.authSecret);
      await pool.query(
        'INSERT INTO jwkss (id, public_key, private_key, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [k.id, k.publicKey, k.privateKey, k.createdAt, k.expiresAt],
      );
      ({ rows } = await read());
    }
    return rows.map((x) => ({ id: x.id, publicKey: x.public_key }));
  };
  r('GET', '/.auth/api/v1/auth/jwks', async (_req, res) => {
    try {
      const keys = await allKeys();
      return json(res, 200, {
        keys: keys.map((k) => ({ alg: 'EdDSA', crv: 'Ed25519', ...JSON.parse(k.publicKey), kid: k.id })),
      });
    } catch {
      // better-call's router on a non-API error: an empty 500.
      res.writeHead(500);
      return void res.end();
    }
  });

  // ctx|'s public invitation lookup: a read of Postgres without a session.
  r('GET', PROBE_INVITATION_PATH, async (_req, res) => {
    if (!pool) return json(res, 404, { error: 'Invitation not found or expired' });
    try {
      const { rows } = await pool.query(
        `SELECT i.email, o.name FROM invitations i JOIN organizations o ON o.id = i.organization_id
          WHERE i.id = $1 AND i.status = 'pending' AND i.expires_at > now() LIMIT 1`,
        ['ctx-ops-probe'],
      );
      if (!rows.length) return json(res, 404, { error: 'Invitation not found or expired' });
      return json(res, 200, { email: rows[0].email, organizationName: rows[0].name });
    } catch (err) {
      // ctx|'s app.onError: the error's message as JSON.
      return json(res, 500, { message: (err as Error).message });
    }
  });

  // Upstream's rejectInvalidMcpOrigin, then the orgSlug check, then authentication.
  const originRejected = (req: IncomingMessage): boolean => {
    const expected = new URL(base());
    const host = req.headers.host;
    if (isLoopback(expected.hostname) && host && !isLoopback(new URL(`${expected.protocol}//${host}`).hostname))
      return true;
    const origin = req.headers.origin;
    if (!origin) return false;
    if (!URL.canParse(origin)) return true;
    const o = new URL(origin);
    return !(o.origin === expected.origin || state.allowedOrigins.includes(o.origin));
  };
  const mcp: RouteHandler = (req, res) => {
    if (state.mcp === 'hang') return hold(req, res);
    if (originRejected(req)) {
      res.writeHead(403);
      return void res.end();
    }
    const orgSlug = new URL(req.url ?? '/', 'http://x').searchParams.get('orgSlug');
    if (orgSlug) orgSlugs.push(orgSlug);
    if (!orgSlug) {
      return json(res, 400, {
        jsonrpc: '2.0',
        error: { code: -32600, message: 'Missing required orgSlug query parameter. Use /mcp?orgSlug=<orgSlug>.' },
        id: null,
      });
    }
    const meta = `${base().replace(/\/$/, '')}/.well-known/oauth-protected-resource/mcp`;
    const headers: Record<string, string> =
      state.mcp === 'noChallenge' ? {} : { 'www-authenticate': `Bearer resource_metadata="${meta}"` };
    return json(res, 401, { error: 'Unauthorized' }, headers);
  };
  r('*', '/mcp', mcp);

  const protectedResource: RouteHandler = (_req, res) =>
    json(
      res,
      200,
      {
        resource: state.mcp === 'wrongResource' ? 'https://ctx.example.com/mcp' : `${base()}/mcp`,
        authorization_servers: [issuer()],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      },
      { 'cache-control': 'public, max-age=15, stale-while-revalidate=15, stale-if-error=86400' },
    );
  r('GET', '/.well-known/oauth-protected-resource', protectedResource);
  r('GET', '/.well-known/oauth-protected-resource/mcp', protectedResource);

  const authServer =
    (kind: 'oauth' | 'openid'): RouteHandler =>
    (_req, res) => {
      if (kind === 'oauth' && state.mcp === 'openidOnly') return json(res, 404, { error: 'Not Found' });
      const i = issuer();
      const doc: Record<string, unknown> = {
        issuer: i,
        authorization_endpoint: `${i}/oauth2/authorize`,
        token_endpoint: `${i}/oauth2/token`,
        jwks_uri: `${i}/jwks`,
        registration_endpoint: `${i}/oauth2/register`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code', 'refresh_token'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      };
      if (state.mcp === 'noRegistration') delete doc.registration_endpoint;
      return json(res, 200, doc);
    };
  for (const suffix of ['', '/mcp', '/.auth/api/v1/auth']) {
    r('GET', `/.well-known/oauth-authorization-server${suffix}`, authServer('oauth'));
    r('GET', `/.well-known/openid-configuration${suffix}`, authServer('openid'));
  }

  return {
    state,
    held,
    orgSlugs,
    set: (patch) => void Object.assign(state, patch),
    reset: () => {
      Object.assign(state, defaults());
      held.length = 0;
      orgSlugs.length = 0;
    },
    setDatabase,
    async closePool() {
      await pool?.end().catch(() => {});
    },
    async close() {
      const p = pool;
      pool = null;
      if (p && !(p as unknown as { ending?: boolean }).ending) await p.end().catch(() => {});
    },
  };
}
