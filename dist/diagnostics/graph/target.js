/** Upstream's default when GRAPH_DB_URI is unset (apps/backend/src/platform/graph/client.ts). */
export const DEFAULT_GRAPH_DB_URI = 'redis://falkordb:6379';
/** Upstream infers tenancy from the provider: these keep one graph or database per org on a shared server. */
export function tenancyOf(provider) {
    return provider === 'falkordb' || provider === 'neo4j-enterprise' || provider === 'memgraph'
        ? 'database-per-tenant'
        : 'instance-per-tenant';
}
/**
 * A URI for people: scheme, host, port and path, never the userinfo. An unparseable value
 * is not echoed at all, since it may be a credentialed URI with a typo.
 */
export function displayUri(uri) {
    try {
        const u = new URL(uri);
        return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
    }
    catch {
        return '(not a valid URI)';
    }
}
export function hasUserinfo(uri) {
    try {
        const u = new URL(uri);
        return u.username !== '' || u.password !== '';
    }
    catch {
        return false;
    }
}
/**
 * How ctx|'s FalkorDB client reaches the server: node-redis merges the URL's userinfo over
 * the explicit username/password, so credentials in GRAPH_DB_URI win over GRAPH_DB_USER and
 * GRAPH_DB_PASSWORD; the user defaults to "default".
 */
export function redisTarget(uri, env) {
    let u;
    try {
        u = new URL(uri);
    }
    catch {
        return { error: 'GRAPH_DB_URI is not a valid URI' };
    }
    if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
        return {
            error: `GRAPH_DB_URI uses ${u.protocol}// but FalkorDB is reached with the Redis protocol (redis:// or rediss://); Bolt on 7687 is not what ctx| uses`,
        };
    }
    const dbText = u.pathname.replace(/^\//, '');
    const db = dbText === '' ? 0 : Number(dbText);
    if (!Number.isInteger(db) || db < 0)
        return { error: `GRAPH_DB_URI names database "${dbText}", which is not a Redis database number` };
    const urlUser = decodeURIComponent(u.username);
    const urlPassword = decodeURIComponent(u.password);
    const password = urlPassword || env.GRAPH_DB_PASSWORD || undefined;
    return {
        host: u.hostname.replace(/^\[|\]$/g, ''),
        port: u.port ? Number(u.port) : 6379,
        db,
        tls: u.protocol === 'rediss:',
        username: urlUser || env.GRAPH_DB_USER || 'default',
        ...(password ? { password } : {}),
        passwordFrom: urlPassword ? 'GRAPH_DB_URI' : env.GRAPH_DB_PASSWORD ? 'GRAPH_DB_PASSWORD' : 'none',
        display: displayUri(uri),
    };
}
const BOLT_SCHEMES = new Set(['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:']);
export function boltTarget(uri, variable) {
    let u;
    try {
        u = new URL(uri);
    }
    catch {
        return { error: `${variable} is not a valid URI` };
    }
    if (!BOLT_SCHEMES.has(u.protocol)) {
        const hint = u.protocol.startsWith('redis') ? ' (a redis:// URI is for GRAPH_DB_PROVIDER=falkordb)' : '';
        return {
            error: `${variable} uses ${u.protocol}// but this provider is reached over Bolt (bolt://, bolt+s://, neo4j://, neo4j+s://)${hint}`,
        };
    }
    const userinfoIgnored = u.username !== '' || u.password !== '';
    u.username = '';
    u.password = '';
    return {
        uri: u.toString().replace(/\/$/, ''),
        host: u.hostname.replace(/^\[|\]$/g, ''),
        port: u.port ? Number(u.port) : 7687,
        tls: u.protocol.includes('+s'),
        routing: u.protocol.startsWith('neo4j'),
        display: displayUri(uri),
        userinfoIgnored,
    };
}
/** Upstream's Bolt credentials: GRAPH_DB_USER (default neo4j) and GRAPH_DB_PASSWORD (default empty). */
export function boltCredentials(env) {
    return { user: env.GRAPH_DB_USER ?? 'neo4j', password: env.GRAPH_DB_PASSWORD ?? '' };
}
export const ORG_URI_PREFIX = 'GRAPH_DB_URI_';
/** The per-org URI variables set in the environment (instance-per-tenant), by slug as written. */
export function orgUriVariables(raw) {
    const out = new Map();
    for (const [k, v] of Object.entries(raw)) {
        if (k.startsWith(ORG_URI_PREFIX) && k.length > ORG_URI_PREFIX.length && v.trim() !== '')
            out.set(k.slice(ORG_URI_PREFIX.length), v.trim());
    }
    return out;
}
/**
 * A variable that was probably meant for this slug but does not match it exactly (case, or
 * "-" written as "_" because shells reject "-" in names); upstream looks the name up verbatim.
 */
export function nearMissVariable(slug, available) {
    const norm = (s) => s.toLowerCase().replace(/[-_.]/g, '');
    const want = norm(slug);
    for (const s of available)
        if (s !== slug && norm(s) === want)
            return `${ORG_URI_PREFIX}${s}`;
    return undefined;
}
