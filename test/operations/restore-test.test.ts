import { truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/contracts/chat.js';
import { sha256File } from '../../src/operations/backup/backup-runner.js';
import { compareRowCounts } from '../../src/operations/backup/row-comparison.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { describeWithPgTools, seedCtx, tempDir } from './helpers.js';
import { approvalIdOf, click, command, opsBot, rows, type OpsBot } from './setup.js';

/** `/ctx restore-test` against the real Postgres with the real pg_dump and pg_restore. */
const DB_PASSWORD = 'Restore-Test-Db-Pa55word';
const alice: Actor = { userId: 'U0ALICE01', userName: 'alice', channelId: 'C0OPS0001' };
const bob: Actor = { userId: 'U0BOB0001', userName: 'bob', channelId: 'C0OPS0001' };
let db: TestDatabase;
let bot: OpsBot;
const tmp = tempDir('restore-test');
const said: unknown[] = [];

beforeAll(async () => {
  db = await createTestDatabase('restore_test');
  await seedCtx(db, 500);
  const u = new URL(db.url);
  u.password = DB_PASSWORD; // trust auth ignores it; the bot must never repeat it
  bot = opsBot(db, {
    yaml: `
channels: { alerts: C0ALERTS1 }
environments:
  prod: { production: true, env: { DATABASE_URL: "${u.toString()}" } }
  staging: { production: false, env: { DATABASE_URL: "${u.toString()}" } }
operations:
  backupDir: ${join(tmp.dir, 'backups')}
  restoreTest: { enabled: false, rowToleranceRows: 20, rowTolerancePercent: 10 }
permissions:
  prod: { request: [U0ALICE01], approve: [U0BOB0001], channels: [C0OPS0001] }
  staging: { request: [U0ALICE01], approve: [U0BOB0001], channels: [C0OPS0001] }
`,
  });
  await bot.store.ready();
});
afterAll(async () => {
  await bot.close();
  const everything =
    JSON.stringify(said) + bot.logs.join('\n') + JSON.stringify(await rows(db, 'SELECT * FROM ctx_ops.audit_log'));
  await db.drop();
  tmp.cleanup();
  expect(everything).not.toContain(DB_PASSWORD);
});

/** Asks, confirms as bob, and returns the final result message's text. */
async function guarded(text: string): Promise<string> {
  const asked = await command(bot, text, alice);
  said.push(asked.posted, asked.ephemerals);
  const { id, ref } = approvalIdOf(asked);
  const rec = await click(bot, 'confirm', id, bob, ref);
  said.push(rec.posted, rec.updates, rec.ephemerals);
  const last = rec.final().at(-1)!;
  return `${last.text}\n${JSON.stringify(last.blocks ?? [])}`;
}
const lastBackup = async () =>
  (
    await rows<{ id: number; path: string; restore_test_ok: boolean | null; restore_test_summary: string | null }>(
      db,
      `SELECT id, path, restore_test_ok, restore_test_summary FROM ctx_ops.backups WHERE env = 'prod' AND state = 'verified' ORDER BY id DESC LIMIT 1`,
    )
  )[0]!;
const lastAudit = async () =>
  (
    await rows<{ event: string; detail: string }>(
      db,
      `SELECT event, detail FROM ctx_ops.audit_log WHERE kind = 'restore-test' AND approval_id IS NULL ORDER BY id DESC LIMIT 1`,
    )
  )[0]!;

it('the tolerance rule: within ±rows or ±percent passes, a table on one side only counts as 0 on the other', () => {
  const t = { rows: 20, percent: 10 };
  const c = compareRowCounts(
    [
      { table: 'a', rows: 1000 },
      { table: 'b', rows: 10 },
      { table: 'gone', rows: 5 },
      { table: 'big', rows: 1000 },
    ],
    [
      { table: 'a', rows: 1100 },
      { table: 'b', rows: 31 },
      { table: 'new', rows: 500 },
      { table: 'big', rows: 899 },
    ],
    t,
  );
  expect(Object.fromEntries(c.tables.map((x) => [x.table, x.ok]))).toEqual({
    a: true,
    b: false,
    big: false,
    gone: true,
    new: false,
  });
  expect(c.ok).toBe(false);
});

describeWithPgTools('/ctx restore-test', () => {
  it('refuses before a confirmation when there is no verified backup yet', async () => {
    const rec = await command(bot, 'restore-test staging', alice);
    expect(rec.ephemerals.map((e) => e.text).join(' ')).toMatch(/no verified backup of staging/);
    expect(rec.posted).toEqual([]);
  });

  it('restores the newest verified backup and finds every table as in the live database; recorded on the backup and in the audit log', async () => {
    expect(await guarded('backup prod')).toMatch(/^✅ Back up prod/);
    const asked = await command(bot, 'restore-test prod', alice);
    expect(asked.posted[0]!.msg.text).toMatch(/^Restore-test the latest backup of prod\?/);
    expect(JSON.stringify(asked.posted[0]!.msg.blocks)).toMatch(/at most 20 rows or 10%/);
    const { id, ref } = approvalIdOf(asked);
    const rec = await click(bot, 'confirm', id, bob, ref);
    said.push(rec.posted, rec.updates);
    const text = rec.final().at(-1)!.text;
    expect(text).toMatch(
      /^Restore-test the latest backup of prod: succeeded: restored in .*; 3 tables match the live database/,
    );
    const b = await lastBackup();
    expect(b.restore_test_ok).toBe(true);
    expect((await lastAudit()).event).toBe('restore-test-passed');
    // The run named its scratch database while it existed and cleared it once dropped.
    const [run] = await rows<{ scratch_db: string | null }>(
      db,
      `SELECT scratch_db FROM ctx_ops.runs WHERE kind = 'restore-test' ORDER BY id DESC LIMIT 1`,
    );
    expect(run!.scratch_db).toBeNull();
  });

  it('detects a row-count mismatch: rows the backup lacks beyond the tolerance fail the test', async () => {
    await db.query(
      `INSERT INTO repositories (id, org_id, name) SELECT 'late_' || g, 'org_1', 'late-' || g FROM generate_series(1, 200) g`,
    );
    try {
      const text = await guarded('restore-test prod');
      expect(text).toMatch(
        /^Restore-test the latest backup of prod: failed: row counts differ: .*1 of 3 tables differ/,
      );
      expect(text).toContain('repositories: backup 500, live 700 (allowed ±50)');
      expect((await lastBackup()).restore_test_ok).toBe(false);
      expect((await lastAudit()).event).toBe('restore-test-failed');
    } finally {
      await db.query(`DELETE FROM repositories WHERE id LIKE 'late_%'`);
    }
  });

  it('detects a truncated dump (even one whose recorded sha256 matches): pg_restore fails, the test fails', async () => {
    const b = await lastBackup();
    truncateSync(b.path, 2000);
    await db.query('UPDATE ctx_ops.backups SET sha256 = $1 WHERE id = $2', [await sha256File(b.path), b.id]);
    const text = await guarded('restore-test prod');
    expect(text).toMatch(
      /^Restore-test the latest backup of prod: failed: pg_restore exit 1: .*could not read from input file/,
    );
    expect((await lastBackup()).restore_test_ok).toBe(false);
    expect((await lastAudit()).detail).toMatch(/pg_restore/);
  });
});

describeWithPgTools('freshness in /ctx status', () => {
  it('shows the age of the last verified backup, the graph snapshot and the last restore test that passed', async () => {
    const rec = await command(bot, 'status prod', alice);
    const msg = rec.final().at(-1)!;
    expect(msg.text).toMatch(
      /Backups: Postgres backup \d+ s ago · graph snapshot none · restore test passed \d+ s ago/,
    );
    expect(JSON.stringify(msg.blocks)).toContain('Backups: Postgres backup');
  });
});
