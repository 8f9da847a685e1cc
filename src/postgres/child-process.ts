import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/**
 * Runs a command from an argv array (never a shell string) with an explicit environment,
 * a deadline and an abort signal, keeping only a bounded tail of its output. When it
 * must stop, it gets SIGTERM, then SIGKILL after a grace period; with `group`, the whole
 * process group (a `docker compose run`, a `bun` with children) is signalled.
 */
export interface RunCommandOptions {
  argv: string[];
  cwd?: string;
  env: Record<string, string>;
  signal: AbortSignal;
  timeoutMs?: number;
  /** Signal the whole process group (the child leads its own group). */
  group?: boolean;
  killGraceMs?: number;
  /** Where stdout goes: kept in the tail (default), or handed to the caller. */
  stdout?: 'tail' | ((out: Readable) => Promise<void>);
  /**
   * The child's stdin: closed (default), or handed to the caller as soon as the child is
   * spawned (the caller writes and ends it; a write after the child exited fails with EPIPE
   * on the stream, which the caller handles).
   */
  stdin?: (input: Writable) => void;
  /** Called with every complete output line (already in the tail). */
  onLine?: (line: string) => void;
  tailLines?: number;
  /** Each line is cleaned before it is kept (secrets, control characters). */
  clean?: (line: string) => string;
}

export interface RunCommandResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  aborted: boolean;
  /** Could not start at all (ENOENT, EACCES). */
  spawnError?: string;
  tail: string[];
  durationMs: number;
}

export function tailBuffer(max: number, clean: (l: string) => string = (l) => l) {
  const lines: string[] = [];
  let partial = '';
  const push = (line: string) => {
    const cleaned = clean(line.replace(/\r$/, '')).slice(0, 500);
    lines.push(cleaned);
    if (lines.length > max) lines.shift();
    return cleaned;
  };
  return {
    /** Adds text; returns the complete lines it contained. */
    write(text: string): string[] {
      const parts = (partial + text).split('\n');
      partial = parts.pop() ?? '';
      if (partial.length > 4000) {
        parts.push(partial);
        partial = '';
      }
      return parts.map(push);
    },
    end(): string[] {
      if (!partial) return [];
      const l = push(partial);
      partial = '';
      return [l];
    },
    lines,
  };
}

export async function runCommand(o: RunCommandOptions): Promise<RunCommandResult> {
  const started = performance.now();
  const tail = tailBuffer(o.tailLines ?? 40, o.clean);
  const [cmd, ...args] = o.argv;
  const done = (r: Omit<RunCommandResult, 'tail' | 'durationMs'>): RunCommandResult => ({
    ...r,
    tail: tail.lines,
    durationMs: Math.round(performance.now() - started),
  });
  if (!cmd) return done({ code: null, signal: null, timedOut: false, aborted: false, spawnError: 'empty command' });
  if (o.signal.aborted) return done({ code: null, signal: null, timedOut: false, aborted: true });

  let child: ChildProcess;
  try {
    child = spawn(cmd, args, {
      cwd: o.cwd,
      env: o.env,
      stdio: [o.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      detached: o.group ?? false,
    });
  } catch (err) {
    return done({ code: null, signal: null, timedOut: false, aborted: false, spawnError: (err as Error).message });
  }

  if (o.stdin && child.stdin) {
    child.stdin.on('error', () => {}); // EPIPE after the child exited: its exit status tells
    o.stdin(child.stdin);
  }

  let timedOut = false;
  let aborted = false;
  let killTimer: NodeJS.Timeout | undefined;
  const kill = (sig: NodeJS.Signals) => {
    try {
      if (o.group && child.pid) process.kill(-child.pid, sig);
      else child.kill(sig);
    } catch {
      /* already gone */
    }
  };
  const stop = () => {
    kill('SIGTERM');
    killTimer ??= setTimeout(() => kill('SIGKILL'), o.killGraceMs ?? 5000);
  };
  const onAbort = () => {
    aborted = true;
    stop();
  };
  o.signal.addEventListener('abort', onAbort, { once: true });
  const deadline = o.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        stop();
      }, o.timeoutMs)
    : undefined;

  const feed = (s: Readable) =>
    new Promise<void>((resolve) => {
      s.setEncoding('utf8');
      s.on('data', (chunk: string) => {
        for (const line of tail.write(chunk)) o.onLine?.(line);
      });
      s.on('end', resolve);
      s.on('error', () => resolve());
    });
  const outDone = o.stdout && o.stdout !== 'tail' ? o.stdout(child.stdout!) : feed(child.stdout!);
  const errDone = feed(child.stderr!);

  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; spawnError?: string }>(
    (resolve) => {
      child.once('error', (err) =>
        resolve({
          code: null,
          signal: null,
          spawnError: (err as NodeJS.ErrnoException).code === 'ENOENT' ? `${cmd}: command not found` : err.message,
        }),
      );
      child.once('close', (code, signal) => resolve({ code, signal }));
    },
  );
  // Output handlers may still be flushing; a caller's stdout consumer reports its own errors.
  await Promise.allSettled([outDone, errDone]);
  for (const line of tail.end()) o.onLine?.(line);
  clearTimeout(deadline);
  clearTimeout(killTimer);
  o.signal.removeEventListener('abort', onAbort);
  return done({ ...exit, timedOut, aborted });
}

/** "exit 1", "killed by SIGTERM", "timed out after 900 s", "could not start: …". */
export function describeExit(r: RunCommandResult, timeoutMs?: number): string {
  if (r.spawnError) return `could not start: ${r.spawnError}`;
  if (r.timedOut) return `timed out after ${Math.round((timeoutMs ?? 0) / 1000)} s and was stopped`;
  if (r.aborted) return 'stopped (the bot is shutting down)';
  if (r.signal) return `killed by ${r.signal}`;
  return `exit ${r.code}`;
}
