import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type RouteHandler = (req: IncomingMessage & { body: string }, res: ServerResponse) => void | Promise<void>;

/**
 * A real HTTP server on 127.0.0.1 with a swappable route table. Fakes of ctx| services
 * are built on it; tests change routes to plant faults. It counts open sockets, so a
 * test can prove that a check closed its connection at the deadline.
 */
export interface FakeHttp {
  url: string;
  port: number;
  /** Requests seen, newest last. */
  requests: Array<{ method: string; path: string; headers: IncomingMessage['headers']; body: string }>;
  route(method: string, path: string, handler: RouteHandler): void;
  openSockets(): number;
  close(): Promise<void>;
}

export async function startFakeHttp(port = 0): Promise<FakeHttp> {
  const routes = new Map<string, RouteHandler>();
  const requests: FakeHttp['requests'] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
    const handler = routes.get(`${req.method} ${path}`) ?? routes.get(`* ${path}`) ?? routes.get('* *');
    if (!handler) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"Not Found"}');
      return;
    }
    try {
      await handler(Object.assign(req, { body }), res);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    requests,
    route: (method, path, handler) => void routes.set(`${method} ${path}`, handler),
    openSockets: () => sockets.size,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Never answers; the socket stays open until the client gives up. */
export const hang: RouteHandler = () => new Promise<void>(() => {});

export const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
