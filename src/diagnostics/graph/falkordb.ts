import { thousands } from '../../util/format.js';
import type * as ioredis from 'ioredis';
import { lazyRequire } from '../../util/lazy-require.js';
import type { Logger } from 'pino';
import type { CtxEnv } from '../../config/ctx-env.js';
import { ms, type Findings } from '../findings.js';
import { raceAbort } from '../../postgres/pg-access.js';
import type { Budget } from './budget.js';
import { classifyRedisError, describeGraphFailure, type GraphFailure } from './errors.js';
import { parseCountReply } from './falkordb-reply.js';
import { reportOrgs, type OrgProbe } from './org-report.js';
import type { OrgsOutcome } from './orgs.js';
import { capNote, nextStep } from './status-rules.js';
import { DEFAULT_GRAPH_DB_URI, redisTarget, type RedisTarget } from './target.js';

const ioredisModule = lazyRequire<typeof ioredis>('ioredis');

export const COUNT_QUERY = 'MATCH (n) RETURN count(n)';

export interface ProbeDeps {
  f: Findings;
  budget: Budget;
  log: Logger;
  /** Started by the caller in parallel with the connection; awaited only when needed. */
  orgs: Promise<OrgsOutcome>;
  maxOrgs: number;
}

/** A Redis connection that never retries, never queues offline and dies with the budget. */
function connectBounded(t: RedisTarget, budget: Budget) {
  const client = new (ioredisModule().Redis)({
    host: t.host,
    port: t.port,
    lazyConnect: true,
    connectTimeout: Math.max(1, budget.remainingMs()),
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    reconnectOnError: () => false,
    // No INFO ready check and no CLIENT SETINFO: the check needs only PING, GRAPH.LIST and
    // GRAPH.RO_QUERY, so a least-privilege ACL user is enough.
    enableReadyCheck: false,
    disableClientInfo: true,
    enableOfflineQueue: false,
    // Our close destroys the socket itself; ioredis's own 2 s "still open?" timer would
    // otherwise outlive a socket that had already closed (an unresolvable host) and hold
    // `ctx-ops status` open for 2 s after its answer.
    disconnectTimeout: 1,
    autoResubscribe: false,
    autoResendUnfulfilledCommands: false,
    ...(t.tls ? { tls: { servername: t.host } } : {}),
  });
  let socketError: unknown;
  client.on('error', (err) => (socketError = err));
  // disconnect() only half-closes (end) and waits for the server's FIN; a hung server never
  // sends it, so the socket is destroyed outright.
  const close = () => {
    client.disconnect(false);
    (client.stream as typeof client.stream | undefined)?.destroy();
  };
  budget.signal.addEventListener('abort', close, { once: true });
  return {
    client,
    socketError: () => socketError,
    close() {
      budget.signal.removeEventListener('abort', close);
      close();
    },
  };
}

/**
 * FalkorDB as ctx| uses it: Redis protocol, AUTH with the user (default "default") when a
 * password is configured, one graph per org named by the org id. Reads only: PING,
 * GRAPH.LIST and a read-only count per org graph.
 */
export async function probeFalkorDb(env: CtxEnv, deps: ProbeDeps): Promise<string> {
  const { f, budget } = deps;
  if (!env.GRAPH_DB_URI) f.info(`GRAPH_DB_URI is not set: ctx| uses its default ${DEFAULT_GRAPH_DB_URI}`);
  const target = redisTarget(env.GRAPH_DB_URI ?? DEFAULT_GRAPH_DB_URI, env);
  if ('error' in target) {
    f.fail(target.error);
    return target.error;
  }
  const where = target.display;
  await ioredisModule.soon();
  const conn = connectBounded(target, budget);
  let step = 'connecting';
  const started = performance.now();
  const fail = (err: unknown): string => {
    let failure: GraphFailure;
    if (budget.signal.aborted) {
      const reached = step === 'connecting' ? 'no TCP connection' : `connected, but no answer to ${step}`;
      failure = { kind: 'timeout', message: `${reached} within ${budget.totalMs} ms` };
    } else {
      failure = classifyRedisError(err, conn.socketError());
    }
    if (failure.kind === 'auth' && failure.code === 'NOAUTH' && !target.password) {
      f.fail(
        `${where} requires a password, but neither GRAPH_DB_PASSWORD nor GRAPH_DB_URI has one (${failure.message})`,
      );
    } else {
      f.fail(`${step}: ${describeGraphFailure(failure, where)}`);
    }
    f.info(nextStep(failure.kind, 'falkordb'));
    return failure.kind === 'module-missing'
      ? `${where} is Redis without the FalkorDB module`
      : failure.kind === 'auth'
        ? `login to FalkorDB refused (${failure.code ?? 'auth'}): check GRAPH_DB_USER / GRAPH_DB_PASSWORD`
        : `FalkorDB unreachable: ${describeGraphFailure(failure, where)}`;
  };

  try {
    await raceAbort(conn.client.connect(), budget.signal);
    f.ok(`TCP${target.tls ? '+TLS' : ''} connection to ${where} in ${ms(performance.now() - started)}`);
    const call = (...args: string[]) => raceAbort(conn.client.call(args[0]!, ...args.slice(1)), budget.signal);

    if (target.password) {
      step = 'AUTH';
      await call('AUTH', target.username, target.password);
      f.ok(`AUTH as ${target.username} accepted (password from ${target.passwordFrom})`);
    } else {
      f.info(`no password configured (GRAPH_DB_PASSWORD unset): connecting as ${target.username} without AUTH`);
    }
    if (target.db !== 0) {
      step = `SELECT ${target.db}`;
      await call('SELECT', String(target.db));
    }
    step = 'PING';
    const pingStarted = performance.now();
    const pong = await call('PING');
    if (pong !== 'PONG') {
      f.fail(
        `PING answered ${JSON.stringify(String(pong).slice(0, 40))} instead of PONG: ${where} is not a Redis-protocol server`,
      );
      return `${where} does not answer like FalkorDB`;
    }
    f.ok(`PING → PONG in ${ms(performance.now() - pingStarted)}`);

    step = 'GRAPH.LIST';
    const listed = await call('GRAPH.LIST');
    const graphs = Array.isArray(listed) ? listed.map(String) : [];
    f.ok(`GRAPH.LIST: the FalkorDB module answers, ${graphs.length} graph${graphs.length === 1 ? '' : 's'}`);

    // Bounded by the budget already, and never rejects: a hung Postgres is not the graph's fault.
    const orgs = await deps.orgs;
    if (!orgs.ok) {
      f.info(
        `per-org checks skipped because Postgres is unavailable (${orgs.reason}); the connection checks above stand on their own`,
      );
      if (graphs.length)
        f.info(
          `graphs on the server: ${graphs.slice(0, 10).join(', ')}${graphs.length > 10 ? ` and ${graphs.length - 10} more` : ''}`,
        );
      return `FalkorDB at ${where}: ${graphs.length} graph${graphs.length === 1 ? '' : 's'} (per-org checks skipped: Postgres unavailable)`;
    }
    const { list } = orgs;
    if (!list.orgs.length) {
      f.info('no organizations in Postgres yet: nothing to compare the graphs with');
      return `FalkorDB at ${where}: ${graphs.length} graph${graphs.length === 1 ? '' : 's'}, no organizations yet`;
    }

    step = 'GRAPH.RO_QUERY';
    const present = new Set(graphs);
    const probes = await Promise.all(
      list.orgs.map(async (org): Promise<OrgProbe> => {
        if (!present.has(org.id)) return { org, state: { kind: 'missing' } };
        try {
          const reply = await call('GRAPH.RO_QUERY', org.id, COUNT_QUERY, '--compact');
          const nodes = parseCountReply(reply);
          if (nodes === null)
            return { org, state: { kind: 'error' }, note: `GRAPH.RO_QUERY ${org.id} answered in an unexpected shape` };
          return { org, state: { kind: 'present', nodes } };
        } catch (err) {
          if (budget.signal.aborted) return { org, state: { kind: 'not-probed' } };
          const failure = classifyRedisError(err, conn.socketError());
          return {
            org,
            state: { kind: 'error' },
            note: `GRAPH.RO_QUERY ${org.id} failed: ${describeGraphFailure(failure, where)}`,
          };
        }
      }),
    );
    const tally = reportOrgs(f, 'falkordb', probes, list.ingestion);
    const cap = capNote(list.orgs.length, list.total, 'maxOrgs');
    if (cap) f.info(cap);
    if (list.ingestion === null)
      f.info('the repositories table could not be read, so a missing graph cannot be told from "nothing ingested yet"');
    if (!cap) {
      const known = new Set(list.orgs.map((o) => o.id));
      const orphans = graphs.filter((g) => !known.has(g));
      if (orphans.length)
        f.info(
          `${orphans.length} graph(s) belong to no organization in Postgres (deleted orgs or other apps): ${orphans.slice(0, 5).join(', ')}${orphans.length > 5 ? ' …' : ''}`,
        );
    }
    const problems = tally.warn + tally.fail;
    return `FalkorDB at ${where}: ${list.orgs.length - problems} of ${list.orgs.length} orgs healthy${list.total > list.orgs.length ? ` (first ${list.orgs.length} of ${list.total})` : ''}, ${thousands(tally.nodes)} nodes`;
  } catch (err) {
    return fail(err);
  } finally {
    conn.close();
  }
}
