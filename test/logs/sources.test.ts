import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logsSection } from '../../src/config/sections/logs.js';
import { createRedactor } from '../../src/log/redactor.js';
import { createLogReader } from '../../src/logs/reader.js';
import { loadSignals } from '../../src/logs/signals.js';
import {
  createLogStore,
  type FakeDocker,
  type FakeKube,
  type FakeLoki,
  type LogStore,
  startFakeDocker,
  startFakeKube,
  startFakeLoki,
} from '../support/fake-logs.js';
import { BACKEND_LINES, WORKER_LINES } from '../support/log-lines.js';

const log = pino({ level: 'silent' });
const { catalog } = loadSignals({});
const dir = mkdtempSync(join(tmpdir(), 'logs-src-'));
const TOKEN = 'kube-token-abcdefghijklmnop0123456789';
const LOKI_TOKEN = 'loki-read-token-0123456789abcdef';
writeFileSync(join(dir, 'kube-token'), `${TOKEN}\n`);
writeFileSync(join(dir, 'loki-token'), `${LOKI_TOKEN}\n`);

let store: LogStore;
let docker: FakeDocker;
let loki: FakeLoki;
let kube: FakeKube;
const now = Date.now();
const ago = (min: number) => new Date(now - min * 60_000);

beforeAll(async () => {
  store = createLogStore();
  // An hour-old line is outside a 15-minute window: `since` must be honoured.
  store.emit(
    'backend',
    '{"level":"error","message":"old failure outside the window","timestamp":"2020-01-01T00:00:00Z"}',
    {
      time: ago(60),
    },
  );
  BACKEND_LINES.forEach((l, i) => store.emit('backend', l, { time: ago(10 - i * 0.5) }));
  store.emit('backend', '{"level":"error","message":"cut in the mid', { time: ago(4), stream: 'stderr' });
  store.emit('backend', `{"level":"info","message":"${'x'.repeat(200_000)}"}`, { time: ago(3) });
  store.emit('backend', 'TypeError: cannot read properties of undefined (reading "id")', {
    time: ago(2),
    stream: 'stderr',
  });
  store.emit('worker', WORKER_LINES.banner, { time: ago(5) });
  for (let i = 1; i <= 4; i++)
    store.emit('worker', WORKER_LINES.retry(i, ago(5 - i / 10).toISOString()), { time: ago(5 - i / 10) });
  store.emit('worker', WORKER_LINES.stepFailed, { time: ago(4) });
  for (let i = 0; i < 2500; i++)
    store.emit('codesearch', `{"level":"info","method":"POST","path":"/search","status":200,"n":${i}}`, {
      time: new Date(now - 600_000 + i * 10),
    });

  docker = await startFakeDocker(store, [
    { id: 'a1b2c3d4e5f6a1b2c3d4e5f6', project: 'ctx', service: 'backend' },
    { id: 'b1b2c3d4e5f6a1b2c3d4e5f6', project: 'other', service: 'backend' },
    { id: 'c1b2c3d4e5f6a1b2c3d4e5f6', project: 'ctx', service: 'worker', tty: true },
  ]);
  loki = await startFakeLoki(store, { tenant: 'team-a', token: LOKI_TOKEN });
  kube = await startFakeKube(store, {
    token: TOKEN,
    namespace: 'ctx',
    pods: [
      { name: 'backend-7d9f-abcde', labels: { 'app.kubernetes.io/component': 'backend' }, component: 'backend' },
      { name: 'worker-5c8-xyz', labels: { app: 'ctx-worker' }, component: 'worker' },
    ],
  });
});
afterAll(async () => {
  await Promise.all([docker.close(), loki.close(), kube.close()]);
});

function reader(sources: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const config = logsSection.logs.parse({ sources, ...extra });
  return createLogReader({ config, catalog, redactor: createRedactor(), log, now: () => new Date(now) });
}

const WINDOW = 15 * 60_000;

describe.each([
  ['Docker Engine API (unix socket, multiplexed)', () => ({ docker: { socket: docker.socketPath, project: 'ctx' } })],
  [
    'Loki (tenant, bearer token)',
    () => ({ loki: { url: loki.url, tenant: 'team-a', tokenFile: join(dir, 'loki-token'), pageSize: 4 } }),
  ],
  [
    'Kubernetes API (bearer token from a file)',
    () => ({ kubernetes: { url: kube.url, namespace: 'ctx', tokenFile: join(dir, 'kube-token') } }),
  ],
])('%s', (_, sourceConfig) => {
  it('reads the window, groups the lines and finds the signals; malformed and huge lines are counted, not fatal', async () => {
    const r = await reader({ prod: sourceConfig() }).read({ env: 'prod', component: 'backend', windowMs: WINDOW });
    expect(r.unavailable).toBeUndefined();
    const a = r.analysis;
    expect(a?.read).toBe(BACKEND_LINES.length + 3);
    expect(a?.cut).toBe(1);
    expect(JSON.stringify(a)).not.toContain('old failure outside the window');
    expect(a?.groups.find((g) => g.http?.path === '/mcp' && g.http.status === 401)?.count).toBe(3);
    expect(Object.fromEntries(a?.signals.map((s) => [s.name, s.count]) ?? [])).toMatchObject({
      'auth-failures': 3,
      mcp: 4,
      'rest-errors': 1,
      'graph-read-failures': 1,
    });
    expect(a?.levels.error).toBe(4); // Invalid origin, the 503, the cut JSON line, the TypeError
    // every line keeps the source's or its own time
    expect(a?.groups.every((g) => g.last && g.last.getTime() > now - WINDOW)).toBe(true);
  });
});

describe('Docker specifics', () => {
  it('finds containers by Compose project and service, and asks with since/until/timestamps', async () => {
    const r = await reader({ prod: { docker: { socket: docker.socketPath, project: 'ctx' } } }).read({
      env: 'prod',
      component: 'backend',
      windowMs: WINDOW,
    });
    expect(r.source).toBe(`unix:${docker.socketPath}`);
    const logs = docker.requests.filter((q) => q.url.includes('/logs?'));
    expect(logs.every((q) => q.url.startsWith('/containers/a1b2c3d4e5f6a1b2c3d4e5f6/logs?'))).toBe(true);
    const u = new URL(logs[logs.length - 1]?.url ?? '', 'http://x');
    expect(Number(u.searchParams.get('since'))).toBeCloseTo((now - WINDOW) / 1000, 0);
    expect(Number(u.searchParams.get('until'))).toBeCloseTo(now / 1000, 0);
    expect(docker.requests.every((q) => q.method === 'GET')).toBe(true);
  });

  it('reads a TTY container raw, and a renamed service', async () => {
    const r = await reader({
      prod: { docker: { socket: docker.socketPath, services: { 'ingest-worker': 'worker' } } },
    }).read({ env: 'prod', component: 'ingest-worker', windowMs: WINDOW });
    expect(r.analysis?.read).toBe(6);
  });

  it('says which service it could not find', async () => {
    const r = await reader({ prod: { docker: { socket: docker.socketPath, project: 'ctx' } } }).read({
      env: 'prod',
      component: 'graph',
      windowMs: WINDOW,
    });
    expect(r.unavailable).toEqual({
      message: 'no container of Compose service "graph" in project "ctx"',
      fix: "set logs.sources.prod.docker.services.graph to the service's name in compose.yml",
    });
  });

  it('says when the socket is not there', async () => {
    const r = await reader({ prod: { docker: { socket: join(dir, 'nope.sock') } } }).read({
      env: 'prod',
      component: 'backend',
      windowMs: WINDOW,
    });
    expect(r.unavailable?.message).toMatch(/the Docker socket .*nope\.sock/);
  });
});

describe('Loki specifics', () => {
  it('pages forward until the window is read, with the tenant header and selector', async () => {
    const before = loki.requests.length;
    const r = await reader({
      prod: { loki: { url: loki.url, tenant: 'team-a', tokenFile: join(dir, 'loki-token'), pageSize: 1000 } },
    }).read({ env: 'prod', component: 'codesearch', windowMs: WINDOW });
    expect(r.analysis?.read).toBe(2500);
    const mine = loki.requests.slice(before);
    expect(mine).toHaveLength(3);
    expect(mine.every((q) => q.headers['x-scope-orgid'] === 'team-a')).toBe(true);
    expect(new URL(mine[0]?.url ?? '', 'http://x').searchParams.get('query')).toBe('{service_name="codesearch"}');
  });

  it('stops at the line bound and says so', async () => {
    const r = await reader(
      { prod: { loki: { url: loki.url, tenant: 'team-a', tokenFile: join(dir, 'loki-token') } } },
      { maxLines: 300 },
    ).read({ env: 'prod', component: 'codesearch', windowMs: WINDOW });
    expect(r.analysis?.read).toBe(300);
    expect(r.stopped).toBe('lines');
  });

  it('a wrong tenant is a refusal with a fix, and the token never shows', async () => {
    const r = await reader({
      prod: { loki: { url: loki.url, tenant: 'team-b', tokenFile: join(dir, 'loki-token') } },
    }).read({
      env: 'prod',
      component: 'backend',
      windowMs: WINDOW,
    });
    expect(r.unavailable?.message).toMatch(/Loki at 127\.0\.0\.1:\d+ answered HTTP 401/);
    expect(r.unavailable?.fix).toMatch(/tenant/);
    expect(JSON.stringify(r)).not.toContain(LOKI_TOKEN);
  });
});

describe('Kubernetes specifics', () => {
  it('selects pods by label and container, with the token from the file', async () => {
    const r = await reader({
      prod: {
        kubernetes: {
          url: kube.url,
          namespace: 'ctx',
          tokenFile: join(dir, 'kube-token'),
          selectors: { worker: 'app=ctx-worker' },
        },
      },
    }).read({ env: 'prod', component: 'worker', windowMs: WINDOW });
    expect(r.analysis?.read).toBe(6);
    expect(r.analysis?.signals.find((s) => s.name === 'ingestion-failures')?.count).toBe(5);
    const logReq = kube.requests.filter((q) => q.url.includes('/log?')).pop();
    expect(logReq?.url).toMatch(
      /^\/api\/v1\/namespaces\/ctx\/pods\/worker-5c8-xyz\/log\?sinceSeconds=9\d\d&timestamps=true$/,
    );
  });

  it('a refused token is unavailable with the Role to grant', async () => {
    writeFileSync(join(dir, 'bad-token'), 'wrong-token-value-123456');
    const r = await reader({
      prod: { kubernetes: { url: kube.url, namespace: 'ctx', tokenFile: join(dir, 'bad-token') } },
    }).read({
      env: 'prod',
      component: 'backend',
      windowMs: WINDOW,
    });
    expect(r.unavailable?.message).toMatch(/answered HTTP 401/);
    expect(JSON.stringify(r)).not.toContain('wrong-token-value-123456');
  });
});

it('an environment without a source says what to add', async () => {
  const r = await reader({}).read({ env: 'prod', component: 'backend', windowMs: WINDOW });
  expect(r.unavailable?.fix).toBe('add logs.sources.prod (docker, loki or kubernetes) to ctx-ops.yml');
});
