import { WebClient } from '@slack/web-api';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/log/redactor.js';
import { createOutbox, type OutboxOptions, type OutboxService } from '../../src/runtime/outbox.js';
import { pacedSlackApi } from '../../src/slack/paced.js';
import { boltLogger } from '../../src/slack/bolt-logger.js';
import { createSlackApi } from '../../src/slack/slack-api.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';

let slack: FakeSlack;
let outbox: OutboxService | undefined;
const logs: string[] = [];
const SECRET = 'hunter2-super-secret-value';
const redactor = createRedactor([SECRET]);
const log = pino({ level: 'debug' }, { write: (s: string) => void logs.push(s) });

beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack.close();
});
afterEach(async () => {
  await outbox?.close(0);
  outbox = undefined;
  logs.length = 0;
  slack.calls.length = 0;
});

/** The outbox as the feature builds it: the transport's client (retries on) wrapped by pacedSlackApi. */
function open(opts: Partial<OutboxOptions> = {}): OutboxService {
  // Like the transport's client: retries on, logging through pino.
  const transportClient = new WebClient('xoxb-test-bot', {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 2 },
    logger: boltLogger(log),
  });
  outbox = createOutbox({ log, minIntervalMs: 100, backoffBaseMs: 50, backoffMaxMs: 200, ...opts });
  outbox.attach(pacedSlackApi(createSlackApi(transportClient, redactor), redactor, log));
  return outbox;
}
const callsOf = (method: string) => slack.calls.filter((c) => c.method === method);

describe('outbox', () => {
  it('waits out a 429 from Slack once (Retry-After), then delivers', async () => {
    const ob = open();
    slack.fail('chat.postMessage', { status: 429, retryAfter: 1 });
    const out = await ob.post({ channel: 'C0ALERTS', text: 'graph is failing' });
    expect(slack.messages.get(out.ts)?.text).toBe('graph is failing');
    const calls = callsOf('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    // Waited by the outbox, not also inside the WebClient (which would wait and retry on its own).
    expect(logs.filter((l) => l.includes('Slack asked to slow down (429)'))).toHaveLength(1);
    expect(logs.some((l) => l.includes('Will retry in'))).toBe(false);
  });

  it('keeps to its pace per channel, and one busy channel does not hold up another', async () => {
    const ob = open({ minIntervalMs: 500 });
    await Promise.all([
      ob.post({ channel: 'C1', text: 'a1' }),
      ob.post({ channel: 'C1', text: 'a2' }),
      ob.post({ channel: 'C1', text: 'a3' }),
      ob.post({ channel: 'C2', text: 'b1' }),
    ]);
    const c1 = callsOf('chat.postMessage').filter((c) => c.args.channel === 'C1');
    expect(c1.map((c) => c.args.text)).toEqual(['a1', 'a2', 'a3']);
    expect(c1[1]!.at - c1[0]!.at).toBeGreaterThanOrEqual(480);
    expect(c1[2]!.at - c1[1]!.at).toBeGreaterThanOrEqual(480);
    const b1 = callsOf('chat.postMessage').find((c) => c.args.text === 'b1')!;
    expect(b1.at).toBeLessThan(c1[1]!.at);
  });

  it('merges queued updates of one message into the last', async () => {
    const ob = open();
    const first = await ob.post({ channel: 'C3', text: 'v0' });
    // Slack rate-limits the next post, so the updates queue up behind it.
    slack.fail('chat.postMessage', { status: 429, retryAfter: 1 });
    const other = ob.post({ channel: 'C3', text: 'another message' });
    const updates = [1, 2, 3].map((n) => ob.update({ channel: 'C3', ts: first.ts, text: `v${n}` }));
    await Promise.all([other, ...updates]);
    expect(callsOf('chat.update').map((c) => c.args.text)).toEqual(['v3']);
    expect(slack.messages.get(first.ts)?.text).toBe('v3');
  });

  it('retries a failed post with backoff instead of dropping it', async () => {
    const ob = open();
    slack.fail('chat.postMessage', { status: 500 }, 2);
    const out = await ob.post({ channel: 'C4', text: 'after two 500s' });
    expect(slack.messages.get(out.ts)?.text).toBe('after two 500s');
    expect(callsOf('chat.postMessage')).toHaveLength(3);
    expect(logs.filter((l) => l.includes('Slack write failed; will retry'))).toHaveLength(2);
  });

  it('gives up after maxAttempts and logs what it gave up on', async () => {
    const ob = open({ maxAttempts: 3 });
    slack.fail('chat.postMessage', { error: 'internal_error' }, 3);
    await expect(ob.post({ channel: 'C5', text: 'never delivered' })).rejects.toThrow(/internal_error/);
    expect(callsOf('chat.postMessage')).toHaveLength(3);
    const line = JSON.parse(logs.find((l) => l.includes('outbox gave up'))!) as {
      level: number;
      channel: string;
      msg: string;
    };
    expect(line).toMatchObject({ level: 50, channel: 'C5' });
    expect(line.msg).toContain('never delivered');
  });

  it('does not retry what Slack refuses for good (channel_not_found)', async () => {
    const ob = open();
    slack.fail('chat.postMessage', { error: 'channel_not_found' });
    await expect(ob.post({ channel: 'CGONE', text: 'x' })).rejects.toThrow(/channel_not_found/);
    expect(callsOf('chat.postMessage')).toHaveLength(1);
    expect(logs.some((l) => l.includes('outbox gave up') && l.includes('Slack refused it'))).toBe(true);
  });

  it('when Slack refuses a channel as a whole, what is queued behind is refused at once too, and the observer hears it', async () => {
    const seen: string[] = [];
    const ob = open({
      minIntervalMs: 200,
      observer: { delivered: (c) => void seen.push(`ok ${c}`), failed: (c) => void seen.push(`failed ${c}`) },
    });
    slack.refuse('CREFUSE', 'not_in_channel');
    try {
      const posts = ['a', 'b', 'c'].map((text) => ob.post({ channel: 'CREFUSE', text }));
      const results = await Promise.allSettled(posts);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      for (const r of results) expect(String((r as PromiseRejectedResult).reason)).toMatch(/not_in_channel/);
      // One call to Slack, not one per queued message.
      expect(callsOf('chat.postMessage').filter((c) => c.args.channel === 'CREFUSE')).toHaveLength(1);
      expect(seen).toEqual(['failed CREFUSE']);
    } finally {
      slack.accept('CREFUSE');
    }
    await ob.post({ channel: 'CREFUSE', text: 'works again' });
    expect(seen).toEqual(['failed CREFUSE', 'ok CREFUSE']);
  });

  it('scrubs secrets on the way out', async () => {
    const ob = open();
    await ob.post({ channel: 'C6', text: `oops ${SECRET}` });
    expect(slack.everything()).not.toContain(SECRET);
    expect(slack.everything()).toContain('oops [redacted]');
  });

  it('without Slack (shell, CLI) a post fails at once with a clear reason', async () => {
    outbox = createOutbox({ log });
    outbox.attach(null);
    await expect(outbox.post({ channel: 'C7', text: 'x' })).rejects.toThrow(/not connected to Slack/);
  });

  it('holds posts made before Slack is connected and sends them once it is', async () => {
    outbox = createOutbox({ log, minIntervalMs: 10 });
    const early = outbox.post({ channel: 'C8', text: 'queued early' });
    await new Promise((r) => setTimeout(r, 50));
    expect(callsOf('chat.postMessage')).toHaveLength(0);
    outbox.attach(
      createSlackApi(
        new WebClient('xoxb-test-bot', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
        redactor,
      ),
    );
    const out = await early;
    expect(slack.messages.get(out.ts)?.text).toBe('queued early');
  });
});
