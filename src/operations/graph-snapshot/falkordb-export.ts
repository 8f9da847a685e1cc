import { createHash, randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCountReply } from '../../diagnostics/graph/falkordb-reply.js';
import type { RunTracker } from '../../runtime/guarded.js';
import type { RedisCaller } from './redis-persistence.js';

/**
 * A copy of each FalkorDB graph held by ctx-ops: GRAPH.LIST, DUMP of each key into a file in
 * the backup directory (the raw DUMP payload, so `redis-cli -x RESTORE <key> 0 < file` puts it
 * back), its sha256, and a proof that it restores: RESTORE under a scratch key, node and edge
 * counts compared with the graph's, the scratch key deleted whatever happens.
 */
export interface RedisBufferCaller extends RedisCaller {
  callBuffer(command: string, ...args: Array<string | number | Buffer>): Promise<unknown>;
}

export const NODES_QUERY = 'MATCH (n) RETURN count(n)';
export const EDGES_QUERY = 'MATCH ()-[r]->() RETURN count(r)';
export const SCRATCH_PREFIX = 'ctx-ops:scratch:';

export interface GraphCounts {
  nodes: number;
  edges: number;
}

export type GraphExport =
  | {
      ok: true;
      graph: string;
      fileName: string;
      path: string;
      sizeBytes: number;
      sha256: string;
      counts: GraphCounts;
    }
  | { ok: false; graph: string; reason: string };

export async function graphCounts(c: RedisCaller, key: string): Promise<GraphCounts> {
  const one = async (q: string) => {
    const n = parseCountReply(await c.call('GRAPH.RO_QUERY', key, q, '--compact'));
    if (n === null) throw new Error(`GRAPH.RO_QUERY ${q} on ${key} gave an answer that is not a count`);
    return n;
  };
  return { nodes: await one(NODES_QUERY), edges: await one(EDGES_QUERY) };
}

/** Pure: a file name part for a graph key (keys are free text). */
export function safeKeyPart(key: string): string {
  return key.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64) || 'graph';
}

export function exportFileName(env: string, key: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `${env}-graph-${safeKeyPart(key)}-${stamp}.falkordb`;
}

/** Pure: the counts are right when the scratch copy lies between the graph's counts before and after DUMP. */
export function countsMatch(before: GraphCounts, after: GraphCounts, copy: GraphCounts): boolean {
  const within = (a: number, b: number, x: number) => x >= Math.min(a, b) && x <= Math.max(a, b);
  return within(before.nodes, after.nodes, copy.nodes) && within(before.edges, after.edges, copy.edges);
}

export async function exportGraph(
  c: RedisBufferCaller,
  o: {
    env: string;
    key: string;
    dir: string;
    at: Date;
    /** How a key is counted (default: nodes and edges by GRAPH.RO_QUERY). */
    count?: (c: RedisCaller, key: string) => Promise<GraphCounts>;
    /** Told about the .partial file while it exists, so a restart after a crash removes it. */
    track?: RunTracker;
  },
): Promise<GraphExport> {
  const fail = (reason: string): GraphExport => ({ ok: false, graph: o.key, reason });
  const count = o.count ?? graphCounts;
  const before = await count(c, o.key);
  const payload = await c.callBuffer('DUMP', o.key);
  if (!Buffer.isBuffer(payload)) return fail('DUMP returned nothing (the key is gone?)');
  const after = await count(c, o.key);
  const fileName = exportFileName(o.env, o.key, o.at);
  const path = join(o.dir, fileName);
  const partial = `${path}.partial`;
  await o.track?.partialFile(partial);
  await writeFile(partial, payload, { mode: 0o600 });
  try {
    const sha256 = createHash('sha256').update(payload).digest('hex');
    const scratch = `${SCRATCH_PREFIX}${safeKeyPart(o.key)}:${randomBytes(4).toString('hex')}`;
    let copy: GraphCounts;
    try {
      await c.call('RESTORE', scratch, 0, payload);
      copy = await count(c, scratch);
    } catch (err) {
      return fail(`the dump does not restore under a scratch key: ${(err as Error).message}`);
    } finally {
      await c.call('DEL', scratch).catch(() => {});
    }
    if (!countsMatch(before, after, copy))
      return fail(
        `the restored copy has ${copy.nodes} nodes and ${copy.edges} edges; the graph had ${before.nodes}–${after.nodes} nodes and ${before.edges}–${after.edges} edges`,
      );
    await rename(partial, path);
    return { ok: true, graph: o.key, fileName, path, sizeBytes: (await stat(path)).size, sha256, counts: copy };
  } finally {
    await rm(partial, { force: true });
    await o.track?.partialFile(null);
  }
}
