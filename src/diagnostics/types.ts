import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Environment } from '../config/types.js';
import type { HttpClient } from './http-client.js';
import type { PgAccess } from '../postgres/pg-access.js';
import type { Store } from '../store/store.js';

export type Status = 'ok' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  id: string;
  status: Status;
  /** One line a human reads first. */
  summary: string;
  /** Each condition checked, with what was seen. */
  details: string[];
  durationMs: number;
  /** Id of the failing dependency that explains this failure. */
  rootCause?: string;
  /** Why that dependency explains it, when the check says so (e.g. the backend exits without its database). */
  rootCauseReason?: string;
  /** Id of the runbook to follow. */
  runbook?: string;
}

/** What a check itself decides; the runner adds id, timing and root cause. */
export type CheckOutcome = Omit<CheckResult, 'id' | 'durationMs' | 'rootCause' | 'rootCauseReason'> & {
  /**
   * This failure is the check's own, not a consequence of a failing dependency (e.g. the
   * graph database refusing connections while Postgres, used only for the per-org part,
   * is down too). Such a result gets no rootCause.
   */
  independent?: boolean;
  /**
   * The failure lies in ctx-ops's own setup (e.g. no DATABASE_URL given to it), so it says
   * nothing about the component and is never named as another check's likely cause.
   */
  local?: boolean;
};

export interface CheckContext<O = Record<string, unknown>> {
  env: Environment;
  /** This check's options from `checks.<id>` in ctx-ops.yml, defaults applied. */
  options: O & { timeoutMs: number };
  log: Logger;
  http: HttpClient;
  /** Null when the environment has no DATABASE_URL. */
  pg: PgAccess | null;
  /** The bot's own store, when one is configured (fingerprints, history). */
  store: Store | null;
  now(): Date;
}

export interface Check<O = any> {
  id: string;
  /** Human name shown beside the status emoji. */
  title: string;
  dependsOn: string[];
  /**
   * Checks whose failure would likely explain this one's, with the reason: not a dependency
   * of every path (the backend's /.status works without Postgres), so they are named as the
   * cause only when this check fails in a way they can cause (its outcome is not
   * `independent`) and they fail themselves. They run along when this check is asked for.
   */
  likelyCauses?: Readonly<Record<string, string>>;
  /** Extra keys accepted under `checks.<id>` in ctx-ops.yml, with their defaults. */
  options?: z.ZodRawShape;
  run(ctx: CheckContext<O>, signal: AbortSignal): Promise<CheckOutcome>;
}

export interface StatusReport {
  environment: string;
  checkedAt: string;
  overall: Exclude<Status, 'skip'>;
  checks: CheckResult[];
}
