import { lazyRequire } from '../../util/lazy-require.js';
import { raceAbort } from '../../postgres/pg-access.js';
import { boltHandshake } from './bolt-handshake.js';
import { classifyBoltError } from './errors.js';
const neo4jDriver = lazyRequire('neo4j-driver');
export const BOLT_COUNT_QUERY = 'MATCH (n) RETURN count(n) AS nodes';
/**
 * A neo4j-driver connection made the way ctx| makes it (basic auth with GRAPH_DB_USER /
 * GRAPH_DB_PASSWORD), with every wait tied to the budget and the driver closed when it is
 * spent. The version handshake goes first on a socket of our own (see boltHandshake).
 */
export async function openBolt(t, creds, budget, log) {
    const hs = await boltHandshake(t, budget.signal, t.uri.includes('+ssc:'));
    if (!hs.ok)
        return {
            ok: false,
            failure: hs.failure,
            step: hs.layer === 'tcp' ? 'TCP connect' : hs.layer === 'tls' ? 'TLS handshake' : 'Bolt handshake',
        };
    const remaining = Math.max(1, budget.remainingMs());
    const neo4j = neo4jDriver();
    const driver = neo4j.driver(t.uri, neo4j.auth.basic(creds.user, creds.password), {
        connectionTimeout: remaining,
        connectionAcquisitionTimeout: remaining,
        maxConnectionPoolSize: 4,
        maxTransactionRetryTime: 0,
        disableLosslessIntegers: true,
        userAgent: 'ctx-ops',
        logging: { level: 'warn', logger: (level, message) => log.debug({ level, message }, 'neo4j-driver') },
    });
    const close = () => void driver.close().catch(() => { });
    budget.signal.addEventListener('abort', close, { once: true });
    const release = async () => {
        budget.signal.removeEventListener('abort', close);
        await driver.close().catch(() => { });
    };
    try {
        const info = await raceAbort(driver.getServerInfo(), budget.signal);
        const v = info.protocolVersion;
        const protocol = typeof v === 'object' && v ? `${v.major}.${v.minor}` : String(v ?? hs.version);
        return { ok: true, driver, agent: info.agent ?? 'unknown', protocol, handshakeMs: hs.ms, close: release };
    }
    catch (err) {
        await release();
        const failure = budget.signal.aborted
            ? {
                kind: 'timeout',
                message: 'the Bolt handshake worked, but the login (HELLO/LOGON) got no answer before the deadline',
            }
            : classifyBoltError(err);
        return { ok: false, failure, step: 'login' };
    }
}
/** The node count of one database (undefined: the server's default, as for one instance per org). */
export async function countNodes(driver, database, signal) {
    const neo4j = neo4jDriver();
    const session = driver.session({ defaultAccessMode: neo4j.session.READ, ...(database ? { database } : {}) });
    try {
        const result = await raceAbort(session.run(BOLT_COUNT_QUERY), signal);
        const value = result.records[0]?.get('nodes');
        const nodes = typeof value === 'number' ? value : neo4j.isInt(value) ? value.toNumber() : null;
        return { state: { kind: 'present', nodes } };
    }
    catch (err) {
        if (signal.aborted)
            return { state: { kind: 'not-probed' } };
        const failure = classifyBoltError(err);
        if (failure.neo4jCode === 'Neo.ClientError.Database.DatabaseNotFound')
            return { state: { kind: 'missing' }, failure };
        return { state: { kind: 'error' }, failure };
    }
    finally {
        void session.close().catch(() => { });
    }
}
