import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedulesFeature } from '../../src/app/schedules.js';
import { statusFeature } from '../../src/status/feature.js';
import { createStore } from '../../src/store/store.js';
import { startFakeSlack, TEAM_ID, type ApiCall, type FakeSlack } from '../support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';
import { componentChecks, startFakeComponents, type FakeComponents } from '../support/fake-components.js';

let slack: FakeSlack;
let components: FakeComponents;
let db: TestDatabase;
let bot: SlackHarness;
const checks = componentChecks([
  { id: 'db', title: 'Database' },
  { id: 'api', title: 'API', dependsOn: ['db'] },
]);

beforeAll(async () => {
  [slack, components, db] = await Promise.all([
    startFakeSlack(),
    startFakeComponents(),
    createTestDatabase('sched_home'),
  ]);
  components.set('staging', 'api', 'warn', 'slow: 2.4 s');
  const store = createStore(db.url, pino({ level: 'silent' }));
  await store.ready();
  const hourAgo = new Date(Date.now() - 3_600_000);
  await db.query(
    `INSERT INTO ctx_ops.digests (schedule, slot, channel, claimed_by, ts, posted_at, overall, snapshot) VALUES ('daily-digest', $1, 'C0DIGEST', 'x', '1.1', $1, 'warn', '{}')`,
    [hourAgo],
  );
  await db.query(
    `INSERT INTO ctx_ops.silences (env, check_id, reason, created_by, created_at, ends_at) VALUES ('staging', 'api', 'load test', 'U0BOB0001', $1, $2)`,
    [hourAgo, new Date(Date.now() + 3_600_000)],
  );
  bot = await startSlackBot(slack, {
    checks,
    app: { store, features: [statusFeature, schedulesFeature] },
    logLevel: 'info',
    yaml: `
channels: { alerts: C0ALERTS }
checks: { cacheMs: 0 }
environments:
  prod: { env: { AUTH_BASE_URL: "${components.url}" } }
  staging: { env: { AUTH_BASE_URL: "${components.url}" } }
watch: { intervalSeconds: 1, failureThreshold: 2 }
`,
  });
});
afterAll(async () => {
  await bot.close();
  await Promise.all([slack.close(), components.close(), db.drop()]);
});

const publishes = (user: string) => slack.calls.filter((c) => c.method === 'views.publish' && c.args.user_id === user);
const viewText = (c: ApiCall) => JSON.stringify((c.args.view as { blocks: unknown[] }).blocks);
const openHome = (user: string) =>
  slack.sendEnvelope('events_api', {
    token: 'verification-token',
    team_id: TEAM_ID,
    api_app_id: 'A0APP0001',
    type: 'event_callback',
    event_id: `Ev${Date.now()}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_home_opened', user, channel: 'D0HOME0001', tab: 'home', event_ts: `${Date.now() / 1000}` },
  });

describe('App Home', () => {
  it("publishes each environment's status, the last digest, open alerts and silences when the tab is opened", async () => {
    await openHome('U0ALICE01').acked;
    const call = await slack.waitFor(() => publishes('U0ALICE01')[0]);
    const view = call.args.view as { type: string };
    expect(view.type).toBe('home');
    const text = viewText(call);
    expect(text).toContain('All 2 checks healthy on prod');
    expect(text).toContain('staging: API degraded (1 warning)');
    expect(text).toContain('slow: 2.4 s');
    expect(text).toMatch(/\*Last digest:\* .* in <#C0DIGEST> \(daily-digest\)/);
    expect(text).toMatch(/🔕 #1 API on staging until .* by <@U0BOB0001>: load test/);
    expect(text).toContain('*Open alerts*');
  });

  it('is refreshed for recent viewers after a watch cycle changes what it shows (here: a new alert)', async () => {
    const before = publishes('U0ALICE01').length;
    components.set('prod', 'db', 'fail', 'connection refused');
    const alert = await slack.waitFor(() => [...slack.messages.values()].find((m) => m.channel === 'C0ALERTS'), 15_000);
    expect(alert.text).toContain('Database failing on prod');
    // The alert is in the tab, with the channel it was posted in.
    const refreshed = await slack.waitFor(
      () =>
        publishes('U0ALICE01')
          .slice(before)
          .find((c) => viewText(c).includes('on *prod* since') && viewText(c).includes('in <#C0ALERTS>')),
      15_000,
    );
    expect(viewText(refreshed)).toContain('🔴 Database on *prod* since');
    // Only once the content changed: further cycles with the same state publish nothing new.
    const count = publishes('U0ALICE01').length;
    await new Promise((r) => setTimeout(r, 2_500));
    expect(publishes('U0ALICE01').length).toBe(count);
    components.set('prod', 'db', 'ok');
  });

  it('ignores the Messages tab', async () => {
    const before = publishes('U0CAROL01').length;
    await slack.sendEnvelope('events_api', {
      token: 'verification-token',
      team_id: TEAM_ID,
      api_app_id: 'A0APP0001',
      type: 'event_callback',
      event_id: 'EvMsgTab',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_home_opened', user: 'U0CAROL01', channel: 'D0HOME0002', tab: 'messages', event_ts: '1.0' },
    }).acked;
    await new Promise((r) => setTimeout(r, 300));
    expect(publishes('U0CAROL01').length).toBe(before);
  });
});
