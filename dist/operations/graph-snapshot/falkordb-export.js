import { createHash, randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCountReply } from '../../diagnostics/graph/falkordb-reply.js';
export const NODES_QUERY = 'MATCH (n) RETURN count(n)';
export const EDGES_QUERY = 'MATCH ()-[r]->() RETURN count(r)';
export const SCRATCH_PREFIX = 'ctx-ops:scratch:';
export async function graphCounts(c, key) {
    const one = async (q) => {
        const n = parseCountReply(await c.call('GRAPH.RO_QUERY', key, q, '--compact'));
        if (n === null)
            throw new Error(`GRAPH.RO_QUERY ${q} on ${key} gave an answer that is not a count`);
        return n;
    };
    return { nodes: await one(NODES_QUERY), edges: await one(EDGES_QUERY) };
}
/** Pure: a file name part for a graph key (keys are free text). */
export function safeKeyPart(key) {
    return key.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64) || 'graph';
}
export function exportFileName(env, key, at) {
    const stamp = at
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}Z$/, 'Z');
    return `${env}-graph-${safeKeyPart(key)}-${stamp}.falkordb`;
}
/** Pure: the counts are right when the scratch copy lies between the graph's counts before and after DUMP. */
export function countsMatch(before, after, copy) {
    const within = (a, b, x) => x >= Math.min(a, b) && x <= Math.max(a, b);
    return within(before.nodes, after.nodes, copy.nodes) && within(before.edges, after.edges, copy.edges);
}
export async function exportGraph(c, o) {
    const fail = (reason) => ({ ok: false, graph: o.key, reason });
    const count = o.count ?? graphCounts;
    const before = await count(c, o.key);
    const payload = await c.callBuffer('DUMP', o.key);
    if (!Buffer.isBuffer(payload))
        return fail('DUMP returned nothing (the key is gone?)');
    const after = await count(c, o.key);
    const fileName = exportFileName(o.env, o.key, o.at);
    const path = join(o.dir, fileName);
    const partial = `${path}.partial`;
    await o.track?.partialFile(partial);
    await writeFile(partial, payload, { mode: 0o600 });
    try {
        const sha256 = createHash('sha256').update(payload).digest('hex');
        const scratch = `${SCRATCH_PREFIX}${safeKeyPart(o.key)}:${randomBytes(4).toString('hex')}`;
        let copy;
        try {
            await c.call('RESTORE', scratch, 0, payload);
            copy = await count(c, scratch);
        }
        catch (err) {
            return fail(`the dump does not restore under a scratch key: ${err.message}`);
        }
        finally {
            await c.call('DEL', scratch).catch(() => { });
        }
        if (!countsMatch(before, after, copy))
            return fail(`the restored copy has ${copy.nodes} nodes and ${copy.edges} edges; the graph had ${before.nodes}–${after.nodes} nodes and ${before.edges}–${after.edges} edges`);
        await rename(partial, path);
        return { ok: true, graph: o.key, fileName, path, sizeBytes: (await stat(path)).size, sha256, counts: copy };
    }
    finally {
        await rm(partial, { force: true });
        await o.track?.partialFile(null);
    }
}
