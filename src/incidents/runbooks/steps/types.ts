/** What step kinds need to validate their references while runbook files are loaded. */
export interface ValidateContext {
  /** Ids of the checks this build runs. */
  checkIds: ReadonlySet<string>;
  /** Kinds of guarded action a step may ask for, with their parameter validation. */
  actionKinds: ReadonlyMap<string, { validateParams?(params: Record<string, unknown>): string | null }>;
  /** Whether a log signal exists (the logs feature); absent: signals are not checked. */
  hasSignal?(component: string, signal: string): boolean;
}

/** A problem found in one step, at a path below `steps[i]`. */
export interface StepProblem {
  path: PropertyKey[];
  message: string;
  /**
   * The reference names something this build lacks (a check, an action kind) rather than
   * being malformed: an error in a team's runbook, a degraded step in a shipped one.
   */
  missing?: boolean;
}
