import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/contracts/checks.js';
import { hourlyStats, latestRecorded, recordReport, recordReports, uptime } from '../../src/diagnostics/history.js';
import { pruneOld } from '../../src/store/retention.js';
import { createStore, type Store } from '../../src/store/store.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';

let db: TestDatabase;
let store: Store;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  db = await createTestDatabase('sched_hist');
  store = createStore(db.url, log);
  await store.ready();
});
afterAll(async () => {
  await store.close();
  await db.drop();
});

const report = (
  env: string,
  at: string,
  statuses: Record<string, 'ok' | 'warn' | 'fail' | 'skip'>,
  ms = 40,
): StatusReport => ({
  environment: env,
  checkedAt: at,
  overall: 'ok',
  checks: Object.entries(statuses).map(([id, status]) => ({
    id,
    status,
    summary: `${id} is ${status}`,
    details: [],
    durationMs: status === 'fail' ? 5000 : ms,
  })),
});

describe('check history', () => {
  it('records every check of a run and rolls it up per hour (uptime counts warnings as up)', async () => {
    await recordReport(store, report('prod', '2026-03-30T08:05:00Z', { backend: 'ok', graph: 'fail' }), 'watch');
    await recordReport(store, report('prod', '2026-03-30T08:06:00Z', { backend: 'warn', graph: 'ok' }, 60), 'watch');
    await recordReport(store, report('prod', '2026-03-30T08:07:00Z', { backend: 'ok', graph: 'ok' }), 'digest');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM ctx_ops.check_history WHERE env = 'prod'`);
    expect(rows[0]!.n).toBe(6);
    const hourly = await hourlyStats(store, 'prod', new Date('2026-03-30T00:00:00Z'));
    const graph = hourly.find((h) => h.check === 'graph')!;
    expect(graph).toMatchObject({ runs: 3, failures: 1, warnings: 0 });
    // The failed run's 5 s timeout is left out of the latency figures.
    expect(graph.totalMs).toBe(60 + 40);
    expect(
      uptime(
        hourly.filter((h) => h.check === 'graph'),
        new Date('2026-03-30T00:00:00Z'),
      ),
    ).toBeCloseTo(2 / 3);
    expect(
      uptime(
        hourly.filter((h) => h.check === 'backend'),
        new Date('2026-03-30T00:00:00Z'),
      ),
    ).toBe(1);
    expect(uptime([], new Date())).toBeNull();
  });

  it('gives the newest recorded result of each check as a report', async () => {
    const r = await latestRecorded(store, 'prod', new Date('2026-03-30T08:00:00Z'));
    expect(r?.checkedAt).toBe('2026-03-30T08:07:00.000Z');
    expect(r?.checks.map((c) => [c.id, c.status])).toEqual([
      ['backend', 'ok'],
      ['graph', 'ok'],
    ]);
    expect(await latestRecorded(store, 'prod', new Date('2026-03-30T09:00:00Z'))).toBeNull();
  });

  it('retention deletes rows older than retentionDays and keeps the rest', async () => {
    const now = new Date('2026-05-01T12:00:00Z');
    await recordReport(store, report('old', '2026-03-20T10:00:00Z', { backend: 'ok' }), 'watch');
    await recordReport(store, report('old', '2026-04-20T10:00:00Z', { backend: 'fail' }), 'watch');
    await db.query(
      `INSERT INTO ctx_ops.silences (env, check_id, created_by, created_at, ends_at) VALUES ('old', 'graph', 'U1', '2026-03-01', '2026-03-02'), ('old', 'graph', 'U1', '2026-04-30', '2026-05-02')`,
    );
    await db.query(
      `INSERT INTO ctx_ops.alerts (env, check_id, severity, summary, since, opened_at, resolved_at) VALUES ('old', 'graph', 'fail', 's', '2026-03-01', '2026-03-01', '2026-03-02')`,
    );
    const deleted = await pruneOld(store, 30, now);
    expect(deleted).toMatchObject({ check_history: 7, silences: 1, alerts: 1 });
    const left = await db.query(`SELECT env, checked_at FROM ctx_ops.check_history ORDER BY checked_at`);
    expect(left.rows.map((r) => (r.checked_at as Date).toISOString())).toEqual(['2026-04-20T10:00:00.000Z']);
    const hourly = await db.query(`SELECT hour FROM ctx_ops.check_hourly`);
    expect(hourly.rows.map((r) => (r.hour as Date).toISOString())).toEqual(['2026-04-20T10:00:00.000Z']);
    expect((await db.query(`SELECT count(*)::int AS n FROM ctx_ops.silences`)).rows[0]!.n).toBe(1);
  });
});

describe('check history written in batches (the watch records many environments per statement)', () => {
  const runs = (env: (n: string) => string) => [
    report(env('a'), '2026-06-01T08:05:00Z', { backend: 'ok', graph: 'fail', ui: 'skip' }),
    report(env('b'), '2026-06-01T08:05:01Z', { backend: 'warn', graph: 'ok' }, 70),
    // Same environment, check and hour twice in one batch: the roll-up adds both runs.
    report(env('a'), '2026-06-01T08:35:00Z', { backend: 'ok', graph: 'ok' }, 90),
    report(env('a'), '2026-06-01T09:01:00Z', { backend: 'fail', graph: 'ok' }),
  ];
  const tables = async (prefix: string) => {
    const raw = await db.query(
      `SELECT substr(env, length($1) + 1) AS env, check_id, status, summary, duration_ms, root_cause, source, checked_at
         FROM ctx_ops.check_history WHERE env LIKE $1 || '%' ORDER BY checked_at, env, check_id`,
      [prefix],
    );
    const hourly = await db.query(
      `SELECT substr(env, length($1) + 1) AS env, check_id, hour, runs, failures, warnings, total_ms, max_ms
         FROM ctx_ops.check_hourly WHERE env LIKE $1 || '%' ORDER BY env, check_id, hour`,
      [prefix],
    );
    return { raw: raw.rows, hourly: hourly.rows };
  };

  it('records the same rows and roll-ups as one call per run, and the roll-up of later batches adds up', async () => {
    for (const r of runs((n) => `one-${n}`)) await recordReport(store, r, 'watch');
    await recordReports(
      store,
      runs((n) => `batch-${n}`),
      'watch',
    );
    const one = await tables('one-');
    const batch = await tables('batch-');
    expect(one.raw).toHaveLength(9);
    expect(batch).toEqual(one);
    expect(one.hourly.find((h) => h.env === 'a' && h.check_id === 'backend')).toMatchObject({
      runs: 2,
      failures: 0,
      max_ms: 90,
    });
    // A second batch onto existing roll-ups adds to them, as a second call does.
    for (const r of runs((n) => `one-${n}`)) await recordReport(store, r, 'digest');
    await recordReports(
      store,
      runs((n) => `batch-${n}`),
      'digest',
    );
    expect(await tables('batch-')).toEqual(await tables('one-'));
  });

  it('writes nothing for an empty batch or runs without checks', async () => {
    await recordReports(store, [], 'watch');
    await recordReports(store, [report('empty', '2026-06-01T08:00:00Z', {})], 'watch');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM ctx_ops.check_history WHERE env = 'empty'`);
    expect(rows[0]!.n).toBe(0);
  });
});
