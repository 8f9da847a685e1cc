import type { Block } from './chat.js';

/**
 * Small read-only views that one feature offers others through core.services, so the
 * digest can mention backups and incidents without importing those features. Each is
 * optional: a consumer must work (and say "not available") when it is absent.
 */

/** Registered by the operations feature as "backups". */
export interface BackupsInfo {
  /** The newest backup that passed verification, or null. */
  lastVerified(env: string): Promise<{ finishedAt: Date; file: string; sizeBytes: number; sha256: string } | null>;
  /** Optional: how fresh the environment's backups are (digest, status, "back up first"). */
  freshness?(env: string): Promise<BackupFreshness>;
}

/** The newest verified Postgres backup, graph snapshot and successful restore test of one environment. */
export interface BackupFreshness {
  postgres: { finishedAt: Date; file: string } | null;
  graph: { finishedAt: Date; provider: string; kind: 'server' | 'export' } | null;
  restoreTest: { at: Date } | null;
}

/** Registered by the incidents feature as "incidents". */
export interface IncidentsInfo {
  open(
    env?: string,
  ): Promise<
    Array<{ id: string; title: string; severity: string; openedAt: Date; owner?: string; permalink?: string }>
  >;
}

/** Registered by the schedules feature as "outbox": paced, retried channel posts. */
export interface Outbox {
  /** Queues a post; resolves with the posted message's ts once Slack accepted it. */
  post(msg: {
    channel: string;
    text: string;
    blocks?: Block[];
    thread_ts?: string;
  }): Promise<{ channel: string; ts: string }>;
  /** Queues an update; several updates of one message before it is sent collapse into the last. */
  update(msg: { channel: string; ts: string; text: string; blocks?: Block[] }): Promise<void>;
}

/**
 * Registered by the schedules feature as "delivery": what the bot could not post on its own
 * (alerts, digests) and why, so `doctor`, App Home and the next digest can say so.
 */
export interface DeliveryProblem {
  /** The channel id (or fallback target) the post was meant for. */
  channel: string;
  /** What it is for, in words ("alerts", "digest", "incident thread"). */
  purpose: string;
  /** Slack's error code (not_in_channel, channel_not_found, is_archived, missing_scope, ratelimited) or "network". */
  error: string;
  /** One sentence telling the user what to do, e.g. "type /invite @ctx-ops in #alerts". */
  fix: string;
  since: Date;
  lastAttemptAt: Date;
  /** Posts kept for this channel that are still waiting to be delivered. */
  waiting: number;
}
export interface DeliveryHealth {
  /** What this replica knows, plus what other replicas recorded as of the last refresh(). */
  problems(): DeliveryProblem[];
  /**
   * Optional: re-reads the problems other replicas recorded in the store (the leader posts
   * alerts and digests, so a follower learns of them only this way). Rejects when the
   * store is unreachable; problems() then keeps what it knew.
   */
  refresh?(): Promise<void>;
}

/**
 * Registered by the Slack transport as "slackConnection": how the bot is connected, so
 * `doctor` can report it without asking Slack again (and without opening a second socket).
 */
export interface SlackConnectionInfo {
  mode: 'socket' | 'http';
  /** The bot as auth.test named it at start; null before start. */
  identity(): { userId: string; userName: string; botId: string; teamId?: string; team?: string } | null;
  /** Socket Mode only. */
  socket?(): {
    state: string;
    attempts: number;
    failures: number;
    connectedSince?: Date;
    lastFailure?: { seen: string; fix: string; at: Date };
  };
  /** HTTP mode only: Slack's requests refused since start (bad signature, stale timestamp). */
  refusals?(): { signature: number; stale: number; lastAt?: Date };
}

/**
 * Registered by the doctor feature as "selfCheck": the bot's latest check of itself, for App
 * Home. `problems` holds the items that are not fine (fail first).
 */
export interface SelfCheck {
  latest(): {
    checkedAt: string;
    overall: 'ok' | 'warn' | 'fail';
    checks: number;
    problems: Array<{ status: 'warn' | 'fail'; title: string; seen: string; fix?: string }>;
  } | null;
}

/** What a runbook step or the digest learnt from a component's logs (already redacted). */
export interface LogEvidence {
  env: string;
  component: string;
  signal?: string;
  /** found: the signal (or, without one, an error) was seen; nothing: read, not seen; unavailable: not read. */
  outcome: 'found' | 'nothing' | 'unavailable';
  /** Matching lines. */
  count: number;
  /** The top groups: count, level and one redacted sample each. */
  samples: Array<{ count: number; level: string; text: string }>;
  /** Why it could not be read, and what to do. */
  reason?: string;
  fix?: string;
  /** Lines read in the window, and the window. */
  read: number;
  since: Date;
  until: Date;
  /** Where the lines came from, for humans. */
  source?: string;
}

/** Registered by the logs feature as "logs". */
export interface LogsInfo {
  /** Reads one component's window and looks for one signal (or errors, without a signal). */
  evidence(req: {
    env: string;
    component: string;
    signal?: string;
    windowMs: number;
    /** The channel the answer goes to (logs.access.<env>.channels applies). */
    channel?: string;
  }): Promise<LogEvidence>;
  /** Whether the signal exists (shipped or the team's), for validating runbooks. */
  hasSignal(component: string, signal: string): boolean;
  /** Components whose source is configured for the environment and that have signals. */
  components(env: string): string[];
  /** How many lines matched each of a component's signals in the window (counts only, no text). */
  signalCounts(req: { env: string; component: string; windowMs: number }): Promise<SignalCounts>;
}

export type SignalCounts =
  | { outcome: 'read'; read: number; counts: Record<string, number> }
  | { outcome: 'unavailable'; reason: string; fix?: string };
