import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FakeBackend } from './fake-backend.js';
import { hang, json, type RouteHandler } from './fake-http.js';

/**
 * The sign-in and MCP/OAuth surface of the ctx| backend, added to a FakeBackend with
 * `http.route`. It follows upstream's order of checks on /mcp (Origin, then orgSlug, then
 * credentials) and answers in the shapes observed on a running upstream backend.
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

export type SessionFault = 'healthy' | 'decryptFailed' | 'dbDown' | 'hang';

export interface CtxAuthState {
  /** AUTH_BASE_URL as the running backend sees it (defaults to the fake's own URL). */
  authBaseUrl: string;
  allowedOrigins: string[];
  providers: string[];
  mcp: McpFault;
  session: SessionFault;
}

export interface FakeCtxAuth {
  state: CtxAuthState;
  /** Sockets of requests left hanging, so a test can see the check closed them. */
  held: Socket[];
  /** orgSlug of every /mcp request that carried one. */
  orgSlugs: string[];
  set(patch: Partial<CtxAuthState>): void;
  reset(): void;
}

const isLoopback = (h: string) => h === 'localhost' || h === '127.0.0.1' || h === '::1' || h === '[::1]' || h.endsWith('.localhost');

export function addCtxAuth(backend: FakeBackend): FakeCtxAuth {
  const defaults = (): CtxAuthState => ({ authBaseUrl: backend.url, allowedOrigins: [], providers: [], mcp: 'healthy', session: 'healthy' });
  const state = defaults();
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
      case 'decryptFailed':
        return json(res, 500, { message: 'Failed to decrypt private key' });
      case 'dbDown':
        return json(res, 500, { message: 'Failed to get session' });
      case 'hang':
        return hold(req, res);
    }
  });

  // Upstream's rejectInvalidMcpOrigin, then the orgSlug check, then authentication.
  const originRejected = (req: IncomingMessage): boolean => {
    const expected = new URL(base());
    const host = req.headers.host;
    if (isLoopback(expected.hostname) && host && !isLoopback(new URL(`${expected.protocol}//${host}`).hostname)) return true;
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
      return json(res, 400, { jsonrpc: '2.0', error: { code: -32600, message: 'Missing required orgSlug query parameter. Use /mcp?orgSlug=<orgSlug>.' }, id: null });
    }
    const meta = `${base().replace(/\/$/, '')}/.well-known/oauth-protected-resource/mcp`;
    const headers: Record<string, string> = state.mcp === 'noChallenge' ? {} : { 'www-authenticate': `Bearer resource_metadata="${meta}"` };
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

  const authServer = (kind: 'oauth' | 'openid'): RouteHandler => (_req, res) => {
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
  };
}
