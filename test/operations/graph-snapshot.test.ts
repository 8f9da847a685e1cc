import { existsSync, readFileSync, statSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contracts/chat.js';
import { exportGraph } from '../../src/operations/graph-snapshot/falkordb-export.js';
import { parsePersistenceInfo, runBgsave } from '../../src/operations/graph-snapshot/redis-persistence.js';
import { startBoltStub, type BoltStub } from '../support/bolt-stub.js';
import { startRespStub, type RespStub } from '../support/resp-stub.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { tempDir } from './helpers.js';
import { approvalIdOf, click, command, files, opsBot, rows, type OpsBot } from './setup.js';

/**
 * Graph snapshots: FalkorDB through the RESP stub (BGSAVE, INFO persistence, LASTSAVE,
 * GRAPH.LIST, DUMP, RESTORE, GRAPH.RO_QUERY, DEL), the plain Redis commands against the real
 * Redis on 127.0.0.1:6379, Memgraph and Neo4j through the scripted Bolt stub.
 */
const GRAPH_PASSWORD = 'Graph-Pa55word-planted-xyz';
const alice: Actor = { userId: 'U0ALICE01', userName: 'alice', channelId: 'C0OPS0001' };
const bob: Actor = { userId: 'U0BOB0001', userName: 'bob', channelId: 'C0OPS0001' };
let db: TestDatabase;
let bot: OpsBot;
const tmp = tempDir('graph-snapshot');
const backupDir = join(tmp.dir, 'backups');
const said: unknown[] = [];
let ok: RespStub, failing: RespStub, never: RespStub, damaged: RespStub, denied: RespStub;
let memgraph: BoltStub, neo4jCommunity: BoltStub, memgraphBroken: BoltStub;

const COMPONENTS = 'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition';

beforeAll(async () => {
  db = await createTestDatabase('graph_snapshot');
  const graphs = { org_a: 12, org_b: 3 };
  const edges = { org_a: 20, org_b: 1 };
  [ok, failing, never, damaged, denied] = await Promise.all([
    startRespStub({ graphs, edges, password: GRAPH_PASSWORD }),
    startRespStub({ graphs, bgsave: 'fail' }),
    startRespStub({ graphs, bgsave: 'never' }),
    startRespStub({ graphs, edges, restoreLosesNodes: 2 }),
    startRespStub({ graphs, configDenied: true }),
  ]);
  [memgraph, neo4jCommunity, memgraphBroken] = await Promise.all([
    startBoltStub({
      agent: 'Memgraph/2.21.0',
      queries: {
        'CREATE SNAPSHOT;': { fields: [], rows: [] },
        'SHOW SNAPSHOTS;': {
          fields: ['path', 'timestamp', 'creation_time', 'size'],
          rows: [['/var/lib/memgraph/snapshots/20261129_snap', 1, '2026-11-29T03:00:00Z', 2048]],
        },
      },
    }),
    startBoltStub({
      queries: {
        [COMPONENTS]: { fields: ['name', 'versions', 'edition'], rows: [['Neo4j Kernel', ['5.26.0'], 'community']] },
      },
    }),
    startBoltStub({
      agent: 'Memgraph/2.21.0',
      queries: {
        'CREATE SNAPSHOT;': {
          error: {
            code: 'Memgraph.ClientError.MemgraphError.MemgraphError',
            message: 'Snapshots are disabled for replicas',
          },
        },
      },
    }),
  ]);
  const falk = (s: RespStub, auth = '') => `{ GRAPH_DB_PROVIDER: falkordb, GRAPH_DB_URI: "${s.url(auth)}" }`;
  const envs: Record<string, string> = {
    prod: falk(ok, `:${GRAPH_PASSWORD}`),
    failing: falk(failing),
    never: falk(never),
    damaged: falk(damaged),
    denied: falk(denied),
    mem: `{ GRAPH_DB_PROVIDER: memgraph, GRAPH_DB_URI: "${memgraph.url()}" }`,
    membroken: `{ GRAPH_DB_PROVIDER: memgraph, GRAPH_DB_URI: "${memgraphBroken.url()}" }`,
    neo: `{ GRAPH_DB_PROVIDER: neo4j-community, GRAPH_DB_URI: "${neo4jCommunity.url()}", GRAPH_DB_PASSWORD: "${GRAPH_PASSWORD}" }`,
  };
  bot = opsBot(db, {
    yaml: `
environments:
${Object.entries(envs)
  .map(([n, e]) => `  ${n}: { production: false, env: ${e} }`)
  .join('\n')}
operations:
  backupDir: ${backupDir}
  retention: { keepLast: 1 }
  graphSnapshot: { export: true, deadlineSeconds: 1, pollMilliseconds: 50 }
permissions:
${Object.keys(envs)
  .map((n) => `  ${n}: { request: [U0ALICE01], approve: [U0BOB0001], channels: [C0OPS0001] }`)
  .join('\n')}
`,
  });
  await bot.store.ready();
});
afterAll(async () => {
  await bot.close();
  const everything =
    JSON.stringify(said) +
    bot.logs.join('\n') +
    JSON.stringify(await rows(db, 'SELECT * FROM ctx_ops.audit_log')) +
    JSON.stringify(await rows(db, 'SELECT * FROM ctx_ops.graph_snapshots'));
  await Promise.all([
    ...[ok, failing, never, damaged, denied, memgraph, neo4jCommunity, memgraphBroken].map((s) => s.close()),
    db.drop(),
  ]);
  tmp.cleanup();
  expect(everything).not.toContain(GRAPH_PASSWORD);
});

async function snapshot(env: string): Promise<string> {
  const asked = await command(bot, `graph-snapshot ${env}`, alice);
  said.push(asked.posted, asked.ephemerals);
  const { id, ref } = approvalIdOf(asked);
  const rec = await click(bot, 'confirm', id, bob, ref);
  said.push(rec.posted, rec.updates, rec.ephemerals);
  // The confirmation's final state first, then what was posted in its thread (the details).
  const root = rec.updates.at(-1)!.msg;
  return [root, ...rec.posted.map((p) => p.msg)].map((m) => `${m.text}\n${JSON.stringify(m.blocks ?? [])}`).join('\n');
}
const snapshots = (env: string) =>
  rows<{
    kind: string;
    state: string;
    graph: string | null;
    sha256: string | null;
    path: string | null;
    detail: string;
  }>(db, 'SELECT kind, state, graph, sha256, path, detail FROM ctx_ops.graph_snapshots WHERE env = $1 ORDER BY id', [
    env,
  ]);

describe('FalkorDB (RESP stub)', () => {
  it('BGSAVE followed to its end, then each graph dumped to a file with its sha256, verified by RESTORE under a scratch key', async () => {
    const text = await snapshot('prod');
    expect(text).toMatch(
      /^Snapshot the graph database of prod: succeeded: FalkorDB snapshot \(BGSAVE\) on redis:\/\/127\.0\.0\.1:\d+ completed; 2 of 2 graphs exported and verified/,
    );
    expect(text).toContain('(LASTSAVE)');
    expect(text).toContain('copy-on-write during the save 1.0 MB');
    expect(text).toContain('/data/dump.rdb');
    expect(text).toContain('Redis does not report its size');
    const recorded = await snapshots('prod');
    expect(recorded.map((r) => [r.kind, r.state, r.graph])).toEqual([
      ['server', 'done', null],
      ['export', 'verified', 'org_a'],
      ['export', 'verified', 'org_b'],
    ]);
    for (const r of recorded.slice(1)) {
      expect(r.detail).toMatch(/verified by RESTORE under a scratch key: \d+ nodes, \d+ edges/);
      expect(createHash('sha256').update(readFileSync(r.path!)).digest('hex')).toBe(r.sha256);
      expect(statSync(r.path!).mode & 0o777).toBe(0o600);
    }
    expect(recorded[1]!.detail).toContain('12 nodes, 20 edges');
    // Every scratch key was deleted, and the graphs themselves were never written to.
    const cmds = ok.commands.map((c) => c.join(' '));
    const restored = cmds.filter((c) => c.startsWith('RESTORE ')).map((c) => c.split(' ')[1]);
    expect(restored).toHaveLength(2);
    for (const k of restored) {
      expect(k).toMatch(/^ctx-ops:scratch:/);
      expect(cmds).toContain(`DEL ${k}`);
    }
    expect(cmds.some((c) => /^(DEL|RESTORE) org_/.test(c))).toBe(false);
    expect(cmds.some((c) => c.startsWith('GRAPH.QUERY'))).toBe(false); // read-only queries only
    expect(files(backupDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('retention keeps the newest export of each graph and removes the older files', async () => {
    const before = (await snapshots('prod')).filter((r) => r.kind === 'export');
    bot.advance(2000); // a later file name
    await snapshot('prod');
    const after = await snapshots('prod');
    expect(after.filter((r) => r.kind === 'export' && r.state === 'verified')).toHaveLength(2);
    for (const r of before) expect(existsSync(r.path!)).toBe(false);
    const [audit] = await rows<{ n: string }>(
      db,
      `SELECT count(*)::text AS n FROM ctx_ops.audit_log WHERE event = 'retention-removed' AND kind = 'graph-snapshot'`,
    );
    expect(audit!.n).toBe('2');
  });

  it('a failed BGSAVE is reported as the server says it (rdb_last_bgsave_status:err) and recorded failed', async () => {
    const text = await snapshot('failing');
    expect(text).toMatch(
      /^Snapshot the graph database of failing: failed: BGSAVE on .* failed: the server reports rdb_last_bgsave_status:err/,
    );
    expect((await snapshots('failing')).map((r) => r.state)).toEqual(['failed']);
  });

  it('a snapshot that never finishes within the deadline is reported unfinished, nothing exported', async () => {
    const text = await snapshot('never');
    expect(text).toMatch(
      /did not finish in time: the snapshot was still being written after 1 s \(rdb_bgsave_in_progress:1\)/,
    );
    expect(never.commands.some((c) => c[0] === 'DUMP')).toBe(false);
  });

  it('a copy that restores with other counts fails verification and no file is kept', async () => {
    const before = files(backupDir).length;
    const text = await snapshot('damaged');
    expect(text).toMatch(/0 of 2 graphs exported and verified; 2 failed/);
    expect(text).toContain('the restored copy has 10 nodes and 20 edges; the graph had 12–12 nodes');
    expect(files(backupDir).length).toBe(before);
    expect(damaged.commands.filter((c) => c[0] === 'DEL')).toHaveLength(2);
  });

  it('without CONFIG rights the file place is not known, and says so', async () => {
    const text = await snapshot('denied');
    expect(text).toContain('CONFIG GET is not allowed for this user');
  });

  it('INFO persistence is read field by field; absent fields stay unknown', () => {
    expect(parsePersistenceInfo('# Persistence\r\nrdb_bgsave_in_progress:1\r\nrdb_last_bgsave_status:err\r\n')).toEqual(
      {
        bgsaveInProgress: true,
        lastBgsaveStatus: 'err',
        lastSaveTime: null,
        saves: null,
        lastBgsaveTimeSec: null,
        lastCowSize: null,
        changesSinceLastSave: null,
      },
    );
  });
});

describe('plain Redis commands against the real Redis on 127.0.0.1:6379', () => {
  const prefix = `ctx-ops-test:${randomBytes(4).toString('hex')}:`;
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
  });
  afterAll(async () => {
    const left = await redis.keys(`${prefix}*`);
    if (left.length) await redis.del(...left);
    redis.disconnect();
  });

  it('BGSAVE: the outcome is what INFO persistence says afterwards (saved, or the failure the server reports)', async () => {
    const out = await runBgsave(redis, { deadlineMs: 20_000, pollMs: 100 });
    const after = parsePersistenceInfo(await redis.info('persistence'));
    if (out.ok) {
      expect(after.lastBgsaveStatus).toBe('ok');
      expect(out.savedAt.getTime()).toBe(Number(await redis.lastsave()) * 1000);
      expect(out.file?.dbfilename).toBeTruthy(); // CONFIG GET is allowed on the local server
    } else if (out.stage === 'failed') {
      expect(after.lastBgsaveStatus).toBe('err');
      expect(out.reason).toContain('rdb_last_bgsave_status:err');
    } else {
      expect(out.stage).toBe('bgsave'); // refused, with the server's own words
      expect(out.reason).toMatch(/^BGSAVE was refused: /);
    }
  });

  it('DUMP to a file with its sha256, RESTORE under a scratch key, counts compared, scratch key deleted', async () => {
    const key = `${prefix}list`;
    await redis.rpush(key, 'a', 'b', 'c', 'd');
    const dir = join(tmp.dir, 'real-redis');
    await import('node:fs/promises').then((f) => f.mkdir(dir, { recursive: true }));
    const count = async (_c: unknown, k: string) => ({ nodes: await redis.llen(k), edges: 0 });
    const out = await exportGraph(redis, { env: 'local', key, dir, at: new Date('2026-11-29T03:00:00Z'), count });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.counts).toEqual({ nodes: 4, edges: 0 });
    expect(createHash('sha256').update(readFileSync(out.path)).digest('hex')).toBe(out.sha256);
    // The file is the raw DUMP payload: RESTORE takes it back as it is.
    await redis.restore(`${prefix}again`, 0, readFileSync(out.path));
    expect(await redis.lrange(`${prefix}again`, 0, -1)).toEqual(['a', 'b', 'c', 'd']);
    expect(await redis.keys('ctx-ops:scratch:*')).toEqual([]);
  });
});

describe('Memgraph and Neo4j (Bolt stub)', () => {
  it('Memgraph: CREATE SNAPSHOT after a confirmation; SHOW SNAPSHOTS names the file on the Memgraph host', async () => {
    const text = await snapshot('mem');
    expect(text).toMatch(/^Snapshot the graph database of mem: succeeded: Memgraph snapshot \(CREATE SNAPSHOT\)/);
    expect(text).toContain('/var/lib/memgraph/snapshots/20261129_snap');
    expect(text).toContain('2.0 KB');
    expect(memgraph.messages.filter((m) => m.startsWith('RUN'))).toHaveLength(2);
    expect((await snapshots('mem')).map((r) => r.state)).toEqual(['done']);
  });

  it("Memgraph: the server's refusal is reported and recorded failed", async () => {
    const text = await snapshot('membroken');
    expect(text).toMatch(/failed: CREATE SNAPSHOT on .* failed: Snapshots are disabled for replicas/);
    expect((await snapshots('membroken')).map((r) => r.state)).toEqual(['failed']);
  });

  it('Neo4j Community: no confirmation, nothing run; the edition is read and the offline dump is named', async () => {
    const rec = await command(bot, 'graph-snapshot neo', alice);
    said.push(rec.posted);
    const text = rec.posted[0]!.msg.text;
    expect(text).toContain('nothing was run');
    expect(text).toContain('5.26.0 community edition (CALL dbms.components())');
    expect(text).toContain('neo4j-admin database dump');
    expect(text).not.toContain('neo4j-admin database backup');
    expect(JSON.stringify(rec.posted[0]!.msg.blocks)).not.toContain('ctx.approval.confirm');
    expect(await snapshots('neo')).toEqual([]);
  });
});

describe('/ctx backups', () => {
  it('lists Postgres backups and graph snapshots together, newest first, with kind, size, age and verification', async () => {
    await db.query(
      `INSERT INTO ctx_ops.backups (env, file_name, path, state, size_bytes, sha256, started_at, finished_at, verification)
       VALUES ('prod', 'prod-20200101T000000Z.dump', '/nowhere/prod-20200101T000000Z.dump', 'verified', 2048, $1, now() - interval '3 days', now() - interval '3 days', 'verified by trial restore: 3 tables')`,
      ['a'.repeat(64)],
    );
    const rec = await command(bot, 'backups prod', alice);
    said.push(rec.posted);
    const msg = rec.posted[0]!.msg;
    const lines = msg.text.split('\n');
    expect(lines[0]).toBe('Backups of prod:');
    expect(lines.at(-1)).toMatch(/^verified prod-20200101T000000Z\.dump 2\.0 KB a{64}$/); // the oldest, last
    expect(lines.slice(1, 3).every((l) => /^verified FalkorDB export org_[ab] prod-graph-org_[ab]-/.test(l))).toBe(
      true,
    );
    const blocks = JSON.stringify(msg.blocks);
    expect(blocks).toContain('FalkorDB snapshot (on the server)');
    expect(blocks).toContain('completed on the server (not verified by ctx-ops)');
    expect(blocks).toContain('verified by RESTORE');
    expect(blocks).toContain('(3 d ago)');
    const json = msg.json as { backups: unknown[]; graphSnapshots: Array<{ kind: string }> };
    expect(json.backups).toHaveLength(1);
    expect(json.graphSnapshots.map((g) => g.kind)).toContain('export');
  });
});
