import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { operationsSection } from '../../src/config/sections/operations.js';
import {
  runBackup,
  sha256File,
  type BackupJob,
  type BackupProgress,
} from '../../src/operations/backup/backup-runner.js';
import { parseTarget, withDatabase as swapDatabase } from '../../src/postgres/pg-conn.js';
import type { PgTool } from '../../src/postgres/pg-tools.js';
import { manualRestoreCommand, trialRestore } from '../../src/operations/backup/trial-restore.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { describeWithPgTools, counts, realTool, script, seedCtx, tempDir, TOOL_ENV } from './helpers.js';

/** The backup runner against the real Postgres 15 with the real pg_dump and pg_restore. */
let db: TestDatabase;
let pgDump: PgTool;
let pgRestore: PgTool;
let expected: Record<string, number>;
const tmp = tempDir('backup');
const KEY = ['organizations', 'repositories', 'connections'];
const PASSWORD = 'Backup-Pa55word-not-in-argv';
let urlWithPassword: string;

beforeAll(async () => {
  db = await createTestDatabase('backup');
  expected = await seedCtx(db, 2000);
  [pgDump, pgRestore] = await Promise.all([realTool('pg_dump'), realTool('pg_restore')]);
  const u = new URL(db.url);
  u.password = PASSWORD; // trust auth on the test server ignores it; it must still never reach argv
  urlWithPassword = u.toString();
});
afterAll(async () => {
  await db.drop();
  tmp.cleanup();
});

const job = (over: Partial<BackupJob>): BackupJob => ({
  env: 'prod',
  databaseUrl: urlWithPassword,
  backupDir: join(tmp.dir, 'backups'),
  pgDump,
  pgRestore,
  toolEnv: TOOL_ENV,
  keyTables: KEY,
  startedAt: new Date('2026-08-23T04:00:00Z'),
  signal: new AbortController().signal,
  progressIntervalMs: 3000,
  clean: (l) => l.split(PASSWORD).join('[redacted]'),
  tag: 'test',
  ...over,
});

async function scratchLeft(): Promise<string[]> {
  const { rows } = await db.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'ctx_ops_scratch_test%'`,
  );
  return rows.map((r) => r.datname);
}

describeWithPgTools('backup → verify → restore, real pg_dump and pg_restore', () => {
  it('writes <env>-<UTC time>.dump, verified by a trial restore, with its sha256; a hand restore gives the same rows', async () => {
    const dir = join(tmp.dir, 'round-trip');
    const out = await runBackup(job({ backupDir: dir }));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.fileName).toBe('prod-20260823T040000Z.dump');
    expect(readdirSync(dir)).toEqual(['prod-20260823T040000Z.dump']); // no .partial left
    expect(statSync(out.path).mode & 0o777).toBe(0o600);
    expect(out.sizeBytes).toBe(statSync(out.path).size);
    expect(out.sha256).toBe(await sha256File(out.path));
    expect(Object.fromEntries(out.counts.map((c) => [c.table, c.rows]))).toEqual(expected);
    expect(await scratchLeft()).toEqual([]); // the scratch database is always dropped

    // The command the bot prints for a hand restore, run as printed into a fresh database.
    const target = await createTestDatabase('restored');
    try {
      const cmd = manualRestoreCommand(out.path, pgRestore.path);
      execFileSync('bash', ['-c', cmd], { env: { ...TOOL_ENV, DATABASE_URL: target.url }, stdio: 'pipe' });
      expect(await counts(target, KEY)).toEqual(expected);
      expect(
        (await target.query<{ n: string }>(`SELECT count(*)::text AS n FROM repositories WHERE index_ready`)).rows[0]!
          .n,
      ).toBe(String(expected.repositories! / 2));
    } finally {
      await target.drop();
    }
  });

  it('gives pg_dump the password through a 0600 passfile, never on its command line, and removes the file', async () => {
    const wdir = join(tmp.dir, 'spy');
    const spy = script(
      tmp.dir,
      'spy-pg_dump.sh',
      `[ "$1" = "--version" ] && exec ${pgDump.path} --version
printf '%s\\n' "$@" > ${wdir}-argv.txt
pf=$(printf '%s\\n' "$@" | sed -n 's/.*passfile=\\([^&]*\\).*/\\1/p')
pf=$(printf '%b' "\${pf//%/\\\\x}")
stat -c %a "$pf" > ${wdir}-mode.txt
cat "$pf" > ${wdir}-content.txt
echo "$pf" > ${wdir}-path.txt
exec ${pgDump.path} "$@"`,
    );
    const out = await runBackup(job({ backupDir: wdir, pgDump: { ...pgDump, path: spy } }));
    expect(out.ok).toBe(true);
    const argv = readFileSync(`${wdir}-argv.txt`, 'utf8');
    expect(argv).not.toContain(PASSWORD);
    expect(argv.split('\n')).toEqual(
      expect.arrayContaining(['--format=custom', '--no-password', '--exclude-schema=ctx_ops']),
    );
    expect(readFileSync(`${wdir}-mode.txt`, 'utf8').trim()).toBe('600');
    expect(readFileSync(`${wdir}-content.txt`, 'utf8')).toBe(`*:*:*:*:${PASSWORD}\n`);
    expect(existsSync(readFileSync(`${wdir}-path.txt`, 'utf8').trim())).toBe(false);
  });

  it('operations.backupCompression reaches pg_dump as --compress; unset, pg_dump keeps its default', async () => {
    const wdir = join(tmp.dir, 'compress');
    const spy = script(
      tmp.dir,
      'compress-pg_dump.sh',
      `[ "$1" = "--version" ] && exec ${pgDump.path} --version
printf '%s\\n' "$@" >> ${wdir}-argv.txt
echo >> ${wdir}-argv.txt
exec ${pgDump.path} "$@"`,
    );
    const fast = await runBackup(job({ backupDir: wdir, pgDump: { ...pgDump, path: spy }, compression: 1, tag: 'z1' }));
    const plain = await runBackup(
      job({ backupDir: wdir, pgDump: { ...pgDump, path: spy }, startedAt: new Date('2026-08-23T05:00:00Z'), tag: 'z' }),
    );
    expect(fast.ok && plain.ok).toBe(true); // both verified by a trial restore
    const [first, second] = readFileSync(`${wdir}-argv.txt`, 'utf8').split('\n\n');
    expect(first!.split('\n')).toContain('--compress=1');
    expect(second).not.toContain('--compress');
    const schema = z.object(operationsSection);
    expect(schema.safeParse({ operations: { backupCompression: 1 } }).success).toBe(true);
    expect(schema.safeParse({ operations: { backupCompression: 10 } }).success).toBe(false);
  });

  it('reports progress (bytes written, elapsed) no more often than asked', async () => {
    const slow = script(
      tmp.dir,
      'slow-pg_dump.sh',
      `[ "$1" = "--version" ] && exec ${pgDump.path} --version
f=$(mktemp); ${pgDump.path} "$@" > "$f" || exit $?
head -c 4096 "$f"; sleep 1; tail -c +4097 "$f"; rm -f "$f"`,
    );
    const seen: Array<BackupProgress & { at: number }> = [];
    const started = Date.now();
    const out = await runBackup(
      job({
        backupDir: join(tmp.dir, 'slow'),
        pgDump: { ...pgDump, path: slow },
        progressIntervalMs: 300,
        onProgress: (p) => void seen.push({ ...p, at: Date.now() }),
      }),
    );
    const took = Date.now() - started;
    expect(out.ok).toBe(true);
    const dump = seen.filter((p) => p.phase === 'dump');
    expect(dump.some((p) => p.bytes === 4096)).toBe(true); // seen while pg_dump's output stalled
    expect(seen.some((p) => p.phase === 'verify')).toBe(true);
    for (let i = 1; i < dump.length; i++) expect(dump[i]!.bytes).toBeGreaterThanOrEqual(dump[i - 1]!.bytes);
    expect(seen.length).toBeLessThanOrEqual(Math.ceil(took / 300) + 2);
  });
});

describeWithPgTools('verification refuses what would not restore', () => {
  it('a truncated dump: pg_restore --list accepts it, the trial restore does not', async () => {
    const good = await runBackup(job({ backupDir: join(tmp.dir, 'for-truncation') }));
    if (!good.ok) throw new Error(good.reason);
    const cut = join(tmp.dir, 'truncated.dump');
    copyFileSync(good.path, cut);
    truncateSync(cut, Math.floor(good.sizeBytes / 2));
    expect(() => execFileSync(pgRestore.path, ['--list', cut], { stdio: 'pipe' })).not.toThrow();
    const v = await trialRestore({
      databaseUrl: db.url,
      file: cut,
      pgRestore,
      toolEnv: TOOL_ENV,
      keyTables: KEY,
      signal: new AbortController().signal,
      tag: 'test',
      clean: (l) => l,
    });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(/pg_restore exit 1/);
    expect(await scratchLeft()).toEqual([]);
  });

  it('a pg_dump whose output was cut short fails verification and leaves no file behind', async () => {
    const cutting = script(
      tmp.dir,
      'cut-pg_dump.sh',
      `[ "$1" = "--version" ] && exec ${pgDump.path} --version\nf=$(mktemp); ${pgDump.path} "$@" > "$f"; head -c $(( $(stat -c %s "$f") / 2 )) "$f"; rm -f "$f"`,
    );
    const dir = join(tmp.dir, 'cut');
    const out = await runBackup(job({ backupDir: dir, pgDump: { ...pgDump, path: cutting } }));
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.stage).toBe('verify');
      expect(out.reason).toMatch(/^verification failed: pg_restore exit 1/);
    }
    expect(readdirSync(dir)).toEqual([]);
    expect(await scratchLeft()).toEqual([]);
  });
});

describeWithPgTools('a failing pg_dump leaves no file behind', () => {
  it('when pg_dump cannot connect (the real pg_dump, a database that does not exist)', async () => {
    const dir = join(tmp.dir, 'no-db');
    const out = await runBackup(
      job({ backupDir: dir, databaseUrl: swapDatabase(urlWithPassword, 'ctxops_does_not_exist_x') }),
    );
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.stage).toBe('dump');
      expect(out.exitStatus).toBe(1);
      expect(out.tail.join('\n')).toMatch(/does not exist/);
      expect(out.tail.join('\n')).not.toContain(PASSWORD);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('when pg_dump writes some bytes and then fails', async () => {
    const failing = script(
      tmp.dir,
      'fail-pg_dump.sh',
      `[ "$1" = "--version" ] && exec ${pgDump.path} --version\nprintf 'PGDMP-half-written'; echo "pg_dump: error: out of disk" >&2; exit 1`,
    );
    const dir = join(tmp.dir, 'half');
    const out = await runBackup(job({ backupDir: dir, pgDump: { ...pgDump, path: failing } }));
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.reason).toBe('pg_dump exit 1');
      expect(out.tail).toContain('pg_dump: error: out of disk');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('when the run is stopped mid-dump (shutdown), the partial file is removed', async () => {
    const hanging = script(
      tmp.dir,
      'hang-pg_dump.sh',
      `[ "$1" = "--version" ] && exec ${pgDump.path} --version\nprintf 'PGDMP-started'; exec sleep 30`,
    );
    const dir = join(tmp.dir, 'stopped');
    const ctl = new AbortController();
    const tracked: Array<string | null> = [];
    const run = runBackup(
      job({
        backupDir: dir,
        pgDump: { ...pgDump, path: hanging },
        signal: ctl.signal,
        track: { partialFile: async (p) => void tracked.push(p), scratchDatabase: async () => {} },
      }),
    );
    const partial = join(dir, 'prod-20260823T040000Z.dump.partial');
    for (let i = 0; i < 100 && !(existsSync(partial) && statSync(partial).size > 0); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(partial)).toBe(true);
    ctl.abort('shutdown');
    const out = await run;
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.aborted).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    expect(tracked).toEqual([partial, null]);
  });
});

describeWithPgTools('connection details', () => {
  it('strip the password from the URI given to tools', () => {
    const t = parseTarget('postgresql://ctx:s3cr%3At@db.internal:5433/ctxpipe?sslmode=require');
    expect(t).toEqual({
      uri: 'postgresql://ctx@db.internal:5433/ctxpipe?sslmode=require',
      password: 's3cr:t',
      database: 'ctxpipe',
      display: 'db.internal:5433/ctxpipe',
    });
  });
});
