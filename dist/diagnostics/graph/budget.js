/** The slice of the check's timeout kept back for composing the result. */
export function budgetMs(timeoutMs) {
    return Math.max(50, timeoutMs - Math.min(500, Math.round(timeoutMs * 0.2)));
}
export function createBudget(timeoutMs, outer) {
    const totalMs = budgetMs(timeoutMs);
    const started = performance.now();
    const signal = AbortSignal.any([outer, AbortSignal.timeout(totalMs)]);
    return {
        signal,
        totalMs,
        remainingMs: () => Math.max(0, Math.round(totalMs - (performance.now() - started))),
    };
}
