import type { Environment } from '../config/types.js';
import type { Actor, Conversation, MessageRef } from '../handlers/types.js';
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
}

export interface GuardedActionResult {
  ok: boolean;
  /** One line for the thread and the audit log (no secrets). */
  summary: string;
  details?: string[];
  /** Recorded in the audit log (e.g. a backup's sha256). */
  checksum?: string;
}

export interface GuardedActionKind<P extends Record<string, unknown> = Record<string, unknown>> {
  /** e.g. "backup", "migrate", "reindex-repository", "reset-jwks". */
  kind: string;
  /** A short imperative title: "Reset the signing keys on prod". */
  title(params: P, env: Environment): string;
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
}

export type ApprovalOutcome = { requested: true; approvalId: string; ref: MessageRef } | { requested: false; reason: string };

export interface Approvals {
  registerKind(kind: GuardedActionKind<any>): void;
  /** Checks the requester's rights, posts the confirmation (Confirm / Cancel) and returns. */
  request(req: ApprovalRequest): Promise<ApprovalOutcome>;
}

export const APPROVALS_SERVICE = 'approvals';
