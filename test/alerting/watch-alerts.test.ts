import { WebClient } from '@slack/web-api';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAlerter, type Alerter } from '../../src/alerting/alerter.js';
import { getAlert } from '../../src/store/alerts.js';
import { createOutbox, type OutboxService } from '../../src/runtime/outbox.js';
import { pacedSlackApi } from '../../src/slack/paced.js';
import { resolveScheduleSettings } from '../../src/config/schedules.js';
import { createWatch, type Watch } from '../../src/alerting/watch.js';
import { createStore, type Store } from '../../src/store/store.js';
import { createSlackApi } from '../../src/slack/slack-api.js';
import { recordingConversation } from '../support/conversation.js';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../support/fake-slack.js';
import { buildBot, type Harness } from '../support/harness.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { componentChecks, startFakeComponents, type FakeComponents } from '../support/fake-components.js';

let slack: FakeSlack;
let components: FakeComponents;
let db: TestDatabase;
let store: Store;
let h: Harness;
let outbox: OutboxService;
let watch: Watch;
let alerter: Alerter;

const SECRET = 'auth-secret-value-0123456789abcdefXYZ';
const checks = componentChecks([
  { id: 'db', title: 'Database' },
  { id: 'api', title: 'API', dependsOn: ['db'] },
  { id: 'graph', title: 'Graph DB' },
]);

beforeAll(async () => {
  [slack, components, db] = await Promise.all([
    startFakeSlack(),
    startFakeComponents(),
    createTestDatabase('sched_watch'),
  ]);
  store = createStore(db.url, pino({ level: 'silent' }));
  h = buildBot({
    checks,
    app: { store },
    yaml: `
timezone: Europe/Berlin
channels: { alerts: C0ALERTS }
environments:
  prod: { env: { AUTH_BASE_URL: "${components.url}", AUTH_SECRET: "${SECRET}" } }
  staging: { env: { AUTH_BASE_URL: "${components.url}" } }
watch: { failureThreshold: 3, successThreshold: 2 }
maintenance:
  - { environments: [staging], checks: [graph], from: "2020-01-01T00:00:00Z", to: "2099-01-01T00:00:00Z", reason: "graph migration" }
`,
  });
  const settings = resolveScheduleSettings(h.config);
  outbox = createOutbox({ log: h.bot.core.log, minIntervalMs: 10 });
  const api = createSlackApi(
    new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
    h.redactor,
  );
  outbox.attach(pacedSlackApi(api, h.redactor, h.bot.core.log));
  watch = createWatch({
    diagnostics: h.bot.core.diagnostics,
    store,
    envs: ['prod', 'staging'],
    rules: settings.watch.rules,
    intervalMs: 60_000,
    concurrency: 2,
    maintenance: settings.maintenance,
    alerter: (alerter = createAlerter({
      store,
      outbox,
      channel: settings.watch.channel,
      titles: h.bot.core.diagnostics.titles,
      timeZone: 'Europe/Berlin',
      failureThreshold: 3,
      log: h.bot.core.log,
      now: () => new Date(),
    })),
    isLeader: () => true,
    log: h.bot.core.log,
    now: () => new Date(),
  });
});
afterAll(async () => {
  await outbox.close(0);
  await h.close(); // closes the store too
  await Promise.all([slack.close(), components.close(), db.drop()]);
});
beforeEach(async () => {
  // Every test starts healthy, with no open alert left by the previous one.
  for (const env of ['prod', 'staging']) for (const c of ['db', 'api', 'graph']) components.set(env, c, 'ok');
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
const alertRows = async () =>
  (await db.query(`SELECT env, check_id, severity, silenced_by, resolved_at, ts FROM ctx_ops.alerts ORDER BY id`)).rows;

describe('watch and alerts (real checks on loopback, real store, fake Slack)', () => {
  it('alerts once after three failing cycles, for the root cause only, naming what it breaks', async () => {
    components.set('prod', 'db', 'fail', 'connection refused');
    components.set('prod', 'api', 'fail');
    await cycles(2);
    expect(posted()).toHaveLength(0);
    await cycles(1);
    expect(top()).toHaveLength(1);
    const [alert] = top();
    expect(alert!.channel).toBe('C0ALERTS');
    expect(alert!.text).toContain('Database failing on prod');
    expect(alert!.text).toContain('connection refused');
    expect(JSON.stringify(alert!.blocks)).toContain('Also failing because of it: API');
    await cycles(2);
    expect(posted()).toHaveLength(1);
    const rows = await alertRows();
    expect(rows.filter((r) => !r.resolved_at).map((r) => `${r.env}/${r.check_id}`)).toEqual(['prod/db']);
  });

  it('says "resolved" in the alert\'s thread after two good cycles, with the downtime, and marks the alert resolved', async () => {
    components.set('prod', 'db', 'fail');
    await cycles(3);
    const [alert] = top();
    components.set('prod', 'db', 'ok');
    await cycles(1);
    expect(replies(alert!)).toHaveLength(0);
    await cycles(1);
    const [note] = replies(alert!);
    expect(note!.text).toMatch(/Resolved: Database on prod is healthy again after \d+ s of downtime/);
    expect(alert!.updates).toBe(1);
    expect(alert!.text).toMatch(/^✅ Resolved: Database on prod/);
    expect(top()).toHaveLength(1);
  });

  it("a reminder goes into the alert's thread (the state machine decides when: see alert-rules.test.ts)", async () => {
    components.set('prod', 'db', 'fail', 'connection refused');
    await cycles(3);
    const [alert] = top();
    const { rows } = await db.query(
      `SELECT id FROM ctx_ops.alerts WHERE env = 'prod' AND check_id = 'db' AND resolved_at IS NULL`,
    );
    const record = (await getAlert(store, String(rows[0]!.id)))!;
    alerter.enqueue({
      action: { kind: 'remind', severity: 'fail', since: record.since.toISOString() },
      alert: record,
      result: { id: 'db', status: 'fail', summary: 'connection refused', details: [], durationMs: 1 },
      dependents: [],
    });
    await alerter.idle();
    expect(replies(alert!).map((r) => r.text)).toEqual([
      expect.stringMatching(/^🔴 Still failing after \d+ s: connection refused$/),
    ]);
    expect(top()).toHaveLength(1);
  });

  it('flapping (ok/fail alternating) never alerts', async () => {
    for (let i = 0; i < 4; i++) {
      components.set('prod', 'graph', 'fail');
      await cycles(1);
      components.set('prod', 'graph', 'ok');
      await cycles(1);
    }
    expect(posted()).toHaveLength(0);
  });

  it('a warning alerts as a warning; when it starts failing the same message is updated', async () => {
    components.set('prod', 'graph', 'warn', 'slow: 2.4 s');
    await cycles(3);
    const [alert] = top();
    expect(alert!.text).toContain('Graph DB degraded on prod');
    components.set('prod', 'graph', 'fail', 'unreachable');
    await cycles(1);
    expect(top()).toHaveLength(1);
    expect(alert!.updates).toBe(1);
    expect(alert!.text).toContain('Graph DB failing on prod');
    expect(JSON.stringify(alert!.blocks)).toContain('escalated from warning');
    components.set('prod', 'graph', 'ok');
    await cycles(2);
  });

  it('/ctx silence: the alert is recorded, not posted; after /ctx unsilence it is posted', async () => {
    const rec = recordingConversation();
    await h.bot.router.dispatch({
      text: 'silence graph 1h FalkorDB upgrade prod',
      actor: { userId: 'U0ALICE01' },
      surface: 'slack',
      conversation: rec.conversation,
    });
    expect(rec.posted[0]!.msg.text).toMatch(
      /silenced \*Graph DB\* on \*prod\* for 1 h .*FalkorDB upgrade.*\/ctx unsilence (\d+)/,
    );
    const id = /unsilence (\d+)/.exec(rec.posted[0]!.msg.text)![1]!;
    components.set('prod', 'graph', 'fail');
    await cycles(4);
    expect(posted()).toHaveLength(0);
    const [row] = (await alertRows()).filter((r) => !r.resolved_at);
    expect(row).toMatchObject({
      env: 'prod',
      check_id: 'graph',
      silenced_by: `silence #${id}: FalkorDB upgrade`,
      ts: null,
    });

    await h.bot.router.dispatch({
      text: `unsilence ${id}`,
      actor: { userId: 'U0ALICE01' },
      surface: 'slack',
      conversation: rec.conversation,
    });
    await cycles(1);
    expect(top()).toHaveLength(1);
    expect(JSON.stringify(top()[0]!.blocks)).toContain('held back by a silence or maintenance window, which has ended');
    components.set('prod', 'graph', 'ok');
    await cycles(2);
  });

  it('a maintenance window in ctx-ops.yml holds back alerts the same way', async () => {
    components.set('staging', 'graph', 'fail');
    await cycles(4);
    expect(posted()).toHaveLength(0);
    const row = (await alertRows()).find((r) => r.env === 'staging' && !r.resolved_at);
    expect(row?.silenced_by).toBe('maintenance: graph migration (until 2099-01-01T00:00:00Z)');
    components.set('staging', 'graph', 'ok');
    await cycles(2);
  });

  it("a secret in a check's summary reaches neither Slack nor the history", async () => {
    components.set('prod', 'db', 'fail', `login failed with password ${SECRET}`);
    await cycles(3);
    expect(top()).toHaveLength(1);
    expect(slack.everything()).not.toContain(SECRET);
    expect(top()[0]!.text).toContain('[redacted]');
    const { rows } = await db.query(
      `SELECT summary FROM ctx_ops.check_history UNION ALL SELECT summary FROM ctx_ops.alerts`,
    );
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    components.set('prod', 'db', 'ok');
    await cycles(2);
  });

  it('records every check of every cycle in the history', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM ctx_ops.check_history`)).rows[0]!.n as number;
    await cycles(3);
    const after = (await db.query(`SELECT count(*)::int AS n FROM ctx_ops.check_history`)).rows[0]!.n as number;
    expect(after - before).toBe(3 * 2 * 3);
  });
});
