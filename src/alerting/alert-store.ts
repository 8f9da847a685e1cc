import type { CheckResult, StatusReport } from '../contracts/checks.js';
import type { Store } from '../store/store.js';
import {
  sameJson,
  toRecord,
  updateAlert as update,
  type AlertRecord,
  type AlertRow,
  type Queryable,
} from '../store/alerts.js';
import { initialAlertState, stepAlert, type AlertAction, type AlertState } from './alert-rules.js';
import type { AlertRules } from '../config/schedules.js';

/**
 * The watch's side of the alerts table: results fed through the alert rules, each action
 * recorded once. The rows themselves (AlertRecord) are in store/alerts.ts, read by the
 * digest and App Home too.
 */

/** One thing the watch must now say, with everything the message needs. */
export interface PlannedAlert {
  action: AlertAction;
  alert: AlertRecord;
  result: CheckResult;
  /** Checks failing because of this one (their alerts are folded into this one). */
  dependents: string[];
  /** Decided while the bot's own store was unreachable (alert state kept in memory). */
  storeUnreachable?: boolean;
}

/**
 * Feeds one environment's results through the alert state machine inside one
 * transaction. The state rows are locked FOR UPDATE, so if two replicas both believe they
 * lead, each transition (and so each post) still happens once.
 */
export async function applyResults(
  store: Store,
  report: StatusReport,
  at: Date,
  rules: AlertRules,
  silencedFor: (check: string) => string | null,
): Promise<PlannedAlert[]> {
  return (await applyResultsTracked(store, report, at, rules, silencedFor)).planned;
}

/**
 * applyResults, also returning every check's state after this step (committed), which
 * the watch keeps in memory to carry on from should the store become unreachable.
 */
export async function applyResultsTracked(
  store: Store,
  report: StatusReport,
  at: Date,
  rules: AlertRules,
  silencedFor: (check: string) => string | null,
): Promise<AppliedResults> {
  return (await applyResultsBatch(store, [{ report, at, silencedFor }], rules))[0]!;
}

/** One environment's run, as applyResultsBatch takes it. */
export interface ResultsToApply {
  report: StatusReport;
  at: Date;
  silencedFor(check: string): string | null;
}

export interface AppliedResults {
  planned: PlannedAlert[];
  /** Every check's state after this step (committed). */
  states: Map<string, AlertState>;
}

/**
 * applyResultsTracked for several environments in one transaction: the state rows of all
 * of them are created or locked in one statement (in env, check order, so two replicas
 * that both believe they lead lock in the same order) and the changed ones written back in
 * one, instead of four round trips per environment. Answers in the order given. Each
 * environment's steps and actions are those applyResultsTracked would take for it alone;
 * each environment may appear once.
 */
export async function applyResultsBatch(
  store: Store,
  items: readonly ResultsToApply[],
  rules: AlertRules,
): Promise<AppliedResults[]> {
  const envs: string[] = [];
  const ids: string[] = [];
  for (const { report } of items)
    for (const c of report.checks) {
      envs.push(report.environment);
      ids.push(c.id);
    }
  if (!ids.length) return items.map(() => ({ planned: [], states: new Map() }));
  return store.tx(async (c) => {
    // One round trip: a missing row is created, an existing one is locked (the no-op update
    // takes the row lock FOR UPDATE took, in env, check_id order) and its state returned.
    const { rows } = await c.query<{ env: string; check_id: string; state: AlertState }>(
      `INSERT INTO ctx_ops.alert_state AS s (env, check_id, state)
       SELECT t.env, t.id, $3::jsonb FROM unnest($1::text[], $2::text[]) AS t(env, id) ORDER BY t.env, t.id
       ON CONFLICT (env, check_id) DO UPDATE SET state = s.state
       RETURNING env, check_id, state`,
      [envs, ids, JSON.stringify(initialAlertState())],
    );
    const states = new Map(rows.map((r) => [stateKey(r.env, r.check_id), r.state]));
    const changedEnvs: string[] = [];
    const changedIds: string[] = [];
    const changedStates: string[] = [];
    const out: AppliedResults[] = [];
    for (const { report, at, silencedFor } of items) {
      const env = report.environment;
      const planned: PlannedAlert[] = [];
      const after = new Map<string, AlertState>();
      for (const result of report.checks) {
        const prev = states.get(stateKey(env, result.id)) ?? initialAlertState();
        const silence = silencedFor(result.id);
        const { state, actions } = stepAlert(
          prev,
          { status: result.status, at, silenced: silence !== null, coveredBy: result.rootCause },
          rules,
        );
        for (const action of actions) {
          const alert = await recordAction(c, env, result, action, state, at, silence);
          if (alert) planned.push({ action, alert, result, dependents: dependentsOf(report, result.id) });
        }
        if (!sameJson(state, prev)) {
          changedEnvs.push(env);
          changedIds.push(result.id);
          changedStates.push(JSON.stringify(state));
        }
        after.set(result.id, state);
      }
      out.push({ planned, states: after });
    }
    if (changedIds.length) {
      await c.query(
        `UPDATE ctx_ops.alert_state AS s SET state = t.state, updated_at = now()
         FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS t(env, check_id, state) WHERE s.env = t.env AND s.check_id = t.check_id`,
        [changedEnvs, changedIds, changedStates],
      );
    }
    return out;
  });
}

const stateKey = (env: string, check: string) => `${env}\u0000${check}`;

/** Checks failing because of this one: its alert speaks for them. */
export function dependentsOf(report: StatusReport, check: string): string[] {
  return report.checks.filter((d) => d.rootCause === check).map((d) => d.id);
}

/**
 * Records one action of the state machine in `alerts`. For `open` it sets the new row's id
 * on `state.open`; an open alert already recorded for the check is adopted (and null is
 * returned: nothing new to post).
 */
export async function recordAction(
  c: Queryable,
  env: string,
  result: Pick<CheckResult, 'id' | 'summary'>,
  action: AlertAction,
  state: AlertState,
  at: Date,
  silence: string | null,
): Promise<AlertRecord | null> {
  const openId = state.open?.id;
  switch (action.kind) {
    case 'open': {
      const ins = await c.query<AlertRow>(
        `INSERT INTO ctx_ops.alerts (env, check_id, severity, summary, since, opened_at, silenced_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (env, check_id) WHERE resolved_at IS NULL DO NOTHING RETURNING *`,
        [
          env,
          result.id,
          action.severity,
          result.summary.slice(0, 500),
          action.since,
          at,
          action.silenced ? silence : null,
        ],
      );
      // An open alert left behind (state row lost or reset): adopt it rather than post twice.
      const row =
        ins.rows[0] ??
        (
          await c.query<AlertRow>(
            `SELECT * FROM ctx_ops.alerts WHERE env = $1 AND check_id = $2 AND resolved_at IS NULL`,
            [env, result.id],
          )
        ).rows[0];
      if (!row) return null;
      if (state.open) state.open.id = String(row.id);
      return ins.rows[0] ? toRecord(row) : null;
    }
    case 'post':
      return update(c, openId, `silenced_by = NULL, severity = $2, summary = $3`, [
        action.severity,
        result.summary.slice(0, 500),
      ]);
    case 'escalate':
      return update(c, openId, `severity = 'fail', summary = $2`, [result.summary.slice(0, 500)]);
    case 'remind':
      return update(c, openId, `reminders = reminders + 1, summary = $2`, [result.summary.slice(0, 500)]);
    case 'resolve':
      // The state no longer holds the id once resolved: find the open row.
      return (
        (
          await c.query<AlertRow>(
            `UPDATE ctx_ops.alerts SET resolved_at = $3, downtime_ms = $4 WHERE env = $1 AND check_id = $2 AND resolved_at IS NULL RETURNING *`,
            [env, result.id, at, action.downtimeMs],
          )
        ).rows.map(toRecord)[0] ?? null
      );
  }
}
