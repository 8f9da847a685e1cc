import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedulesFeature } from '../../src/app/schedules.js';
import { createStore } from '../../src/store/store.js';
import { recordingConversation } from '../support/conversation.js';
import { buildBot, type Harness } from '../support/harness.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { componentChecks } from '../support/fake-components.js';

let db: TestDatabase;
let h: Harness;
const checks = componentChecks([
  { id: 'graph', title: 'Graph DB' },
  { id: 'db', title: 'Database' },
]);
const YAML = `
timezone: UTC
environments:
  prod: { env: { AUTH_BASE_URL: "http://127.0.0.1:9" } }
  staging: { env: { AUTH_BASE_URL: "http://127.0.0.1:9" } }
maintenance:
  - { environments: [staging], checks: [graph], from: "2020-01-01T00:00:00Z", to: "2099-01-01T00:00:00Z", reason: "graph migration" }
`;

beforeAll(async () => {
  db = await createTestDatabase('sched_silence');
  h = buildBot({
    checks,
    yaml: YAML,
    app: { store: createStore(db.url, pino({ level: 'silent' })), features: [schedulesFeature] },
  });
});
afterAll(async () => {
  await h.close();
  await db.drop();
});

async function say(text: string, bot: Harness = h) {
  const rec = recordingConversation();
  const outcome = await bot.bot.router.dispatch({
    text,
    actor: { userId: 'U0ALICE01' },
    surface: 'slack',
    conversation: rec.conversation,
  });
  return { outcome, posted: rec.posted.map((p) => p.msg.text), ephemeral: rec.ephemerals.map((m) => m.text) };
}

describe('/ctx silence, /ctx silences, /ctx unsilence', () => {
  it.each([
    ['silence', /which check\?/],
    ['silence grpah 1h', /there is no check `grpah` \(known: graph, db, or all\)/],
    ['silence graph', /for how long\?/],
    ['silence graph 30', /`30` is not a duration/],
    ['silence graph 31d', /at most 30 d/],
    ['silence graph 1h --env mars', /no environment `mars` \(known: prod, staging\)/],
    ['unsilence', /which silence\?/],
    ['unsilence abc', /which silence\?/],
    ['silences now', /unexpected `now`/],
  ])('"%s" answers privately with what is wrong and the usage', async (text, why) => {
    const r = await say(text);
    expect(r.outcome.usageError).toBe(true);
    expect(r.posted).toEqual([]);
    expect(r.ephemeral[0]).toMatch(why);
  });

  it('silences a check in the default environment, says so in the channel, and lists it', async () => {
    const r = await say('silence graph 2h FalkorDB upgrade');
    expect(r.posted[0]).toMatch(
      /^🔕 <@U0ALICE01> silenced \*Graph DB\* on \*prod\* for 2 h \(until .*\): FalkorDB upgrade\. Alerts are recorded, not posted\. `\/ctx unsilence \d+` lifts it\.$/,
    );
    const list = await say('silences');
    expect(list.ephemeral[0]).toMatch(/🔕 #\d+ \*Graph DB\* on \*prod\* until .* by <@U0ALICE01>: FalkorDB upgrade/);
    expect(list.ephemeral[0]).toMatch(/🛠 maintenance: Graph DB on staging, .*: graph migration \(ctx-ops.yml\)/);
  });

  it('`all` covers every check, and every environment', async () => {
    const r = await say('mute all 30m all release night');
    expect(r.posted[0]).toMatch(/silenced every check on every environment for 30 min .*: release night/);
    const { rows } = await db.query(
      `SELECT env, check_id, reason FROM ctx_ops.silences WHERE reason = 'release night'`,
    );
    expect(rows).toEqual([{ env: null, check_id: '*', reason: 'release night' }]);
  });

  it('unsilence lifts a silence once; an unknown or lifted id is said plainly', async () => {
    const made = await say('silence db 1h staging');
    const id = /unsilence (\d+)/.exec(made.posted[0]!)![1];
    const lifted = await say(`unsilence #${id}`);
    expect(lifted.posted[0]).toMatch(new RegExp(`lifted silence #${id} \\(\\*Database\\* on \\*staging\\*\\)`));
    const again = await say(`unsilence ${id}`);
    expect(again.ephemeral[0]).toBe(`There is no active silence #${id}. \`/ctx silences\` lists them.`);
    expect((await say('silences')).ephemeral[0]).not.toContain(`#${id} `);
  });

  it('without a store it says what is needed instead of failing', async () => {
    const bare = buildBot({ checks, yaml: YAML, app: { store: null, features: [schedulesFeature] } });
    try {
      const r = await say('silence graph 1h', bare);
      expect(r.outcome.usageError).toBeUndefined();
      expect(r.ephemeral[0]).toMatch(/Silences are kept in the bot's own database .* set CTX_OPS_DATABASE_URL/);
      // Maintenance windows come from ctx-ops.yml and are listed all the same.
      expect((await say('silences', bare)).ephemeral[0]).toContain('maintenance: Graph DB on staging');
    } finally {
      await bare.close();
    }
  });
});
