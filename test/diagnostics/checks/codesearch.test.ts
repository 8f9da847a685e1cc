import { pino } from 'pino';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createJwkssTable, insertJwk, makeJwk } from '../../support/better-auth-keys.js';
import { createTestDatabase, type TestDatabase } from '../../support/pg.js';
import { codesearchCheck, searchVerdict, unauthenticatedVerdict } from '../../../src/diagnostics/checks/codesearch.js';
import { createHttpClient } from '../../../src/diagnostics/http-client.js';
import { serviceTokenClaims } from '../../../src/diagnostics/service-token.js';
import { startFakeCodesearch, type FakeCodesearch } from '../../support/fake-codesearch.js';
import { json, startFakeHttp } from '../../support/fake-http.js';
import { buildBot, type Harness } from '../../support/harness.js';
import { closedPort } from '../../support/net.js';

const SECRET = 'planted-codesearch-secret-0123456789-abcdef';
const OTHER = 'the-secret-codesearch-really-has-9876543210';

let cs: FakeCodesearch;
let h: Harness | undefined;

beforeAll(async () => {
  cs = await startFakeCodesearch({ secret: SECRET });
});
afterAll(() => cs.close());
afterEach(async () => {
  await h?.close();
  h = undefined;
  cs.setFault('healthy');
  cs.configure({ secret: SECRET, audience: 'codesearch', issuer: undefined });
  cs.accepted.length = 0;
  cs.rejected.length = 0;
});

async function runCs(env: Record<string, string | undefined> = {}, yaml = '', app = {}) {
  h = buildBot({ env: { CODESEARCH_URL: cs.url, AUTH_SECRET: SECRET, ...env }, yaml, app });
  const report = await h.bot.core.diagnostics.run('default', { only: ['codesearch'], maxAgeMs: 0 });
  const r = report.checks.find((c) => c.id === 'codesearch')!;
  return { r, text: r.details.join('\n'), report };
}

describe('codesearch check against a fake codesearch that verifies tokens with jose', () => {
  it('is ok when the unauthenticated probe gets 401 and a minted service JWT gets 200', async () => {
    const { r, text } = await runCs();
    expect(r.status).toBe('ok');
    expect(r.summary).toMatch(/^searching: authenticated probe answered in [\d.]+ ms$/);
    expect(text).toMatch(
      /POST \/search without a token → HTTP 401 .*\{"error":"Unauthorized"\}: ctx\| codesearch answers/,
    );
    expect(text).toMatch(
      /with a service JWT \(HS256 with AUTH_SECRET, aud codesearch, iss http:\/\/localhost:3000, principal service, 5 min\) → HTTP 200/,
    );
    // The claims are the ones upstream's backend mints.
    expect(cs.accepted).toHaveLength(1);
    const c = cs.accepted[0]!;
    expect(c).toMatchObject({
      aud: 'codesearch',
      iss: 'http://localhost:3000',
      sub: 'org:ctx-ops-probe',
      orgId: 'ctx-ops-probe',
      principal: 'service',
    });
    expect(c.exp! - c.iat!).toBe(300);
    expect(JSON.parse(cs.http.requests.at(-1)!.body)).toMatchObject({ Q: 'ctx-ops-health-probe' });
  });

  it('uses AUTH_ISSUER, AUTH_TOKEN_AUDIENCE_CODESEARCH and checks.codesearch.probeOrgId', async () => {
    cs.configure({ issuer: 'https://issuer.example', audience: 'cs-aud' });
    const { r } = await runCs(
      { AUTH_ISSUER: 'https://issuer.example', AUTH_TOKEN_AUDIENCE_CODESEARCH: 'cs-aud' },
      'checks:\n  codesearch:\n    probeOrgId: org_probe\n',
    );
    expect(r.status).toBe('ok');
    expect(cs.accepted[0]).toMatchObject({
      iss: 'https://issuer.example',
      aud: 'cs-aud',
      orgId: 'org_probe',
      sub: 'org:org_probe',
    });
  });

  describe("whose AUTH_SECRET is wrong when codesearch rejects the token: the backend's signing keys tell", () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase('codesearch_keys');
      await createJwkssTable(db);
    });
    afterEach(() => db.query('DELETE FROM jwkss'));
    afterAll(() => db.drop());

    it("fails with \"codesearch's AUTH_SECRET differs from the backend's\" when ctx-ops's copy opens the backend's keys", async () => {
      await insertJwk(db, await makeJwk(SECRET));
      cs.configure({ secret: OTHER });
      const { r, text } = await runCs({ DATABASE_URL: db.url });
      expect(r.status).toBe('fail');
      expect(r.summary).toBe("codesearch's AUTH_SECRET differs from the backend's");
      expect(r.runbook).toBe('repo-not-indexed');
      expect(cs.rejected).toEqual(['ERR_JWS_SIGNATURE_VERIFICATION_FAILED']);
      expect(text).toMatch(
        /codesearch rejects the token, while ctx-ops's AUTH_SECRET opens the newest signing key in jwkss/,
      );
      expect(text).toMatch(/Give codesearch the backend's AUTH_SECRET and restart it/);
    });

    it("does not blame codesearch when ctx-ops's own copy is the stale one (backend keys and codesearch agree)", async () => {
      await insertJwk(db, await makeJwk(OTHER));
      cs.configure({ secret: OTHER });
      const { r, text } = await runCs({ DATABASE_URL: db.url });
      expect(r.status).toBe('warn');
      expect(r.summary).toBe(
        "not verified: ctx-ops's AUTH_SECRET is not the deployment's (codesearch and the backend's keys agree)",
      );
      expect(r.runbook).toBeUndefined();
      expect(text).toMatch(
        /ctx-ops's own copy of AUTH_SECRET is stale\. Fix ctx-ops's configuration; codesearch itself is not shown to be wrong/,
      );
      expect(JSON.stringify(r)).not.toMatch(/differs between backend and codesearch|differs from the backend's/);
    });

    it('says it cannot tell without the keys, and names both possibilities', async () => {
      cs.configure({ secret: OTHER });
      const { r, text } = await runCs();
      expect(r.status).toBe('warn');
      expect(r.summary).toBe("codesearch rejects ctx-ops's token (whose AUTH_SECRET is wrong is not known)");
      expect(text).toMatch(
        /the signing keys could not be read \(DATABASE_URL is not set here\): either codesearch's AUTH_SECRET differs from the backend's \(then indexing and search fail too\), or ctx-ops's copy is stale/,
      );
    });
  });

  it.each([
    ['zoektDown', 'fail', 'Zoekt not running: codesearch cannot search', /zoekt-webserver -rpc on port 6070/],
    ['noDatabase', 'fail', 'codesearch has no database', /DATABASE_URL is not set for the codesearch service/],
    ['zoektWarming', 'warn', 'Zoekt not ready: shards still loading', /not loaded the index shards yet/],
  ] as const)('reads a 503 (%s) the way upstream writes it', async (fault, status, summary, detail) => {
    cs.setFault(fault);
    const { r, text } = await runCs();
    expect(r.status).toBe(status);
    expect(r.summary).toBe(summary);
    expect(text).toMatch(detail);
    expect(r.runbook).toBe('repo-not-indexed');
  });

  it('says the authenticated probe cannot run without AUTH_SECRET', async () => {
    const { r, text } = await runCs({ AUTH_SECRET: undefined });
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('reachable; authenticated search not probed (AUTH_SECRET not set)');
    expect(text).toMatch(/ctx\| codesearch answers/);
    expect(cs.accepted).toHaveLength(0);
  });

  it('times out at checks.codesearch.timeoutMs and closes the hanging socket', async () => {
    cs.setFault('hang');
    const started = Date.now();
    const { r } = await runCs({}, 'checks:\n  codesearch:\n    timeoutMs: 400\n');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('timed out: no answer within 400 ms');
    await expect.poll(() => cs.http.openSockets(), { timeout: 2000 }).toBe(0);
  });

  describe('tells DNS, TCP, TLS and HTTP failures apart', () => {
    it('TCP: connection refused', async () => {
      const port = await closedPort();
      const { r } = await runCs({ CODESEARCH_URL: `http://127.0.0.1:${port}` });
      expect(r.status).toBe('fail');
      expect(r.summary).toMatch(/^unreachable: TCP: connection refused by CODESEARCH_URL/);
      expect(r.runbook).toBe('repo-not-indexed');
    });

    it('TLS: https to a plain HTTP server', async () => {
      const { r } = await runCs({ CODESEARCH_URL: cs.url.replace('http:', 'https:') });
      expect(r.status).toBe('fail');
      expect(r.summary).toMatch(/^unreachable: TLS: handshake with CODESEARCH_URL failed/);
    });

    it('DNS: a name the resolver does not know', async () => {
      // A resolver answering "no such host", so the test sends no query off this machine.
      const nxdomain = (_host: string, _opts: unknown, cb: (err: Error) => void) =>
        process.nextTick(() => cb(Object.assign(new Error('getaddrinfo ENOTFOUND codesearch'), { code: 'ENOTFOUND' })));
      const http = createHttpClient({ dispatcher: new Agent({ connect: { lookup: nxdomain as never } }) });
      const { r } = await runCs({ CODESEARCH_URL: 'http://codesearch:3001' }, '', { http });
      expect(r.status).toBe('fail');
      expect(r.summary).toBe('unreachable: DNS: cannot resolve the host of CODESEARCH_URL (ENOTFOUND)');
    });

    it('HTTP: something else answers', async () => {
      const other = await startFakeHttp();
      other.route('*', '*', (_req, res) => json(res, 404, { error: 'Not Found' }));
      try {
        const { r, text } = await runCs({ CODESEARCH_URL: other.url });
        expect(r.status).toBe('fail');
        expect(r.summary).toBe('CODESEARCH_URL answers HTTP 404, not like codesearch');
        expect(text).toMatch(/answers 401 to every request without a token/);
        other.route('*', '*', (_req, res) => json(res, 200, { ok: true }));
        const open = await runCs({ CODESEARCH_URL: other.url });
        expect(open.r.summary).toBe('CODESEARCH_URL does not answer like codesearch');
      } finally {
        await other.close();
      }
    });
  });

  it('never shows or logs AUTH_SECRET or the minted token', async () => {
    cs.setFault('zoektDown');
    const before = cs.http.requests.length;
    const { report } = await runCs();
    const sent = cs.http.requests
      .slice(before)
      .map((q) => q.headers.authorization)
      .filter(Boolean) as string[];
    expect(sent).toHaveLength(1);
    const token = sent[0]!.replace(/^Bearer /, '');
    const said = JSON.stringify(report);
    expect(said).not.toContain('[redacted]');
    const logs = h!.logs.join('\n');
    for (const s of [SECRET, token]) {
      expect(said).not.toContain(s);
      expect(logs).not.toContain(s);
    }

    // Run directly with a logger that redacts nothing.
    const lines: string[] = [];
    const log = pino({ level: 'trace' }, { write: (s: string) => void lines.push(s) });
    const outcome = await codesearchCheck.run(
      {
        env: h!.config.environments[0]!,
        options: { timeoutMs: 3000, probeOrgId: 'p' },
        log,
        http: h!.bot.core.http,
        pg: null,
        store: null,
        now: () => new Date(),
      },
      AbortSignal.timeout(3000),
    );
    const raw = JSON.stringify(outcome) + lines.join('\n');
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
  });
});

describe('codesearch status rules', () => {
  it.each([
    [401, '{"error":"Unauthorized"}', 'codesearch'],
    [401, '<html>401</html>', 'other-401'],
    [200, '{}', 'open'],
    [404, 'Not Found', 'not-codesearch'],
    [502, 'Bad Gateway', 'not-codesearch'],
  ] as const)('without a token %i %s → %s', (status, body, want) =>
    expect(unauthenticatedVerdict(status, body)).toBe(want),
  );

  it.each([
    [200, '{"Result":{}}', 'ok'],
    [401, '{"error":"Unauthorized"}', 'secret-mismatch'],
    [503, '{"error":"Database not configured"}', 'no-database'],
    [503, '{"error":"Zoekt webserver is unavailable"}', 'zoekt-down'],
    [503, '{"error":"Zoekt did not load repo ids [1, 2] within 30000ms."}', 'zoekt-warming'],
    [503, '{"error":"Zoekt returned status 500"}', 'zoekt-error'],
    [503, 'Service Unavailable', 'unavailable'],
    [500, 'Internal Server Error', 'server-error'],
    [400, '{"success":false}', 'unexpected'],
  ] as const)('authenticated search %i %s → %s', (status, body, want) =>
    expect(searchVerdict(status, body)).toBe(want),
  );

  it.each([
    [
      {
        AUTH_ISSUER: undefined,
        AUTH_BASE_URL: 'https://ctx.example.com',
        AUTH_TOKEN_AUDIENCE_CODESEARCH: 'codesearch',
      },
      'https://ctx.example.com',
    ],
    [
      {
        AUTH_ISSUER: 'https://issuer.example',
        AUTH_BASE_URL: 'https://ctx.example.com',
        AUTH_TOKEN_AUDIENCE_CODESEARCH: 'aud',
      },
      'https://issuer.example',
    ],
  ])('service token issuer for %o is %s (AUTH_ISSUER else AUTH_BASE_URL, like the backend)', (env, iss) => {
    expect(serviceTokenClaims(env, 'o1')).toEqual({
      iss,
      aud: env.AUTH_TOKEN_AUDIENCE_CODESEARCH,
      sub: 'org:o1',
      orgId: 'o1',
      principal: 'service',
      lifetime: '5m',
    });
  });
});
