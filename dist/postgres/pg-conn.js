import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lazyRequire } from '../util/lazy-require.js';
const pgModule = lazyRequire('pg');
export function parseTarget(url) {
    const u = new URL(url);
    const password = u.password ? decodeURIComponent(u.password) : undefined;
    u.password = '';
    const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres';
    return { uri: u.toString(), password, database, display: `${u.hostname}:${u.port || '5432'}/${database}` };
}
/** The same server, another database (scratch databases for trial restores). */
export function withDatabase(url, database) {
    const u = new URL(url);
    u.pathname = `/${encodeURIComponent(database)}`;
    return u.toString();
}
/** A libpq URI for a tool: no password, `passfile=` when there is one. */
export function toolUri(uri, passfile) {
    if (!passfile)
        return uri;
    // libpq decodes %XX but not `+`, so URLSearchParams' encoding of spaces would not do.
    return `${uri}${uri.includes('?') ? '&' : '?'}passfile=${encodeURIComponent(passfile)}`;
}
/** Escapes `:` and `\` as the .pgpass format requires. */
export function passfileLine(password) {
    return `*:*:*:*:${password.replace(/\\/g, '\\\\').replace(/:/g, '\\:')}\n`;
}
/** Runs fn with a 0600 passfile (in a 0700 folder) holding the password; always removes it. */
export async function withPassfile(password, fn) {
    if (!password)
        return fn(undefined);
    const dir = await mkdtemp(join(tmpdir(), 'ctx-ops-pgpass-'));
    const file = join(dir, 'pgpass');
    try {
        await writeFile(file, passfileLine(password), { mode: 0o600 });
        return await fn(file);
    }
    finally {
        await rm(dir, { recursive: true, force: true });
    }
}
export async function withClient(url, fn, opts = {}) {
    const client = new (pgModule().Client)({
        connectionString: url,
        connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
        application_name: 'ctx-ops-operations',
    });
    client.on('error', () => { }); // a server going away mid-operation is reported by the query that fails
    await client.connect();
    try {
        return await fn(client);
    }
    finally {
        await client.end().catch(() => { });
    }
}
export async function serverInfo(url) {
    return withClient(url, async (c) => {
        const { rows } = await c.query(`SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS num, current_database() AS db, pg_database_size(current_database())::text AS size`);
        const r = rows[0];
        return {
            version: r.v.split(' ')[0],
            major: Math.floor(Number(r.num) / 10000),
            database: r.db,
            sizeBytes: Number(r.size),
        };
    });
}
/** A name no one else uses; the tag ties it to its run so a restart can drop it. */
export function scratchName(tag) {
    return `ctx_ops_scratch_${tag.replace(/\W/g, '_').toLowerCase().slice(0, 24)}_${randomBytes(3).toString('hex')}`;
}
const ident = (name) => `"${name.replace(/"/g, '""')}"`;
export async function createScratch(url, name) {
    await withClient(url, (c) => c.query(`CREATE DATABASE ${ident(name)} TEMPLATE template0`));
}
/** Drops a scratch database even while something is still connected to it. */
export async function dropScratch(url, name) {
    if (!name.startsWith('ctx_ops_scratch_'))
        throw new Error(`refusing to drop ${name}: not a scratch database`);
    await withClient(url, async (c) => {
        const num = Number((await c.query(`SELECT current_setting('server_version_num') AS n`)).rows[0].n);
        if (num >= 130000)
            await c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
        else {
            await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
            await c.query(`DROP DATABASE IF EXISTS ${ident(name)}`);
        }
    });
}
/** Row counts of the key tables that exist, plus how many tables the database holds. */
export async function countRows(url, tables) {
    return withClient(url, async (c) => {
        const total = await c.query(`SELECT count(*)::text AS n FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE cl.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`);
        const counts = [];
        for (const t of tables) {
            const exists = await c.query('SELECT to_regclass($1)::text AS r', [t]);
            if (!exists.rows[0]?.r) {
                counts.push({ table: t, rows: null });
                continue;
            }
            const quoted = t.split('.').map(ident).join('.');
            const n = await c.query(`SELECT count(*)::text AS n FROM ${quoted}`);
            counts.push({ table: t, rows: Number(n.rows[0].n) });
        }
        return { tables: Number(total.rows[0].n), counts };
    });
}
export function describeCounts(r) {
    const present = r.counts.filter((c) => c.rows !== null).map((c) => `${c.table} ${c.rows}`);
    return `${r.tables} tables${present.length ? `; rows: ${present.join(', ')}` : ''}`;
}
