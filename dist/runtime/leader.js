import { hostname } from 'node:os';
import { lazyRequire } from '../util/lazy-require.js';
const pgModule = lazyRequire('pg');
// Any fixed 64-bit number distinct from the store's migration lock (…01).
export const LEADER_LOCK_KEY = 0x6374786f707302n;
const STARTED_US = `(extract(epoch FROM backend_start) * 1000000)::bigint::text`;
/**
 * Elects one scheduler among replicas with a session-level Postgres advisory lock held
 * on a dedicated connection. When the leader dies its connection closes, Postgres
 * releases the lock, and the next replica to try (every interval, and at every tick)
 * takes over.
 *
 * When the leader loses its session it tries to take the lock again at once. If it cannot
 * even reach the store, it keeps leading, degraded: the store is often ctx|'s own
 * Postgres, and "Postgres is down" is the one alert that must not depend on Postgres.
 * Followers never start leading without the lock. When the store is back the degraded
 * leader must take the lock again before anything uses the store; if another replica
 * holds it by then, it steps down.
 */
export function createLeaderLock(opts) {
    const key = (opts.key ?? LEADER_LOCK_KEY).toString();
    const replica = `${hostname()}:${process.pid}`;
    const log = opts.log.child({ part: 'leader', replica });
    const graceMs = opts.recoveryGraceMs ?? 2 * opts.intervalMs;
    let client = null;
    let role = 'follower';
    let session = null;
    let timer;
    let attempt = null;
    let stopped = false;
    /** A follower saw the store unreachable; when it could reach it again. */
    let outageSeen = false;
    let reachableSince = null;
    let unreachableSaid = false;
    const become = (next) => {
        if (next === role)
            return;
        const was = role;
        role = next;
        if (next === 'degraded') {
            log.warn('lost the leader lock because the store is unreachable; still leading, degraded: the watch goes on with alert state in memory until the store is back');
            return;
        }
        if (next === 'leader') {
            // From degraded, it never stopped leading: not a change for onChange.
            if (was === 'degraded')
                return log.info('the store is back and the leader lock is taken again: leading normally');
            log.info('this replica now runs the schedules and the watch (leader)');
            opts.onChange?.(true);
            return;
        }
        if (was === 'degraded')
            log.warn('the store is back but another replica holds the leader lock: this replica steps down');
        else
            log.warn('this replica no longer leads the schedules and the watch');
        opts.onChange?.(false);
    };
    const unreachable = (message) => {
        // Once per outage, however often it is retried and whatever the error says.
        if (unreachableSaid)
            return;
        unreachableSaid = true;
        if (role === 'follower') {
            log.warn({ err: { message } }, 'cannot reach the store to elect a leader: this replica cannot lead (no watch, alerts or digests from it) until the store is back; only a replica that was already leading keeps going through an outage');
        }
        else {
            log.warn({ err: { message } }, 'cannot reach the store; will retry every interval');
        }
    };
    const reachable = () => {
        if (unreachableSaid)
            log.info('the store is reachable again');
        unreachableSaid = false;
    };
    /** The lost session's socket: the lock went with it, unless the server has not noticed yet. */
    const lost = (c, why) => {
        if (client !== c)
            return;
        client = null;
        void c.end().catch(() => { });
        if (stopped || role === 'follower')
            return;
        log.warn({ err: { message: why } }, 'lost the connection that holds the leader lock; taking it again');
        void claim();
    };
    const newClient = () => {
        const c = opts.connect();
        c.on('error', (err) => lost(c, err.message));
        return c;
    };
    /** A session of ours the server still keeps (it holds the lock): ended, so we can take the lock again. */
    const endStaleSession = async (c) => {
        if (!session)
            return false;
        const old = session;
        try {
            await c.query(`BEGIN`);
            await c.query(`SET LOCAL lock_timeout = '3s'`);
            // pid and start time name one session: a reused pid after a server restart is not ours.
            // The lock is requested (waiting) in the same statement that ends the session, so it
            // is ours the moment it is released: a follower's try-lock cannot slip in between.
            const { rows } = await c.query(`SELECT CASE WHEN pg_terminate_backend(pid) THEN (SELECT true FROM pg_advisory_lock($3::bigint)) ELSE false END AS ok
           FROM pg_stat_activity WHERE pid = $1 AND ${STARTED_US} = $2`, [old.pid, old.startedUs, key]);
            await c.query(`COMMIT`);
            if (!rows[0]?.ok)
                return false;
            log.info({ pid: old.pid }, 'the server still kept our previous lock session after the outage; ended it and took the lock');
            return true;
        }
        catch (err) {
            await c.query('ROLLBACK').catch(() => { });
            // Not allowed to end it (a session of another role), or it did not let go in time:
            // treated as held by someone else. Anything else (the store went away again) is an
            // outage, handled by the caller.
            const code = err.code;
            if (code !== '42501' && code !== '55P03')
                throw err;
            log.warn({ err: { message: err.message } }, 'could not end our previous lock session');
        }
        return false;
    };
    const tryOnce = async () => {
        if (stopped)
            return false;
        if (client) {
            const held = client;
            try {
                await held.query('SELECT 1');
                return true;
            }
            catch (err) {
                lost(held, err.message);
                return tryLock();
            }
        }
        return tryLock();
    };
    const tryLock = async () => {
        if (stopped)
            return false;
        const c = newClient();
        try {
            await c.connect();
            reachable();
            if (role === 'follower' && outageSeen) {
                reachableSince ??= Date.now();
                if (Date.now() - reachableSince < graceMs) {
                    // The replica that led through the outage gets the lock back first.
                    await c.end().catch(() => { });
                    return false;
                }
            }
            outageSeen = false;
            reachableSince = null;
            const { rows } = await c.query(`SELECT pg_try_advisory_lock($1::bigint) AS ok, pg_backend_pid() AS pid,
                (SELECT ${STARTED_US} FROM pg_stat_activity WHERE pid = pg_backend_pid()) AS started`, [key]);
            let ok = Boolean(rows[0]?.ok);
            if (!ok && role !== 'follower')
                ok = await endStaleSession(c);
            if (ok && !stopped) {
                client = c;
                session = { pid: rows[0].pid, startedUs: rows[0].started };
                if (role === 'leader') {
                    // The session was lost but the store answered at once and the lock was free: say so.
                    log.info('took the leader lock again on a new session');
                    opts.onChange?.(false);
                    opts.onChange?.(true);
                }
                become('leader');
                return true;
            }
            await c.end().catch(() => { });
            session = null;
            become('follower');
            return false;
        }
        catch (err) {
            unreachable(err.message);
            await c.end().catch(() => { });
            if (role === 'leader')
                become('degraded');
            if (role === 'follower') {
                outageSeen = true;
                reachableSince = null;
            }
            return role !== 'follower';
        }
    };
    function claim() {
        attempt ??= tryOnce().finally(() => (attempt = null));
        return attempt;
    }
    return {
        replica,
        isLeader: () => role !== 'follower',
        isDegraded: () => role === 'degraded',
        role: () => role,
        claim,
        async start() {
            stopped = false;
            await claim();
            timer = setInterval(() => void claim(), opts.intervalMs);
            timer.unref();
        },
        async stop() {
            stopped = true;
            clearInterval(timer);
            await attempt?.catch(() => false);
            const c = client;
            client = null;
            if (c) {
                await c.query('SELECT pg_advisory_unlock($1::bigint)', [key]).catch(() => { });
                await c.end().catch(() => { });
            }
            if (role !== 'follower') {
                role = 'follower';
                log.info('stopped leading (shutting down); another replica takes over at its next try');
                opts.onChange?.(false);
            }
        },
    };
}
/** Connection settings for the leader's session, taken from the store's pool. */
export function leaderClientFactory(pool) {
    const o = pool.options;
    return () => new (pgModule().Client)({
        connectionString: o.connectionString,
        host: o.host,
        port: o.port,
        user: o.user,
        password: o.password,
        database: o.database,
        ssl: o.ssl,
        connectionTimeoutMillis: o.connectionTimeoutMillis ?? 5_000,
        query_timeout: 5_000,
        keepAlive: true,
        application_name: 'ctx-ops-leader',
    });
}
