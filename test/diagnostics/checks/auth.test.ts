import { createHash } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  authCheck,
  authSecretStrength,
  baseUrlRules,
  encryptionKeyStatus,
  jwksVerdict,
  originVerdict,
  sessionVerdict,
  unusableOrigins,
} from '../../../src/diagnostics/checks/auth.js';
import { secretVerdict, type SecretFacts } from '../../../src/diagnostics/secret-evidence.js';
import { createPgAccess } from '../../../src/postgres/pg-access.js';
import { fingerprintVerdict } from '../../../src/diagnostics/secret-fingerprints.js';
import { openPrivateKey, parseBetterAuthSecrets } from '../../../src/diagnostics/signing-keys.js';
import { createStore } from '../../../src/store/store.js';
import { createJwkssTable, insertJwk, makeJwk } from '../../support/better-auth-keys.js';
import { createCtxTables, withRole } from '../../support/ctx-schema.js';
import { startFakeBackend, type FakeBackend } from '../../support/fake-backend.js';
import { startFakeCodesearch, type FakeCodesearch } from '../../support/fake-codesearch.js';
import { addCtxAuth, type FakeCtxAuth } from '../../support/fake-ctx-auth.js';
import { buildBot, type Harness } from '../../support/harness.js';
import { closedPort } from '../../support/net.js';
import { createTestDatabase, withDatabase, type TestDatabase } from '../../support/pg.js';

const SECRET = 'planted-auth-secret-Qw7xZ9-0123456789-abcdef';
const OTHER_SECRET = 'another-auth-secret-Hk2mP5-9876543210-zyxwvu';
const ENC_KEY = `${'C0FFEE'.repeat(10)}abcd`;

let db: TestDatabase;
let backend: FakeBackend;
let auth: FakeCtxAuth;
let cs: FakeCodesearch;
let h: Harness | undefined;

/**
 * One deployment on loopback: a fake backend whose signing keys live in a real jwkss table
 * (Better Auth's encryption), codesearch verifying tokens with its own AUTH_SECRET, and
 * ctx-ops reading the same database. Each test plants which copies of the secret agree.
 */
beforeAll(async () => {
  db = await createTestDatabase('auth');
  await createCtxTables(db, { openworkflowSchema: false });
  await createJwkssTable(db);
  backend = await startFakeBackend();
  auth = addCtxAuth(backend, { databaseUrl: db.url, authSecret: SECRET });
  cs = await startFakeCodesearch({ secret: SECRET });
});
afterAll(async () => {
  await auth.close();
  await Promise.all([backend.close(), cs.close()]);
  await db.drop();
});
beforeEach(async () => {
  // Someone signed in once: the backend made its key with the secret it had.
  await insertJwk(db, await makeJwk(SECRET));
});
afterEach(async () => {
  await h?.close();
  h = undefined;
  auth.reset();
  await auth.setDatabase(db.url);
  cs.configure({ secret: SECRET });
  await db.query('DELETE FROM jwkss');
});

function bot(env: Record<string, string | undefined> = {}, yaml = '', app = {}) {
  h = buildBot({
    env: { AUTH_BASE_URL: backend.url, AUTH_SECRET: SECRET, DATABASE_URL: db.url, CODESEARCH_URL: cs.url, ...env },
    yaml,
    app,
  });
  return h;
}
async function runAuth(target = h!) {
  const report = await target.bot.core.diagnostics.run(target.config.defaultEnvironment, {
    only: ['auth'],
    maxAgeMs: 0,
  });
  const r = report.checks.find((c) => c.id === 'auth')!;
  return { r, text: r.details.join('\n'), report };
}

describe('auth check against a fake backend', () => {
  it('is ok when configured well, lists providers with the exact callback URLs', async () => {
    auth.set({ providers: ['github', 'google'] });
    bot({
      GITHUB_CLIENT_ID: 'gh-id',
      GITHUB_CLIENT_SECRET: 'gh-client-secret-value',
      GOOGLE_CLIENT_ID: 'g',
      GOOGLE_CLIENT_SECRET: 'google-client-secret',
    });
    const { r, text } = await runAuth();
    expect(r.status).toBe('ok');
    expect(r.summary).toBe('sign-in configured: github, google');
    expect(text).toContain(`github: register the callback URL ${backend.url}/.auth/api/v1/auth/callback/github`);
    expect(text).toContain(`google: register the callback URL ${backend.url}/.auth/api/v1/auth/callback/google`);
    expect(text).toMatch(
      /get-session → 200 null without a cookie: Better Auth's routes answer .*this path reads no session and no key/,
    );
    expect(text).not.toMatch(/sessions and signing keys are readable/);
    expect(text).toMatch(
      /✓ GET \/\.auth\/api\/v1\/auth\/jwks → 200 with 1 public key .*: the backend reads its signing keys from Postgres \(table jwkss\)/,
    );
    expect(text).toMatch(
      /✓ AUTH_SECRET agrees everywhere ctx-ops can see: ctx-ops's AUTH_SECRET opens the newest signing key in jwkss, key \S+ \(created [^)]+\), the one the backend signs with; codesearch accepts a token signed with it/,
    );
    expect(text).toMatch(/AUTH_SECRET is set and at least 32 characters long \(value not shown\)/);
    expect(text).toMatch(/fingerprints are not tracked: the bot has no store/);
    expect(r.runbook).toBeUndefined();
  });

  it('says when only e-mail and password sign-in is enabled', async () => {
    bot();
    const { r, text } = await runAuth();
    expect(r.status).toBe('ok');
    expect(r.summary).toBe('sign-in configured: e-mail and password only');
    expect(text).toMatch(/no social provider enabled/);
  });

  it.each([
    [{ AUTH_SECRET: undefined }, 'AUTH_SECRET not set'],
    [{ AUTH_SECRET: 'too-short-secret' }, 'AUTH_SECRET too short'],
    [{ CONNECTION_SECRETS_ENCRYPTION_KEY: 'not-hex' }, 'CONNECTION_SECRETS_ENCRYPTION_KEY malformed'],
  ])('fails on a bad secret (%o)', async (env, summary) => {
    bot(env);
    const { r } = await runAuth();
    expect(r.status).toBe('fail');
    // A short copy cannot be the backend's (it refuses to start with one): the evidence may add that ctx-ops's copy is stale.
    expect(r.summary.startsWith(summary)).toBe(true);
    expect(r.runbook).toBe('sign-in-fails');
  });

  it('fails on a trailing slash in AUTH_BASE_URL and says why', async () => {
    bot({ AUTH_BASE_URL: `${backend.url}/` });
    const { r, text } = await runAuth();
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('AUTH_BASE_URL has a trailing slash');
    expect(text).toMatch(/MCP resource as \$\{AUTH_BASE_URL\}\/mcp, so it becomes …\/\/mcp/);
  });

  it('fails when the browser origin is neither AUTH_BASE_URL nor an allowed origin, and passes once it is allowed', async () => {
    const yaml = 'environments:\n  prod:\n    publicUrl: https://ctx.example.com/app\n';
    bot({}, yaml);
    let { r, text } = await runAuth();
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('browser origin https://ctx.example.com not trusted');
    expect(text).toMatch(/add https:\/\/ctx\.example\.com to AUTH_ALLOWED_ORIGINS/);
    expect(r.runbook).toBe('sign-in-fails');
    await h!.close();

    bot({ AUTH_ALLOWED_ORIGINS: 'https://other.example, https://ctx.example.com' }, yaml);
    ({ r, text } = await runAuth());
    expect(r.status).toBe('ok');
    expect(text).toMatch(/browser origin https:\/\/ctx\.example\.com differs from AUTH_BASE_URL's but is listed/);
  });

  it('warns about AUTH_ALLOWED_ORIGINS entries that can never match', async () => {
    bot({ AUTH_ALLOWED_ORIGINS: 'https://ok.example,https://slash.example/' });
    const { r, text } = await runAuth();
    expect(r.status).toBe('warn');
    expect(text).toMatch(/never match: https:\/\/slash\.example\//);
  });

  it('warns when a provider is configured in the env file but not enabled in the running backend', async () => {
    auth.set({ providers: [] });
    bot({ MICROSOFT_CLIENT_ID: 'ms-id', MICROSOFT_CLIENT_SECRET: 'ms-client-secret' });
    const { r, text } = await runAuth();
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('microsoft sign-in configured but not enabled');
    expect(text).toMatch(/backend container does not receive them/);
  });

  it('tells a stale ctx-ops copy of AUTH_SECRET by evidence: a warning to fix ctx-ops, no runbook that deletes anything', async () => {
    // Backend keys and codesearch share SECRET; only ctx-ops has another value.
    bot({ AUTH_SECRET: OTHER_SECRET });
    const { r, text } = await runAuth();
    expect(r.status).toBe('warn');
    expect(r.summary).toBe("ctx-ops's copy of AUTH_SECRET is stale");
    expect(r.runbook).toBeUndefined();
    expect(text).toMatch(
      /ctx-ops's own copy of AUTH_SECRET \(from process environment\) is not the deployment's: ctx-ops's AUTH_SECRET does not open the newest signing key in jwkss, key \S+ \(created [^)]+\): it was encrypted with another secret; codesearch rejects a token signed with it \(401\)/,
    );
    expect(text).toMatch(/fix ctx-ops's configuration; nothing in ctx\| needs changing/);
    expect(text).not.toMatch(/DELETE FROM jwkss|signs everyone out|auth-secret-changed/);
  });

  it('tells a real rotation on the backend (keys made with the old secret) and offers the reset with its effect', async () => {
    // The deployment moved to OTHER_SECRET everywhere; the key in jwkss was made with SECRET.
    auth.set({ authSecret: OTHER_SECRET });
    cs.configure({ secret: OTHER_SECRET });
    bot({ AUTH_SECRET: OTHER_SECRET });
    const { r, text } = await runAuth();
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('AUTH_SECRET changed after the signing keys were made');
    expect(r.runbook).toBe('auth-secret-changed');
    expect(text).toMatch(
      /does not open the newest signing key in jwkss.*codesearch accepts a token signed with it\. A backend running with that value cannot sign anyone in/,
    );
    expect(text).toMatch(
      /Restoring the previous AUTH_SECRET on backend, worker and codesearch repairs it without losing anything; otherwise the remedy is DELETE FROM jwkss and a backend restart, which signs everyone out and invalidates the tokens of every MCP client/,
    );
    // Cookie-less probes still look fine here, as on the real stack: the keys told.
    expect(text).toMatch(/✓ GET \/\.auth\/api\/v1\/auth\/get-session → 200 null/);
  });

  it('does not blame AUTH_SECRET for sign-in when only codesearch has another copy', async () => {
    cs.configure({ secret: OTHER_SECRET });
    bot();
    const { r, text } = await runAuth();
    expect(r.status).toBe('ok');
    expect(r.runbook).toBeUndefined();
    expect(text).toMatch(
      /· ctx-ops's AUTH_SECRET opens the newest signing key .*codesearch rejects a token signed with it \(401\): so the backend's keys and ctx-ops agree and codesearch's AUTH_SECRET is the one that differs \(see the codesearch check\); sign-in is not affected/,
    );
  });

  it('opens BETTER_AUTH_SECRETS envelopes ($ba$<version>$) with the version they name', async () => {
    await db.query('DELETE FROM jwkss');
    await insertJwk(db, await makeJwk('versioned-secret-two-0123456789abcdefghij', { envelopeVersion: 2 }));
    bot({
      BETTER_AUTH_SECRETS: '2:versioned-secret-two-0123456789abcdefghij, 1:versioned-secret-one-0123456789abcdefghij',
    });
    const { r, text } = await runAuth();
    expect(r.status).toBe('ok');
    expect(text).toMatch(/opens the newest signing key in jwkss, key \S+ \(created [^,)]+, envelope version 2\)/);
    expect(JSON.stringify(r)).not.toContain('versioned-secret');
  });

  it('says it cannot tell whose copy differs when jwkss is not readable to its role', async () => {
    cs.configure({ secret: OTHER_SECRET });
    const grants = [
      'GRANT CONNECT ON DATABASE {db} TO {role}',
      'GRANT USAGE ON SCHEMA public TO {role}',
      'GRANT SELECT ON organizations, invitations TO {role}',
    ];
    await withRole(db, grants, async (url) => {
      bot({ DATABASE_URL: url });
      const { r, text } = await runAuth();
      expect(r.status).toBe('warn');
      expect(r.summary).toBe("codesearch rejects ctx-ops's AUTH_SECRET");
      expect(r.runbook).toBeUndefined();
      expect(text).toMatch(
        /the signing keys could not be read \(permission denied reading table jwkss.*either ctx-ops's copy \(from process environment\) or codesearch's differs from the backend's; give ctx-ops read access to jwkss/,
      );
      await h!.close();
      h = undefined;
    });
  });

  it("fails when the backend lost its database while it keeps running: JWKS answers 500, named as the backend's", async () => {
    await auth.setDatabase(withDatabase(db.url, 'ctxops_database_that_is_gone'));
    bot();
    const { r, text, report } = await runAuth();
    expect(r.status).toBe('fail');
    expect(text).toMatch(
      /✗ GET \/\.auth\/api\/v1\/auth\/jwks → 500 \(empty body\): the backend cannot read its signing keys from Postgres \(table jwkss\)/,
    );
    expect(text).toMatch(/✓ GET \/\.auth\/api\/v1\/auth\/get-session → 200 null without a cookie/);
    const b = report.checks.find((c) => c.id === 'backend')!;
    expect(b.status).toBe('fail');
    expect(b.summary).toBe(
      'up, but cannot use its database: "database \\"ctxops_database_that_is_gone\\" does not exist"',
    );
    expect(r.rootCause).toBe('backend');
  });

  it('fails the same way after the backend closed its pool (SIGTERM) and kept serving /.status', async () => {
    await auth.closePool();
    bot();
    const { r, report } = await runAuth();
    expect(r.status).toBe('fail');
    expect(r.summary).toMatch(/^the backend cannot read its signing keys \(JWKS answers 500\)/);
    const b = report.checks.find((c) => c.id === 'backend')!;
    expect(b.details.join('\n')).toMatch(/✓ GET \/\.status → 200/);
    expect(b.summary).toBe('up, but cannot use its database: "Cannot use a pool after calling end on the pool"');
    expect(r.rootCause).toBe('backend');
  });

  it('times out at checks.auth.timeoutMs and closes the hanging socket', async () => {
    auth.set({ session: 'hang' });
    bot({}, 'checks:\n  auth:\n    timeoutMs: 400\n');
    const started = Date.now();
    const { r } = await runAuth();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('timed out: no answer within 400 ms');
    expect(auth.held).toHaveLength(1);
    await expect.poll(() => auth.held[0]!.destroyed, { timeout: 2000 }).toBe(true);
  });

  it('carries backend as root cause when the backend is down', async () => {
    const port = await closedPort();
    bot({ AUTH_BASE_URL: `http://127.0.0.1:${port}` });
    const report = await h!.bot.core.diagnostics.run('default', { only: ['auth'], maxAgeMs: 0 });
    const a = report.checks.find((c) => c.id === 'auth')!;
    expect(report.checks.find((c) => c.id === 'backend')!.status).toBe('fail');
    expect(a.status).toBe('fail');
    expect(a.rootCause).toBe('backend');
    expect(a.details.join('\n')).toMatch(/connection refused/);
  });
});

describe('secret fingerprints in a real store', () => {
  let storeDb: TestDatabase;
  beforeAll(async () => {
    storeDb = await createTestDatabase('auth_fp');
  });
  afterAll(() => storeDb.drop());

  const silent = pino({ level: 'silent' });
  const botAt = (env: Record<string, string | undefined>, at: string) =>
    bot(env, '', { store: createStore(storeDb.url, silent), now: () => new Date(at) });

  it("dates a change of ctx-ops's copy; the evidence, not the date, decides; and it stores no secret", async () => {
    botAt({ CONNECTION_SECRETS_ENCRYPTION_KEY: ENC_KEY }, '2026-09-01T08:00:00Z');
    let { r, text } = await runAuth();
    expect(r.status).toBe('ok');
    expect(text).toMatch(/AUTH_SECRET \(set\): first sighting, keyed fingerprint recorded/);
    expect(text).toMatch(/CONNECTION_SECRETS_ENCRYPTION_KEY \(set\): first sighting/);
    await h!.close();

    // Same values, another spelling of the hex key: no change.
    botAt({ CONNECTION_SECRETS_ENCRYPTION_KEY: ` ${ENC_KEY.toLowerCase()} ` }, '2026-09-01T09:00:00Z');
    ({ r, text } = await runAuth());
    expect(r.status).toBe('ok');
    expect(text).toMatch(/AUTH_SECRET unchanged \(set\) since 2026-09-01T08:00:00Z/);
    expect(text).toMatch(/CONNECTION_SECRETS_ENCRYPTION_KEY unchanged \(set\) since 2026-09-01T08:00:00Z/);
    await h!.close();

    // The whole deployment rotated to OTHER_SECRET and the keys were reset: the change is dated, nothing to do.
    auth.set({ authSecret: OTHER_SECRET });
    cs.configure({ secret: OTHER_SECRET });
    await db.query('DELETE FROM jwkss');
    await insertJwk(db, await makeJwk(OTHER_SECRET));
    botAt({ AUTH_SECRET: OTHER_SECRET, CONNECTION_SECRETS_ENCRYPTION_KEY: ENC_KEY }, '2026-09-01T10:30:00Z');
    ({ r, text } = await runAuth());
    expect(r.status).toBe('ok');
    expect(r.runbook).toBeUndefined();
    expect(text).toMatch(
      /· AUTH_SECRET changed at 2026-09-01T10:30:00Z in ctx-ops's configuration \(process environment\): the previous value was last seen the same at 2026-09-01T09:00:00Z; the evidence above/,
    );
    expect(text).toMatch(/✓ AUTH_SECRET agrees everywhere ctx-ops can see/);
    await h!.close();

    // ctx-ops's copy changes again, and nothing can be compared (no database, codesearch down): a warning, not a reset.
    botAt(
      {
        AUTH_SECRET: SECRET,
        CONNECTION_SECRETS_ENCRYPTION_KEY: ENC_KEY,
        DATABASE_URL: undefined,
        CODESEARCH_URL: `http://127.0.0.1:${await closedPort()}`,
      },
      '2026-09-01T11:00:00Z',
    );
    ({ r, text } = await runAuth());
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('AUTH_SECRET changed here and could not be verified');
    expect(r.runbook).toBe('sign-in-fails');
    expect(text).toMatch(/ctx-ops could not compare the new value with the backend's signing keys or with codesearch/);
    await h!.close();

    // Removing the key is a change too; a day later the AUTH_SECRET change is history, not a warning.
    botAt(
      { AUTH_SECRET: SECRET, DATABASE_URL: undefined, CODESEARCH_URL: `http://127.0.0.1:${await closedPort()}` },
      '2026-09-02T12:00:00Z',
    );
    ({ r, text } = await runAuth());
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('CONNECTION_SECRETS_ENCRYPTION_KEY changed');
    expect(r.runbook).toBeUndefined();
    expect(text).toMatch(
      /CONNECTION_SECRETS_ENCRYPTION_KEY was removed \(now not set\) at 2026-09-02T12:00:00Z in ctx-ops's configuration \(process environment\): the previous value was last seen the same at 2026-09-01T11:00:00Z/,
    );
    expect(text).toMatch(/· AUTH_SECRET changed at 2026-09-01T11:00:00Z.*\(more than 24 h ago\)/);

    // The table holds HMACs only: no secret, no plain hash of one, and the key is elsewhere.
    const rows = await storeDb.query('SELECT * FROM ctx_ops.secret_fingerprints');
    expect(rows.rows).toHaveLength(2);
    const dump = JSON.stringify(rows.rows);
    for (const s of [SECRET, OTHER_SECRET, ENC_KEY, ENC_KEY.toLowerCase()]) {
      expect(dump).not.toContain(s);
      for (const enc of ['hex', 'base64', 'base64url'] as const)
        expect(dump).not.toContain(createHash('sha256').update(s).digest(enc).slice(0, 16));
    }
    const key = (await storeDb.query<{ key: Buffer }>('SELECT key FROM ctx_ops.fingerprint_key')).rows[0]!.key;
    expect(key).toHaveLength(32);
    expect(dump).not.toContain(key.toString('hex'));
    expect(rows.rows.find((x) => x.name === 'AUTH_SECRET')!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('secret fingerprints without a working store', () => {
  it('says they could not be compared and still reports the rest', async () => {
    const port = await closedPort();
    const store = createStore(`postgres://postgres@127.0.0.1:${port}/nowhere`, pino({ level: 'silent' }), {
      connectTimeoutMs: 1000,
    });
    bot({}, '', { store });
    const { r, text } = await runAuth();
    expect(r.status).toBe('ok');
    expect(text).toMatch(/secret fingerprints could not be compared: the bot's store is unavailable/);
    expect(text).toMatch(/get-session → 200 null/);
    expect(text).toMatch(/AUTH_SECRET agrees everywhere ctx-ops can see/);
  });
});

describe('secrets never leave the auth check', () => {
  it('puts no secret, and no plain hash of one, in its result or logs, even without the redactor', async () => {
    auth.set({ providers: ['github'], authSecret: OTHER_SECRET });
    cs.configure({ secret: OTHER_SECRET });
    const env = {
      AUTH_SECRET: OTHER_SECRET,
      GITHUB_CLIENT_ID: 'gh-id',
      GITHUB_CLIENT_SECRET: 'planted-github-client-secret',
      CONNECTION_SECRETS_ENCRYPTION_KEY: 'planted-not-hex-key-value',
    };
    bot(env);
    const { r, report } = await runAuth();
    const planted = [SECRET, OTHER_SECRET, env.GITHUB_CLIENT_SECRET, env.CONNECTION_SECRETS_ENCRYPTION_KEY];
    const hashes = [SECRET, OTHER_SECRET].flatMap((s) =>
      (['hex', 'base64', 'base64url'] as const).map((enc) => createHash('sha256').update(s).digest(enc).slice(0, 16)),
    );
    const said = JSON.stringify(report);
    // The redactor would hide a leak: assert that nothing was there to hide.
    expect(said).not.toContain('[redacted]');
    for (const s of [...planted, ...hashes]) expect(said).not.toContain(s);
    expect(r.status).toBe('fail');
    expect(r.runbook).toBe('auth-secret-changed');
    const logs = h!.logs.join('\n');
    for (const s of [...planted, ...hashes]) expect(logs).not.toContain(s);

    // The check run directly, with a logger that redacts nothing.
    const lines: string[] = [];
    const log = pino({ level: 'trace' }, { write: (s: string) => void lines.push(s) });
    const environment = h!.config.environments[0]!;
    const pg = createPgAccess(db.url, { connectTimeoutMs: 3000, log });
    const outcome = await authCheck
      .run(
        {
          env: environment,
          options: { timeoutMs: 3000, secretChangeWarnHours: 24 },
          log,
          http: h!.bot.core.http,
          pg,
          store: null,
          now: () => new Date(),
        },
        AbortSignal.timeout(3000),
      )
      .finally(() => pg.close());
    expect(outcome.status).toBe('fail');
    const raw = JSON.stringify(outcome) + lines.join('\n');
    for (const s of [...planted, ...hashes]) expect(raw).not.toContain(s);
  });
});

describe('auth status rules', () => {
  it.each([
    [undefined, 'missing'],
    ['', 'missing'],
    ['x'.repeat(31), 'short'],
    ['x'.repeat(32), 'ok'],
  ] as const)('AUTH_SECRET %o → %s', (v, want) => expect(authSecretStrength(v)).toBe(want));

  it.each([
    [undefined, 'unset'],
    ['  ', 'unset'],
    ['ab'.repeat(32), 'ok'],
    [` ${'AB'.repeat(32)} `, 'ok'],
    ['ab'.repeat(31), 'malformed'],
    ['zz'.repeat(32), 'malformed'],
  ] as const)('CONNECTION_SECRETS_ENCRYPTION_KEY %o → %s', (v, want) => expect(encryptionKeyStatus(v)).toBe(want));

  it.each([
    ['https://ctx.example.com', ['ok', 'ok']],
    ['https://ctx.example.com/', ['fail', 'ok']],
    ['http://localhost:3000', ['ok', 'ok']],
    ['http://127.0.0.1:3000', ['ok', 'ok']],
    ['http://[::1]:3000', ['ok', 'ok']],
    ['http://ctx.example.com', ['ok', 'fail']],
    ['ftp://ctx.example.com', ['fail']],
    ['not a url', ['fail']],
  ] as const)('AUTH_BASE_URL %s → %o', (url, want) => expect(baseUrlRules(url).map((r) => r.status)).toEqual(want));

  it.each([
    ['https://ctx.example.com/app', 'https://ctx.example.com', undefined, 'same'],
    ['https://ctx.example.com', 'https://ctx.example.com:443', undefined, 'same'],
    ['https://app.example.com', 'https://api.example.com', 'https://app.example.com', 'allowed'],
    ['https://app.example.com', 'https://api.example.com', ' https://x.example , https://app.example.com ', 'allowed'],
    ['https://app.example.com', 'https://api.example.com', 'https://app.example.com/', 'rejected'],
    ['http://ctx.example.com', 'https://ctx.example.com', undefined, 'rejected'],
  ] as const)('publicUrl %s with AUTH_BASE_URL %s and allowed %o → %s', (pub, base, allowed, want) =>
    expect(originVerdict(pub, base, allowed)).toBe(want),
  );

  it.each([
    ['https://a.example, https://b.example:8443', []],
    ['https://a.example/', ['https://a.example/']],
    ['https://a.example/path,nope', ['https://a.example/path', 'nope']],
  ] as const)('unusable AUTH_ALLOWED_ORIGINS in %s', (v, want) => expect(unusableOrigins(v)).toEqual(want));

  it.each([
    [200, 'null', 'healthy'],
    [200, ' null\n', 'healthy'],
    [200, '{"session":{}}', 'unexpected'],
    // Upstream answers these only on paths with a session cookie; the recogniser stays for when one does.
    [500, '{"message":"Failed to decrypt private key"}', 'secret-changed'],
    [500, '{"message":"Failed to get session"}', 'session-store'],
    [500, 'Internal Server Error', 'unexpected'],
    [404, 'Not Found', 'unexpected'],
  ] as const)('get-session %i %s → %s', (status, body, want) => expect(sessionVerdict(status, body)).toBe(want));

  it.each([
    [200, '{"keys":[{"kid":"a"}]}', 'ok'],
    [200, '{"keys":[]}', 'no-keys'],
    [500, '', 'unreadable'],
    [503, 'Service Unavailable', 'unreadable'],
    [404, '{"error":"Not Found"}', 'no-route'],
    [200, '<html>', 'unexpected'],
  ] as const)('JWKS %i %s → %s', (status, body, want) => expect(jwksVerdict(status, body)).toBe(want));

  it.each<[SecretFacts, string]>([
    [{ keys: 'opens', codesearch: 'accepts', backendDecryptFailure: false }, 'consistent'],
    [{ keys: 'opens', codesearch: 'unknown', backendDecryptFailure: false }, 'keys-match'],
    [{ keys: 'opens', codesearch: 'rejects', backendDecryptFailure: false }, 'codesearch-differs'],
    [{ keys: 'does-not-open', codesearch: 'rejects', backendDecryptFailure: false }, 'ctx-ops-stale'],
    [{ keys: 'does-not-open', codesearch: 'accepts', backendDecryptFailure: false }, 'backend-rotated'],
    [{ keys: 'does-not-open', codesearch: 'unknown', backendDecryptFailure: false }, 'keys-unmatched'],
    [{ keys: 'does-not-open', codesearch: 'rejects', backendDecryptFailure: true }, 'backend-rotated'],
    [{ keys: 'opens', codesearch: 'accepts', backendDecryptFailure: true }, 'backend-differs-from-keys'],
    [{ keys: 'unknown', codesearch: 'accepts', backendDecryptFailure: false }, 'codesearch-agrees'],
    [{ keys: 'unknown', codesearch: 'rejects', backendDecryptFailure: false }, 'codesearch-rejects'],
    [{ keys: 'unknown', codesearch: 'unknown', backendDecryptFailure: false }, 'unknown'],
  ])('secret evidence %o → %s', (facts, want) => expect(secretVerdict(facts)).toBe(want));

  it('opens stored keys exactly when Better Auth would', async () => {
    const bare = await makeJwk(SECRET);
    const env2 = await makeJwk('v2-secret-0123456789-abcdefghijklmnop', { envelopeVersion: 2 });
    const clear = await makeJwk(SECRET, { unencrypted: true });
    const legacy = { versions: new Map<number, string>(), legacy: SECRET };
    expect(openPrivateKey(bare.privateKey, legacy)).toEqual({ result: 'opens' });
    expect(openPrivateKey(bare.privateKey, { ...legacy, legacy: OTHER_SECRET })).toEqual({ result: 'wrong-secret' });
    expect(openPrivateKey(env2.privateKey, legacy)).toEqual({ result: 'no-secret-for-version', version: 2 });
    expect(
      openPrivateKey(env2.privateKey, {
        versions: new Map([[2, 'v2-secret-0123456789-abcdefghijklmnop']]),
        legacy: SECRET,
      }),
    ).toEqual({ result: 'opens', version: 2 });
    expect(openPrivateKey(env2.privateKey, { versions: new Map([[2, OTHER_SECRET]]), legacy: SECRET })).toEqual({
      result: 'wrong-secret',
      version: 2,
    });
    expect(openPrivateKey(clear.privateKey, legacy)).toEqual({ result: 'not-encrypted' });
    expect(openPrivateKey('"zz-not-hex"', legacy)).toEqual({ result: 'malformed' });
    expect(openPrivateKey('not json', legacy)).toEqual({ result: 'malformed' });
    // A flipped byte fails the Poly1305 tag: a wrong answer is impossible, not unlikely.
    const hex = JSON.parse(bare.privateKey) as string;
    const flipped = JSON.stringify(hex.slice(0, -2) + (hex.endsWith('00') ? '01' : '00'));
    expect(openPrivateKey(flipped, legacy)).toEqual({ result: 'wrong-secret' });
  });

  it.each([
    [undefined, null],
    [
      '1:abc, 0:def',
      new Map([
        [1, 'abc'],
        [0, 'def'],
      ]),
    ],
    ['nocolon', { error: 'an entry is not "<version>:<secret>"' }],
    ['x:abc', { error: 'an entry has no non-negative integer version' }],
    ['3: ', { error: 'version 3 has an empty secret' }],
  ] as const)('BETTER_AUTH_SECRETS %o', (v, want) => expect(parseBetterAuthSecrets(v)).toEqual(want));

  const now = new Date('2026-09-02T12:00:00Z');
  it.each([
    [{ isNew: true, changedAt: null }, 'first'],
    [{ isNew: false, changedAt: null }, 'stable'],
    [{ isNew: false, changedAt: new Date('2026-09-02T01:00:00Z') }, 'changed-recently'],
    [{ isNew: false, changedAt: new Date('2026-09-01T11:00:00Z') }, 'changed-earlier'],
  ] as const)('fingerprint sighting %o → %s (24 h window)', (s, want) =>
    expect(fingerprintVerdict(s, now, 24)).toBe(want),
  );
});
