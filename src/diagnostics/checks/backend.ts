import * as z from 'zod';
import { backendUrl } from '../ctx-urls.js';
import { findings, ms } from '../findings.js';
import { tryJson } from '../http-client.js';
import { describeFailure } from '../../util/net-errors.js';
import type { Check } from '../types.js';

export interface BackendOptions {
  clockSkewSeconds: number;
  slowMs: number;
}

/** warn when the backend's clock is further off than allowed: tokens and expiries depend on it. */
export function clockSkewStatus(skewMs: number, allowedSeconds: number): 'ok' | 'warn' {
  return Math.abs(skewMs) > allowedSeconds * 1000 ? 'warn' : 'ok';
}

/**
 * A route that reads Postgres without a session and without side effects: upstream's public
 * invitation lookup (routes/auth.ts) selects from invitations ⋈ organizations and answers
 * 404 {"error":"Invitation not found or expired"} for an id that does not exist. When the
 * backend cannot use its database it answers 500 with the driver's message instead (the
 * database is gone, unreachable, or the pool was closed: upstream's SIGTERM handler closes
 * it and keeps serving). `/.status` answers 200 in all of these cases.
 */
export const DB_PROBE_PATH = '/.auth/api/v1/public/invitations/ctx-ops-probe';

export type DbPathVerdict = 'ok' | 'failing' | 'unknown';

export function dbPathVerdict(status: number, body: string): DbPathVerdict {
  if (status === 404 && /invitation not found/i.test(body)) return 'ok';
  if (status >= 500) return 'failing';
  return 'unknown';
}

/** Failures of the backend that a database outage explains (it exits at start without one, or answers 500). */
const DB_EXPLAINABLE = new Set(['refused', 'timeout', 'reset']);

const oneLineBody = (text: string) => {
  const doc = tryJson(text) as { message?: unknown; error?: unknown } | undefined;
  const message = typeof doc?.message === 'string' ? doc.message : doc?.error;
  const t = (typeof message === 'string' ? message : text).trim().replace(/\s+/g, ' ');
  return t ? JSON.stringify(t.length > 140 ? `${t.slice(0, 140)}…` : t) : '(empty body)';
};

export const backendCheck: Check<BackendOptions> = {
  id: 'backend',
  title: 'Backend',
  dependsOn: [],
  likelyCauses: {
    postgres:
      'the ctx| backend exits at start when its database is missing or unreachable, and answers 500 on every database path when it loses it while running',
  },
  options: { clockSkewSeconds: z.number().positive().default(60), slowMs: z.number().int().positive().default(2000) },
  async run(ctx, signal) {
    const f = findings();
    const url = backendUrl(ctx.env, '/.status');
    const dbUrl = backendUrl(ctx.env, DB_PROBE_PATH);
    const out = await ctx.http.request(url, { signal, headers: { accept: 'application/json' } });
    if (!out.ok) {
      f.fail(describeFailure(out.failure, url));
      const outcome = f.done(`unreachable: ${describeFailure(out.failure, 'AUTH_BASE_URL')}`);
      return DB_EXPLAINABLE.has(out.failure.kind) ? outcome : { ...outcome, independent: true };
    }
    const { res } = out;
    if (res.status !== 200) {
      f.fail(`GET /.status answered HTTP ${res.status} in ${ms(res.ms)} (expected 200)`);
      return { ...f.done(`GET /.status answered HTTP ${res.status}`), independent: res.status < 500 };
    }
    const body = tryJson(res.text) as { status?: unknown; timestamp?: unknown } | undefined;
    if (!body || typeof body !== 'object' || body.status !== 'ok') {
      f.fail(
        `GET /.status answered 200 but not ctx|'s {"status":"ok"} JSON (got ${JSON.stringify(res.text.slice(0, 80))}); is AUTH_BASE_URL the backend?`,
      );
      return { ...f.done('answers, but not like a ctx| backend'), independent: true };
    }
    f.ok(`GET /.status → 200 {"status":"ok"} in ${ms(res.ms)} (this route checks nothing else)`);
    const notes: string[] = [];
    const ts = typeof body.timestamp === 'string' ? Date.parse(body.timestamp) : NaN;
    if (Number.isNaN(ts)) {
      f.warn('the answer has no valid timestamp, so its clock cannot be compared');
    } else {
      const skew = ts - ctx.now().getTime();
      const seconds = Math.round(skew / 1000);
      if (clockSkewStatus(skew, ctx.options.clockSkewSeconds) === 'warn') {
        notes.push(`clock ${seconds > 0 ? '+' : ''}${seconds} s`);
        f.warn(
          `the backend's clock is ${Math.abs(seconds)} s ${skew > 0 ? 'ahead of' : 'behind'} this bot's (allowed ${ctx.options.clockSkewSeconds} s): token expiry and OAuth depend on it; check NTP`,
        );
      } else {
        f.ok(`clock within ${ctx.options.clockSkewSeconds} s of this bot's (${seconds >= 0 ? '+' : ''}${seconds} s)`);
      }
    }
    if (res.ms > ctx.options.slowMs) {
      notes.push('slow');
      f.warn(`slow: ${ms(res.ms)} (warn above ${ctx.options.slowMs} ms)`);
    }

    // Does the backend reach its database? /.status cannot tell.
    const db = await ctx.http.request(dbUrl, { signal, headers: { accept: 'application/json' } });
    let dbFailure: string | undefined;
    if (!db.ok) {
      f.warn(
        `GET ${DB_PROBE_PATH}: ${describeFailure(db.failure, dbUrl)}; whether the backend reaches its database is not known`,
      );
    } else {
      const seen = `GET ${DB_PROBE_PATH} → ${db.res.status} ${oneLineBody(db.res.text)} in ${ms(db.res.ms)}`;
      switch (dbPathVerdict(db.res.status, db.res.text)) {
        case 'ok':
          f.ok(`${seen}: a route that reads Postgres answers, so the backend reaches its database`);
          break;
        case 'failing':
          dbFailure = oneLineBody(db.res.text);
          f.fail(
            `${seen}: the backend is up but cannot use its database, so sign-in, MCP and every API call fail while /.status stays 200. Its database is gone or unreachable, or its connection pool was closed (after SIGTERM upstream closes the pool and keeps serving until killed): restart the backend once Postgres answers`,
          );
          break;
        default:
          f.info(
            `${seen}: not the answer of a ctx| version with the public invitation route, so whether the backend reaches its database is not shown here (the auth and mcp checks read its signing keys)`,
          );
      }
    }
    if (dbFailure) return f.done(`up, but cannot use its database: ${dbFailure}`);
    return f.done(`up, answered in ${ms(res.ms)}${notes.length ? ` (${notes.join(', ')})` : ''}`);
  },
};
