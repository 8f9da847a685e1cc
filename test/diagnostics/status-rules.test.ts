import { describe, expect, it } from 'vitest';
import { attributeRootCauses, headline, overallStatus, worst } from '../../src/diagnostics/status-rules.js';
import { clockSkewStatus } from '../../src/diagnostics/checks/backend.js';
import { connectionUsageStatus } from '../../src/diagnostics/checks/postgres.js';
import type { CheckResult, Status } from '../../src/diagnostics/types.js';

const r = (id: string, status: Status, rootCause?: string): CheckResult => ({ id, status, summary: `${id} ${status}`, details: [], durationMs: 1, ...(rootCause ? { rootCause } : {}) });

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
  const deps = { backend: [], ui: ['backend'], mcp: ['backend'], postgres: [], migrations: ['postgres'], indexing: ['postgres'], deep: ['migrations'] };

  it.each<[string, CheckResult[], Record<string, string | undefined>]>([
    ['a failing dependency explains failing dependents', [r('postgres', 'fail'), r('migrations', 'fail'), r('indexing', 'fail')], { postgres: undefined, migrations: 'postgres', indexing: 'postgres' }],
    ['a dependent that still works has no root cause', [r('postgres', 'fail'), r('migrations', 'ok')], { migrations: undefined }],
    ['a warning dependent is explained too', [r('backend', 'fail'), r('ui', 'warn')], { ui: 'backend' }],
    ['a warning dependency explains nothing', [r('backend', 'warn'), r('ui', 'fail')], { ui: undefined }],
    ['transitive: the deepest failing ancestor is the cause', [r('postgres', 'fail'), r('migrations', 'fail'), r('deep', 'fail')], { deep: 'postgres', migrations: 'postgres' }],
    ['an ok middle still leads to a failing root', [r('postgres', 'fail'), r('migrations', 'ok'), r('deep', 'fail')], { deep: 'postgres' }],
    ['a failure marked as the check\'s own gets no root cause', [r('postgres', 'fail'), { ...r('migrations', 'fail'), independent: true } as CheckResult], { migrations: undefined }],
    ['independent failures stay separate', [r('backend', 'fail'), r('postgres', 'fail')], { backend: undefined, postgres: undefined }],
  ])('%s', (_name, results, expected) => {
    const out = Object.fromEntries(attributeRootCauses(results, deps).map((x) => [x.id, x.rootCause]));
    for (const [id, cause] of Object.entries(expected)) expect(out[id], id).toBe(cause);
  });
});

describe('headline', () => {
  const titles = { postgres: 'Postgres', migrations: 'Migrations', indexing: 'Indexing', backend: 'Backend' };
  it.each<[string, CheckResult[], string]>([
    ['all ok', [r('backend', 'ok'), r('postgres', 'ok'), r('x', 'skip')], 'All 2 checks healthy on prod'],
    ['root cause leads', [r('postgres', 'fail'), r('migrations', 'fail', 'postgres'), r('indexing', 'fail', 'postgres')], 'prod: Postgres failing (also breaks Migrations, Indexing) (3 failing)'],
    ['independent problems', [r('backend', 'fail'), r('postgres', 'warn')], 'prod: Backend failing; Postgres degraded (1 failing, 1 warning)'],
  ])('%s', (_n, checks, expected) => {
    expect(headline({ environment: 'prod', overall: overallStatus(checks), checks }, titles)).toBe(expected);
  });
});

describe('threshold rules', () => {
  it.each<[number, number, 'ok' | 'warn']>([
    [0, 60, 'ok'],
    [59_000, 60, 'ok'],
    [60_000, 60, 'ok'],
    [61_000, 60, 'warn'],
    [-61_000, 60, 'warn'],
  ])('clock skew %d ms with %d s allowed → %s', (skew, allowed, expected) => expect(clockSkewStatus(skew, allowed)).toBe(expected));

  it.each<[number, number, number, 'ok' | 'warn' | 'fail']>([
    [10, 97, 80, 'ok'],
    [77, 97, 80, 'ok'],
    [78, 97, 80, 'warn'],
    [97, 97, 80, 'fail'],
    [120, 97, 80, 'fail'],
    [1, 0, 80, 'warn'],
  ])('%d of %d connections (warn above %d%%) → %s', (used, usable, pct, expected) => expect(connectionUsageStatus(used, usable, pct)).toBe(expected));
});
