import { z } from 'zod';
import { backendUrl } from '../ctx-urls.js';
import { findings, ms } from '../findings.js';
import { tryJson } from '../http-client.js';
import { describeFailure } from '../net-errors.js';
import type { Check } from '../types.js';

export interface BackendOptions {
  clockSkewSeconds: number;
  slowMs: number;
}

/** warn when the backend's clock is further off than allowed: tokens and expiries depend on it. */
export function clockSkewStatus(skewMs: number, allowedSeconds: number): 'ok' | 'warn' {
  return Math.abs(skewMs) > allowedSeconds * 1000 ? 'warn' : 'ok';
}

export const backendCheck: Check<BackendOptions> = {
  id: 'backend',
  title: 'Backend',
  dependsOn: [],
  options: { clockSkewSeconds: z.number().positive().default(60), slowMs: z.number().int().positive().default(2000) },
  async run(ctx, signal) {
    const f = findings();
    const url = backendUrl(ctx.env, '/.status');
    const out = await ctx.http.request(url, { signal, headers: { accept: 'application/json' } });
    if (!out.ok) {
      f.fail(describeFailure(out.failure, url));
      return f.done(`unreachable: ${describeFailure(out.failure, 'AUTH_BASE_URL')}`);
    }
    const { res } = out;
    if (res.status !== 200) {
      f.fail(`GET /.status answered HTTP ${res.status} in ${ms(res.ms)} (expected 200)`);
      return f.done(`GET /.status answered HTTP ${res.status}`);
    }
    const body = tryJson(res.text) as { status?: unknown; timestamp?: unknown } | undefined;
    if (!body || typeof body !== 'object' || body.status !== 'ok') {
      f.fail(`GET /.status answered 200 but not ctx|'s {"status":"ok"} JSON (got ${JSON.stringify(res.text.slice(0, 80))}); is AUTH_BASE_URL the backend?`);
      return f.done('answers, but not like a ctx| backend');
    }
    f.ok(`GET /.status → 200 {"status":"ok"} in ${ms(res.ms)}`);
    const notes: string[] = [];
    const ts = typeof body.timestamp === 'string' ? Date.parse(body.timestamp) : NaN;
    if (Number.isNaN(ts)) {
      f.warn('the answer has no valid timestamp, so its clock cannot be compared');
    } else {
      const skew = ts - ctx.now().getTime();
      const seconds = Math.round(skew / 1000);
      if (clockSkewStatus(skew, ctx.options.clockSkewSeconds) === 'warn') {
        notes.push(`clock ${seconds > 0 ? '+' : ''}${seconds} s`);
        f.warn(`the backend's clock is ${Math.abs(seconds)} s ${skew > 0 ? 'ahead of' : 'behind'} this bot's (allowed ${ctx.options.clockSkewSeconds} s): token expiry and OAuth depend on it; check NTP`);
      } else {
        f.ok(`clock within ${ctx.options.clockSkewSeconds} s of this bot's (${seconds >= 0 ? '+' : ''}${seconds} s)`);
      }
    }
    if (res.ms > ctx.options.slowMs) {
      notes.push('slow');
      f.warn(`slow: ${ms(res.ms)} (warn above ${ctx.options.slowMs} ms)`);
    }
    f.info('/.status only proves the process answers; the database, graph and codesearch have their own checks');
    return f.done(`up, answered in ${ms(res.ms)}${notes.length ? ` (${notes.join(', ')})` : ''}`);
  },
};
