import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Wire-level fakes of the three log sources, on loopback, fed from one store of lines per
 * component (tests `emit` lines, e.g. after an incident has started):
 * - the Docker Engine API on a unix socket in a tmp dir (container list filtered by Compose
 *   labels, inspect, logs in the multiplexed frame format or raw for TTY containers,
 *   since/until honoured, frames cut across writes);
 * - Loki's query_range (tenant and bearer token checked, limit/direction/start paging, two
 *   streams per component);
 * - the Kubernetes API (bearer token checked, pods by label selector, logs with
 *   timestamps and sinceSeconds).
 */
export interface FakeLine {
  time: Date;
  text: string;
  stream?: 'stdout' | 'stderr';
}

export interface LogStore {
  lines: Map<string, FakeLine[]>;
  emit(component: string, text: string, opts?: { time?: Date; stream?: 'stdout' | 'stderr' }): void;
}

export function createLogStore(): LogStore {
  const lines = new Map<string, FakeLine[]>();
  return {
    lines,
    emit(component, text, opts = {}) {
      const list = lines.get(component) ?? [];
      list.push({ time: opts.time ?? new Date(), text, stream: opts.stream ?? 'stdout' });
      lines.set(component, list);
    },
  };
}

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

interface Running {
  server: Server;
  requests: Seen[];
  close(): Promise<void>;
}

function serve(handler: (req: IncomingMessage, res: ServerResponse, url: URL) => unknown): Running {
  const requests: Seen[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    try {
      await handler(req, res, url);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return {
    server,
    requests,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const rfc3339Nano = (d: Date) => d.toISOString().replace(/\.(\d{3})Z$/, '.$1456789Z');

// ---------------------------------------------------------------- Docker Engine API

export interface FakeContainer {
  id: string;
  project: string;
  service: string;
  tty?: boolean;
}

export interface FakeDocker {
  socketPath: string;
  requests: Seen[];
  containers: FakeContainer[];
  close(): Promise<void>;
}

export async function startFakeDocker(store: LogStore, containers: FakeContainer[]): Promise<FakeDocker> {
  const dir = mkdtempSync(join(tmpdir(), 'fake-docker-'));
  const socketPath = join(dir, 'docker.sock');
  const run = serve(async (req, res, url) => {
    const path = url.pathname.replace(/^\/v1\.\d+/, '');
    if (req.method !== 'GET') return json(res, 403, { message: 'the socket proxy allows GET only' });
    if (path === '/containers/json') {
      const filters = JSON.parse(url.searchParams.get('filters') ?? '{}') as { label?: string[] };
      const wanted = filters.label ?? [];
      const list = containers.filter((c) => {
        const labels: Record<string, string> = {
          'com.docker.compose.project': c.project,
          'com.docker.compose.service': c.service,
        };
        return wanted.every((l) => {
          const [k, v] = l.split('=');
          return k !== undefined && labels[k] === v;
        });
      });
      return json(
        res,
        200,
        list.map((c) => ({
          Id: c.id,
          Names: [`/${c.project}-${c.service}-1`],
          Labels: { 'com.docker.compose.project': c.project, 'com.docker.compose.service': c.service },
          State: 'running',
        })),
      );
    }
    const m = /^\/containers\/([a-f0-9]+)\/(json|logs)$/.exec(path);
    const c = m ? containers.find((x) => x.id === m[1]) : undefined;
    if (!m || !c) return json(res, 404, { message: `No such container: ${m?.[1] ?? path}` });
    if (m[2] === 'json') return json(res, 200, { Id: c.id, Config: { Tty: c.tty === true } });
    const q = url.searchParams;
    if (q.get('stdout') !== '1' || q.get('stderr') !== '1' || q.get('timestamps') !== '1')
      return json(res, 400, { message: 'the fake expects stdout=1&stderr=1&timestamps=1' });
    const since = Number(q.get('since') ?? 0) * 1000;
    const until = q.get('until') ? Number(q.get('until')) * 1000 : Number.POSITIVE_INFINITY;
    const lines = (store.lines.get(c.service) ?? []).filter(
      (l) => l.time.getTime() >= since && l.time.getTime() <= until,
    );
    res.writeHead(200, {
      'content-type': c.tty ? 'application/vnd.docker.raw-stream' : 'application/vnd.docker.multiplexed-stream',
    });
    for (const l of lines) {
      const payload = Buffer.from(`${rfc3339Nano(l.time)} ${l.text}\n`);
      if (c.tty) {
        res.write(payload);
        continue;
      }
      const header = Buffer.alloc(8);
      header[0] = l.stream === 'stderr' ? 2 : 1;
      header.writeUInt32BE(payload.length, 4);
      const frame = Buffer.concat([header, payload]);
      // Cut every frame in three writes (header split too), as a real stream may arrive.
      const a = 5;
      const b = Math.min(frame.length, 8 + Math.floor(payload.length / 2));
      res.write(frame.subarray(0, a));
      res.write(frame.subarray(a, b));
      if (b < frame.length) res.write(frame.subarray(b));
      await new Promise((r) => setImmediate(r));
    }
    res.end();
  });
  await new Promise<void>((r) => run.server.listen(socketPath, r));
  return {
    socketPath,
    requests: run.requests,
    containers,
    async close() {
      await run.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- Loki

export interface FakeLoki {
  url: string;
  requests: Seen[];
  close(): Promise<void>;
}

export async function startFakeLoki(
  store: LogStore,
  opts: { tenant?: string; token?: string; maxLimit?: number } = {},
): Promise<FakeLoki> {
  const run = serve((req, res, url) => {
    if (url.pathname !== '/loki/api/v1/query_range') return json(res, 404, { message: 'not found' });
    if (opts.token && req.headers.authorization !== `Bearer ${opts.token}`)
      return json(res, 401, { message: 'authentication required' });
    if (opts.tenant && req.headers['x-scope-orgid'] !== opts.tenant) {
      res.writeHead(401, { 'content-type': 'text/plain' });
      return res.end('no org id\n');
    }
    const q = url.searchParams;
    const query = q.get('query') ?? '';
    const m = /^\{\s*service_name\s*=\s*"([^"]+)"\s*\}$/.exec(query);
    if (!m?.[1]) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      return res.end(`parse error : syntax error: unexpected IDENTIFIER in ${query}\n`);
    }
    if (q.get('direction') !== 'forward') return json(res, 400, { message: 'the fake serves direction=forward' });
    const start = BigInt(q.get('start') ?? '0');
    const end = BigInt(q.get('end') ?? '0');
    const limit = Math.min(Number(q.get('limit') ?? '100'), opts.maxLimit ?? 5000);
    const ns = (d: Date) => BigInt(d.getTime()) * 1_000_000n;
    const page = (store.lines.get(m[1]) ?? [])
      .filter((l) => ns(l.time) >= start && ns(l.time) <= end)
      .sort((a, b) => a.time.getTime() - b.time.getTime())
      .slice(0, limit);
    const streams = new Map<string, Array<[string, string]>>();
    for (const l of page) {
      const key = l.stream ?? 'stdout';
      const values = streams.get(key) ?? [];
      values.push([String(ns(l.time)), l.text]);
      streams.set(key, values);
    }
    json(res, 200, {
      status: 'success',
      data: {
        resultType: 'streams',
        result: [...streams].map(([stream, values]) => ({ stream: { service_name: m[1], stream }, values })),
        stats: {},
      },
    });
  });
  await new Promise<void>((r) => run.server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(run.server.address() as AddressInfo).port}`,
    requests: run.requests,
    close: run.close,
  };
}

// ---------------------------------------------------------------- Kubernetes API

export interface FakeKube {
  url: string;
  requests: Seen[];
  close(): Promise<void>;
}

export async function startFakeKube(
  store: LogStore,
  opts: {
    token: string;
    namespace: string;
    pods: Array<{ name: string; labels: Record<string, string>; component: string }>;
  },
): Promise<FakeKube> {
  const run = serve((req, res, url) => {
    if (req.headers.authorization !== `Bearer ${opts.token}`)
      return json(res, 401, {
        kind: 'Status',
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    const base = `/api/v1/namespaces/${opts.namespace}/pods`;
    if (url.pathname === base) {
      const selector = url.searchParams.get('labelSelector') ?? '';
      const terms = selector.split(',').filter(Boolean);
      const items = opts.pods
        .filter((p) =>
          terms.every((t) => {
            const [k, v] = t.split('=');
            return k !== undefined && p.labels[k] === v;
          }),
        )
        .map((p) => ({ metadata: { name: p.name, namespace: opts.namespace, labels: p.labels } }));
      return json(res, 200, { kind: 'PodList', apiVersion: 'v1', items });
    }
    const m = new RegExp(`^${base}/([^/]+)/log$`).exec(url.pathname);
    const pod = m ? opts.pods.find((p) => p.name === m[1]) : undefined;
    if (!pod)
      return json(res, 404, {
        kind: 'Status',
        status: 'Failure',
        message: 'pods not found',
        reason: 'NotFound',
        code: 404,
      });
    if (url.searchParams.get('timestamps') !== 'true')
      return json(res, 400, { message: 'the fake expects timestamps=true' });
    const sinceSeconds = Number(url.searchParams.get('sinceSeconds') ?? '0');
    const from = sinceSeconds ? Date.now() - sinceSeconds * 1000 : 0;
    res.writeHead(200, { 'content-type': 'text/plain' });
    for (const l of store.lines.get(pod.component) ?? [])
      if (l.time.getTime() >= from) res.write(`${rfc3339Nano(l.time)} ${l.text}\n`);
    res.end();
  });
  await new Promise<void>((r) => run.server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(run.server.address() as AddressInfo).port}`,
    requests: run.requests,
    close: run.close,
  };
}
