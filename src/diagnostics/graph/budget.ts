/**
 * The part of the check's deadline the probes may spend. A probe that stops a little
 * before the runner's deadline can still say which step hung ("accepted the connection,
 * no answer to PING"), instead of the runner's generic "timed out".
 */
export interface Budget {
  /** Aborts when the budget is spent or the check's own signal fires. */
  signal: AbortSignal;
  totalMs: number;
  remainingMs(): number;
}

/** The slice of the check's timeout kept back for composing the result. */
export function budgetMs(timeoutMs: number): number {
  return Math.max(50, timeoutMs - Math.min(500, Math.round(timeoutMs * 0.2)));
}

export function createBudget(timeoutMs: number, outer: AbortSignal): Budget {
  const totalMs = budgetMs(timeoutMs);
  const started = performance.now();
  const signal = AbortSignal.any([outer, AbortSignal.timeout(totalMs)]);
  return {
    signal,
    totalMs,
    remainingMs: () => Math.max(0, Math.round(totalMs - (performance.now() - started))),
  };
}
