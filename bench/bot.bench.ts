/**
 * Bot benchmark (issue 14): the built bot (`node dist/bot.js`, as `npm start` runs it) in
 * Socket Mode against the fake Slack (test/support/fake-slack.ts) on loopback, watching one
 * environment of light fake components (test/support/fake-components.ts).
 *
 *  1. start: from spawning `node` to the fake Slack holding the bot's Socket Mode connection
 *     (the fake answers at once, so none of it is Slack's latency), beside a bare `node -e 0`;
 *  2. idle RSS one minute after start (VmRSS in /proc/<pid>/status);
 *  3. RSS over 3,000 `/ctx status`, in bursts of 50 each answered before the next: after the
 *     first 100 (warm), after 500 and 1,000 (the figure), then after 2,000 and 3,000:
 *     whether it keeps growing once V8 has sized its heap for the burst; flat means no growth
 *     beyond noise.
 *
 * BENCH_BOT_GC=1 (a diagnostic run, not the figures above): the bot runs with --expose-gc
 * and bench/gc-probe.mjs, and at the same points a full GC is run in it, so the figures
 * also say what the heap still holds after a GC (growth there is memory the bot keeps;
 * RSS growth without it is garbage V8 has not collected yet).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figure, median } from './figure.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { startFakeComponents } from '../test/support/fake-components.js';
import { botLaunch } from '../test/support/bot-start.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BOT = join(ROOT, 'dist/bot.js');
const IDLE_MS = Number(process.env.BENCH_BOT_IDLE_MS ?? 60_000);
const STATUSES = 1_000;
/** Then on to this many: whether RSS keeps growing once the heap has found its size. */
const MORE_STATUSES = 3_000;
const BURST = 50;
const GC_PROBE = process.env.BENCH_BOT_GC === '1';

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function bareNode(): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    await new Promise((r) => spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' }).on('exit', r));
    if (i) xs.push(performance.now() - t);
  }
  return median(xs);
}

if (!existsSync(BOT)) throw new Error('dist/bot.js is missing: run `npm run build` first');
const slack = await startFakeSlack();
const components = await startFakeComponents();
const cwd = mkdtempSync(join(tmpdir(), 'ctx-ops-bot-bench-'));
writeFileSync(
  join(cwd, 'ctx-ops.yml'),
  `checks: { cacheMs: 0 }\nenvironments:\n  prod: { env: { AUTH_BASE_URL: "${components.url}" } }\n`,
);
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  LOG_LEVEL: 'warn',
  SLACK_BOT_TOKEN: 'xoxb-test-bench-bot-token',
  SLACK_APP_TOKEN: 'xapp-test-bench-app-token',
  SLACK_API_URL: slack.apiUrl,
  ...(GC_PROBE ? { BENCH_GC_PROBE_FILE: join(cwd, 'gc-probe.jsonl') } : {}),
};
const probeArgs = GC_PROBE ? ['--expose-gc', '--import', fileURLToPath(new URL('gc-probe.mjs', import.meta.url))] : [];
const mbOf = (n: number) => n / 1048576;
/** A full GC in the bot; its heap before and after (BENCH_BOT_GC=1 only). */
async function probe(pid: number): Promise<{ before: NodeJS.MemoryUsage; after: NodeJS.MemoryUsage }> {
  const file = join(cwd, 'gc-probe.jsonl');
  const seen = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
  process.kill(pid, 'SIGWINCH');
  for (;;) {
    await sleep(50);
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    if (lines.length > seen) return JSON.parse(lines.at(-1)!);
  }
}
try {
  const bare = await bareNode();
  const starts: number[] = [];
  const launch = botLaunch();
  const spawnBot = () =>
    spawn(process.execPath, [...launch.flags, ...probeArgs, BOT], {
      cwd,
      env: { ...env, ...launch.env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const stop = async (child: ReturnType<typeof spawn>) => {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
  };
  // Start three times, one at a time, each alone on the machine.
  for (let round = 0; round < 3; round++) {
    await slack.waitFor(() => slack.connections() === 0 || undefined, 10_000);
    const t = performance.now();
    const child = spawnBot();
    await slack.waitFor(() => slack.connections() > 0 || undefined, 30_000);
    starts.push(performance.now() - t);
    await stop(child);
  }
  figure(
    'bot start → Socket Mode connected (spawn to connection)',
    median(starts),
    'ms',
    { op: '≤', limit: 1000 },
    `runs ${starts.map((s) => s.toFixed(0)).join(', ')} ms; bare node -e 0: ${bare.toFixed(0)} ms`,
  );

  // Idle RSS varies by several MB from one start to the next (when V8 shrinks its heap after
  // start-up): three bots side by side, each read a minute after its own start; the median.
  await slack.waitFor(() => slack.connections() === 0 || undefined, 10_000);
  const idle: { child: ReturnType<typeof spawn>; at: number; rss?: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const child = spawnBot();
    await slack.waitFor(() => slack.connections() > i || undefined, 30_000);
    idle.push({ child, at: performance.now() });
    await sleep(2_000);
  }
  for (const b of idle) {
    await sleep(Math.max(0, b.at + IDLE_MS - performance.now()));
    b.rss = rssMb(b.child.pid!);
  }
  figure(
    `bot idle RSS ${IDLE_MS / 1000} s after start (median of 3 bots)`,
    median(idle.map((b) => b.rss!)),
    'MB',
    { op: '≤', limit: 80 },
    `bots ${idle.map((b) => b.rss!.toFixed(1)).join(', ')} MB`,
  );
  // The last one stays up for the figures under load.
  for (const b of idle.slice(0, -1)) await stop(b.child);
  const bot = idle.at(-1)!.child;
  await slack.waitFor(() => slack.connections() === 1 || undefined, 10_000);

  const posted = () => slack.calls.filter((c) => c.method === 'chat.postMessage').length;
  const rssAt: Record<number, number> = {};
  const heapAt: Record<number, { before: NodeJS.MemoryUsage; after: NodeJS.MemoryUsage }> = {};
  let sent = 0;
  const started = performance.now();
  while (sent < MORE_STATUSES) {
    const before = posted();
    const burst = Array.from({ length: BURST }, () => slack.slashCommand('status'));
    await Promise.all(burst.map((b) => b.acked));
    await slack.waitFor(() => posted() >= before + BURST || undefined, 60_000);
    sent += BURST;
    if (sent === 100 || sent === 500 || sent === STATUSES || sent === 2_000 || sent === MORE_STATUSES) {
      rssAt[sent] = rssMb(bot.pid!);
      if (GC_PROBE) heapAt[sent] = await probe(bot.pid!);
    }
  }
  const took = performance.now() - started;
  await sleep(2_000);
  const settled = rssMb(bot.pid!);
  figure(
    'bot RSS growth over /ctx status 100 → 1,000',
    rssAt[STATUSES]! - rssAt[100]!,
    'MB',
    'flat (noise only)',
    `RSS ${rssAt[100]!.toFixed(0)} MB after 100, ${rssAt[500]!.toFixed(0)} after 500, ${rssAt[STATUSES]!.toFixed(0)} after 1,000`,
  );
  figure(
    'bot RSS growth over /ctx status 1,000 → 3,000 (after warm-up)',
    rssAt[MORE_STATUSES]! - rssAt[STATUSES]!,
    'MB',
    'flat (noise only)',
    `RSS ${rssAt[2_000]!.toFixed(0)} MB after 2,000, ${rssAt[MORE_STATUSES]!.toFixed(0)} after 3,000, ${settled.toFixed(0)} 2 s later; ${MORE_STATUSES} answered in ${(took / 1000).toFixed(1)} s`,
  );
  if (GC_PROBE) {
    const used = (n: number, w: 'before' | 'after') => mbOf(heapAt[n]![w].heapUsed).toFixed(1);
    figure(
      'bot heap still used after a full GC, growth over /ctx status 100 → 1,000 (diagnostic run)',
      mbOf(heapAt[STATUSES]!.after.heapUsed - heapAt[100]!.after.heapUsed),
      'MB',
      undefined,
      `heap used ${used(100, 'before')} → ${used(100, 'after')} MB by the GC after 100, ${used(500, 'before')} → ${used(500, 'after')} after 500, ${used(STATUSES, 'before')} → ${used(STATUSES, 'after')} after 1,000; RSS after each GC ${[100, 500, STATUSES].map((n) => mbOf(heapAt[n]!.after.rss).toFixed(0)).join(', ')} MB`,
    );
  }
  bot.kill('SIGTERM');
  await new Promise((r) => bot.on('exit', r));
} finally {
  await slack.close();
  await components.close();
  rmSync(cwd, { recursive: true, force: true });
}
