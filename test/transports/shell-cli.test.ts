import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { startFakeBackend, type FakeBackend } from '../support/fake-backend.js';
import { buildBot } from '../support/harness.js';
import { runShell } from '../../src/transports/shell.js';
import { FOUNDATION_CHECKS } from '../support/checks.js';
import { closedPort } from '../support/net.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { drizzleMigrate, writeMigration } from '../support/drizzle.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let backend: FakeBackend;
let db: TestDatabase;
let migrationsDir: string;

beforeAll(async () => {
  [backend, db] = await Promise.all([startFakeBackend(), createTestDatabase('cli')]);
  migrationsDir = mkdtempSync(join(tmpdir(), 'ctx-cli-migr-'));
  writeMigration(migrationsDir, '20260101000000_init', 'CREATE TABLE organizations (id text PRIMARY KEY);');
  await drizzleMigrate(db.url, migrationsDir);
});
afterAll(async () => {
  await Promise.all([backend.close(), db.drop()]);
  rmSync(migrationsDir, { recursive: true, force: true });
});

function io(stdinText = '') {
  let out = '';
  let err = '';
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const stdin = new PassThrough();
  stdin.end(stdinText);
  return {
    io: { cwd: mkdtempSync(join(tmpdir(), 'ctx-cli-')), stdin, stdout, stderr },
    out: () => out,
    err: () => err,
  };
}

const healthyEnv = () => ({
  AUTH_BASE_URL: backend.url,
  DATABASE_URL: db.url,
  CTX_MIGRATIONS_DIR: migrationsDir,
  LOG_LEVEL: 'silent',
});

describe('CLI', () => {
  it('status --json prints the documented contract and exits 0 when nothing fails', async () => {
    const t = io();
    const code = await runCli(['status', '--json'], healthyEnv(), t.io, { checks: FOUNDATION_CHECKS });
    const json = JSON.parse(t.out());
    expect(code).toBe(0);
    expect(Object.keys(json)).toEqual(['environment', 'checkedAt', 'overall', 'checks']);
    expect(json.overall).toBe('ok');
    expect(json.checks.map((c: { id: string }) => c.id)).toEqual(['backend', 'ui', 'postgres', 'migrations']);
    for (const c of json.checks) {
      expect(Object.keys(c).sort()).toEqual(
        expect.arrayContaining(['details', 'durationMs', 'id', 'status', 'summary']),
      );
      expect(['ok', 'warn', 'fail', 'skip']).toContain(c.status);
    }
  });

  it('exits 1 when a check fails, and prints readable text without --json', async () => {
    const t = io();
    const code = await runCli(
      ['status'],
      { ...healthyEnv(), AUTH_BASE_URL: `http://127.0.0.1:${await closedPort()}` },
      t.io,
      { checks: FOUNDATION_CHECKS },
    );
    expect(code).toBe(1);
    expect(t.out()).toMatch(/^🔴 default: Backend failing \(also breaks UI\)/);
    expect(t.out()).not.toContain('Checking');
  });

  it('check <id> --json prints one check', async () => {
    const t = io();
    const code = await runCli(['check', 'migrations', '--json'], healthyEnv(), t.io, { checks: FOUNDATION_CHECKS });
    expect(code).toBe(0);
    expect(JSON.parse(t.out())).toMatchObject({ id: 'migrations', status: 'ok', summary: 'up to date (1 applied)' });
  });

  it.each([
    [['check', 'nosuch'], /there is no check nosuch/],
    [['frobnicate'], /Unknown command/],
    [['status', '--env', 'prod'], /no environment prod \(known: default\)/],
  ])('exits 2 on bad usage: %j', async (argv, message) => {
    const t = io();
    expect(await runCli(argv, healthyEnv(), t.io, { checks: FOUNDATION_CHECKS })).toBe(2);
    expect(t.out()).toMatch(message);
  });

  it('exits 2 on invalid configuration and lists every problem without running anything', async () => {
    const t = io();
    const requests = backend.http.requests.length;
    const code = await runCli(
      ['status'],
      { ...healthyEnv(), PORT: 'x', SLACK_BOT_TOKEN: 'bad', LOG_LEVEL: 'loud' },
      t.io,
      { checks: FOUNDATION_CHECKS },
    );
    expect(code).toBe(2);
    expect(t.err()).toMatch(/the configuration has 3 problems/);
    expect(t.err()).toMatch(/PORT/);
    expect(t.err()).toMatch(/SLACK_BOT_TOKEN/);
    expect(t.err()).toMatch(/LOG_LEVEL/);
    expect(backend.http.requests.length).toBe(requests);
  });
});

describe('shell', () => {
  it('answers /ctx status, check and help as readable text, line by line', async () => {
    const h = buildBot({ checks: FOUNDATION_CHECKS, env: healthyEnv() });
    const t = io('/ctx status\ncheck backend\nhelp\nnonsense\n');
    try {
      await runShell(h.bot, { input: t.io.stdin, output: t.io.stdout, interactive: false });
    } finally {
      await h.close();
    }
    const out = t.out();
    // Fast answers come without a "checking…" placeholder.
    expect(out).not.toContain('⏳');
    expect(out).toMatch(/✅ All 4 checks healthy on default/);
    expect(out).toMatch(/✅ Backend on default: up, answered in/);
    expect(out).toContain('status [env|all]');
    expect(out).toContain('Unknown command nonsense.');
  });

  it('`npm start` without Slack tokens opens the shell (real process)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', './test/support/no-dns.ts', 'src/bot.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...healthyEnv(), LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stdin.end('status\n');
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(0);
    // Every registered check answers in the real process (the rest of the deployment is absent here).
    expect(out).toMatch(/^(✅|⚠️|🔴) /m);
    for (const title of ['Backend', 'UI', 'Postgres', 'Migrations'])
      expect(out).toMatch(new RegExp(`^  \\S+\\s+${title}\\s`, 'm'));
  });
});

describe('shell buttons', () => {
  it('numbers the buttons it prints; typing the number presses it', async () => {
    const h = buildBot({ checks: FOUNDATION_CHECKS, env: healthyEnv(), yaml: 'checks:\n  cacheMs: 0\n' });
    const t = io('status\n1\n99\n');
    try {
      await runShell(h.bot, { input: t.io.stdin, output: t.io.stdout, interactive: false });
    } finally {
      await h.close();
    }
    const out = t.out();
    expect(out).toMatch(/\[1\] 🔄 Re-run {2}\(type the number to press\)/);
    // Pressing [1] re-runs the status: a second verdict, with a new button number.
    expect(out.match(/✅ All 4 checks healthy on default/g)).toHaveLength(2);
    expect(out).toMatch(/\[2\] 🔄 Re-run/);
    expect(out).toContain('no button [99]');
  });
});
