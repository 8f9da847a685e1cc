import type * as undici from 'undici';
import type { Dispatcher } from 'undici';
import { lazyRequire } from '../util/lazy-require.js';
import { classifyError, type NetFailure } from '../util/net-errors.js';
import { requestUrl } from '../util/undici-request.js';

const undiciModule = lazyRequire<Pick<typeof undici, 'Agent'>>('undici');

export interface HttpResponse {
  status: number;
  headers: Record<string, string | undefined>;
  text: string;
  truncated: boolean;
  ms: number;
}

export type HttpOutcome = { ok: true; res: HttpResponse } | { ok: false; failure: NetFailure; ms: number };

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'HEAD' | 'OPTIONS';
  headers?: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  /** Bodies are read up to this size; diagnostics never need a whole page. */
  maxBytes?: number;
}

export interface HttpClient {
  request(url: string, req: HttpRequest): Promise<HttpOutcome>;
  close(): Promise<void>;
}

/**
 * One keep-alive agent for all probes. Never throws: a component that is down is an
 * outcome. The AbortSignal destroys the socket, so a hanging server costs nothing after
 * the deadline.
 */
export function createHttpClient(opts: { connectTimeoutMs?: number; dispatcher?: Dispatcher } = {}): HttpClient {
  // No per-origin connection cap: concurrency is already bounded by the number of checks,
  // and a cap would queue one check behind another (a 50-check run took 3× longer with 16).
  // undici and the agent are made on the first request: commands that probe nothing never load them.
  let agent: Dispatcher | undefined = opts.dispatcher;
  const dispatcherFor = () =>
    (agent ??= new (undiciModule().Agent)({
      connect: { timeout: opts.connectTimeoutMs ?? 10_000 },
      keepAliveTimeout: 4_000,
    }));
  return {
    async request(url, req) {
      const started = performance.now();
      try {
        const dispatcher = dispatcherFor();
        const res = await requestUrl(dispatcher, url, {
          method: req.method ?? 'GET',
          headers: { 'user-agent': 'ctx-ops', ...req.headers },
          body: req.body,
          signal: req.signal,
        });
        const { text, truncated } = await readLimited(res.body, req.maxBytes ?? 64 * 1024);
        const headers: Record<string, string | undefined> = {};
        for (const [k, v] of Object.entries(res.headers))
          headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
        return { ok: true, res: { status: res.statusCode, headers, text, truncated, ms: performance.now() - started } };
      } catch (err) {
        return { ok: false, failure: classifyError(err), ms: performance.now() - started };
      }
    },
    async close() {
      if (!opts.dispatcher && agent) await agent.close();
    },
  };
}

async function readLimited(body: Dispatcher.ResponseData['body'], max: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    if (size + buf.length > max) {
      chunks.push(buf.subarray(0, max - size));
      body.destroy();
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
    }
    chunks.push(buf);
    size += buf.length;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}

/** JSON.parse that answers undefined instead of throwing. */
export function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
