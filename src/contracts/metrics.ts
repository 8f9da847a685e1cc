import type { Status } from './checks.js';

/**
 * What the bot counts about itself, for `/metrics` (docs/metrics.md). Low layers record
 * through this interface only; the Prometheus side (prom-client) is loaded by the bot
 * entry point when the health listener is on, never by the one-shot CLI.
 */
export interface MetricsRecorder {
  /** A slash command (or shell line) answered: its name ("help" for none) and how it ended. */
  command(name: string, outcome: CommandOutcome): void;
  /** One check run to its end (cached answers are not counted again). */
  check(e: { check: string; environment: string; status: Status; durationMs: number }): void;
  /** One Slack Web API call and how it ended. */
  slackCall(method: string, outcome: SlackCallOutcome): void;
  /** Slack answered 429 (the call is then waited out and retried, or given back to the outbox). */
  slackRateLimited(method: string): void;
  /** A guarded action's approval moved: requested, confirmed, cancelled, expired. */
  approval(kind: string, outcome: ApprovalOutcome): void;
  /** A guarded operation ended: succeeded, failed, interrupted. */
  operation(kind: string, outcome: OperationOutcome): void;
  /** A runbook session started or ended. */
  runbookSession(runbook: string, event: RunbookSessionEvent): void;
  /** A value read when `/metrics` is scraped; a later reader for the same name replaces the earlier. */
  gauge<K extends keyof GaugeReaders>(name: K, read: GaugeReaders[K]): void;
}

/** ok/warn/fail: the answer's status; usage: typed wrong; unknown: no such command; error: the handler threw. */
export type CommandOutcome = 'ok' | 'warn' | 'fail' | 'usage' | 'unknown' | 'error';
export type SlackCallOutcome = 'ok' | 'error' | 'rate_limited';
export type ApprovalOutcome = 'requested' | 'confirmed' | 'cancelled' | 'expired';
export type OperationOutcome = 'succeeded' | 'failed' | 'interrupted';
export type RunbookSessionEvent = 'started' | 'finished' | 'abandoned';
export type LeaderRoleValue = 'leader' | 'degraded' | 'follower' | 'none';

export interface GaugeReaders {
  /** Posts and updates queued in the outbox now. */
  outboxPending: () => number;
  /** Age in seconds of the oldest queued write (0 when empty). */
  outboxOldestAgeSeconds: () => number;
  /** This replica's part in the leader election ("none": no scheduled work here). */
  leaderRole: () => LeaderRoleValue;
  /** Active runbook sessions in the store; null when the store cannot be read. */
  runbookSessionsActive: () => Promise<number | null>;
}
