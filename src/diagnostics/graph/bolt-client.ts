import type neo4jModule from 'neo4j-driver';
import type { Driver } from 'neo4j-driver';
import { lazyRequire } from '../../util/lazy-require.js';
import type { Logger } from 'pino';
import { raceAbort } from '../../postgres/pg-access.js';
import { boltHandshake } from './bolt-handshake.js';
import type { Budget } from './budget.js';
import { classifyBoltError, type GraphFailure } from './errors.js';
import type { OrgGraphState } from './status-rules.js';
import type { BoltTarget } from './target.js';

const neo4jDriver = lazyRequire<typeof neo4jModule>('neo4j-driver');

export const BOLT_COUNT_QUERY = 'MATCH (n) RETURN count(n) AS nodes';

export interface OpenBolt {
  driver: Driver;
  agent: string;
  protocol: string;
  handshakeMs: number;
  close(): Promise<void>;
}

export type OpenBoltResult = ({ ok: true } & OpenBolt) | { ok: false; failure: GraphFailure; step: string };

/**
 * A neo4j-driver connection made the way ctx| makes it (basic auth with GRAPH_DB_USER /
 * GRAPH_DB_PASSWORD), with every wait tied to the budget and the driver closed when it is
 * spent. The version handshake goes first on a socket of our own (see boltHandshake).
 */
export async function openBolt(
  t: BoltTarget,
  creds: { user: string; password: string },
  budget: Budget,
  log: Logger,
): Promise<OpenBoltResult> {
  const hs = await boltHandshake(t, budget.signal, t.uri.includes('+ssc:'));
  if (!hs.ok)
    return {
      ok: false,
      failure: hs.failure,
      step: hs.layer === 'tcp' ? 'TCP connect' : hs.layer === 'tls' ? 'TLS handshake' : 'Bolt handshake',
    };

  const neo4j = await neo4jDriver.soon();
  const remaining = Math.max(1, budget.remainingMs());
  const driver = neo4j.driver(t.uri, neo4j.auth.basic(creds.user, creds.password), {
    connectionTimeout: remaining,
    connectionAcquisitionTimeout: remaining,
    maxConnectionPoolSize: 4,
    maxTransactionRetryTime: 0,
    disableLosslessIntegers: true,
    userAgent: 'ctx-ops',
    logging: { level: 'warn', logger: (level, message) => log.debug({ level, message }, 'neo4j-driver') },
  });
  const close = () => void driver.close().catch(() => {});
  budget.signal.addEventListener('abort', close, { once: true });
  const release = async () => {
    budget.signal.removeEventListener('abort', close);
    await driver.close().catch(() => {});
  };
  try {
    const info = await raceAbort(driver.getServerInfo(), budget.signal);
    const v = info.protocolVersion as unknown as { major?: number; minor?: number } | number | undefined;
    const protocol = typeof v === 'object' && v ? `${v.major}.${v.minor}` : String(v ?? hs.version);
    return { ok: true, driver, agent: info.agent ?? 'unknown', protocol, handshakeMs: hs.ms, close: release };
  } catch (err) {
    await release();
    const failure: GraphFailure = budget.signal.aborted
      ? {
          kind: 'timeout',
          message: 'the Bolt handshake worked, but the login (HELLO/LOGON) got no answer before the deadline',
        }
      : classifyBoltError(err);
    return { ok: false, failure, step: 'login' };
  }
}

/** The node count of one database (undefined: the server's default, as for one instance per org). */
export async function countNodes(
  driver: Driver,
  database: string | undefined,
  signal: AbortSignal,
): Promise<{ state: OrgGraphState; failure?: GraphFailure }> {
  const neo4j = neo4jDriver();
  const session = driver.session({ defaultAccessMode: neo4j.session.READ, ...(database ? { database } : {}) });
  try {
    const result = await raceAbort(session.run(BOLT_COUNT_QUERY), signal);
    const value = result.records[0]?.get('nodes');
    const nodes =
      typeof value === 'number' ? value : neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : null;
    return { state: { kind: 'present', nodes } };
  } catch (err) {
    if (signal.aborted) return { state: { kind: 'not-probed' } };
    const failure = classifyBoltError(err);
    if (failure.neo4jCode === 'Neo.ClientError.Database.DatabaseNotFound')
      return { state: { kind: 'missing' }, failure };
    return { state: { kind: 'error' }, failure };
  } finally {
    void session.close().catch(() => {});
  }
}
