import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { backoffDelayMs, type BackoffPolicy } from '../../src/util/backoff.js';
import { createSlackTransport, type SlackTransport } from '../../src/transports/slack/transport.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { buildBot, type Harness } from '../support/harness.js';
import { FOUNDATION_CHECKS } from '../support/checks.js';

describe('reconnection delays', () => {
  const p: BackoffPolicy = { baseMs: 1000, maxMs: 120_000 };
  it.each([
    [1, 0, 500],
    [1, 1, 1000],
    [2, 0, 1000],
    [3, 1, 4000],
    [8, 1, 120_000],
    [8, 0, 60_000],
    [50, 1, 120_000],
    [0, 1, 1000],
  ])('failure %i with random %d waits %i ms', (n, r, ms) =>
    expect(backoffDelayMs(n, { ...p, random: () => r })).toBe(ms),
  );

  it('grows, never beyond the cap, and is jittered', () => {
    const seen = new Set<number>();
    let prevMax = 0;
    for (let n = 1; n <= 12; n++) {
      const lo = backoffDelayMs(n, { ...p, random: () => 0 });
      const hi = backoffDelayMs(n, { ...p, random: () => 1 });
      expect(hi).toBeGreaterThanOrEqual(prevMax);
      expect(hi).toBeLessThanOrEqual(p.maxMs);
      expect(lo).toBe(hi / 2);
      prevMax = hi;
      seen.add(backoffDelayMs(n, p));
    }
    expect(seen.size).toBeGreaterThan(1);
  });
});

/** The real transport (Bolt's Socket Mode receiver) against the fake Slack, with small delays. */
let slack: FakeSlack;
let h: Harness | undefined;
let transport: SlackTransport | undefined;
const SMALL: BackoffPolicy = { baseMs: 40, maxMs: 320 };

beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(() => slack.close());
afterEach(async () => {
  await transport?.stop().catch(() => {});
  await h?.close();
  transport = undefined;
  h = undefined;
  slack.clearFaults('apps.connections.open');
});

function build() {
  h = buildBot({
    checks: FOUNDATION_CHECKS,
    env: { SLACK_BOT_TOKEN: 'xoxb-test-bot', SLACK_APP_TOKEN: 'xapp-test-app', SLACK_API_URL: slack.apiUrl },
    logLevel: 'debug',
  });
  transport = createSlackTransport(h.bot, h.config.slack, { retries: 0, reconnect: SMALL });
  return { h, transport };
}
const opens = () => slack.calls.filter((c) => c.method === 'apps.connections.open').length;
const lines = (hh: Harness, re: RegExp) => hh.logs.filter((l) => re.test(l));

/** The most attempts the policy allows in `windowMs`: every delay at its smallest (half the step). */
function maxAttempts(windowMs: number, p: BackoffPolicy): number {
  let t = 0;
  let n = 1;
  while (true) {
    t += backoffDelayMs(n, { ...p, random: () => 0 });
    if (t > windowMs) return n;
    n++;
  }
}

describe('Socket Mode: apps.connections.open failing again and again', () => {
  it('is reported once with its cause, retried with growing delays, and connects when Slack recovers', async () => {
    const { h, transport } = build();
    slack.fail('apps.connections.open', { error: 'internal_error' }, 10_000);
    const before = opens();
    const started = transport.start();
    // A fixed window of wall time: however fast or slow the machine, the attempts stay under the policy's bound.
    const windowMs = 1500;
    const t0 = Date.now();
    await slack.waitFor(() => opens() - before >= 3);
    await new Promise((r) => setTimeout(r, Math.max(0, windowMs - (Date.now() - t0))));
    const attempts = opens() - before;
    expect(attempts).toBeGreaterThanOrEqual(3);
    // (Without backoff, an immediate retry loop makes hundreds of attempts in this window.)
    expect(attempts).toBeLessThanOrEqual(maxAttempts(Date.now() - t0 + 100, SMALL));
    const reported = lines(h, /Socket Mode could not connect/);
    expect(reported).toHaveLength(1);
    expect(JSON.parse(reported[0]!).msg).toMatch(
      /^Socket Mode could not connect: Slack answered internal_error\. If it persists, look at status\.slack\.com\. Retrying in \d+ ms, then less and less often \(at most every 320 ms\)/,
    );
    // Bolt's own "Failed to retrieve a new WSS URL" lines are demoted to debug: one warning, not one per attempt.
    expect(h.logs.filter((l) => /"level":(40|50)/.test(l) && /WSS URL/.test(l))).toHaveLength(0);
    expect(transport.connection.socket!().state).toBe('waiting');

    slack.clearFaults('apps.connections.open');
    await started;
    expect(slack.connections()).toBe(1);
    expect(lines(h, /Socket Mode connected after \d+ failed attempts/)).toHaveLength(1);
    expect(transport.connection.socket!()).toMatchObject({ state: 'connected', failures: 0 });
  });

  it('comes back by itself when Slack closes the connection, and reports nothing when the first try works', async () => {
    const { h, transport } = build();
    await transport.start();
    expect(slack.connections()).toBe(1);
    slack.dropConnections();
    await slack.waitFor(
      () =>
        transport.connection.socket!().state === 'connected' &&
        slack.connections() === 1 &&
        transport.connection.socket!().attempts >= 2,
    );
    expect(lines(h, /Socket Mode reconnected/)).toHaveLength(1);
    expect(lines(h, /could not connect/)).toHaveLength(0);
  });

  it('a connection lost while Slack is failing is retried with backoff, not given up (no unhandled rejection)', async () => {
    const { h, transport } = build();
    await transport.start();
    slack.fail('apps.connections.open', { error: 'service_unavailable' }, 10_000);
    slack.dropConnections();
    await slack.waitFor(() => transport.connection.socket!().failures >= 3);
    expect(lines(h, /Socket Mode could not connect: Slack answered service_unavailable/)).toHaveLength(1);
    slack.clearFaults('apps.connections.open');
    await slack.waitFor(() => transport.connection.socket!().state === 'connected' && slack.connections() === 1);
  });

  it('a 429 from apps.connections.open is waited out as Slack asks (Retry-After), then it connects', async () => {
    const { h, transport } = build();
    slack.fail('apps.connections.open', { status: 429, retryAfter: 1 }, 1);
    const before = opens();
    await transport.start();
    expect(opens() - before).toBe(2);
    const line = JSON.parse(lines(h, /Socket Mode could not connect/)[0]!).msg as string;
    // The policy alone would retry within 40 ms; Slack asked for a second.
    expect(line).toMatch(
      /^Socket Mode could not connect: Slack rate-limited the request \(retry after 1 s\)\. It passes by itself; .*\. Retrying in 1 s,/,
    );
  });

  it('stop() during the retries ends them: no attempt after it', async () => {
    const { transport } = build();
    slack.fail('apps.connections.open', { error: 'internal_error' }, 10_000);
    void transport.start().catch(() => {});
    await slack.waitFor(() => transport.connection.socket!().failures >= 2);
    await transport.stop();
    const n = opens();
    const attempts = transport.connection.socket!().attempts;
    await new Promise((r) => setTimeout(r, 800));
    // No attempt starts after stop(); one sent just before it may still land at the fake.
    expect(transport.connection.socket!().attempts).toBe(attempts);
    expect(opens() - n).toBeLessThanOrEqual(1);
    expect(transport.connection.socket!().state).toBe('stopped');
  });
});
