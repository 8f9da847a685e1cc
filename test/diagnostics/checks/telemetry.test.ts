import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportUrl, headerCount, reachVerdict, telemetryVerdict } from '../../../src/diagnostics/checks/telemetry.js';
import { hang, json, startFakeHttp, type FakeHttp, type RouteHandler } from '../../support/fake-http.js';
import { buildBot, type Harness } from '../../support/harness.js';
import { closedPort } from '../../support/net.js';

const HEADERS = 'authorization=Bearer planted-otlp-key-0123456789,x-tenant=planted-tenant-value';
const HEADER_SECRETS = ['planted-otlp-key-0123456789', 'planted-tenant-value'];

/** An OTLP/HTTP collector: accepts exports on /v1/<signal>, or plants a fault. */
let collector: FakeHttp;
type Mode = 'accept' | 'needsAuth' | 'hang';
let mode: Mode = 'accept';
const otlp: RouteHandler = (req, res) => {
  if (mode === 'hang') return hang(req, res);
  if (mode === 'needsAuth' && req.headers.authorization !== 'Bearer planted-otlp-key-0123456789')
    return json(res, 401, { code: 16, message: 'missing or wrong credentials' });
  return json(res, 200, { partialSuccess: {} });
};

let h: Harness | undefined;
beforeAll(async () => {
  collector = await startFakeHttp();
  for (const s of ['traces', 'logs', 'metrics']) collector.route('POST', `/v1/${s}`, otlp);
});
afterAll(() => collector.close());
afterEach(async () => {
  await h?.close();
  h = undefined;
  mode = 'accept';
});

async function runTelemetry(env: Record<string, string> = {}, yaml = '') {
  h = buildBot({ env, yaml });
  const report = await h.bot.core.diagnostics.run('default', { only: ['telemetry'], maxAgeMs: 0 });
  const r = report.checks.find((c) => c.id === 'telemetry')!;
  return { r, text: r.details.join('\n'), report };
}
const all = () => ({
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: collector.url,
  OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: `${collector.url}/v1/logs`,
  OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `${collector.url}/v1/metrics`,
});

describe('telemetry check against a fake OTLP/HTTP collector', () => {
  it('is ok when every endpoint accepts an empty export at the URL ctx| posts to', async () => {
    const before = collector.requests.length;
    const { r, text } = await runTelemetry({ ...all(), OTEL_EXPORTER_OTLP_HEADERS: HEADERS });
    expect(r.status).toBe('ok');
    expect(r.summary).toBe('exporting traces, logs, metrics over OTLP/HTTP');
    expect(text).toMatch(
      /OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: http:\/\/127\.0\.0\.1:\d+\/v1\/traces answered HTTP 200 .*reachable and accepting/,
    );
    expect(text).toMatch(/OTEL_EXPORTER_OTLP_HEADERS is set: 2 header\(s\), values not shown/);
    const seen = collector.requests.slice(before);
    expect(seen.map((q) => q.path).sort()).toEqual(['/v1/logs', '/v1/metrics', '/v1/traces']);
    // The probe never sends the configured credentials.
    expect(seen.every((q) => !q.headers.authorization && !q.headers['x-tenant'] && q.body === '{}')).toBe(true);
  });

  it('warns when nothing is set: telemetry is off and logs go to stdout only', async () => {
    const { r, text } = await runTelemetry();
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('off: no OTLP endpoint set, logs go to stdout only');
    expect(text).toMatch(/stdoutLogsOk: true/);
  });

  it('skips when nothing is set and checks.telemetry.stdoutLogsOk says stdout is collected', async () => {
    const { r } = await runTelemetry({}, 'checks:\n  telemetry:\n    stdoutLogsOk: true\n');
    expect(r.status).toBe('skip');
  });

  it('warns when traces are exported but logs go to stdout only', async () => {
    const { r, text } = await runTelemetry({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: collector.url });
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('logs go to stdout only');
    expect(text).toMatch(/OTEL_EXPORTER_OTLP_LOGS_ENDPOINT is not set/);
  });

  it('warns that metrics need the traces endpoint (upstream starts the SDK only with it)', async () => {
    const { r, text } = await runTelemetry({
      OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: collector.url,
      OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: collector.url,
    });
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('metrics need the traces endpoint');
    expect(text).toMatch(/no metrics are exported/);
  });

  it('fails when an endpoint refuses connections', async () => {
    const port = await closedPort();
    const { r, text } = await runTelemetry({ ...all(), OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: `http://127.0.0.1:${port}` });
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('logs endpoint unreachable');
    expect(text).toMatch(
      /OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: TCP: connection refused by http:\/\/127\.0\.0\.1:\d+\/v1\/logs/,
    );
  });

  it('counts any HTTP answer as reachable but warns when nothing serves the signal path', async () => {
    const { r, text } = await runTelemetry({
      ...all(),
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${collector.url}/otlp/v1/traces`,
    });
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('traces exports would fail');
    expect(text).toMatch(/answered HTTP 404 .*nothing serves \/otlp\/v1\/traces/);
  });

  it('warns when the collector wants credentials and OTEL_EXPORTER_OTLP_HEADERS is not set', async () => {
    mode = 'needsAuth';
    let { r, text } = await runTelemetry(all());
    expect(r.status).toBe('warn');
    expect(r.summary).toMatch(/endpoint rejects exports without credentials/);
    expect(text).toMatch(/answered HTTP 401 .*OTEL_EXPORTER_OTLP_HEADERS carries none/);
    await h!.close();
    const before = collector.requests.length;
    ({ r, text } = await runTelemetry({ ...all(), OTEL_EXPORTER_OTLP_HEADERS: HEADERS }));
    expect(r.status).toBe('ok');
    expect(text).toMatch(
      /answered HTTP 401 in [\d.]+ ms without credentials, HTTP 200 with the 2 header\(s\) of OTEL_EXPORTER_OTLP_HEADERS: accepts ctx\|'s credentials/,
    );
    // The second export carried the headers as upstream parses them, and only to the collector.
    const sent = collector.requests.slice(before).filter((q) => q.headers.authorization);
    expect(sent).toHaveLength(3);
    expect(sent.every((q) => q.headers['x-tenant'] === 'planted-tenant-value' && q.body === '{}')).toBe(true);
  });

  it('fails when the collector rejects the credentials ctx| sends (reachable is not enough)', async () => {
    mode = 'needsAuth';
    const { r, text, report } = await runTelemetry({
      ...all(),
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer planted-stale-otlp-key-999',
    });
    expect(r.status).toBe('fail');
    expect(r.summary).toMatch(/^traces endpoint rejects ctx\|'s credentials/);
    expect(text).toMatch(
      /HTTP 401 with the 1 header\(s\) of OTEL_EXPORTER_OTLP_HEADERS: the collector rejects the credentials ctx\| sends \(values not shown\), so every export is lost/,
    );
    expect(JSON.stringify(report)).not.toContain('planted-stale-otlp-key-999');
  });

  it('times out at checks.telemetry.timeoutMs and closes the hanging sockets', async () => {
    mode = 'hang';
    const started = Date.now();
    const { r } = await runTelemetry(all(), 'checks:\n  telemetry:\n    timeoutMs: 400\n');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('timed out: no answer within 400 ms');
    await expect.poll(() => collector.openSockets(), { timeout: 2000 }).toBe(0);
  });

  it('never shows OTEL_EXPORTER_OTLP_HEADERS or credentials in an endpoint URL', async () => {
    const u = new URL(collector.url);
    const withCreds = `http://otel:planted-url-password@${u.host}/v1/traces?api_key=planted-query-key`;
    const { report } = await runTelemetry({
      ...all(),
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: withCreds,
      OTEL_EXPORTER_OTLP_HEADERS: HEADERS,
    });
    const said = JSON.stringify(report);
    expect(said).not.toContain('[redacted]');
    const logs = h!.logs.join('\n');
    for (const s of [...HEADER_SECRETS, HEADERS, 'planted-url-password', 'planted-query-key']) {
      expect(said).not.toContain(s);
      expect(logs).not.toContain(s);
    }
    expect(said).toMatch(/http:\/\/127\.0\.0\.1:\d+\/v1\/traces\?… answered HTTP 200/);
  });
});

describe('telemetry status rules', () => {
  it.each([
    ['traces', 'http://c:4318', 'http://c:4318/v1/traces'],
    ['traces', 'http://c:4318/', 'http://c:4318/v1/traces'],
    ['traces', 'http://c:4318/v1/traces', 'http://c:4318/v1/traces'],
    ['metrics', 'http://c:4318/otlp', 'http://c:4318/otlp/v1/metrics'],
    ['logs', 'http://c:4318/v1/logs', 'http://c:4318/v1/logs'],
    ['logs', 'http://c:4318/v1/logs/', 'http://c:4318/v1/logs'],
    ['logs', 'http://c:4318', 'http://c:4318/v1/logs'],
  ] as const)('%s endpoint %s is posted to at %s', (s, endpoint, want) => expect(exportUrl(s, endpoint)).toBe(want));

  it.each([
    [undefined, 0],
    ['', 0],
    ['a=1', 1],
    ['a=1,b="2", c = 3', 3],
    ['novalue=,=nokey,plain', 0],
  ] as const)('OTLP headers %o hold %i usable pairs', (v, n) => expect(headerCount(v)).toBe(n));

  it.each([
    [200, 'accepts'],
    [204, 'accepts'],
    [401, 'needs-credentials'],
    [403, 'needs-credentials'],
    [404, 'wrong-path'],
    [405, 'answers'],
    [415, 'answers'],
    [500, 'answers'],
  ] as const)('HTTP %i → %s', (status, want) => expect(reachVerdict(status)).toBe(want));

  it.each([
    [{ traces: false, logs: false, metrics: false }, 'off'],
    [{ traces: true, logs: false, metrics: true }, 'stdout-logs'],
    [{ traces: false, logs: true, metrics: false }, 'exporting'],
  ] as const)('%o → %s', (set, want) => expect(telemetryVerdict(set)).toBe(want));
});
