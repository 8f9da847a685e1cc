import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './support/fake-http.js';
import { startFakeBackend, type FakeBackend } from './support/fake-backend.js';
import { startFakeSlack, type FakeSlack } from './support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from './support/pg.js';
import { startSlackBot, type SlackHarness } from './support/slack-bot.js';
import { FOUNDATION_CHECKS } from './support/checks.js';
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
const SECRETS = [AUTH_SECRET, DB_PASSWORD, ENCRYPTION_KEY, BOT_TOKEN, APP_TOKEN];

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

    const said = slack.everything();
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
