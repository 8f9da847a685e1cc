import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/contracts/checks.js';
import {
  createConnectionsTable,
  createOrganizationsTable,
  createRepositoriesTable,
  insertOrg,
  insertRepo,
} from '../../support/ctx-schema.js';
import { buildBot, type Harness } from '../../support/harness.js';
import { closedPort, startSilentTcp } from '../../support/net.js';
import { createTestDatabase, type TestDatabase } from '../../support/pg.js';
import { startRespStub, type RespStub } from '../../support/resp-stub.js';

let db: TestDatabase;
let h: Harness | undefined;
const stubs: RespStub[] = [];

beforeAll(async () => {
  db = await createTestDatabase('graph_falkor');
  await createOrganizationsTable(db);
  await createConnectionsTable(db); // repositories references it
  await createRepositoriesTable(db);
});
afterAll(() => db.drop());
afterEach(async () => {
  await h?.close();
  h = undefined;
  await Promise.all(stubs.splice(0).map((s) => s.close()));
  await db.query('DELETE FROM repositories');
  await db.query('DELETE FROM organizations');
});

const stub = async (...args: Parameters<typeof startRespStub>) => {
  const s = await startRespStub(...args);
  stubs.push(s);
  return s;
};

/** Two orgs as upstream names them; acme has ingested repositories, globex has none. */
async function seedOrgs() {
  await insertOrg(db, { id: 'org_acme', slug: 'acme', name: 'Acme', createdAt: new Date('2026-01-01T00:00:00Z') });
  await insertOrg(db, {
    id: 'org_globex',
    slug: 'globex',
    name: 'Globex',
    createdAt: new Date('2026-02-01T00:00:00Z'),
  });
  await insertRepo(db, { orgId: 'org_acme', name: 'acme/api' });
  await insertRepo(db, { orgId: 'org_acme', name: 'acme/web' });
}

async function runGraph(
  env: Record<string, string>,
  yaml = '',
): Promise<{ graph: CheckResult; postgres: CheckResult | undefined }> {
  h = buildBot({ env: { DATABASE_URL: db.url, ...env }, yaml });
  const report = await h.bot.core.diagnostics.run('default', { only: ['graph'], maxAgeMs: 0 });
  return {
    graph: report.checks.find((c) => c.id === 'graph')!,
    postgres: report.checks.find((c) => c.id === 'postgres'),
  };
}

const text = (r: CheckResult) => [r.summary, ...r.details].join('\n');

/** Sockets close asynchronously on the server side; wait a little (bounded) for it. */
async function socketsDrain(s: { openSockets(): number }, withinMs = 2000): Promise<number> {
  const until = Date.now() + withinMs;
  while (s.openSockets() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return s.openSockets();
}

describe('graph check: FalkorDB over the Redis protocol', () => {
  it('is healthy with two orgs whose graphs exist, counting nodes with read-only queries', async () => {
    await seedOrgs();
    const s = await stub({ password: 'falkor-Secret-77', graphs: { org_acme: 1234, org_globex: 0 } });
    const { graph } = await runGraph({ GRAPH_DB_URI: s.url(), GRAPH_DB_PASSWORD: 'falkor-Secret-77' });

    expect(graph.status).toBe('ok');
    expect(graph.runbook).toBeUndefined();
    expect(graph.summary).toBe(`FalkorDB at redis://127.0.0.1:${s.port}: 2 of 2 orgs healthy, 1,234 nodes`);
    const t = text(graph);
    expect(t).toContain('AUTH as default accepted (password from GRAPH_DB_PASSWORD)');
    expect(t).toMatch(/PING → PONG in/);
    expect(t).toContain('GRAPH.LIST: the FalkorDB module answers, 2 graphs');
    expect(t).toContain('org acme (org_acme): graph org_acme: 1,234 nodes');
    expect(t).toContain('org globex (org_globex): graph org_globex: 0 nodes');
    // Only reads, and the count query in FalkorDB's compact form.
    const names = new Set(s.commands.map((c) => c[0]));
    expect([...names].sort()).toEqual(['AUTH', 'GRAPH.LIST', 'GRAPH.RO_QUERY', 'PING']);
    expect(s.commands).toContainEqual(['GRAPH.RO_QUERY', 'org_acme', 'MATCH (n) RETURN count(n)', '--compact']);
    expect(t + h!.logs.join('\n')).not.toContain('falkor-Secret-77');
    expect(await socketsDrain(s)).toBe(0);
  });

  it("names a plain Redis (the machine's real one) as Redis without the FalkorDB module", async () => {
    const { graph } = await runGraph({ GRAPH_DB_URI: 'redis://127.0.0.1:6379' });
    expect(graph.status).toBe('fail');
    expect(graph.summary).toBe('redis://127.0.0.1:6379 is Redis without the FalkorDB module');
    expect(graph.runbook).toBe('graph-fails');
    const t = text(graph);
    expect(t).toMatch(/PING → PONG/);
    expect(t).toContain('this is Redis without the FalkorDB module');
    expect(t).toContain('point GRAPH_DB_URI at the falkordb service');
  });

  it('tells a wrong password apart and never shows it', async () => {
    const s = await stub({ password: 'the-right-one', graphs: {} });
    const { graph } = await runGraph({ GRAPH_DB_URI: s.url(), GRAPH_DB_PASSWORD: 'wrong-Password-123' });
    expect(graph.status).toBe('fail');
    expect(graph.summary).toBe('login to FalkorDB refused (WRONGPASS): check GRAPH_DB_USER / GRAPH_DB_PASSWORD');
    expect(text(graph)).toMatch(/AUTH: authentication to redis:\/\/127\.0\.0\.1:\d+ failed \(WRONGPASS\)/);
    expect(text(graph)).toContain('the credentials are wrong');
    expect(text(graph) + h!.logs.join('\n')).not.toContain('wrong-Password-123');
    expect(s.commands.map((c) => c[0])).not.toContain('PING');
  });

  it('says a password is missing when the server demands one (NOAUTH)', async () => {
    const s = await stub({ password: 'needed', graphs: {} });
    const { graph } = await runGraph({ GRAPH_DB_URI: s.url() });
    expect(graph.status).toBe('fail');
    expect(text(graph)).toContain('requires a password, but neither GRAPH_DB_PASSWORD nor GRAPH_DB_URI has one');
  });

  it('uses credentials from GRAPH_DB_URI and shows the URI without them', async () => {
    await seedOrgs();
    const s = await stub({ username: 'ctxops', password: 'uri-Secret-42', graphs: { org_acme: 3, org_globex: 1 } });
    const { graph } = await runGraph({
      GRAPH_DB_URI: s.url('ctxops:uri-Secret-42'),
      GRAPH_DB_PASSWORD: 'not-this-one',
    });
    expect(graph.status).toBe('ok');
    expect(text(graph)).toContain('AUTH as ctxops accepted (password from GRAPH_DB_URI)');
    expect(text(graph)).toContain(`redis://127.0.0.1:${s.port}`);
    expect(text(graph) + h!.logs.join('\n')).not.toMatch(/uri-Secret-42|not-this-one|ctxops:/);
  });

  it('fails an org whose graph is gone although repositories were ingested, and accepts one with nothing ingested', async () => {
    await seedOrgs();
    const s = await stub({ graphs: { some_old_org: 5 } });
    const { graph } = await runGraph({ GRAPH_DB_URI: s.url() });
    expect(graph.status).toBe('fail');
    expect(graph.runbook).toBe('graph-fails');
    const t = text(graph);
    expect(t).toContain(
      '✗ org acme (org_acme): no graph org_acme in GRAPH.LIST although 2 of 2 repositories ingested: the graph data is gone',
    );
    expect(t).toContain(
      '✓ org globex (org_globex): no graph yet (0 of 0 repositories ingested); FalkorDB creates it on the first ingestion',
    );
    expect(t).toContain('1 graph(s) belong to no organization in Postgres');
    expect(graph.summary).toBe(`FalkorDB at redis://127.0.0.1:${s.port}: 1 of 2 orgs healthy, 0 nodes`);
    // A missing graph is not queried (GRAPH.RO_QUERY would only error).
    expect(s.commands.filter((c) => c[0] === 'GRAPH.RO_QUERY')).toEqual([]);
  });

  it('needs no more in Postgres than the column grants the docs list', async () => {
    await seedOrgs();
    const s = await stub({ graphs: { org_acme: 9 } });
    const role = `ctxops_graph_${randomBytes(4).toString('hex')}`;
    const password = `pw-${randomBytes(6).toString('hex')}`;
    await db.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    try {
      await db.query(`GRANT SELECT (id, slug, name, created_at) ON organizations TO ${role}`);
      await db.query(`GRANT SELECT (org_id, last_ingested_at) ON repositories TO ${role}`);
      const url = new URL(db.url);
      url.username = role;
      url.password = password;
      const { graph } = await runGraph({ DATABASE_URL: url.toString(), GRAPH_DB_URI: s.url() });
      expect(graph.status).toBe('ok');
      expect(text(graph)).toContain('org acme (org_acme): graph org_acme: 9 nodes');
      expect(text(graph)).toContain('org globex (org_globex): no graph yet (0 of 0 repositories ingested)');
    } finally {
      await h?.close();
      h = undefined;
      await db.query(`DROP OWNED BY ${role}`);
      await db.query(`DROP ROLE ${role}`);
    }
  });

  it('probes at most checks.graph.maxOrgs orgs and says so', async () => {
    await seedOrgs();
    const s = await stub({ graphs: { org_acme: 10, org_globex: 20 } });
    const { graph } = await runGraph({ GRAPH_DB_URI: s.url() }, 'checks:\n  graph:\n    maxOrgs: 1\n');
    expect(graph.status).toBe('ok');
    expect(text(graph)).toContain(
      '2 organizations; only the first 1 (oldest) were probed (raise checks.graph.maxOrgs to probe more)',
    );
    expect(text(graph)).toContain('org acme (org_acme)');
    expect(text(graph)).not.toContain('globex');
  });

  it('tells a refused connection apart', async () => {
    const port = await closedPort();
    const { graph } = await runGraph({ GRAPH_DB_URI: `redis://127.0.0.1:${port}` });
    expect(graph.status).toBe('fail');
    expect(graph.summary).toMatch(
      /^FalkorDB unreachable: TCP: connection refused by redis:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
    );
    expect(text(graph)).toContain('nothing listens on that host and port');
  });

  it('tells a DNS failure apart (a name under .invalid never resolves)', async () => {
    const { graph } = await runGraph({ GRAPH_DB_URI: 'redis://falkordb.invalid:6379' });
    expect(graph.status).toBe('fail');
    expect(graph.summary).toMatch(
      /DNS: cannot resolve the host of redis:\/\/falkordb\.invalid:6379 \((ENOTFOUND|EAI_AGAIN)\)/,
    );
  });

  it('times out at the deadline against a server that accepts and never answers, and closes its socket', async () => {
    const s = await stub({ mode: 'hang' });
    const started = Date.now();
    const { graph } = await runGraph({ GRAPH_DB_URI: s.url() }, 'checks:\n  graph:\n    timeoutMs: 800\n');
    const took = Date.now() - started;
    expect(graph.status).toBe('fail');
    expect(graph.summary).toMatch(/timed out/);
    expect(text(graph)).toMatch(/PING: timed out talking to redis:\/\/127\.0\.0\.1:\d+/);
    expect(text(graph)).toMatch(/connected, but no answer to PING within \d+ ms/);
    expect(took).toBeLessThan(5000);
    expect(s.accepted()).toBe(1);
    expect(await socketsDrain(s)).toBe(0);
  });

  it('rejects a Bolt URI for FalkorDB with the reason', async () => {
    const { graph } = await runGraph({ GRAPH_DB_URI: 'bolt://127.0.0.1:7687' });
    expect(graph.status).toBe('fail');
    expect(graph.summary).toContain('FalkorDB is reached with the Redis protocol');
  });
});

describe('graph check without Postgres', () => {
  it('still reports the live part and skips the per-org part when Postgres is down', async () => {
    const pgPort = await closedPort();
    const s = await stub({ graphs: { org_acme: 7 } });
    const { graph, postgres } = await runGraph({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${pgPort}/ctx`,
      GRAPH_DB_URI: s.url(),
    });
    expect(postgres?.status).toBe('fail');
    expect(graph.status).toBe('ok');
    expect(graph.rootCause).toBeUndefined();
    expect(graph.summary).toBe(
      `FalkorDB at redis://127.0.0.1:${s.port}: 1 graph (per-org checks skipped: Postgres unavailable)`,
    );
    expect(text(graph)).toMatch(/per-org checks skipped because Postgres is unavailable \(TCP: connection refused/);
    expect(text(graph)).toContain('graphs on the server: org_acme');
  });

  it('reports the live part when Postgres accepts and never answers', async () => {
    const silent = await startSilentTcp();
    try {
      const s = await stub({ graphs: { org_acme: 7 } });
      const { graph } = await runGraph(
        { DATABASE_URL: `postgres://postgres@127.0.0.1:${silent.port}/ctx`, GRAPH_DB_URI: s.url() },
        'checks:\n  timeoutMs: 800\n',
      );
      expect(graph.status).toBe('ok');
      expect(text(graph)).toMatch(/✓ GRAPH.LIST: the FalkorDB module answers, 1 graph\b/);
      expect(text(graph)).toMatch(
        /per-org checks skipped because Postgres is unavailable \(no answer from 127\.0\.0\.1:\d+\/ctx before the deadline\)/,
      );
    } finally {
      await silent.close();
    }
  });

  it("does not blame Postgres for the graph database's own failure", async () => {
    const pgPort = await closedPort();
    const graphPort = await closedPort();
    const { graph } = await runGraph({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${pgPort}/ctx`,
      GRAPH_DB_URI: `redis://127.0.0.1:${graphPort}`,
    });
    expect(graph.status).toBe('fail');
    expect(graph.rootCause).toBeUndefined();
    expect(text(graph)).toMatch(/connection refused by redis:\/\/127\.0\.0\.1:\d+/);
  });

  it('skips the per-org part when DATABASE_URL is not set', async () => {
    const s = await stub({ graphs: {} });
    h = buildBot({ env: { GRAPH_DB_URI: s.url() } });
    const report = await h.bot.core.diagnostics.run('default', { only: ['graph'] });
    const graph = report.checks.find((c) => c.id === 'graph')!;
    expect(graph.status).toBe('ok');
    expect(text(graph)).toContain('per-org checks skipped because Postgres is unavailable (DATABASE_URL is not set)');
  });
});
