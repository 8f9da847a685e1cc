import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TrackedTcpServer {
  port: number;
  /** Connections open now: a test can prove a check closed its socket. */
  openSockets(): number;
  /** Connections accepted since start. */
  accepted(): number;
  /** Destroys every connection and stops listening. */
  close(): Promise<void>;
}

/**
 * A TCP server on 127.0.0.1 that counts its connections; the wire-level stubs (RESP, Bolt,
 * silent servers) put their protocol in `onConnection`.
 */
export async function listenTracked(onConnection: (socket: Socket) => void): Promise<TrackedTcpServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    onConnection(socket);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    openSockets: () => sockets.size,
    accepted: () => accepted,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/**
 * Accepts, reads and discards, never answers (a hung component). Reading matters: a socket
 * nobody reads never sees the peer's FIN, so a client that closed its end would still count.
 */
export const readAndIgnore = (socket: Socket) => void socket.resume();

/** A TCP server that accepts connections and never says a word (a hung component). */
export async function startSilentTcp(): Promise<TrackedTcpServer & { url: (scheme: string) => string }> {
  const tcp = await listenTracked(readAndIgnore);
  return { ...tcp, url: (scheme) => `${scheme}://127.0.0.1:${tcp.port}` };
}

/** A loopback port with nothing listening on it (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
