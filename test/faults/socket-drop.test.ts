import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOUNDATION_CHECKS } from '../support/checks.js';
import { startFakeBackend, type FakeBackend } from '../support/fake-backend.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';

/**
 * Fault: Slack drops the Socket Mode connection (as it does when it recycles a server) while
 * a command is being worked on, again and again. Real Bolt and the bot's socket keeper
 * against the fake Slack; the backend is slow so the answer is still being prepared when
 * the connection goes.
 */
let slack: FakeSlack;
let backend: FakeBackend;
let db: TestDatabase;
let bot: SlackHarness;

beforeAll(async () => {
  [slack, backend, db] = await Promise.all([startFakeSlack(), startFakeBackend(), createTestDatabase('fault_socket')]);
  bot = await startSlackBot(slack, {
    checks: FOUNDATION_CHECKS,
    env: { AUTH_BASE_URL: backend.url, DATABASE_URL: db.url },
    yaml: 'checks: { cacheMs: 0 }\nschedules: []\nwatch: { enabled: false }\n',
  });
});
afterAll(async () => {
  await bot.close();
  await Promise.all([slack.close(), backend.close(), db.drop()]);
});

const socket = () => bot.transport.connection.socket!();
const messagesIn = (channel: string) => [...slack.messages.values()].filter((m) => m.channel === channel);
const reconnected = (attemptsBefore: number) =>
  slack.waitFor(
    () => socket().state === 'connected' && socket().attempts > attemptsBefore && slack.connections() === 1,
  );

describe('fault: the Socket Mode connection is dropped and comes back', () => {
  it('an answer being prepared when the connection drops is still posted, once; commands after each reconnect are answered', async () => {
    backend.setStatus('slow', { delayMs: 600 });
    for (let round = 1; round <= 3; round++) {
      const channel = `C0DROP00${round}`;
      const attempts = socket().attempts;
      // Acked, then the connection goes while the checks still run.
      const inFlight = slack.slashCommand('status', { channel });
      await inFlight.acked;
      slack.dropConnections();
      await reconnected(attempts);
      // The answer to the command acked before the drop arrives (posted through the Web API).
      const first = await slack.waitFor(() => messagesIn(channel).find((m) => !m.text.startsWith('⏳')));
      expect(first.text).toMatch(/^🔴 default: Migrations failing/);

      // A command typed after the reconnect is answered too.
      const after = slack.slashCommand('check backend', { channel });
      await after.acked;
      const second = await slack.waitFor(() => messagesIn(channel).filter((m) => !m.text.startsWith('⏳'))[1]);
      expect(second.text).toContain('Backend');
      // Nothing twice: exactly the two answers in this channel.
      expect(messagesIn(channel)).toHaveLength(2);
    }
    expect(slack.connections()).toBe(1);
    expect(bot.logs.filter((l) => /"level":50/.test(l))).toEqual([]);
  });
});
