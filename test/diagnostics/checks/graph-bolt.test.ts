import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/contracts/checks.js';
import { startBoltStub, type BoltStub } from '../../support/bolt-stub.js';
import {
  createConnectionsTable,
  createOrganizationsTable,
  createRepositoriesTable,
  insertOrg,
  insertRepo,
} from '../../support/ctx-schema.js';
import { buildBot, type Harness } from '../../support/harness.js';
import { closedPort } from '../../support/net.js';
import { createTestDatabase, type TestDatabase } from '../../support/pg.js';

let db: TestDatabase;
let h: Harness | undefined;
const stubs: BoltStub[] = [];

beforeAll(async () => {
  db = await createTestDatabase('graph_bolt');
  await createOrganizationsTable(db);
  await createConnectionsTable(db); // repositories references it
  await createRepositoriesTable(db);
  await insertOrg(db, { id: 'org_acme', slug: 'acme', createdAt: new Date('2026-01-01T00:00:00Z') });
  await insertOrg(db, { id: 'org_globex', slug: 'globex', createdAt: new Date('2026-02-01T00:00:00Z') });
  await insertRepo(db, { orgId: 'org_acme', name: 'acme/api' });
});
afterAll(() => db.drop());
afterEach(async () => {
  await h?.close();
  h = undefined;
  await Promise.all(stubs.splice(0).map((s) => s.close()));
});

const stub = async (...args: Parameters<typeof startBoltStub>) => {
  const s = await startBoltStub(...args);
  stubs.push(s);
  return s;
};

async function runGraph(env: Record<string, string>, yaml = ''): Promise<CheckResult> {
  h = buildBot({ env: { DATABASE_URL: db.url, ...env }, yaml });
  const report = await h.bot.core.diagnostics.run('default', { only: ['graph'], maxAgeMs: 0 });
  return report.checks.find((c) => c.id === 'graph')!;
}

const text = (r: CheckResult) => [r.summary, ...r.details].join('\n');

async function socketsDrain(s: BoltStub, withinMs = 2000): Promise<number> {
  const until = Date.now() + withinMs;
  while (s.openSockets() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return s.openSockets();
}

const PASSWORD = 'bolt-Secret-9000';

describe('graph check: Neo4j Enterprise / Memgraph over Bolt (real neo4j-driver, stub server)', () => {
  it('is healthy: handshake, login, server agent, and a count in each org database', async () => {
    const s = await stub({ user: 'neo4j', password: PASSWORD, databases: { org_acme: 42, org_globex: 0 } });
    const r = await runGraph({
      GRAPH_DB_PROVIDER: 'neo4j-enterprise',
      GRAPH_DB_URI: s.url(),
      GRAPH_DB_PASSWORD: PASSWORD,
    });
    expect(r.status).toBe('ok');
    expect(r.summary).toBe(
      `Neo4j Enterprise at bolt://127.0.0.1:${s.port} (Neo4j/5.26.0): 2 of 2 org databases healthy`,
    );
    const t = text(r);
    expect(t).toMatch(/✓ Bolt handshake with bolt:\/\/127\.0\.0\.1:\d+ in/);
    expect(t).toContain('✓ logged in as neo4j: server Neo4j/5.26.0, Bolt 5.4');
    expect(t).toContain('✓ org acme (org_acme): database org_acme: 42 nodes');
    expect(t).toContain('✓ org globex (org_globex): database org_globex: 0 nodes');
    expect(s.messages).toEqual(
      expect.arrayContaining(['HELLO', 'LOGON', 'RUN db=org_acme', 'RUN db=org_globex', 'PULL']),
    );
    expect(t + h!.logs.join('\n')).not.toContain(PASSWORD);
    expect(await socketsDrain(s)).toBe(0);
  });

  it('accepts Memgraph under GRAPH_DB_PROVIDER=memgraph and warns when the server is something else', async () => {
    const mg = await stub({ agent: 'Memgraph/2.19.0', databases: { org_acme: 1, org_globex: 2 } });
    const ok = await runGraph({ GRAPH_DB_PROVIDER: 'memgraph', GRAPH_DB_URI: mg.url() });
    expect(ok.status).toBe('ok');
    expect(text(ok)).toContain('server Memgraph/2.19.0');
    await h!.close();
    const neo = await stub({ databases: { org_acme: 1, org_globex: 2 } });
    const warn = await runGraph({ GRAPH_DB_PROVIDER: 'memgraph', GRAPH_DB_URI: neo.url() });
    expect(warn.status).toBe('warn');
    expect(text(warn)).toContain('⚠ GRAPH_DB_PROVIDER is memgraph but the server is Neo4j/5.26.0');
    h = undefined;
  });

  it('tells an authentication failure apart and never shows the password', async () => {
    const s = await stub({ mode: 'auth-failure' });
    const r = await runGraph({
      GRAPH_DB_PROVIDER: 'neo4j-enterprise',
      GRAPH_DB_URI: s.url(),
      GRAPH_DB_USER: 'ctxops',
      GRAPH_DB_PASSWORD: PASSWORD,
    });
    expect(r.status).toBe('fail');
    expect(r.runbook).toBe('graph-fails');
    expect(r.summary).toBe('login to Neo4j Enterprise refused: check GRAPH_DB_USER / GRAPH_DB_PASSWORD');
    expect(text(r)).toMatch(
      /login: authentication to bolt:\/\/127\.0\.0\.1:\d+ failed \(Neo\.ClientError\.Security\.Unauthorized\)/,
    );
    expect(text(r) + h!.logs.join('\n')).not.toContain(PASSWORD);
  });

  it('names the org whose database does not exist', async () => {
    const s = await stub({ databases: { org_acme: 5 } });
    const r = await runGraph({ GRAPH_DB_PROVIDER: 'neo4j-enterprise', GRAPH_DB_URI: s.url() });
    expect(r.status).toBe('fail');
    expect(r.summary).toBe(
      `Neo4j Enterprise at bolt://127.0.0.1:${s.port} (Neo4j/5.26.0): 1 of 2 org databases missing`,
    );
    const t = text(r);
    expect(t).toContain('✓ org acme (org_acme): database org_acme: 5 nodes');
    expect(t).toContain('✗ org globex (org_globex): database org_globex does not exist');
    expect(t).toContain('CREATE DATABASE');
  });

  it('times out against a server that accepts and never answers, and closes the socket', async () => {
    const s = await stub({ mode: 'hang' });
    const started = Date.now();
    const r = await runGraph(
      { GRAPH_DB_PROVIDER: 'neo4j-enterprise', GRAPH_DB_URI: s.url() },
      'checks:\n  graph:\n    timeoutMs: 800\n',
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.status).toBe('fail');
    expect(r.summary).toMatch(/timed out/);
    expect(text(r)).toMatch(
      /Bolt handshake: timed out talking to bolt:\/\/127\.0\.0\.1:\d+: accepted the connection, but no answer to the Bolt handshake/,
    );
    expect(await socketsDrain(s)).toBe(0);
  });

  it("times out when the server completes the handshake but never answers the login, and closes the driver's socket", async () => {
    const s = await stub({ mode: 'hang-after-handshake' });
    const r = await runGraph(
      { GRAPH_DB_PROVIDER: 'neo4j-enterprise', GRAPH_DB_URI: s.url() },
      'checks:\n  graph:\n    timeoutMs: 2000\n',
    );
    expect(r.status).toBe('fail');
    expect(text(r)).toContain(
      'the Bolt handshake worked, but the login (HELLO/LOGON) got no answer before the deadline',
    );
    expect(s.accepted()).toBe(2); // our handshake probe, then the driver
    expect(await socketsDrain(s)).toBe(0);
  });

  it('tells a refused port and a DNS failure apart', async () => {
    const port = await closedPort();
    const refused = await runGraph({ GRAPH_DB_PROVIDER: 'neo4j-enterprise', GRAPH_DB_URI: `bolt://127.0.0.1:${port}` });
    expect(refused.summary).toMatch(/TCP: connection refused by bolt:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    await h!.close();
    const dns = await runGraph({ GRAPH_DB_PROVIDER: 'memgraph', GRAPH_DB_URI: 'bolt://memgraph.invalid:7687' });
    expect(dns.summary).toMatch(/DNS: cannot resolve the host of bolt:\/\/memgraph\.invalid:7687/);
  });

  it('fails clearly when a Bolt provider has no GRAPH_DB_URI (upstream would use the redis:// default)', async () => {
    const r = await runGraph({ GRAPH_DB_PROVIDER: 'neo4j-enterprise' });
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('GRAPH_DB_URI is not set');
    expect(text(r)).toContain('ctx| falls back to redis://falkordb:6379');
  });
});

describe('graph check: one instance per org (Neo4j Community, Neptune)', () => {
  it('names the org whose GRAPH_DB_URI_<slug> is missing and probes the one that is set', async () => {
    const acme = await stub({ databases: { neo4j: 17 }, defaultDatabase: 'neo4j', agent: 'Neo4j/5.26.0' });
    const r = await runGraph({
      GRAPH_DB_PROVIDER: 'neo4j-community',
      GRAPH_DB_URI: 'bolt://unused:7687',
      GRAPH_DB_URI_acme: acme.url(),
      GRAPH_DB_URI_GLOBEX: acme.url(),
    });
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('Neo4j Community: 1 of 2 orgs without GRAPH_DB_URI_<orgSlug>');
    const t = text(r);
    expect(t).toContain('GRAPH_DB_URI is set but Neo4j Community uses one instance per org');
    expect(t).toMatch(
      /✓ org acme \(org_acme\): instance bolt:\/\/127\.0\.0\.1:\d+ \(Neo4j\/5\.26\.0, Bolt 5\.4, login as neo4j\): 17 nodes/,
    );
    expect(t).toContain('✗ org globex (org_globex): GRAPH_DB_URI_globex is not set');
    expect(t).toContain('GRAPH_DB_URI_GLOBEX is set, but the name must match the slug exactly');
    // The instance's default database, as upstream queries it (no database name).
    expect(acme.messages).toContain('RUN');
  });

  it('Neptune without Postgres: probes the GRAPH_DB_URI_<slug> that are set and says what is not checked', async () => {
    const pgPort = await closedPort();
    const one = await stub({ agent: 'Neptune/1.3', databases: {} });
    const dead = await closedPort();
    h = buildBot({
      env: {
        DATABASE_URL: `postgres://postgres@127.0.0.1:${pgPort}/ctx`,
        GRAPH_DB_PROVIDER: 'neptune',
        GRAPH_DB_URI_acme: one.url(),
        GRAPH_DB_URI_globex: `bolt://127.0.0.1:${dead}`,
      },
    });
    const report = await h.bot.core.diagnostics.run('default', { only: ['graph'] });
    const r = report.checks.find((c) => c.id === 'graph')!;
    expect(r.status).toBe('fail');
    expect(r.rootCause).toBeUndefined(); // the dead instance is the graph's own failure
    const t = text(r);
    expect(t).toContain('per-org checks skipped because Postgres is unavailable');
    expect(t).toContain('not checked: IAM database authentication');
    expect(t).toMatch(/✓ GRAPH_DB_URI_acme: instance bolt:\/\/127\.0\.0\.1:\d+ \(Neptune\/1\.3/);
    expect(t).toMatch(/✗ GRAPH_DB_URI_globex → bolt:\/\/127\.0\.0\.1:\d+: TCP connect: TCP: connection refused/);
    expect(r.summary).toBe('Neptune: 1 of 2 instances reachable (per-org checks skipped: Postgres unavailable)');
  });
});
