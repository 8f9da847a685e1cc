import type { Severity, Status } from '../contracts/checks.js';
import type { AlertRules } from '../config/schedules.js';

/**
 * The alert state machine for one check in one environment, as a pure function: the
 * watch feeds it every result and performs the actions it returns. Modelled on gatus:
 * an alert after N consecutive bad results, resolved after M consecutive good ones, so
 * a check that flaps (ok, fail, ok, fail…) never alerts.
 */

export interface OpenAlert {
  /** The alerts row, filled in by the store once the alert is recorded. */
  id?: string;
  severity: Severity;
  /** First bad result of the streak that raised it: where the downtime starts. */
  since: string;
  openedAt: string;
  remindedAt: string;
  /** False while silenced: the alert is recorded but was not posted. */
  posted: boolean;
}

export interface AlertState {
  bad: number;
  good: number;
  badSince?: string;
  worst?: Severity;
  /** First good result while an alert is open: where the downtime ends. */
  goodSince?: string;
  open?: OpenAlert;
}

export const initialAlertState = (): AlertState => ({ bad: 0, good: 0 });

export interface Observation {
  status: Status;
  at: Date;
  /** A silence or maintenance window covers this check now. */
  silenced: boolean;
  /** The failing dependency that explains this result: its alert speaks for this check. */
  coveredBy?: string;
}

export type AlertAction =
  /** Raise an alert (post it, or only record it when silenced). */
  | { kind: 'open'; severity: Severity; since: string; silenced: boolean }
  /** An alert raised under a silence is still bad after the silence ended: post it now. */
  | { kind: 'post'; severity: Severity; since: string }
  /** warn → fail: the alert's message is updated. */
  | { kind: 'escalate'; severity: 'fail'; posted: boolean }
  | { kind: 'remind'; severity: Severity; since: string }
  | { kind: 'resolve'; since: string; downtimeMs: number; posted: boolean };

const isBad = (status: Status, rules: AlertRules) => status === 'fail' || (status === 'warn' && rules.alertOnWarn);
const worse = (a: Severity | undefined, b: Severity): Severity => (a === 'fail' || b === 'fail' ? 'fail' : 'warn');

export function stepAlert(
  prev: AlertState,
  obs: Observation,
  rules: AlertRules,
): { state: AlertState; actions: AlertAction[] } {
  // A skipped check (disabled, not applicable) says nothing about health.
  if (obs.status === 'skip') return { state: prev, actions: [] };
  const at = obs.at.toISOString();
  const s: AlertState = { ...prev, open: prev.open ? { ...prev.open } : undefined };
  const actions: AlertAction[] = [];

  if (isBad(obs.status, rules)) {
    const severity: Severity = obs.status === 'fail' ? 'fail' : 'warn';
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
    } else if (
      open.posted &&
      !obs.silenced &&
      rules.remindEveryMinutes > 0 &&
      obs.at.getTime() - Date.parse(open.remindedAt) >= rules.remindEveryMinutes * 60_000
    ) {
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
