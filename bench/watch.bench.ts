/**
 * Schedules benchmark (issues 4 and 14): watch cycles over 100 environments × 12 checks,
 * then over 500 (how it scales), each size in a fresh store.
 *
 * The 12 checks are light fake components (test/schedules/fake-components.ts): each is a
 * real check run by the real runner (deadline, root causes) that GETs its own path on one
 * fake HTTP server on loopback; three depend on others. 7 of the 100 environments have a
 * failing database (so root causes and alert state change). The cycle is the real watch:
 * fresh runs with watch.concurrency environments at a time, history and hourly roll-ups
 * written, alert state applied in the real store (a scratch database on the machine's
 * Postgres; without one, the figures say so). Prints figures; never passes or fails on time.
 *
 * What is measured is the watch as it ships: this file is bundled with esbuild (as dist/ is)
 * and run by plain node, and the fake components answer from a process of their own
 * (bench/watch-fakes.ts), as remote components would. Until issue 14 it ran under tsx with
 * the fakes in process, which counted tsx's transpiler and source maps (about 55 MB of RSS
 * before the first cycle) and the fakes' CPU and request log as the watch's;
 * BENCH_WATCH_LEGACY=1 measures that way still, for comparison.
 */
import { fork, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createBotApp } from '../src/app/app.js';
import { loadConfig } from '../src/config/load.js';
import { createLogger } from '../src/log/logger.js';
import { createRedactor } from '../src/log/redactor.js';
import { createAlerter } from '../src/alerting/alerter.js';
import { createOutbox } from '../src/runtime/outbox.js';
import { resolveScheduleSettings } from '../src/config/schedules.js';
import { createWatch } from '../src/alerting/watch.js';
import { createStore } from '../src/store/store.js';
import { botLaunch } from '../test/support/bot-start.js';
import { applyBotMemoryPolicy } from '../src/runtime/memory-policy.js';
import { componentChecks, startFakeComponents } from '../test/support/fake-components.js';
import { figure, median } from './figure.js';

const LEGACY = process.env.BENCH_WATCH_LEGACY === '1';
if (!LEGACY && !process.env.BENCH_WATCH_BUNDLED) {
  // Bundle this file and the fakes' (as scripts/dist.mjs bundles the bot) and measure that.
  const { build } = await import('esbuild');
  const root = fileURLToPath(new URL('../', import.meta.url));
  // Inside the repository, so that the bundles' imports of packages resolve as dist/'s do.
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const out = mkdtempSync(join(root, 'node_modules/.cache/ctx-ops-watch-bench-'));
  let status = 1;
  try {
    await build({
      entryPoints: [fileURLToPath(import.meta.url), fileURLToPath(new URL('watch-fakes.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outdir: out,
      outExtension: { '.js': '.mjs' },
      logLevel: 'warning',
    });
    // The watch runs inside the bot: with the node options and variables the bot is started with.
    const launch = botLaunch();
    const r = spawnSync(process.execPath, [...launch.flags, join(out, 'watch.bench.mjs')], {
      stdio: 'inherit',
      env: { ...process.env, ...launch.env, BENCH_WATCH_BUNDLED: '1' },
    });
    status = r.status ?? 1;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  // Not before the bundles are removed (exit skips finally).
  process.exit(status);
}

// The watch runs inside the bot, under the bot's memory policy (src/bot.ts applies it at start).
if (!LEGACY) applyBotMemoryPolicy();

const SIZES = (process.env.BENCH_WATCH_ENVS ?? '100,500').split(',').map(Number);
const CYCLES = 4;
const FAILING_EVERY = 15;
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

const checks = componentChecks([
  { id: 'backend' },
  { id: 'ui', dependsOn: ['backend'] },
  { id: 'auth', dependsOn: ['backend'] },
  { id: 'mcp', dependsOn: ['auth'] },
  { id: 'postgres' },
  { id: 'migrations' },
  { id: 'codesearch' },
  { id: 'indexing' },
  { id: 'graph' },
  { id: 'worker' },
  { id: 'confluence' },
  { id: 'telemetry' },
]);

async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const name = `ctxops_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch {
    return null;
  } finally {
    await admin.end().catch(() => {});
  }
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => c.end());
    },
  };
}

const failing: string[] = [];
for (let i = 0; i < Math.max(...SIZES); i += FAILING_EVERY) failing.push(`e${i}`);
const components = LEGACY ? await inProcessFakes() : await forkedFakes();
try {
  for (const ENVS of SIZES) await measure(ENVS);
} finally {
  await components.close();
}

interface Fakes {
  url: string;
  served(): Promise<number>;
  close(): Promise<void>;
}

async function inProcessFakes(): Promise<Fakes> {
  const c = await startFakeComponents();
  for (const env of failing) c.set(env, 'postgres', 'fail', 'connection refused');
  return { url: c.url, served: async () => c.http.requests.length, close: () => c.close() };
}

async function forkedFakes(): Promise<Fakes> {
  const child = fork(fileURLToPath(new URL('watch-fakes.mjs', import.meta.url)), {
    env: { ...process.env, FAKE_FAILING: failing.join(',') },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<{ url?: string; served?: number }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { url?: string; served?: number }));
      child.once('exit', (code) => reject(new Error(`the fake components exited (${code})`)));
    });
  const { url } = await next();
  return {
    url: url!,
    async served() {
      const answer = next();
      child.send('count');
      return (await answer).served!;
    },
    async close() {
      const exited = new Promise((r) => child.once('exit', r));
      child.disconnect();
      await exited;
    },
  };
}

async function measure(ENVS: number) {
  const dir = mkdtempSync(join(tmpdir(), 'ctx-ops-bench-'));
  const db = await scratchDatabase();
  try {
    const envYaml = Array.from(
      { length: ENVS },
      (_, i) => `  e${i}: { env: { AUTH_BASE_URL: "${components.url}" } }`,
    ).join('\n');
    writeFileSync(
      join(dir, 'ctx-ops.yml'),
      `checks: { cacheMs: 0 }\nchannels: { alerts: C0ALERTS }\nenvironments:\n${envYaml}\n`,
    );
    const config = loadConfig({ env: { CTX_OPS_CONFIG: join(dir, 'ctx-ops.yml') }, cwd: dir, checks });
    const redactor = createRedactor(config.secrets);
    const log = createLogger({ level: process.env.LOG_LEVEL ?? 'silent', redactor });
    const store = db ? createStore(db.url, log, { max: 10 }) : null;
    await store?.ready();
    const app = createBotApp(config, { log, redactor, checks, store, features: [] });
    const settings = resolveScheduleSettings(config);
    const outbox = createOutbox({ log });
    outbox.attach(null);
    const rssBefore = process.resourceUsage().maxRSS;
    const served = await components.served();
    if (!store) {
      console.log(`no Postgres at ${new URL(ADMIN_URL).host}: timing the checks only (no history, no alert state)`);
      for (let c = 1; c <= 2; c++) {
        const t = performance.now();
        await Promise.all(config.environments.map((e) => app.core.diagnostics.run(e.name, { maxAgeMs: 0 })));
        console.log(`checks only, cycle ${c}: ${(performance.now() - t).toFixed(0)} ms`);
      }
    } else {
      const watch = createWatch({
        diagnostics: app.core.diagnostics,
        store,
        envs: config.environments.map((e) => e.name),
        rules: settings.watch.rules,
        intervalMs: settings.watch.intervalMs,
        concurrency: settings.watch.concurrency,
        maintenance: [],
        alerter: createAlerter({
          store,
          outbox,
          channel: 'C0ALERTS',
          titles: app.core.diagnostics.titles,
          timeZone: 'UTC',
          failureThreshold: 3,
          log,
          now: () => new Date(),
        }),
        isLeader: () => true,
        log,
        now: () => new Date(),
      });
      const steady: number[] = [];
      const cpu: number[] = [];
      for (let c = 1; c <= CYCLES; c++) {
        const u = process.cpuUsage();
        const s = await watch.runCycle();
        await watch.settled();
        const used = process.cpuUsage(u);
        if (c > 1) steady.push(s.durationMs);
        if (c > 1) cpu.push((used.user + used.system) / 1000);
        console.log(
          `watch cycle ${c}${c === 1 ? ' (first: creates alert state)' : ''}: ${ENVS} environments × ${checks.length} checks = ${s.checks} results in ${s.durationMs} ms (concurrency ${settings.watch.concurrency}); ${s.alerts} alert actions`,
        );
      }
      const rows = await store.query<{ n: string }>('SELECT count(*) AS n FROM ctx_ops.check_history');
      console.log(`history rows written: ${rows.rows[0]!.n} (${checks.length * ENVS} per cycle)`);
      figure(
        `watch cycle, ${ENVS} environments × ${checks.length} checks, steady state (median of cycles 2–${CYCLES})`,
        median(steady),
        'ms',
        ENVS === 100 ? { op: '≤', limit: 300 } : 'scales linearly (100 → 500)',
        `cycles ${steady.join(', ')} ms; CPU ${median(cpu).toFixed(0)} ms per cycle, ${LEGACY ? 'fakes included, under tsx' : 'the watch alone, bundled'}; load average ${loadavg()[0]!.toFixed(1)}`,
      );
    }
    console.log(`HTTP requests served by the fake components: ${(await components.served()) - served}`);
    figure(
      `peak RSS of the process after the ${ENVS}-environment cycles`,
      process.resourceUsage().maxRSS / 1024,
      'MB',
      ENVS === 100 ? { op: '≤', limit: 150 } : undefined,
      `before the cycles: ${mb(rssBefore)}; ${LEGACY ? 'under tsx, fakes in process' : 'bundled, fakes in their own process'}`,
    );
    await outbox.close(0);
    await app.close();
  } finally {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
