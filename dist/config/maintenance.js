export const ALL_CHECKS = '*';
export function silenceCovers(s, env, check, at) {
    return ((s.env === null || s.env === env) &&
        (s.check === ALL_CHECKS || s.check === check) &&
        s.createdAt.getTime() <= at.getTime() &&
        at.getTime() < s.endsAt.getTime());
}
/** A window covers [from, to); no environments or checks listed means all of them. */
export function windowCovers(w, env, check, at) {
    const t = at.getTime();
    return ((!w.environments?.length || w.environments.includes(env)) &&
        (!w.checks?.length || w.checks.includes(check)) &&
        Date.parse(w.from) <= t &&
        t < Date.parse(w.to));
}
/** Why this check's alerts are held back now ("silence #3 by <@U…>: deploy", "maintenance: …"), or null. */
export function silencedBy(env, check, at, silences, windows) {
    const s = silences.find((x) => silenceCovers(x, env, check, at));
    if (s)
        return `silence #${s.id}${s.reason ? `: ${s.reason}` : ''}`;
    const w = windows.find((x) => windowCovers(x, env, check, at));
    if (w)
        return `maintenance${w.reason ? `: ${w.reason}` : ''} (until ${w.to})`;
    return null;
}
/** Windows that matter now: running, or starting within `aheadMs`, for the environments given. */
export function relevantWindows(windows, at, aheadMs, envs) {
    const t = at.getTime();
    return windows.filter((w) => Date.parse(w.to) > t &&
        Date.parse(w.from) <= t + aheadMs &&
        (!envs || !w.environments?.length || w.environments.some((e) => envs.includes(e))));
}
