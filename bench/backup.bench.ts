/**
 * Backup of a ~1 GB database through the bot's backup runner (pg_dump streamed through
 * the sha256 and byte counter into a .partial file) against plain `pg_dump
 * --format=custom --file=…`, in the same run and alternating, then the cost of
 * verification (the trial restore). Prints figures; never passes or fails on time.
 *
 * BENCH_PG_URL: an admin URL on loopback (default postgres://postgres@127.0.0.1:5432/postgres).
 * BENCH_BACKUP_MB: the target size (default 1024).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { runBackup } from '../src/operations/backup/backup-runner.js';
import { parseTarget, toolUri, withDatabase, withPassfile } from '../src/postgres/pg-conn.js';
import { findPgTool } from '../src/postgres/pg-tools.js';
import { trialRestore } from '../src/operations/backup/trial-restore.js';

const run = promisify(execFile);
const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const targetMb = Number(process.env.BENCH_BACKUP_MB ?? 1024);
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

async function main() {
  const name = `ctxops_bench_backup_${randomBytes(3).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'ctx-ops-bench-backup-'));
  const url = withDatabase(adminUrl, name);
  await sql(adminUrl, `CREATE DATABASE ${name}`);
  try {
    const t0 = performance.now();
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
    const size = Number((await sql(url, `SELECT pg_database_size(current_database()) AS n`)).rows[0].n);
    process.stdout.write(
      `backup benchmark: database ${name}, ${mb(size)} on disk (created in ${s(performance.now() - t0)})\n`,
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
          ['--format=custom', '--no-password', `--file=${file}`, `--dbname=${toolUri(target.uri, pf)}`],
          { env: toolEnv, maxBuffer: 1 << 20 },
        ),
      );
      const ms = performance.now() - t;
      const bytes = statSync(file).size;
      rmSync(file);
      return { ms, bytes };
    };
    const bot = async (i: number, verify: boolean) => {
      const t = performance.now();
      const out = await runBackup({
        env: `bench${i}`,
        databaseUrl: url,
        backupDir: dir,
        pgDump,
        pgRestore,
        toolEnv,
        keyTables: ['repositories', 'events', 'chunks'],
        startedAt: new Date(),
        signal: new AbortController().signal,
        progressIntervalMs: 3000,
        onProgress: () => {},
        clean: (l) => l,
        tag: 'bench',
        verify: verify ? 'restore' : 'none',
      });
      if (!out.ok) throw new Error(`the bot's backup failed: ${out.reason}`);
      return { ms: performance.now() - t, bytes: out.sizeBytes, path: out.path, dumpMs: out.dumpMs };
    };

    const rounds = 3;
    const plainMs: number[] = [];
    const botMs: number[] = [];
    let dumpBytes = 0;
    let lastBotFile = '';
    for (let i = 0; i < rounds; i++) {
      // Alternate which goes first, so neither always runs on a warmer cache or a quieter machine.
      let p: Awaited<ReturnType<typeof plain>>;
      let b: Awaited<ReturnType<typeof bot>>;
      if (i % 2 === 0) {
        p = await plain(i);
        b = await bot(i, false);
      } else {
        b = await bot(i, false);
        p = await plain(i);
      }
      plainMs.push(p.ms);
      botMs.push(b.dumpMs);
      dumpBytes = b.bytes;
      if (lastBotFile) rmSync(lastBotFile, { force: true });
      lastBotFile = b.path;
      line(
        `round ${i + 1}: plain pg_dump / bot runner`,
        `${s(p.ms)} / ${s(b.dumpMs)}  (dump ${mb(p.bytes)} / ${mb(b.bytes)})`,
      );
    }
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    line('plain pg_dump --format=custom (mean)', s(avg(plainMs)));
    line('bot backup runner, before verification (mean)', `${s(avg(botMs))} (includes sha256 and byte counting)`);
    line('ratio bot / plain (target <= 1.10)', (avg(botMs) / avg(plainMs)).toFixed(3));

    const v = await trialRestore({
      databaseUrl: url,
      file: lastBotFile,
      pgRestore,
      toolEnv,
      keyTables: ['repositories', 'events', 'chunks'],
      signal: new AbortController().signal,
      tag: 'bench',
      clean: (l) => l,
    });
    if (!v.ok) throw new Error(`verification failed: ${v.reason}`);
    line(
      'verification (trial restore into a scratch db)',
      `${s(v.durationMs)} for a ${mb(dumpBytes)} dump (${(v.durationMs / avg(botMs)).toFixed(2)}x the dump time)`,
    );
    line('rows restored', v.counts.map((c) => `${c.table} ${c.rows}`).join(', '));
  } finally {
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
