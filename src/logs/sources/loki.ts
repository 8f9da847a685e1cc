import type { Dispatcher } from 'undici';
import type { LokiSourceConfig } from '../../config/sections/logs.js';
import type { RawLine } from '../entry.js';
import { splitText } from '../lines.js';
import { type LogQuery, type LogSource, SourceUnavailable } from '../source.js';
import { getJson, type SourceDeps, tlsAgent } from './http.js';

/**
 * Grafana Loki: `GET /loki/api/v1/query_range` with the component's LogQL selector, forward
 * in time, page after page (the next page starts just after the newest entry of the last
 * one) until the window ends or the reader has enough. Tenant in X-Scope-OrgID; a read-only
 * bearer token or basic auth. Entries sharing the last page's final nanosecond beyond the page
 * size are skipped (Loki has no cursor); a page of 1000 makes that rare.
 */
export function lokiSource(cfg: LokiSourceConfig, deps: SourceDeps): LogSource {
  const base = cfg.url.replace(/\/$/, '');
  const target = `Loki at ${new URL(cfg.url).host}`;
  let dispatcher: Dispatcher | undefined;
  const headers = (): Record<string, string> => {
    const h: Record<string, string> = { accept: 'application/json' };
    if (cfg.tenant) h['x-scope-orgid'] = cfg.tenant;
    if (cfg.tokenFile) h.authorization = `Bearer ${deps.readSecretFile(cfg.tokenFile).trim()}`;
    else if (cfg.username)
      h.authorization = `Basic ${Buffer.from(`${cfg.username}:${cfg.passwordFile ? deps.readSecretFile(cfg.passwordFile).trim() : ''}`).toString('base64')}`;
    return h;
  };
  const hint = (status: number) =>
    status === 401 || status === 403
      ? 'check the read-only token (tokenFile) or username/passwordFile, and the tenant'
      : status === 400
        ? 'Loki rejected the query: check the LogQL selector in logs.sources.<env>.loki.selectors'
        : undefined;
  return {
    kind: 'loki',
    describe: () => new URL(cfg.url).origin,
    async *read(q: LogQuery): AsyncGenerator<RawLine> {
      dispatcher ??= tlsAgent({});
      const template = cfg.selectors[q.component] ?? cfg.selector;
      const query = template.replace(/\{component\}/g, q.component).replace(/\{env\}/g, q.env);
      let start = BigInt(q.since.getTime()) * 1_000_000n;
      const end = BigInt(q.until.getTime()) * 1_000_000n;
      for (let page = 0; page < 10_000 && start < end; page++) {
        const params = new URLSearchParams({
          query,
          start: String(start),
          end: String(end),
          limit: String(cfg.pageSize),
          direction: 'forward',
        });
        const body = (await getJson(dispatcher, `${base}/loki/api/v1/query_range?${params}`, target, {
          headers: headers(),
          signal: q.signal,
          hint,
        })) as LokiAnswer;
        if (body?.status !== 'success' || body.data?.resultType !== 'streams' || !Array.isArray(body.data.result))
          throw new SourceUnavailable(`${target} answered a query_range result that is not streams`);
        const entries: Array<[bigint, string]> = [];
        for (const s of body.data.result)
          for (const v of Array.isArray(s.values) ? s.values : [])
            if (Array.isArray(v) && typeof v[0] === 'string' && /^\d+$/.test(v[0]) && typeof v[1] === 'string')
              entries.push([BigInt(v[0]), v[1]]);
        entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        for (const [ns, text] of entries) {
          const time = new Date(Number(ns / 1_000_000n));
          for (const l of splitText(text, q.maxLineBytes)) yield { ...l, time };
        }
        if (entries.length < cfg.pageSize) return;
        const last = entries[entries.length - 1]?.[0] ?? end;
        start = last + 1n;
      }
    },
  };
}

interface LokiAnswer {
  status?: string;
  data?: { resultType?: string; result?: Array<{ stream?: Record<string, string>; values?: unknown[] }> };
}
