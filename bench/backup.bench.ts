/**
 * Verified backup of a ~1 GB database against an unverified `pg_dump --format=custom
 * --file=…`, in the same run, alternating the order each round: the bot's backup runner
 * verifying while it dumps with a trial restore into a scratch database (what the bot
 * does), the same with the cheaper archive read (pg_restore --file=/dev/null), and once the
 * old sequential way (dump, then a trial restore of the file). Prints medians and ratios;
 * never passes or fails on time.
 *
 * BENCH_PG_URL: an admin URL on loopback (default postgres://postgres@127.0.0.1:5432/postgres).
 * BENCH_BACKUP_MB: the target size (default 1024; building 1 GB takes about a minute).
 * BENCH_BACKUP_KEEP=1: keep the database (ctxops_bench_backup_<MB>mb) for the next run,
 *   which then reuses it instead of building it again.
 * BENCH_BACKUP_ROUNDS: rounds (default 3).
 * BENCH_BACKUP_COMPRESS: pg_dump --compress (0–9) for every dump, the unverified pg_dump
 *   included, so the ratio compares like with like (default: pg_dump's own, 6), as
 *   operations.backupCompression does for the bot.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { runBackup } from '../src/operations/backup/backup-runner.js';
import { parseTarget, toolUri, withDatabase, withPassfile } from '../src/postgres/pg-conn.js';
import { findPgTool } from '../src/postgres/pg-tools.js';
import { trialRestore } from '../src/operations/backup/trial-restore.js';
import type { BackupVerify } from '../src/operations/backup/backup-runner.js';

const run = promisify(execFile);
const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const targetMb = Number(process.env.BENCH_BACKUP_MB ?? 1024);
const keep = process.env.BENCH_BACKUP_KEEP === '1';
const rounds = Number(process.env.BENCH_BACKUP_ROUNDS ?? 3);
const compression = process.env.BENCH_BACKUP_COMPRESS ? Number(process.env.BENCH_BACKUP_COMPRESS) : undefined;
const COMPLETE = 'ctx-ops backup bench: complete';
/**
 * Counted after the trial restore. Like the bot's default key tables (organizations,
 * repositories, connections, migrations), a small one: counting the two big tables would
 * add full scans of the restored gigabyte that a real configuration does not do.
 */
const KEY_TABLES = ['repositories'];
const toolEnv: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
if (!/^(127\.0\.0\.1|localhost|\[::1\])$/.test(new URL(adminUrl).hostname))
  throw new Error('the benchmark talks to loopback only');

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const line = (label: string, value: string) => process.stdout.write(`  ${label.padEnd(48)} ${value}\n`);

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(text);
  } finally {
    await c.end();
  }
}

/** The ~targetMb database: reused when a kept one is complete, else built (about a minute per GB). */
async function database(name: string, url: string): Promise<{ built: boolean; ms: number }> {
  const t0 = performance.now();
  const found = await sql(
    adminUrl,
    `SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = '${name}'`,
  );
  if (found.rows[0]?.c === COMPLETE) return { built: false, ms: 0 };
  await sql(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await sql(adminUrl, `CREATE DATABASE ${name}`);
  // ctx|-like shapes: many small rows with an index, and text-heavy rows (chunks of code).
  await sql(url, `CREATE TABLE repositories (id int PRIMARY KEY, org_id text, name text, index_ready boolean)`);
  await sql(
    url,
    `CREATE TABLE events (id bigint PRIMARY KEY, repository_id int, at timestamptz, kind text, payload text)`,
  );
  await sql(url, `CREATE TABLE chunks (id bigint PRIMARY KEY, repository_id int, path text, body text)`);
  await sql(
    url,
    `INSERT INTO repositories SELECT g, 'org_' || (g % 17), 'repo-' || g, g % 3 = 0 FROM generate_series(1, 5000) g`,
  );
  const batches = Math.max(1, Math.round(targetMb / 64));
  for (let b = 0; b < batches; b++) {
    const from = b * 200_000 + 1;
    await sql(
      url,
      `INSERT INTO events SELECT g, g % 5000 + 1, now() - (g || ' seconds')::interval, (ARRAY['ingest','index','graph','sync'])[g % 4 + 1], md5(g::text) || md5((g * 7)::text) FROM generate_series(${from}, ${from + 199_999}) g`,
    );
    const cfrom = b * 100_000 + 1;
    await sql(
      url,
      `INSERT INTO chunks SELECT g, g % 5000 + 1, 'src/mod' || (g % 900) || '/file' || g || '.ts', repeat(md5(g::text), 3) || md5((g + 1)::text) || md5((g * 13)::text) || md5((g * 31)::text) FROM generate_series(${cfrom}, ${cfrom + 99_999}) g`,
    );
  }
  await sql(url, `CREATE INDEX events_repository ON events (repository_id, at)`);
  await sql(url, `VACUUM ANALYZE`);
  await sql(adminUrl, `COMMENT ON DATABASE ${name} IS '${COMPLETE}'`);
  return { built: true, ms: performance.now() - t0 };
}

const median = (xs: number[]) => {
  const a = [...xs].sort((x, y) => x - y);
  const m = Math.floor(a.length / 2);
  return a.length % 2 ? a[m]! : (a[m - 1]! + a[m]!) / 2;
};

async function main() {
  const name = `ctxops_bench_backup_${targetMb}mb`;
  const dir = mkdtempSync(join(tmpdir(), 'ctx-ops-bench-backup-'));
  const url = withDatabase(adminUrl, name);
  try {
    const made = await database(name, url);
    const size = Number((await sql(url, `SELECT pg_database_size(current_database()) AS n`)).rows[0].n);
    process.stdout.write(
      `backup benchmark: database ${name}, ${mb(size)} on disk (${made.built ? `built in ${s(made.ms)}` : 'kept from an earlier run'}), ${rounds} rounds, pg_dump --compress=${compression ?? 'default'} for every dump\n`,
    );

    const server = Number((await sql(url, `SHOW server_version_num`)).rows[0].server_version_num);
    const pgDump = (await findPgTool('pg_dump', { minMajor: Math.floor(server / 10000), env: toolEnv })).tool!;
    const pgRestore = (await findPgTool('pg_restore', { minMajor: pgDump.major, env: toolEnv })).tool!;
    line('pg_dump / pg_restore', `${pgDump.version} (${pgDump.path}) / ${pgRestore.version}`);

    const plain = async (i: number) => {
      const file = join(dir, `plain-${i}.dump`);
      const target = parseTarget(url);
      const t = performance.now();
      await withPassfile(target.password, (pf) =>
        run(
          pgDump.path,
          [
            '--format=custom',
            ...(compression === undefined ? [] : [`--compress=${compression}`]),
            '--no-password',
            `--file=${file}`,
            `--dbname=${toolUri(target.uri, pf)}`,
          ],
          { env: toolEnv, maxBuffer: 1 << 20 },
        ),
      );
      const ms = performance.now() - t;
      const bytes = statSync(file).size;
      rmSync(file);
      return { ms, bytes };
    };
    const bot = async (i: number, verify: BackupVerify, keepFile = false) => {
      const t = performance.now();
      const out = await runBackup({
        env: `bench${i}${verify}`,
        databaseUrl: url,
        backupDir: dir,
        pgDump,
        pgRestore,
        toolEnv,
        keyTables: KEY_TABLES,
        startedAt: new Date(),
        signal: new AbortController().signal,
        progressIntervalMs: 3000,
        onProgress: () => {},
        clean: (l) => l,
        tag: 'bench',
        verify,
        ...(compression === undefined ? {} : { compression }),
      });
      if (!out.ok) throw new Error(`the bot's backup (${verify}) failed: ${out.reason}`);
      if (!keepFile) rmSync(out.path, { force: true });
      return { ms: performance.now() - t, out };
    };

    const plainMs: number[] = [];
    const noneMs: number[] = [];
    const restoreMs: number[] = [];
    const readMs: number[] = [];
    const tails: number[] = [];
    let dumpBytes = 0;
    let rows = '';
    let lastUnverified = '';
    const load = () => loadavg()[0]!.toFixed(1);
    line('load average at start (1 min; 2 cores)', load());
    for (let i = 0; i < rounds; i++) {
      // Rotate the order, so none always runs on a warmer cache or a quieter machine.
      const steps: Array<() => Promise<void>> = [
        async () => {
          const p = await plain(i);
          plainMs.push(p.ms);
          dumpBytes = p.bytes;
        },
        async () => {
          const b = await bot(i, 'restore');
          restoreMs.push(b.ms);
          tails.push(b.out.ok ? b.out.verifyAfterDumpMs : 0);
          if (b.out.ok) rows = b.out.counts.map((c) => `${c.table} ${c.rows}`).join(', ');
        },
        async () => {
          readMs.push((await bot(i, 'read')).ms);
        },
        async () => {
          const b = await bot(i, 'none', true);
          noneMs.push(b.ms);
          if (lastUnverified) rmSync(lastUnverified, { force: true });
          lastUnverified = b.out.ok ? b.out.path : '';
        },
      ];
      for (let k = 0; k < steps.length; k++) await steps[(k + i) % steps.length]!();
      line(
        `round ${i + 1}: plain / unverified / restore / read`,
        `${s(plainMs[i]!)} / ${s(noneMs[i]!)} / ${s(restoreMs[i]!)} / ${s(readMs[i]!)}  (load ${load()})`,
      );
    }
    const base = median(plainMs);
    line('unverified: pg_dump --format=custom --file (median)', `${s(base)} for a ${mb(dumpBytes)} dump`);
    line('unverified: the bot runner, sha256 on the way (median)', s(median(noneMs)));
    line(
      'verified: trial restore while dumping (median)',
      `${s(median(restoreMs))}; the restore finished ${s(median(tails))} after the dump`,
    );
    line(
      '  ratio to pg_dump --file  (goal <= 1.15)',
      `${(median(restoreMs) / base).toFixed(2)}  (to the unverified runner: ${(median(restoreMs) / median(noneMs)).toFixed(2)})`,
    );
    line('verified: archive read while dumping (median)', s(median(readMs)));
    line(
      '  ratio to pg_dump --file',
      `${(median(readMs) / base).toFixed(2)}  (to the unverified runner: ${(median(readMs) / median(noneMs)).toFixed(2)})`,
    );
    line('rows restored by the trial restore', rows);

    // The old way: the dump (sha256 on the way), then a trial restore of the file, once.
    const v = await trialRestore({
      databaseUrl: url,
      file: lastUnverified,
      pgRestore,
      toolEnv,
      keyTables: KEY_TABLES,
      signal: new AbortController().signal,
      tag: 'bench',
      clean: (l) => l,
    });
    if (!v.ok) throw new Error(`verification failed: ${v.reason}`);
    const before = median(noneMs) + v.durationMs;
    line(
      'before: dump, then trial restore of the file',
      `${s(median(noneMs))} + ${s(v.durationMs)} = ${s(before)} (${(before / base).toFixed(2)}x pg_dump --file)`,
    );
    line('load average at the end', load());
  } finally {
    if (!keep)
      await sql(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((err) =>
        process.stderr.write(`could not drop ${name}: ${(err as Error).message}\n`),
      );
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`backup benchmark failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
