import { WebClient } from '@slack/web-api';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAlerter } from '../../src/alerting/alerter.js';
import { createOutbox, type OutboxService } from '../../src/runtime/outbox.js';
import { pacedSlackApi } from '../../src/slack/paced.js';
import { resolveScheduleSettings } from '../../src/config/schedules.js';
import { createWatch, type Watch } from '../../src/alerting/watch.js';
import { createStore, type Store } from '../../src/store/store.js';
import { createSlackApi } from '../../src/slack/slack-api.js';
import { recordingConversation } from '../support/conversation.js';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../support/fake-slack.js';
import { buildBot, type Harness } from '../support/harness.js';
import { adminUrl, createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startTcpProxy, targetOf } from '../support/tcp-proxy.js';
import { componentChecks, startFakeComponents, type FakeComponents } from '../support/fake-components.js';

/**
 * The watch while its leader is degraded (leading through a store outage, see leader.ts):
 * the store is real and reachable here, but a degraded leader must not use it, so what
 * these tests see is exactly what the watch keeps in memory and writes back on recovery.
 * test/alerting/store-outage.test.ts cuts a real connection end to end.
 */
let slack: FakeSlack;
let components: FakeComponents;
let db: TestDatabase;
let store: Store;
let h: Harness;
let outbox: OutboxService;

const checks = componentChecks([
  { id: 'db', title: 'Database' },
  { id: 'api', title: 'API', dependsOn: ['db'] },
  { id: 'graph', title: 'Graph DB' },
]);
const flags = { leading: true, degraded: false };

beforeAll(async () => {
  [slack, components, db] = await Promise.all([
    startFakeSlack(),
    startFakeComponents(),
    createTestDatabase('sched_degraded'),
  ]);
  store = createStore(db.url, pino({ level: 'silent' }));
  h = buildBot({
    checks,
    app: { store },
    yaml: `
channels: { alerts: C0ALERTS }
environments:
  prod: { env: { AUTH_BASE_URL: "${components.url}" } }
watch: { failureThreshold: 3, successThreshold: 2 }
`,
  });
  outbox = createOutbox({ log: h.bot.core.log, minIntervalMs: 10 });
  const api = createSlackApi(
    new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
    h.redactor,
  );
  outbox.attach(pacedSlackApi(api, h.redactor, h.bot.core.log));
});
afterAll(async () => {
  await outbox.close(0);
  await h.close();
  await Promise.all([slack.close(), components.close(), db.drop()]);
});

let watch: Watch;
const newWatch = (intervalMs = 60_000, watchStore = store) => {
  const store = watchStore;
  const settings = resolveScheduleSettings(h.config);
  const log = h.bot.core.log;
  return createWatch({
    diagnostics: h.bot.core.diagnostics,
    store,
    envs: ['prod'],
    rules: settings.watch.rules,
    intervalMs,
    concurrency: 2,
    maintenance: settings.maintenance,
    alerter: createAlerter({
      store,
      outbox,
      channel: settings.watch.channel,
      titles: h.bot.core.diagnostics.titles,
      timeZone: 'UTC',
      failureThreshold: 3,
      replica: 'vm:42',
      log,
      now: () => new Date(),
    }),
    isLeader: () => flags.leading,
    isDegraded: () => flags.degraded,
    log,
    now: () => new Date(),
  });
};

beforeEach(async () => {
  flags.leading = true;
  flags.degraded = false;
  for (const c of ['db', 'api', 'graph']) components.set('prod', c, 'ok');
  watch = newWatch();
  await cycles(2);
  slack.messages.clear();
  slack.calls.length = 0;
});

async function cycles(n: number) {
  for (let i = 0; i < n; i++) {
    await watch.runCycle();
    await watch.settled();
  }
}
const posted = (): StoredMessage[] => [...slack.messages.values()];
const top = () => posted().filter((m) => !m.threadTs);
const replies = (m: StoredMessage) => posted().filter((r) => r.threadTs === m.ts);
const history = async () =>
  (await db.query(`SELECT count(*)::int AS n FROM ctx_ops.check_history`)).rows[0]!.n as number;
const openRows = async () =>
  (
    await db.query(
      `SELECT id, check_id, silenced_by, channel, ts FROM ctx_ops.alerts WHERE resolved_at IS NULL ORDER BY id`,
    )
  ).rows;

describe('the watch of a degraded leader (alert state in memory)', () => {
  it('alerts by the same rules, says the store is unreachable, writes no history; on recovery the store gets the alert and its resolution goes into its thread once', async () => {
    const rowsBefore = await history();
    flags.degraded = true;
    components.set('prod', 'db', 'fail', 'connection refused');
    components.set('prod', 'api', 'fail');
    await cycles(2);
    expect(posted()).toHaveLength(0);
    await cycles(1);
    expect(top()).toHaveLength(1);
    const [alert] = top();
    expect(alert!.text).toContain('Database failing on prod');
    const blocks = JSON.stringify(alert!.blocks);
    expect(blocks).toContain('Also failing because of it: API');
    expect(blocks).toContain('cannot reach its own store');
    expect(blocks).toContain('replica vm:42');
    await cycles(2);
    expect(posted()).toHaveLength(1);
    expect(await history()).toBe(rowsBefore);
    expect(await openRows()).toEqual([]);

    // Back: the first cycle writes what memory decided before anything else.
    flags.degraded = false;
    await cycles(1);
    const [row] = await openRows();
    expect(row).toMatchObject({ check_id: 'db', channel: 'C0ALERTS', ts: alert!.ts, silenced_by: null });
    const state = (await db.query(`SELECT state FROM ctx_ops.alert_state WHERE env = 'prod' AND check_id = 'db'`))
      .rows[0]!.state;
    expect(state.open.id).toBe(String(row!.id));
    expect(await history()).toBe(rowsBefore + 3);
    expect(posted()).toHaveLength(1);

    components.set('prod', 'db', 'ok');
    components.set('prod', 'api', 'ok');
    await cycles(2);
    expect(replies(alert!).map((r) => r.text)).toEqual([
      expect.stringMatching(/^✅ Resolved: Database on prod is healthy again/),
    ]);
    expect(alert!.text).toMatch(/^✅ Resolved: Database on prod/);
    expect(top()).toHaveLength(1);
    expect(await openRows()).toEqual([]);
  });

  it('an alert raised before the outage is resolved in its thread during it, and the store learns it on recovery', async () => {
    components.set('prod', 'graph', 'fail');
    await cycles(3);
    const [alert] = top();
    expect(JSON.stringify(alert!.blocks)).not.toContain('cannot reach its own store');
    flags.degraded = true;
    components.set('prod', 'graph', 'ok');
    await cycles(2);
    expect(replies(alert!).map((r) => r.text)).toEqual([expect.stringMatching(/^✅ Resolved: Graph DB on prod/)]);
    expect((await openRows()).map((r) => r.check_id)).toEqual(['graph']); // the store has not heard yet
    flags.degraded = false;
    await cycles(2);
    expect(await openRows()).toEqual([]);
    const resolved = (
      await db.query(`SELECT downtime_ms FROM ctx_ops.alerts WHERE check_id = 'graph' ORDER BY id DESC LIMIT 1`)
    ).rows[0]!;
    expect(Number(resolved.downtime_ms)).toBeGreaterThanOrEqual(0);
    expect(posted()).toHaveLength(2);
    expect(top()).toHaveLength(1);
  });

  it('silences known at the last successful read stay in force while the store is unreachable', async () => {
    const rec = recordingConversation();
    await h.bot.router.dispatch({
      text: 'silence graph 1h FalkorDB upgrade prod',
      actor: { userId: 'U0ALICE01' },
      surface: 'slack',
      conversation: rec.conversation,
    });
    const id = /unsilence (\d+)/.exec(rec.posted[0]!.msg.text)![1]!;
    await cycles(1); // read by a store cycle
    flags.degraded = true;
    components.set('prod', 'graph', 'fail');
    await cycles(4);
    expect(posted()).toHaveLength(0);
    flags.degraded = false;
    await cycles(1);
    expect((await openRows()).map((r) => [r.check_id, r.silenced_by])).toEqual([
      ['graph', `silence #${id}: FalkorDB upgrade`],
    ]);
    await h.bot.router.dispatch({
      text: `unsilence ${id}`,
      actor: { userId: 'U0ALICE01' },
      surface: 'slack',
      conversation: rec.conversation,
    });
    components.set('prod', 'graph', 'ok');
    await cycles(2);
    expect(posted()).toHaveLength(0);
  });

  it('when the store fails under a cycle (the lock has not noticed yet), the cycle goes on in memory, and the next one that reaches the store writes it first', async () => {
    const proxy = await startTcpProxy(targetOf(adminUrl()));
    const viaProxy = createStore(proxy.via(db.url), pino({ level: 'silent' }));
    try {
      watch = newWatch(60_000, viaProxy);
      await cycles(2);
      const rowsBefore = await history();
      const logsFrom = h.logs.length;
      proxy.cut();
      components.set('prod', 'graph', 'fail', 'unreachable');
      await cycles(3);
      const [alert] = top();
      expect(alert!.text).toContain('Graph DB failing on prod');
      expect(JSON.stringify(alert!.blocks)).toContain('cannot reach its own store');
      expect(await history()).toBe(rowsBefore);
      proxy.restore();
      await cycles(1);
      expect((await openRows()).map((r) => [r.check_id, r.ts])).toEqual([['graph', alert!.ts]]);
      expect(await history()).toBe(rowsBefore + 3);
      components.set('prod', 'graph', 'ok');
      await cycles(2);
      expect(replies(alert!)).toHaveLength(1);
      expect(top()).toHaveLength(1);
      expect(await openRows()).toEqual([]);
      const said = (text: string) => h.logs.slice(logsFrom).filter((l) => l.includes(text));
      expect(said('the store is unreachable: the watch goes on')).toHaveLength(1);
      expect(said('9 check results were not recorded')).toHaveLength(1);
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
  });

  it('a degraded leader that steps down (another replica took the lock) says so in the thread of the alert only it knew', async () => {
    await watch.stop();
    watch = newWatch(100);
    flags.degraded = true;
    components.set('prod', 'db', 'fail');
    watch.start();
    try {
      const alert = await slack.waitFor(() => top()[0], 10_000);
      flags.leading = false;
      flags.degraded = false;
      const note = await slack.waitFor(() => replies(alert)[0], 10_000);
      expect(note.text).toContain('no longer leads');
      expect(note.text).toContain('/ctx check db prod');
      // Nothing of it reached the store: it is not this replica's to write any more.
      expect(await openRows()).toEqual([]);
    } finally {
      await watch.stop();
      await watch.settled();
    }
  });
});
