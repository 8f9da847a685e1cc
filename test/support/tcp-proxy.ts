import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a real server (the test Postgres), for outages
 * that real clients notice the way they would in production:
 * - `cut()` destroys every proxied connection, both sides, and from then on resets every
 *   new connection as soon as it is accepted (the client sees the connection end, as
 *   with a server that is going away). The listening port stays ours, so `restore()`
 *   cannot lose it to another process.
 * - `cut({ keepUpstream: true })` is a partition seen from the client only: client sides
 *   are destroyed, but the sessions on the server stay open (and keep their locks) until
 *   the server ends them, e.g. with pg_terminate_backend.
 * - `restore()` proxies new connections again.
 */
export interface TcpProxy {
  port: number;
  /** `url` (postgres://user:pw@host:port/db…) with its host and port pointed at the proxy. */
  via(url: string): string;
  cut(opts?: { keepUpstream?: boolean }): void;
  restore(): void;
  isCut(): boolean;
  /** Client connections proxied now. */
  connections(): number;
  /** Server sessions kept open after a `keepUpstream` cut. */
  orphans(): number;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
  detached: boolean;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  const orphans = new Set<Socket>();
  let cut = false;

  const server: Server = createServer((client) => {
    client.on('error', () => {});
    if (cut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    upstream.on('error', () => {});
    const pair: Pair = { client, upstream, detached: false };
    pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      if (!pair.detached) upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', () => {
      orphans.delete(upstream);
      end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    via(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    cut(opts = {}) {
      cut = true;
      for (const p of [...pairs]) {
        if (opts.keepUpstream) {
          p.detached = true;
          p.upstream.unpipe(p.client);
          p.client.unpipe(p.upstream);
          // Whatever the server still says goes nowhere, as across a partition.
          p.upstream.resume();
          orphans.add(p.upstream);
        }
        pairs.delete(p);
        p.client.destroy();
        if (!opts.keepUpstream) p.upstream.destroy();
      }
    },
    restore() {
      cut = false;
    },
    isCut: () => cut,
    connections: () => pairs.size,
    orphans: () => orphans.size,
    async close() {
      cut = true;
      for (const p of pairs) {
        p.client.destroy();
        p.upstream.destroy();
      }
      for (const o of orphans) o.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** host and port of a postgres:// URL (the test server's admin URL). */
export function targetOf(url: string): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || 5432) };
}
