import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFresh, STACK_LINE, type ProcessResult as ProcessOutcome } from '../support/processes.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { closedPort } from '../support/net.js';

/**
 * What a person sees on the terminal after the likely first mistakes with Slack tokens:
 * each case is `npm start` (src/bot.ts) as a real process against a fake Slack that answers
 * with Slack's real error codes. One sentence, the right exit code, never a stack trace.
 */
const BOT = 'xoxb-test-rightbottoken';
const APP = 'xapp-test-A0APP-3333-rightapptoken';
const APP_WITHOUT_SCOPE = 'xapp-test-A0APP-3333-readonlytoken';

let slack: FakeSlack;
let busy: Server;
const outcomes = new Map<string, ProcessOutcome>();
let closed: number;

const cases: Record<string, () => Record<string, string>> = {
  'wrong bot token': () => ({ SLACK_BOT_TOKEN: 'xoxb-test-mistyped', SLACK_APP_TOKEN: APP }),
  'wrong bot token, LOG_LEVEL=debug': () => ({
    SLACK_BOT_TOKEN: 'xoxb-test-mistyped',
    SLACK_APP_TOKEN: APP,
    LOG_LEVEL: 'debug',
  }),
  'revoked bot token': () => ({ SLACK_BOT_TOKEN: 'xoxb-test-revoked', SLACK_APP_TOKEN: APP }),
  'wrong app token': () => ({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xapp-test-mistyped' }),
  'app token without connections:write': () => ({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP_WITHOUT_SCOPE }),
  'bot token given as the app token': () => ({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: BOT }),
  'HTTP mode with a wrong bot token': () => ({
    SLACK_BOT_TOKEN: 'xoxb-test-mistyped',
    SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
  }),
  'HTTP mode on a port in use': () => ({
    SLACK_BOT_TOKEN: BOT,
    SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
    PORT: String((busy.address() as AddressInfo).port),
  }),
  'Slack unreachable': () => ({
    SLACK_BOT_TOKEN: BOT,
    SLACK_APP_TOKEN: APP,
    SLACK_API_URL: `http://127.0.0.1:${closed}/api/`,
  }),
};

beforeAll(async () => {
  slack = await startFakeSlack();
  slack.setTokens({
    bot: [BOT],
    app: [APP, APP_WITHOUT_SCOPE],
    appScopes: { [APP_WITHOUT_SCOPE]: ['authorizations:read'] },
    revoked: { 'xoxb-test-revoked': 'token_revoked' },
  });
  busy = createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
  closed = await closedPort();
  // Real processes are slow to start on a busy machine: a few at a time.
  const limit = pLimit(3);
  await Promise.all(
    Object.entries(cases).map(([name, env]) =>
      limit(async () => outcomes.set(name, await runFresh('bot', [], { SLACK_API_URL: slack.apiUrl, ...env() }))),
    ),
  );
  // Nine processes, three at a time, each up to 90 s on a machine busy with other suites.
}, 400_000);
afterAll(async () => {
  await slack.close();
  await new Promise<void>((r) => busy.close(() => r()));
});

const seen = (name: string) => outcomes.get(name)!;

describe('npm start with a Slack mistake: one sentence, no stack trace', () => {
  it.each([
    [
      'wrong bot token',
      2,
      'ctx-ops: Slack rejected SLACK_BOT_TOKEN with invalid_auth (mistyped, cut short, from another workspace, or regenerated since): reinstall the app (api.slack.com/apps → your app → Install App) and copy the Bot User OAuth Token (xoxb-…) into SLACK_BOT_TOKEN',
    ],
    [
      'revoked bot token',
      2,
      'ctx-ops: Slack rejected SLACK_BOT_TOKEN with token_revoked (revoked, e.g. when the app was uninstalled): reinstall the app (api.slack.com/apps → your app → Install App) and copy the Bot User OAuth Token (xoxb-…) into SLACK_BOT_TOKEN',
    ],
    [
      'wrong app token',
      2,
      'ctx-ops: Slack rejected SLACK_APP_TOKEN with invalid_auth (mistyped, cut short, from another workspace, or regenerated since): generate an app-level token under Basic Information → App-Level Tokens with the connections:write scope and copy it (xapp-…) into SLACK_APP_TOKEN',
    ],
    [
      'app token without connections:write',
      2,
      'ctx-ops: SLACK_APP_TOKEN lacks the connections:write scope (it has authorizations:read): under Basic Information → App-Level Tokens, generate a token with connections:write and put it in SLACK_APP_TOKEN',
    ],
    [
      'HTTP mode with a wrong bot token',
      2,
      'ctx-ops: Slack rejected SLACK_BOT_TOKEN with invalid_auth (mistyped, cut short, from another workspace, or regenerated since): reinstall the app (api.slack.com/apps → your app → Install App) and copy the Bot User OAuth Token (xoxb-…) into SLACK_BOT_TOKEN',
    ],
  ])('%s → exit %i and the sentence', (name, code, sentence) => {
    const o = seen(name);
    expect(o.code).toBe(code);
    expect(o.stderr.trim()).toBe(sentence);
    expect(o.stderr).not.toMatch(STACK_LINE);
    expect(o.stdout).not.toMatch(STACK_LINE);
  });

  it('a bot token given as the app token is refused by its shape before Slack is asked (exit 2)', () => {
    const o = seen('bot token given as the app token');
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/SLACK_APP_TOKEN/);
    expect(o.stderr).toMatch(/xapp-/);
    expect(o.stderr).not.toMatch(STACK_LINE);
    // Neither token was sent anywhere.
    expect(slack.calls.some((c) => c.token === BOT && c.method === 'apps.connections.open')).toBe(false);
  });

  it('an unreachable Slack names the URL it tried and what to check (exit 1)', () => {
    const o = seen('Slack unreachable');
    expect(o.code).toBe(1);
    expect(o.stderr.trim()).toBe(
      `ctx-ops: cannot reach Slack at http://127.0.0.1:${closed}/api/auth.test: TCP: connection refused by 127.0.0.1:${closed} (ECONNREFUSED): nothing is listening there: check the host and port in SLACK_API_URL`,
    );
  });

  it('a port already in use in HTTP mode says so (exit 2)', () => {
    const o = seen('HTTP mode on a port in use');
    expect(o.code).toBe(2);
    expect(o.stderr.trim()).toBe(
      `ctx-ops: port ${(busy.address() as AddressInfo).port} is already in use: stop what listens there, or set PORT to a free port (and point Slack's request URLs at it)`,
    );
  });

  it('the stack trace is there only at LOG_LEVEL=debug, in the log, never on the terminal line', () => {
    const plain = seen('wrong bot token');
    const debug = seen('wrong bot token, LOG_LEVEL=debug');
    expect(debug.code).toBe(2);
    expect(debug.stderr.trim()).toBe(plain.stderr.trim());
    expect(plain.stdout).not.toContain('start-up failed');
    const line = debug.stdout.split('\n').find((l) => l.includes('"start-up failed"'));
    expect(JSON.parse(line!).err.stack).toMatch(/SlackStartError/);
  });

  it('no token ever reaches the terminal', () => {
    for (const o of outcomes.values()) {
      for (const t of [BOT, APP, APP_WITHOUT_SCOPE, 'xoxb-test-mistyped', 'xapp-test-mistyped']) {
        expect(o.stderr).not.toContain(t);
        expect(o.stdout).not.toContain(t);
      }
    }
  });
});
