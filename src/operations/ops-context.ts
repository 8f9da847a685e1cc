import type { Config } from '../config/types.js';
import type { Conversation, MessageRef } from '../contracts/chat.js';
import type { Logger } from '../log/logger.js';
import type { Redactor } from '../log/redactor.js';
import type { RunTracker } from '../runtime/guarded.js';
import type { BackgroundPoster } from './notify.js';
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
