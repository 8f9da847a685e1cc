import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The real `ctx-ops` CLI or bot (`npm start`) as a child process, from any working
 * directory (a temp folder holding `.env` and ctx-ops.yml), loading the TypeScript sources
 * through tsx and answering DNS locally like the suite does.
 */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const NO_DNS = pathToFileURL(fileURLToPath(new URL('./no-dns.ts', import.meta.url))).href;
const ENTRY = { cli: `${ROOT}src/cli.ts`, bot: `${ROOT}src/bot.ts` } as const;

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Only what a process needs from the test runner's environment: nothing of the bot's own. */
export const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn' });

export function startProcess(
  which: keyof typeof ENTRY,
  args: string[],
  o: { cwd: string; env: Record<string, string | undefined>; preload?: string[] },
): ChildProcessWithoutNullStreams {
  const preload = (o.preload ?? []).flatMap((p) => ['--import', pathToFileURL(p).href]);
  return spawn(process.execPath, ['--import', TSX, '--import', NO_DNS, ...preload, ENTRY[which], ...args], {
    cwd: o.cwd,
    // Parallel bots would all want the default health port (8081): off unless a test sets it (test/runtime/health.test.ts).
    env: { CTX_OPS_HEALTH_PORT: '0', ...o.env } as NodeJS.ProcessEnv,
    stdio: 'pipe',
  });
}

/** Runs to completion (bounded: killed after `timeoutMs`). */
export async function runProcess(
  which: keyof typeof ENTRY,
  args: string[],
  o: { cwd: string; env: Record<string, string | undefined>; stdin?: string; timeoutMs?: number },
): Promise<ProcessResult> {
  const child = startProcess(which, args, o);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(o.stdin ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 30_000);
  // 'close', not 'exit': every byte of stdout and stderr has been read by then.
  const code = await new Promise<number | null>((r) => child.on('close', r));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/**
 * Runs the CLI or the bot the way a person does on a fresh machine: in a folder of its own
 * (no stray ctx-ops.yml or .env), with only `env` plus PATH and HOME, and a hard deadline.
 */
export async function runFresh(
  which: keyof typeof ENTRY,
  args: string[],
  env: Record<string, string | undefined>,
  opts: { timeoutMs?: number } = {},
): Promise<ProcessResult> {
  const cwd = mkdtempSync(join(tmpdir(), 'ctx-ops-proc-'));
  try {
    return await runProcess(which, args, {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      timeoutMs: opts.timeoutMs ?? 90_000,
    });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** A line of a JavaScript stack trace. */
export const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
