import { WebClient } from '@slack/web-api';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedulesFeature } from '../../src/app/schedules.js';
import { LEADER_LOCK_KEY } from '../../src/runtime/leader.js';
import { createStore } from '../../src/store/store.js';
import { createSlackApi } from '../../src/slack/slack-api.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { buildBot } from '../support/harness.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { componentChecks } from '../support/fake-components.js';

let db: TestDatabase;
let slack: FakeSlack;
const checks = componentChecks([{ id: 'db' }]);
const YAML =
  'channels: { digest: C0DIGEST, alerts: C0ALERTS }\nwatch: { intervalSeconds: 1 }\nenvironments:\n  prod: { env: { AUTH_BASE_URL: "http://127.0.0.1:9" } }\n';

beforeAll(async () => {
  [db, slack] = await Promise.all([createTestDatabase('sched_life'), startFakeSlack()]);
});
afterAll(async () => {
  await Promise.all([db.drop(), slack.close()]);
});

/** Sessions holding the leader lock in this test's database. */
const leaderLocks = async () =>
  (
    await db.query(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) + objid::bigint) = $1
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [LEADER_LOCK_KEY.toString()],
    )
  ).rows[0]!.n as number;

describe('schedules feature lifecycle', () => {
  it('in the shell nothing runs in the background, and the outbox refuses at once', async () => {
    const store = createStore(db.url, pino({ level: 'silent' }));
    const h = buildBot({ checks, yaml: YAML, app: { store, features: [schedulesFeature] } });
    try {
      await h.bot.start({ surface: 'shell', slack: null });
      await store.ready();
      await new Promise((r) => setTimeout(r, 300));
      expect(await leaderLocks()).toBe(0);
      const outbox = h.bot.core.services.get('outbox')!;
      await expect(outbox.post({ channel: 'C0DIGEST', text: 'x' })).rejects.toThrow(/not connected to Slack/);
      expect((await db.query(`SELECT count(*)::int AS n FROM ctx_ops.check_history`)).rows[0]!.n).toBe(0);
    } finally {
      await h.close();
    }
  });

  it('under Slack without a store it says what needs one, and the outbox still posts for other features', async () => {
    const h = buildBot({ checks, yaml: YAML, app: { store: null, features: [schedulesFeature] } });
    try {
      const api = createSlackApi(
        new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
        h.redactor,
      );
      await h.bot.start({ surface: 'slack', slack: api });
      expect(h.logs.some((l) => l.includes('need the ctx_ops store') && l.includes('they are off'))).toBe(true);
      const outbox = h.bot.core.services.get('outbox')!;
      const { ts } = await outbox.post({ channel: 'C0INCIDENTS', text: 'from another feature' });
      expect(slack.messages.get(ts)?.text).toBe('from another feature');
    } finally {
      await h.close();
    }
  });

  it('under Slack with a store it leads, watches, and releases the lock when stopped', async () => {
    const h = buildBot({
      checks,
      yaml: YAML,
      app: { store: createStore(db.url, pino({ level: 'silent' })), features: [schedulesFeature] },
    });
    const api = createSlackApi(
      new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
      h.redactor,
    );
    try {
      await h.bot.start({ surface: 'slack', slack: api });
      expect(await leaderLocks()).toBe(1);
      await slack.waitFor(() => h.logs.some((l) => l.includes('watch cycle done')) || undefined, 10_000);
      expect(
        (await db.query(`SELECT count(*)::int AS n FROM ctx_ops.check_history WHERE source = 'watch'`)).rows[0]!.n,
      ).toBeGreaterThan(0);
      expect(h.logs.some((l) => l.includes('"schedule":"daily-digest"') && l.includes('schedule started'))).toBe(true);
    } finally {
      await h.close();
    }
    expect(await leaderLocks()).toBe(0);
  });
});
