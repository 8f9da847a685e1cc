/**
 * CLI benchmark (issue 14): the built CLI (`node dist/cli.js`, as `npx ctx-ops` runs it)
 * spawned as a child process, beside a bare `node -e 0` spawned the same way.
 *
 *  1. `ctx-ops status --json` against a whole healthy fake deployment (test/support/
 *     fake-deployment.ts: backend, auth, codesearch, FalkorDB, OTLP, real Postgres) whose
 *     backend answers /.status after 150 ms, the slowest probe. Wall = spawn → process exit;
 *     also when the first byte of the answer arrived and how long the process lived after it.
 *  2. The same with an unresolvable graph host (GRAPH_DB_URI on a `.invalid` name).
 *  3. `ctx-ops help` and `ctx-ops config`: wall and peak RSS.
 *
 * Peak RSS is the kernel's maximum resident set size of the child (getrusage ru_maxrss),
 * read with GNU time (`/usr/bin/time -f %M`); without it, RSS figures are skipped.
 * Run `npm run build` first (bench/run.ts does).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figure, median } from './figure.js';
import { startFakeDeployment } from '../test/support/fake-deployment.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.js');
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
const SLOWEST_PROBE_MS = 150;
// 9: the ratios divide by a bare `node -e 0` of ~20 ms, whose median of 5 moved by ±4 ms between runs.
const ROUNDS = Number(process.env.BENCH_CLI_ROUNDS ?? 9);

interface Run {
  wallMs: number;
  firstByteMs: number | null;
  exitAfterOutputMs: number | null;
  peakRssMb: number | null;
  code: number | null;
  stdout: string;
}

/** Spawns `node <args>` (under GNU time when present), timing from spawn to exit. */
function run(args: string[], o: { cwd: string; env: Record<string, string | undefined> }): Promise<Run> {
  const rssFile = join(o.cwd, `rss-${process.hrtime.bigint()}`);
  const [cmd, argv] = hasTime
    ? [TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...args]]
    : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstByte: number | null = null;
    let lastByte: number | null = null;
    let stdout = '';
    const child = spawn(cmd, argv, { cwd: o.cwd, env: o.env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => {
      firstByte ??= performance.now();
      lastByte = performance.now();
      stdout += d;
    });
    child.stderr.resume();
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      const ended = performance.now();
      clearTimeout(killer);
      let peakRssMb: number | null = null;
      if (hasTime && existsSync(rssFile)) {
        const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
        if (Number.isFinite(kb)) peakRssMb = kb / 1024;
        rmSync(rssFile, { force: true });
      }
      resolve({
        wallMs: ended - started,
        firstByteMs: firstByte === null ? null : firstByte - started,
        exitAfterOutputMs: lastByte === null ? null : ended - lastByte,
        peakRssMb,
        code,
        stdout,
      });
    });
  });
}

async function rounds(args: string[], o: { cwd: string; env: Record<string, string | undefined> }) {
  await run(args, o); // warm the page cache
  const runs: Run[] = [];
  for (let i = 0; i < ROUNDS; i++) runs.push(await run(args, o));
  const pick = (f: (r: Run) => number | null) => {
    const xs = runs.map(f).filter((x): x is number => x !== null);
    return xs.length ? median(xs) : Number.NaN;
  };
  return {
    runs,
    wall: pick((r) => r.wallMs),
    firstByte: pick((r) => r.firstByteMs),
    exitAfter: pick((r) => r.exitAfterOutputMs),
    rss: pick((r) => r.peakRssMb),
    codes: [...new Set(runs.map((r) => r.code))].join(','),
  };
}

if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
const cwd = mkdtempSync(join(tmpdir(), 'ctx-ops-cli-bench-'));
const base = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent' };
const d = await startFakeDeployment();
try {
  d.backend.setStatus('slow', { delayMs: SLOWEST_PROBE_MS });
  writeFileSync(join(cwd, 'ctx-ops.yml'), 'checks: { cacheMs: 0 }\n');
  const bare = await rounds(['-e', '0'], { cwd, env: base });
  figure('bare `node -e 0`, spawned', bare.wall, 'ms', undefined, `median of ${ROUNDS}`);
  if (hasTime) figure('bare `node -e 0`, peak RSS', bare.rss, 'MB');

  const env = { ...base, ...d.env };
  const st = await rounds([CLI, 'status', '--json'], { cwd, env });
  const overall = (() => {
    try {
      return (JSON.parse(st.runs.at(-1)!.stdout) as { overall?: string }).overall;
    } catch {
      return 'unparsable';
    }
  })();
  const physical = bare.wall + SLOWEST_PROBE_MS;
  figure(
    '`ctx-ops status --json` wall (healthy fake, slowest probe 150 ms)',
    st.wall,
    'ms',
    undefined,
    `median of ${ROUNDS}; overall ${overall}, exit ${st.codes}; answer at ${st.firstByte.toFixed(0)} ms`,
  );
  figure('`ctx-ops status --json` wall ÷ (bare node + slowest probe)', st.wall / physical, '×', { op: '≤', limit: 2 });
  figure('`ctx-ops status --json`: process alive after the answer', st.exitAfter, 'ms', 'exits as soon as written');
  if (hasTime) figure('`ctx-ops status --json` peak RSS', st.rss, 'MB');

  const badGraph = { ...env, GRAPH_DB_URI: 'redis://graph.invalid:6379' };
  const bg = await rounds([CLI, 'status', '--json'], { cwd, env: badGraph });
  figure(
    '`ctx-ops status --json`, unresolvable graph host: wall',
    bg.wall,
    'ms',
    undefined,
    `answer at ${bg.firstByte.toFixed(0)} ms, exit ${bg.codes}`,
  );
  figure(
    '`ctx-ops status --json`, unresolvable graph host: alive after the answer',
    bg.exitAfter,
    'ms',
    'exits as soon as written',
  );

  for (const cmd of ['help', 'config']) {
    const r = await rounds([CLI, cmd], { cwd, env });
    figure(
      `\`ctx-ops ${cmd}\` wall ÷ bare node`,
      r.wall / bare.wall,
      '×',
      { op: '≤', limit: 5 },
      `${r.wall.toFixed(0)} ms, exit ${r.codes}`,
    );
    if (hasTime) figure(`\`ctx-ops ${cmd}\` peak RSS`, r.rss, 'MB', { op: '≤', limit: 70 });
  }
} finally {
  await d.close();
  rmSync(cwd, { recursive: true, force: true });
}
