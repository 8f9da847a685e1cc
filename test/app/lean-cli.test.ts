import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBackend, type FakeBackend } from '../support/fake-backend.js';
import { closedPort } from '../support/net.js';
import { baseEnv, startProcess } from '../support/processes.js';

/**
 * Issue 14: `ctx-ops` loads only what a command needs and exits once its answer is written.
 * Real processes (the CLI and the bot through tsx) with test/support/module-trace.ts
 * preloaded, which records every npm package the process loaded and whether it ended by
 * running out of work (nothing left open) rather than by process.exit().
 */
const TRACE = fileURLToPath(new URL('../support/module-trace.ts', import.meta.url));
const DRIVERS = ['@slack/bolt', '@slack/web-api', 'neo4j-driver', 'ioredis', 'pg', 'undici'];
/**
 * Generous: closing pools and sockets takes milliseconds; what this catches is a handle
 * left behind, which holds the process for seconds (ioredis's 2 s disconnect timer after an
 * unresolvable host, undici's 4 s keep-alive, pg's 30 s idle timeout).
 */
const EXIT_AFTER_ANSWER_MS = 1_500;

interface Traced {
  code: number | null;
  stdout: string;
  stderr: string;
  /** From the last byte on stdout to the process's exit. */
  exitAfterAnswerMs: number;
  packages: string[];
  drained: boolean;
}

let cwd: string;
let runs = 0;
let backend: FakeBackend;
beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'ctx-ops-lean-'));
  writeFileSync(join(cwd, 'ctx-ops.yml'), 'checks: { cacheMs: 0 }\n');
  backend = await startFakeBackend();
});
afterAll(async () => {
  await backend.close();
  rmSync(cwd, { recursive: true, force: true });
});

async function traced(which: 'cli' | 'bot', args: string[], env: Record<string, string> = {}): Promise<Traced> {
  const traceFile = join(cwd, `trace-${++runs}.json`);
  const child = startProcess(which, args, {
    cwd,
    env: { ...baseEnv(), LOG_LEVEL: 'silent', ...env, CTX_OPS_TRACE_FILE: traceFile },
    preload: [TRACE],
  });
  let stdout = '';
  let stderr = '';
  let lastOutput = performance.now();
  child.stdout.on('data', (d) => {
    stdout += d;
    lastOutput = performance.now();
  });
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end();
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  let exitedAt = 0;
  child.on('exit', () => (exitedAt = performance.now()));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  clearTimeout(killer);
  const trace = JSON.parse(readFileSync(traceFile, 'utf8')) as { packages: string[]; drained: boolean };
  return { code, stdout, stderr, exitAfterAnswerMs: exitedAt - lastOutput, ...trace };
}

describe('the CLI loads only what a command needs and exits after its answer', () => {
  it('`help` lists the commands without loading Slack, a database or an HTTP driver', async () => {
    const r = await traced('cli', ['help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('ctx-ops status');
    expect(r.stdout).toContain('incident');
    expect(r.packages.filter((p) => DRIVERS.includes(p))).toEqual([]);
    expect(r.packages).toContain('yaml'); // the trace does see what is loaded
    expect(r.drained).toBe(true);
    expect(r.exitAfterAnswerMs).toBeLessThan(EXIT_AFTER_ANSWER_MS);
  });

  it('`config` validates and describes the configuration without loading a driver', async () => {
    const r = await traced('cli', ['config']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('ctx-ops.yml');
    expect(r.packages.filter((p) => DRIVERS.includes(p))).toEqual([]);
    expect(r.drained).toBe(true);
    expect(r.exitAfterAnswerMs).toBeLessThan(EXIT_AFTER_ANSWER_MS);
  });

  it('`status --json` probes with undici and ioredis, never loads Bolt, and leaves nothing open', async () => {
    // The graph refuses the connection: the case that used to hold the process 2 s after the answer.
    const r = await traced('cli', ['status', '--json'], {
      AUTH_BASE_URL: backend.url,
      GRAPH_DB_PROVIDER: 'falkordb',
      GRAPH_DB_URI: `redis://127.0.0.1:${await closedPort()}`,
    });
    const json = JSON.parse(r.stdout) as { checks: Array<{ id: string; status: string }> };
    expect(json.checks.find((c) => c.id === 'backend')?.status).toBe('ok');
    expect(json.checks.find((c) => c.id === 'graph')?.status).not.toBe('ok');
    expect(r.code).toBe(1);
    // The drivers the probes used were loaded (so the trace sees lazily loaded packages)...
    expect(r.packages).toEqual(expect.arrayContaining(['undici', 'ioredis']));
    // ...and the Slack SDK was not.
    expect(r.packages).not.toContain('@slack/bolt');
    expect(r.packages).not.toContain('@slack/web-api');
    expect(r.drained).toBe(true);
    expect(r.exitAfterAnswerMs).toBeLessThan(EXIT_AFTER_ANSWER_MS);
  });

  it('the bot itself does load Bolt (the trace sees statically imported packages)', async () => {
    // No Slack tokens: the local shell, fed an empty stdin, answers nothing and exits 0.
    const r = await traced('bot', []);
    expect(r.code, r.stderr).toBe(0);
    expect(r.packages).toContain('@slack/bolt');
  });
});
