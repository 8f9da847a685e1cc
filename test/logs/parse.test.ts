import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/log/redactor.js';
import { createAccumulator } from '../../src/logs/analyse.js';
import { fingerprint, normalise } from '../../src/logs/fingerprint.js';
import { LineSplitter, splitText, splitTimestamp } from '../../src/logs/lines.js';
import { parseLine } from '../../src/logs/parse.js';
import { createLogRedactor } from '../../src/logs/redact.js';
import { loadSignals } from '../../src/logs/signals.js';
import { BACKEND_LINES, WORKER_LINES } from '../support/log-lines.js';

const p = (text: string) => parseLine({ text });

describe('parsing a line', () => {
  it.each([
    [
      'an evlog HTTP wide event with requestLogs (warn from the request log)',
      '{"method":"POST","path":"/mcp","requestId":"66d3d71f-b4f0-4a40-beaf-2c60d3e40a5c","requestLogs":[{"level":"warn","message":"Unauthorized because of no session","timestamp":"2026-11-28T21:55:54.339Z"}],"status":401,"duration":"13ms","timestamp":"2026-11-28T21:55:54.340Z","level":"info","service":"ctxpipe-backend"}',
      { level: 'warn', message: 'POST /mcp 401 · Unauthorized because of no session', status: 401, path: '/mcp' },
    ],
    [
      'a 5xx logged at info is an error',
      '{"method":"POST","path":"/search","status":503,"duration":"89ms","timestamp":"2026-11-28T21:54:35.629Z","level":"info"}',
      { level: 'error', message: 'POST /search 503', status: 503, path: '/search' },
    ],
    [
      'an object request log (step and message)',
      '{"method":"POST","path":"/.auth/api/v1/auth/sign-in/email","requestLogs":[{"level":"warn","message":{"step":"oauth.endpoint_error","message":"Better Auth endpoint returned an error response","httpStatus":403}}],"status":403,"level":"warn"}',
      {
        level: 'warn',
        message:
          'POST /.auth/api/v1/auth/sign-in/email 403 · oauth.endpoint_error: Better Auth endpoint returned an error response',
        status: 403,
      },
    ],
    [
      'a background step with error and cause',
      '{"workflow":"repository-ingestion","error":{"name":"EvlogError","message":"resolve-ref failed to fetch","cause":{"errno":-111,"code":"ECONNREFUSED","syscall":"connect","address":"127.0.0.1","port":3001}},"step":"repository-ingestion.step.resolve-ref.attempt_failed","timestamp":"2026-11-28T21:47:27.654Z","level":"error"}',
      {
        level: 'error',
        message: 'repository-ingestion.step.resolve-ref.attempt_failed · EvlogError: resolve-ref failed to fetch',
        errorCause: 'ECONNREFUSED connect 127.0.0.1:3001',
        step: 'repository-ingestion.step.resolve-ref.attempt_failed',
      },
    ],
    [
      'a retry line keeps attempt and maxAttempts',
      '{"timestamp":"2026-11-28T21:45:36.319Z","level":"info","step":"http.transient_retry","attempt":1,"maxAttempts":11,"delayMs":264,"message":"fetch failed","cause":"connect ECONNREFUSED 127.0.0.1:3001"}',
      { level: 'info', message: 'fetch failed', attempt: 1, maxAttempts: 11 },
    ],
    [
      "Better Auth's coloured warning",
      '\u001b[2m2026-11-28T21:55:54.261Z\u001b[0m \u001b[33mWARN\u001b[0m \u001b[1m[Better Auth]:\u001b[0m Rate limiting could not determine a client IP',
      { level: 'warn', message: 'WARN [Better Auth]: Rate limiting could not determine a client IP', json: false },
    ],
    [
      'a Postgres line',
      '2026-11-28 21:55:47.977 UTC [61] FATAL:  sorry, too many clients already',
      { level: 'fatal', message: '[61] FATAL:  sorry, too many clients already', json: false },
    ],
    [
      'an OpenTelemetry Collector line (tab separated)',
      '2026-11-28T21:55:47.977Z\terror\texporterhelper/queued_retry.go:183\tExporting failed. The error is not retryable. Dropping data.',
      { level: 'error', json: false },
    ],
    [
      'a start-up banner',
      'Started server: http://localhost:3000',
      { level: 'info', message: 'Started server: http://localhost:3000' },
    ],
    ['a stack-trace head', 'Heartbeat failed: Error: connect ECONNREFUSED 127.0.0.1:5432', { level: 'info' }],
    ['an Error line', 'TypeError: cannot read properties of undefined', { level: 'error' }],
    ['malformed JSON is a plain line', '{"level":"error","message":"cut in the mid', { level: 'error', json: false }],
    ['JSON that is not an object', '[1,2,3]', { level: 'info', json: false }],
  ])('%s', (_, line, want) => {
    const e = p(line);
    const got: Record<string, unknown> = { level: e.level };
    if ('message' in want) got.message = e.message;
    if ('status' in want) got.status = e.http?.status;
    if ('path' in want) got.path = e.http?.path;
    if ('errorCause' in want) got.errorCause = e.error?.cause;
    if ('step' in want) got.step = e.step;
    if ('attempt' in want) got.attempt = e.attempt;
    if ('maxAttempts' in want) got.maxAttempts = e.maxAttempts;
    if ('json' in want) got.json = e.json;
    expect(got).toEqual(want);
  });

  it("takes the source's time, else the line's own", () => {
    expect(p('{"timestamp":"2026-11-28T21:55:48.165Z","level":"info","message":"x"}').time?.toISOString()).toBe(
      '2026-11-28T21:55:48.165Z',
    );
    const at = new Date('2026-11-28T10:00:00Z');
    expect(parseLine({ text: 'Started server', time: at }).time).toEqual(at);
    expect(parseLine({ text: '{"timestamp":"2026-11-28T21:55:48.165Z","level":"info"}', time: at }).time).toEqual(at);
  });
});

describe('fingerprints', () => {
  it.each([
    ['uuids (also partly starred ones)', 'request 66d3d71f-b*****40-beaf-2c60d3e40a5c failed', 'request <uuid> failed'],
    [
      'ctx| prefixed ids',
      'repo repo_agrciheio5zb5fiqcdprehmm5e of org_agrcihdmnr2drma2h4hukxzlge',
      'repo repo_<id> of org_<id>',
    ],
    ['numbers and durations', 'took 1.13s after 3 attempts (264ms)', 'took <dur> after <n> attempts (<dur>)'],
    ['hex', 'commit 9f2c1ab34de not found', 'commit <hex> not found'],
    ['addresses', 'connect ECONNREFUSED 127.0.0.1:3001', 'connect ECONNREFUSED <ip>'],
    ['e-mail addresses', 'no user ada@example.com', 'no user <email>'],
  ])('masks %s', (_, text, want) => {
    expect(normalise(text)).toBe(want);
  });

  it('puts two occurrences of the same event in one group, keeps different statuses apart', () => {
    const a = p(
      '{"method":"POST","path":"/mcp","requestId":"a5b75ec8-765a-44e3-b43e-328fd2c356ef","status":401,"level":"warn"}',
    );
    const b = p(
      '{"method":"POST","path":"/mcp","requestId":"c78fbba6-537f-45fc-86d9-46580f94f2ba","status":401,"level":"warn"}',
    );
    const c = p(
      '{"method":"POST","path":"/mcp","requestId":"c78fbba6-537f-45fc-86d9-46580f94f2ba","status":400,"level":"warn"}',
    );
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint(c));
  });
});

describe('redacting what is shown', () => {
  const redact = createLogRedactor(createRedactor(['configured-secret-value-1234']), { maskEmails: true });
  it.each([
    ['Authorization headers', '{"authorization":"Bearer abc.def.ghi-123456"}', '{"authorization":"[redacted]"}'],
    ['Cookie headers', 'cookie: better-auth.session_token=abc123; other=1', 'cookie: [redacted]'],
    [
      'session cookies anywhere',
      'set better-auth.session_token=abcdef123 now',
      'set better-auth.session_token=[redacted] now',
    ],
    [
      'credentialed URLs',
      'clone https://bot:hunter2222@git.example.com/x.git',
      'clone https://bot:[redacted]@git.example.com/x.git',
    ],
    ['e-mail addresses', 'sign-in failed for ada@example.com', 'sign-in failed for <email>'],
    ['configured secrets', 'key configured-secret-value-1234 rejected', 'key [redacted] rejected'],
  ])('masks %s', (_, text, want) => {
    expect(redact(text)).toBe(want);
  });

  it('keeps e-mail addresses when told to', () => {
    const keep = createLogRedactor(createRedactor(), { maskEmails: false });
    expect(keep('sign-in failed for ada@example.com')).toBe('sign-in failed for ada@example.com');
  });
});

describe('splitting streams into lines', () => {
  it('cuts a huge line and carries on with the next one', () => {
    const s = new LineSplitter(10);
    const out = [...s.push(Buffer.from(`${'x'.repeat(25)}\nshort\npart`)), ...s.push(Buffer.from('ial\n')), ...s.end()];
    expect(out).toEqual([
      { text: 'x'.repeat(10), cut: true },
      { text: 'short', cut: false },
      { text: 'partial', cut: false },
    ]);
  });
  it('does not split a multi-byte character across chunks', () => {
    const bytes = Buffer.from('héllo\n');
    const s = new LineSplitter(100);
    expect([...s.push(bytes.subarray(0, 2)), ...s.push(bytes.subarray(2))].map((l) => l.text)).toEqual(['héllo']);
  });
  it('reads the Docker/Kubernetes timestamp prefix', () => {
    expect(splitTimestamp('2026-11-28T21:55:47.977123456Z Started server')).toEqual({
      time: new Date('2026-11-28T21:55:47.977Z'),
      text: 'Started server',
    });
    expect(splitTimestamp('no timestamp here')).toEqual({ text: 'no timestamp here' });
    expect(splitText('a\nb', 100).map((l) => l.text)).toEqual(['a', 'b']);
  });
});

describe('signals', () => {
  const { catalog, problems } = loadSignals({});
  it('the shipped file is valid and has every signal of the guide', () => {
    expect(problems).toEqual([]);
    const names = Object.fromEntries([...catalog].map(([c, s]) => [c, [...s.keys()]]));
    expect(names).toMatchObject({
      backend: expect.arrayContaining(['auth-failures', 'rest-errors', 'mcp', 'graph-read-failures']),
      worker: expect.arrayContaining(['ingestion-failures', 'confluence-sync', 'forge-provisioning']),
      codesearch: ['clone-failures', 'index-failures', 'zoekt-errors'],
      postgres: ['too-many-connections', 'slow-queries', 'disk-full'],
      graph: ['connection', 'oom', 'query-errors'],
      'otel-collector': ['exporter-failures', 'quota'],
    });
  });

  it.each([
    ['backend', 'auth-failures', '\u001b[31mERROR\u001b[0m [Better Auth]: Invalid origin: http://127.0.0.1:3000', true],
    [
      'backend',
      'auth-failures',
      '{"method":"GET","path":"/.auth/api/v1/auth/get-session","status":500,"level":"error"}',
      true,
    ],
    ['backend', 'auth-failures', '{"level":"error","message":"Failed to decrypt the account token"}', true],
    ['backend', 'auth-failures', '{"method":"GET","path":"/.auth/api/config","status":200,"level":"info"}', false],
    ['backend', 'rest-errors', '{"method":"GET","path":"/api/v1/x","status":502,"level":"info"}', true],
    ['backend', 'rest-errors', '{"method":"GET","path":"/api/v1/x","status":404,"level":"info"}', false],
    ['backend', 'mcp', '{"method":"POST","path":"/mcp","status":401,"level":"warn"}', true],
    ['backend', 'mcp', '{"method":"POST","path":"/acme/mcp","status":200,"level":"info"}', true],
    ['backend', 'mcp', '{"method":"GET","path":"/.well-known/oauth-protected-resource/mcp","status":200}', false],
    ['backend', 'graph-read-failures', '{"method":"GET","path":"/acme/api/v1/knowledge-graph","status":503}', true],
    ['worker', 'ingestion-failures', WORKER_LINES.stepFailed, true],
    ['worker', 'ingestion-failures', '{"level":"info","step":"repository-ingestion.start"}', false],
    [
      'worker',
      'confluence-sync',
      '{"level":"error","workflow":"confluence-sync-space","message":"page fetch failed"}',
      true,
    ],
    [
      'worker',
      'forge-provisioning',
      '{"level":"warn","workflow":"forge-provision","message":"install not found"}',
      true,
    ],
    [
      'codesearch',
      'clone-failures',
      "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
      true,
    ],
    ['codesearch', 'zoekt-errors', '{"method":"POST","path":"/search","status":503,"level":"info"}', true],
    [
      'postgres',
      'too-many-connections',
      '2026-11-28 21:55:47.977 UTC [61] FATAL:  sorry, too many clients already',
      true,
    ],
    ['postgres', 'slow-queries', '2026-11-28 21:55:47 UTC [61] LOG:  duration: 5012.114 ms  statement: select 1', true],
    ['postgres', 'disk-full', 'PANIC:  could not write to file "pg_wal/xlogtemp.61": No space left on device', true],
    ['graph', 'oom', '2026-11-28 21:55:47.977+0000 ERROR java.lang.OutOfMemoryError: Java heap space', true],
    ['graph', 'connection', '1:M 28 Nov 2026 21:55:47.977 # Connection refused by peer', true],
    [
      'graph',
      'query-errors',
      '{"level":"error","message":"Neo.ClientError.Statement.SyntaxError: Invalid input"}',
      true,
    ],
    [
      'otel-collector',
      'exporter-failures',
      '2026-11-28T21:55:47.977Z\terror\texporterhelper/queued_retry.go:183\tExporting failed.',
      true,
    ],
    [
      'otel-collector',
      'quota',
      '2026-11-28T21:55:47.977Z\twarn\tgrpc: code = ResourceExhausted desc = RESOURCE_EXHAUSTED',
      true,
    ],
  ])('%s %s on %j: %s', (component, signal, line, want) => {
    expect(catalog.get(component)?.get(signal)?.test(p(line))).toBe(want);
  });

  it("a team's file adds and replaces signals; its mistakes name file and line", async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'signals-'));
    const good = join(dir, 'good.yml');
    writeFileSync(
      good,
      'backend:\n  mcp:\n    title: Only MCP errors\n    any:\n      - path: "^/mcp"\n        status: 5xx\n  billing:\n    title: Billing\n    any:\n      - message: stripe\n',
    );
    const r = loadSignals({ userFile: good });
    expect(r.problems).toEqual([]);
    expect(r.catalog.get('backend')?.get('mcp')?.title).toBe('Only MCP errors');
    expect(r.catalog.get('backend')?.get('billing')).toBeDefined();
    expect(r.catalog.get('backend')?.get('rest-errors')).toBeDefined();

    const bad = join(dir, 'bad.yml');
    writeFileSync(
      bad,
      'backend:\n  oops:\n    title: Broken\n    any:\n      - message: "(unclosed"\n        stauts: 500\n',
    );
    const problems = loadSignals({ userFile: bad }).problems.map((x) => `${x.source}: ${x.key}: ${x.message}`);
    expect(problems).toEqual([
      `${bad}:5: backend.oops.any[0].message: is not a valid regular expression`,
      `${bad}:6: backend.oops.any[0].stauts: unknown key (not a ctx-ops setting; check the spelling)`,
    ]);
  });
});

describe('grouping a stream', () => {
  it('counts levels and signals, groups by fingerprint, keeps one redacted sample per group', () => {
    const { catalog } = loadSignals({});
    const acc = createAccumulator({
      signals: catalog.get('backend'),
      filter: {},
      redact: createLogRedactor(createRedactor(), { maskEmails: true }),
    });
    for (const l of BACKEND_LINES) acc.add({ text: l });
    const r = acc.result();
    expect(r.read).toBe(BACKEND_LINES.length);
    expect(r.levels.warn).toBeGreaterThan(0);
    const mcp401 = r.groups.find((g) => g.http?.path === '/mcp' && g.http.status === 401);
    expect(mcp401?.count).toBe(3);
    expect(mcp401?.first?.toISOString()).toBe('2026-11-28T21:55:54.340Z');
    expect(mcp401?.last?.toISOString()).toBe('2026-11-28T21:57:05.458Z');
    expect(r.signals.find((s) => s.name === 'auth-failures')?.count).toBe(3);
    const all = JSON.stringify(r);
    expect(all).not.toContain('ada@example.com');
  });

  it('filters by level, text and signal', () => {
    const { catalog } = loadSignals({});
    const run = (filter: object) => {
      const acc = createAccumulator({ signals: catalog.get('backend'), filter, redact: (t) => t });
      for (const l of BACKEND_LINES) acc.add({ text: l });
      return acc.result();
    };
    expect(run({ level: 'error' }).levels).toMatchObject({ info: 0, warn: 0 });
    expect(run({ grep: 'INVALID ORIGIN' }).matched).toBe(1);
    expect(run({ signal: 'mcp' }).matched).toBe(4);
  });

  it('parses the real upstream samples without losing a line', () => {
    for (const name of ['backend', 'worker', 'codesearch']) {
      const text = readFileSync(`/work/shared/ctx-log-samples/${name}.log`, 'utf8');
      const lines = splitText(text, 64 * 1024);
      const acc = createAccumulator({ signals: undefined, filter: {}, redact: (t) => t });
      for (const l of lines) acc.add(l);
      expect(acc.result().read).toBe(lines.length);
    }
  });
});
