import { item } from '../types.js';
const quote = (ident) => `"${ident.replace(/"/g, '""')}"`;
/** The GRANTs that give this role what ctx-ops needs in its own schema. */
export function storeGrants(role, database, p) {
    const r = quote(role);
    const out = [];
    if (!p.databaseCreate)
        out.push(`GRANT CREATE ON DATABASE ${quote(database)} TO ${r};`);
    if (p.schemaExists && (!p.schemaUsage || !p.schemaCreate))
        out.push(`GRANT USAGE, CREATE ON SCHEMA ctx_ops TO ${r};`);
    if (p.tablesWithoutDml > 0)
        out.push(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ctx_ops TO ${r};`);
    if (p.sequencesWithoutUse > 0)
        out.push(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ctx_ops TO ${r};`);
    return out;
}
const DENIED = '42501';
const READ_ONLY = '25006';
export function storeItem(f, ctx) {
    const t = (status, seen, fix) => item('store', 'store', 'Store', status, seen, fix);
    if (f.state === 'none') {
        return t(ctx.slack ? 'warn' : 'skip', "no database is configured for the bot's schema ctx_ops: digests, alerts, history, approvals and incidents are off", 'set CTX_OPS_DATABASE_URL (or store.databaseUrl, or DATABASE_URL) to a Postgres where ctx-ops may create its schema ctx_ops');
    }
    if (f.state === 'unreachable')
        return t('fail', `cannot reach the store at ${f.target}: ${f.seen}`, "check CTX_OPS_DATABASE_URL (default: store.databaseUrl, then the default environment's DATABASE_URL)");
    if (f.state === 'error')
        return t('fail', `could not check the store at ${f.target}: ${f.seen}`);
    const who = `role "${f.role}" in database "${f.database}" (${f.target})`;
    if (f.standby || (!f.write.ok && f.write.code === READ_ONLY)) {
        return t('fail', `the store is read-only (${who} is a standby or a read-only transaction)`, 'point CTX_OPS_DATABASE_URL at the primary');
    }
    const grants = storeGrants(f.role, f.database, f.privileges);
    if (!f.write.ok || grants.length) {
        const what = !f.write.ok
            ? `a test write failed (CREATE SCHEMA IF NOT EXISTS, as at every start, then create, insert, delete; rolled back): ${f.write.message}`
            : 'it lacks privileges it needs';
        const denied = f.write.ok || f.write.code === DENIED;
        if (denied && grants.length) {
            return t('fail', `ctx-ops cannot write its schema ctx_ops as ${who}: ${what}`, [
                `run as the database's owner:`,
                ...grants.map((g) => `  ${g}`),
                'or give ctx-ops a database of its own: CTX_OPS_DATABASE_URL=postgres://…/ctx_ops',
            ].join('\n'));
        }
        return t('fail', `ctx-ops cannot use its schema ctx_ops as ${who}: ${what}`, denied
            ? 'give this role CREATE on the database, or set CTX_OPS_DATABASE_URL to a database ctx-ops may use'
            : undefined);
    }
    if (f.privileges.otherOwners.length) {
        const owners = f.privileges.otherOwners.map((o) => `"${o}"`).join(', ');
        return t('warn', `writable as ${who}, but tables in ctx_ops belong to ${owners}: the next upgrade of the schema needs to alter them`, `make "${f.role}" their owner (ALTER TABLE ctx_ops.<table> OWNER TO ${quote(f.role)}), or run ctx-ops as ${owners} once after upgrading`);
    }
    const state = !f.privileges.schemaExists
        ? 'schema ctx_ops does not exist yet; ctx-ops creates it when it starts'
        : f.pending === null
            ? 'schema ctx_ops is writable (which migrations it has could not be read)'
            : f.pending.length
                ? `schema ctx_ops is writable; ${f.pending.length} of ctx-ops' migrations will be applied when it starts (${f.pending.join(', ')})`
                : 'schema ctx_ops is up to date and writable';
    return t('ok', `${state}, as ${who}`);
}
