import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/contracts/chat.js';
import { writeMigration } from '../support/drizzle.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { describeWithPgTools, seedCtx, tempDir } from './helpers.js';
import { approvalIdOf, click, command, opsBot, rows, type OpsBot } from './setup.js';

/**
 * /ctx migrate against drizzle's real table layout: the migrate command is a script that
 * applies the folder with the real drizzle-orm v1 migrator, as ctx|'s migrate.ts does.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/migrate.ts', import.meta.url));
const AUTH_SECRET = 'Migrate-Auth-Secret-planted-0123456789-xyz';
const DB_PASSWORD = 'Migrate-Db-Pa55word-planted';
const alice: Actor = { userId: 'U0ALICE01', userName: 'alice', channelId: 'C0OPS0001' };
const bob: Actor = { userId: 'U0BOB0001', userName: 'bob', channelId: 'C0OPS0001' };

let db: TestDatabase;
let bot: OpsBot;
let dbUrl: string;
const tmp = tempDir('migrate');
const folder = join(tmp.dir, 'migrations');
const backupDir = join(tmp.dir, 'backups');
const said: unknown[] = [];

const yaml = (command: string[], extra = '') => `
environments:
  prod: { production: true, migrationsDir: ${folder}, env: { DATABASE_URL: "${dbUrl}", AUTH_SECRET: "${AUTH_SECRET}" } }
  nosecret: { production: false, migrationsDir: ${folder}, env: { DATABASE_URL: "${dbUrl}" } }
  nofolder: { production: false, env: { DATABASE_URL: "${dbUrl}", AUTH_SECRET: "${AUTH_SECRET}" } }
operations:
  backupDir: ${backupDir}
  migrate: { command: ${JSON.stringify(command)}, cwd: ${ROOT}, timeoutSeconds: ${extra || 120} }
permissions:
  prod: { request: [U0ALICE01], approve: [U0BOB0001], channels: [C0OPS0001] }
`;
const migrateCommand = [process.execPath, '--import', 'tsx', FIXTURE, folder];

beforeAll(async () => {
  db = await createTestDatabase('migrate');
  await seedCtx(db, 20);
  const u = new URL(db.url);
  u.password = DB_PASSWORD; // trust auth ignores it; the bot must never repeat it
  dbUrl = u.toString();
  writeMigration(
    folder,
    '20260101000000_init',
    'CREATE TABLE jwkss (id text PRIMARY KEY, public_key text, private_key text, created_at timestamptz, expires_at timestamptz);',
  );
  writeMigration(folder, '20260102000000_repos_index', 'ALTER TABLE repositories ADD COLUMN indexing_status text;');
  bot = opsBot(db, { yaml: yaml(migrateCommand) });
  await bot.store.ready();
});
afterAll(async () => {
  await bot.close();
  // Secrets: absent from everything the bot said, every log line and every audit row.
  const everything =
    JSON.stringify(said) +
    bot.logs.join('\n') +
    JSON.stringify(await rows(db, 'SELECT * FROM ctx_ops.audit_log')) +
    JSON.stringify(await rows(db, 'SELECT * FROM ctx_ops.approvals'));
  await db.drop();
  tmp.cleanup();
  for (const s of [AUTH_SECRET, DB_PASSWORD, encodeURIComponent(DB_PASSWORD)]) expect(everything).not.toContain(s);
});

async function ask(env = 'prod', by = alice) {
  const rec = await command(bot, `migrate ${env}`, by);
  said.push(rec.posted, rec.updates, rec.ephemerals);
  return rec;
}
async function confirm(id: string, ref: Parameters<typeof click>[4]) {
  const rec = await click(bot, 'confirm', id, bob, ref);
  said.push(rec.posted, rec.updates, rec.ephemerals);
  return rec;
}
const applied = async () =>
  (await rows<{ name: string }>(db, 'SELECT name FROM drizzle.__drizzle_migrations ORDER BY id').catch(() => [])).map(
    (r) => r.name,
  );

describeWithPgTools('/ctx migrate', () => {
  it('lists pending migrations by folder name and, without a recent backup, offers "Back up, then migrate" as one action', async () => {
    const rec = await ask();
    const msg = rec.posted[0]!.msg;
    const blocks = JSON.stringify(msg.blocks);
    expect(msg.text).toMatch(/^Back up prod, then apply 2 migrations\? Back up, then migrate or Cancel/);
    expect(blocks).toContain('`20260101000000_init`');
    expect(blocks).toContain('`20260102000000_repos_index`');
    expect(blocks).toContain('No verified backup younger than 60 min (last: none)');
    expect(blocks).toContain('"text":"Back up, then migrate"');
    expect(await applied()).toEqual([]);
  });

  it('on confirm: backs up, runs the migrate command, re-checks that nothing is pending', async () => {
    const { id, ref } = approvalIdOf(await ask());
    const rec = await confirm(id, ref);
    const result = rec.final().at(-1)!;
    expect(result.text).toMatch(
      /^✅ Back up prod, then apply 2 migrations: backup prod-\d{8}T\d{6}Z(-\d+)?\.dump .* verified by a trial restore; migration: applied 2 migration\(s\); none pending \(2 applied, last 20260102000000_repos_index\)/,
    );
    expect(await applied()).toEqual(['20260101000000_init', '20260102000000_repos_index']);
    // The streamed output tail is redacted: the script printed both secrets.
    const tail = (result.json as { tail: string[] }).tail.join('\n');
    expect(tail).toContain('[migrate] done');
    expect(tail).toMatch(/AUTH_SECRET=\[redacted\]/);
    expect(tail).not.toContain(AUTH_SECRET);
    expect(tail).not.toContain(DB_PASSWORD);
    const [a] = await rows<{ state: string }>(db, 'SELECT state FROM ctx_ops.approvals WHERE id = $1', [id]);
    expect(a!.state).toBe('succeeded');
    const [last] = await rows<{ event: string; checksum: string; exit_status: number }>(
      db,
      `SELECT event, checksum, exit_status FROM ctx_ops.audit_log WHERE approval_id = $1 ORDER BY id DESC LIMIT 1`,
      [id],
    );
    expect(last).toMatchObject({
      event: 'succeeded',
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
      exit_status: 0,
    });
  });

  it('with nothing pending, says so', async () => {
    const rec = await ask();
    expect(rec.posted[0]!.msg.text).toBe('✅ Nothing to migrate on prod: 2 applied, last 20260102000000_repos_index.');
  });

  it('with a verified backup younger than the limit, asks to migrate and names that backup', async () => {
    writeMigration(folder, '20260103000000_graph', 'ALTER TABLE repositories ADD COLUMN last_ingested_at timestamptz;');
    const rec = await ask();
    const msg = rec.posted[0]!.msg;
    expect(msg.text).toMatch(/^Migrate prod: apply 1 migration\? Confirm or Cancel/);
    expect(JSON.stringify(msg.blocks)).toMatch(
      /Backup: `prod-\d{8}T\d{6}Z(-\d+)?\.dump` \(.+, verified \d+ s ago, sha256/,
    );
    const { id, ref } = approvalIdOf(rec);
    const done = await confirm(id, ref);
    expect(done.final().at(-1)!.text).toMatch(
      /^✅ Migrate prod: apply 1 migration: applied 1 migration\(s\); none pending/,
    );
    expect(await applied()).toHaveLength(3);
  });

  it('a failing migration: the output tail, the exit status, and the exact command to restore the backup taken before', async () => {
    writeMigration(folder, '20260104000000_broken', 'ALTER TABLE no_such_table ADD COLUMN x int;');
    const { id, ref } = approvalIdOf(await ask());
    const rec = await confirm(id, ref);
    const result = rec.final().at(-1)!;
    expect(result.text).toMatch(/^❌ Migrate prod: apply 1 migration: the migrate command exit 1/);
    const text = JSON.stringify(result.blocks);
    expect(text).toMatch(/relation \\"no_such_table\\" does not exist/);
    const [backup] = await rows<{ path: string }>(
      db,
      `SELECT path FROM ctx_ops.backups WHERE state = 'verified' ORDER BY id DESC LIMIT 1`,
    );
    expect(text).toContain(
      `pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error --dbname=\\"$DATABASE_URL\\" ${backup!.path}`,
    );
    const [a] = await rows<{ state: string }>(db, 'SELECT state FROM ctx_ops.approvals WHERE id = $1', [id]);
    expect(a!.state).toBe('failed');
    const [last] = await rows<{ event: string; exit_status: number }>(
      db,
      `SELECT event, exit_status FROM ctx_ops.audit_log WHERE approval_id = $1 ORDER BY id DESC LIMIT 1`,
      [id],
    );
    expect(last).toEqual({ event: 'failed', exit_status: 1 });
    expect(await applied()).toHaveLength(3);
    rmSync(join(folder, '20260104000000_broken'), { recursive: true });
  });

  it('refuses to run when the pending migrations changed after the request', async () => {
    writeMigration(folder, '20260105000000_jobs', 'CREATE TABLE jobs (id int);');
    const { id, ref } = approvalIdOf(await ask());
    writeMigration(folder, '20260106000000_more', 'CREATE TABLE more_jobs (id int);');
    const rec = await confirm(id, ref);
    expect(rec.final().at(-1)!.text).toMatch(/nothing ran: the pending migrations changed since the request/);
    expect(await applied()).toHaveLength(3);
    rmSync(join(folder, '20260105000000_jobs'), { recursive: true });
    rmSync(join(folder, '20260106000000_more'), { recursive: true });
  });

  it("refuses before anything when AUTH_SECRET is missing (upstream's script needs it) or the folder is unknown", async () => {
    writeMigration(folder, '20260107000000_x', 'CREATE TABLE x (id int);');
    const noSecret = await ask('nosecret');
    expect(noSecret.posted).toEqual([]);
    expect(noSecret.ephemerals[0]!.text).toMatch(/AUTH_SECRET is not set for nosecret: upstream's migrate script/);
    const noFolder = await ask('nofolder');
    expect(noFolder.ephemerals[0]!.text).toMatch(
      /migrations folder of nofolder is not known: set `environments.<env>.migrationsDir`/,
    );
    rmSync(join(folder, '20260107000000_x'), { recursive: true });
  });

  it('stops a migrate command that outlives its timeout, with its whole process group', async () => {
    writeMigration(folder, '20260108000000_slow', 'CREATE TABLE slow (id int);');
    const slow = opsBot(db, { yaml: yaml(['bash', '-c', 'echo starting; sleep 30 & wait'], '1') });
    try {
      const rec = await command(slow, 'migrate prod', alice);
      const { id, ref } = approvalIdOf(rec);
      const started = Date.now();
      const done = await click(slow, 'confirm', id, bob, ref);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(done.final().at(-1)!.text).toMatch(/the migrate command timed out after 1 s and was stopped/);
    } finally {
      await slow.close();
      rmSync(join(folder, '20260108000000_slow'), { recursive: true });
    }
  });
});
