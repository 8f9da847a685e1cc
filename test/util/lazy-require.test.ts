import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyRequire } from '../../src/util/lazy-require.js';

/**
 * A driver load is synchronous; `soon()` lets a socket opened just before connect first, so
 * a status's slowest probe is on the wire while pg and ioredis load (see lazy-require.ts).
 */
describe('lazyRequire(…).soon()', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ctx-ops-lazy-'));
  const events: string[] = [];
  let server: Server;
  let port: number;
  const fixture = (name: string) => {
    const file = join(dir, `${name}.cjs`);
    writeFileSync(file, `globalThis.__lazyEvents.push('loaded ${name}'); module.exports = { name: '${name}' };\n`);
    return file;
  };

  beforeAll(async () => {
    (globalThis as { __lazyEvents?: string[] }).__lazyEvents = events;
    server = createServer((s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the module only after a socket opened just before has connected', async () => {
    events.length = 0;
    const mod = lazyRequire<{ name: string }>(fixture('first'));
    const socket = connect(port, '127.0.0.1', () => events.push('connected'));
    socket.on('error', () => {});
    const loaded = await mod.soon();
    socket.destroy();
    expect(loaded.name).toBe('first');
    expect(events).toEqual(['connected', 'loaded first']);
  });

  it('loads on the spot when called directly, and once for both ways', async () => {
    events.length = 0;
    const mod = lazyRequire<{ name: string }>(fixture('second'));
    const socket = connect(port, '127.0.0.1', () => events.push('connected'));
    socket.on('error', () => {});
    expect(mod().name).toBe('second');
    expect(events).toEqual(['loaded second']);
    expect(await mod.soon()).toBe(mod());
    await new Promise((r) => socket.once('connect', r));
    socket.destroy();
    expect(events).toEqual(['loaded second', 'connected']);
  });

  it('does not wait once the module is loaded', async () => {
    const mod = lazyRequire<{ name: string }>(fixture('third'));
    mod();
    const order: string[] = [];
    setImmediate(() => order.push('immediate'));
    await mod.soon().then(() => order.push('soon'));
    expect(order).toEqual(['soon']);
  });

  it('a module that cannot be loaded rejects, it does not throw synchronously', async () => {
    const mod = lazyRequire(join(dir, 'missing.cjs'));
    const p = mod.soon();
    await expect(p).rejects.toThrow(/Cannot find module/);
  });
});
