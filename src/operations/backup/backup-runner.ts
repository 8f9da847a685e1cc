import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, open, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { RunTracker } from '../../runtime/guarded.js';
import { describeExit, runCommand } from '../../postgres/child-process.js';
import { parseTarget, toolUri, withPassfile, type TableCount } from '../../postgres/pg-conn.js';
import type { PgTool } from '../../postgres/pg-tools.js';
import { readArchive } from './archive-read.js';
import { tee } from './tee.js';
import { trialRestore, type TrialRestoreResult } from './trial-restore.js';

/**
 * One backup, in one pass: pg_dump --format=custom's output is hashed and counted (exact
 * progress, and the sha256 costs no second read), then teed into
 * `<env>-<UTC timestamp>.dump.partial` and into a verifier reading the same bytes while
 * they are written: by default a trial restore into a scratch database (pg_restore from
 * stdin). The tee waits for the slower of file and verifier, so memory stays bounded. When
 * pg_dump, the file and the verifier have all succeeded, the file gets its final name
 * (flushed to disk while the verifier still builds indexes, named while the scratch
 * database is being dropped: neither waits for the other).
 * Anything short of a verified dump leaves no file behind; a failure of any of the three
 * stops the others; the scratch database is always dropped.
 */
export interface BackupJob {
  env: string;
  databaseUrl: string;
  backupDir: string;
  pgDump: PgTool;
  pgRestore: PgTool;
  toolEnv: Record<string, string>;
  keyTables: string[];
  /** The moment the file is named after. */
  startedAt: Date;
  /** The file's name when already chosen (see freeBackupName); default backupFileName(env, startedAt). */
  fileName?: string;
  signal: AbortSignal;
  /** For dump and verification together. */
  timeoutMs?: number;
  /** Progress is reported at most this often (and once per phase change). */
  progressIntervalMs: number;
  onProgress?: (p: BackupProgress) => Promise<void> | void;
  clean: (line: string) => string;
  track?: RunTracker;
  /** Names the scratch database after the run. */
  tag: string;
  /** How the dump is verified while it is written (default 'restore'); 'none' only for the benchmark. */
  verify?: BackupVerify;
  /** pg_dump --compress (0–9); unset: pg_dump's default. */
  compression?: number;
}

/**
 * 'restore': pg_restore into a scratch database (proves it restores: every row loads,
 * every index and constraint builds); 'read': pg_restore --file=/dev/null (proves the
 * archive is complete and every block decompresses; not that it loads); 'none': unverified.
 */
export type BackupVerify = 'restore' | 'read' | 'none';

export interface BackupProgress {
  phase: 'dump' | 'verify';
  bytes: number;
  elapsedMs: number;
}

export type BackupOutcome =
  | {
      ok: true;
      fileName: string;
      path: string;
      sizeBytes: number;
      sha256: string;
      dumpMs: number;
      /** The verifier's own run, which overlaps the dump. */
      verifyMs: number;
      /** How long the backup waited for the verifier after pg_dump had finished. */
      verifyAfterDumpMs: number;
      verify: BackupVerify;
      tables: number;
      counts: TableCount[];
    }
  | {
      ok: false;
      stage: 'dump' | 'verify' | 'finish';
      reason: string;
      tail: string[];
      exitStatus?: number;
      aborted: boolean;
    };

/** `prod-20260823T040000Z.dump`: sorts by time, names its environment, no characters shells dislike. */
export function backupFileName(env: string, at: Date): string {
  const ts = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  return `${env}-${ts}.dump`;
}

/**
 * A name no other backup in the folder has (two backups in one second get -2, -3, …),
 * so a rename can never replace an earlier backup.
 */
export async function freeBackupName(dir: string, env: string, at: Date): Promise<string> {
  const base = backupFileName(env, at).replace(/\.dump$/, '');
  for (let i = 1; i < 1000; i++) {
    const name = `${base}${i === 1 ? '' : `-${i}`}.dump`;
    const taken = await Promise.all(
      [stat(join(dir, name)), stat(join(dir, `${name}.partial`))].map((p) =>
        p.then(
          () => true,
          () => false,
        ),
      ),
    );
    if (!taken.some(Boolean)) return name;
  }
  throw new Error(`no free backup name for ${base} in ${dir}`);
}

/**
 * The argv of the dump; the password is never in it. The bot's own schema is left out:
 * restoring ctx| must not rewind the audit log and approvals kept in the same database.
 */
export function pgDumpArgs(pgDump: string, dbUri: string, compression?: number): string[] {
  return [
    pgDump,
    '--format=custom',
    ...(compression === undefined ? [] : [`--compress=${compression}`]),
    '--no-password',
    '--lock-wait-timeout=60s',
    '--exclude-schema=ctx_ops',
    `--dbname=${dbUri}`,
  ];
}

/** Throttles progress: true when enough time passed since the last report. */
export function progressDue(lastAt: number | undefined, now: number, minIntervalMs: number): boolean {
  return lastAt === undefined || now - lastAt >= minIntervalMs;
}

export async function runBackup(j: BackupJob): Promise<BackupOutcome> {
  const fileName = j.fileName ?? backupFileName(j.env, j.startedAt);
  const finalPath = join(j.backupDir, fileName);
  const partial = `${finalPath}.partial`;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = parseTarget(j.databaseUrl);
  const verify: BackupVerify = j.verify ?? 'restore';

  await mkdir(j.backupDir, { recursive: true, mode: 0o700 });
  await j.track?.partialFile(partial);
  const removePartial = async () => {
    await rm(partial, { force: true });
    await j.track?.partialFile(null);
  };

  // Progress: a timer, not the data events, so a stalled dump still shows its age.
  const hash = createHash('sha256');
  let bytes = 0;
  let phase: BackupProgress['phase'] = 'dump';
  let lastReport: number | undefined;
  const report = async (force = false) => {
    const now = performance.now();
    if (!force && !progressDue(lastReport, now, j.progressIntervalMs)) return;
    lastReport = now;
    await Promise.resolve(j.onProgress?.({ phase, bytes, elapsedMs: elapsed() })).catch(() => {});
  };
  const ticker = setInterval(() => void report(), Math.max(250, j.progressIntervalMs));

  // Each side stops the other: a failed verifier stops pg_dump, a failed dump stops the verifier.
  const stopDump = new AbortController();
  const stopVerify = new AbortController();
  const toVerifier = verify === 'none' ? undefined : new PassThrough();
  let verifierFailed = false;
  let verifyEndedAt = 0;
  // Settle before runBackup returns: the scratch database's drop (which runs while the file
  // is being named) and the early fsync of the file (which runs while the restore finishes).
  let scratchDropped: Promise<void> | undefined;
  let synced: Promise<Error | undefined> | undefined;
  const verifying =
    toVerifier && verify !== 'none'
      ? startVerifier(j, verify, toVerifier, AbortSignal.any([j.signal, stopVerify.signal])).then((v) => {
          verifyEndedAt = elapsed();
          scratchDropped = v.scratchDropped;
          if (!v.ok) {
            verifierFailed = true;
            // pg_restore rejected the stream: no point dumping the rest. (A scratch database
            // that could not be created lets pg_dump finish, so its own error, if any, is told.)
            if (v.exitStatus !== undefined) stopDump.abort('verification failed');
          }
          return v;
        })
      : undefined;

  try {
    let writeError: Error | undefined;
    const consume = async (out: Readable) => {
      const tap = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          hash.update(chunk);
          bytes += chunk.length;
          cb(null, chunk);
        },
      });
      const file = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
      try {
        await pipeline(out, tap, toVerifier ? tee(file, toVerifier) : file);
      } catch (err) {
        writeError = err as Error;
        out.destroy();
      }
    };
    const res = await withPassfile(target.password, (passfile) =>
      runCommand({
        argv: pgDumpArgs(j.pgDump.path, toolUri(target.uri, passfile), j.compression),
        env: j.toolEnv,
        signal: AbortSignal.any([j.signal, stopDump.signal]),
        timeoutMs: j.timeoutMs,
        stdout: consume,
        clean: j.clean,
        tailLines: 20,
      }),
    );
    const dumpMs = elapsed();
    const dumpFailed = res.code !== 0 || writeError !== undefined;
    // The file is complete once pg_dump has succeeded: flush it to disk while the restore
    // is still building indexes, instead of after it. It is named only once verified.
    if (!dumpFailed) synced = fsync(partial).then(noError, (err: Error) => err);
    else stopVerify.abort('the dump failed');
    phase = 'verify';
    if (verifying && !dumpFailed) await report(true);
    const v = verifying ? await verifying : undefined;

    // pg_dump stopped by a failed verifier: the verifier's reason is the one that matters.
    const stoppedByVerifier =
      verifierFailed && stopDump.signal.aborted && res.code === null && !j.signal.aborted && !writeError;
    if (dumpFailed && !stoppedByVerifier) {
      await removePartial();
      const reason =
        writeError && !j.signal.aborted
          ? `writing ${partial} failed: ${j.clean(writeError.message)}`
          : `pg_dump ${describeExit({ ...res, aborted: j.signal.aborted }, j.timeoutMs)}`;
      return {
        ok: false,
        stage: 'dump',
        reason,
        tail: res.tail,
        ...(res.code !== null ? { exitStatus: res.code } : {}),
        aborted: j.signal.aborted,
      };
    }
    if (v && !v.ok) {
      await removePartial();
      return {
        ok: false,
        stage: 'verify',
        reason: `verification failed: ${v.reason}`,
        tail: v.tail,
        ...(v.exitStatus !== undefined ? { exitStatus: v.exitStatus } : {}),
        aborted: j.signal.aborted,
      };
    }
    const size = (await stat(partial)).size;
    if (size === 0 || size !== bytes) {
      await removePartial();
      return {
        ok: false,
        stage: 'dump',
        reason: `pg_dump exited 0 but wrote ${size} bytes (expected ${bytes})`,
        tail: res.tail,
        exitStatus: 0,
        aborted: false,
      };
    }
    const syncError = await synced;
    if (syncError) throw syncError;
    if (j.signal.aborted) {
      await removePartial();
      return { ok: false, stage: 'finish', reason: 'stopped before the file was finished', tail: [], aborted: true };
    }
    // link + unlink, not rename: a rename would silently replace a file of the same name.
    await link(partial, finalPath);
    await unlink(partial);
    await j.track?.partialFile(null);
    await fsync(j.backupDir).catch(() => {});
    return {
      ok: true,
      fileName,
      path: finalPath,
      sizeBytes: size,
      sha256: hash.digest('hex'),
      dumpMs,
      verifyMs: v?.durationMs ?? 0,
      verifyAfterDumpMs: v ? Math.max(0, verifyEndedAt - dumpMs) : 0,
      verify,
      tables: v?.ok ? v.tables : 0,
      counts: v?.ok ? v.counts : [],
    };
  } catch (err) {
    stopDump.abort('failed');
    stopVerify.abort('failed');
    await verifying?.catch(() => {});
    await removePartial().catch(() => {});
    return { ok: false, stage: 'finish', reason: j.clean((err as Error).message), tail: [], aborted: j.signal.aborted };
  } finally {
    clearInterval(ticker);
    await Promise.all([synced, scratchDropped]);
  }
}

/** The verifier reading the dump as it is written; it reads its stream to the end whatever happens. */
function startVerifier(
  j: BackupJob,
  verify: Exclude<BackupVerify, 'none'>,
  input: Readable,
  signal: AbortSignal,
): Promise<TrialRestoreResult> {
  const common = { file: input, pgRestore: j.pgRestore, toolEnv: j.toolEnv, signal, clean: j.clean };
  const run =
    verify === 'read'
      ? readArchive({ ...common, ...(j.timeoutMs ? { timeoutMs: j.timeoutMs } : {}) })
      : trialRestore({
          ...common,
          databaseUrl: j.databaseUrl,
          keyTables: j.keyTables,
          timeoutMs: j.timeoutMs,
          tag: j.tag,
          track: j.track,
          dropInBackground: true,
        });
  return run.catch((err: Error) => {
    input.resume();
    return { ok: false, durationMs: 0, reason: j.clean(err.message), tail: [] };
  });
}

const noError = (): undefined => undefined;

async function fsync(path: string) {
  const fh = await open(path, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** sha256 of a file, streamed (restore tests re-check a backup before trusting it). */
export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}
