import type { Environment } from '../config/types.js';
import type { Actor, Conversation, MessageRef, Surface } from '../contracts/chat.js';
import type { Logger } from '../log/logger.js';

/**
 * The contract between guarded operations and whoever asks for them (slash commands,
 * runbook steps). Nothing dangerous runs except through `Approvals`: a request creates a
 * single-use, expiring approval bound to the exact action and parameters; only an
 * authorised confirmation runs it, exactly once.
 *
 * The operations feature implements `Approvals` and registers it as the service
 * "approvals" (core.services); other features register their own kinds of action.
 */
export interface GuardedActionContext<P> {
  env: Environment;
  params: P;
  /** The thread where progress is reported. */
  thread: MessageRef;
  conversation: Conversation;
  log: Logger;
  /** Fires on timeout or shutdown; the action must stop and clean up. */
  signal: AbortSignal;
  requester: Actor;
  confirmer: Actor;
  /**
   * Records what the run leaves on disk or in Postgres while it works, so that a restart
   * can clean up after a crash (the partial file, the scratch database). Optional for
   * kinds that leave nothing behind.
   */
  track?: RunTracker;
  /** The run's id in ctx_ops.runs (names scratch databases, links backups to runs). */
  runId?: number;
}

export interface RunTracker {
  /** A file that must be removed if the run does not finish (null: nothing to remove any more). */
  partialFile(path: string | null): Promise<void>;
  /** A scratch database that must be dropped if the run does not finish. */
  scratchDatabase(name: string | null): Promise<void>;
}

export interface GuardedActionResult {
  ok: boolean;
  /** One line for the thread and the audit log (no secrets). */
  summary: string;
  details?: string[];
  /** Recorded in the audit log (e.g. a backup's sha256). */
  checksum?: string;
  /** Exit status of the command that ran, when there was one; recorded in the audit log. */
  exitStatus?: number;
  /** The last lines of a command's output (already redacted), shown in a code block. */
  output?: string[];
}

export interface GuardedActionKind<P extends Record<string, unknown> = Record<string, unknown>> {
  /** e.g. "backup", "migrate", "reindex-repository", "reset-jwks". */
  kind: string;
  /** A short imperative title: "Reset the signing keys on prod". */
  title(params: P, env: Environment): string;
  /** The Confirm button's label (default "Confirm"), e.g. "Back up, then migrate". */
  confirmLabel?: string;
  /** The run's signal fires (and the run counts as failed) after this long; default 30 min. */
  timeoutMs?: number;
  /** What will happen, shown with Confirm / Cancel (sizes, versions, exact statements). */
  preview?(params: P, env: Environment, signal: AbortSignal): Promise<string[]>;
  /** Refuses before an approval is even created (e.g. pg_dump older than the server). */
  precheck?(params: P, env: Environment, signal: AbortSignal): Promise<string | null>;
  run(ctx: GuardedActionContext<P>): Promise<GuardedActionResult>;
}

export interface ApprovalRequest {
  kind: string;
  env: string;
  params: Record<string, unknown>;
  requester: Actor;
  conversation: Conversation;
  /** Post the confirmation into this thread (a runbook's) instead of a new message. */
  thread?: MessageRef;
  /** Where the request came from; inferred from the requester when absent (local:… = shell). */
  surface?: Surface;
}

export type ApprovalOutcome =
  | { requested: true; approvalId: string; ref: MessageRef }
  | { requested: false; reason: string };

export interface Approvals {
  registerKind(kind: GuardedActionKind<any>): void;
  /** Checks the requester's rights, posts the confirmation (Confirm / Cancel) and returns. */
  request(req: ApprovalRequest): Promise<ApprovalOutcome>;
}
