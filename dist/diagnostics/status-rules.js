const RANK = { skip: 0, ok: 1, warn: 2, fail: 3 };
export function worst(...statuses) {
    return statuses.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'skip');
}
/** The deployment's verdict: skipped checks neither help nor hurt. */
export function overallStatus(results) {
    const w = worst(...results.map((r) => r.status));
    return w === 'skip' ? 'ok' : w;
}
/**
 * For every failing or warning check, the failing dependency that explains it: the
 * nearest failing ancestor that has no failing ancestor itself. A check that fails on
 * its own (no failing dependency) has no root cause.
 */
export function attributeRootCauses(results, dependsOn) {
    const byId = new Map(results.map((r) => [r.id, r]));
    const failing = (id) => byId.get(id)?.status === 'fail';
    const rootOf = (id, seen) => {
        // Breadth-first over dependencies, so a direct cause is preferred over a distant one.
        const queue = [...(dependsOn[id] ?? [])];
        while (queue.length) {
            const dep = queue.shift();
            if (seen.has(dep))
                continue;
            seen.add(dep);
            if (failing(dep))
                return rootOf(dep, seen) ?? dep;
            queue.push(...(dependsOn[dep] ?? []));
        }
        return undefined;
    };
    return results.map((r) => {
        if ((r.status !== 'fail' && r.status !== 'warn') || r.independent)
            return r;
        const root = rootOf(r.id, new Set([r.id]));
        return root ? { ...r, rootCause: root } : r;
    });
}
/**
 * Causes across components that are not dependencies of every path: a check that fails
 * on its own (no rootCause, not `independent`) is attributed to a failing likely cause
 * (not `local`) with the reason its check gave, and so is everything it explained. E.g. the
 * backend refusing connections while Postgres fails: upstream's backend exits at start
 * without its database, so Postgres is named, and UI, sign-in and MCP follow.
 */
export function attributeLikelyCauses(results, likelyCauses, titles = {}) {
    const out = results.map((r) => ({ ...r }));
    const byId = new Map(out.map((r) => [r.id, r]));
    for (const r of out) {
        if ((r.status !== 'fail' && r.status !== 'warn') || r.rootCause || r.independent)
            continue;
        for (const [causeId, reason] of Object.entries(likelyCauses[r.id] ?? {})) {
            const cause = byId.get(causeId);
            if (cause?.status !== 'fail' || cause.local)
                continue;
            const root = cause.rootCause ?? causeId;
            if (root === r.id)
                continue;
            r.rootCause = root;
            r.rootCauseReason = reason;
            for (const d of out) {
                if (d.rootCause === r.id) {
                    d.rootCause = root;
                    d.rootCauseReason ??= `${titles[r.id] ?? r.id} fails because of it: ${reason}`;
                }
            }
            break;
        }
    }
    return out;
}
/**
 * The roots of a report, most important first: failures before warnings, then those that
 * explain the most other checks, then table order.
 */
export function rootsFirst(checks) {
    const explained = (id) => checks.filter((c) => c.rootCause === id).length;
    return checks
        .map((c, order) => ({ c, order }))
        .filter(({ c }) => (c.status === 'fail' || c.status === 'warn') && !c.rootCause)
        .sort((a, b) => RANK[b.c.status] - RANK[a.c.status] || explained(b.c.id) - explained(a.c.id) || a.order - b.order)
        .map(({ c }) => c);
}
/** The first line people read: the verdict, led by the root cause(s), then what they break. */
export function headline(report, titles = {}) {
    const name = (id) => titles[id] ?? id;
    const env = report.environment;
    const fails = report.checks.filter((c) => c.status === 'fail');
    const warns = report.checks.filter((c) => c.status === 'warn');
    const considered = report.checks.filter((c) => c.status !== 'skip').length;
    if (report.overall === 'ok')
        return `All ${considered} checks healthy on ${env}`;
    const roots = rootsFirst(report.checks);
    const explained = (rootId) => report.checks.filter((c) => c.rootCause === rootId).map((c) => name(c.id));
    const parts = roots.slice(0, 3).map((r) => {
        const downstream = explained(r.id);
        const what = `${name(r.id)} ${r.status === 'fail' ? 'failing' : 'degraded'}`;
        const shown = downstream.length > 5
            ? `${downstream.slice(0, 4).join(', ')} and ${downstream.length - 4} more`
            : downstream.join(', ');
        return downstream.length ? `${what} (also breaks ${shown})` : what;
    });
    if (roots.length > 3)
        parts.push(`${roots.length - 3} more`);
    const counts = [fails.length && `${fails.length} failing`, warns.length && `${warns.length} warning`]
        .filter(Boolean)
        .join(', ');
    return `${env}: ${parts.join('; ')} (${counts})`;
}
