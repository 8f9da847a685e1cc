import { matches, parsePattern } from './conditions.js';
/** How strongly a failing check points at a runbook: its own choice beats a text match beats a bare id. */
export function clauseScore(result, runbook) {
    if (result.status !== 'fail' && result.status !== 'warn')
        return 0;
    if (result.runbook === runbook.id)
        return 3;
    let best = 0;
    for (const w of runbook.when) {
        if (w.check !== result.id)
            continue;
        if (w.status === 'fail' && result.status !== 'fail')
            continue;
        if (!w.match) {
            best = Math.max(best, 1);
            continue;
        }
        const p = parsePattern(w.match);
        if ('error' in p)
            continue;
        if ([result.summary, ...result.details].some((l) => matches(p.pattern, l)))
            best = Math.max(best, 2);
    }
    return best;
}
/**
 * The runbooks the current state suggests, best first: those for root causes before those
 * for checks that only fail because of them, then by how specific the match is.
 */
export function suggestRunbooks(report, runbooks, max = 5) {
    const scored = new Map();
    report.checks.forEach((c, order) => {
        for (const rb of runbooks) {
            const score = clauseScore(c, rb);
            if (!score)
                continue;
            const root = !c.rootCause;
            const cur = scored.get(rb.id);
            if (!cur) {
                scored.set(rb.id, { root, score, order, because: [c.id] });
                continue;
            }
            cur.because.push(c.id);
            if (Number(root) > Number(cur.root) || (root === cur.root && score > cur.score))
                Object.assign(cur, { root, score, order: Math.min(order, cur.order) });
        }
    });
    return [...scored.entries()]
        .sort(([, a], [, b]) => Number(b.root) - Number(a.root) || b.score - a.score || a.order - b.order)
        .slice(0, max)
        .map(([runbookId, s]) => ({ runbookId, because: s.because }));
}
