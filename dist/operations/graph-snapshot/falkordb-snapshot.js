import { mkdir, rm } from 'node:fs/promises';
import { lazyRequire } from '../../util/lazy-require.js';
import { DEFAULT_GRAPH_DB_URI, redisTarget } from '../../diagnostics/graph/target.js';
import { dateTime, formatBytes, formatDuration } from '../../util/format.js';
import { selectForRemoval, describeRules } from '../backup/retention.js';
import { exportGraph } from './falkordb-export.js';
import { runBgsave } from './redis-persistence.js';
const ioredisModule = lazyRequire('ioredis');
/** FalkorDB: BGSAVE followed to its end; with operations.graphSnapshot.export, a verified copy of each graph. */
export function falkorTarget(env) {
    return redisTarget(env.ctx.GRAPH_DB_URI ?? DEFAULT_GRAPH_DB_URI, env.ctx);
}
export function connectRedis(t) {
    const client = new (ioredisModule().Redis)({
        host: t.host,
        port: t.port,
        db: t.db,
        username: t.username,
        ...(t.password ? { password: t.password } : {}),
        lazyConnect: true,
        connectTimeout: 10_000,
        commandTimeout: 60_000,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
        enableReadyCheck: false,
        disableClientInfo: true,
        enableOfflineQueue: false,
        ...(t.tls ? { tls: { servername: t.host } } : {}),
    });
    client.on('error', () => { }); // reported by the command that fails
    return client;
}
export function describeBgsave(o, timeZone) {
    if (!o.ok)
        return [];
    const i = o.info;
    return [
        `Snapshot written by the server at ${dateTime(o.savedAt, timeZone, { seconds: true })} (LASTSAVE)${o.joined ? '; a save already running was followed' : ''}`,
        `Took ${i.lastBgsaveTimeSec !== null && i.lastBgsaveTimeSec >= 0 ? formatDuration(i.lastBgsaveTimeSec * 1000) : 'an unreported time'}; copy-on-write during the save ${formatBytes(i.lastCowSize)} (rdb_last_cow_size)`,
        o.file
            ? `File on the FalkorDB host: \`${o.file.dir}/${o.file.dbfilename}\` (Redis does not report its size; copy it off the host to keep it)`
            : 'The file stays on the FalkorDB host (CONFIG GET is not allowed for this user, so its place is not known; Redis does not report its size)',
    ];
}
export async function falkorSnapshot(ops, env, io) {
    const t = falkorTarget(env);
    if ('error' in t)
        return { ok: false, summary: `nothing ran: ${t.error}` };
    const cfg = ops.config.operations.graphSnapshot;
    const s = ops.stores;
    const client = connectRedis(t);
    const startedAt = ops.now();
    const record = (r) => s.graphSnapshots.record(r);
    const base = { env: env.name, runId: io.runId ?? null, provider: 'falkordb', startedAt };
    try {
        await client.connect();
        const out = await runBgsave(client, {
            deadlineMs: cfg.deadlineSeconds * 1000,
            pollMs: cfg.pollMilliseconds,
            signal: io.signal,
        });
        const details = describeBgsave(out, ops.config.timezone);
        await record({
            ...base,
            kind: 'server',
            state: out.ok ? 'done' : 'failed',
            graph: null,
            fileName: null,
            path: null,
            sizeBytes: null,
            sha256: null,
            serverTime: out.ok ? out.savedAt : null,
            detail: ops.redactor.scrub(out.ok ? details.join('; ') : out.reason),
            finishedAt: ops.now(),
        });
        if (!out.ok)
            return {
                ok: false,
                summary: `BGSAVE on ${t.display} ${out.stage === 'deadline' ? 'did not finish in time' : 'failed'}: ${ops.redactor.scrub(out.reason)}`,
            };
        if (!cfg.export)
            return { ok: true, summary: `FalkorDB snapshot (BGSAVE) on ${t.display} completed`, details };
        const exports = await exportAll(ops, env, client, base, io.track);
        const bad = exports.filter((e) => !e.ok);
        const good = exports.filter((e) => e.ok);
        const removed = await retain(ops, env.name, good.map((g) => g.graph));
        return {
            ok: bad.length === 0,
            summary: `FalkorDB snapshot (BGSAVE) on ${t.display} completed; ${good.length} of ${exports.length} graphs exported and verified${bad.length ? `; ${bad.length} failed` : ''}`,
            details: [
                ...details,
                ...good.map((g) => `\`${g.fileName}\` (${formatBytes(g.sizeBytes)}, ${g.counts.nodes} nodes, ${g.counts.edges} edges) sha256 \`${g.sha256}\``),
                ...bad.map((b) => `❌ ${b.graph}: ${ops.redactor.scrub(b.reason)}`),
                ...(good.length ? [`To put one back: \`redis-cli -x RESTORE <graph> 0 < <file>\``] : []),
                ...(removed.length ? [`Retention removed ${removed.length}: ${removed.join(', ')}`] : []),
            ],
            ...(good.length === 1 ? { checksum: good[0].sha256 } : {}),
        };
    }
    catch (err) {
        return { ok: false, summary: `FalkorDB at ${t.display}: ${ops.redactor.scrub(err.message)}` };
    }
    finally {
        client.disconnect();
    }
}
async function exportAll(ops, env, client, base, track) {
    await mkdir(ops.backupDir, { recursive: true, mode: 0o700 });
    const keys = (await client.call('GRAPH.LIST')).map(String).sort();
    const out = [];
    for (const key of keys) {
        const at = ops.now();
        const e = await exportGraph(client, {
            env: env.name,
            key,
            dir: ops.backupDir,
            at,
            ...(track ? { track } : {}),
        }).catch((err) => ({ ok: false, graph: key, reason: err.message }));
        out.push(e);
        await ops.stores.graphSnapshots.record({
            ...base,
            kind: 'export',
            state: e.ok ? 'verified' : 'failed',
            graph: key,
            fileName: e.ok ? e.fileName : null,
            path: e.ok ? e.path : null,
            sizeBytes: e.ok ? e.sizeBytes : null,
            sha256: e.ok ? e.sha256 : null,
            serverTime: null,
            detail: ops.redactor.scrub(e.ok ? `verified by RESTORE under a scratch key: ${e.counts.nodes} nodes, ${e.counts.edges} edges` : e.reason),
            startedAt: at,
            finishedAt: ops.now(),
        });
    }
    return out;
}
/** operations.retention per graph key, the newest verified export always kept; each removal audited. */
async function retain(ops, env, graphs) {
    const s = ops.stores;
    const rules = ops.config.operations.retention;
    const removed = [];
    for (const g of graphs) {
        const rows = await s.graphSnapshots.verifiedExports(env, g);
        for (const r of selectForRemoval(rows, rules, ops.now())) {
            if (!(await s.graphSnapshots.markRemoved(r.id, ops.now())))
                continue;
            if (r.path)
                await rm(r.path, { force: true });
            await s.audit.append({
                event: 'retention-removed',
                env,
                kind: 'graph-snapshot',
                detail: `removed ${r.fileName} (${describeRules(rules)})`,
                ...(r.sha256 ? { checksum: r.sha256 } : {}),
            });
            removed.push(r.fileName ?? g);
        }
    }
    return removed;
}
