import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATION_LOCK, migrateStore, readStoreMigrations } from '../../src/store/migrate.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';

/**
 * The store's migrations: applied once, under a lock several replicas share; a store that is
 * already up to date answers from one read, so it neither waits for that lock (a replica
 * migrating, or a stuck session holding it) nor delays the first answer of a one-shot command.
 */
const LOCK = MIGRATION_LOCK.toString();
const log = pino({ level: 'silent' });
let db: TestDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  db = await createTestDatabase('migrate');
  pool = new pg.Pool({ connectionString: db.url, max: 3 });
});
afterAll(async () => {
  await pool.end();
  await db.drop();
});

/** Another session holding the migration lock inside an open transaction. */
async function holdLock(): Promise<() => Promise<void>> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  await c.query('BEGIN');
  await c.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
  return async () => {
    await c.query('COMMIT');
    await c.end();
  };
}

const settled = <T>(p: Promise<T>) => {
  const s = { done: false };
  p.then(
    () => (s.done = true),
    () => (s.done = true),
  );
  return s;
};

describe('store migrations', () => {
  const all = readStoreMigrations();
  const older = all.slice(0, -1);

  it('applies what is missing, waiting for a migration another replica is running', async () => {
    expect(await migrateStore(pool, log, older)).toEqual(older.map((m) => m.name));
    const release = await holdLock();
    const run = migrateStore(pool, log, all);
    const state = settled(run);
    await new Promise((r) => setTimeout(r, 300));
    expect(state.done).toBe(false); // waits for the lock rather than racing the other replica
    await release();
    expect(await run).toEqual([all.at(-1)!.name]);
  });

  it('an up-to-date store is ready at once, even while another session holds the lock', async () => {
    const release = await holdLock();
    try {
      // Bounded, so that a store waiting for the lock fails this test instead of hanging it.
      const late = new Promise((r) => setTimeout(() => r('still waiting for the lock after 5 s'), 5_000).unref());
      expect(await Promise.race([migrateStore(pool, log, all), late])).toEqual([]);
    } finally {
      await release();
    }
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM ctx_ops.schema_migrations');
    expect(rows[0].n).toBe(all.length);
  });
});
