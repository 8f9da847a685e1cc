import { thousands } from '../../util/format.js';
import pLimit from 'p-limit';
import type { CtxEnv, GraphProvider } from '../../config/ctx-env.js';
import { ms } from '../findings.js';
import { countNodes, openBolt, type OpenBolt } from './bolt-client.js';
import { describeGraphFailure } from './errors.js';
import type { ProbeDeps } from './falkordb.js';
import { reportOrgs, type OrgProbe } from './org-report.js';
import type { Org } from './orgs.js';
import { agentMismatch, capNote, nextStep } from './status-rules.js';
import {
  boltCredentials,
  boltTarget,
  DEFAULT_GRAPH_DB_URI,
  nearMissVariable,
  ORG_URI_PREFIX,
  orgUriVariables,
} from './target.js';

/** Probes per server at once: enough to cover 50 orgs in a few round trips, few enough for a small server. */
const CONCURRENCY = 4;

const TITLE: Record<GraphProvider, string> = {
  falkordb: 'FalkorDB',
  'neo4j-enterprise': 'Neo4j Enterprise',
  memgraph: 'Memgraph',
  'neo4j-community': 'Neo4j Community',
  neptune: 'Neptune',
};

/**
 * Neo4j Enterprise / Memgraph: one shared server, one database per org named by the org id
 * (upstream runs every org query with `{ database: orgId }`).
 */
export async function probeBoltShared(env: CtxEnv, provider: GraphProvider, deps: ProbeDeps): Promise<string> {
  const { f, budget } = deps;
  const title = TITLE[provider];
  if (!env.GRAPH_DB_URI) {
    f.fail(
      `GRAPH_DB_URI is not set: ctx| falls back to ${DEFAULT_GRAPH_DB_URI}, which ${title} cannot serve; set GRAPH_DB_URI=bolt://<host>:7687`,
    );
    return 'GRAPH_DB_URI is not set';
  }
  const target = boltTarget(env.GRAPH_DB_URI, 'GRAPH_DB_URI');
  if ('error' in target) {
    f.fail(target.error);
    return target.error;
  }
  noteUri(deps, target, 'GRAPH_DB_URI');
  const creds = boltCredentials(env);
  const conn = await openBolt(target, creds, budget, deps.log);
  if (!conn.ok) {
    f.fail(`${conn.step}: ${describeGraphFailure(conn.failure, target.display)}`);
    f.info(nextStep(conn.failure.kind, 'bolt'));
    return conn.failure.kind === 'auth'
      ? `login to ${title} refused: check GRAPH_DB_USER / GRAPH_DB_PASSWORD`
      : `${title} unreachable: ${describeGraphFailure(conn.failure, target.display)}`;
  }
  try {
    reportLogin(deps, conn, target.display, creds.user, provider);
    const orgs = await deps.orgs;
    if (!orgs.ok) {
      f.info(
        `per-org checks skipped because Postgres is unavailable (${orgs.reason}); the connection checks above stand on their own`,
      );
      return `${title} at ${target.display} (${conn.agent}): reachable (per-org checks skipped: Postgres unavailable)`;
    }
    const { list } = orgs;
    if (!list.orgs.length) {
      f.info('no organizations in Postgres yet: no per-org database to look for');
      return `${title} at ${target.display} (${conn.agent}): reachable, no organizations yet`;
    }
    const limit = pLimit(CONCURRENCY);
    const probes = await Promise.all(
      list.orgs.map((org) =>
        limit(async (): Promise<OrgProbe> => {
          if (budget.signal.aborted) return { org, state: { kind: 'not-probed' } };
          const r = await countNodes(conn.driver, org.id, budget.signal);
          const note =
            r.state.kind === 'error' && r.failure
              ? `database ${org.id}: ${describeGraphFailure(r.failure, target.display)}`
              : undefined;
          return { org, state: r.state, ...(note ? { note } : {}) };
        }),
      ),
    );
    const tally = reportOrgs(f, 'bolt', probes, list.ingestion);
    const cap = capNote(list.orgs.length, list.total, 'maxOrgs');
    if (cap) f.info(cap);
    const missing = probes.filter((p) => p.state.kind === 'missing').length;
    if (missing && provider === 'neo4j-enterprise') {
      f.info(
        'create each missing database as an admin on the system database: CREATE DATABASE `<org id>` (Neo4j Community has a single database: use GRAPH_DB_PROVIDER=neo4j-community with GRAPH_DB_URI_<orgSlug> per org instead)',
      );
    }
    const problems = tally.warn + tally.fail;
    return `${title} at ${target.display} (${conn.agent}): ${missing ? `${missing} of ${list.orgs.length} org databases missing` : `${list.orgs.length - problems} of ${list.orgs.length} org databases healthy`}`;
  } finally {
    await conn.close();
  }
}

/**
 * Neo4j Community / Neptune: one instance per org at GRAPH_DB_URI_<orgSlug>, looked up by
 * the exact slug; GRAPH_DB_URI is not a fallback. Each instance's default database is read.
 */
export async function probeBoltPerInstance(env: CtxEnv, provider: GraphProvider, deps: ProbeDeps): Promise<string> {
  const { f } = deps;
  const title = TITLE[provider];
  const vars = orgUriVariables(env.raw);
  if (env.GRAPH_DB_URI)
    f.info(
      `GRAPH_DB_URI is set but ${title} uses one instance per org: ctx| reads only GRAPH_DB_URI_<orgSlug> (no fallback)`,
    );
  if (provider === 'neptune') {
    f.info(
      'Neptune: checked per org are the URI, TCP/TLS, the Bolt handshake, a basic-auth login with GRAPH_DB_USER/GRAPH_DB_PASSWORD (what ctx| sends) and a read-only count; not checked: IAM database authentication (ctx| does not sign requests, so an IAM-enabled cluster refuses it), the cluster and instance state in AWS, security groups beyond reachability from this bot',
    );
  }
  const creds = boltCredentials(env);

  const orgs = await deps.orgs;
  if (!orgs.ok) {
    f.info(
      `per-org checks skipped because Postgres is unavailable (${orgs.reason}): which orgs need a GRAPH_DB_URI_<orgSlug> is unknown; probing the ${vars.size} variable(s) that are set`,
    );
    if (!vars.size) {
      f.warn(`no ${ORG_URI_PREFIX}<orgSlug> variable is set: ${title} needs one per org`);
      return `${title}: no ${ORG_URI_PREFIX}<orgSlug> set (per-org checks skipped: Postgres unavailable)`;
    }
    const pseudo = [...vars.keys()]
      .slice(0, deps.maxOrgs)
      .map((slug) => ({ id: `${ORG_URI_PREFIX}${slug}`, slug, name: slug }));
    const probes = await probeInstances(pseudo, vars, creds, provider, deps);
    for (const p of probes) {
      if (p.state.kind === 'present')
        f.ok(
          `${ORG_URI_PREFIX}${p.org.slug}: ${p.note}: ${p.state.nodes === null ? 'reachable' : `${thousands(p.state.nodes)} nodes`}`,
        );
      else if (p.state.kind === 'not-probed')
        f.warn(`${ORG_URI_PREFIX}${p.org.slug}: not probed, the check's deadline came first`);
      else f.fail(p.note ?? `${ORG_URI_PREFIX}${p.org.slug}: failed`);
    }
    const cap = capNote(pseudo.length, vars.size, 'maxOrgs');
    if (cap) f.info(cap.replace('organizations', `${ORG_URI_PREFIX}* variables`));
    const bad = probes.filter((p) => p.state.kind !== 'present').length;
    return `${title}: ${probes.length - bad} of ${probes.length} instances reachable (per-org checks skipped: Postgres unavailable)`;
  }

  const { list } = orgs;
  if (!list.orgs.length) {
    f.info(`no organizations in Postgres yet: no ${ORG_URI_PREFIX}<orgSlug> is needed`);
    return `${title}: no organizations yet`;
  }
  const probes = await probeInstances(list.orgs, vars, creds, provider, deps);
  const tally = reportOrgs(f, 'bolt', probes, list.ingestion);
  const cap = capNote(list.orgs.length, list.total, 'maxOrgs');
  if (cap) f.info(cap);
  else {
    const slugs = new Set(list.orgs.map((o) => o.slug));
    const stale = [...vars.keys()].filter(
      (s) => !slugs.has(s) && !list.orgs.some((o) => nearMissVariable(o.slug, [s])),
    );
    if (stale.length)
      f.info(`${stale.map((s) => ORG_URI_PREFIX + s).join(', ')} match no organization slug (deleted org, or a typo)`);
  }
  const noUri = probes.filter((p) => p.state.kind === 'no-uri').length;
  const problems = tally.warn + tally.fail;
  const parts = [
    noUri ? `${noUri} of ${list.orgs.length} orgs without ${ORG_URI_PREFIX}<orgSlug>` : '',
    problems - noUri > 0 ? `${problems - noUri} instance problem(s)` : '',
  ].filter(Boolean);
  return `${title}: ${parts.length ? parts.join(', ') : `all ${list.orgs.length} org instances healthy`}`;
}

async function probeInstances(
  orgs: Org[],
  vars: Map<string, string>,
  creds: { user: string; password: string },
  provider: GraphProvider,
  deps: ProbeDeps,
): Promise<OrgProbe[]> {
  const { budget } = deps;
  const limit = pLimit(CONCURRENCY);
  return Promise.all(
    orgs.map((org) =>
      limit(async (): Promise<OrgProbe> => {
        const variable = `${ORG_URI_PREFIX}${org.slug}`;
        const uri = vars.get(org.slug);
        if (!uri) {
          const near = nearMissVariable(org.slug, vars.keys());
          const hint = near ? `; ${near} is set, but the name must match the slug exactly` : '';
          return {
            org,
            state: { kind: 'no-uri' },
            note: `${variable} is not set: ctx| refuses this org's graph ("${variable} required for instance-per-tenant"); there is no fallback to GRAPH_DB_URI${hint}`,
          };
        }
        const target = boltTarget(uri, variable);
        if ('error' in target) return { org, state: { kind: 'error' }, note: target.error };
        if (budget.signal.aborted) return { org, state: { kind: 'not-probed' } };
        const conn = await openBolt(target, creds, budget, deps.log);
        if (!conn.ok) {
          if (budget.signal.aborted && conn.failure.kind !== 'timeout') return { org, state: { kind: 'not-probed' } };
          const tlsHint =
            provider === 'neptune' && !target.tls && ['reset', 'timeout', 'tls'].includes(conn.failure.kind)
              ? '; Neptune expects TLS: try bolt+s://'
              : '';
          return {
            org,
            state: { kind: 'error' },
            note: `${variable} → ${target.display}: ${conn.step}: ${describeGraphFailure(conn.failure, target.display)}; ${nextStep(conn.failure.kind, 'bolt')}${tlsHint}`,
          };
        }
        try {
          const r = await countNodes(conn.driver, undefined, budget.signal);
          const mismatch = agentMismatch(provider, conn.agent);
          const seen = `instance ${target.display} (${conn.agent}, Bolt ${conn.protocol}, login as ${creds.user})`;
          if (r.state.kind === 'present')
            return { org, state: r.state, note: mismatch ? `${seen}; ${mismatch}` : seen };
          const why = r.failure ? describeGraphFailure(r.failure, target.display) : 'not probed before the deadline';
          return {
            org,
            state: r.state.kind === 'not-probed' ? r.state : { kind: 'error' },
            note: `${variable} → ${seen}: the count query failed: ${why}`,
          };
        } finally {
          await conn.close();
        }
      }),
    ),
  );
}

function noteUri(deps: ProbeDeps, target: { userinfoIgnored: boolean; routing: boolean }, variable: string) {
  if (target.userinfoIgnored)
    deps.f.info(
      `${variable} carries credentials (not shown), which neo4j-driver ignores: ctx| logs in with GRAPH_DB_USER / GRAPH_DB_PASSWORD`,
    );
  if (target.routing)
    deps.f.info(
      `${variable} uses neo4j://, so the driver asks for a routing table first (fine for a cluster; bolt:// talks to this one server)`,
    );
}

function reportLogin(deps: ProbeDeps, conn: OpenBolt, where: string, user: string, provider: GraphProvider) {
  deps.f.ok(`Bolt handshake with ${where} in ${ms(conn.handshakeMs)}`);
  deps.f.ok(`logged in as ${user}: server ${conn.agent}, Bolt ${conn.protocol}`);
  const mismatch = agentMismatch(provider, conn.agent);
  if (mismatch) deps.f.warn(mismatch);
}
