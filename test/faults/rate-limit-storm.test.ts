import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchedulesFeature } from '../../src/app/schedules.js';
import type { Outbox } from '../../src/contracts/services.js';
import { startHealth, type HealthListener } from '../../src/runtime/health/health.js';
import { statusFeature } from '../../src/status/feature.js';
import { createSlackTransport, type SlackTransport } from '../../src/transports/slack/transport.js';
import { componentChecks, startFakeComponents, type FakeComponents } from '../support/fake-components.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { buildBot, type Harness } from '../support/harness.js';
import { scrape } from '../support/prometheus.js';

/**
 * Fault: a storm of 429s from Slack's Web API while the bot posts in several channels (the
 * outbox: alerts, digests, background posts) and answers slash commands. The transport
 * keeps its production retry settings (Retry-After waited out); the outbox is paced fast.
 */
let slack: FakeSlack;
let components: FakeComponents;
let h: Harness;
let transport: SlackTransport;
let health: HealthListener | null;
const CHANNELS = ['C0STORM01', 'C0STORM02', 'C0STORM03'];
const PER_CHANNEL = 8;

beforeAll(async () => {
  [slack, components] = await Promise.all([startFakeSlack(), startFakeComponents()]);
  const checks = componentChecks([{ id: 'backend' }, { id: 'worker', dependsOn: ['backend'] }]);
  h = buildBot({
    checks,
    env: {
      SLACK_BOT_TOKEN: 'xoxb-test-bot',
      SLACK_APP_TOKEN: 'xapp-test-app',
      SLACK_API_URL: slack.apiUrl,
      AUTH_BASE_URL: components.url,
    },
    yaml: 'checks: { cacheMs: 0 }\nschedules: []\n',
    app: { checks, features: [statusFeature, createSchedulesFeature({ outboxIntervalMs: 20 })] },
  });
  transport = createSlackTransport(h.bot, h.config.slack, { port: 0 });
  await transport.start();
  await h.bot.start({ surface: 'slack', slack: transport.slack });
  await slack.waitFor(() => slack.connections() > 0);
  health = await startHealth(h.bot.core, { surface: 'slack', host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await health?.close();
  await transport.stop().catch(() => {});
  await h.close();
  await Promise.all([slack.close(), components.close()]);
});

describe('fault: a 429 storm from Slack', () => {
  it('every post is delivered once, in order in each channel, and slash commands are still answered', async () => {
    const outbox = h.bot.core.services.get('outbox') as Outbox;
    const STORM = 10;
    slack.fail('chat.postMessage', { status: 429, retryAfter: 1 }, STORM);
    const posts = CHANNELS.flatMap((channel) =>
      Array.from({ length: PER_CHANNEL }, (_, i) => outbox.post({ channel, text: `${channel} message ${i + 1}` })),
    );
    const commands = ['C0CMD0001', 'C0CMD0002'].map((channel) => ({
      channel,
      cmd: slack.slashCommand('status', { channel }),
    }));
    await Promise.all(posts);

    for (const channel of CHANNELS) {
      const texts = [...slack.messages.values()].filter((m) => m.channel === channel).map((m) => m.text);
      expect(texts).toEqual(Array.from({ length: PER_CHANNEL }, (_, i) => `${channel} message ${i + 1}`));
    }
    for (const { channel } of commands) {
      const answer = await slack.waitFor(
        () => [...slack.messages.values()].find((m) => m.channel === channel && !m.text.startsWith('⏳')),
        10_000,
      );
      expect(answer.text).toMatch(/^✅ All 2 checks healthy on default/);
    }
    // The storm did happen, and it is visible to whoever watches /metrics.
    const s = await scrape(health!.port);
    expect(s.sum('ctx_ops_slack_rate_limited_total')).toBe(STORM);
    expect(s.value('ctx_ops_outbox_pending')).toBe(0);
  });
});
