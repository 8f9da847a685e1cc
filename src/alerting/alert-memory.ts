import type { CheckResult, StatusReport } from '../contracts/checks.js';
import { initialAlertState, stepAlert, type AlertAction, type AlertState, type OpenAlert } from './alert-rules.js';
import type { AlertRules } from '../config/schedules.js';
import { sameJson, type AlertRecord } from '../store/alerts.js';
import { dependentsOf, type PlannedAlert } from './alert-store.js';
import { MEMORY_ID_PREFIX } from './alert-locations.js';

/** One action decided while the store was unreachable, replayed into the store on recovery. */
export interface LoggedAction {
  env: string;
  check: string;
  action: AlertAction;
  at: Date;
  summary: string;
  silence: string | null;
  /** The alert it acts on (a memory id for an alert raised during the outage). */
  alertId: string;
}

/** Bounds the replay log of a very long outage (oldest dropped; their state still counts). */
const MAX_LOGGED = 10_000;

const keyOf = (env: string, check: string) => `${env}\u0000${check}`;

/**
 * The alert state machine's memory in the watch's process: every check's state after
 * the last step (kept from store cycles, so an outage carries on where the store left
 * off), and, while the store is unreachable, the same pure rules (alert-rules.ts) applied
 * here instead, with each action logged for the store once it is back.
 */
export function createAlertMemory() {
  const states = new Map<string, AlertState>();
  const dirty = new Set<string>();
  let logged: LoggedAction[] = [];
  let dropped = 0;
  let seq = 0;

  const recordOf = (
    env: string,
    result: CheckResult,
    action: AlertAction,
    open: OpenAlert | undefined,
    at: Date,
    silence: string | null,
  ): AlertRecord => ({
    id: open?.id ?? '',
    env,
    check: result.id,
    severity: 'severity' in action ? action.severity : (open?.severity ?? 'fail'),
    summary: result.summary.slice(0, 500),
    since: new Date(action.kind === 'escalate' ? (open?.since ?? at.toISOString()) : action.since),
    openedAt: open ? new Date(open.openedAt) : at,
    resolvedAt: action.kind === 'resolve' ? at : null,
    downtimeMs: action.kind === 'resolve' ? action.downtimeMs : null,
    silencedBy: action.kind === 'open' && action.silenced ? silence : open && !open.posted ? silence : null,
    channel: null,
    ts: null,
    reminders: 0,
  });

  return {
    /** After a committed store step: where the next step starts from. */
    remember(env: string, after: ReadonlyMap<string, AlertState>): void {
      for (const [check, state] of after) states.set(keyOf(env, check), state);
    },

    /** One environment's results through the rules, in memory (the store is unreachable). */
    apply(
      report: StatusReport,
      at: Date,
      rules: AlertRules,
      silencedFor: (check: string) => string | null,
    ): PlannedAlert[] {
      const env = report.environment;
      const planned: PlannedAlert[] = [];
      for (const result of report.checks) {
        const key = keyOf(env, result.id);
        const prev = states.get(key) ?? initialAlertState();
        const silence = silencedFor(result.id);
        const { state, actions } = stepAlert(
          prev,
          { status: result.status, at, silenced: silence !== null, coveredBy: result.rootCause },
          rules,
        );
        const dependents = dependentsOf(report, result.id);
        for (const action of actions) {
          if (action.kind === 'open' && state.open) state.open.id = `${MEMORY_ID_PREFIX}${++seq}`;
          // After a resolve the state no longer holds the alert: it is the one that was open.
          const open = action.kind === 'resolve' ? prev.open : state.open;
          const alert = recordOf(env, result, action, open, at, silence);
          if (!alert.id) continue; // an alert of unknown id cannot be followed (never happens from a consistent state)
          logged.push({ env, check: result.id, action, at, summary: alert.summary, silence, alertId: alert.id });
          planned.push({ action, alert, result, dependents, storeUnreachable: true });
        }
        if (logged.length > MAX_LOGGED) {
          dropped += logged.length - MAX_LOGGED;
          logged = logged.slice(-MAX_LOGGED);
        }
        if (!sameJson(state, prev)) dirty.add(key);
        states.set(key, state);
      }
      return planned;
    },

    /** Something decided in memory has not been written to the store yet. */
    pending: () => dirty.size > 0 || logged.length > 0,

    /** What recovery writes for one environment: the actions in order and the states now. */
    pendingFor(env: string): { actions: LoggedAction[]; states: Array<[string, AlertState]> } {
      const prefix = keyOf(env, '');
      return {
        actions: logged.filter((a) => a.env === env),
        states: [...dirty].filter((k) => k.startsWith(prefix)).map((k) => [k.slice(prefix.length), states.get(k)!]),
      };
    },
    pendingEnvs(): string[] {
      return [...new Set([...logged.map((a) => a.env), ...[...dirty].map((k) => k.split('\u0000')[0]!)])];
    },

    /** One environment is in the store now; memory ids become store ids. */
    written(env: string, ids: ReadonlyMap<string, string>): void {
      logged = logged.filter((a) => a.env !== env);
      const prefix = keyOf(env, '');
      for (const k of [...dirty]) if (k.startsWith(prefix)) dirty.delete(k);
      for (const [k, s] of states) {
        if (!k.startsWith(prefix) || !s.open?.id) continue;
        const real = ids.get(s.open.id);
        if (real) states.set(k, { ...s, open: { ...s.open, id: real } });
      }
    },

    /** Alerts raised in memory that are still open: nobody else knows them. */
    openInMemory(): Array<{ env: string; check: string; id: string }> {
      const out: Array<{ env: string; check: string; id: string }> = [];
      for (const [k, s] of states) {
        if (!s.open?.id?.startsWith(MEMORY_ID_PREFIX)) continue;
        const [env, check] = k.split('\u0000') as [string, string];
        out.push({ env, check, id: s.open.id });
      }
      return out;
    },

    /** Actions dropped from a very long outage's log (said once at recovery). */
    dropped: () => dropped,

    /** Not leading any more: the next leader starts from the store. */
    clear(): void {
      states.clear();
      dirty.clear();
      logged = [];
      dropped = 0;
    },
  };
}
export type AlertMemory = ReturnType<typeof createAlertMemory>;
