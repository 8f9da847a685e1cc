export const initialAlertState = () => ({ bad: 0, good: 0 });
const isBad = (status, rules) => status === 'fail' || (status === 'warn' && rules.alertOnWarn);
const worse = (a, b) => (a === 'fail' || b === 'fail' ? 'fail' : 'warn');
export function stepAlert(prev, obs, rules) {
    // A skipped check (disabled, not applicable) says nothing about health.
    if (obs.status === 'skip')
        return { state: prev, actions: [] };
    const at = obs.at.toISOString();
    const s = { ...prev, open: prev.open ? { ...prev.open } : undefined };
    const actions = [];
    if (isBad(obs.status, rules)) {
        const severity = obs.status === 'fail' ? 'fail' : 'warn';
        s.good = 0;
        delete s.goodSince;
        s.bad = prev.bad + 1;
        s.badSince = prev.bad > 0 && prev.badSince ? prev.badSince : at;
        s.worst = worse(prev.bad > 0 ? prev.worst : undefined, severity);
        const open = s.open;
        if (!open) {
            if (s.bad >= rules.failureThreshold && !obs.coveredBy) {
                s.open = { severity: s.worst, since: s.badSince, openedAt: at, remindedAt: at, posted: !obs.silenced };
                actions.push({ kind: 'open', severity: s.worst, since: s.badSince, silenced: obs.silenced });
            }
            return { state: s, actions };
        }
        if (open.severity === 'warn' && severity === 'fail') {
            actions.push({ kind: 'escalate', severity: 'fail', posted: open.posted });
            open.severity = 'fail';
        }
        if (!open.posted && !obs.silenced) {
            open.posted = true;
            open.remindedAt = at;
            actions.push({ kind: 'post', severity: open.severity, since: open.since });
        }
        else if (open.posted &&
            !obs.silenced &&
            rules.remindEveryMinutes > 0 &&
            obs.at.getTime() - Date.parse(open.remindedAt) >= rules.remindEveryMinutes * 60_000) {
            open.remindedAt = at;
            actions.push({ kind: 'remind', severity: open.severity, since: open.since });
        }
        return { state: s, actions };
    }
    s.bad = 0;
    delete s.badSince;
    delete s.worst;
    // Counted up to the threshold only: a healthy check's state then stops changing.
    s.good = Math.min(prev.good + 1, rules.successThreshold);
    if (s.open) {
        s.goodSince = prev.good > 0 && prev.goodSince ? prev.goodSince : at;
        if (s.good >= rules.successThreshold) {
            const downtimeMs = Date.parse(s.goodSince) - Date.parse(s.open.since);
            actions.push({ kind: 'resolve', since: s.open.since, downtimeMs, posted: s.open.posted });
            delete s.open;
            delete s.goodSince;
        }
    }
    return { state: s, actions };
}
