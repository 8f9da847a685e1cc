import * as z from 'zod';
import { parseOtelHeaders } from '../../config/otel-headers.js';
import { findings, ms, skipped } from '../findings.js';
import type { HttpClient } from '../http-client.js';
import { describeFailure } from '../../util/net-errors.js';
import type { Check } from '../types.js';

export interface TelemetryOptions {
  stdoutLogsOk: boolean;
}

export const SIGNALS = {
  traces: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  logs: 'OTEL_EXPORTER_OTLP_LOGS_ENDPOINT',
  metrics: 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT',
} as const;
export type Signal = keyof typeof SIGNALS;

/**
 * The URL ctx| really posts to, as upstream builds it: traces and metrics get /v1/<signal>
 * appended unless already there; for logs a trailing /v1/logs is stripped and evlog's OTLP
 * drain appends it again.
 */
export function exportUrl(signal: Signal, endpoint: string): string {
  const suffix = `/v1/${signal}`;
  if (signal === 'logs') return `${endpoint.replace(/\/v1\/logs\/?$/i, '').replace(/\/$/, '')}${suffix}`;
  return endpoint.endsWith(suffix) ? endpoint : `${endpoint.replace(/\/$/, '')}${suffix}`;
}

/** How many usable key=value pairs upstream would read from OTEL_EXPORTER_OTLP_HEADERS. */
export function headerCount(value: string | undefined): number {
  if (!value?.trim()) return 0;
  return value.split(',').filter((part) => {
    const eq = part.indexOf('=');
    return (
      eq > 0 &&
      part.slice(0, eq).trim() &&
      part
        .slice(eq + 1)
        .trim()
        .replace(/^["']|["']$/g, '')
    );
  }).length;
}

export type ReachVerdict = 'accepts' | 'needs-credentials' | 'wrong-path' | 'answers';

/**
 * Any HTTP answer proves the collector is reachable. Which one also says whether ctx|'s
 * exports would land: 2xx (an empty OTLP/JSON export is accepted), 401/403 (reachable, wants
 * the credentials from OTEL_EXPORTER_OTLP_HEADERS), 404 (nothing serves this signal's path).
 */
export function reachVerdict(status: number): ReachVerdict {
  if (status >= 200 && status < 300) return 'accepts';
  if (status === 401 || status === 403) return 'needs-credentials';
  if (status === 404) return 'wrong-path';
  return 'answers';
}

export type TelemetryVerdict = 'off' | 'stdout-logs' | 'exporting';

/** No LOGS endpoint means logs go to the containers' stdout only. */
export function telemetryVerdict(set: Record<Signal, boolean>): TelemetryVerdict {
  if (!set.traces && !set.logs && !set.metrics) return 'off';
  return set.logs ? 'exporting' : 'stdout-logs';
}

export const telemetryCheck: Check<TelemetryOptions> = {
  id: 'telemetry',
  title: 'Telemetry',
  dependsOn: [],
  options: { stdoutLogsOk: z.boolean().default(false) },
  async run(ctx, signal) {
    const c = ctx.env.ctx;
    const endpoints: Partial<Record<Signal, string>> = {};
    for (const s of Object.keys(SIGNALS) as Signal[]) endpoints[s] = c[SIGNALS[s]];
    const set = { traces: !!endpoints.traces, logs: !!endpoints.logs, metrics: !!endpoints.metrics };
    const verdict = telemetryVerdict(set);
    const stdoutNote =
      "logs go to the containers' stdout only (OTEL_EXPORTER_OTLP_LOGS_ENDPOINT is not set): they are lost unless something ships container output";

    if (verdict === 'off' && ctx.options.stdoutLogsOk) {
      return skipped('no OTLP endpoint set; logs are shipped from stdout (checks.telemetry.stdoutLogsOk)');
    }
    const f = findings();
    if (verdict === 'off') {
      f.warn(`no OTEL_EXPORTER_OTLP_*_ENDPOINT is set: no traces or metrics, and ${stdoutNote}`);
      f.info(
        'set checks.telemetry.stdoutLogsOk: true if container stdout is collected (e.g. a Docker log driver); this check is then skipped',
      );
      return f.done('off: no OTLP endpoint set, logs go to stdout only');
    }

    const problems: string[] = [];
    const headers = headerCount(c.OTEL_EXPORTER_OTLP_HEADERS);
    if (!c.OTEL_EXPORTER_OTLP_HEADERS) f.info('OTEL_EXPORTER_OTLP_HEADERS is not set: exports carry no credentials');
    else if (headers) f.info(`OTEL_EXPORTER_OTLP_HEADERS is set: ${headers} header(s), values not shown`);
    else {
      f.warn(
        'OTEL_EXPORTER_OTLP_HEADERS is set but holds no key=value pair upstream can read (value not shown): exports go without credentials',
      );
      problems.push('OTLP headers unreadable');
    }

    const credentials = parseOtelHeaders(c.OTEL_EXPORTER_OTLP_HEADERS);
    const probes = await Promise.all(
      (Object.keys(SIGNALS) as Signal[])
        .filter((s) => endpoints[s])
        .map(async (s) => ({ s, ...(await probe(ctx.http, s, endpoints[s]!, credentials, signal)) })),
    );
    for (const p of probes) {
      const name = SIGNALS[p.s];
      if (p.status === 'fail') problems.push(`${p.s} endpoint unreachable`);
      if (p.status === 'warn') problems.push(`${p.s} exports would fail`);
      if (p.status === 'needs-credentials') {
        f.warn(`${name}: ${p.text}, and OTEL_EXPORTER_OTLP_HEADERS carries none: exports are rejected`);
        problems.push(`${p.s} endpoint rejects exports without credentials`);
      } else if (p.status === 'credentials-rejected') {
        f.fail(`${name}: ${p.text}`);
        problems.push(`${p.s} endpoint rejects ctx|'s credentials`);
      } else f[p.status](`${name}: ${p.text}`);
    }
    if (set.metrics && !set.traces) {
      f.warn(
        'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT is set without OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: upstream starts its OpenTelemetry SDK only when the traces endpoint is set, so no metrics are exported',
      );
      problems.push('metrics need the traces endpoint');
    }
    if (!set.logs) {
      if (ctx.options.stdoutLogsOk)
        f.info(
          stdoutNote.replace(
            ': they are lost unless something ships container output',
            '; checks.telemetry.stdoutLogsOk says that is collected',
          ),
        );
      else {
        f.warn(stdoutNote);
        problems.push('logs go to stdout only');
      }
    }
    f.info(
      'the backend exports traces, metrics and logs; codesearch exports logs only (same LOGS endpoint and headers)',
    );
    const list = probes.map((p) => p.s).join(', ');
    return f.done(
      problems.length
        ? `${problems[0]}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}`
        : `exporting ${list} over OTLP/HTTP`,
    );
  },
};

interface Probe {
  status: 'ok' | 'warn' | 'fail' | 'needs-credentials' | 'credentials-rejected';
  text: string;
}

/**
 * POSTs an empty OTLP/JSON export (`{}`: no spans, logs or points) to the URL ctx| uses,
 * first without the configured headers (reachability does not need credentials). When the
 * collector asks for credentials, the same empty export goes again with the headers ctx|
 * would send, to the endpoint they are configured for, so "reachable" is not mistaken for
 * "accepts ctx|'s exports". Their values are never shown.
 */
async function probe(
  http: HttpClient,
  s: Signal,
  endpoint: string,
  credentials: Record<string, string>,
  signal: AbortSignal,
): Promise<Probe> {
  if (!URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol)) {
    return {
      status: 'fail',
      text: `${JSON.stringify(endpoint.slice(0, 80))} is not an http(s) URL; upstream refuses to start with it`,
    };
  }
  const url = exportUrl(s, endpoint);
  const shown = displayUrl(url);
  const out = await http.request(url, {
    method: 'POST',
    signal,
    headers: { 'content-type': 'application/json' },
    body: '{}',
    maxBytes: 4096,
  });
  if (!out.ok) {
    const grpc =
      new URL(url).port === '4317' ? '; port 4317 is OTLP/gRPC, ctx| exports OTLP/HTTP (usually port 4318)' : '';
    return { status: 'fail', text: `${describeFailure(out.failure, shown)}${grpc}` };
  }
  const seen = `${shown} answered HTTP ${out.res.status} in ${ms(out.res.ms)}`;
  switch (reachVerdict(out.res.status)) {
    case 'accepts':
      return { status: 'ok', text: `${seen}: reachable and accepting OTLP/HTTP` };
    case 'needs-credentials': {
      if (!Object.keys(credentials).length)
        return { status: 'needs-credentials', text: `${seen}: reachable, asks for credentials` };
      const again = await http.request(url, {
        method: 'POST',
        signal,
        headers: { ...credentials, 'content-type': 'application/json' },
        body: '{}',
        maxBytes: 4096,
      });
      if (!again.ok)
        return {
          status: 'fail',
          text: `${seen} without credentials; with them: ${describeFailure(again.failure, shown)}`,
        };
      const withThem = `${seen} without credentials, HTTP ${again.res.status} with the ${Object.keys(credentials).length} header(s) of OTEL_EXPORTER_OTLP_HEADERS`;
      const v = reachVerdict(again.res.status);
      if (v === 'accepts') return { status: 'ok', text: `${withThem}: accepts ctx|'s credentials` };
      if (v === 'needs-credentials')
        return {
          status: 'credentials-rejected',
          text: `${withThem}: the collector rejects the credentials ctx| sends (values not shown), so every export is lost`,
        };
      return { status: 'ok', text: `${withThem}: reachable; an empty export need not be accepted` };
    }
    case 'wrong-path':
      return {
        status: 'warn',
        text: `${seen}: reachable, but nothing serves ${new URL(url).pathname}; exports to it are lost (is this the collector's OTLP/HTTP port?)`,
      };
    default:
      return {
        status: 'ok',
        text: `${seen}: reachable (any HTTP answer proves the collector listens; an empty export need not be accepted)`,
      };
  }
}

/** Endpoint URLs may carry credentials in user-info or the query; show neither. */
function displayUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}${u.search ? '?…' : ''}`;
}
