import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/contracts/checks.js';
import {
  applyResultsBatch,
  applyResultsTracked,
  type AppliedResults,
  type ResultsToApply,
} from '../../src/alerting/alert-store.js';
import type { AlertRules } from '../../src/config/schedules.js';
import { sameJson } from '../../src/store/alerts.js';
import { createStore, type Store } from '../../src/store/store.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';

let db: TestDatabase;
let store: Store;

beforeAll(async () => {
  db = await createTestDatabase('alert_batch');
  store = createStore(db.url, pino({ level: 'silent' }));
  await store.ready();
});
afterAll(async () => {
  await store.close();
  await db.drop();
});

const RULES: AlertRules = { failureThreshold: 2, successThreshold: 2, remindEveryMinutes: 3, alertOnWarn: true };
const T0 = Date.parse('2026-06-01T08:00:00Z');
const MIN = 60_000;

/** One cycle's statuses per environment: o=ok w=warn f=fail s=skip, one letter per check (db, api, graph); api depends on db. */
const CYCLES: Array<Record<string, string>> = [
  { e1: 'ooo', e2: 'fow', e3: 'ooo' },
  { e1: 'ffo', e2: 'fof', e3: 'wso' },
  { e1: 'ffo', e2: 'oof', e3: 'wso' },
  { e1: 'ffw', e2: 'oof', e3: 'ooo' },
  { e1: 'oow', e2: 'oof', e3: 'ooo' },
  { e1: 'ooo', e2: 'oof', e3: 'fff' },
  { e1: 'ooo', e2: 'fff', e3: 'fff' },
];
const STATUS = { o: 'ok', w: 'warn', f: 'fail', s: 'skip' } as const;
const IDS = ['db', 'api', 'graph'];

function run(env: string, codes: string, cycle: number): ResultsToApply {
  const at = new Date(T0 + cycle * MIN);
  const checks = IDS.map((id, i) => {
    const status = STATUS[codes[i] as keyof typeof STATUS];
    return {
      id,
      status,
      summary: `${id} is ${status}`,
      details: [],
      durationMs: 10,
      // api failing while db fails is covered by db's alert.
      ...(id === 'api' && status === 'fail' && codes[0] === 'f' ? { rootCause: 'db' } : {}),
    };
  });
  const report: StatusReport = { environment: env, checkedAt: at.toISOString(), overall: 'ok', checks };
  // graph of e3 is silenced in cycles 5 and 6.
  const silencedFor = (check: string) => (env.endsWith('e3') && check === 'graph' && cycle >= 5 ? 'silence 1' : null);
  return { report, at, silencedFor };
}

/** What was decided, without the row ids (the two runs write different rows). */
const said = (applied: AppliedResults[]) =>
  applied.flatMap((a) =>
    a.planned.map((p) => ({
      action: p.action,
      env: p.alert.env.replace(/^\w+-/, ''),
      check: p.alert.check,
      severity: p.alert.severity,
      silencedBy: p.alert.silencedBy,
      resolved: p.alert.resolvedAt !== null,
      dependents: p.dependents,
    })),
  );
const states = (applied: AppliedResults[]) =>
  applied.map((a) => [...a.states].map(([check, s]) => [check, { ...s, open: s.open && { ...s.open, id: 'x' } }]));

async function tableState(prefix: string) {
  const st = await db.query(
    `SELECT substr(env, length($1) + 1) AS env, check_id, state FROM ctx_ops.alert_state WHERE env LIKE $1 || '%' ORDER BY env, check_id`,
    [prefix],
  );
  const alerts = await db.query(
    `SELECT substr(env, length($1) + 1) AS env, check_id, severity, summary, since, opened_at, resolved_at, downtime_ms, silenced_by, reminders
       FROM ctx_ops.alerts WHERE env LIKE $1 || '%' ORDER BY env, check_id, opened_at`,
    [prefix],
  );
  return {
    states: st.rows.map((r) => ({ ...r, state: { ...r.state, open: r.state.open && { ...r.state.open, id: 'x' } } })),
    alerts: alerts.rows,
  };
}

describe('alert state applied in one transaction for many environments', () => {
  it('decides, records and answers exactly what one transaction per environment does', async () => {
    for (const [cycle, envs] of CYCLES.entries()) {
      const one: AppliedResults[] = [];
      for (const [env, codes] of Object.entries(envs)) {
        const r = run(`one-${env}`, codes, cycle);
        one.push(await applyResultsTracked(store, r.report, r.at, RULES, r.silencedFor));
      }
      const batch = await applyResultsBatch(
        store,
        Object.entries(envs).map(([env, codes]) => run(`batch-${env}`, codes, cycle)),
        RULES,
      );
      expect(said(batch), `cycle ${cycle}`).toEqual(said(one));
      expect(states(batch), `cycle ${cycle}`).toEqual(states(one));
    }
    const one = await tableState('one-');
    expect(one.alerts.length).toBeGreaterThan(3);
    expect(one.alerts.some((a) => a.silenced_by === 'silence 1')).toBe(true);
    expect(one.alerts.some((a) => a.reminders > 0)).toBe(true);
    expect(one.alerts.some((a) => a.resolved_at !== null)).toBe(true);
    expect(await tableState('batch-')).toEqual(one);
  });

  it('answers one empty result per environment when there is nothing to apply', async () => {
    const empty: StatusReport = {
      environment: 'none',
      checkedAt: new Date(T0).toISOString(),
      overall: 'ok',
      checks: [],
    };
    const out = await applyResultsBatch(store, [{ report: empty, at: new Date(T0), silencedFor: () => null }], RULES);
    expect(out).toEqual([{ planned: [], states: new Map() }]);
  });
});

describe('sameJson (is a state row changed?)', () => {
  it('ignores key order and properties set to undefined, as jsonb does', () => {
    expect(sameJson({ bad: 1, good: 0 }, { good: 0, bad: 1 })).toBe(true);
    expect(sameJson({ bad: 1, open: undefined }, { bad: 1 })).toBe(true);
    expect(sameJson({ a: { x: 1, y: [1, { z: 2 }] } }, { a: { y: [1, { z: 2 }], x: 1 } })).toBe(true);
  });
  it('sees every real change', () => {
    expect(sameJson({ bad: 1 }, { bad: 2 })).toBe(false);
    expect(sameJson({ bad: 1 }, { bad: 1, good: 0 })).toBe(false);
    expect(sameJson({ bad: 1, good: 0 }, { bad: 1 })).toBe(false);
    expect(sameJson({ open: { id: '1' } }, { open: { id: '2' } })).toBe(false);
    expect(sameJson({ open: null }, { open: undefined })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
  });
});
