import { randomBytes } from 'node:crypto';
import { describeTarget } from '../../postgres/pg-access.js';
import { classifyError, describeFailure } from '../../util/net-errors.js';
import { readStoreMigrations } from '../../store/migrate.js';
/**
 * Reaches the store, reads the role's privileges on schema ctx_ops and which of ctx-ops'
 * migrations it has, and makes a test write in a transaction that is rolled back: what
 * the migrations do at start (CREATE SCHEMA IF NOT EXISTS ctx_ops), then a table created,
 * a row inserted and deleted. Nothing is left behind, not even the schema.
 */
export async function probeStore(store, databaseUrl, now = Date.now) {
    if (!store || !databaseUrl)
        return { facts: { state: 'none' } };
    const target = describeTarget(databaseUrl);
    let client;
    try {
        client = await store.pool.connect();
    }
    catch (err) {
        return { facts: { state: 'unreachable', target, seen: describeFailure(classifyError(err), target) } };
    }
    try {
        const sent = now();
        const who = await client.query(`SELECT current_user AS role, current_database() AS db, now() AS now, pg_is_in_recovery() AS standby,
              has_database_privilege(current_database(), 'CREATE') AS db_create,
              EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'ctx_ops') AS schema_exists`);
        const received = now();
        const w = who.rows[0];
        const clock = {
            source: 'Postgres (store)',
            remote: new Date(w.now),
            local: new Date((sent + received) / 2),
            rttMs: received - sent,
        };
        const privileges = await readPrivileges(client, w.db_create, w.schema_exists);
        const pending = privileges.schemaExists
            ? await pendingMigrations(client)
            : readStoreMigrations().map((m) => m.name);
        const table = `ctx_ops.doctor_probe_${randomBytes(4).toString('hex')}`;
        const write = await step(async () => {
            await client.query('BEGIN');
            try {
                await client.query('CREATE SCHEMA IF NOT EXISTS ctx_ops');
                await client.query(`CREATE TABLE ${table} (id int)`);
                await client.query(`INSERT INTO ${table} (id) VALUES (1)`);
                await client.query(`DELETE FROM ${table}`);
            }
            finally {
                await client.query('ROLLBACK').catch(() => { });
            }
        });
        return {
            facts: { state: 'reached', target, role: w.role, database: w.db, standby: w.standby, privileges, pending, write },
            clock,
        };
    }
    catch (err) {
        const f = classifyError(err);
        return {
            facts: f.kind === 'other'
                ? { state: 'error', target, seen: f.message }
                : { state: 'unreachable', target, seen: describeFailure(f, target) },
        };
    }
    finally {
        client.release();
    }
}
async function readPrivileges(client, databaseCreate, schemaExists) {
    const none = {
        databaseCreate,
        schemaExists,
        schemaUsage: false,
        schemaCreate: false,
        tablesWithoutDml: 0,
        sequencesWithoutUse: 0,
        otherOwners: [],
    };
    if (!schemaExists)
        return none;
    const { rows } = await client.query(`SELECT has_schema_privilege('ctx_ops', 'USAGE') AS usage, has_schema_privilege('ctx_ops', 'CREATE') AS create,
            (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'ctx_ops' AND c.relkind IN ('r', 'p')
                AND NOT (has_table_privilege(c.oid, 'SELECT') AND has_table_privilege(c.oid, 'INSERT')
                         AND has_table_privilege(c.oid, 'UPDATE') AND has_table_privilege(c.oid, 'DELETE'))) AS tables,
            (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'ctx_ops' AND CASE WHEN c.relkind = 'S' THEN NOT has_sequence_privilege(c.oid, 'USAGE') ELSE false END) AS sequences,
            (SELECT array_agg(DISTINCT pg_get_userbyid(c.relowner)::text) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'ctx_ops' AND c.relkind IN ('r', 'p') AND pg_get_userbyid(c.relowner) <> current_user) AS owners`);
    const r = rows[0];
    return {
        ...none,
        schemaUsage: r.usage,
        schemaCreate: r.create,
        tablesWithoutDml: r.tables,
        sequencesWithoutUse: r.sequences,
        otherOwners: r.owners ?? [],
    };
}
/** ctx-ops' migrations this database has not applied yet; null when that cannot be read. */
async function pendingMigrations(client) {
    try {
        const { rows } = await client.query(`SELECT name FROM ctx_ops.schema_migrations`);
        const applied = new Set(rows.map((r) => r.name));
        return readStoreMigrations()
            .map((m) => m.name)
            .filter((n) => !applied.has(n));
    }
    catch (err) {
        // No table yet (the schema was made by someone else) counts as nothing applied.
        return err.code === '42P01' ? readStoreMigrations().map((m) => m.name) : null;
    }
}
async function step(fn) {
    try {
        await fn();
        return { ok: true };
    }
    catch (err) {
        const e = err;
        return { ok: false, code: e.code, message: (e.message ?? String(err)).split('\n')[0] };
    }
}
