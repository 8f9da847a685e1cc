import { lazyRequire } from '../util/lazy-require.js';
const pgModule = lazyRequire('pg');
import { classifyError } from '../util/net-errors.js';
export function describeTarget(url) {
    try {
        const u = new URL(url);
        return `${u.hostname}:${u.port || '5432'}${u.pathname || '/'}`;
    }
    catch {
        return 'the database';
    }
}
/**
 * A small pool per environment: a status run makes a handful of queries, the watch loop
 * repeats them every minute, and a fresh connection each time would cost the ctx| database
 * a backend process per query.
 */
export function createPgAccess(url, opts) {
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
    const target = describeTarget(url);
    const withClient = async (signal, fn) => {
        signal.throwIfAborted();
        const client = await raceAbort(pool.connect(), signal, (late) => late.release(true));
        // The pool listens for errors of idle clients only: a server going away while this one is
        // checked out would otherwise be an uncaught error (a crash). The query that fails reports it.
        const swallow = () => { };
        client.on('error', swallow);
        let destroyed = false;
        const onAbort = () => {
            destroyed = true;
            destroySocket(client);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        try {
            return await fn(client);
        }
        catch (err) {
            destroyed ||= isConnectionError(err);
            throw err;
        }
        finally {
            signal.removeEventListener('abort', onAbort);
            client.release(destroyed ? true : undefined);
            client.off('error', swallow);
        }
    };
    return {
        target,
        withClient,
        query: (signal, sql, params) => withClient(signal, (c) => c.query(sql, params)),
        close: () => pool.end(),
    };
}
function destroySocket(client) {
    const stream = client.connection?.stream;
    stream?.destroy();
}
function isConnectionError(err) {
    const code = err.code;
    return !code || !/^[0-9A-Z]{5}$/.test(code) || code.startsWith('08') || code.startsWith('57P');
}
/** Resolves with p, or rejects when the signal fires; a late result is handed to onLate. */
export function raceAbort(p, signal, onLate) {
    if (signal.aborted) {
        p.then((v) => onLate?.(v), () => { });
        return Promise.reject(signal.reason);
    }
    return new Promise((resolve, reject) => {
        let settled = false;
        const onAbort = () => {
            if (settled)
                return;
            settled = true;
            reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        p.then((v) => {
            signal.removeEventListener('abort', onAbort);
            if (settled)
                onLate?.(v);
            else {
                settled = true;
                resolve(v);
            }
        }, (e) => {
            signal.removeEventListener('abort', onAbort);
            if (!settled) {
                settled = true;
                reject(e);
            }
        });
    });
}
/** Postgres failures told apart: credentials, missing database, capacity, network. */
export function classifyPgError(err) {
    const code = err.code;
    const message = err.message ?? String(err);
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
    if (/does not support SSL|SSL/i.test(message))
        return { kind: 'tls', code, message };
    return classifyError(err);
}
