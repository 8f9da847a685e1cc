import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const NO_DNS = pathToFileURL(join(ROOT, 'test/support/no-dns.ts')).href;

export interface ProcessOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs an entry point (src/bot.ts, src/cli.ts) as its own process, the way a person runs
 * `npm start` or `npx ctx-ops`: in a folder of its own (no stray ctx-ops.yml or .env), with
 * only the given environment (plus PATH and HOME), DNS answered locally (no-dns.ts), and a
 * hard deadline: a process still running after `timeoutMs` is killed (code null).
 */
export async function runEntry(entry: 'src/bot.ts' | 'src/cli.ts', args: string[], env: Record<string, string | undefined>, opts: { timeoutMs?: number } = {}): Promise<ProcessOutcome> {
  const cwd = mkdtempSync(join(tmpdir(), 'ctx-ops-proc-'));
  const child = spawn(process.execPath, ['--import', TSX, '--import', NO_DNS, join(ROOT, entry), ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end();
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 90_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** A line of a JavaScript stack trace. */
export const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
