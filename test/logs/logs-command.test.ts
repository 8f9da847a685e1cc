import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runShell } from '../../src/transports/shell.js';
import { createLogStore, type FakeDocker, type LogStore, startFakeDocker } from '../support/fake-logs.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { buildBot } from '../support/harness.js';
import { BACKEND_LINES } from '../support/log-lines.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';

/**
 * `/ctx logs` through the real Bolt app and the fake Slack, reading the fake Docker Engine
 * API on a unix socket: a private answer, the button that posts it, permissions per
 * environment, and secrets planted in the log lines that never reach Slack.
 */
const PLANTED_PASSWORD = 'Planted-Log-Pa55word-xyz';
const PLANTED_TOKEN = 'ghp_plantedtokenABCDEFGHIJKLMNOPQRST0123';
const PLANTED_COOKIE = 'planted-session-cookie-value-123';
const PLANTED_EMAIL = 'grace.hopper@example.org';

let store: LogStore;
let docker: FakeDocker;
let slack: FakeSlack;
let bot: SlackHarness;

beforeAll(async () => {
  store = createLogStore();
  const now = Date.now();
  BACKEND_LINES.forEach((l, i) => store.emit('backend', l, { time: new Date(now - 600_000 + i * 1000) }));
  store.emit(
    'backend',
    JSON.stringify({
      level: 'error',
      message: `clone https://bot:${PLANTED_PASSWORD}@git.example.com/acme/api.git failed for ${PLANTED_EMAIL}`,
      headers: { authorization: `Bearer ${PLANTED_TOKEN}`, cookie: `better-auth.session_token=${PLANTED_COOKIE}` },
      timestamp: new Date(now - 120_000).toISOString(),
    }),
    { time: new Date(now - 120_000) },
  );
  store.emit('backend', `Error: push rejected with token ${PLANTED_TOKEN} and cookie: session=${PLANTED_COOKIE}`, {
    time: new Date(now - 60_000),
    stream: 'stderr',
  });
  docker = await startFakeDocker(store, [{ id: 'abcdef0123456789abcdef01', project: 'ctx', service: 'backend' }]);
  slack = await startFakeSlack();
  bot = await startSlackBot(slack, {
    env: { LOG_LEVEL: 'silent' },
    checks: [],
    yaml: [
      'environments:',
      '  staging: { env: { AUTH_BASE_URL: "http://127.0.0.1:9" } }',
      '  prod: { production: true, env: { AUTH_BASE_URL: "http://127.0.0.1:9" } }',
      'defaultEnvironment: staging',
      'logLinks:',
      '  default: "https://grafana.example.com/explore?env={env}&c={component}&from={sinceMs}"',
      'logs:',
      '  sources:',
      `    staging: { docker: { socket: "${docker.socketPath}", project: ctx } }`,
      `    prod: { docker: { socket: "${docker.socketPath}", project: ctx } }`,
      '',
    ].join('\n'),
  });
});
afterAll(async () => {
  await bot.close();
  await Promise.all([slack.close(), docker.close()]);
});

const response = (id: string) => slack.responses.find((r) => r.id === id.split('/').pop());

describe('/ctx logs', () => {
  it('answers privately with counts, signals, groups and a link, then posts to the channel on the button', async () => {
    const cmd = slack.slashCommand('logs backend --since 15m');
    const r = await slack.waitFor(() => response(cmd.responseUrl));
    expect(r.body.response_type).toBe('ephemeral');
    const text = JSON.stringify(r.body);
    expect(text).toContain('backend logs · staging · last 15 min');
    expect(text).toMatch(/auth-failures.{0,12}\*3\*/);
    expect(text).toContain('https://grafana.example.com/explore?env=staging&c=backend');
    expect(text).toContain('Post to channel');
    expect(text).toContain('Unauthorized because of no session');

    const before = slack.messages.size;
    const blocks = r.body.blocks as unknown[];
    slack.click({ channel: 'C0OPS0001', ts: '1.000', blocks }, 'ctx.logs.post');
    const posted = await slack.finalMessage(before);
    expect(posted.channel).toBe('C0OPS0001');
    expect(posted.text).toContain('backend logs · staging');
    expect(posted.text).toContain('shared by <@U0ALICE01>');
    expect(JSON.stringify(posted.blocks)).not.toContain('Post to channel');
  });

  it('filters by signal and level, and says which signals exist', async () => {
    const cmd = slack.slashCommand('logs backend staging --signal mcp --level warn');
    const r = await slack.waitFor(() => response(cmd.responseUrl));
    expect(JSON.stringify(r.body)).toContain('3 lines');
    const typo = slack.slashCommand('logs backend --signal auth-failure');
    const t = await slack.waitFor(() => response(typo.responseUrl));
    expect(JSON.stringify(t.body)).toContain('did you mean `auth-failures`');
  });

  it('refuses a production environment without logs.access, showing the YAML to add', async () => {
    const cmd = slack.slashCommand('logs backend prod');
    const r = await slack.waitFor(() => response(cmd.responseUrl));
    const text = JSON.stringify(r.body);
    expect(text).toContain("nobody may read prod's logs yet");
    expect(text).toContain('access:');
    expect(text).not.toContain('Unauthorized because of no session');
  });

  it('never shows the secrets planted in the log lines', async () => {
    const cmd = slack.slashCommand('logs backend --level error');
    const r = await slack.waitFor(() => response(cmd.responseUrl));
    expect(JSON.stringify(r.body)).toContain('[redacted]');
    const said = slack.everything();
    for (const s of [PLANTED_PASSWORD, PLANTED_TOKEN, PLANTED_COOKIE, PLANTED_EMAIL])
      expect(said, `Slack saw ${s.slice(0, 10)}…`).not.toContain(s);
  });
});

describe('/ctx logs in the shell', () => {
  it('prints the same answer as text, and permissions name local users', async () => {
    const h = buildBot({
      env: { LOG_LEVEL: 'silent' },
      checks: [],
      yaml: [
        'environments:',
        '  prod: { production: true, env: { AUTH_BASE_URL: "http://127.0.0.1:9" } }',
        'logs:',
        `  sources: { prod: { docker: { socket: "${docker.socketPath}" } } }`,
        '  access: { prod: { users: ["local:tester"] } }',
        '',
      ].join('\n'),
    });
    await h.bot.start({ surface: 'shell', slack: null });
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d) => (out += d));
    const done = runShell(h.bot, {
      input,
      output,
      interactive: false,
      actor: { userId: 'local:tester', userName: 'tester' },
    });
    input.end('logs backend --since 1h\ndigest preview prod\n');
    await done;
    await h.close();
    // The digest lists errors per component of the last 24 h through the logs service.
    expect(out).toMatch(/errors in logs \(24 h\): backend 4 \(top: 1× /);
    expect(out).toMatch(/graph unavailable \(no container of Compose service "graph"/);
    expect(out).toContain('backend logs · prod · last 1 h');
    expect(out).toMatch(/Signals: .*auth-failures 3/);
    expect(out).toContain('Top groups:');
    expect(out).not.toContain(PLANTED_TOKEN);
  });
});
