import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { missingOrgVerdict, mcpVerdict } from '../../../src/diagnostics/checks/mcp.js';
import {
  authorizationServerMetadataUrls,
  isSecureHttpUrl,
  resourceMetadataFromChallenge,
  reviewAuthServerMetadata,
  reviewProtectedResource,
} from '../../../src/diagnostics/oauth-discovery.js';
import { startFakeBackend, type FakeBackend } from '../../support/fake-backend.js';
import { addCtxAuth, type FakeCtxAuth } from '../../support/fake-ctx-auth.js';
import { buildBot, type Harness } from '../../support/harness.js';
import { closedPort } from '../../support/net.js';
import { adminUrl, withDatabase } from '../../support/pg.js';

const SECRET = 'planted-mcp-auth-secret-0123456789-abcdef';

let backend: FakeBackend;
let auth: FakeCtxAuth;
let h: Harness | undefined;

beforeAll(async () => {
  backend = await startFakeBackend();
  auth = addCtxAuth(backend);
});
afterAll(() => backend.close());
afterEach(async () => {
  await h?.close();
  h = undefined;
  auth.reset();
});

async function runMcp(env: Record<string, string> = {}, yaml = '', target = backend) {
  h = buildBot({ env: { AUTH_BASE_URL: target.url, AUTH_SECRET: SECRET, ...env }, yaml });
  const report = await h.bot.core.diagnostics.run(h.config.defaultEnvironment, { only: ['mcp'], maxAgeMs: 0 });
  const r = report.checks.find((c) => c.id === 'mcp')!;
  return { r, text: r.details.join('\n'), report };
}

describe('mcp check against a fake backend', () => {
  it('is ready for OAuth on a healthy backend, probing like upstream (Origin first, then none)', async () => {
    const before = backend.http.requests.length;
    const { r, text } = await runMcp();
    expect(r.status).toBe('ok');
    expect(r.summary).toBe(`ready for OAuth at ${backend.url}/mcp`);
    expect(text).toMatch(/POST \/mcp without orgSlug \(Origin http:\/\/127\.0\.0\.1:\d+\) → 400 JSON-RPC -32600/);
    expect(text).toMatch(
      /POST \/mcp\?orgSlug=ctx-ops-probe without credentials → HTTP 401 .* resource_metadata http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-protected-resource\/mcp/,
    );
    expect(text).toMatch(
      /resource http:\/\/127\.0\.0\.1:\d+\/mcp, authorization server http:\/\/127\.0\.0\.1:\d+\/\.auth\/api\/v1\/auth/,
    );
    expect(text).toMatch(
      /metadata at \/\.well-known\/oauth-authorization-server\/\.auth\/api\/v1\/auth: .*registration endpoints present/,
    );
    const mcpCalls = backend.http.requests.slice(before).filter((q) => q.path === '/mcp');
    expect(mcpCalls.map((q) => q.headers.origin)).toEqual([backend.url, undefined]);
    expect(mcpCalls.every((q) => q.method === 'POST' && JSON.parse(q.body).method === 'initialize')).toBe(true);
    expect(r.runbook).toBeUndefined();
  });

  it('uses environments.<name>.probeOrg as the orgSlug', async () => {
    await runMcp({}, 'environments:\n  prod:\n    probeOrg: acme\n');
    expect(auth.orgSlugs).toEqual(['acme']);
  });

  it("follows the metadata's jwks_uri: the signing keys are what the OAuth flow needs from the database", async () => {
    const { text } = await runMcp();
    expect(text).toMatch(
      /✓ jwks_uri http:\/\/127\.0\.0\.1:\d+\/\.auth\/api\/v1\/auth\/jwks → 200 with 1 public key in [\d.]+ ms: the backend reads its signing keys \(table jwkss\)/,
    );
  });

  it('is not "ready for OAuth" when the backend lost its database: jwks_uri answers 500 while discovery still works', async () => {
    await auth.setDatabase(withDatabase(adminUrl(), 'ctxops_mcp_db_that_is_gone'));
    try {
      const { r, text, report } = await runMcp();
      expect(r.status).toBe('fail');
      expect(r.summary).toBe('failed: signing keys unreadable (jwks_uri answers 500)');
      expect(text).toMatch(/✓ protected-resource metadata/);
      expect(text).toMatch(
        /✗ jwks_uri \S+ → HTTP 500 in [\d.]+ ms \(empty body\): the backend cannot read its signing keys from Postgres/,
      );
      expect(report.checks.find((c) => c.id === 'backend')!.status).toBe('fail');
      expect(r.rootCause).toBe('backend');
    } finally {
      await auth.setDatabase(null);
    }
  });

  it('fails when the 401 carries no WWW-Authenticate header', async () => {
    auth.set({ mcp: 'noChallenge' });
    const { r, text } = await runMcp();
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('failed: no WWW-Authenticate challenge');
    expect(text).toMatch(/without a WWW-Authenticate header: MCP clients cannot discover how to sign in/);
  });

  it('fails when the protected-resource metadata names the wrong resource', async () => {
    auth.set({ mcp: 'wrongResource' });
    const { r, text } = await runMcp();
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('failed: protected-resource metadata names the wrong resource');
    expect(text).toContain(`\`resource\` is https://ctx.example.com/mcp, expected ${backend.url}/mcp`);
    expect(r.runbook).toBe('sign-in-fails');
  });

  it('names the trailing slash on AUTH_BASE_URL when the resource comes out as …//mcp', async () => {
    auth.set({ authBaseUrl: `${backend.url}/` });
    const { r, text } = await runMcp({ AUTH_BASE_URL: `${backend.url}/` });
    expect(r.status).toBe('fail');
    expect(text).toContain(
      `\`resource\` is ${backend.url}//mcp, expected ${backend.url}/mcp: the backend runs with a trailing slash on AUTH_BASE_URL`,
    );
  });

  it('fails when the authorization server offers no dynamic client registration', async () => {
    auth.set({ mcp: 'noRegistration' });
    const { r, text } = await runMcp();
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('failed: no dynamic client registration endpoint');
    expect(text).toMatch(/lacks `registration_endpoint`: MCP clients cannot register or sign in/);
  });

  it('finds the metadata at the OpenID location when RFC 8414 is not served, and says so', async () => {
    auth.set({ mcp: 'openidOnly' });
    const { r, text } = await runMcp();
    expect(r.status).toBe('ok');
    expect(text).toMatch(
      /found at \/\.well-known\/openid-configuration\/\.auth\/api\/v1\/auth after \/\.well-known\/oauth-authorization-server\/\.auth\/api\/v1\/auth → 404/,
    );
  });

  it("names Origin / AUTH_ALLOWED_ORIGINS when the backend answers 403 to AUTH_BASE_URL's own origin", async () => {
    // The running backend has another AUTH_BASE_URL than the bot's environment file says.
    const elsewhere = `http://localhost:${await closedPort()}`;
    auth.set({ authBaseUrl: elsewhere });
    const { r, text } = await runMcp();
    expect(r.status).toBe('fail');
    expect(r.summary).toMatch(/^failed: the backend rejects AUTH_BASE_URL's origin \(Origin \/ AUTH_ALLOWED_ORIGINS\)/);
    expect(text).toMatch(
      /POST \/mcp with Origin http:\/\/127\.0\.0\.1:\d+ → 403: upstream accepts only AUTH_BASE_URL's origin and the AUTH_ALLOWED_ORIGINS entries/,
    );
    expect(text).toContain(`advertises its metadata on ${elsewhere}`);
    expect(r.runbook).toBe('sign-in-fails');
  });

  it('fails with "no MCP route" against a backend without /mcp', async () => {
    const bare = await startFakeBackend();
    try {
      const { r } = await runMcp({}, '', bare);
      expect(r.status).toBe('fail');
      expect(r.summary).toMatch(/^failed: no MCP route/);
    } finally {
      await bare.close();
    }
  });

  it('times out at checks.mcp.timeoutMs and closes the hanging socket', async () => {
    auth.set({ mcp: 'hang' });
    const started = Date.now();
    const { r } = await runMcp({}, 'checks:\n  mcp:\n    timeoutMs: 400\n');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('timed out: no answer within 400 ms');
    expect(auth.held.length).toBeGreaterThan(0);
    await expect.poll(() => auth.held.every((s) => s.destroyed), { timeout: 2000 }).toBe(true);
  });

  it('carries backend as root cause when the backend is down', async () => {
    const port = await closedPort();
    h = buildBot({ env: { AUTH_BASE_URL: `http://127.0.0.1:${port}` } });
    const report = await h.bot.core.diagnostics.run('default', { only: ['mcp'], maxAgeMs: 0 });
    const m = report.checks.find((c) => c.id === 'mcp')!;
    expect(m.status).toBe('fail');
    expect(m.rootCause).toBe('backend');
    expect(m.summary).toBe('failed: MCP endpoint unreachable (+1 more)');
  });

  it('puts no secret in its result or logs', async () => {
    const { report } = await runMcp();
    const said = JSON.stringify(report);
    expect(said).not.toContain('[redacted]');
    expect(said).not.toContain(SECRET);
    expect(h!.logs.join('\n')).not.toContain(SECRET);
  });
});

describe('mcp and OAuth discovery rules', () => {
  it.each([
    [400, '{"jsonrpc":"2.0","error":{"code":-32600,"message":"Missing required orgSlug"},"id":null}', 'ok'],
    [400, '{"error":"bad"}', 'unexpected'],
    [403, '', 'origin-rejected'],
    [404, '{"error":"Not Found"}', 'no-route'],
    [401, '{"error":"Unauthorized"}', 'unexpected'],
  ] as const)('POST /mcp without orgSlug %i %s → %s', (status, body, want) =>
    expect(missingOrgVerdict(status, body)).toBe(want),
  );

  it.each([
    [['ok', 'ok'], 'ready-for-oauth'],
    [['ok', 'warn'], 'warning'],
    [['warn', 'fail'], 'failed'],
    [[], 'ready-for-oauth'],
  ] as const)('verdict of %o → %s', (s, want) => expect(mcpVerdict([...s])).toBe(want));

  it.each([
    [
      'Bearer resource_metadata="https://x.example/.well-known/oauth-protected-resource/mcp"',
      'https://x.example/.well-known/oauth-protected-resource/mcp',
    ],
    [
      'Bearer error="invalid_token", error_description="a \\"quoted\\" text", resource_metadata="https://x.example/m"',
      'https://x.example/m',
    ],
    ['Bearer resource_metadata=https://x.example/m, scope="a"', 'https://x.example/m'],
    ['Bearer realm="x"', undefined],
    [undefined, undefined],
  ] as const)('resource_metadata of %o → %o', (challenge, want) =>
    expect(resourceMetadataFromChallenge(challenge)).toBe(want),
  );

  it.each([
    ['https://x.example/a', true],
    ['http://127.0.0.1:3000/a', true],
    ['http://localhost/a', true],
    ['http://x.example/a', false],
    ['/relative', false],
    [42, false],
  ] as const)('secure URL %o → %s', (v, want) => expect(isSecureHttpUrl(v)).toBe(want));

  it.each([
    [
      'https://x.example/.auth/api/v1/auth',
      [
        'https://x.example/.well-known/oauth-authorization-server/.auth/api/v1/auth',
        'https://x.example/.well-known/openid-configuration/.auth/api/v1/auth',
        'https://x.example/.auth/api/v1/auth/.well-known/openid-configuration',
      ],
    ],
    [
      'https://x.example/',
      [
        'https://x.example/.well-known/oauth-authorization-server',
        'https://x.example/.well-known/openid-configuration',
      ],
    ],
  ] as const)('metadata URLs for issuer %s', (issuer, want) =>
    expect(authorizationServerMetadataUrls(issuer)).toEqual(want),
  );

  const expected = 'https://x.example/mcp';
  it.each([
    [{ resource: expected, authorization_servers: ['https://x.example/.auth/api/v1/auth'] }, []],
    [
      { resource: 'https://x.example//mcp', authorization_servers: ['https://x.example/a'] },
      ['`resource` is https://x.example//mcp, expected https://x.example/mcp'],
    ],
    [{ resource: expected, authorization_servers: [] }, ['it lists no `authorization_servers`']],
    [
      { resource: expected, authorization_servers: ['http://x.example/a'] },
      ['none of its `authorization_servers` is an https (or loopback http) URL'],
    ],
    [{ authorization_servers: ['https://x.example/a'] }, ['it has no `resource`']],
    ['nope', ['the answer is not a JSON object']],
  ] as const)('protected-resource metadata %o → %o', (body, want) =>
    expect(reviewProtectedResource(body, expected).problems).toEqual(want),
  );

  const issuer = 'https://x.example/.auth/api/v1/auth';
  const full = {
    issuer,
    authorization_endpoint: `${issuer}/oauth2/authorize`,
    token_endpoint: `${issuer}/oauth2/token`,
    registration_endpoint: `${issuer}/oauth2/register`,
    code_challenge_methods_supported: ['S256'],
  };
  it.each([
    [full, [], []],
    [{ ...full, registration_endpoint: undefined }, ['`registration_endpoint`'], []],
    [
      { ...full, issuer: 'https://other.example' },
      ['`issuer` https://other.example (the protected resource names https://x.example/.auth/api/v1/auth)'],
      [],
    ],
    [{ ...full, token_endpoint: 'http://x.example/t' }, ['a usable `token_endpoint` (got "http://x.example/t")'], []],
    [{ ...full, code_challenge_methods_supported: ['plain'] }, [], [expect.stringMatching(/does not list S256/)]],
  ])('authorization-server metadata %#', (body, missing, concerns) => {
    const r = reviewAuthServerMetadata(JSON.parse(JSON.stringify(body)), issuer);
    expect(r.missing).toEqual(missing);
    expect(r.concerns).toEqual(concerns);
  });
});
