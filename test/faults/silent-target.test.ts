import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusFeature } from '../../src/status/feature.js';
import { FOUNDATION_CHECKS } from '../support/checks.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { startSilentTcp } from '../support/net.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';

/**
 * Fault: every component the checks reach (the backend over HTTP, Postgres over its wire
 * protocol) accepts the connection and never says a word. The answer must still come, at
 * the deadline, with each component marked as timed out, and nothing left open.
 */
let slack: FakeSlack;
let silent: Awaited<ReturnType<typeof startSilentTcp>>;
let bot: SlackHarness;

beforeAll(async () => {
  [slack, silent] = await Promise.all([startFakeSlack(), startSilentTcp()]);
  bot = await startSlackBot(slack, {
    checks: FOUNDATION_CHECKS,
    env: { AUTH_BASE_URL: silent.url('http'), DATABASE_URL: `${silent.url('postgres')}/ctx` },
    yaml: 'checks: { cacheMs: 0, timeoutMs: 800 }\nschedules: []\nwatch: { enabled: false }\n',
    // The status feature alone: the bot's self-check would spend its own 10 s on the silent store.
    app: { features: [statusFeature] },
  });
});
afterAll(async () => {
  await bot.close();
  await Promise.all([slack.close(), silent.close()]);
});

describe('fault: a check target that accepts and never answers', () => {
  it('/ctx status is answered at the deadline, each silent component marked timed out, and no connection is left open', async () => {
    for (const round of [1, 2]) {
      const channel = `C0SILENT${round}`;
      slack.slashCommand('status', { channel });
      const answer = await slack.waitFor(
        () => [...slack.messages.values()].find((m) => m.channel === channel && !m.text.startsWith('⏳')),
        10_000,
      );
      expect(answer.text).toMatch(/^🔴 default/);
      const body = JSON.stringify(answer.blocks);
      for (const title of ['Backend', 'Postgres']) expect(body).toContain(`*${title}*`);
      expect(answer.text.match(/timed out: no answer within 800 ms/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
      // Whatever depends on them is not blamed on its own.
      expect(answer.text.split('\n')[0]).not.toContain('UI failing');
    }
    expect(silent.accepted()).toBeGreaterThanOrEqual(4);
    // Nothing is left hanging on the silent server (idle HTTP keep-alive sockets go after 4 s).
    await slack.waitFor(() => silent.openSockets() === 0, 10_000);
  });
});
