import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsCheck } from '../../src/diagnostics/checks/migrations.js';
import { postgresCheck } from '../../src/diagnostics/checks/postgres.js';
import { schedulesFeature } from '../../src/app/schedules.js';
import { statusFeature } from '../../src/status/feature.js';
import { createStore } from '../../src/store/store.js';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../support/fake-slack.js';
import { adminUrl, createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';
import { startTcpProxy, targetOf, type TcpProxy } from '../support/tcp-proxy.js';

/**
 * The store is ctx|'s own Postgres (the default): both the bot's store and the
 * environment's DATABASE_URL go through a TCP proxy in front of the test Postgres, which
 * the test cuts (every connection destroyed, new ones reset) and restores. Real bots
 * behind real Bolt, the fake Slack, real checks (postgres, and migrations which depends
 * on it).
 */
const FAILURE_THRESHOLD = 3;
const SUCCESS_THRESHOLD = 2;
const YAML = `
channels: { alerts: C0ALERTS }
schedules: []
checks:
  cacheMs: 0
  timeoutMs: 3000
  # A shared test server: other tests' connections and transactions are not this test's business.
  postgres: { connectionsWarnPercent: 100, longQueryMinutes: 100000 }
watch: { intervalSeconds: 1, failureThreshold: ${FAILURE_THRESHOLD}, successThreshold: ${SUCCESS_THRESHOLD}, remindEveryMinutes: 0 }
`;
const silent = pino({ level: 'silent' });

let proxy: TcpProxy;
let db: TestDatabase;
let viaProxy: string;

beforeAll(async () => {
  [proxy, db] = await Promise.all([startTcpProxy(targetOf(adminUrl())), createTestDatabase('sched_outage')]);
  viaProxy = proxy.via(db.url);
  // ctx|'s migrations ran once: the migrations check is healthy while Postgres is.
  await db.query(`CREATE SCHEMA drizzle;
    CREATE TABLE drizzle.__drizzle_migrations (id serial PRIMARY KEY, hash text NOT NULL, created_at bigint, name text, applied_at timestamptz);
    INSERT INTO drizzle.__drizzle_migrations (hash, created_at, name, applied_at) VALUES ('0', 0, '20260101000000_init', now());`);
});
afterAll(async () => {
  await proxy.close();
  await db.drop();
});

const startBot = (slack: FakeSlack, token: string, features = [statusFeature, schedulesFeature]) =>
  startSlackBot(slack, {
    checks: [postgresCheck, migrationsCheck],
    env: { DATABASE_URL: viaProxy, SLACK_BOT_TOKEN: token },
    yaml: YAML,
    logLevel: 'debug',
    app: { store: createStore(viaProxy, silent), ...(features ? { features } : {}) },
  });

interface Line {
  msg: string;
  time: number;
  bad?: string[];
}
/** Polls an async probe until it returns something (bounded). */
async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out waiting for the store');
    await new Promise((r) => setTimeout(r, 50));
  }
}
const lines = (bot: SlackHarness): Line[] => bot.logs.map((l) => JSON.parse(l) as Line);
const said = (bot: SlackHarness, text: string) => lines(bot).filter((l) => l.msg.includes(text));
/** Watch cycles the bot finished since `from` (a log index) in which Postgres failed, or did not. */
const cycles = (bot: SlackHarness, from: number, postgres: 'failing' | 'healthy') =>
  lines(bot)
    .slice(from)
    .filter(
      (l) =>
        l.msg === 'watch cycle done' && (l.bad?.includes('default/postgres') ?? false) === (postgres === 'failing'),
    );

describe("when the store (ctx|'s own Postgres) is unreachable", () => {
  it('the leader keeps watching: the Postgres alert is posted, then resolved in its thread, and the store records it; a follower stays quiet', async () => {
    const slack = await startFakeSlack();
    let leader: SlackHarness | undefined;
    let follower: SlackHarness | undefined;
    try {
      leader = await startBot(slack, 'xoxb-test-leader');
      const a = leader;
      await slack.waitFor(() => said(a, 'now runs the schedules').length > 0);
      follower = await startBot(slack, 'xoxb-test-follower');
      const b = follower;
      // Healthy store cycles first: the leader's memory starts from the store's state.
      await slack.waitFor(() => cycles(a, 0, 'healthy').length >= 2, 15_000);
      const alertsChannel = () => [...slack.messages.values()].filter((m) => m.channel === 'C0ALERTS');
      expect(alertsChannel()).toHaveLength(0);

      const cutAt = a.logs.length;
      proxy.cut();
      // Not before failureThreshold bad cycles in a row.
      await slack.waitFor(() => cycles(a, cutAt, 'failing').length >= FAILURE_THRESHOLD - 1, 15_000);
      expect(alertsChannel()).toHaveLength(0);
      const alert: StoredMessage = await slack.waitFor(() => alertsChannel().find((m) => !m.threadTs), 15_000);
      // (The cycle that decided it logs its end after handing the alert to the outbox: wait for it.)
      await slack.waitFor(() => cycles(a, cutAt, 'failing').length >= FAILURE_THRESHOLD);
      expect(alert.text).toMatch(/^🔴 Postgres failing on default/);
      const blocks = JSON.stringify(alert.blocks);
      // The root cause speaks for what it breaks; the migrations check does not alert on its own.
      expect(blocks).toContain('Also failing because of it: Migrations');
      expect(blocks).toContain(`${FAILURE_THRESHOLD} bad checks in a row`);
      expect(blocks).toContain('cannot reach its own store');
      expect(said(a, 'still leading, degraded')).toHaveLength(1);
      expect(said(a, 'the store is unreachable: the watch goes on')).toHaveLength(1);

      // A few more cycles during the outage: nothing more is posted, by either bot.
      const more = cycles(a, cutAt, 'failing').length + 2;
      await slack.waitFor(() => cycles(a, cutAt, 'failing').length >= more, 15_000);
      expect(alertsChannel()).toHaveLength(1);
      expect(said(b, 'now runs the schedules')).toHaveLength(0);
      expect(lines(b).filter((l) => l.msg === 'watch cycle done')).toHaveLength(0);

      const restoreAt = a.logs.length;
      proxy.restore();
      const replies = () => alertsChannel().filter((m) => m.threadTs === alert.ts);
      await slack.waitFor(() => cycles(a, restoreAt, 'healthy').length >= SUCCESS_THRESHOLD - 1, 15_000);
      expect(replies()).toHaveLength(0);
      const note = await slack.waitFor(() => replies()[0], 15_000);
      await slack.waitFor(() => cycles(a, restoreAt, 'healthy').length >= SUCCESS_THRESHOLD);
      expect(note.text).toMatch(/^✅ Resolved: Postgres on default is healthy again after \d+ s of downtime/);
      await slack.waitFor(() => alert.updates > 0 || undefined);
      expect(alert.text).toMatch(/^✅ Resolved: Postgres on default/);

      // The store has the alert (raised in memory), resolved, with where it was posted.
      const stored = await eventually(async () => {
        const { rows } = await db.query(
          `SELECT check_id, severity, resolved_at, downtime_ms, channel, ts FROM ctx_ops.alerts ORDER BY id`,
        );
        return rows.length === 1 && rows[0]!.resolved_at !== null && rows[0]!.ts !== null ? rows : undefined;
      });
      expect(stored[0]).toMatchObject({ check_id: 'postgres', severity: 'fail', channel: 'C0ALERTS', ts: alert.ts });
      const state = await db.query(
        `SELECT state FROM ctx_ops.alert_state WHERE env = 'default' AND check_id = 'postgres'`,
      );
      expect(state.rows[0]!.state.open).toBeUndefined();

      // A couple more cycles: exactly one alert message and one resolution, from the leader only.
      const settled = cycles(a, restoreAt, 'healthy').length + 2;
      await slack.waitFor(() => cycles(a, restoreAt, 'healthy').length >= settled, 15_000);
      expect(alertsChannel()).toHaveLength(2);
      expect(alertsChannel().filter((m) => !m.threadTs)).toEqual([alert]);
      expect(alert.updates).toBe(1);
      const writes = slack.calls.filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.update');
      expect(writes.every((c) => c.token === 'xoxb-test-leader')).toBe(true);
      expect(said(a, 'the store is back and the leader lock is taken again')).toHaveLength(1);
      expect(said(a, 'check results were not recorded in the history during the outage')).toHaveLength(1);
      expect(said(b, 'now runs the schedules')).toHaveLength(0);
      // History resumed after the outage (and none was written during it).
      const history = await db.query(`SELECT count(*)::int AS n FROM ctx_ops.check_history WHERE status = 'fail'`);
      expect(history.rows[0]!.n).toBe(0);
    } finally {
      await follower?.close();
      await leader?.close();
      proxy.restore();
      await slack.close();
    }
  }, 60_000);

  it('a bot that starts while the store is down still answers /ctx status, and says once that it cannot lead', async () => {
    const slack = await startFakeSlack();
    proxy.cut();
    let bot: SlackHarness | undefined;
    try {
      // Every feature of the real bot, not only this one.
      bot = await startSlackBot(slack, {
        checks: [postgresCheck, migrationsCheck],
        env: { DATABASE_URL: viaProxy },
        yaml: YAML,
        logLevel: 'debug',
        app: { store: createStore(viaProxy, silent) },
      });
      const b = bot;
      const before = slack.messages.size;
      slack.slashCommand('status');
      const msg = await slack.finalMessage(before, 15_000);
      expect(msg.text).toMatch(/Postgres failing/);
      // A few lock attempts later it still does not lead, and has said why once.
      const attempts = said(b, 'watch cycle done').length;
      await new Promise((r) => setTimeout(r, 2_500));
      expect(said(b, 'watch cycle done').length).toBe(attempts);
      expect(attempts).toBe(0);
      expect(said(b, 'now runs the schedules')).toHaveLength(0);
      expect(said(b, 'cannot reach the store to elect a leader')).toHaveLength(1);
      expect(said(b, 'cannot reach the store to elect a leader')[0]!.msg).toContain('cannot lead');
      expect([...slack.messages.values()].filter((m) => m.channel === 'C0ALERTS')).toHaveLength(0);
    } finally {
      await bot?.close();
      proxy.restore();
      await slack.close();
    }
  }, 30_000);
});
