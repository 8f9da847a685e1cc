import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDeployment, type FakeDeployment } from './support/fake-deployment.js';
import { BOT_USER_ID, startFakeSlack, type FakeSlack, type StoredMessage } from './support/fake-slack.js';
import { closedPort } from './support/net.js';
import { baseEnv, runProcess, startProcess, STACK_LINE } from './support/processes.js';

/**
 * A newcomer's first hour, as the README leads them through it, with real processes (`npm
 * start` and `npx ctx-ops`) in a fresh folder, the fake Slack answering with Slack's own
 * error codes, and a whole fake deployment whose backend is down (so alerts are due):
 *
 *   1. a mistyped bot token in .env      → one sentence, exit 2, no stack trace
 *   2. the right tokens in .env          → Socket Mode (not the local shell)
 *   3. /invite forgotten in #alerts      → alerts are refused; `ctx-ops doctor` says what to type
 *   4. /invite typed                     → every open alert arrives in #alerts, once
 */
const BOT = 'xoxb-test-newcomer-bot-token';
const APP = 'xapp-test-newcomer-app-token';
const ALERTS = 'C0ALERTS9';

let slack: FakeSlack;
let deployment: FakeDeployment;
let cwd: string;

function write(files: Record<string, string>) {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(cwd, rel)), { recursive: true });
    writeFileSync(join(cwd, rel), content);
  }
}

beforeAll(async () => {
  [slack, deployment] = await Promise.all([startFakeSlack(), startFakeDeployment()]);
  slack.setTokens({ bot: [BOT], app: [APP] });
  slack.setChannel(ALERTS, { name: 'alerts', is_member: false });
  slack.refuse(ALERTS, 'not_in_channel');
  cwd = mkdtempSync(join(tmpdir(), 'ctx-ops-newcomer-'));
  const deploymentEnv = { ...deployment.env, AUTH_BASE_URL: `http://127.0.0.1:${await closedPort()}` };
  write({
    'deploy/.env': `${Object.entries(deploymentEnv)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n')}\n`,
    'ctx-ops.yml': [
      `channels: { alerts: ${ALERTS} }`,
      'schedules: []',
      'watch: { intervalSeconds: 1, failureThreshold: 1, successThreshold: 1, remindEveryMinutes: 0 }',
      '',
    ].join('\n'),
  });
});
afterAll(async () => {
  await Promise.all([slack.close(), deployment.close()]);
  rmSync(cwd, { recursive: true, force: true });
});

const dotenv = (botToken: string) =>
  `SLACK_BOT_TOKEN=${botToken}\nSLACK_APP_TOKEN=${APP}\nSLACK_API_URL=${slack.apiUrl}\nCTX_OPS_ENV_FILE=deploy/.env\n`;
const alertsPosted = (): StoredMessage[] =>
  [...slack.messages.values()].filter((m) => m.channel === ALERTS && !m.threadTs);

describe("a newcomer's first hour (real processes, fake Slack, fake deployment)", () => {
  it('from a mistyped token to every open alert delivered once after /invite', async () => {
    // 1. A token pasted wrong.
    write({ '.env': dotenv('xoxb-test-newcomer-bot-token-typo') });
    const wrong = await runProcess('bot', [], { cwd, env: baseEnv(), timeoutMs: 60_000 });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Slack rejected SLACK_BOT_TOKEN with invalid_auth');
    expect(wrong.stderr).toContain('copy the Bot User OAuth Token (xoxb-…) into SLACK_BOT_TOKEN');
    expect(wrong.stderr).not.toMatch(STACK_LINE);

    // 2. The right tokens: the bot connects over Socket Mode (no local shell).
    write({ '.env': dotenv(BOT) });
    const bot = startProcess('bot', [], { cwd, env: baseEnv() });
    let out = '';
    bot.stdout.on('data', (d) => (out += d));
    bot.stderr.on('data', (d) => (out += d));
    try {
      await slack.waitFor(() => slack.connections() > 0, 30_000);
      expect(out).not.toContain('local shell');

      // 3. The watch finds the backend down; Slack refuses the alerts (not invited).
      await slack.waitFor(
        () => slack.calls.some((c) => c.method === 'chat.postMessage' && c.args.channel === ALERTS),
        30_000,
      );
      expect(alertsPosted()).toEqual([]);
      const doctor = await slack.waitFor(async () => {
        const r = await runProcess('cli', ['doctor'], { cwd, env: baseEnv(), timeoutMs: 60_000 });
        return r.stdout.includes('Slack refused posting alerts') ? r : undefined;
      }, 60_000);
      expect(doctor.code).toBe(1);
      expect(doctor.stdout).toMatch(/🔴\s+#alerts\s+@ctx-ops is not in #alerts/);
      expect(doctor.stdout).toContain('→ type /invite @ctx-ops in #alerts');
      expect(doctor.stdout).toMatch(/Slack refused posting alerts to #alerts \(not_in_channel\)/);

      // 4. Someone types /invite @ctx-ops in #alerts: Slack accepts and tells the bot.
      slack.accept(ALERTS);
      slack.setChannel(ALERTS, { name: 'alerts', is_member: true });
      await slack.event({ type: 'member_joined_channel', user: BOT_USER_ID, channel: ALERTS, channel_type: 'C' });
      const first = await slack.waitFor(() => alertsPosted().find((m) => /Backend/.test(m.text)), 30_000);
      expect(first.text).toMatch(/Backend/);
      // Let a few watch cycles (1 s each) pass: each could post it again if delivery were not once.
      await new Promise((r) => setTimeout(r, 3_500));
      const posted = alertsPosted();
      const backend = posted.filter((m) => /Backend/.test(m.text) && !/While I could not post here/.test(m.text));
      expect(backend).toHaveLength(1);
      const texts = posted.map((m) => m.text);
      expect(new Set(texts).size).toBe(texts.length);
    } finally {
      bot.kill('SIGTERM');
      await new Promise((r) => bot.on('close', r));
    }
    expect(out).not.toContain(BOT);
    expect(slack.everything()).not.toContain(APP);
    // Several real processes in a row: the default 30 s is too short on a busy 2-core machine.
  }, 180_000);
});
