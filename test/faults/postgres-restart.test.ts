import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsCheck } from '../../src/diagnostics/checks/migrations.js';
import { postgresCheck } from '../../src/diagnostics/checks/postgres.js';
import { quietStore } from '../incidents/support.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { adminUrl, createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';
import { startTcpProxy, targetOf, type TcpProxy } from '../support/tcp-proxy.js';

/**
 * Fault: Postgres (ctx|'s, which is also the bot's store here, as by default) goes away under
 * the running bot and comes back, twice. A TCP proxy in front of the test server stands in
 * for the restart: every connection is cut, new ones are reset, then it proxies again.
 * Socket Mode, real Bolt, real checks, the real store.
 */
let slack: FakeSlack;
let db: TestDatabase;
let proxy: TcpProxy;
let bot: SlackHarness;
const YAML = `
checks:
  cacheMs: 0
  timeoutMs: 3000
  postgres: { connectionsWarnPercent: 100, longQueryMinutes: 100000 }
schedules: []
watch: { enabled: false }
`;

beforeAll(async () => {
  [slack, db, proxy] = await Promise.all([
    startFakeSlack(),
    createTestDatabase('fault_pg'),
    startTcpProxy(targetOf(adminUrl())),
  ]);
  await db.query(`CREATE SCHEMA drizzle;
    CREATE TABLE drizzle.__drizzle_migrations (id serial PRIMARY KEY, hash text NOT NULL, created_at bigint, name text, applied_at timestamptz);
    INSERT INTO drizzle.__drizzle_migrations (hash, created_at, name, applied_at) VALUES ('0', 0, '20260101000000_init', now());`);
  const viaProxy = proxy.via(db.url);
  bot = await startSlackBot(slack, {
    checks: [postgresCheck, migrationsCheck],
    env: { DATABASE_URL: viaProxy },
    yaml: YAML,
    app: { store: quietStore(viaProxy) },
  });
  await bot.bot.core.store!.ready();
});
afterAll(async () => {
  await bot.close();
  await proxy.close();
  await Promise.all([slack.close(), db.drop()]);
});

let n = 0;
/** `/ctx <text>` in a channel of its own; resolves with everything the bot answered there. */
async function ask(text: string): Promise<string> {
  const channel = `C0PGR${String(++n).padStart(4, '0')}`;
  const cmd = slack.slashCommand(text, { channel });
  await cmd.acked;
  const id = cmd.responseUrl.split('/').pop();
  const answer = await slack.waitFor(
    () =>
      [...slack.messages.values()].find((m) => m.channel === channel && !m.text.startsWith('⏳'))?.text ??
      slack.responses.find((r) => r.id === id)?.body.text ??
      slack.calls.find((c) => c.method === 'chat.postEphemeral' && c.args.channel === channel)?.args.text,
    10_000,
  );
  return String(answer);
}

describe('fault: Postgres restarted under the bot', () => {
  it('commands keep being answered while it is down (saying so), and the checks and the store recover when it is back', async () => {
    expect(await ask('status')).toMatch(/^✅ All 2 checks healthy on default/);
    expect(await ask('silence postgres 1h before the restart')).toMatch(/^🔕/);

    for (let round = 1; round <= 2; round++) {
      proxy.cut();
      const down = await ask('status');
      expect(down).toMatch(/^🔴 default: Postgres failing/);
      // A command that needs the store says what is wrong instead of hanging or crashing.
      const silences = await ask('silences');
      expect(silences).not.toMatch(/^🔕/);
      expect(silences.length).toBeGreaterThan(10);

      proxy.restore();
      expect(await ask('status')).toMatch(/^✅ All 2 checks healthy on default/);
      expect(await ask(`silence migrations 1h after restart ${round}`)).toMatch(/^🔕/);
    }
    const list = await ask('silences');
    expect(list).toContain('before the restart');
    expect(list).toContain('after restart 2');
    // Still connected, and nothing logged as a crash.
    expect(slack.connections()).toBe(1);
    expect(bot.logs.filter((l) => /unhandled|uncaught|"level":60/i.test(l))).toEqual([]);
  });
});
