import { lazyRequire } from '../../util/lazy-require.js';
import { boltCredentials, boltTarget } from '../../diagnostics/graph/target.js';
import { dateTime, formatBytes } from '../../util/format.js';
const neo4jDriver = lazyRequire('neo4j-driver');
/**
 * Memgraph: `CREATE SNAPSHOT` over Bolt, then `SHOW SNAPSHOTS` for where and when (Memgraph
 * keeps the file on its own host, under --data-directory/snapshots, pruned by
 * --storage-snapshot-retention-count). Neo4j: no online snapshot in Community; the bot
 * reads the edition (`CALL dbms.components()`) and says what the provider supports.
 */
export const CREATE_SNAPSHOT = 'CREATE SNAPSHOT;';
export const SHOW_SNAPSHOTS = 'SHOW SNAPSHOTS;';
export const COMPONENTS = 'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition';
export function boltTargetOf(env) {
    if (!env.ctx.GRAPH_DB_URI)
        return { error: 'GRAPH_DB_URI is not set' };
    return boltTarget(env.ctx.GRAPH_DB_URI, 'GRAPH_DB_URI');
}
function openDriver(t, env, ops) {
    const c = boltCredentials(env.ctx);
    const neo4j = neo4jDriver();
    return neo4j.driver(t.uri, neo4j.auth.basic(c.user, c.password), {
        connectionTimeout: 10_000,
        connectionAcquisitionTimeout: 15_000,
        maxConnectionPoolSize: 2,
        maxTransactionRetryTime: 0,
        disableLosslessIntegers: true,
        userAgent: 'ctx-ops',
        logging: { level: 'warn', logger: (level, message) => ops.log.debug({ level, message }, 'neo4j-driver') },
    });
}
async function run(driver, query) {
    const session = driver.session({ defaultAccessMode: neo4jDriver().session.WRITE });
    try {
        const res = await session.run(query);
        return res.records.map((r) => r.toObject());
    }
    finally {
        await session.close();
    }
}
const str = (v) => (v === null || v === undefined ? undefined : String(v));
/** Pure: the newest row of SHOW SNAPSHOTS (columns differ between versions; only what is there is shown). */
export function describeShowSnapshots(rows, timeZone) {
    if (!rows.length)
        return ['SHOW SNAPSHOTS lists no snapshot'];
    const newest = rows[0];
    const path = str(newest.path);
    const created = str(newest.creation_time);
    const size = newest.size === undefined ? undefined : Number(newest.size);
    const when = created && !Number.isNaN(Date.parse(created)) ? dateTime(new Date(created), timeZone) : created;
    return [
        `Newest snapshot on the Memgraph host${path ? `: \`${path}\`` : ''}${when ? `, created ${when}` : ''}${size !== undefined && Number.isFinite(size) ? `, ${formatBytes(size)}` : ''} (${rows.length} kept by Memgraph)`,
    ];
}
export async function memgraphSnapshot(ops, env, io) {
    const t = boltTargetOf(env);
    if ('error' in t)
        return { ok: false, summary: `nothing ran: ${t.error}` };
    const driver = openDriver(t, env, ops);
    const startedAt = ops.now();
    const record = (ok, detail) => ops.stores.graphSnapshots.record({
        env: env.name,
        runId: io.runId ?? null,
        provider: 'memgraph',
        kind: 'server',
        state: ok ? 'done' : 'failed',
        graph: null,
        fileName: null,
        path: null,
        sizeBytes: null,
        sha256: null,
        serverTime: null,
        detail: ops.redactor.scrub(detail),
        startedAt,
        finishedAt: ops.now(),
    });
    try {
        try {
            await run(driver, CREATE_SNAPSHOT);
        }
        catch (err) {
            const why = ops.redactor.scrub(err.message);
            await record(false, `CREATE SNAPSHOT failed: ${why}`);
            return { ok: false, summary: `CREATE SNAPSHOT on ${t.display} failed: ${why}` };
        }
        let details;
        try {
            details = describeShowSnapshots(await run(driver, SHOW_SNAPSHOTS), ops.config.timezone);
        }
        catch (err) {
            details = [
                `SHOW SNAPSHOTS is not available (${ops.redactor.scrub(err.message)}), so the file's place and size are not known`,
            ];
        }
        details.push('The snapshot stays on the Memgraph host (--data-directory/snapshots); copy it off the host to keep it');
        await record(true, details.join('; '));
        return { ok: true, summary: `Memgraph snapshot (CREATE SNAPSHOT) on ${t.display} completed`, details };
    }
    finally {
        await driver.close().catch(() => { });
    }
}
/** What Neo4j offers, with the edition read from the server when it answers. Nothing is changed. */
export async function neo4jAdvice(ops, env) {
    const t = boltTargetOf(env);
    let edition;
    let version;
    let problem;
    if ('error' in t)
        problem = t.error;
    else {
        const driver = openDriver(t, env, ops);
        try {
            const rows = await run(driver, COMPONENTS);
            const k = rows.find((r) => str(r.name)?.toLowerCase().includes('kernel')) ?? rows[0];
            edition = str(k?.edition);
            version = Array.isArray(k?.versions) ? String(k.versions[0]) : undefined;
        }
        catch (err) {
            problem = `could not read the edition (${ops.redactor.scrub(err.message)})`;
        }
        finally {
            await driver.close().catch(() => { });
        }
    }
    const where = 'error' in t ? '' : ` at ${t.display}`;
    const lines = [
        edition
            ? `Neo4j${where} is ${version ? `${version} ` : ''}${edition} edition (CALL dbms.components()).`
            : `Neo4j${where}: ${problem ?? 'the edition is not reported'}.`,
        'Neo4j has no snapshot a client can trigger over Bolt, so ctx-ops takes none.',
    ];
    if (edition?.toLowerCase() === 'enterprise')
        lines.push('Enterprise: online backup with `neo4j-admin database backup --from=<host>:6362 --to-path=<dir> <database>` on a host that reaches the backup port (server.backup.enabled).');
    lines.push(edition?.toLowerCase() === 'enterprise'
        ? 'Offline alternative: stop the database and run `neo4j-admin database dump <database> --to-path=<dir>`.'
        : 'Community: offline only: stop Neo4j and run `neo4j-admin database dump <database> --to-path=<dir>`, then start it again (plan the downtime).');
    lines.push('The store age is not exposed over Bolt; check the dump files where you keep them.');
    return { lines, ...(edition ? { edition } : {}) };
}
