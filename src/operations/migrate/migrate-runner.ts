import type { CtxEnv } from '../../config/ctx-env.js';
import { progressDue } from '../backup/backup-runner.js';
import { runCommand, type RunCommandResult } from '../../postgres/child-process.js';

/**
 * The deployment's migrate command (default `bun run apps/backend/src/db/migrate.ts`),
 * run from an argv array in its own process group under a deadline. Upstream's migrate
 * script parses the full ctx| environment, so it needs AUTH_SECRET as well as
 * DATABASE_URL; it gets those two and the tool environment (PATH, HOME, …), nothing else.
 */
export interface MigrateJob {
  argv: string[];
  cwd?: string;
  ctx: Pick<CtxEnv, 'DATABASE_URL' | 'AUTH_SECRET'>;
  toolEnv: Record<string, string>;
  timeoutMs: number;
  signal: AbortSignal;
  /** Scrubs each output line before it is kept or shown. */
  clean: (line: string) => string;
  progressIntervalMs: number;
  /** The redacted tail so far; called at most every progressIntervalMs. */
  onOutput?: (tail: string[], elapsedMs: number) => void;
}

export function migrateEnv(toolEnv: Record<string, string>, ctx: MigrateJob['ctx']): Record<string, string> {
  return {
    ...toolEnv,
    ...(ctx.DATABASE_URL ? { DATABASE_URL: ctx.DATABASE_URL } : {}),
    ...(ctx.AUTH_SECRET ? { AUTH_SECRET: ctx.AUTH_SECRET } : {}),
  };
}

export async function runMigrateCommand(j: MigrateJob): Promise<RunCommandResult> {
  const started = performance.now();
  let last: number | undefined;
  const lines: string[] = [];
  return runCommand({
    argv: j.argv,
    cwd: j.cwd,
    env: migrateEnv(j.toolEnv, j.ctx),
    signal: j.signal,
    timeoutMs: j.timeoutMs,
    group: true,
    clean: j.clean,
    tailLines: 40,
    onLine: (line) => {
      lines.push(line);
      if (lines.length > 40) lines.shift();
      const now = performance.now();
      if (j.onOutput && progressDue(last, now, j.progressIntervalMs)) {
        last = now;
        j.onOutput([...lines], Math.round(now - started));
      }
    },
  });
}
