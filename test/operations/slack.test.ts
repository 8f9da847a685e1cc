import { truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOperationsFeature, type OperationsFeature } from '../../src/operations/feature.js';
import { createStore } from '../../src/store/store.js';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';
import { describeWithPgTools, seedCtx, silentLog, tempDir, TOOL_ENV } from './helpers.js';
import { rows } from './setup.js';

/** Backups through the real Bolt app and the fake Slack: buttons, threads, user groups, restore tests. */
const AUTH_SECRET = 'Slack-Ops-Auth-Secret-planted-0123456789';
const DB_PASSWORD = 'Slack-Ops-Db-Pa55word';
const logs: string[] = [];
let slack: FakeSlack;
let db: TestDatabase;
const tmp = tempDir('ops-slack');
const backupDir = join(tmp.dir, 'backups');
const yaml = (extra = '') => `
channels: { alerts: C0ALERTS1, digest: C0DIGEST1 }
environments:
  prod: { production: true, env: { DATABASE_URL: "DBURL", AUTH_SECRET: "${AUTH_SECRET}" } }
operations:
  backupDir: ${backupDir}
${extra}
permissions:
  prod: { request: [U0ALICE01], approve: [U0ALICE01, U0BOB0001, S0LEADS], channels: [C0OPS0001] }
`;

async function start(extraYaml = ''): Promise<SlackHarness & { ops: OperationsFeature }> {
  const fx = {
    env: TOOL_ENV,
    yaml: yaml(extraYaml).replace('DBURL', dbUrl),
    app: {
      store: createStore(db.url, silentLog),
      features: [createOperationsFeature({ progressIntervalMs: 100, recoverEveryMs: 3_600_000 })],
    },
  };
  const h = await startSlackBot(slack, fx as Parameters<typeof startSlackBot>[1]);
  const close = h.close;
  return {
    ...h,
    async close() {
      await close();
      logs.push(...h.logs);
    },
    ops: h.bot.features.find((f) => f.name === 'operations') as OperationsFeature,
  };
}

beforeAll(async () => {
  [slack, db] = await Promise.all([startFakeSlack(), createTestDatabase('ops_slack')]);
  await seedCtx(db, 100);
  const u = new URL(db.url);
  u.password = DB_PASSWORD; // trust auth ignores it; the bot must never repeat it
  dbUrl = u.toString();
  slack.handle('usergroups.users.list', (args) => ({ users: args.usergroup === 'S0LEADS' ? ['U0CAROL01'] : [] }));
});
let dbUrl: string;
afterAll(async () => {
  const everything =
    slack.everything() + logs.join('\n') + JSON.stringify(await rows(db, 'SELECT * FROM ctx_ops.audit_log'));
  expect(logs.length).toBeGreaterThan(0);
  for (const s of [AUTH_SECRET, DB_PASSWORD]) expect(everything).not.toContain(s);
  await Promise.all([slack.close(), db.drop()]);
  tmp.cleanup();
});

const inThread = (ts: string) => [...slack.messages.values()].filter((m) => m.threadTs === ts);
async function requestBackup(): Promise<StoredMessage> {
  const before = slack.messages.size;
  slack.slashCommand('backup prod', { user: 'U0ALICE01', channel: 'C0OPS0001' });
  return slack.waitFor(() =>
    [...slack.messages.values()].slice(before).find((m) => m.text.startsWith('Back up prod?')),
  );
}

describeWithPgTools('backups from Slack', () => {
  it('Confirm by a member of an approving user group: progress and result in the thread, the confirmation shows the outcome', async () => {
    const bot = await start();
    try {
      const conf = await requestBackup();
      expect(conf.channel).toBe('C0OPS0001');
      slack.click(conf, 'ctx.approval.confirm', { user: 'U0CAROL01' });
      const result = await slack.waitFor(
        () => inThread(conf.ts).find((m) => m.text.startsWith('✅ Back up prod:')),
        20_000,
      );
      expect(JSON.stringify(result.blocks)).toMatch(/sha256 `[0-9a-f]{64}`/);
      expect(JSON.stringify(result.blocks)).toContain('confirmed by <@U0CAROL01>');
      const progress = inThread(conf.ts).find((m) => /Backup of \*?prod\*? written and verified/.test(m.text));
      expect(progress).toBeDefined();
      await slack.waitFor(() => /succeeded/.test(conf.text));
      expect(JSON.stringify(conf.blocks)).not.toContain('ctx.approval.confirm');
      expect(slack.calls.some((c) => c.method === 'usergroups.users.list' && c.args.usergroup === 'S0LEADS')).toBe(
        true,
      );
    } finally {
      await bot.close();
    }
  });

  it('50 concurrent clicks through Bolt run one backup; 49 clickers are told privately', async () => {
    const bot = await start();
    try {
      const conf = await requestBackup();
      const approvalId = JSON.stringify(conf.blocks).match(/"value":"(ap_[^"]+)"/)![1];
      const clicks = Array.from({ length: 50 }, (_, i) =>
        slack.click(conf, 'ctx.approval.confirm', { user: i % 2 ? 'U0BOB0001' : 'U0CAROL01' }),
      );
      await Promise.all(clicks.map((c) => c.acked));
      await slack.waitFor(() => inThread(conf.ts).find((m) => m.text.startsWith('✅ Back up prod:')), 20_000);
      const ids = new Set(clicks.map((c) => c.responseUrl.split('/').pop()));
      const replies = await slack.waitFor(() => {
        const r = slack.responses.filter((x) => ids.has(x.id));
        return r.length >= 49 ? r : undefined;
      });
      expect(replies).toHaveLength(49);
      for (const r of replies) {
        expect(r.body.response_type).toBe('ephemeral');
        expect(String(r.body.text)).toMatch(/already confirmed/);
      }
      expect(await rows(db, 'SELECT id FROM ctx_ops.runs WHERE approval_id = $1', [approvalId])).toHaveLength(1);
      expect(inThread(conf.ts).filter((m) => m.text.startsWith('✅ Back up prod:'))).toHaveLength(1);
    } finally {
      await bot.close();
    }
  });

  it('the requester cannot confirm their own production backup (told privately)', async () => {
    const bot = await start();
    try {
      const conf = await requestBackup();
      const c = slack.click(conf, 'ctx.approval.confirm', { user: 'U0ALICE01' });
      const r = await slack.waitFor(() => slack.responses.find((x) => x.id === c.responseUrl.split('/').pop()));
      expect(r.body.response_type).toBe('ephemeral');
      expect(String(r.body.text)).toMatch(/two-person rule/);
      expect(inThread(conf.ts)).toEqual([]);
    } finally {
      await bot.close();
    }
  });
});

describeWithPgTools('restore tests', () => {
  it('pass: posted to the digest channel; a damaged backup: an alert in the alerts channel', async () => {
    const bot = await start();
    try {
      const ok = await bot.ops.restoreTestNow('prod');
      expect(ok.status).toBe('passed');
      const posted = await slack.waitFor(() =>
        [...slack.messages.values()].find(
          (m) => m.channel === 'C0DIGEST1' && m.text.includes('Restore test of prod passed'),
        ),
      );
      expect(posted.text).toMatch(/rows: organizations 3, repositories 100, connections 7/);
      const [b] = await rows<{ restore_test_ok: boolean }>(
        db,
        `SELECT restore_test_ok FROM ctx_ops.backups WHERE id = (SELECT max(id) FROM ctx_ops.backups WHERE state = 'verified')`,
      );
      expect(b!.restore_test_ok).toBe(true);

      truncateSync(ok.backup!.path, 100);
      const bad = await bot.ops.restoreTestNow('prod');
      expect(bad.status).toBe('failed');
      const alert = await slack.waitFor(() =>
        [...slack.messages.values()].find(
          (m) => m.channel === 'C0ALERTS1' && m.text.includes('Restore test of prod FAILED'),
        ),
      );
      expect(alert.text).toMatch(/changed since it was verified/);
      const [audit] = await rows<{ event: string }>(
        db,
        `SELECT event FROM ctx_ops.audit_log WHERE kind = 'restore-test' ORDER BY id DESC LIMIT 1`,
      );
      expect(audit!.event).toBe('restore-test-failed');
    } finally {
      await bot.close();
    }
  });

  it('run on their schedule, each slot once even with two replicas', async () => {
    // A fresh verified backup to test.
    const taker = await start();
    try {
      const conf = await requestBackup();
      slack.click(conf, 'ctx.approval.confirm', { user: 'U0BOB0001' });
      await slack.waitFor(() => inThread(conf.ts).find((m) => m.text.startsWith('✅ Back up prod:')), 20_000);
    } finally {
      await taker.close();
    }
    const everySecond = '  restoreTest: { cron: "* * * * * *" }';
    const [a, b] = [await start(everySecond), await start(everySecond)];
    try {
      await new Promise((r) => setTimeout(r, 3500));
    } finally {
      await a.close();
      await b.close();
    }
    const runs = await rows<{ slot: string; n: string }>(
      db,
      `SELECT slot, count(*)::text AS n FROM ctx_ops.runs WHERE kind = 'restore-test' AND slot IS NOT NULL GROUP BY slot`,
    );
    expect(runs.length).toBeGreaterThanOrEqual(1);
    for (const r of runs) expect(r.n).toBe('1');
    const passed = [...slack.messages.values()].filter(
      (m) => m.channel === 'C0DIGEST1' && m.text.includes('Restore test of prod passed'),
    );
    // One post per slot (plus the one from the previous test).
    expect(passed.length).toBe(runs.length + 1);
  });
});
