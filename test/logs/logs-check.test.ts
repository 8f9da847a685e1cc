import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { type ComponentCounts, logsVerdict } from '../../src/logs/logs-check.js';
import { createLogStore, type FakeDocker, type LogStore, startFakeDocker } from '../support/fake-logs.js';
import { BACKEND_LINES } from '../support/log-lines.js';

describe('logsVerdict: warn when a signal reaches its threshold, counts only', () => {
  const read = (component: string, counts: Record<string, number>): ComponentCounts => ({
    component,
    result: { outcome: 'read', read: 100, counts },
  });
  const cases: Array<[string, ComponentCounts[], Record<string, number>, 'ok' | 'warn', RegExp]> = [
    [
      'under every threshold',
      [read('backend', { 'auth-failures': 3 })],
      { 'backend/auth-failures': 20 },
      'ok',
      /1 signal under/,
    ],
    [
      'at the threshold',
      [read('backend', { 'auth-failures': 20 })],
      { 'backend/auth-failures': 20 },
      'warn',
      /backend auth-failures 20×/,
    ],
    ['a signal never seen counts 0', [read('postgres', {})], { 'postgres/disk-full': 1 }, 'ok', /1 signal under/],
    [
      'only thresholds of the components read',
      [read('backend', { 'rest-errors': 60 })],
      { 'backend/rest-errors': 50, 'graph/oom': 1 },
      'warn',
      /^backend rest-errors 60× in the last 5 min$/,
    ],
    [
      'logs that cannot be read',
      [
        {
          component: 'worker',
          result: { outcome: 'unavailable', reason: 'Docker API refused', fix: 'start the proxy' },
        },
      ],
      { 'worker/ingestion-failures': 10 },
      'warn',
      /logs of worker could not be read/,
    ],
    [
      'one component unreadable while others are read',
      [
        read('backend', { 'auth-failures': 1 }),
        {
          component: 'otel-collector',
          result: { outcome: 'unavailable', reason: 'no container for service otel-collector' },
        },
      ],
      { 'backend/auth-failures': 20, 'otel-collector/quota': 1 },
      'ok',
      /1 signal under/,
    ],
  ];
  it.each(cases)('%s', (_name, counts, thresholds, status, summary) => {
    const v = logsVerdict(counts, thresholds, 5);
    expect(v.status).toBe(status);
    expect(v.summary).toMatch(summary);
  });
});

/**
 * The real CLI with ctx-ops.yml turning the check on, reading the fake Docker Engine API:
 * the check joins the status only when enabled, and warns once the backend's auth failures
 * pass the threshold.
 */
let store: LogStore;
let docker: FakeDocker;
let dir: string;

beforeAll(async () => {
  store = createLogStore();
  const now = Date.now();
  BACKEND_LINES.forEach((l, i) => store.emit('backend', l, { time: new Date(now - 120_000 + i * 1000) }));
  docker = await startFakeDocker(store, [{ id: 'abcdef0123456789abcdef01', project: 'ctx', service: 'backend' }]);
  dir = mkdtempSync(join(tmpdir(), 'ctx-ops-logs-check-'));
});
afterAll(async () => {
  await docker.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(argv: string[], yaml: string) {
  writeFileSync(join(dir, 'ctx-ops.yml'), yaml);
  let out = '';
  let err = '';
  const stdout = new PassThrough().on('data', (d) => (out += d));
  const stderr = new PassThrough().on('data', (d) => (err += d));
  const stdin = new PassThrough();
  stdin.end();
  const code = await runCli(
    argv,
    { LOG_LEVEL: 'silent', AUTH_BASE_URL: 'http://127.0.0.1:9', PATH: process.env.PATH },
    { cwd: dir, stdin, stdout, stderr },
  );
  return { code, out, err };
}

const yaml = (checks: string) =>
  [
    'checks:',
    '  cacheMs: 0',
    checks,
    'logs:',
    '  sources:',
    '    default: { docker: { socket: "SOCKET", project: ctx } }',
    '',
  ].join('\n');

describe('the optional logs check', () => {
  const withSocket = (y: string) => y.replace('SOCKET', docker.socketPath);

  it('is not part of the status unless checks.logs.enabled is true', async () => {
    const r = await cli(['status', '--json'], withSocket(yaml('')));
    const ids = (JSON.parse(r.out) as { checks: Array<{ id: string }> }).checks.map((c) => c.id);
    expect(ids).toHaveLength(12);
    expect(ids).not.toContain('logs');
  });

  it('warns when a signal passes its threshold, naming it, and is ok under it', async () => {
    const on = (limit: number) =>
      withSocket(
        yaml(
          `  logs: { enabled: true, windowMinutes: 15, thresholds: { "backend/auth-failures": ${limit}, "backend/rest-errors": 1000 } }`,
        ),
      );
    const hot = await cli(['check', 'logs', '--json'], on(2));
    expect(hot.err).toBe('');
    const logs = JSON.parse(hot.out) as { id: string; status: string; summary: string };
    expect(logs.id).toBe('logs');
    expect(logs.status).toBe('warn');
    expect(logs.summary).toMatch(/^backend auth-failures \d+× in the last 15 min$/);

    const calm = await cli(['check', 'logs', '--json'], on(500));
    const ok = JSON.parse(calm.out) as { status: string; summary: string };
    expect(ok.status).toBe('ok');
    expect(ok.summary).toBe('2 signals under their thresholds in the last 15 min');
  });

  it('warns, with the reason, when the source cannot be read', async () => {
    const r = await cli(
      ['check', 'logs', '--json'],
      yaml('  logs: { enabled: true }').replace('SOCKET', join(dir, 'no-such.sock')),
    );
    const logs = JSON.parse(r.out) as { status: string; summary: string };
    expect(logs.status).toBe('warn');
    expect(logs.summary).toMatch(/could not be read/);
  });
});
