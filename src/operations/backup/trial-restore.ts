import type { Readable, Writable } from 'node:stream';
import type { RunTracker } from '../../runtime/guarded.js';
import { describeExit, runCommand } from '../../postgres/child-process.js';
import {
  countRows,
  createScratch,
  dropScratch,
  parseTarget,
  scratchName,
  toolUri,
  withDatabase,
  withPassfile,
  type TableCount,
} from '../../postgres/pg-conn.js';
import type { PgTool } from '../../postgres/pg-tools.js';

/**
 * Restores a dump into a scratch database on the same server and counts rows in the key
 * tables; the scratch database is dropped whatever happens. `pg_restore --list` accepts a
 * truncated dump; a real restore with --exit-on-error --single-transaction does not, so
 * this is what "verified" means.
 *
 * The dump comes from a file, or from a stream while it is being written (the backup
 * runner tees pg_dump's output here): pg_restore then reads its stdin, in archive order
 * and without parallelism, which is how pg_dump wrote it. A stream is always read to its
 * end, even after pg_restore has stopped, so it never holds back the other consumers;
 * the verdict is pg_restore's exit status.
 */
export interface TrialRestoreJob {
  databaseUrl: string;
  /** A dump file, or a stream of one (read to its end whatever happens). */
  file: string | Readable;
  pgRestore: PgTool;
  toolEnv: Record<string, string>;
  keyTables: string[];
  signal: AbortSignal;
  timeoutMs?: number;
  /** Ties the scratch database's name to its run, for clean-up after a crash. */
  tag: string;
  clean: (line: string) => string;
  track?: RunTracker;
  /**
   * Give the verdict as soon as it is known and drop the scratch database meanwhile: the
   * result's `scratchDropped` settles when it is gone (or left for the restart clean-up).
   * The backup runner names its file while the drop runs, instead of after it.
   */
  dropInBackground?: boolean;
}

export type TrialRestoreResult = (
  | { ok: true; durationMs: number; tables: number; counts: TableCount[] }
  | { ok: false; durationMs: number; reason: string; tail: string[]; exitStatus?: number }
) & {
  /** With dropInBackground: settles (never rejects) once the scratch database is dropped. */
  scratchDropped?: Promise<void>;
};

/** The argv of the trial restore (the file last; none: stdin); exported so tests and docs show the same. */
export function trialRestoreArgs(pgRestore: string, dbUri: string, file?: string): string[] {
  return [
    pgRestore,
    '--exit-on-error',
    '--single-transaction',
    '--no-owner',
    '--no-privileges',
    `--dbname=${dbUri}`,
    ...(file === undefined ? [] : [file]),
  ];
}

/**
 * Feeds a stream to a child's stdin; returns what to call once the child has exited: it
 * stops feeding and reads the rest of the stream into nothing.
 */
export function feedStdin(source: Readable): { stdin: (input: Writable) => void; drain: () => void } {
  return {
    stdin: (input) => {
      source.pipe(input);
    },
    drain: () => {
      source.unpipe();
      source.resume();
    },
  };
}

export async function trialRestore(j: TrialRestoreJob): Promise<TrialRestoreResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = parseTarget(j.databaseUrl);
  const stream = typeof j.file === 'string' ? undefined : feedStdin(j.file);
  const scratch = scratchName(j.tag);
  await j.track?.scratchDatabase(scratch);
  try {
    await createScratch(j.databaseUrl, scratch);
  } catch (err) {
    stream?.drain();
    await j.track?.scratchDatabase(null);
    return {
      ok: false,
      durationMs: elapsed(),
      reason: `could not create the scratch database (${j.clean((err as Error).message)}); the database user needs CREATEDB`,
      tail: [],
    };
  }
  const restore = async (): Promise<TrialRestoreResult> => {
    try {
      const res = await withPassfile(target.password, (passfile) =>
        runCommand({
          argv: trialRestoreArgs(
            j.pgRestore.path,
            toolUri(withDatabase(target.uri, scratch), passfile),
            typeof j.file === 'string' ? j.file : undefined,
          ),
          env: j.toolEnv,
          signal: j.signal,
          timeoutMs: j.timeoutMs,
          clean: j.clean,
          tailLines: 20,
          ...(stream ? { stdin: stream.stdin } : {}),
        }),
      );
      stream?.drain();
      if (res.code !== 0) {
        return {
          ok: false,
          durationMs: elapsed(),
          reason: `pg_restore ${describeExit(res, j.timeoutMs)}`,
          tail: res.tail,
          ...(res.code !== null ? { exitStatus: res.code } : {}),
        };
      }
      const counted = await countRows(withDatabase(j.databaseUrl, scratch), j.keyTables);
      return { ok: true, durationMs: elapsed(), tables: counted.tables, counts: counted.counts };
    } catch (err) {
      stream?.drain();
      return { ok: false, durationMs: elapsed(), reason: j.clean((err as Error).message), tail: [] };
    }
  };
  const drop = () =>
    dropScratch(j.databaseUrl, scratch).then(
      () => j.track?.scratchDatabase(null),
      () => {
        /* left for the restart clean-up, which knows its name */
      },
    );
  // restore() never throws, so the scratch database is always dropped.
  const verdict = await restore();
  if (j.dropInBackground) return { ...verdict, scratchDropped: drop().catch(() => {}) };
  await drop();
  return verdict;
}

/**
 * The command a person runs to put a backup back, exactly as shown in Slack and the docs.
 * The connection comes from $DATABASE_URL in their shell, so no password is printed.
 */
export function manualRestoreCommand(file: string, pgRestore = 'pg_restore'): string {
  const q = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return `${q(pgRestore)} --clean --if-exists --no-owner --single-transaction --exit-on-error --dbname="$DATABASE_URL" ${q(file)}`;
}
