import { thousands } from '../../util/format.js';
import type { Findings } from '../findings.js';
import type { Status } from '../../contracts/checks.js';
import type { Org, OrgIngestion } from './orgs.js';
import { orgGraphStatus, type GraphEngine, type OrgGraphState } from './status-rules.js';

export interface OrgProbe {
  org: Org;
  state: OrgGraphState;
  /** What was seen beyond the state: a failure sentence, the instance URI. */
  note?: string;
}

/** Up to this many healthy orgs get a line each; beyond it they are summed up in one. */
const LIST_HEALTHY = 10;

const n = thousands;
const orgName = (o: Org) => `org ${o.slug} (${o.id})`;
const ingestedText = (i: OrgIngestion) => `${i.ingested} of ${i.repositories} repositories ingested`;

function line(engine: GraphEngine, p: OrgProbe, ingestion: OrgIngestion | null | undefined): string {
  const where = p.note ? ` ${p.note}` : '';
  const s = p.state;
  switch (s.kind) {
    case 'present': {
      const what = engine === 'falkordb' ? `graph ${p.org.id}` : (p.note ?? `database ${p.org.id}`);
      const nodes = s.nodes === null ? 'reachable' : `${n(s.nodes)} nodes`;
      if (s.nodes === 0 && ingestion && ingestion.ingested > 0) {
        return `${orgName(p.org)}: ${what} is empty although ${ingestedText(ingestion)}: the graph projection did not run or wrote elsewhere; re-run ingestion`;
      }
      return `${orgName(p.org)}: ${what}: ${nodes}`;
    }
    case 'missing':
      if (engine === 'bolt') {
        return `${orgName(p.org)}: database ${p.org.id} does not exist${where}: ctx| reads this org's graph from a database named by the org id, which Neo4j Enterprise and Memgraph do not create on their own (an admin runs CREATE DATABASE)`;
      }
      if (!ingestion)
        return `${orgName(p.org)}: no graph ${p.org.id} in GRAPH.LIST; whether any repository was ingested is unknown (the repositories table could not be read)`;
      if (ingestion.ingested > 0) {
        return `${orgName(p.org)}: no graph ${p.org.id} in GRAPH.LIST although ${ingestedText(ingestion)}: the graph data is gone (FalkorDB restarted without persistence?); re-run ingestion to rebuild it`;
      }
      return `${orgName(p.org)}: no graph yet (${ingestedText(ingestion)}); FalkorDB creates it on the first ingestion`;
    case 'no-uri':
      return `${orgName(p.org)}: ${p.note ?? 'no per-org URI'}`;
    case 'error':
      return `${orgName(p.org)}: ${p.note ?? 'the graph query failed'}`;
    case 'not-probed':
      return `${orgName(p.org)}: not probed, the check's deadline came first`;
  }
}

export interface OrgTally {
  ok: number;
  warn: number;
  fail: number;
  nodes: number;
}

/** One finding per org (healthy ones summed up past a few), and the tally for the summary. */
export function reportOrgs(
  f: Findings,
  engine: GraphEngine,
  probes: OrgProbe[],
  ingestion: Map<string, OrgIngestion> | null,
): OrgTally {
  const tally: OrgTally = { ok: 0, warn: 0, fail: 0, nodes: 0 };
  const rated = probes.map((p) => {
    const ing = ingestion?.get(p.org.id) ?? (ingestion ? { repositories: 0, ingested: 0 } : null);
    const status = orgGraphStatus(engine, p.state, ing) as Exclude<Status, 'skip'>;
    tally[status]++;
    if (p.state.kind === 'present' && p.state.nodes) tally.nodes += p.state.nodes;
    return { p, ing, status };
  });
  const healthy = rated.filter((r) => r.status === 'ok');
  if (healthy.length > LIST_HEALTHY) {
    const graphs = healthy.filter((r) => r.p.state.kind === 'present').length;
    f.ok(
      `${healthy.length} orgs healthy: ${graphs} with a graph holding ${n(tally.nodes)} nodes in all${healthy.length > graphs ? `, ${healthy.length - graphs} with nothing ingested yet` : ''}`,
    );
  }
  for (const r of rated) {
    if (r.status === 'ok' && healthy.length > LIST_HEALTHY) continue;
    const text = line(engine, r.p, r.ing);
    if (r.status === 'ok') f.ok(text);
    else if (r.status === 'warn') f.warn(text);
    else f.fail(text);
  }
  return tally;
}
