import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBackend, type FakeBackend } from '../../support/fake-backend.js';
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

describe('ui check', () => {
  it('is ok when the backend origin serves the app HTML', async () => {
    bot();
    const { ui } = await run(['ui']);
    expect(ui!.status).toBe('ok');
    expect(ui!.summary).toMatch(/serving the app/);
  });

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
