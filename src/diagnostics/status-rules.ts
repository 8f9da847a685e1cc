import type { CheckResult, Status, StatusReport } from './types.js';

const RANK: Record<Status, number> = { skip: 0, ok: 1, warn: 2, fail: 3 };

export function worst(...statuses: Status[]): Status {
  return statuses.reduce<Status>((a, b) => (RANK[b] > RANK[a] ? b : a), 'skip');
}

/** The deployment's verdict: skipped checks neither help nor hurt. */
export function overallStatus(results: Pick<CheckResult, 'status'>[]): StatusReport['overall'] {
  const w = worst(...results.map((r) => r.status));
  return w === 'skip' ? 'ok' : w;
}

/**
 * For every failing or warning check, the failing dependency that explains it: the
 * nearest failing ancestor that has no failing ancestor itself. A check that fails on
 * its own (no failing dependency) has no root cause.
 */
export function attributeRootCauses<R extends Pick<CheckResult, 'id' | 'status' | 'rootCause'> & { independent?: boolean }>(
  results: R[],
  dependsOn: Readonly<Record<string, readonly string[]>>,
): R[] {
  const byId = new Map(results.map((r) => [r.id, r]));
  const failing = (id: string) => byId.get(id)?.status === 'fail';

  const rootOf = (id: string, seen: Set<string>): string | undefined => {
    // Breadth-first over dependencies, so a direct cause is preferred over a distant one.
    const queue = [...(dependsOn[id] ?? [])];
    while (queue.length) {
      const dep = queue.shift()!;
      if (seen.has(dep)) continue;
      seen.add(dep);
      if (failing(dep)) return rootOf(dep, seen) ?? dep;
      queue.push(...(dependsOn[dep] ?? []));
    }
    return undefined;
  };

  return results.map((r) => {
    if ((r.status !== 'fail' && r.status !== 'warn') || r.independent) return r;
    const root = rootOf(r.id, new Set([r.id]));
    return root ? { ...r, rootCause: root } : r;
  });
}

/** The first line people read: the verdict, led by the root cause when there is one. */
export function headline(report: Pick<StatusReport, 'environment' | 'checks' | 'overall'>, titles: Readonly<Record<string, string>> = {}): string {
  const name = (id: string) => titles[id] ?? id;
  const env = report.environment;
  const fails = report.checks.filter((c) => c.status === 'fail');
  const warns = report.checks.filter((c) => c.status === 'warn');
  const considered = report.checks.filter((c) => c.status !== 'skip').length;
  if (report.overall === 'ok') return `All ${considered} checks healthy on ${env}`;

  const roots = [...fails, ...warns].filter((c) => !c.rootCause);
  const explained = (rootId: string) => report.checks.filter((c) => c.rootCause === rootId).map((c) => name(c.id));
  const parts = roots.slice(0, 3).map((r) => {
    const downstream = explained(r.id);
    const what = `${name(r.id)} ${r.status === 'fail' ? 'failing' : 'degraded'}`;
    return downstream.length ? `${what} (also breaks ${downstream.join(', ')})` : what;
  });
  if (roots.length > 3) parts.push(`${roots.length - 3} more`);
  const counts = [fails.length && `${fails.length} failing`, warns.length && `${warns.length} warning`].filter(Boolean).join(', ');
  return `${env}: ${parts.join('; ')} (${counts})`;
}
