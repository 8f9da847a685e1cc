import { lazyRequire } from '../util/lazy-require.js';
import { migrateStore } from './migrate.js';
const pgModule = lazyRequire('pg');
export function createStore(databaseUrl, log, opts = {}) {
    const pool = new (pgModule().Pool)({
        connectionString: databaseUrl,
        max: opts.max ?? 5,
        application_name: 'ctx-ops-store',
        idleTimeoutMillis: 30_000,
        connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000,
    });
    pool.on('error', (err) => log.warn({ err: { message: err.message } }, 'idle store connection failed'));
    let migrated = null;
    const ready = () => {
        migrated ??= migrateStore(pool, log).then(() => undefined, (err) => {
            migrated = null; // try again on next use
            throw err;
        });
        return migrated;
    };
    return {
        pool,
        ready,
        async query(sql, params) {
            await ready();
            return pool.query(sql, params);
        },
        async tx(fn) {
            await ready();
            const client = await pool.connect();
            try {
                await client.query('BEGIN');
                const out = await fn(client);
                await client.query('COMMIT');
                return out;
            }
            catch (err) {
                await client.query('ROLLBACK').catch(() => { });
                throw err;
            }
            finally {
                client.release();
            }
        },
        close: () => pool.end(),
    };
}
