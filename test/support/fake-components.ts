import { findings } from '../../src/diagnostics/findings.js';
import type { Check } from '../../src/diagnostics/types.js';
import { json, startFakeHttp, type FakeHttp } from './fake-http.js';

/**
 * Light components on loopback for the watch: one HTTP server answers
 * GET /health/<env>/<check> with the status a test sets, and `componentChecks` are real
 * checks (real HTTP client, real runner, root causes) that read it.
 */
export interface FakeComponents {
  http: FakeHttp;
  url: string;
  set(env: string, check: string, status: 'ok' | 'warn' | 'fail', summary?: string): void;
  close(): Promise<void>;
}

export async function startFakeComponents(): Promise<FakeComponents> {
  const http = await startFakeHttp();
  const state = new Map<string, { status: string; summary?: string }>();
  // The catch-all route ('* *'): every path is a component's health.
  http.route('*', '*', (req, res) => {
    const s = state.get(new URL(req.url ?? '/', 'http://x').pathname) ?? { status: 'ok' };
    json(res, s.status === 'fail' ? 503 : 200, s);
  });
  return {
    http,
    url: http.url,
    set: (env, check, status, summary) =>
      void state.set(`/health/${env}/${check}`, { status, ...(summary ? { summary } : {}) }),
    close: () => http.close(),
  };
}

export function componentChecks(specs: ReadonlyArray<{ id: string; title?: string; dependsOn?: string[] }>): Check[] {
  return specs.map((s) => ({
    id: s.id,
    title: s.title ?? s.id[0]!.toUpperCase() + s.id.slice(1),
    dependsOn: s.dependsOn ?? [],
    async run(ctx, signal) {
      const f = findings();
      const url = `${ctx.env.ctx.AUTH_BASE_URL}/health/${ctx.env.name}/${s.id}`;
      const out = await ctx.http.request(url, { signal });
      if (!out.ok) {
        f.fail(`${url} unreachable`);
        return f.done('unreachable');
      }
      const body = JSON.parse(out.res.text) as { status: 'ok' | 'warn' | 'fail'; summary?: string };
      f[body.status](`answered ${body.status}`);
      return f.done(body.summary ?? `is ${body.status}`);
    },
  }));
}
