import type pg from 'pg';
import { lazyRequire } from '../util/lazy-require.js';
import type { Logger } from 'pino';
import { migrateStore } from './migrate.js';

const pgModule = lazyRequire<typeof pg>('pg');

/**
 * The bot's own state in Postgres (schema ctx_ops): history, approvals, audit, runbook
 * sessions. Kept in Postgres rather than memory so that several replicas agree and a
 * restart loses nothing.
 *
 * The store usually shares the ctx| database, which may be the very thing that is down:
 * so it never blocks start-up. Its migrations run on first use and are retried on the
 * next use after a failure, while `/ctx status` keeps working.
 */
export interface Store {
  readonly pool: pg.Pool;
  /** Resolves once schema ctx_ops is up to date; rejects while the database is unreachable. */
  ready(): Promise<void>;
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  /** Runs fn in a transaction on one connection; rolls back if it throws. */
  tx<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function createStore(
  databaseUrl: string,
  log: Logger,
  opts: { max?: number; connectTimeoutMs?: number } = {},
): Store {
  // Made on first use (pg loads then): building the bot does not load a driver, and a status
  // sends its probes before the store's first query loads pg.
  let made: pg.Pool | undefined;
  const poolOf = (): pg.Pool => {
    if (made) return made;
    made = new (pgModule().Pool)({
      connectionString: databaseUrl,
      max: opts.max ?? 5,
      application_name: 'ctx-ops-store',
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000,
    });
    made.on('error', (err) => log.warn({ err: { message: err.message } }, 'idle store connection failed'));
    return made;
  };
  let migrated: Promise<void> | null = null;
  const ready = () => {
    migrated ??= pgModule
      .soon()
      .then(() => migrateStore(poolOf(), log))
      .then(
        () => undefined,
        (err) => {
          migrated = null; // try again on next use
          throw err;
        },
      );
    return migrated;
  };
  return {
    get pool() {
      return poolOf();
    },
    ready,
    async query(sql, params) {
      await ready();
      return poolOf().query(sql, params);
    },
    async tx(fn) {
      await ready();
      const client = await poolOf().connect();
      try {
        await client.query('BEGIN');
        const out = await fn(client);
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => made?.end() ?? Promise.resolve(),
  };
}
