import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLeaderLock, leaderClientFactory, type LeaderLock } from '../../src/runtime/leader.js';
import { createStore, type Store } from '../../src/store/store.js';
import { adminUrl, createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startTcpProxy, targetOf, type TcpProxy } from '../support/tcp-proxy.js';

let db: TestDatabase;
let store: Store;
const locks: LeaderLock[] = [];
const log = pino({ level: 'silent' });

beforeAll(async () => {
  db = await createTestDatabase('sched_leader');
  store = createStore(db.url, log);
});
afterAll(async () => {
  await store.close();
  await db.drop();
});
afterEach(async () => {
  await Promise.all(locks.splice(0).map((l) => l.stop()));
});

const INTERVAL = 200;
const lock = () => {
  const l = createLeaderLock({ connect: leaderClientFactory(store.pool), intervalMs: INTERVAL, log });
  locks.push(l);
  return l;
};
async function until(probe: () => boolean, ms = 5_000): Promise<number> {
  const start = Date.now();
  while (!probe()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - start;
}

describe('leader lock (Postgres advisory lock)', () => {
  it('lets exactly one replica lead', async () => {
    const [a, b, c] = [lock(), lock(), lock()];
    await Promise.all([a.start(), b.start(), c.start()]);
    expect([a, b, c].filter((l) => l.isLeader())).toHaveLength(1);
    const held = await db.query(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(held.rows[0]!.n).toBe(1);
  });

  it('hands over within one interval when the leader stops', async () => {
    const a = lock();
    await a.start();
    const b = lock();
    await b.start();
    expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
    await a.stop();
    const waited = await until(() => b.isLeader());
    expect(waited).toBeLessThan(INTERVAL * 5);
  });

  it('a leader whose session is killed steps down; then exactly one replica leads again', async () => {
    const changes: boolean[] = [];
    const a = createLeaderLock({
      connect: leaderClientFactory(store.pool),
      intervalMs: INTERVAL,
      log,
      onChange: (v) => changes.push(v),
    });
    locks.push(a);
    await a.start();
    const b = lock();
    await b.start();
    await db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    await until(() => changes.includes(false));
    // Whoever tries first wins the free lock; never both.
    await until(() => a.isLeader() || b.isLeader());
    await new Promise((r) => setTimeout(r, INTERVAL * 2));
    expect([a.isLeader(), b.isLeader()].filter(Boolean)).toHaveLength(1);
  });

  it('claim() takes a free lock at once (a tick does not wait for the next interval)', async () => {
    const a = lock();
    await a.start();
    await a.stop();
    const b = createLeaderLock({ connect: leaderClientFactory(store.pool), intervalMs: 60_000, log });
    locks.push(b);
    expect(b.isLeader()).toBe(false);
    expect(await b.claim()).toBe(true);
  });

  it('without a reachable database nobody leads, and it says so once', async () => {
    const lines: string[] = [];
    const l = createLeaderLock({
      connect: leaderClientFactory(createStore('postgres://nobody@127.0.0.1:1/none', log).pool),
      intervalMs: 50,
      log: pino({ level: 'warn' }, { write: (s: string) => void lines.push(s) }),
    });
    locks.push(l);
    await l.start();
    await new Promise((r) => setTimeout(r, 300));
    expect(l.isLeader()).toBe(false);
    expect(lines.filter((s) => s.includes('cannot reach the store'))).toHaveLength(1);
  });
});

describe('leader lock through a store outage (the store behind a TCP proxy that is cut)', () => {
  let proxy: TcpProxy;
  let viaProxy: Store;
  beforeAll(async () => {
    proxy = await startTcpProxy(targetOf(adminUrl()));
    viaProxy = createStore(proxy.via(db.url), log);
  });
  afterAll(async () => {
    await viaProxy.close();
    await proxy.close();
  });
  afterEach(() => proxy.restore());

  const proxied = (opts: { onChange?: (v: boolean) => void; lines?: string[] } = {}) => {
    const l = createLeaderLock({
      connect: leaderClientFactory(viaProxy.pool),
      intervalMs: INTERVAL,
      log: opts.lines ? pino({ level: 'info' }, { write: (s: string) => void opts.lines!.push(s) }) : log,
      onChange: opts.onChange,
    });
    locks.push(l);
    return l;
  };
  const heldLocks = async () =>
    (
      await db.query(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      )
    ).rows[0]!.n as number;

  it('the leader keeps leading (degraded) while the store is unreachable, a follower does not start; when it is back the leader takes the lock again first', async () => {
    const changes: boolean[] = [];
    const lines: string[] = [];
    const a = proxied({ onChange: (v) => changes.push(v), lines });
    await a.start();
    const b = proxied();
    await b.start();
    expect([a.role(), b.role()]).toEqual(['leader', 'follower']);

    proxy.cut();
    await until(() => a.isDegraded());
    await new Promise((r) => setTimeout(r, INTERVAL * 4));
    expect([a.role(), b.role()]).toEqual(['degraded', 'follower']);
    expect(a.isLeader()).toBe(true);
    expect(await heldLocks()).toBe(0); // Postgres released it with the session: only stickiness keeps A leading

    proxy.restore();
    await until(() => a.role() === 'leader');
    await new Promise((r) => setTimeout(r, INTERVAL * 4));
    expect([a.role(), b.role()]).toEqual(['leader', 'follower']);
    expect(await heldLocks()).toBe(1);
    // Leading never stopped, so nothing was announced as a change of leader.
    expect(changes).toEqual([true]);
    expect(lines.filter((s) => s.includes('still leading, degraded'))).toHaveLength(1);
    expect(lines.filter((s) => s.includes('the leader lock is taken again'))).toHaveLength(1);
  });

  it('a replica that never led does not lead during an outage, even alone', async () => {
    const a = proxied();
    proxy.cut();
    await a.start();
    await new Promise((r) => setTimeout(r, INTERVAL * 3));
    expect(a.role()).toBe('follower');
    proxy.restore();
    // After the outage it may lead, once the grace for a degraded leader has passed.
    await until(() => a.role() === 'leader');
  });

  it('when another replica took the lock meanwhile (it reached the store another way), the degraded leader steps down', async () => {
    const changes: boolean[] = [];
    const a = proxied({ onChange: (v) => changes.push(v) });
    await a.start();
    const b = lock(); // straight to Postgres: the proxy's cut does not concern it
    await b.start();
    proxy.cut();
    await until(() => b.isLeader());
    // Partitioned differently: both lead for now (the trade-off documented in docs/schedules.md).
    expect(a.role()).toBe('degraded');
    proxy.restore();
    await until(() => a.role() === 'follower');
    expect(b.role()).toBe('leader');
    expect(changes).toEqual([true, false]);
    expect(await heldLocks()).toBe(1);
  });

  it('after a partition the server still keeps the old session (and the lock): the degraded leader ends its own session and leads on', async () => {
    const a = proxied();
    await a.start();
    const b = lock();
    await b.start();
    proxy.cut({ keepUpstream: true });
    await until(() => a.isDegraded());
    expect(proxy.orphans()).toBeGreaterThan(0);
    expect(await heldLocks()).toBe(1); // the server has not noticed
    proxy.restore();
    await until(() => a.role() === 'leader');
    expect(b.role()).toBe('follower');
    expect(await heldLocks()).toBe(1);
    await until(() => proxy.orphans() === 0);
  });
});
