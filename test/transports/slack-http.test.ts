import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBackend, type FakeBackend } from '../support/fake-backend.js';
import { actionPayload, postSigned, slashPayload, startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';
import { FOUNDATION_CHECKS } from '../support/checks.js';

const SECRET = 'http-mode-signing-secret-123';
let slack: FakeSlack;
let backend: FakeBackend;
let bot: SlackHarness;

beforeAll(async () => {
  [slack, backend] = await Promise.all([startFakeSlack(), startFakeBackend()]);
  bot = await startSlackBot(slack, {
    checks: FOUNDATION_CHECKS,
    mode: 'http',
    signingSecret: SECRET,
    env: { AUTH_BASE_URL: backend.url },
    yaml: 'checks:\n  cacheMs: 0\n',
  });
});
afterAll(async () => {
  await bot.close();
  await Promise.all([slack.close(), backend.close()]);
});
afterEach(() => backend.setStatus('healthy'));

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('Slack over signed HTTP (real Bolt HTTPReceiver)', () => {
  it('verifies the signature, acks, and posts the status message', async () => {
    const before = slack.messages.size;
    const res = await postSigned(bot.eventsUrl!, SECRET, form(slashPayload('status', slack.newResponseUrl())));
    expect(res.status).toBe(200);
    const msg = await slack.finalMessage(before);
    expect(msg.text.split('\n')[0]).toMatch(/^🔴 default: Postgres failing/);
    expect(JSON.stringify(msg.blocks)).toContain('*Backend*');
  });

  it('rejects a forged signature with 401 and runs nothing', async () => {
    const before = slack.calls.length;
    const requestsBefore = backend.http.requests.length;
    const res = await postSigned(bot.eventsUrl!, SECRET, form(slashPayload('status', slack.newResponseUrl())), {
      signature: `v0=${'ab'.repeat(32)}`,
    });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.calls.length).toBe(before);
    expect(backend.http.requests.length).toBe(requestsBefore);
  });

  it('rejects a request signed with another secret, and a stale timestamp', async () => {
    const before = slack.calls.length;
    const wrong = await postSigned(
      bot.eventsUrl!,
      'some-other-secret',
      form(slashPayload('status', slack.newResponseUrl())),
    );
    const stale = await postSigned(bot.eventsUrl!, SECRET, form(slashPayload('status', slack.newResponseUrl())), {
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(wrong.status).toBe(401);
    expect(stale.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.calls.length).toBe(before);
  });

  it('handles a Re-run click (payload=<json>) by updating the message', async () => {
    const before = slack.messages.size;
    await postSigned(bot.eventsUrl!, SECRET, form(slashPayload('status', slack.newResponseUrl())));
    const msg = await slack.finalMessage(before);
    const updates = msg.updates;
    backend.setStatus('status500');
    const payload = actionPayload(msg, 'ctx.status.rerun', slack.newResponseUrl());
    const res = await postSigned(bot.eventsUrl!, SECRET, form({ payload: JSON.stringify(payload) }));
    expect(res.status).toBe(200);
    await slack.waitFor(() => msg.updates > updates);
    expect(msg.text).toMatch(/Backend failing/);
  });

  it('serves a health endpoint for load balancers', async () => {
    const res = await fetch(bot.eventsUrl!.replace('/slack/events', '/healthz'));
    expect(res.status).toBe(200);
  });
});
