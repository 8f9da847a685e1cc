/**
 * What a check run produces, shared by every layer that shows or keeps it (the status view,
 * alerts, the digest, history, runbooks). How a check is defined and run (Check,
 * CheckContext) stays in diagnostics/types.ts: it needs config, HTTP and Postgres types.
 */
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

export interface StatusReport {
  environment: string;
  checkedAt: string;
  overall: Exclude<Status, 'skip'>;
  checks: CheckResult[];
}

/** How bad an alert is: a warning counts only when watch.alertOnWarn is set. */
export type Severity = 'warn' | 'fail';
