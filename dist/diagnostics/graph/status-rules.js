/**
 * One org's verdict. FalkorDB creates a graph on the first write, so a missing graph is
 * only wrong once the org has ingested repositories (then the data was lost: upstream's
 * Compose file keeps FalkorDB without a volume). Neo4j and Memgraph never create
 * databases on their own, so a missing one always breaks that org's graph reads.
 */
export function orgGraphStatus(engine, state, ingestion) {
    switch (state.kind) {
        case 'present':
            return state.nodes === 0 && (ingestion?.ingested ?? 0) > 0 ? 'warn' : 'ok';
        case 'missing':
            if (engine === 'bolt')
                return 'fail';
            if (!ingestion)
                return 'warn';
            return ingestion.ingested > 0 ? 'fail' : 'ok';
        case 'no-uri':
        case 'error':
            return 'fail';
        case 'not-probed':
            return 'warn';
    }
}
/** The one sentence people act on, per failure kind. */
export function nextStep(kind, engine) {
    const user = engine === 'falkordb'
        ? 'GRAPH_DB_USER / GRAPH_DB_PASSWORD (or the credentials in GRAPH_DB_URI)'
        : 'GRAPH_DB_USER / GRAPH_DB_PASSWORD';
    switch (kind) {
        case 'dns':
            return 'the host name in the URI does not resolve from here: check the spelling and that this bot runs on the same network as the backend and worker';
        case 'refused':
            return 'nothing listens on that host and port: is the graph database running, and is the port right?';
        case 'timeout':
            return 'the server accepted the connection but did not answer in time: it may be overloaded, paused, or another service is listening on that port';
        case 'tls':
            return engine === 'falkordb'
                ? 'TLS mismatch: use rediss:// only when the server has TLS enabled, redis:// otherwise'
                : 'TLS mismatch: use bolt+s:// (or neo4j+s://) only when the server has TLS enabled, bolt:// otherwise';
        case 'reset':
            return 'the server closed the connection: look at its logs (connection limits, protected mode, TLS expected)';
        case 'auth':
            return `the credentials are wrong: compare ${user} with the server's users`;
        case 'noperm':
            return 'the user lacks a permission this check needs (see the least-privilege setup in the graph check docs)';
        case 'module-missing':
            return 'this is Redis without the FalkorDB module: point GRAPH_DB_URI at the falkordb service (image falkordb/falkordb), not at a plain Redis';
        case 'not-bolt':
            return 'the port does not speak Bolt: check the port (Bolt is usually 7687; 7474 is HTTP)';
        case 'protocol':
            return 'the server answered something unexpected: check that GRAPH_DB_URI points at the graph database';
        case 'aborted':
            return 'the check was cut off at its deadline';
        default:
            return 'see the graph database logs';
    }
}
/** A per-org cap that was hit is reported, never silently applied. */
export function capNote(probed, total, option) {
    return total > probed
        ? `${total} organizations; only the first ${probed} (oldest) were probed (raise checks.graph.${option} to probe more)`
        : undefined;
}
/**
 * When the server's agent contradicts GRAPH_DB_PROVIDER, ctx| takes the wrong tenancy
 * path (databases per org on a server that has one, or the reverse). Neptune's agent
 * string is not relied on.
 */
export function agentMismatch(provider, agent) {
    const isMemgraph = /^memgraph\b/i.test(agent);
    const isNeo4j = /^neo4j\b/i.test(agent);
    if (provider === 'memgraph' && isNeo4j)
        return `GRAPH_DB_PROVIDER is memgraph but the server is ${agent}: set GRAPH_DB_PROVIDER=neo4j-enterprise (or neo4j-community)`;
    if (provider.startsWith('neo4j') && isMemgraph)
        return `GRAPH_DB_PROVIDER is ${provider} but the server is ${agent}: set GRAPH_DB_PROVIDER=memgraph`;
    if (provider !== 'neptune' && !isNeo4j && !isMemgraph)
        return `the server calls itself "${agent}", neither Neo4j nor Memgraph: is GRAPH_DB_PROVIDER=${provider} right?`;
    return undefined;
}
