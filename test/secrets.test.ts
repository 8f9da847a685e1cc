import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { json } from './support/fake-http.js';
import { startFakeBackend, type FakeBackend } from './support/fake-backend.js';
import { startFakeSlack, type FakeSlack } from './support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from './support/pg.js';
import { startSlackBot, type SlackHarness } from './support/slack-bot.js';
import { FOUNDATION_CHECKS } from './support/checks.js';
import { getJson } from './support/prometheus.js';
import { startHealth } from '../src/runtime/health/health.js';
import { closedPort } from './support/net.js';
import { createLogStore, type FakeDocker, startFakeDocker } from './support/fake-logs.js';

/**
 * Plants secrets everywhere the bot reads them, makes components echo them back in their
 * answers and errors, drives the bot through Slack, then scans every Slack payload and
 * every log line for them.
 */
const AUTH_SECRET = 'planted-auth-secret-0123456789-abcdefghij';
const DB_PASSWORD = 'Planted-Db-Pa55word';
const ENCRYPTION_KEY = 'ab'.repeat(32);
const BOT_TOKEN = 'xoxb-test-planted-bot-token';
const APP_TOKEN = 'xapp-test-planted-app-token';
const GRAPH_PASSWORD = 'Planted-Graph-Pa55word';
const SECRETS = [AUTH_SECRET, DB_PASSWORD, ENCRYPTION_KEY, BOT_TOKEN, APP_TOKEN, GRAPH_PASSWORD];

let slack: FakeSlack;
let backend: FakeBackend;
let db: TestDatabase;
let bot: SlackHarness;
let docker: FakeDocker;
// Log lines of a component that leak every kind of secret (the bot must show them redacted).
const LOG_TOKEN = 'ghp_plantedLogTokenABCDEFGHIJKLMNOPQRS01';
const LOG_COOKIE = 'planted-log-session-cookie-0001';
const LOG_EMAIL = 'planted.person@example.org';

beforeAll(async () => {
  [slack, backend, db] = await Promise.all([startFakeSlack(), startFakeBackend(), createTestDatabase('secrets')]);
  // A misbehaving backend that leaks the secret in its answers.
  backend.http.route('GET', '/.status', (_req, res) =>
    json(res, 200, `{"status":"degraded","AUTH_SECRET":"${AUTH_SECRET}"}`),
  );
  backend.http.route('GET', '/', (_req, res) =>
    json(res, 500, { message: `ECONNREFUSED: Unable to connect postgres://ctx:${DB_PASSWORD}@db/ctx` }),
  );
  const logs = createLogStore();
  const at = (min: number) => ({ time: new Date(Date.now() - min * 60_000) });
  logs.emit(
    'backend',
    `{"level":"error","message":"cannot decrypt with AUTH_SECRET=${AUTH_SECRET}","user":"${LOG_EMAIL}"}`,
    at(5),
  );
  logs.emit('backend', `Error: connect postgres://ctx:${DB_PASSWORD}@db:5432/ctx refused`, {
    ...at(4),
    stream: 'stderr',
  });
  logs.emit(
    'backend',
    `{"level":"warn","message":"webhook rejected","headers":{"authorization":"Bearer ${LOG_TOKEN}","cookie":"better-auth.session_token=${LOG_COOKIE}"}}`,
    at(3),
  );
  logs.emit('backend', `clone https://${LOG_TOKEN}@github.com/acme/api.git failed: key ${ENCRYPTION_KEY}`, at(2));
  docker = await startFakeDocker(logs, [{ id: '5ec2e7000000000000000000', project: 'ctx', service: 'backend' }]);
  const u = new URL(db.url);
  u.username = 'postgres';
  u.password = DB_PASSWORD; // trust auth on the test server ignores it; the bot must still hide it
  bot = await startSlackBot(slack, {
    checks: FOUNDATION_CHECKS,
    env: {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      AUTH_BASE_URL: backend.url,
      AUTH_SECRET,
      CONNECTION_SECRETS_ENCRYPTION_KEY: ENCRYPTION_KEY,
      DATABASE_URL: u.toString(),
      // A credentialed graph URI on a closed port: graph-snapshot's answers must not repeat it.
      GRAPH_DB_URI: `redis://ops:${GRAPH_PASSWORD}@127.0.0.1:${await closedPort()}`,
    },
    logLevel: 'trace',
    yaml: `checks:\n  cacheMs: 0\nlogs:\n  sources: { default: { docker: { socket: "${docker.socketPath}" } } }\n`,
  });
});
afterAll(async () => {
  await bot.close();
  await Promise.all([slack.close(), backend.close(), db.drop(), docker.close()]);
});

describe('secrets never leave the bot', () => {
  it('appear in no Slack payload and no log line', async () => {
    const before = slack.messages.size;
    slack.slashCommand('status');
    const msg = await slack.finalMessage(before);
    slack.slashCommand('check backend');
    slack.slashCommand('check ui');
    slack.slashCommand(`check ${AUTH_SECRET}`);
    slack.slashCommand('graph-snapshot');
    slack.slashCommand('restore-test');
    slack.slashCommand('backups');
    const doctor = slack.slashCommand('doctor');
    const logsCmd = slack.slashCommand('logs backend --since 15m');
    const logsAnswer = await slack.waitFor(() =>
      slack.responses.find((r) => r.id === logsCmd.responseUrl.split('/').pop()),
    );
    expect(JSON.stringify(logsAnswer.body)).toContain('cannot decrypt with AUTH_SECRET=[redacted]');
    const post = slack.click(
      { channel: 'C0OPS0001', ts: '1.000', blocks: logsAnswer.body.blocks as unknown[] },
      'ctx.logs.post',
    );
    await post.acked;
    await slack.waitFor(() =>
      [...slack.messages.values()].some((m) => m.text.includes('backend logs') && m.text.includes('shared by')),
    );
    const click = slack.click(msg, 'ctx.check.details', { value: JSON.stringify({ env: 'default', id: 'backend' }) });
    await slack.waitFor(() => slack.responses.some((r) => r.id === click.responseUrl.split('/').pop()));
    await slack.waitFor(() => slack.messages.size >= before + 3 && slack.responses.length >= 2);
    await slack.waitFor(() => slack.responses.some((r) => r.id === doctor.responseUrl.split('/').pop()), 15_000);

    // What a probe and a Prometheus server read, after all of that.
    const health = await startHealth(bot.bot.core, { surface: 'slack', host: '127.0.0.1', port: 0 });
    const served = await Promise.all(['/healthz', '/readyz', '/metrics'].map((p) => getJson(health!.port, p)));
    await health!.close();
    expect(served.map((r) => r.status)).toEqual([200, 200, 200]);

    const said = `${slack.everything()}\n${served.map((r) => r.text).join('\n')}`;
    // The leak was real: the bot saw and reported the component's answers.
    expect(said).toContain('[redacted]');
    expect(said).toContain('not like a ctx| backend');
    expect(said).toContain('ctx-ops doctor');
    const logs = bot.logs.join('\n');
    expect(logs.length).toBeGreaterThan(1000);
    for (const secret of [...SECRETS, LOG_TOKEN, LOG_COOKIE, LOG_EMAIL]) {
      expect(said, `Slack payloads contain ${secret.slice(0, 12)}…`).not.toContain(secret);
      expect(logs, `logs contain ${secret.slice(0, 12)}…`).not.toContain(secret);
    }
  });
});

describe('secrets read from files (SLACK_BOT_TOKEN_FILE, …)', () => {
  it('a token file with a malformed or conflicting value: the problem names the variable and path, never the value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctx-ops-secret-files-'));
    const wrong = 'xoxp-test-planted-user-token-in-a-secret-file';
    writeFileSync(join(dir, 'bot'), `${wrong}\n`);
    writeFileSync(join(dir, 'app'), `${APP_TOKEN}\n`);
    try {
      for (const env of [
        { SLACK_BOT_TOKEN_FILE: join(dir, 'bot'), SLACK_APP_TOKEN_FILE: join(dir, 'app') },
        { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_BOT_TOKEN_FILE: join(dir, 'bot'), SLACK_APP_TOKEN_FILE: join(dir, 'app') },
      ]) {
        let said = '';
        const stdout = new PassThrough();
        const stderr = new PassThrough();
        stdout.on('data', (d) => (said += d));
        stderr.on('data', (d) => (said += d));
        const code = await runCli(['config'], env, { cwd: dir, stdin: new PassThrough(), stdout, stderr });
        expect(code).toBe(2);
        expect(said).toMatch(/SLACK_BOT_TOKEN/);
        for (const secret of [wrong, BOT_TOKEN, APP_TOKEN]) expect(said).not.toContain(secret);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
