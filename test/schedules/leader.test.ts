import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLeaderLock, leaderClientFactory, type LeaderLock } from '../../src/schedules/leader.js';
import { createStore, type Store } from '../../src/store/store.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';

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
    const held = await db.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
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
    const a = createLeaderLock({ connect: leaderClientFactory(store.pool), intervalMs: INTERVAL, log, onChange: (v) => changes.push(v) });
    locks.push(a);
    await a.start();
    const b = lock();
    await b.start();
    await db.query(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
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
