import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { execForm, parseDockerfile } from '../support/dockerfile.js';
import { startFakeBackend } from '../support/fake-backend.js';
import { closedPort } from '../support/net.js';
import { ROOT } from '../support/processes.js';

/**
 * Issue 13's "Done when": `npm ci --omit=dev && node dist/bot.js` starts the local prompt on
 * a fresh clone. The clone is every file git would check out (tracked, plus new files not
 * ignored) copied to a temp folder; the install is offline from npm's cache, with no dev
 * dependency (no TypeScript, no tsx). The image's CMD and HEALTHCHECK run from that install.
 */
let clone: string;
const env = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TERM: 'dumb' });
const runtime = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8')).stages.at(-1)!;
const instruction = (k: string) => runtime.instructions.find((i) => i.keyword === k)!.args;

function run(argv: string[], o: { cwd: string; stdin?: string; env?: Record<string, string> }) {
  const child = spawn(argv[0]!, argv.slice(1), { cwd: o.cwd, env: { ...env(), ...o.env }, stdio: 'pipe' });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  child.stdin.end(o.stdin ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise<{ code: number | null; out: string }>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    }),
  );
}

beforeAll(async () => {
  clone = mkdtempSync(join(tmpdir(), 'ctx-ops-clone-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((f) => f && existsSync(join(ROOT, f)));
  for (const f of files) {
    mkdirSync(dirname(join(clone, f)), { recursive: true });
    cpSync(join(ROOT, f), join(clone, f));
  }
  const install = await run(['npm', 'ci', '--omit=dev', '--offline', '--no-audit', '--no-fund'], { cwd: clone });
  if (install.code !== 0) throw new Error(`npm ci --omit=dev failed:\n${install.out}`);
}, 180_000);
afterAll(() => rmSync(clone, { recursive: true, force: true }));

describe('production install (npm ci --omit=dev on a fresh clone)', () => {
  it('installs no compiler and no dev tool, and dist/ is built from the current sources', async () => {
    expect(existsSync(join(clone, 'node_modules/typescript'))).toBe(false);
    expect(existsSync(join(clone, 'node_modules/tsx'))).toBe(false);
    expect(existsSync(join(clone, 'dist/bot.js'))).toBe(true);
    // The CI check: a commit that changes src/ without `npm run build` fails here.
    const check = await run(['node', 'scripts/dist.mjs', 'check'], { cwd: clone });
    expect(check.out).toBe('');
    expect(check.code).toBe(0);
  });

  it('`node dist/bot.js` at a terminal starts the local prompt and answers', async () => {
    // `script` gives the bot a terminal, as a person at a shell has.
    const r = await run(['script', '-qfec', 'node dist/bot.js', '/dev/null'], { cwd: clone, stdin: 'help\nexit\n' });
    expect(r.out).toContain('ctx-ops local shell: no Slack tokens are set');
    expect(r.out).toContain('ctx>');
    expect(r.out).toMatch(/status/);
    expect(r.code).toBe(0);
  });

  it('`dist/cli.js status` probes with the drivers bundled in dist/vendor/, one file each', async () => {
    // Plain JavaScript (the install has no tsx): records every file the process required.
    const trace = join(clone, 'trace.cjs');
    const out = join(clone, 'trace.json');
    writeFileSync(
      trace,
      `process.once('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    const backend = await startFakeBackend();
    try {
      const r = await run(['node', '--require', trace, 'dist/cli.js', 'status', '--json'], {
        cwd: clone,
        env: {
          AUTH_BASE_URL: backend.url,
          GRAPH_DB_PROVIDER: 'falkordb',
          GRAPH_DB_URI: `redis://127.0.0.1:${await closedPort()}`,
          LOG_LEVEL: 'silent',
        },
      });
      const json = JSON.parse(r.out) as { checks: Array<{ id: string; status: string; summary: string }> };
      expect(json.checks.find((c) => c.id === 'backend')?.status).toBe('ok'); // undici spoke HTTP
      expect(json.checks.find((c) => c.id === 'graph')?.summary).toMatch(/refused|unreachable|connect/i); // ioredis tried
      const files = (JSON.parse(readFileSync(out, 'utf8')) as string[]).map((f) => f.slice(clone.length + 1));
      expect(files).toEqual(expect.arrayContaining(['dist/vendor/undici.cjs', 'dist/vendor/ioredis.cjs']));
      expect(files.filter((f) => /node_modules\/(undici|ioredis|pg)\//.test(f))).toEqual([]);
    } finally {
      await backend.close();
    }
  });

  it('the built `help` lists exactly what the live bot registers (from dist/commands.json, without building the bot)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ctx-ops-help-'));
    try {
      writeFileSync(
        join(cwd, 'ctx-ops.yml'),
        'defaultEnvironment: prod\nenvironments:\n  prod: { env: { AUTH_BASE_URL: "http://127.0.0.1:9" } }\n  staging: { env: { AUTH_BASE_URL: "http://127.0.0.1:9" } }\n',
      );
      const built = await run(['node', join(clone, 'dist/cli.js'), 'help'], { cwd, env: { LOG_LEVEL: 'silent' } });
      const out = { text: '', write: (s: string) => ((out.text += s), true) };
      const live = await runCli(
        ['help'],
        { PATH: process.env.PATH, LOG_LEVEL: 'silent' },
        {
          cwd,
          stdin: new PassThrough(),
          stdout: out as unknown as NodeJS.WritableStream,
          stderr: new PassThrough(),
        },
      );
      expect(built.code).toBe(0);
      expect(live).toBe(0);
      expect(built.out).toContain('Environments: prod (default), staging');
      expect(built.out).toBe(out.text);
      // A configuration problem is still every problem and exit 2, as from the live bot.
      writeFileSync(join(cwd, 'ctx-ops.yml'), 'checks: { timeoutMs: -1 }\n');
      const bad = await run(['node', join(clone, 'dist/cli.js'), 'help'], { cwd });
      expect(bad.code).toBe(2);
      expect(bad.out).toMatch(/checks\.timeoutMs/);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it("the image's CMD runs from the production install (answers a command piped in, exits 0)", async () => {
    const cmd = execForm(instruction('CMD'));
    const r = await run(cmd, { cwd: clone, stdin: 'help\n', env: { NODE_ENV: 'production' } });
    expect(r.out).toMatch(/status/);
    expect(r.out).not.toMatch(/Cannot find|ERR_MODULE_NOT_FOUND/);
    expect(r.code).toBe(0);
  });

  it('`npm start` there runs dist/ as built (nothing to compile, no compiler needed)', async () => {
    const r = await run(['npm', 'start', '--silent'], { cwd: clone, stdin: 'help\n' });
    expect(r.out).not.toContain('typescript is not installed');
    expect(r.out).toMatch(/status/);
    expect(r.code).toBe(0);
  });
});

describe("the image's HEALTHCHECK (node dist/healthcheck.js)", () => {
  let server: Server;
  let status = 200;
  let port: number;
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.statusCode = req.url === '/healthz' ? status : 404;
      res.end(req.url === '/healthz' ? 'ok' : 'not found');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const healthcheck = (p: string) => {
    const hc = instruction('HEALTHCHECK');
    return run(execForm(hc.slice(hc.indexOf('CMD ') + 4)), { cwd: clone, env: { CTX_OPS_HEALTH_PORT: p } });
  };

  it('exits 0 when /healthz answers 200', async () => {
    status = 200;
    const r = await healthcheck(String(port));
    expect(r.out).toContain(`http://127.0.0.1:${port}/healthz answered 200`);
    expect(r.code).toBe(0);
  });

  it('exits 1 when /healthz answers 503, nothing listens, or the port is not a port', async () => {
    status = 503;
    expect((await healthcheck(String(port))).code).toBe(1);
    const closed = await healthcheck(String(await closedPort()));
    expect(closed.out).toMatch(/ECONNREFUSED/);
    expect(closed.code).toBe(1);
    const bad = await healthcheck('http');
    expect(bad.out).toContain('is not a port');
    expect(bad.code).toBe(1);
  });
});

describe('npm pack', () => {
  it('ships the built JavaScript and what it reads at run time, not sources or tests', () => {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: env(),
      }),
    ) as Array<{ files: Array<{ path: string }> }>;
    const paths = packed!.files.map((f) => f.path);
    for (const p of [
      'dist/bot.js',
      'dist/cli.js',
      'dist/healthcheck.js',
      'dist/shipped-yaml.json',
      'dist/vendor/undici.cjs',
      'dist/commands.json',
      'runbooks/backup-failed.yml',
      'signals/logs.yml',
      'README.md',
    ])
      expect(paths).toContain(p);
    expect(paths.some((p) => p.startsWith('sql/ctx_ops/'))).toBe(true);
    expect(paths.filter((p) => /^(src|test|bench|node_modules)\//.test(p) || p.endsWith('.ts'))).toEqual([]);
  });
});
