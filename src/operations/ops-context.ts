import type { Config, Environment } from '../config/types.js';
import type { Conversation, MessageRef } from '../contracts/chat.js';
import type { Logger } from '../log/logger.js';
import type { Redactor } from '../log/redactor.js';
import type { RunTracker } from '../runtime/guarded.js';
import type { BackgroundPoster } from './notify.js';
import { serverInfo, type ServerInfo } from '../postgres/pg-conn.js';
import { findPgTool, toolRefusal, type PgTool } from '../postgres/pg-tools.js';
import type { OpsStores } from './stores.js';

/** What the backup, migrate and restore-test code share; built once by the feature. */
export interface OpsContext {
  config: Config;
  log: Logger;
  redactor: Redactor;
  now: () => Date;
  stores: OpsStores | null;
  /** operations.backupDir, resolved to an absolute path. */
  backupDir: string;
  /** The variables a spawned tool inherits (config.toolEnv). */
  toolEnv: Record<string, string>;
  progressIntervalMs: number;
  poster: BackgroundPoster;
}

/** Where a run reports and what it must leave traceable. */
export interface RunIo {
  conversation: Conversation;
  thread: MessageRef;
  signal: AbortSignal;
  track?: RunTracker;
  log: Logger;
  /** The run in ctx_ops.runs, when there is one. */
  runId?: number;
}

/** A short tag for scratch database names; unique with the random suffix scratchName adds. */
export const runTag = (io: Pick<RunIo, 'runId'>) => (io.runId !== undefined ? `r${io.runId}` : 'run');

export type ToolCheck = { ok: true; server: ServerInfo; pgDump: PgTool; pgRestore: PgTool } | { ok: false; reason: string };

/**
 * Everything a backup needs, checked before anything starts: the database answers, and
 * pg_dump is at least the server's major version, and pg_restore can read what it writes.
 */
export async function checkBackupTools(ops: Pick<OpsContext, 'config' | 'toolEnv' | 'redactor'>, env: Environment): Promise<ToolCheck> {
  const url = env.ctx.DATABASE_URL;
  if (!url) return { ok: false, reason: `DATABASE_URL is not set for ${env.name}` };
  let server: ServerInfo;
  try {
    server = await serverInfo(url);
  } catch (err) {
    return { ok: false, reason: `cannot reach the database of ${env.name}: ${ops.redactor.scrub((err as Error).message)}` };
  }
  const o = ops.config.operations;
  const dump = await findPgTool('pg_dump', { configured: o.pgDumpPath, minMajor: server.major, env: ops.toolEnv });
  const dumpProblem = toolRefusal('pg_dump', dump, server.major, `the server (PostgreSQL ${server.version})`);
  if (dumpProblem || !dump.tool) return { ok: false, reason: dumpProblem ?? 'pg_dump not found' };
  const restore = await findPgTool('pg_restore', { configured: o.pgRestorePath, minMajor: dump.tool.major, env: ops.toolEnv });
  const restoreProblem = toolRefusal('pg_restore', restore, dump.tool.major, `pg_dump ${dump.tool.version}, which writes the backup`);
  if (restoreProblem || !restore.tool) return { ok: false, reason: restoreProblem ?? 'pg_restore not found' };
  return { ok: true, server, pgDump: dump.tool, pgRestore: restore.tool };
}
