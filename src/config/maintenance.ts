/**
 * What keeps an alert from being posted: a `/ctx silence` or a maintenance window from
 * ctx-ops.yml. Both are matched here, purely, so the rules are in one place.
 */
export interface Silence {
  id: string;
  /** null: every environment. */
  env: string | null;
  /** '*': every check. */
  check: string;
  reason?: string;
  createdBy: string;
  createdAt: Date;
  endsAt: Date;
}

export interface MaintenanceWindow {
  environments?: string[];
  checks?: string[];
  from: string;
  to: string;
  reason?: string;
}

export const ALL_CHECKS = '*';

export function silenceCovers(s: Silence, env: string, check: string, at: Date): boolean {
  return (
    (s.env === null || s.env === env) &&
    (s.check === ALL_CHECKS || s.check === check) &&
    s.createdAt.getTime() <= at.getTime() &&
    at.getTime() < s.endsAt.getTime()
  );
}

/** A window covers [from, to); no environments or checks listed means all of them. */
export function windowCovers(w: MaintenanceWindow, env: string, check: string, at: Date): boolean {
  const t = at.getTime();
  return (
    (!w.environments?.length || w.environments.includes(env)) &&
    (!w.checks?.length || w.checks.includes(check)) &&
    Date.parse(w.from) <= t &&
    t < Date.parse(w.to)
  );
}

/** Why this check's alerts are held back now ("silence #3 by <@U…>: deploy", "maintenance: …"), or null. */
export function silencedBy(
  env: string,
  check: string,
  at: Date,
  silences: readonly Silence[],
  windows: readonly MaintenanceWindow[],
): string | null {
  const s = silences.find((x) => silenceCovers(x, env, check, at));
  if (s) return `silence #${s.id}${s.reason ? `: ${s.reason}` : ''}`;
  const w = windows.find((x) => windowCovers(x, env, check, at));
  if (w) return `maintenance${w.reason ? `: ${w.reason}` : ''} (until ${w.to})`;
  return null;
}

/** Windows that matter now: running, or starting within `aheadMs`, for the environments given. */
export function relevantWindows(
  windows: readonly MaintenanceWindow[],
  at: Date,
  aheadMs: number,
  envs?: readonly string[],
): MaintenanceWindow[] {
  const t = at.getTime();
  return windows.filter(
    (w) =>
      Date.parse(w.to) > t &&
      Date.parse(w.from) <= t + aheadMs &&
      (!envs || !w.environments?.length || w.environments.some((e) => envs.includes(e))),
  );
}
