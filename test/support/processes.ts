import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
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

export function startProcess(which: keyof typeof ENTRY, args: string[], o: { cwd: string; env: Record<string, string | undefined> }): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', TSX, '--import', NO_DNS, ENTRY[which], ...args], { cwd: o.cwd, env: o.env as NodeJS.ProcessEnv, stdio: 'pipe' });
}

/** Runs to completion (bounded: killed after `timeoutMs`). */
export async function runProcess(which: keyof typeof ENTRY, args: string[], o: { cwd: string; env: Record<string, string | undefined>; stdin?: string; timeoutMs?: number }): Promise<ProcessResult> {
  const child = startProcess(which, args, o);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(o.stdin ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 30_000);
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  clearTimeout(timer);
  return { code, stdout, stderr };
}
