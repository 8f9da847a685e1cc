import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Figure, formatFigure } from './figure.js';
import { botLaunch } from '../test/support/bot-start.js';

/**
 * `npm run bench`: builds dist/ (the CLI benchmark runs the built CLI), then runs every
 * bench/*.bench.ts in its own process (so memory figures are its own) and prints their
 * figures, then one table of every figure with its goal beside it (the README's table).
 * Benchmarks report; they never pass or fail on time.
 *
 *   npm run bench                      every benchmark
 *   npm run bench -- status cli        only the files whose name contains "status" or "cli"
 *   npm run bench -- --skip backup     all but the files whose name contains "backup"
 *
 * Figure format: a benchmark prints each figure with `figure(name, value, unit, goal)` from
 * bench/figure.ts, one line each:
 *
 *   ▸ <name>: <value> <unit>   goal <op> <limit> <unit>   met | MISSED   (<note>)
 *
 * and, under this runner, also appends it as a JSON line to the file named by BENCH_FIGURES;
 * the closing table is built from those lines. A benchmark that prints only console lines
 * still runs; its lines just do not reach the table.
 */
const dir = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../', import.meta.url));
const argv = process.argv.slice(2);
const skip: string[] = [];
const only: string[] = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--skip' && argv[i + 1]) skip.push(argv[++i]!);
  else if (argv[i]!.startsWith('--skip=')) skip.push(argv[i]!.slice('--skip='.length));
  else only.push(argv[i]!);
}
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .filter((f) => !skip.some((s) => f.includes(s)))
  .sort();

const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  process.stdout.write('npm run build failed: the benchmarks need dist/\n');
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'ctx-ops-bench-figures-'));
const figuresFile = join(tmp, 'figures.jsonl');
const started = performance.now();
// Figures are only comparable on a quiet machine: say how busy this one was.
const loadBefore = loadavg()[0]!;
let failed = 0;
for (const f of files) {
  process.stdout.write(`\n=== ${f} ===\n`);
  const t = performance.now();
  // The status benchmark runs the bot in its own process: with the node options the bot is
  // started with (package.json "start", the image's CMD), so its figures are the shipped bot's.
  const launch = f === 'status.bench.ts' ? botLaunch() : { env: {}, flags: [] };
  const r = spawnSync(process.execPath, [...launch.flags, '--import', 'tsx', `${dir}${f}`], {
    stdio: 'inherit',
    env: { ...process.env, ...launch.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', BENCH_FIGURES: figuresFile },
  });
  process.stdout.write(`(${f}: ${((performance.now() - t) / 1000).toFixed(0)} s)\n`);
  if (r.status !== 0) {
    failed++;
    process.stdout.write(`(${f} did not finish: exit ${r.status ?? r.signal})\n`);
  }
}

const figures: Figure[] = existsSync(figuresFile)
  ? readFileSync(figuresFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Figure)
  : [];
rmSync(tmp, { recursive: true, force: true });
const cell = (s: string) => s.replace(/\|/g, '\\|');
process.stdout.write(
  `\n=== every figure (${files.length} benchmarks, ${((performance.now() - started) / 1000).toFixed(0)} s${
    skip.length ? `; skipped: ${skip.join(', ')}` : ''
  }; ${cpus().length} CPUs, load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end) ===\n\n| benchmark | figure | value | goal | |\n|---|---|---|---|---|\n`,
);
for (const f of figures)
  process.stdout.write(
    `| ${f.bench} | ${cell(f.name)} | **${formatFigure(f.value)} ${f.unit}**${f.note ? ` (${cell(f.note)})` : ''} | ${
      f.goal ? cell(f.goal) : '—'
    } | ${f.met === undefined ? '' : f.met ? 'met' : 'MISSED'} |\n`,
  );
process.exitCode = failed ? 1 : 0;
