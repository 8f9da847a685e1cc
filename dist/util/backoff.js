export const SOCKET_BACKOFF = { baseMs: 1_000, maxMs: 120_000 };
/** @param failures consecutive failures so far (1 for the first retry) */
export function backoffDelayMs(failures, p) {
    const n = Math.max(1, Math.floor(failures));
    // 2 ** 30 is already far past any cap; keeps the arithmetic finite for absurd counts.
    const exp = Math.min(p.maxMs, p.baseMs * 2 ** Math.min(n - 1, 30));
    const r = Math.min(1, Math.max(0, (p.random ?? Math.random)()));
    return Math.round(exp / 2 + r * (exp / 2));
}
export function formatDelay(ms) {
    if (ms < 1000)
        return `${ms} ms`;
    const s = Math.round(ms / 1000);
    return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
}
