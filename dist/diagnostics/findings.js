import { worst } from './status-rules.js';
export const MARK = { ok: '✓', warn: '⚠', fail: '✗', info: '·' };
/**
 * Collects the conditions a check looked at. The status is the worst condition seen,
 * so a check cannot report ok while one of its own details says otherwise.
 */
export function findings() {
    const details = [];
    let status = 'ok';
    const add = (s, text) => {
        details.push(`${MARK[s === 'skip' ? 'info' : s]} ${text}`);
        if (s !== 'info')
            status = worst(status, s);
    };
    return {
        ok: (text) => add('ok', text),
        warn: (text) => add('warn', text),
        fail: (text) => add('fail', text),
        info: (text) => add('info', text),
        get status() {
            return status;
        },
        details,
        done(summary, extra = {}) {
            const out = { status: extra.status ?? status, summary, details: [...details] };
            if (extra.runbook)
                out.runbook = extra.runbook;
            return out;
        },
    };
}
export function skipped(summary, details = []) {
    return { status: 'skip', summary, details };
}
export function ms(n) {
    return n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n)} ms`;
}
