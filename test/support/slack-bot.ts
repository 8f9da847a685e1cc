import type { BotAppOptions } from '../../src/app/app.js';

import type { DoctorService } from '../../src/doctor/feature.js';
import { createSlackTransport, type SlackTransport } from '../../src/transports/slack/transport.js';
import type { FakeSlack } from './fake-slack.js';
import { buildBot, type ConfigFixture, type Harness } from './harness.js';

export interface SlackHarness extends Harness {
  transport: SlackTransport;
  /** HTTP mode: where Slack's requests go. */
  eventsUrl?: string;
}

/**
 * The real bot behind the real Bolt app, talking to the fake Slack over loopback:
 * Socket Mode by default, signed HTTP when `mode: 'http'`.
 */
export async function startSlackBot(
  slack: FakeSlack,
  fx: ConfigFixture & {
    mode?: 'socket' | 'http';
    signingSecret?: string;
    logLevel?: string;
    app?: Partial<BotAppOptions>;
  } = {},
): Promise<SlackHarness> {
  const mode = fx.mode ?? 'socket';
  const slackEnv =
    mode === 'socket'
      ? { SLACK_BOT_TOKEN: 'xoxb-test-bot', SLACK_APP_TOKEN: 'xapp-test-app' }
      : { SLACK_BOT_TOKEN: 'xoxb-test-bot', SLACK_SIGNING_SECRET: fx.signingSecret ?? 'test-signing-secret' };
  const h = buildBot({ ...fx, env: { ...slackEnv, SLACK_API_URL: slack.apiUrl, ...fx.env } });
  const transport = createSlackTransport(h.bot, h.config.slack, { retries: 0, port: 0 });
  const server = await transport.start();
  await h.bot.start({ surface: 'slack', slack: transport.slack });
  if (mode === 'socket') await slack.waitFor(() => slack.connections() > 0);
  // The self-check runs once in the background after start: let it finish, so its Slack calls never land inside a test's counts.
  await (h.bot.core.services.get('selfCheck') as DoctorService | undefined)?.settled();
  const address = server?.address();
  const eventsUrl =
    address && typeof address === 'object' ? `http://127.0.0.1:${address.port}/slack/events` : undefined;
  return {
    ...h,
    transport,
    eventsUrl,
    async close() {
      await transport.stop().catch(() => {});
      await h.close();
    },
  };
}
