import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/contracts/chat.js';
import { runBackup, sha256File, type BackupJob, type BackupVerify } from '../../src/operations/backup/backup-runner.js';
import { trialRestore } from '../../src/operations/backup/trial-restore.js';
import type { PgTool } from '../../src/postgres/pg-tools.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { describeWithPgTools, realTool, script, seedCtx, tempDir, TOOL_ENV } from './helpers.js';
import { approvalIdOf, click, command, files, opsBot, rows } from './setup.js';

/**
 * The backup is verified while it is written: pg_dump's output goes to the file and to a
 * pg_restore reading stdin in the same pass. Real Postgres, real pg_dump and pg_restore;
 * the damaged dumps come from small scripts wrapping the real pg_dump.
 */
let db: TestDatabase;
let pgDump: PgTool;
let pgRestore: PgTool;
const tmp = tempDir('backup-stream');
const KEY = ['organizations', 'repositories', 'connections'];

beforeAll(async () => {
  db = await createTestDatabase('bstream');
  await seedCtx(db, 2000);
  // Enough data that the dump is several megabytes (many pipe buffers), compressed as pg_dump does by default.
  await db.query(
    `CREATE TABLE chunks (id int PRIMARY KEY, body text);
     INSERT INTO chunks SELECT g, md5(g::text) || md5((g * 7)::text) || md5((g * 13)::text) FROM generate_series(1, 150000) g`,
  );
  [pgDump, pgRestore] = await Promise.all([realTool('pg_dump'), realTool('pg_restore')]);
});
afterAll(async () => {
  await db.drop();
  tmp.cleanup();
});

const job = (over: Partial<BackupJob>): BackupJob => ({
  env: 'prod',
  databaseUrl: db.url,
  backupDir: join(tmp.dir, 'backups'),
  pgDump,
  pgRestore,
  toolEnv: TOOL_ENV,
  keyTables: KEY,
  startedAt: new Date('2026-08-23T04:00:00Z'),
  signal: new AbortController().signal,
  progressIntervalMs: 3000,
  clean: (l) => l,
  tag: TAG,
  ...over,
});

/** Unique per run: another suite on the same server (a second checkout) has scratch databases of its own. */
const TAG = `stream${randomBytes(3).toString('hex')}`;

async function scratchLeft(): Promise<string[]> {
  const { rows } = await db.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
    `ctx_ops_scratch_${TAG}_%`,
  ]);
  return rows.map((r) => r.datname);
}

/** A pg_dump that runs the real one, then passes its output on damaged by `damage` (bash, file in $f). */
function damagedDump(name: string, damage: string): string {
  return script(
    tmp.dir,
    `${name}-pg_dump.sh`,
    `[ "$1" = "--version" ] && exec ${pgDump.path} --version
f=$(mktemp); ${pgDump.path} "$@" > "$f" || exit $?
n=$(stat -c %s "$f")
${damage}
cat "$f"; rm -f "$f"`,
  );
}

const damages = {
  'cut in the middle': 'truncate -s $(( n / 2 )) "$f"',
  'cut 3 bytes short': 'truncate -s $(( n - 3 )) "$f"',
  'with bytes flipped in the middle': `printf '\\xde\\xad\\xbe\\xef\\xde\\xad\\xbe\\xef' | dd of="$f" bs=1 seek=$(( n * 3 / 5 )) conv=notrunc status=none`,
};

describeWithPgTools('a backup verified while it is written', () => {
  it('restores the very bytes written to the file: the verifier reads stdin, its copy has the file’s sha256', async () => {
    // A pg_restore that keeps a copy of what it reads on stdin, then restores it for real.
    const seen = join(tmp.dir, 'restore-stdin.dump');
    const spy = script(
      tmp.dir,
      'spy-pg_restore.sh',
      `[ "$1" = "--version" ] && exec ${pgRestore.path} --version
printf '%s\\n' "$@" > ${seen}.argv
tee ${seen} | ${pgRestore.path} "$@"`,
    );
    const dir = join(tmp.dir, 'normal');
    const out = await runBackup(job({ backupDir: dir, pgRestore: { ...pgRestore, path: spy } }));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.verify).toBe('restore');
    expect(readdirSync(dir)).toEqual(['prod-20260823T040000Z.dump']);
    expect(out.sha256).toBe(await sha256File(out.path));
    expect(await sha256File(seen)).toBe(out.sha256); // the verifier saw exactly the file's bytes
    const argv = readFileSync(`${seen}.argv`, 'utf8').trim().split('\n');
    expect(argv).toEqual(expect.arrayContaining(['--exit-on-error', '--single-transaction']));
    expect(argv.at(-1)).toMatch(/^--dbname=/); // no file argument: it reads the stream
    expect(Object.fromEntries(out.counts.map((c) => [c.table, c.rows]))).toEqual({
      organizations: 3,
      repositories: 2000,
      connections: 7,
    });
    expect(out.sizeBytes).toBeGreaterThan(2 * 1024 * 1024);
    expect(await scratchLeft()).toEqual([]);
  });

  it('holds pg_dump back while the verifier is not reading (backpressure), then finishes', async () => {
    // A pg_restore that reads nothing until released: the dump may only run a few buffers ahead.
    const gate = join(tmp.dir, 'gate');
    const slow = script(
      tmp.dir,
      'slow-pg_restore.sh',
      `[ "$1" = "--version" ] && exec ${pgRestore.path} --version
while [ ! -e ${gate} ]; do sleep 0.05; done
exec ${pgRestore.path} "$@"`,
    );
    const dir = join(tmp.dir, 'held');
    const partial = join(dir, 'prod-20260823T040000Z.dump.partial');
    let lastBytes = 0;
    const run = runBackup(
      job({
        backupDir: dir,
        pgRestore: { ...pgRestore, path: slow },
        progressIntervalMs: 100,
        onProgress: (p) => void (lastBytes = p.bytes),
      }),
    );
    // Wait until the dump has stalled: the byte count stops moving for a while.
    let stalledAt = -1;
    for (let i = 0, same = 0; i < 200 && same < 10; i++) {
      await new Promise((r) => setTimeout(r, 100));
      same = lastBytes > 0 && lastBytes === stalledAt ? same + 1 : 0;
      stalledAt = lastBytes;
    }
    const heldFile = existsSync(partial) ? statSync(partial).size : 0;
    writeFileSync(gate, '');
    const out = await run;
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    // While the verifier read nothing, neither the file nor memory ran ahead: at most a few pipe buffers.
    expect(stalledAt).toBeGreaterThan(0);
    expect(stalledAt).toBeLessThan(1024 * 1024);
    expect(heldFile).toBeLessThanOrEqual(stalledAt);
    expect(out.sizeBytes).toBeGreaterThan(2 * 1024 * 1024);
    expect(out.sha256).toBe(await sha256File(out.path));
  });
});

const verifiers: BackupVerify[] = ['restore', 'read'];
describeWithPgTools('the streaming verifier detects a truncated or corrupted dump', () => {
  for (const verify of verifiers)
    for (const [what, damage] of Object.entries(damages))
      it(`${verify}: a dump ${what} fails verification; no file is kept, the scratch database is dropped`, async () => {
        const dir = join(tmp.dir, `damaged-${verify}-${what.replace(/\W+/g, '-')}`);
        const out = await runBackup(
          job({ backupDir: dir, verify, pgDump: { ...pgDump, path: damagedDump(what.replace(/\W+/g, '-'), damage) } }),
        );
        expect(out.ok).toBe(false);
        if (out.ok) return;
        expect(out.stage).toBe('verify');
        expect(out.reason).toBe('verification failed: pg_restore exit 1');
        expect(out.tail.join('\n')).toMatch(/pg_restore: error: (could not read from input file|could not uncompress)/);
        expect(readdirSync(dir)).toEqual([]); // the .partial file is gone
        expect(await scratchLeft()).toEqual([]);
      });

  it('a stream rejected at its start stops pg_dump at once and keeps nothing', async () => {
    const pidFile = join(tmp.dir, 'garbage-pid');
    const garbage = script(
      tmp.dir,
      'garbage-pg_dump.sh',
      `[ "$1" = "--version" ] && exec ${pgDump.path} --version
echo $$ > ${pidFile}
head -c 4096 /dev/zero | tr '\\0' x
exec sleep 60`,
    );
    const dir = join(tmp.dir, 'garbage');
    const out = await runBackup(job({ backupDir: dir, pgDump: { ...pgDump, path: garbage } }));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.stage).toBe('verify');
    expect(out.aborted).toBe(false);
    expect(out.tail.join('\n')).toMatch(/input file does not appear to be a valid archive/);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow(); // pg_dump (the sleep it became) was stopped
    expect(readdirSync(dir)).toEqual([]);
    expect(await scratchLeft()).toEqual([]);
  });
});

describeWithPgTools('the trial restore proves post-data too', () => {
  it('an index that cannot be rebuilt (after every row loaded) fails verification; no file is kept, the scratch is dropped', async () => {
    // A classic restore failure that only post-data shows: the index's function reads a
    // table by its bare name, and pg_restore runs with an empty search_path. The dump itself
    // succeeds; every row loads; CREATE INDEX fails after the last byte.
    const broken = await createTestDatabase('bpost');
    try {
      await broken.query(
        `CREATE TABLE ref (n int);
         CREATE FUNCTION weight(t text) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT length(t) + (SELECT count(*)::int FROM ref)';
         CREATE TABLE docs (id int PRIMARY KEY, body text);
         INSERT INTO docs SELECT g, md5(g::text) FROM generate_series(1, 20000) g;
         CREATE INDEX docs_weight ON docs (weight(body));`,
      );
      const dir = join(tmp.dir, 'post-data');
      const out = await runBackup(job({ backupDir: dir, databaseUrl: broken.url }));
      expect(out.ok).toBe(false);
      if (out.ok) return;
      expect(out.stage).toBe('verify');
      expect(out.reason).toBe('verification failed: pg_restore exit 1');
      expect(out.tail.join('\n')).toMatch(/INDEX docs_weight/);
      expect(readdirSync(dir)).toEqual([]);
      expect(await scratchLeft()).toEqual([]);
    } finally {
      await broken.drop();
    }
  });

  it('dropInBackground: the verdict comes first, the scratch database is gone once scratchDropped settles', async () => {
    const dir = join(tmp.dir, 'background-drop');
    const out = await runBackup(job({ backupDir: dir, verify: 'none' }));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const v = await trialRestore({
      databaseUrl: db.url,
      file: out.path,
      pgRestore,
      toolEnv: TOOL_ENV,
      keyTables: KEY,
      signal: new AbortController().signal,
      clean: (l) => l,
      tag: TAG,
      dropInBackground: true,
    });
    expect(v.ok).toBe(true);
    expect(v.scratchDropped).toBeInstanceOf(Promise);
    await v.scratchDropped;
    expect(await scratchLeft()).toEqual([]);
  });
});

describeWithPgTools('in Slack', () => {
  const alice: Actor = { userId: 'U0ALICE01', userName: 'alice', channelId: 'C0OPS0001' };
  const carol: Actor = { userId: 'U0CAROL01', userName: 'carol', channelId: 'C0OPS0001' };

  it('a corrupted dump: the thread says verification failed and why, no file is kept, the audit says failed', async () => {
    const backupDir = join(tmp.dir, 'slack-backups');
    const bot = opsBot(db, {
      yaml: `
environments:
  prod: { production: true, env: { DATABASE_URL: "${db.url}" } }
operations:
  backupDir: ${backupDir}
  pgDumpPath: ${damagedDump('slack-flipped', damages['with bytes flipped in the middle'])}
permissions:
  prod: { request: [U0ALICE01], approve: [U0ALICE01, U0CAROL01], channels: [C0OPS0001] }
`,
    });
    try {
      await bot.store.ready();
      const rec = await command(bot, 'backup prod', alice);
      const { id, ref } = approvalIdOf(rec);
      const done = await click(bot, 'confirm', id, carol, ref);
      const result = done.final().at(-1)!;
      expect(result.text).toMatch(
        /^❌ Back up prod: failed during verification: verification failed: pg_restore exit 1; no backup file was kept/,
      );
      expect(JSON.stringify(result.blocks)).toMatch(/could not uncompress data/);
      expect(files(backupDir)).toEqual([]);
      const [b] = await rows<{ state: string; verification: string }>(
        db,
        'SELECT state, verification FROM ctx_ops.backups ORDER BY id DESC LIMIT 1',
      );
      expect(b).toEqual({ state: 'failed', verification: 'verification failed: pg_restore exit 1' });
    } finally {
      await bot.close();
    }
  });
});
