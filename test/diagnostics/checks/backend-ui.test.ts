import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { firstScript } from '../../../src/diagnostics/checks/ui.js';
import { createCtxTables } from '../../support/ctx-schema.js';
import { startFakeBackend, type FakeBackend } from '../../support/fake-backend.js';
import { addCtxAuth, type FakeCtxAuth } from '../../support/fake-ctx-auth.js';
import { createTestDatabase, withDatabase, type TestDatabase } from '../../support/pg.js';
import { buildBot, type Harness } from '../../support/harness.js';
import { closedPort } from '../../support/net.js';

let backend: FakeBackend;
let h: Harness | undefined;

beforeAll(async () => {
  backend = await startFakeBackend();
});
afterAll(() => backend.close());
afterEach(async () => {
  await h?.close();
  h = undefined;
  backend.setStatus('healthy');
  backend.setUi('healthy');
});

function bot(yaml = '', env: Record<string, string> = {}) {
  h = buildBot({ env: { AUTH_BASE_URL: backend.url, UI_PROXY_URL: 'http://ui:3002', ...env }, yaml });
  return h;
}
const run = async (ids: string[]) => {
  const report = await h!.bot.core.diagnostics.run('default', { only: ids, maxAgeMs: 0 });
  return Object.fromEntries(report.checks.map((c) => [c.id, c]));
};

describe('backend check', () => {
  it('is ok for {"status":"ok"} with a current timestamp and reports latency', async () => {
    bot();
    const { backend: r } = await run(['backend']);
    expect(r!.status).toBe('ok');
    expect(r!.summary).toMatch(/^up, answered in [\d.]+ ms$/);
    expect(r!.details.join('\n')).toMatch(/GET \/\.status → 200/);
  });

  it.each([
    ['status500', /HTTP 500/],
    ['wrongJson', /not like a ctx\| backend/],
    ['notCtx', /not like a ctx\| backend/],
  ] as const)('fails on %s', async (fault, summary) => {
    bot();
    backend.setStatus(fault);
    const { backend: r } = await run(['backend']);
    expect(r!.status).toBe('fail');
    expect(r!.summary).toMatch(summary);
  });

  it('warns when the backend clock is more than 60 s off', async () => {
    bot();
    backend.setStatus('clockSkew', { skewSeconds: 300 });
    const { backend: r } = await run(['backend']);
    expect(r!.status).toBe('warn');
    expect(r!.details.join('\n')).toMatch(/clock is 300 s ahead/);
  });

  it('warns when slow, per the configured threshold', async () => {
    bot('checks:\n  backend:\n    slowMs: 100\n');
    backend.setStatus('slow', { delayMs: 250 });
    const { backend: r } = await run(['backend']);
    expect(r!.status).toBe('warn');
    expect(r!.summary).toMatch(/slow/);
  });

  it('reports a hanging backend as a timeout at the deadline and closes the socket', async () => {
    bot('checks:\n  backend:\n    timeoutMs: 400\n');
    backend.setStatus('hang');
    const before = Date.now();
    const { backend: r } = await run(['backend']);
    expect(Date.now() - before).toBeLessThan(3000);
    expect(r!.status).toBe('fail');
    expect(r!.summary).toMatch(/timed out/);
    // The hanging request's socket is gone shortly after the deadline.
    await expect.poll(() => backend.http.openSockets(), { timeout: 2000 }).toBe(0);
  });

  it('names a refused connection', async () => {
    const port = await closedPort();
    h = buildBot({ env: { AUTH_BASE_URL: `http://127.0.0.1:${port}` } });
    const { backend: r } = await run(['backend']);
    expect(r!.status).toBe('fail');
    expect(r!.summary).toMatch(/connection refused/);
  });
});

describe('backend check: the database behind the process', () => {
  let db: TestDatabase;
  let withDb: FakeBackend;
  let auth: FakeCtxAuth;
  beforeAll(async () => {
    db = await createTestDatabase('backend_db');
    await createCtxTables(db, { openworkflowSchema: false });
    withDb = await startFakeBackend();
    auth = addCtxAuth(withDb, { databaseUrl: db.url });
  });
  afterAll(async () => {
    await auth.close();
    await withDb.close();
    await db.drop();
  });
  afterEach(() => auth.setDatabase(db.url));

  const runWith = async (env: Record<string, string | undefined>) => {
    h = buildBot({ env: { AUTH_BASE_URL: withDb.url, DATABASE_URL: db.url, ...env } });
    return run(['backend']);
  };

  it('reads a route that needs Postgres (the public invitation lookup, 404 for an unknown id)', async () => {
    const { backend: r } = await runWith({});
    expect(r!.status).toBe('ok');
    expect(r!.details.join('\n')).toMatch(
      /✓ GET \/\.auth\/api\/v1\/public\/invitations\/ctx-ops-probe → 404 "Invitation not found or expired" in [\d.]+ ms: a route that reads Postgres answers/,
    );
  });

  it('fails when its database is gone while /.status stays 200 (the false green of /.status alone)', async () => {
    await auth.setDatabase(withDatabase(db.url, 'ctxops_gone_db'));
    const { backend: r } = await runWith({});
    expect(r!.status).toBe('fail');
    expect(r!.summary).toBe('up, but cannot use its database: "database \\"ctxops_gone_db\\" does not exist"');
    expect(r!.details.join('\n')).toMatch(/✓ GET \/\.status → 200/);
    expect(r!.details.join('\n')).toMatch(/sign-in, MCP and every API call fail while \/\.status stays 200/);
  });

  it('names Postgres as the likely cause, with the reason, when the backend refuses and Postgres fails too', async () => {
    const [b, p] = [await closedPort(), await closedPort()];
    const { backend: r, postgres } = await runWith({
      AUTH_BASE_URL: `http://127.0.0.1:${b}`,
      DATABASE_URL: `postgres://postgres@127.0.0.1:${p}/ctx`,
    });
    expect(postgres!.status).toBe('fail');
    expect(r!.status).toBe('fail');
    expect(r!.rootCause).toBe('postgres');
    expect(r!.rootCauseReason).toMatch(/the ctx\| backend exits at start when its database is missing or unreachable/);
    expect(r!.details.at(-1)).toMatch(/^· likely cause: Postgres is failing; the ctx\| backend exits at start/);
  });

  it('does not blame Postgres when ctx-ops simply has no DATABASE_URL, nor for a failure Postgres cannot cause', async () => {
    const b = await closedPort();
    let { backend: r } = await runWith({ AUTH_BASE_URL: `http://127.0.0.1:${b}`, DATABASE_URL: undefined });
    expect(r!.status).toBe('fail');
    expect(r!.rootCause).toBeUndefined();
    await h!.close();
    const p = await closedPort();
    withDb.setStatus('notCtx');
    try {
      ({ backend: r } = await runWith({ DATABASE_URL: `postgres://postgres@127.0.0.1:${p}/ctx` }));
      expect(r!.summary).toBe('answers, but not like a ctx| backend');
      expect(r!.rootCause).toBeUndefined();
    } finally {
      withDb.setStatus('healthy');
    }
  });
});

describe('ui check', () => {
  it('is ok when the backend origin serves the app HTML', async () => {
    bot();
    const { ui } = await run(['ui']);
    expect(ui!.status).toBe('ok');
    expect(ui!.summary).toMatch(/serving the app/);
    expect(ui!.details.join('\n')).toMatch(/✓ the app's script \/assets\/index-Bx7c2d\.js → 200/);
  });

  it('fails when the HTML loads but the script it names does not (the page stays blank)', async () => {
    bot();
    backend.setUi('assetsMissing');
    const { ui } = await run(['ui']);
    expect(ui!.status).toBe('fail');
    expect(ui!.summary).toBe('the page loads but its script answers HTTP 404');
    expect(ui!.details.join('\n')).toMatch(
      /script \/assets\/index-Bx7c2d\.js answered HTTP 404 .*does not serve the assets its own HTML names/,
    );
  });

  it.each([
    ['<script type="module" src="/assets/a.js"></script>', '/assets/a.js'],
    [
      '<script src="https://cdn.example.com/x.js"></script><link rel="modulepreload" href="/_build/m.js">',
      '/_build/m.js',
    ],
    ['<script>inline()</script>', null],
  ])('firstScript(%s) → %s', (html, want) =>
    expect(firstScript(html, 'http://127.0.0.1:3000/')?.pathname ?? null).toBe(want),
  );

  it.each(['proxyRefused', 'badGateway'] as const)('names UI_PROXY_URL when the proxy fails (%s)', async (fault) => {
    bot();
    backend.setUi(fault);
    const { ui } = await run(['ui']);
    expect(ui!.status).toBe('fail');
    expect(ui!.summary).toContain('UI_PROXY_URL (http://ui:3002)');
  });

  it('fails when / answers something that is not HTML', async () => {
    bot();
    backend.setUi('notHtml');
    const { ui } = await run(['ui']);
    expect(ui!.status).toBe('fail');
    expect(ui!.summary).toMatch(/not with the app/);
  });

  it('carries backend as root cause when the backend is down', async () => {
    const port = await closedPort();
    h = buildBot({ env: { AUTH_BASE_URL: `http://127.0.0.1:${port}` } });
    const { ui, backend: b } = await run(['ui']);
    expect(b!.status).toBe('fail');
    expect(ui!.status).toBe('fail');
    expect(ui!.rootCause).toBe('backend');
  });
});
