import type pg from 'pg';
import { lazyRequire } from '../util/lazy-require.js';

const pgModule = lazyRequire<typeof pg>('pg');
import type { Logger } from 'pino';
import { classifyError, type NetFailure } from '../util/net-errors.js';

export interface PgAccess {
  /** host:port/database, never with credentials; for messages. */
  readonly target: string;
  /** Runs fn on a pooled connection; the signal destroys the connection, even mid-query. */
  withClient<T>(signal: AbortSignal, fn: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    signal: AbortSignal,
    sql: string,
    params?: unknown[],
  ): Promise<pg.QueryResult<R>>;
  close(): Promise<void>;
}

export function describeTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname || '/'}`;
  } catch {
    return 'the database';
  }
}

/**
 * A small pool per environment: a status run makes a handful of queries, the watch loop
 * repeats them every minute, and a fresh connection each time would cost the ctx| database
 * a backend process per query.
 */
export function createPgAccess(url: string, opts: PgAccessOptions): PgAccess {
  // Made on first use: a status sends its HTTP probes before loading pg (~20 ms), so the
  // slowest probe's wait, not the driver load, is what the answer waits for.
  let made: pg.Pool | undefined;
  const poolOf = (): pg.Pool => (made ??= makePool(url, opts));
  const target = describeTarget(url);

  const withClient = async <T>(signal: AbortSignal, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    await pgModule.soon();
    signal.throwIfAborted();
    const client = await raceAbort(poolOf().connect(), signal, (late) => late.release(true));
    // The pool listens for errors of idle clients only: a server going away while this one is
    // checked out would otherwise be an uncaught error (a crash). The query that fails reports it.
    const swallow = () => {};
    client.on('error', swallow);
    let destroyed = false;
    const onAbort = () => {
      destroyed = true;
      destroySocket(client);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await fn(client);
    } catch (err) {
      destroyed ||= isConnectionError(err);
      throw err;
    } finally {
      signal.removeEventListener('abort', onAbort);
      client.release(destroyed ? true : undefined);
      client.off('error', swallow);
    }
  };

  return {
    target,
    withClient,
    query: (signal, sql, params) => withClient(signal, (c) => c.query(sql, params)),
    close: () => made?.end() ?? Promise.resolve(),
  };
}

type PgAccessOptions = { connectTimeoutMs: number; log: Logger; max?: number; applicationName?: string };

function makePool(url: string, opts: PgAccessOptions): pg.Pool {
  const pool = new (pgModule().Pool)({
    connectionString: url,
    max: opts.max ?? 4,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: opts.connectTimeoutMs,
    application_name: opts.applicationName ?? 'ctx-ops',
    statement_timeout: 30_000,
    allowExitOnIdle: true,
  });
  // An idle client's socket can die (server restart); without a listener that is an uncaught error.
  pool.on('error', (err) => opts.log.warn({ err: { message: err.message } }, 'idle postgres connection failed'));
  return pool;
}

function destroySocket(client: pg.PoolClient) {
  const stream = (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream;
  stream?.destroy();
}

function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return !code || !/^[0-9A-Z]{5}$/.test(code) || code.startsWith('08') || code.startsWith('57P');
}

/** Resolves with p, or rejects when the signal fires; a late result is handed to onLate. */
export function raceAbort<T>(p: Promise<T>, signal: AbortSignal, onLate?: (value: T) => void): Promise<T> {
  if (signal.aborted) {
    p.then(
      (v) => onLate?.(v),
      () => {},
    );
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const onAbort = () => {
      if (settled) return;
      settled = true;
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        if (settled) onLate?.(v);
        else {
          settled = true;
          resolve(v);
        }
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        if (!settled) {
          settled = true;
          reject(e);
        }
      },
    );
  });
}

/** Postgres failures told apart: credentials, missing database, capacity, network. */
export function classifyPgError(err: unknown): NetFailure {
  const code = (err as { code?: string }).code;
  const message = (err as { message?: string }).message ?? String(err);
  switch (code) {
    case '28P01':
    case '28000':
      return { kind: 'auth', code, message };
    case '3D000':
      return { kind: 'other', code, message: `database does not exist (${message})` };
    case '53300':
      return { kind: 'other', code, message: `too many connections (${message})` };
    case '57P03':
      return { kind: 'other', code, message: `the server is starting up or shutting down (${message})` };
  }
  if (/timeout exceeded when trying to connect|Connection terminated due to connection timeout/i.test(message)) {
    return { kind: 'timeout', code, message: 'no answer while connecting' };
  }
  if (/does not support SSL|SSL/i.test(message)) return { kind: 'tls', code, message };
  return classifyError(err);
}
