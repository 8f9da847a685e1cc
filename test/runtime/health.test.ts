import { createServer, type AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../../src/bot.js';
import { startHealth, type HealthListener } from '../../src/runtime/health/health.js';
import { FOUNDATION_CHECKS } from '../support/checks.js';
import { startFakeBackend, type FakeBackend } from '../support/fake-backend.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { buildBot } from '../support/harness.js';
import { mention, quietStore } from '../incidents/support.js';
import { adminUrl, createTestDatabase, type TestDatabase } from '../support/pg.js';
import { getJson, scrape } from '../support/prometheus.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';
import { startTcpProxy, targetOf, type TcpProxy } from '../support/tcp-proxy.js';

/**
 * The health and metrics listener of a real bot (real Bolt over Socket Mode against the
 * fake Slack, a real store in Postgres behind a TCP proxy the test cuts): what a
 * Prometheus server and a Kubernetes probe see.
 */
let slack: FakeSlack;
let backend: FakeBackend;
let db: TestDatabase;
let proxy: TcpProxy;
let bot: SlackHarness | undefined;
let health: HealthListener | null = null;
const OPS = 'C0OPS0001';

beforeAll(async () => {
  [slack, backend, db, proxy] = await Promise.all([
    startFakeSlack(),
    startFakeBackend(),
    createTestDatabase('health'),
    startTcpProxy(targetOf(adminUrl())),
  ]);
});
afterAll(async () => {
  await Promise.all([slack.close(), backend.close(), proxy.close()]);
  await db.drop();
});
afterEach(async () => {
  await health?.close();
  await bot?.close();
  health = null;
  bot = undefined;
  proxy.restore();
  slack.clearFaults('chat.postMessage');
});

async function start() {
  const viaProxy = proxy.via(db.url);
  bot = await startSlackBot(slack, {
    checks: FOUNDATION_CHECKS,
    env: { AUTH_BASE_URL: backend.url, DATABASE_URL: db.url },
    yaml: 'checks: { cacheMs: 0, timeoutMs: 3000 }\nschedules: []\n',
    app: { store: quietStore(viaProxy) },
  });
  await bot.bot.core.store!.ready();
  health = await startHealth(bot.bot.core, { surface: 'slack', host: '127.0.0.1', port: 0 });
  return { bot, port: health!.port };
}
const answered = (cmd: { responseUrl: string }) =>
  slack.waitFor(() => slack.responses.find((r) => r.id === cmd.responseUrl.split('/').pop()));

describe('/metrics', () => {
  it('counts commands, checks, Slack calls and 429s, runbook sessions, and reads the outbox and the leader at scrape', async () => {
    const { port } = await start();
    const before = await scrape(port);
    expect(before.contentType).toContain('text/plain');
    expect(before.value('ctx_ops_commands_total', { command: 'status' })).toBe(0);

    const n = slack.messages.size;
    slack.slashCommand('status');
    await slack.finalMessage(n);
    await answered(slack.slashCommand('frobnicate'));
    await answered(slack.slashCommand('help'));

    // A runbook session, started and then stopped in its thread.
    const m = slack.messages.size;
    slack.slashCommand('runbook migration-failed', { channel: OPS });
    const header = await slack.waitFor(() =>
      [...slack.messages.values()].slice(m).find((x) => x.text.startsWith('📘 Runbook') && !x.threadTs),
    );
    const during = await scrape(port);
    expect(during.value('ctx_ops_runbook_sessions_active')).toBe(1);
    await mention(slack, { text: 'stop', channel: OPS, threadTs: header.ts }).acked;
    await slack.waitFor(() => header.text.endsWith('abandoned'));
    // The runbook command ends after its first step is posted.
    await slack.waitFor(
      async () => (await scrape(port)).value('ctx_ops_commands_total', { command: 'runbook', outcome: 'ok' }) === 1,
    );

    const after = await scrape(port);
    // Status fails here (migrations never ran in this database), and says so.
    expect(after.value('ctx_ops_commands_total', { command: 'status', outcome: 'fail' })).toBe(1);
    expect(after.value('ctx_ops_commands_total', { command: 'help', outcome: 'unknown' })).toBe(1);
    expect(after.value('ctx_ops_commands_total', { command: 'help', outcome: 'ok' })).toBe(1);
    expect(after.family('ctx_ops_commands_total')!.type).toBe('COUNTER');

    for (const check of ['backend', 'ui', 'postgres', 'migrations'])
      expect(after.count('ctx_ops_check_duration_seconds', { check, environment: 'default' })).toBeGreaterThanOrEqual(
        1,
      );
    expect(after.family('ctx_ops_check_duration_seconds')!.type).toBe('HISTOGRAM');
    expect(
      after.value('ctx_ops_check_results_total', { check: 'migrations', environment: 'default', status: 'fail' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      after.value('ctx_ops_check_results_total', { check: 'backend', environment: 'default', status: 'ok' }),
    ).toBeGreaterThanOrEqual(1);

    expect(
      after.value('ctx_ops_slack_api_calls_total', { method: 'chat.postMessage', outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(2);
    expect(after.sum('ctx_ops_slack_api_errors_total')).toBe(0);

    expect(after.value('ctx_ops_runbook_sessions_total', { runbook: 'migration-failed', event: 'started' })).toBe(1);
    expect(after.value('ctx_ops_runbook_sessions_total', { runbook: 'migration-failed', event: 'abandoned' })).toBe(1);
    expect(after.value('ctx_ops_runbook_sessions_active')).toBe(0);

    expect(after.value('ctx_ops_outbox_pending')).toBe(0);
    expect(after.value('ctx_ops_outbox_oldest_age_seconds')).toBe(0);
    // The watch is on by default, and this lone replica took the leader lock.
    expect(after.value('ctx_ops_leader', { role: 'leader' })).toBe(1);
    expect(after.sum('ctx_ops_leader')).toBe(1);
    // Node's own metrics, under the same prefix.
    expect(after.family('ctx_ops_process_resident_memory_bytes')).toBeDefined();
  });

  it('a Slack error and a 429 are counted by method', async () => {
    const { port } = await start();
    slack.fail('chat.postMessage', { error: 'channel_not_found' }, 1);
    await answered(slack.slashCommand('status'));
    const s = await scrape(port);
    expect(s.value('ctx_ops_slack_api_calls_total', { method: 'chat.postMessage', outcome: 'error' })).toBe(1);
    expect(s.value('ctx_ops_slack_api_errors_total', { method: 'chat.postMessage' })).toBe(1);
    expect(s.value('ctx_ops_slack_rate_limited_total', { method: 'chat.postMessage' })).toBe(0);

    slack.fail('chat.postMessage', { status: 429, retryAfter: 1 }, 1);
    slack.slashCommand('status');
    await slack.waitFor(
      async () => (await scrape(port)).value('ctx_ops_slack_rate_limited_total', { method: 'chat.postMessage' }) === 1,
    );
  });
});

describe('/healthz and /readyz', () => {
  it('/readyz is 200 while Slack is connected and the store answers, 503 naming the store while Postgres is unreachable, and 200 again after', async () => {
    const { port } = await start();
    expect(await getJson(port, '/healthz')).toMatchObject({ status: 200, text: 'ok\n' });
    const ready = await getJson(port, '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      ready: true,
      notReady: [],
      components: {
        config: { ready: true },
        slack: { ready: true, detail: 'Socket Mode: connected' },
        store: { ready: true },
      },
    });

    proxy.cut();
    const down = await getJson(port, '/readyz');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ ready: false, notReady: ['store'], components: { store: { ready: false } } });
    expect((down.body as { components: { store: { detail: string } } }).components.store.detail).toMatch(
      /^the ctx_ops store is unreachable: /,
    );
    // Still alive: the process answers, and so do commands.
    expect((await getJson(port, '/healthz')).status).toBe(200);
    const n = slack.messages.size;
    slack.slashCommand('status');
    expect((await slack.finalMessage(n)).text).toMatch(/^🔴 default/);

    proxy.restore();
    await slack.waitFor(async () => (await getJson(port, '/readyz')).status === 200);
  });

  it('/readyz is 503 naming Slack while the Socket Mode connection is down', async () => {
    const { port } = await start();
    slack.fail('apps.connections.open', { error: 'service_unavailable' }, 10_000);
    slack.dropConnections();
    const down = await slack.waitFor(async () => {
      const r = await getJson(port, '/readyz');
      return r.status === 503 ? r : undefined;
    });
    expect(down.body).toMatchObject({ notReady: ['slack'], components: { slack: { ready: false } } });
    slack.clearFaults('apps.connections.open');
    await slack.waitFor(async () => (await getJson(port, '/readyz')).status === 200);
  });

  it('answers 404 elsewhere and 405 to anything but GET', async () => {
    const { port } = await start();
    expect((await getJson(port, '/')).status).toBe(404);
    const { request } = await import('undici');
    expect((await request(`http://127.0.0.1:${port}/metrics`, { method: 'POST' })).statusCode).toBe(405);
  });
});

describe('npm start in the local shell', () => {
  it('serves /healthz, /readyz and /metrics while the prompt runs, counts the commands typed, and closes the port when it ends', async () => {
    const port = await freePort();
    const h = buildBot(); // only for a config-less folder
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (d) => (out += d));
    const running = startBot(
      {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'silent',
        CTX_OPS_HEALTH_HOST: '127.0.0.1',
        CTX_OPS_HEALTH_PORT: String(port),
      },
      { cwd: h.dir, stdin, stdout, stderr: new PassThrough() },
    );
    try {
      await slack.waitFor(async () => (await getJson(port, '/healthz').catch(() => ({ status: 0 }))).status === 200);
      const ready = await getJson(port, '/readyz');
      expect(ready.body).toMatchObject({
        ready: true,
        components: { shell: { ready: true, detail: 'local shell running' } },
      });
      stdin.write('help\n');
      await slack.waitFor(
        async () => (await scrape(port)).value('ctx_ops_commands_total', { command: 'help', outcome: 'ok' }) === 1,
      );
      expect(out).toContain('status');
    } finally {
      stdin.end();
      expect(await running).toEqual({ exitCode: 0 });
      await h.close();
    }
    await expect(getJson(port, '/healthz')).rejects.toThrow();
  });
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}
