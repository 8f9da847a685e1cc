import { describeFailure } from '../util/net-errors.js';
import { classifyPgError } from '../postgres/pg-access.js';
/** The names (as given, e.g. `repositories`, `"openworkflow".workflow_runs`) that do not resolve. */
export async function missingTables(client, names) {
    const { rows } = await client.query(`SELECT n AS name, to_regclass(n) IS NOT NULL AS found FROM unnest($1::text[]) AS n`, [names]);
    return rows.filter((r) => !r.found).map((r) => r.name);
}
export async function schemaExists(client, schema) {
    const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS found`, [schema]);
    return rows[0]?.found === true;
}
/** Why reading `what` failed, in a sentence that names the fix. */
export function describeReadError(err, what, target) {
    const code = err.code;
    const message = err.message ?? String(err);
    if (code === '42501') {
        return `permission denied reading ${what} (${message}): grant the bot's role SELECT on it (see the least-privilege GRANTs in the docs)`;
    }
    if (code === '42P01' || code === '3F000')
        return `${what} does not exist (${message})`;
    return `cannot read ${what}: ${describeFailure(classifyPgError(err), target)}`;
}
/** The server refused this statement (permissions, a missing object), but the connection is fine. */
export function isStatementError(err) {
    const code = err.code;
    return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('08') && !code.startsWith('57');
}
/** Postgres identifiers as upstream accepts them for the OpenWorkflow schema. */
export function quoteIdentifier(name) {
    return /^[a-zA-Z_]\w*$/.test(name) && Buffer.byteLength(name) <= 63 ? `"${name}"` : null;
}
/** "acme/api (org acme)" per repository id, for ids found in job inputs; missing tables give an empty map. */
export async function repositoryLabels(client, ids) {
    const wanted = [...new Set(ids)];
    if (!wanted.length)
        return new Map();
    const missing = await missingTables(client, ['repositories', 'organizations']);
    if (missing.includes('repositories'))
        return new Map();
    const org = missing.includes('organizations') ? 'r.org_id' : 'coalesce(o.slug, r.org_id)';
    const join = missing.includes('organizations') ? '' : 'LEFT JOIN organizations o ON o.id = r.org_id';
    const { rows } = await client.query(`SELECT r.id, r.name, ${org} AS org FROM repositories r ${join} WHERE r.id = ANY($1::text[])`, [wanted]);
    return new Map(rows.map((r) => [r.id, `${r.name} (org ${r.org})`]));
}
