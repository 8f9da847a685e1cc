import { createHash } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  authCheck,
  authSecretStrength,
  baseUrlRules,
  encryptionKeyStatus,
  originVerdict,
  sessionVerdict,
  unusableOrigins,
} from '../../../src/diagnostics/checks/auth.js';
import { fingerprintVerdict } from '../../../src/diagnostics/secret-fingerprints.js';
import { createStore } from '../../../src/store/store.js';
import { startFakeBackend, type FakeBackend } from '../../support/fake-backend.js';
import { addCtxAuth, type FakeCtxAuth } from '../../support/fake-ctx-auth.js';
import { buildBot, type Harness } from '../../support/harness.js';
import { closedPort } from '../../support/net.js';
import { createTestDatabase, type TestDatabase } from '../../support/pg.js';

const SECRET = 'planted-auth-secret-Qw7xZ9-0123456789-abcdef';
const OTHER_SECRET = 'another-auth-secret-Hk2mP5-9876543210-zyxwvu';
const ENC_KEY = 'C0FFEE'.repeat(10) + 'abcd';

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

function bot(env: Record<string, string | undefined> = {}, yaml = '', app = {}) {
  h = buildBot({ env: { AUTH_BASE_URL: backend.url, AUTH_SECRET: SECRET, ...env }, yaml, app });
  return h;
}
async function runAuth(target = h!) {
  const report = await target.bot.core.diagnostics.run(target.config.defaultEnvironment, { only: ['auth'], maxAgeMs: 0 });
  const r = report.checks.find((c) => c.id === 'auth')!;
  return { r, text: r.details.join('\n'), report };
}

describe('auth check against a fake backend', () => {
  it('is ok when configured well, lists providers with the exact callback URLs', async () => {
    auth.set({ providers: ['github', 'google'] });
    bot({ GITHUB_CLIENT_ID: 'gh-id', GITHUB_CLIENT_SECRET: 'gh-client-secret-value', GOOGLE_CLIENT_ID: 'g', GOOGLE_CLIENT_SECRET: 'google-client-secret' });
    const { r, text } = await runAuth();
    expect(r.status).toBe('ok');
    expect(r.summary).toBe('sign-in configured: github, google');
    expect(text).toContain(`github: register the callback URL ${backend.url}/.auth/api/v1/auth/callback/github`);
    expect(text).toContain(`google: register the callback URL ${backend.url}/.auth/api/v1/auth/callback/google`);
    expect(text).toMatch(/get-session → 200 null without a cookie/);
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
    expect(r.summary).toBe(summary);
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

  it('diagnoses "Failed to decrypt private key" as a changed AUTH_SECRET with the upstream remedy', async () => {
    auth.set({ session: 'decryptFailed' });
    bot();
    const { r, text } = await runAuth();
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('AUTH_SECRET changed since the signing keys were created');
    expect(r.runbook).toBe('auth-secret-changed');
    expect(text).toMatch(/DELETE FROM jwkss; against the ctx\| database and restart the backend/);
  });

  it('names the session store when get-session fails with "Failed to get session"', async () => {
    auth.set({ session: 'dbDown' });
    bot();
    const { r, text } = await runAuth();
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('backend cannot read sessions');
    expect(text).toMatch(/cannot reach Postgres/);
    expect(r.runbook).toBe('sign-in-fails');
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
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('auth_fp');
  });
  afterAll(() => db.drop());

  const silent = pino({ level: 'silent' });
  const botAt = (env: Record<string, string>, at: string) =>
    bot(env, '', { store: createStore(db.url, silent), now: () => new Date(at) });

  it('records on first sight, warns on a change (which, and when last seen the same), and stores no secret', async () => {
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

    botAt({ AUTH_SECRET: OTHER_SECRET, CONNECTION_SECRETS_ENCRYPTION_KEY: ENC_KEY }, '2026-09-01T10:30:00Z');
    ({ r, text } = await runAuth());
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('AUTH_SECRET changed');
    expect(r.runbook).toBe('auth-secret-changed');
    expect(text).toMatch(/AUTH_SECRET changed at 2026-09-01T10:30:00Z: the previous value was last seen the same at 2026-09-01T09:00:00Z/);
    expect(text).toMatch(/CONNECTION_SECRETS_ENCRYPTION_KEY unchanged/);
    await h!.close();

    // Removing the key is a change too; a day later the AUTH_SECRET change is history, not a warning.
    botAt({ AUTH_SECRET: OTHER_SECRET }, '2026-09-02T12:00:00Z');
    ({ r, text } = await runAuth());
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('CONNECTION_SECRETS_ENCRYPTION_KEY changed');
    expect(r.runbook).toBeUndefined();
    expect(text).toMatch(/CONNECTION_SECRETS_ENCRYPTION_KEY was removed \(now not set\) at 2026-09-02T12:00:00Z: the previous value was last seen the same at 2026-09-01T10:30:00Z/);
    expect(text).toMatch(/· AUTH_SECRET changed at 2026-09-01T10:30:00Z.*\(more than 24 h ago\)/);

    // The table holds HMACs only: no secret, no plain hash of one, and the key is elsewhere.
    const rows = await db.query('SELECT * FROM ctx_ops.secret_fingerprints');
    expect(rows.rows).toHaveLength(2);
    const dump = JSON.stringify(rows.rows);
    for (const s of [SECRET, OTHER_SECRET, ENC_KEY, ENC_KEY.toLowerCase()]) {
      expect(dump).not.toContain(s);
      for (const enc of ['hex', 'base64', 'base64url'] as const) expect(dump).not.toContain(createHash('sha256').update(s).digest(enc).slice(0, 16));
    }
    const key = (await db.query<{ key: Buffer }>('SELECT key FROM ctx_ops.fingerprint_key')).rows[0]!.key;
    expect(key).toHaveLength(32);
    expect(dump).not.toContain(key.toString('hex'));
    expect(rows.rows.find((x) => x.name === 'AUTH_SECRET')!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('secret fingerprints without a working store', () => {
  it('says they could not be compared and still reports the rest', async () => {
    const port = await closedPort();
    const store = createStore(`postgres://postgres@127.0.0.1:${port}/nowhere`, pino({ level: 'silent' }), { connectTimeoutMs: 1000 });
    bot({}, '', { store });
    const { r, text } = await runAuth();
    expect(r.status).toBe('ok');
    expect(text).toMatch(/secret fingerprints could not be compared: the bot's store is unavailable/);
    expect(text).toMatch(/get-session → 200 null/);
  });
});

describe('secrets never leave the auth check', () => {
  it('puts no secret in its result or logs, even without the redactor', async () => {
    auth.set({ providers: ['github'], session: 'decryptFailed' });
    const env = { GITHUB_CLIENT_ID: 'gh-id', GITHUB_CLIENT_SECRET: 'planted-github-client-secret', CONNECTION_SECRETS_ENCRYPTION_KEY: 'planted-not-hex-key-value' };
    bot(env);
    const { r, report } = await runAuth();
    const planted = [SECRET, env.GITHUB_CLIENT_SECRET, env.CONNECTION_SECRETS_ENCRYPTION_KEY];
    const said = JSON.stringify(report);
    // The redactor would hide a leak: assert that nothing was there to hide.
    expect(said).not.toContain('[redacted]');
    for (const s of planted) expect(said).not.toContain(s);
    expect(r.status).toBe('fail');
    const logs = h!.logs.join('\n');
    for (const s of planted) expect(logs).not.toContain(s);

    // The check run directly, with a logger that redacts nothing.
    const lines: string[] = [];
    const log = pino({ level: 'trace' }, { write: (s: string) => void lines.push(s) });
    const environment = h!.config.environments[0]!;
    const outcome = await authCheck.run(
      { env: environment, options: { timeoutMs: 3000, secretChangeWarnHours: 24 }, log, http: h!.bot.core.http, pg: null, store: null, now: () => new Date() },
      AbortSignal.timeout(3000),
    );
    const raw = JSON.stringify(outcome) + lines.join('\n');
    for (const s of planted) expect(raw).not.toContain(s);
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
  ] as const)('publicUrl %s with AUTH_BASE_URL %s and allowed %o → %s', (pub, base, allowed, want) => expect(originVerdict(pub, base, allowed)).toBe(want));

  it.each([
    ['https://a.example, https://b.example:8443', []],
    ['https://a.example/', ['https://a.example/']],
    ['https://a.example/path,nope', ['https://a.example/path', 'nope']],
  ] as const)('unusable AUTH_ALLOWED_ORIGINS in %s', (v, want) => expect(unusableOrigins(v)).toEqual(want));

  it.each([
    [200, 'null', 'healthy'],
    [200, ' null\n', 'healthy'],
    [200, '{"session":{}}', 'unexpected'],
    [500, '{"message":"Failed to decrypt private key"}', 'secret-changed'],
    [500, '{"message":"Failed to get session"}', 'session-store'],
    [500, 'Internal Server Error', 'unexpected'],
    [404, 'Not Found', 'unexpected'],
  ] as const)('get-session %i %s → %s', (status, body, want) => expect(sessionVerdict(status, body)).toBe(want));

  const now = new Date('2026-09-02T12:00:00Z');
  it.each([
    [{ isNew: true, changedAt: null }, 'first'],
    [{ isNew: false, changedAt: null }, 'stable'],
    [{ isNew: false, changedAt: new Date('2026-09-02T01:00:00Z') }, 'changed-recently'],
    [{ isNew: false, changedAt: new Date('2026-09-01T11:00:00Z') }, 'changed-earlier'],
  ] as const)('fingerprint sighting %o → %s (24 h window)', (s, want) => expect(fingerprintVerdict(s, now, 24)).toBe(want));
});
