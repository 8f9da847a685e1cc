import { WebClient } from '@slack/web-api';
import pg from 'pg';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSchedulesFeature, type SchedulesTimings } from '../../src/app/schedules.js';
import { createRedactor } from '../../src/log/redactor.js';
import { createDelivery } from '../../src/alerting/delivery.js';
import { createDeliveryState } from '../../src/alerting/delivery-state.js';
import { createOutbox } from '../../src/runtime/outbox.js';
import { migrateStore, readStoreMigrations } from '../../src/store/migrate.js';
import { createStore } from '../../src/store/store.js';
import { createSlackApi } from '../../src/slack/slack-api.js';
import { recordingConversation } from '../support/conversation.js';
import { BOT_USER_ID, startFakeSlack, TEAM_ID, type FakeSlack, type StoredMessage } from '../support/fake-slack.js';
import { buildBot, type Harness } from '../support/harness.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startSlackBot } from '../support/slack-bot.js';
import { componentChecks, startFakeComponents, type FakeComponents } from '../support/fake-components.js';

/**
 * The whole schedules feature (real watch, real store, real outbox and Slack client)
 * against the fake Slack, with a channel that refuses and later accepts. The watch runs
 * every second and alerts after one bad result, so nothing here waits long; every wait
 * is for something a user would see (a message, a row), never a duration.
 */
const CHECKS = ['db', 'graph', 'api', 'worker', 'ui'] as const;
const TITLES: Record<string, string> = { db: 'Database', graph: 'Graph DB', api: 'API', worker: 'Worker', ui: 'UI' };
const checks = componentChecks(CHECKS.map((id) => ({ id, title: TITLES[id] })));
const FAST: SchedulesTimings = { retryBaseMs: 100, outboxIntervalMs: 10 };

let components: FakeComponents;
let slack: FakeSlack;
let db: TestDatabase;
const open: Harness[] = [];

beforeAll(async () => {
  components = await startFakeComponents();
});
afterAll(async () => {
  await components.close();
});
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  await Promise.all([slack?.close(), db?.drop()]);
  for (const c of CHECKS) components.set('prod', c, 'ok');
});

async function fresh(prefix: string) {
  [slack, db] = await Promise.all([startFakeSlack(), createTestDatabase(prefix)]);
  slack.channelNames.set('C0ALERTS', 'alerts');
  slack.channelNames.set('C0DIGEST', 'digest');
  slack.channelNames.set('C0OPS', 'ops');
}

const yamlFor = (extra = '', schedules = 'schedules: []') => `
channels: { alerts: C0ALERTS, digest: C0DIGEST }
environments:
  prod: { env: { AUTH_BASE_URL: "${components.url}" } }
${schedules}
watch: { intervalSeconds: 1, failureThreshold: 1, successThreshold: 1, remindEveryMinutes: 0 }
${extra}`;

/** The bot with the schedules feature on a Web API client (no Socket Mode needed). */
async function startBot(extra = '', timings: SchedulesTimings = FAST, schedules = 'schedules: []'): Promise<Harness> {
  const store = createStore(db.url, pino({ level: 'silent' }));
  const h = buildBot({
    checks,
    yaml: yamlFor(extra, schedules),
    app: { store, features: [createSchedulesFeature(timings)] },
  });
  open.push(h);
  const api = createSlackApi(
    new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
    h.redactor,
  );
  await h.bot.start({ surface: 'slack', slack: api });
  await store.ready();
  return h;
}

async function stop(h: Harness) {
  open.splice(open.indexOf(h), 1);
  await h.close();
}

const inChannel = (channel: string): StoredMessage[] =>
  [...slack.messages.values()].filter((m) => m.channel === channel && !m.threadTs);
const threadOf = (m: StoredMessage) => [...slack.messages.values()].filter((r) => r.threadTs === m.ts);
const blocksText = (m: StoredMessage) => JSON.stringify(m.blocks);
const alertsAbout = (title: string) =>
  inChannel('C0ALERTS').filter((m) => m.text.startsWith(`🔴 ${title} failing on prod`));
const owed = async () =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ctx_ops.alerts WHERE pending_since IS NOT NULL`))
    .rows[0]!.n;
const health = (h: Harness) => h.bot.core.services.get('delivery')!;
const cyclesSeen = (h: Harness) => h.logs.filter((l) => l.includes('watch cycle done')).length;
/** A few more watch cycles (each may post again if something were wrong). */
async function moreCycles(h: Harness, n = 3) {
  const start = cyclesSeen(h);
  await slack.waitFor(() => cyclesSeen(h) >= start + n, 20_000);
}
async function owedAtLeast(n: number) {
  const deadline = Date.now() + 20_000;
  while ((await owed()) < n) {
    if (Date.now() > deadline) throw new Error(`expected ${n} owed alerts, have ${await owed()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
async function until(probe: () => Promise<boolean>, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('no alert is lost when Slack refuses the alerts channel', () => {
  it('not_in_channel: kept, the cause shown with its fix; once accepted every open alert arrives once, the resolved one is summarised once', async () => {
    await fresh('deliv_refuse');
    slack.refuse('C0ALERTS', 'not_in_channel');
    const h = await startBot('delivery: { retryMaxSeconds: 1 }');
    components.set('prod', 'db', 'fail', 'connection refused');
    components.set('prod', 'graph', 'fail', 'FalkorDB unreachable');
    components.set('prod', 'api', 'fail', 'HTTP 500');
    await owedAtLeast(3);

    // The cause, with the sentence that fixes it, for doctor / App Home / the digest.
    await slack.waitFor(() =>
      health(h)
        .problems()
        .find((p) => p.channel === 'C0ALERTS' && p.waiting === 3),
    );
    expect(health(h).problems()).toEqual([
      expect.objectContaining({
        channel: 'C0ALERTS',
        purpose: 'alerts',
        error: 'not_in_channel',
        fix: 'type /invite @ctx-ops in #alerts',
        waiting: 3,
      }),
    ]);
    expect(
      h.logs.some((l) => l.includes('cannot post to #alerts (not_in_channel): type /invite @ctx-ops in #alerts')),
    ).toBe(true);

    // The API recovers while nothing can be posted.
    components.set('prod', 'api', 'ok');
    await until(
      async () =>
        (await db.query(`SELECT 1 FROM ctx_ops.alerts WHERE check_id = 'api' AND resolved_at IS NOT NULL`)).rowCount ===
        1,
      'the API alert to resolve',
    );
    expect(inChannel('C0ALERTS')).toHaveLength(0);
    // Slack was retried, but with backoff: a handful of attempts, not a hot loop.
    const refused = slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0ALERTS').length;
    expect(refused).toBeGreaterThan(1);

    slack.accept('C0ALERTS');
    await until(async () => (await owed()) === 0, 'everything owed to be posted');
    await moreCycles(h);

    expect(alertsAbout('Database')).toHaveLength(1);
    expect(alertsAbout('Graph DB')).toHaveLength(1);
    const [dbAlert] = alertsAbout('Database');
    expect(dbAlert!.text).toContain('connection refused');
    expect(blocksText(dbAlert!)).toMatch(/Posted late: I could not post here from \d\d:\d\d \w+ \(not_in_channel\)/);
    const summaries = inChannel('C0ALERTS').filter((m) => m.text.startsWith('📬 While I could not post here'));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.text).toContain('not_in_channel');
    expect(summaries[0]!.text).toMatch(
      /1 alert opened and resolved: API on prod \(\d\d:\d\d \w+–\d\d:\d\d \w+, \d+ s\)/,
    );
    // Nothing else: the two open alerts and the one summary.
    expect(inChannel('C0ALERTS')).toHaveLength(3);
    await slack.waitFor(() => health(h).problems().length === 0);

    // Once posted, the alert lives on as usual: its resolution goes into its thread.
    components.set('prod', 'db', 'ok');
    await slack.waitFor(() => threadOf(dbAlert!).find((m) => m.text.startsWith('✅ Resolved: Database on prod')));
  });

  it('member_joined_channel for the bot posts what is owed at once (the backoff is an hour here)', async () => {
    await fresh('deliv_event');
    slack.refuse('C0ALERTS', 'not_in_channel');
    const store = createStore(db.url, pino({ level: 'silent' }));
    const h = await startSlackBot(slack, {
      checks,
      yaml: yamlFor(),
      app: { store, features: [createSchedulesFeature({ retryBaseMs: 3_600_000, outboxIntervalMs: 10 })] },
    });
    open.push(h);
    await store.ready();
    components.set('prod', 'db', 'fail', 'connection refused');
    await owedAtLeast(1);
    await slack.waitFor(() => health(h).problems().length === 1);

    slack.accept('C0ALERTS');
    await slack.event({
      type: 'member_joined_channel',
      user: BOT_USER_ID,
      channel: 'C0ALERTS',
      channel_type: 'C',
      team: TEAM_ID,
      inviter: 'U0ALICE01',
    });
    await slack.waitFor(() => alertsAbout('Database').length === 1);
    await until(async () => (await owed()) === 0, 'nothing owed');
    expect(h.logs.some((l) => l.includes('invited to a channel; posting what is owed there now'))).toBe(true);
    await slack.waitFor(() => health(h).problems().length === 0);
  });

  it('the event reaching a replica that does not lead is passed to the leader through the store', async () => {
    await fresh('deliv_follower');
    slack.refuse('C0ALERTS', 'not_in_channel');
    const slow = { retryBaseMs: 3_600_000, outboxIntervalMs: 10 };
    const leader = await startBot('', slow);
    components.set('prod', 'db', 'fail', 'connection refused');
    await owedAtLeast(1);
    await until(
      async () => (await db.query(`SELECT 1 FROM ctx_ops.delivery_problems WHERE channel = 'C0ALERTS'`)).rowCount === 1,
      'the problem to be shared',
    );
    const follower = await startBot('', slow);
    // The follower sees the leader's problem too (doctor and App Home may run on any replica).
    await health(follower).refresh!();
    expect(health(follower).problems()).toEqual([
      expect.objectContaining({
        channel: 'C0ALERTS',
        error: 'not_in_channel',
        fix: 'type /invite @ctx-ops in #alerts',
      }),
    ]);

    slack.accept('C0ALERTS');
    const [handler] = follower.bot.events.get('member_joined_channel')!;
    await handler!({
      type: 'member_joined_channel',
      event: { type: 'member_joined_channel', user: BOT_USER_ID, channel: 'C0ALERTS' },
      actor: { userId: BOT_USER_ID },
      conversation: recordingConversation().conversation,
    });
    await slack.waitFor(() => alertsAbout('Database').length === 1);
    await moreCycles(leader);
    expect(alertsAbout('Database')).toHaveLength(1);
  });

  it('channel_unarchive does the same for an archived alerts channel', async () => {
    await fresh('deliv_unarch');
    slack.refuse('C0ALERTS', 'is_archived');
    const store = createStore(db.url, pino({ level: 'silent' }));
    const h = await startSlackBot(slack, {
      checks,
      yaml: yamlFor(),
      app: { store, features: [createSchedulesFeature({ retryBaseMs: 3_600_000, outboxIntervalMs: 10 })] },
    });
    open.push(h);
    await store.ready();
    components.set('prod', 'graph', 'fail', 'FalkorDB unreachable');
    await owedAtLeast(1);
    await slack.waitFor(() => health(h).problems()[0]);
    expect(health(h).problems()[0]!.fix).toBe(
      '#alerts is archived: unarchive it, or set channels.alerts in ctx-ops.yml to another channel',
    );

    slack.accept('C0ALERTS');
    await slack.event({ type: 'channel_unarchive', channel: 'C0ALERTS', user: 'U0ALICE01' });
    await slack.waitFor(() => alertsAbout('Graph DB').length === 1);
  });

  it('the replay is bounded: delivery.replayMax alerts one by one, the rest in one summary whose thread then follows them', async () => {
    await fresh('deliv_bound');
    slack.refuse('C0ALERTS', 'not_in_channel');
    const h = await startBot('delivery: { replayMax: 2, retryMaxSeconds: 1 }');
    for (const c of CHECKS) components.set('prod', c, 'fail', `${c} is down`);
    await owedAtLeast(CHECKS.length);

    slack.accept('C0ALERTS');
    await until(async () => (await owed()) === 0, 'everything owed to be posted');
    await moreCycles(h);
    const posted = inChannel('C0ALERTS');
    expect(posted).toHaveLength(3);
    const own = posted.filter((m) => m.text.startsWith('🔴'));
    expect(own.map((m) => m.text.split(' failing')[0])).toEqual(['🔴 Database', '🔴 Graph DB']);
    const [summary] = posted.filter((m) => m.text.startsWith('📬'));
    expect(summary!.text).toMatch(
      /3 more alerts are still open: API on prod failing since .*api is down · Worker on prod failing since .*worker is down · UI on prod failing since .*ui is down/,
    );
    expect(blocksText(summary!)).toContain('reminders and resolutions go into this thread');

    // A summarised alert's resolution goes into the summary's thread, naming it; the summary itself is left as it was.
    components.set('prod', 'worker', 'ok');
    await slack.waitFor(() => threadOf(summary!).find((m) => m.text.startsWith('✅ Resolved: Worker on prod')));
    expect(summary!.updates).toBe(0);
  });

  it('with delivery.fallback, a refused alert goes there at once with why and where it belongs; the alerts channel gets it once it works', async () => {
    await fresh('deliv_fallback');
    slack.refuse('C0ALERTS', 'not_in_channel');
    const h = await startBot('delivery: { fallback: [C0OPS, U0ONCALL1], retryMaxSeconds: 1 }');
    components.set('prod', 'db', 'fail', 'connection refused');
    await slack.waitFor(() => inChannel('C0OPS').length === 1 && inChannel('U0ONCALL1').length === 1);
    for (const target of ['C0OPS', 'U0ONCALL1']) {
      const [copy] = inChannel(target);
      expect(copy!.text).toContain('Database failing on prod');
      expect(blocksText(copy!)).toContain(
        'Posted here because I could not post to <#C0ALERTS> (not_in_channel). Fix: type /invite @ctx-ops in #alerts. It goes to <#C0ALERTS> as soon as that works.',
      );
    }
    await moreCycles(h);
    // Once per target, however many retries of the alerts channel failed meanwhile.
    expect(inChannel('C0OPS')).toHaveLength(1);
    expect(inChannel('U0ONCALL1')).toHaveLength(1);

    slack.accept('C0ALERTS');
    await slack.waitFor(() => alertsAbout('Database').length === 1);
    const [primary] = alertsAbout('Database');
    expect(blocksText(primary!)).toMatch(/A copy went to <#C0OPS> at \d\d:\d\d \w+, <@U0ONCALL1> at/);
    // The copies point to it now, and nobody is paged again there.
    await slack.waitFor(
      () =>
        inChannel('C0OPS')[0]!.updates >= 1 &&
        blocksText(inChannel('C0OPS')[0]!).includes('Posting to <#C0ALERTS> works again'),
    );
    await moreCycles(h);
    expect(inChannel('C0OPS')).toHaveLength(1);
    expect(alertsAbout('Database')).toHaveLength(1);
  });

  it('removed from the channel after an alert was posted: its resolution is kept, then the message is updated and the thread told, once', async () => {
    await fresh('deliv_removed');
    const h = await startBot('delivery: { retryMaxSeconds: 1 }');
    components.set('prod', 'db', 'fail', 'connection refused');
    await slack.waitFor(() => alertsAbout('Database').length === 1);
    const [alert] = alertsAbout('Database');

    slack.refuse('C0ALERTS', 'not_in_channel');
    components.set('prod', 'db', 'ok');
    await until(
      async () =>
        (
          await db.query(
            `SELECT 1 FROM ctx_ops.alerts WHERE check_id = 'db' AND resolved_at IS NOT NULL AND pending_since IS NOT NULL`,
          )
        ).rowCount === 1,
      'the resolution to be owed',
    );
    expect(alert!.text).toMatch(/^🔴 Database failing/);

    slack.accept('C0ALERTS');
    await until(async () => (await owed()) === 0, 'the resolution to be said');
    await moreCycles(h);
    expect(alert!.text).toMatch(/^✅ Resolved: Database on prod/);
    expect(threadOf(alert!).filter((m) => m.text.startsWith('✅ Resolved: Database on prod'))).toHaveLength(1);
    expect(inChannel('C0ALERTS')).toHaveLength(1);
  });

  it('an alert resolved while only its fallback copy was seen: resolved there in its thread, and summarised once in the alerts channel', async () => {
    await fresh('deliv_fb_resolved');
    slack.refuse('C0ALERTS', 'not_in_channel');
    const h = await startBot('delivery: { fallback: [C0OPS], retryMaxSeconds: 1 }');
    components.set('prod', 'graph', 'fail', 'FalkorDB unreachable');
    await slack.waitFor(() => inChannel('C0OPS').length === 1);
    const [copy] = inChannel('C0OPS');
    components.set('prod', 'graph', 'ok');
    await slack.waitFor(() => threadOf(copy!).find((m) => m.text.startsWith('✅ Resolved: Graph DB on prod')));
    await slack.waitFor(() => copy!.text.startsWith('✅ Resolved: Graph DB on prod'));

    slack.accept('C0ALERTS');
    await until(async () => (await owed()) === 0, 'everything owed to be said');
    await moreCycles(h);
    const posted = inChannel('C0ALERTS');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.text).toMatch(/^📬 While I could not post here .*1 alert opened and resolved: Graph DB on prod/);
    expect(blocksText(posted[0]!)).toContain('copies went to <#C0OPS> meanwhile');
    expect(inChannel('C0OPS')).toHaveLength(1);
  });

  it('after an upgrade, an open alert an earlier version lost (never posted, not held back) is posted once', async () => {
    await fresh('deliv_upgrade');
    const pool = new pg.Pool({ connectionString: db.url });
    try {
      await migrateStore(
        pool,
        pino({ level: 'silent' }),
        readStoreMigrations().filter((m) => m.name < '0006'),
      );
      const insert = `INSERT INTO ctx_ops.alerts (env, check_id, severity, summary, since, opened_at, silenced_by, channel, ts) VALUES ('prod', $1, 'fail', $2, now(), now(), $3, $4, $5)`;
      await pool.query(insert, ['db', 'connection refused', null, null, null]); // lost: Slack refused it
      await pool.query(insert, ['graph', 'FalkorDB unreachable', 'silence #1: upgrade', null, null]); // held back on purpose
      await pool.query(insert, ['api', 'HTTP 500', null, 'C0ALERTS', '1700000000.000001']); // posted
    } finally {
      await pool.end();
    }
    for (const c of ['db', 'graph', 'api']) components.set('prod', c, 'fail');
    const h = await startBot('delivery: { retryMaxSeconds: 1 }');
    await slack.waitFor(() => alertsAbout('Database').length === 1);
    await moreCycles(h);
    expect(inChannel('C0ALERTS').map((m) => m.text.split(' failing')[0])).toEqual(['🔴 Database']);
    expect(await owed()).toBe(0);
  });

  it('a restart while Slack refuses loses nothing: the new instance on the same store posts what is owed', async () => {
    await fresh('deliv_restart');
    slack.refuse('C0ALERTS', 'channel_not_found');
    const first = await startBot('delivery: { retryMaxSeconds: 1 }');
    components.set('prod', 'db', 'fail', 'connection refused');
    components.set('prod', 'graph', 'fail', 'FalkorDB unreachable');
    await owedAtLeast(2);
    await stop(first);

    const second = await startBot('delivery: { retryMaxSeconds: 1 }');
    await slack.waitFor(() => health(second).problems()[0]);
    expect(health(second).problems()[0]!.fix).toBe(
      '#alerts does not exist or is private without @ctx-ops in it: type /invite @ctx-ops in #alerts, or set channels.alerts in ctx-ops.yml to a channel id that exists',
    );
    slack.accept('C0ALERTS');
    await until(async () => (await owed()) === 0, 'everything owed to be posted');
    await moreCycles(second);
    expect(alertsAbout('Database')).toHaveLength(1);
    expect(alertsAbout('Graph DB')).toHaveLength(1);
    expect(inChannel('C0ALERTS')).toHaveLength(2);
  });

  it('a rate-limit storm when the channel comes back: everything is delivered, once, oldest first', async () => {
    await fresh('deliv_storm');
    slack.refuse('C0ALERTS', 'not_in_channel');
    const h = await startBot('delivery: { retryMaxSeconds: 1 }');
    // One more check fails per cycle, so each alert opens at its own time.
    const order = ['worker', 'db', 'ui', 'graph'] as const;
    for (const [i, c] of order.entries()) {
      components.set('prod', c, 'fail', `${c} is down`);
      await owedAtLeast(i + 1);
    }
    slack.fail('chat.postMessage', { status: 429, retryAfter: 1 }, 3);
    slack.accept('C0ALERTS');
    await until(async () => (await owed()) === 0, 'everything owed to be posted', 30_000);
    await moreCycles(h);
    expect(inChannel('C0ALERTS').map((m) => m.text.split(' failing')[0])).toEqual([
      '🔴 Worker',
      '🔴 Database',
      '🔴 UI',
      '🔴 Graph DB',
    ]);
    expect(h.logs.filter((l) => l.includes('Slack asked to slow down (429)')).length).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('the digest shows the delivery problem; a digest its own channel refuses is kept and posted (as of then) once', async () => {
    await fresh('deliv_digest');
    slack.refuse('C0ALERTS', 'not_in_channel');
    slack.refuse('C0DIGEST', 'not_in_channel');
    const h = await startBot(
      'delivery: { retryMaxSeconds: 1 }',
      FAST,
      'schedules:\n  - { name: tick, cron: "*/2 * * * * *", channel: digest }',
    );
    components.set('prod', 'db', 'fail', 'connection refused');
    await owedAtLeast(1);
    await slack.waitFor(() =>
      health(h)
        .problems()
        .find((p) => p.channel === 'C0ALERTS' && p.waiting >= 1),
    );

    const rec = recordingConversation();
    await h.bot.router.dispatch({
      text: 'digest preview',
      actor: { userId: 'U0ALICE01' },
      surface: 'slack',
      conversation: rec.conversation,
    });
    const preview = JSON.stringify(rec.ephemerals[0]!.blocks);
    expect(preview).toMatch(
      /could not post to <#C0ALERTS> \(alerts\) since \d\d:\d\d \w+: not_in_channel — type \/invite @ctx-ops in #alerts \(\d+ waiting\)/,
    );
    expect(rec.ephemerals[0]!.plain).toMatch(
      /⚠ could not post to C0ALERTS \(alerts\) since .*: not_in_channel — type \/invite @ctx-ops in #alerts/,
    );

    const owedDigests = async () =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ctx_ops.digests WHERE pending_since IS NOT NULL`))
        .rows[0]!.n;
    await until(async () => (await owedDigests()) >= 2, 'two digest ticks to be owed');
    slack.accept('C0DIGEST');
    const isLate = (m: StoredMessage) => blocksText(m).includes('posted late: it was due');
    await slack.waitFor(() => inChannel('C0DIGEST').find(isLate));
    await until(async () => (await owedDigests()) === 0, 'no digest owed');
    await moreCycles(h);
    const late = inChannel('C0DIGEST').filter(isLate);
    expect(late).toHaveLength(1);
    // It says what is still wrong elsewhere, not its own (now fixed) channel.
    expect(blocksText(late[0]!)).toMatch(/could not post to <#C0ALERTS> \(alerts\).*not_in_channel/);
    expect(blocksText(late[0]!)).not.toContain('could not post to <#C0DIGEST>');
    const superseded = await db.query(
      `SELECT count(*)::int AS n FROM ctx_ops.digests WHERE pending_error = 'superseded by a later digest'`,
    );
    expect(superseded.rows[0]!.n).toBeGreaterThanOrEqual(1);
  });
});

describe('exactly once across replicas', () => {
  it('two replicas that both believe they lead post each owed alert once', async () => {
    await fresh('deliv_twice');
    const store = createStore(db.url, pino({ level: 'silent' }));
    await store.ready();
    const ids = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];
    for (const [i, check] of ids.entries()) {
      await store.query(
        `INSERT INTO ctx_ops.alerts (env, check_id, severity, summary, since, opened_at, pending_since, pending_error)
         VALUES ('prod', $1, 'fail', $2, now(), now() + ($3 || ' milliseconds')::interval, now(), 'not_in_channel')`,
        [check, `${check} is down`, i],
      );
    }
    const replicas = ['replica-a', 'replica-b'].map((name) => {
      const log = pino({ level: 'silent' });
      const state = createDeliveryState({
        log,
        now: () => new Date(),
        retryBaseMs: 50,
        retryMaxMs: 200,
        roleOf: () => ({ purpose: 'alerts', configKey: 'channels.alerts' }),
        nameOf: () => undefined,
        botName: () => 'ctx-ops',
        waiting: () => 0,
      });
      const outbox = createOutbox({
        log,
        minIntervalMs: 10,
        observer: { delivered: (c) => state.ok(c), failed: () => {} },
      });
      outbox.attach(
        createSlackApi(
          new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
          createRedactor([]),
        ),
      );
      const delivery = createDelivery({
        store,
        outbox,
        state,
        alertsChannel: 'C0ALERTS',
        fallback: [],
        replayMax: 10,
        titles: {},
        timeZone: 'UTC',
        failureThreshold: 1,
        canDeliver: () => true,
        claimant: name,
        pollMs: 50,
        log,
        now: () => new Date(),
      });
      return { outbox, delivery };
    });
    try {
      for (const r of replicas) r.delivery.start();
      await until(async () => (await owed()) === 0, 'everything owed to be posted');
      await Promise.all(replicas.map((r) => r.delivery.idle()));
      const texts = inChannel('C0ALERTS').map((m) => m.text.split(' failing')[0]);
      expect(texts.sort()).toEqual(ids.map((c) => `🔴 ${c}`));
    } finally {
      for (const r of replicas) {
        r.delivery.stop();
        await r.outbox.close(0);
      }
      await store.close();
    }
  });
});
