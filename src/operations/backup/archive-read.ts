import type { Readable } from 'node:stream';
import { describeExit, runCommand } from '../../postgres/child-process.js';
import type { PgTool } from '../../postgres/pg-tools.js';
import { feedStdin, type TrialRestoreResult } from './trial-restore.js';

/**
 * The cheaper check: pg_restore turns the whole archive into SQL and throws it away
 * (`--file=/dev/null`). Every data block is read and decompressed (zlib's checksum catches
 * flipped bytes), so a truncated or corrupted archive fails, unlike `pg_restore --list`,
 * which reads only the table of contents. It does not prove that the SQL loads into a
 * server: that is what the trial restore is for.
 */
export interface ArchiveReadJob {
  file: string | Readable;
  pgRestore: PgTool;
  toolEnv: Record<string, string>;
  signal: AbortSignal;
  timeoutMs?: number;
  clean: (line: string) => string;
}

export function archiveReadArgs(pgRestore: string, file?: string): string[] {
  return [pgRestore, '--file=/dev/null', ...(file === undefined ? [] : [file])];
}

export async function readArchive(j: ArchiveReadJob): Promise<TrialRestoreResult> {
  const started = performance.now();
  const stream = typeof j.file === 'string' ? undefined : feedStdin(j.file);
  try {
    const res = await runCommand({
      argv: archiveReadArgs(j.pgRestore.path, typeof j.file === 'string' ? j.file : undefined),
      env: j.toolEnv,
      signal: j.signal,
      timeoutMs: j.timeoutMs,
      clean: j.clean,
      tailLines: 20,
      ...(stream ? { stdin: stream.stdin } : {}),
    });
    const durationMs = Math.round(performance.now() - started);
    if (res.code !== 0)
      return {
        ok: false,
        durationMs,
        reason: `pg_restore ${describeExit(res, j.timeoutMs)}`,
        tail: res.tail,
        ...(res.code !== null ? { exitStatus: res.code } : {}),
      };
    return { ok: true, durationMs, tables: 0, counts: [] };
  } finally {
    stream?.drain();
  }
}
