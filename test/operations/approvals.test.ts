import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/contracts/chat.js';
import { buildBot } from '../support/harness.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { describeWithPgTools, realTool, script, seedCtx, tempDir } from './helpers.js';
import { approvalIdOf, click, command, files, opsBot, rows, type OpsBot } from './setup.js';

/**
 * Confirmation rules and exactly-once, through the real handlers and buttons on one real
 * store: a backup is the guarded action, run with the real pg_dump against a real database.
 */
const AUTH_SECRET = 'approvals-test-auth-secret-0123456789abcdef';
const alice: Actor = { userId: 'U0ALICE01', userName: 'alice', channelId: 'C0OPS0001' };
const bob: Actor = { userId: 'U0BOB0001', userName: 'bob', channelId: 'C0OPS0001' };
const carol: Actor = { userId: 'U0CAROL01', userName: 'carol', channelId: 'C0OPS0001' };
const dave: Actor = { userId: 'U0DAVE001', userName: 'dave', channelId: 'C0OPS0001' };

let db: TestDatabase;
const tmp = tempDir('approvals');
const backupDir = join(tmp.dir, 'backups');
let bot: OpsBot;
let yaml: string;

beforeAll(async () => {
  db = await createTestDatabase('approvals');
  await seedCtx(db, 50);
  const oldDump = script(
    tmp.dir,
    'old-pg_dump.sh',
    `[ "$1" = "--version" ] && { echo "pg_dump (PostgreSQL) 13.14"; exit 0; }\ntouch ${tmp.dir}/old-pg_dump-ran\nexec ${(await realTool('pg_dump')).path} "$@"`,
  );
  yaml = `
environments:
  prod: { production: true, env: { DATABASE_URL: "${db.url}", AUTH_SECRET: "${AUTH_SECRET}" } }
  old: { production: false, env: { DATABASE_URL: "${db.url}", AUTH_SECRET: "${AUTH_SECRET}" } }
  bare: { production: true, env: { DATABASE_URL: "${db.url}" } }
operations:
  backupDir: ${backupDir}
  pgDumpPath: PGDUMP
permissions:
  prod: { request: [U0ALICE01, U0BOB0001], approve: [U0ALICE01, U0BOB0001, U0CAROL01], channels: [C0OPS0001] }
`;
  // Only "old" uses the pg_dump that claims to be 13; the others use the real one.
  bot = opsBot(db, { yaml: yaml.replace('  pgDumpPath: PGDUMP\n', '') });
  await bot.store.ready();
  oldBot = opsBot(db, { yaml: yaml.replace('PGDUMP', oldDump) });
});
let oldBot: OpsBot;
afterAll(async () => {
  await bot.close();
  await oldBot.close();
  await db.drop();
  tmp.cleanup();
});

const audit = (approvalId: string) =>
  rows<{ event: string; reason: string | null; actor_id: string | null }>(
    db,
    'SELECT event, reason, actor_id FROM ctx_ops.audit_log WHERE approval_id = $1 ORDER BY id',
    [approvalId],
  );
const runsOf = (approvalId: string) => rows(db, 'SELECT * FROM ctx_ops.runs WHERE approval_id = $1', [approvalId]);

async function requestBackup(by: Actor = alice, b: OpsBot = bot) {
  const rec = await command(b, 'backup prod', by);
  return { rec, ...approvalIdOf(rec) };
}

describeWithPgTools('a request', () => {
  it('posts a preview with Confirm / Cancel whose value is the approval id only', async () => {
    const { rec, id } = await requestBackup();
    const msg = rec.posted[0]!.msg;
    expect(msg.text).toMatch(/^Back up prod\? Confirm or Cancel/);
    const blocks = JSON.stringify(msg.blocks);
    expect(blocks).toContain('Server PostgreSQL 15');
    expect(blocks).toMatch(/pg_dump 15\.\d+/);
    expect(blocks).toContain(`Writes \`${backupDir}/prod-YYYYMMDDTHHMMSSZ.dump\` (as \`.partial\` until verified)`);
    const values = [...blocks.matchAll(/"value":"([^"]*)"/g)].map((m) => m[1]);
    expect(values).toEqual([id, id]);
    const [row] = await rows<{
      state: string;
      params: unknown;
      two_person: boolean;
      expires_at: Date;
      created_at: Date;
    }>(db, 'SELECT * FROM ctx_ops.approvals WHERE id = $1', [id]);
    expect(row!.state).toBe('requested');
    expect(row!.two_person).toBe(true);
    expect(row!.expires_at.getTime() - row!.created_at.getTime()).toBe(10 * 60_000);
    expect(await audit(id)).toEqual([{ event: 'requested', reason: null, actor_id: 'U0ALICE01' }]);
  });

  it('is refused for someone not allowed to request, privately, and recorded', async () => {
    const rec = await command(bot, 'backup prod', dave);
    expect(rec.posted).toEqual([]);
    expect(rec.ephemerals[0]!.text).toMatch(/You may not request operations on \*prod\*/);
    const [last] = await rows<{ event: string; reason: string; actor_id: string }>(
      db,
      'SELECT event, reason, actor_id FROM ctx_ops.audit_log ORDER BY id DESC LIMIT 1',
    );
    expect(last).toEqual({ event: 'request-refused', reason: 'unauthorised', actor_id: 'U0DAVE001' });
  });

  it('is refused in a channel where operations are not allowed', async () => {
    const rec = await command(bot, 'backup prod', { ...alice, channelId: 'C0RANDOM1' });
    expect(rec.ephemerals[0]!.text).toContain('allowed only in <#C0OPS0001>');
  });

  it('is refused on a production environment without permissions, showing the YAML to add', async () => {
    const rec = await command(bot, 'backup bare', alice);
    expect(rec.posted).toEqual([]);
    expect(rec.ephemerals[0]!.text).toContain('permissions:\n  bare:\n    request:');
  });

  it('refuses a pg_dump older than the server before anything starts, naming the fix', async () => {
    const before = await rows(db, 'SELECT id FROM ctx_ops.approvals');
    const rec = await command(oldBot, 'backup old', alice);
    expect(rec.posted).toEqual([]); // no confirmation, so nothing can be confirmed
    expect(rec.ephemerals[0]!.text).toMatch(
      /pg_dump 13\.14 \(.*old-pg_dump\.sh\) is older than the server \(PostgreSQL 15\.\d+\)/,
    );
    expect(rec.ephemerals[0]!.text).toMatch(/postgresql-client-15.*operations\.pgDumpPath/);
    expect(await rows(db, 'SELECT id FROM ctx_ops.approvals')).toHaveLength(before.length);
    expect(existsSync(join(tmp.dir, 'old-pg_dump-ran'))).toBe(false);
    expect(files(backupDir).filter((f) => f.startsWith('old-'))).toEqual([]);
  });

  it('answers usage errors with usage', async () => {
    const rec = await command(bot, 'backup prod extra', alice);
    expect(rec.outcome.usageError).toBe(true);
    expect(rec.ephemerals[0]!.text).toContain('Usage: `/ctx backup [env]`');
  });
});

describeWithPgTools('refused clicks run nothing', () => {
  it.each([
    [
      'the requester under the two-person rule',
      alice,
      'C0OPS0001',
      'same-person',
      /two-person rule is on for \*prod\*/,
    ],
    ['someone not allowed to approve', dave, 'C0OPS0001', 'unauthorised', /may not confirm operations on \*prod\*/],
    ['an approver in another channel', carol, 'C0ELSEWHERE', 'wrong-channel', /allowed only in <#C0OPS0001>/],
  ])('%s', async (_n, who, channelId, reason, text) => {
    const { id, ref } = await requestBackup();
    const rec = await click(bot, 'confirm', id, { ...who, channelId }, ref);
    expect(rec.ephemerals.map((e) => e.text)).toEqual([expect.stringMatching(text)]);
    expect(rec.posted).toEqual([]);
    expect(rec.updates).toEqual([]);
    expect(
      (await rows<{ state: string }>(db, 'SELECT state FROM ctx_ops.approvals WHERE id = $1', [id]))[0]!.state,
    ).toBe('requested');
    expect(await runsOf(id)).toEqual([]);
    expect((await audit(id)).at(-1)).toEqual({ event: 'refused', reason, actor_id: who.userId });
  });

  it('an expired confirmation: refused, marked expired, the message loses its buttons', async () => {
    const { id, ref } = await requestBackup();
    const before = files(backupDir);
    bot.advance(11 * 60_000);
    try {
      const rec = await click(bot, 'confirm', id, carol, ref);
      expect(rec.ephemerals[0]!.text).toMatch(/has expired; nothing ran/);
      expect(rec.updates[0]!.msg.text).toMatch(/expired/);
      expect(JSON.stringify(rec.updates[0]!.msg.blocks)).not.toContain('ctx.approval.confirm');
    } finally {
      bot.advance(-11 * 60_000);
    }
    expect(
      (await rows<{ state: string }>(db, 'SELECT state FROM ctx_ops.approvals WHERE id = $1', [id]))[0]!.state,
    ).toBe('expired');
    expect(await runsOf(id)).toEqual([]);
    expect(files(backupDir)).toEqual(before);
    expect((await audit(id)).map((a) => `${a.event}:${a.reason ?? ''}`)).toEqual([
      'requested:',
      'expired:',
      'refused:expired',
    ]);
  });

  it('a cancelled request cannot be confirmed afterwards', async () => {
    const { id, ref } = await requestBackup();
    const cancel = await click(bot, 'cancel', id, alice, ref);
    expect(cancel.updates[0]!.msg.text).toMatch(/cancelled/);
    const rec = await click(bot, 'confirm', id, carol, ref);
    expect(rec.ephemerals[0]!.text).toMatch(/cancelled by <@U0ALICE01>/);
    expect(await runsOf(id)).toEqual([]);
  });

  it('an unknown or forged approval id is refused', async () => {
    const rec = await click(bot, 'confirm', 'ap_doesnotexist0', carol);
    expect(rec.ephemerals[0]!.text).toMatch(/unknown/);
    const forged = await click(bot, 'confirm', '{"kind":"migrate","env":"prod"}', carol);
    expect(forged.ephemerals[0]!.text).toMatch(/unknown/);
  });

  it('parameters changed in the store after the request no longer match their hash', async () => {
    const { id, ref } = await requestBackup();
    await db.query(`UPDATE ctx_ops.approvals SET params = '{"extra": true}' WHERE id = $1`, [id]);
    const rec = await click(bot, 'confirm', id, carol, ref);
    expect(rec.ephemerals[0]!.text).toMatch(/no longer matches what was requested/);
    expect(await runsOf(id)).toEqual([]);
  });
});

describeWithPgTools('exactly once', () => {
  it('50 concurrent confirm clicks run one backup; the other 49 are told it is already running', async () => {
    const { id, ref } = await requestBackup();
    const before = files(backupDir).length;
    const clickers = Array.from({ length: 50 }, (_, i) => (i % 2 ? bob : carol));
    const recs = await Promise.all(clickers.map((who) => click(bot, 'confirm', id, who, ref)));
    const winners = recs.filter((r) => r.posted.length > 0);
    expect(winners).toHaveLength(1);
    const refused = recs.filter((r) => r.ephemerals.length > 0);
    expect(refused).toHaveLength(49);
    for (const r of refused) expect(r.ephemerals[0]!.text).toMatch(/already confirmed by <@U0(BOB|CAROL)/);
    expect(await runsOf(id)).toHaveLength(1);
    expect(files(backupDir).length).toBe(before + 1);
    const events = (await audit(id)).map((a) => a.event);
    expect(events.filter((e) => e === 'confirmed')).toHaveLength(1);
    expect(events.filter((e) => e === 'started')).toHaveLength(1);
    expect(events.filter((e) => e === 'succeeded')).toHaveLength(1);
    expect(events.filter((e) => e === 'refused')).toHaveLength(49);
    const [a] = await rows<{ state: string; summary: string }>(
      db,
      'SELECT state, summary FROM ctx_ops.approvals WHERE id = $1',
      [id],
    );
    expect(a!.state).toBe('succeeded');
    // The winner's thread: progress, then the result with the checksum.
    const result = winners[0]!.final().at(-1)!;
    expect(result.text).toMatch(/^✅ Back up prod: prod-\d{8}T\d{6}Z(-\d+)?\.dump \(.+\), verified by a trial restore/);
    expect(JSON.stringify(result.blocks)).toMatch(/sha256 `[0-9a-f]{64}`/);
    expect(winners[0]!.updates.at(-1)!.msg.text).toMatch(/succeeded/); // the confirmation shows the outcome
  });

  it('two replicas (two bots on one store) receiving the same click run it once', async () => {
    const replica = opsBot(db, { yaml: yaml.replace('  pgDumpPath: PGDUMP\n', '') });
    try {
      const { id, ref } = await requestBackup();
      const [a, b] = await Promise.all([
        click(bot, 'confirm', id, carol, ref),
        click(replica, 'confirm', id, carol, ref),
      ]);
      expect([a, b].filter((r) => r.posted.length > 0)).toHaveLength(1);
      expect([a, b].filter((r) => r.ephemerals.length > 0)).toHaveLength(1);
      expect(await runsOf(id)).toHaveLength(1);
    } finally {
      await replica.close();
    }
  });

  it('a second operation on the same environment waits for the first (refused while it runs)', async () => {
    const first = await requestBackup();
    const second = await requestBackup(bob);
    const running = click(bot, 'confirm', first.id, carol, first.ref);
    // While the first runs, the second's confirmation cannot start it.
    for (
      let i = 0;
      i < 100 && !(await rows(db, `SELECT 1 FROM ctx_ops.runs WHERE approval_id = $1`, [first.id])).length;
      i++
    )
      await new Promise((r) => setTimeout(r, 20));
    const rec = await click(bot, 'confirm', second.id, carol, second.ref);
    await running;
    const [s] = await rows<{ state: string; summary: string }>(
      db,
      'SELECT state, summary FROM ctx_ops.approvals WHERE id = $1',
      [second.id],
    );
    expect(s!.state).toBe('failed');
    expect(s!.summary).toMatch(/another operation is running on prod; nothing ran/);
    expect(rec.final().at(-1)!.text).toMatch(/nothing ran/);
  });
});

describeWithPgTools('the audit log', () => {
  it('is append-only: UPDATE, DELETE and TRUNCATE are rejected by the database', async () => {
    await expect(db.query(`UPDATE ctx_ops.audit_log SET actor_id = 'U0EVIL'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(db.query(`DELETE FROM ctx_ops.audit_log`)).rejects.toThrow(/append-only: DELETE/);
    await expect(db.query(`TRUNCATE ctx_ops.audit_log`)).rejects.toThrow(/append-only: TRUNCATE/);
  });

  it('/ctx audit shows who did what, newest first, and rejects a bad count', async () => {
    const rec = await command(bot, 'audit 5', dave);
    const msg = rec.posted[0]!.msg;
    expect((msg.json as { audit: unknown[] }).audit).toHaveLength(5);
    expect(msg.plain).toMatch(/Audit log \(newest first, 5 entries\)/);
    expect((await command(bot, 'audit lots', dave)).outcome.usageError).toBe(true);
  });

  it('/ctx backups lists size, age, checksum and verification', async () => {
    const rec = await command(bot, 'backups prod', dave);
    const msg = rec.posted[0]!.msg;
    const list = (
      msg.json as { backups: Array<{ state: string; sha256: string; verification: string; sizeBytes: number }> }
    ).backups;
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list[0]).toMatchObject({
      state: 'verified',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      verification: expect.stringMatching(/^verified by trial restore: \d+ tables; rows: organizations 3/),
    });
    expect(msg.plain).toContain('Backups of prod');
  });

  it('the "backups" service tells the digest the newest verified backup', async () => {
    const info = bot.bot.core.services.get('backups')!;
    const last = await info.lastVerified('prod');
    const [newest] = await rows<{ file_name: string; sha256: string }>(
      db,
      `SELECT file_name, sha256 FROM ctx_ops.backups WHERE env = 'prod' AND state = 'verified' ORDER BY finished_at DESC LIMIT 1`,
    );
    expect(last).toMatchObject({ file: newest!.file_name, sha256: newest!.sha256, finishedAt: expect.any(Date) });
    expect(await info.lastVerified('old')).toBeNull();
  });

  it("backups leave out the bot's own schema, so restoring ctx| cannot rewind the audit log", async () => {
    const [b] = await rows<{ path: string }>(
      db,
      `SELECT path FROM ctx_ops.backups WHERE state = 'verified' ORDER BY id DESC LIMIT 1`,
    );
    const list = execFileSync((await realTool('pg_restore')).path, ['--list', b!.path], { encoding: 'utf8' });
    expect(list).toContain('TABLE public repositories');
    expect(list).not.toContain('ctx_ops');
  });
});

describeWithPgTools('without a store', () => {
  it('operations answer that they need the store', async () => {
    const h = buildBot({ env: { DATABASE_URL: db.url }, yaml: '' });
    try {
      for (const cmd of ['backup', 'backups', 'migrate', 'audit']) {
        const rec = await command({ ...h, store: null as never, ops: null as never, advance: () => {} }, cmd, alice);
        expect(rec.ephemerals[0]!.text).toMatch(/need the bot's store/);
      }
    } finally {
      await h.close();
    }
  });
});
