export function selectForRemoval(backups, rules, now) {
    if (rules.keepLast === undefined && rules.keepDays === undefined)
        return [];
    const newestFirst = [...backups].sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime());
    const cutoff = rules.keepDays === undefined ? undefined : now.getTime() - rules.keepDays * 86_400_000;
    return newestFirst.filter((b, i) => {
        if (i === 0)
            return false;
        const keptByCount = rules.keepLast !== undefined && i < rules.keepLast;
        const keptByAge = cutoff !== undefined && b.finishedAt.getTime() >= cutoff;
        return !keptByCount && !keptByAge;
    });
}
export function describeRules(rules) {
    const parts = [
        rules.keepLast !== undefined ? `the last ${rules.keepLast}` : '',
        rules.keepDays !== undefined ? `${rules.keepDays} days` : '',
    ].filter(Boolean);
    return parts.length ? `keeps ${parts.join(' and ')}` : 'keeps every backup (no retention set)';
}
/** Removes what the rules let go, newest verified always kept; each removal is audited. */
export async function applyRetention(deps, env, rules, now) {
    const verified = (await deps.backups.verified(env)).filter((b) => b.finishedAt !== null);
    const removed = [];
    for (const b of selectForRemoval(verified, rules, now)) {
        if (!(await deps.backups.markRemoved(b.id, now)))
            continue; // another replica got it first
        await deps.remove(b.path);
        await deps.audit.append({
            event: 'retention-removed',
            env,
            kind: 'backup',
            detail: `removed ${b.fileName} (${describeRules(rules)})`,
            ...(b.sha256 ? { checksum: b.sha256 } : {}),
        });
        removed.push(b.fileName);
    }
    return removed;
}
