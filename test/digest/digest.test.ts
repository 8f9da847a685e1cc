import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupsInfo } from '../../src/contracts/services.js';
import type { Status } from '../../src/contracts/checks.js';
import { schedulesFeature } from '../../src/app/schedules.js';
import type { Block } from '../../src/contracts/chat.js';
import { LIMITS } from '../../src/ui/limits.js';
import { recordReport } from '../../src/diagnostics/history.js';
import { createStore, type Store } from '../../src/store/store.js';
import { terminalConversation } from '../../src/transports/terminal-conversation.js';
import { recordingConversation } from '../support/conversation.js';
import { buildBot, type Harness } from '../support/harness.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { componentChecks, startFakeComponents, type FakeComponents } from '../support/fake-components.js';

let components: FakeComponents;
let db: TestDatabase;
let store: Store;
let h: Harness;
const HOUR = 3_600_000;
// Half past the current hour: hourly windows then hold a known number of runs.
const NOW = Math.floor(Date.now() / HOUR) * HOUR + 30 * 60_000;
const checks = componentChecks([
  { id: 'db', title: 'Database' },
  { id: 'api', title: 'API', dependsOn: ['db'] },
  { id: 'migrations', title: 'Migrations', dependsOn: ['db'] },
]);

beforeAll(async () => {
  [components, db] = await Promise.all([startFakeComponents(), createTestDatabase('sched_digest')]);
  store = createStore(db.url, pino({ level: 'silent' }));
  h = buildBot({
    checks,
    app: { store, features: [schedulesFeature], now: () => new Date(NOW) },
    yaml: `
timezone: Europe/Berlin
checks: { cacheMs: 0 }
environments:
  prod: { env: { AUTH_BASE_URL: "${components.url}" } }
`,
  });
  const backups: BackupsInfo = {
    lastVerified: async (env) =>
      env === 'prod'
        ? {
            finishedAt: new Date(NOW - 5 * HOUR - 60_000),
            file: 'prod-20260330.dump',
            sizeBytes: 1.5 * 1024 ** 3,
            sha256: 'ab'.repeat(32),
          }
        : null,
    freshness: async () => ({
      postgres: { finishedAt: new Date(NOW - 5 * HOUR - 60_000), file: 'prod-20260330.dump' },
      graph: { finishedAt: new Date(NOW - 2 * 24 * HOUR), provider: 'falkordb', kind: 'server' },
      restoreTest: null,
    }),
  };
  h.bot.core.services.register('backups', backups);

  // Two days of hourly results: the database failed in 6 of the last 24 hours; latency climbs.
  for (let i = 47; i >= 0; i--) {
    const at = new Date(NOW - i * HOUR - 60_000).toISOString();
    const dbStatus: Status = i < 24 && i % 4 === 0 ? 'fail' : 'ok';
    await recordReport(
      store,
      {
        environment: 'prod',
        checkedAt: at,
        overall: 'ok',
        checks: [
          { id: 'db', status: dbStatus, summary: '', details: [], durationMs: 10 + (47 - i) * 5 },
          { id: 'api', status: 'ok', summary: '', details: [], durationMs: 30 },
        ],
      },
      'watch',
    );
  }
  // The previous digest, a day ago: everything was fine then; one alert came and went since.
  await db.query(
    `INSERT INTO ctx_ops.digests (schedule, slot, channel, claimed_by, ts, posted_at, overall, snapshot) VALUES ('daily-digest', $2, 'C0DIGEST', 'x', '1.1', $2, 'ok', $1)`,
    [JSON.stringify({ prod: { db: 'ok', api: 'ok', migrations: 'ok' } }), new Date(NOW - 24 * HOUR)],
  );
  await db.query(
    `INSERT INTO ctx_ops.alerts (env, check_id, severity, summary, since, opened_at, resolved_at, downtime_ms) VALUES ('prod', 'db', 'fail', 'down', $1, $1, $2, 3600000)`,
    [new Date(NOW - 3 * HOUR), new Date(NOW - 2 * HOUR)],
  );
});
afterAll(async () => {
  await h.close();
  await Promise.all([components.close(), db.drop()]);
});

const textOf = (blocks: Block[] | undefined) => JSON.stringify(blocks ?? []);

describe('/ctx digest', () => {
  it('preview: only the caller sees it, with uptime, trend, changes, migrations, backups, incidents and alerts', async () => {
    components.set('prod', 'db', 'fail', 'connection refused');
    components.set('prod', 'api', 'fail');
    components.set('prod', 'migrations', 'warn', '2 pending: 20260901_a, 20260902_b');
    const rec = recordingConversation();
    const out = await h.bot.router.dispatch({
      text: 'digest preview',
      actor: { userId: 'U0ALICE01' },
      surface: 'slack',
      conversation: rec.conversation,
    });
    expect(out.status).toBe('fail');
    expect(rec.posted).toHaveLength(0);
    const msg = rec.ephemerals[0]!;
    const all = textOf(msg.blocks);
    expect(msg.text).toMatch(
      /^ctx\| digest · \w{3} \d+ \w{3}: 🔴 prod: Database failing \(also breaks API, Migrations\)/,
    );
    // The 24 h window starts at the top of the hour a day ago: 25 hourly runs, 6 failed;
    // 7 days: 48 runs, 6 failed. A preview's own run is not recorded.
    expect(all).toContain('*Database*  76.00% 24h · 87.50% 7d');
    expect(all).toContain('*API*  100% 24h · 100% 7d');
    expect(all).toMatch(/`[▁▂▃▄▅▆▇█]{11,12}·?`/);
    expect(all).toContain('changes: Database ok → fail; API ok → fail; Migrations ok → warn');
    expect(all).toContain('migrations: 2 pending: 20260901_a, 20260902_b');
    expect(all).toContain(
      'backups: last verified 5 h 1 min ago (prod-20260330.dump, 1.5 GB); graph snapshot 2 d ago; restore test never passed',
    );
    expect(all).toContain('incidents: not tracked');
    expect(all).toMatch(/since the last digest \([^)]+\): 1 alert raised, 1 resolved, 1 h of downtime/);
    for (const c of ['db', 'api', 'migrations']) components.set('prod', c, 'ok');
  });

  it('now: posts it where it was typed and remembers it, so the next digest compares with it', async () => {
    const rec = recordingConversation();
    await h.bot.router.dispatch({
      text: 'digest now prod',
      actor: { userId: 'U0ALICE01', channelId: 'C0TEST' },
      surface: 'slack',
      conversation: rec.conversation,
    });
    expect(rec.posted).toHaveLength(1);
    expect(rec.final()[0]!.text).toMatch(/All 3 checks healthy on prod/);
    const { rows } = await db.query(
      `SELECT schedule, channel, ts, snapshot FROM ctx_ops.digests WHERE schedule = 'manual'`,
    );
    expect(rows).toEqual([
      {
        schedule: 'manual',
        channel: 'C0TEST',
        ts: rec.posted[0]!.ref.ts,
        snapshot: { prod: { db: 'ok', api: 'ok', migrations: 'ok' } },
      },
    ]);

    const again = recordingConversation();
    await h.bot.router.dispatch({
      text: 'digest preview',
      actor: { userId: 'U0ALICE01' },
      surface: 'slack',
      conversation: again.conversation,
    });
    expect(textOf(again.ephemerals[0]!.blocks)).toContain('changes: none since the last digest');
  });

  it('in the shell the preview prints as text', async () => {
    let printed = '';
    const conversation = terminalConversation({
      write: (s) => void (printed += s),
      redactor: h.redactor,
      mode: 'shell',
    });
    await h.bot.router.dispatch({ text: 'digest prod', actor: { userId: 'local:me' }, surface: 'shell', conversation });
    expect(printed).toMatch(/^ctx\| digest · /);
    expect(printed).toMatch(/✅ Database {2}76.00% 24h · 87.50% 7d {2}[▁▂▃▄▅▆▇█]{12}/);
    expect(printed).toContain('backups: last verified');
  });

  it.each([['digest later'], ['digest preview nowhere'], ['digest now --env mars']])(
    'answers "%s" with its usage, privately',
    async (text) => {
      const rec = recordingConversation();
      const out = await h.bot.router.dispatch({
        text,
        actor: { userId: 'U0ALICE01' },
        surface: 'slack',
        conversation: rec.conversation,
      });
      expect(out.usageError).toBe(true);
      expect(rec.posted).toHaveLength(0);
      expect(rec.ephemerals[0]!.text).toContain('Usage: `/ctx digest preview|now [env|all]`');
    },
  );
});

describe('digest without a store, over many environments', () => {
  it("stays within Slack's limits and says what needs a store", async () => {
    const envs = Array.from({ length: 100 }, (_, i) => `  e${i}: { env: { AUTH_BASE_URL: "${components.url}" } }`).join(
      '\n',
    );
    const big = buildBot({
      checks,
      app: { store: null, features: [schedulesFeature] },
      yaml: `environments:\n${envs}\n`,
    });
    try {
      for (let i = 0; i < 100; i += 7) components.set(`e${i}`, 'db', 'fail', 'x'.repeat(400));
      const rec = recordingConversation();
      await big.bot.router.dispatch({
        text: 'digest preview all',
        actor: { userId: 'U0ALICE01' },
        surface: 'slack',
        conversation: rec.conversation,
      });
      const msg = rec.ephemerals[0]!;
      expect(msg.blocks!.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
      for (const b of msg.blocks!)
        if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      expect(msg.text).toContain('15 of 100 environments need attention');
      expect(textOf(msg.blocks)).toContain('Healthy, nothing changed:');
      expect(textOf(msg.blocks)).toContain('need the ctx_ops store');
    } finally {
      await big.close();
    }
  });
});
