import type { StatusReport } from '../contracts/checks.js';

/** The newest report seen per environment (watch, digests, and `/ctx status` via onReport). */
export function createLatestReports() {
  const byEnv = new Map<string, StatusReport>();
  return {
    set(r: StatusReport) {
      const prev = byEnv.get(r.environment);
      // A partial run (`/ctx check graph`) is not the environment's status.
      if (prev && (Date.parse(prev.checkedAt) > Date.parse(r.checkedAt) || r.checks.length < prev.checks.length)) return;
      byEnv.set(r.environment, r);
    },
    get: (env: string) => byEnv.get(env),
  };
}
export type LatestReports = ReturnType<typeof createLatestReports>;
