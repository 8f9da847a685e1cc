import { describe, expect, it } from 'vitest';
import {
  attributeLikelyCauses,
  attributeRootCauses,
  headline,
  overallStatus,
  rootsFirst,
  worst,
} from '../../src/diagnostics/status-rules.js';
import { clockSkewStatus } from '../../src/diagnostics/checks/backend.js';
import { connectionUsageStatus } from '../../src/diagnostics/checks/postgres.js';
import type { CheckResult, Status } from '../../src/contracts/checks.js';

const r = (id: string, status: Status, rootCause?: string): CheckResult => ({
  id,
  status,
  summary: `${id} ${status}`,
  details: [],
  durationMs: 1,
  ...(rootCause ? { rootCause } : {}),
});

describe('worst / overallStatus', () => {
  it.each<[Status[], Status]>([
    [[], 'skip'],
    [['ok', 'skip'], 'ok'],
    [['ok', 'warn'], 'warn'],
    [['warn', 'fail', 'ok'], 'fail'],
    [['skip', 'skip'], 'skip'],
  ])('worst(%j) = %s', (input, expected) => expect(worst(...input)).toBe(expected));

  it.each<[Status[], string]>([
    [['skip', 'skip'], 'ok'],
    [['ok', 'skip'], 'ok'],
    [['ok', 'warn', 'skip'], 'warn'],
    [['fail', 'warn'], 'fail'],
  ])('overall(%j) = %s', (input, expected) => expect(overallStatus(input.map((s) => ({ status: s })))).toBe(expected));
});

describe('attributeRootCauses', () => {
  const deps = {
    backend: [],
    ui: ['backend'],
    mcp: ['backend'],
    postgres: [],
    migrations: ['postgres'],
    indexing: ['postgres'],
    deep: ['migrations'],
  };

  it.each<[string, CheckResult[], Record<string, string | undefined>]>([
    [
      'a failing dependency explains failing dependents',
      [r('postgres', 'fail'), r('migrations', 'fail'), r('indexing', 'fail')],
      { postgres: undefined, migrations: 'postgres', indexing: 'postgres' },
    ],
    [
      'a dependent that still works has no root cause',
      [r('postgres', 'fail'), r('migrations', 'ok')],
      { migrations: undefined },
    ],
    ['a warning dependent is explained too', [r('backend', 'fail'), r('ui', 'warn')], { ui: 'backend' }],
    ['a warning dependency explains nothing', [r('backend', 'warn'), r('ui', 'fail')], { ui: undefined }],
    [
      'transitive: the deepest failing ancestor is the cause',
      [r('postgres', 'fail'), r('migrations', 'fail'), r('deep', 'fail')],
      { deep: 'postgres', migrations: 'postgres' },
    ],
    [
      'an ok middle still leads to a failing root',
      [r('postgres', 'fail'), r('migrations', 'ok'), r('deep', 'fail')],
      { deep: 'postgres' },
    ],
    [
      "a failure marked as the check's own gets no root cause",
      [r('postgres', 'fail'), { ...r('migrations', 'fail'), independent: true } as CheckResult],
      { migrations: undefined },
    ],
    [
      'independent failures stay separate',
      [r('backend', 'fail'), r('postgres', 'fail')],
      { backend: undefined, postgres: undefined },
    ],
  ])('%s', (_name, results, expected) => {
    const out = Object.fromEntries(attributeRootCauses(results, deps).map((x) => [x.id, x.rootCause]));
    for (const [id, cause] of Object.entries(expected)) expect(out[id], id).toBe(cause);
  });
});

describe('attributeLikelyCauses', () => {
  const likely = {
    backend: { postgres: 'the backend exits without its database' },
    codesearch: { postgres: 'codesearch reads Postgres' },
  };
  type Raw = CheckResult & { independent?: boolean; local?: boolean };
  const x = (id: string, status: Status, extra: Partial<Raw> = {}): Raw => ({ ...r(id, status), ...extra });

  it.each<[string, Raw[], Record<string, [string | undefined, string | undefined]>]>([
    [
      'a refusing backend and a failing Postgres: Postgres, with the reason, and what the backend explained follows',
      [x('backend', 'fail'), x('ui', 'fail', { rootCause: 'backend' }), x('postgres', 'fail')],
      {
        backend: ['postgres', 'the backend exits without its database'],
        ui: ['postgres', 'backend fails because of it: the backend exits without its database'],
        postgres: [undefined, undefined],
      },
    ],
    [
      'Postgres fine: the backend stays its own root',
      [x('backend', 'fail'), x('postgres', 'ok')],
      { backend: [undefined, undefined] },
    ],
    [
      'a backend failure Postgres cannot cause (independent)',
      [x('backend', 'fail', { independent: true }), x('postgres', 'fail')],
      { backend: [undefined, undefined] },
    ],
    [
      'ctx-ops has no DATABASE_URL (local): not a cause',
      [x('backend', 'fail'), x('postgres', 'fail', { local: true })],
      { backend: [undefined, undefined] },
    ],
    [
      'a warning Postgres explains nothing',
      [x('backend', 'fail'), x('postgres', 'warn')],
      { backend: [undefined, undefined] },
    ],
    [
      'an already attributed check keeps its cause',
      [x('codesearch', 'fail', { rootCause: 'graph' }), x('postgres', 'fail')],
      { codesearch: ['graph', undefined] },
    ],
  ])('%s', (_n, results, expected) => {
    const out = Object.fromEntries(
      attributeLikelyCauses(results, likely).map((c) => [c.id, [c.rootCause, c.rootCauseReason]]),
    );
    for (const [id, want] of Object.entries(expected)) expect(out[id], id).toEqual(want);
  });
});

describe('headline', () => {
  const titles = { postgres: 'Postgres', migrations: 'Migrations', indexing: 'Indexing', backend: 'Backend' };
  it.each<[string, CheckResult[], string]>([
    ['all ok', [r('backend', 'ok'), r('postgres', 'ok'), r('x', 'skip')], 'All 2 checks healthy on prod'],
    [
      'root cause leads',
      [r('postgres', 'fail'), r('migrations', 'fail', 'postgres'), r('indexing', 'fail', 'postgres')],
      'prod: Postgres failing (also breaks Migrations, Indexing) (3 failing)',
    ],
    [
      'independent problems',
      [r('backend', 'fail'), r('postgres', 'warn')],
      'prod: Backend failing; Postgres degraded (1 failing, 1 warning)',
    ],
    [
      'the root cause leads, not table order',
      [
        r('backend', 'fail', 'postgres'),
        r('ui', 'fail', 'postgres'),
        r('indexing', 'warn'),
        r('postgres', 'fail'),
        r('migrations', 'fail', 'postgres'),
      ],
      'prod: Postgres failing (also breaks Backend, ui, Migrations); Indexing degraded (4 failing, 1 warning)',
    ],
    [
      'a failing root before a warning one, then the root that explains more',
      [r('indexing', 'warn'), r('backend', 'fail'), r('ui', 'fail', 'backend'), r('graph', 'fail')],
      'prod: Backend failing (also breaks ui); graph failing; Indexing degraded (3 failing, 1 warning)',
    ],
    [
      'many dependents are cut short',
      [r('postgres', 'fail'), ...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => r(id, 'fail', 'postgres'))],
      'prod: Postgres failing (also breaks a, b, c, d and 2 more) (7 failing)',
    ],
  ])('%s', (_n, checks, expected) => {
    expect(headline({ environment: 'prod', overall: overallStatus(checks), checks }, titles)).toBe(expected);
  });
});

describe('rootsFirst', () => {
  it('orders roots by status, then by how much they explain, then by table order', () => {
    const checks = [r('a', 'warn'), r('b', 'fail'), r('c', 'fail'), r('d', 'fail', 'c'), r('e', 'ok')];
    expect(rootsFirst(checks).map((c) => c.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('threshold rules', () => {
  it.each<[number, number, 'ok' | 'warn']>([
    [0, 60, 'ok'],
    [59_000, 60, 'ok'],
    [60_000, 60, 'ok'],
    [61_000, 60, 'warn'],
    [-61_000, 60, 'warn'],
  ])('clock skew %d ms with %d s allowed → %s', (skew, allowed, expected) =>
    expect(clockSkewStatus(skew, allowed)).toBe(expected),
  );

  it.each<[number, number, number, 'ok' | 'warn' | 'fail']>([
    [10, 97, 80, 'ok'],
    [77, 97, 80, 'ok'],
    [78, 97, 80, 'warn'],
    [97, 97, 80, 'fail'],
    [120, 97, 80, 'fail'],
    [1, 0, 80, 'warn'],
  ])('%d of %d connections (warn above %d%%) → %s', (used, usable, pct, expected) =>
    expect(connectionUsageStatus(used, usable, pct)).toBe(expected),
  );
});
