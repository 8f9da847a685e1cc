import { isLoopbackHost } from './ctx-urls.js';
/**
 * Reading the OAuth discovery documents an MCP client follows (RFC 9728 protected-resource
 * metadata, RFC 8414 authorization-server metadata), with the same acceptance rules as
 * upstream's `ctxpipe doctor mcp`, so the bot and the doctor agree on a verdict.
 */
/** https anywhere, http only on loopback: what MCP clients and the upstream doctor accept. */
export function isSecureHttpUrl(value) {
    if (typeof value !== 'string' || !URL.canParse(value))
        return false;
    const u = new URL(value);
    return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopbackHost(u.hostname));
}
/** The resource_metadata parameter of a `WWW-Authenticate: Bearer …` challenge, quoted or not. */
export function resourceMetadataFromChallenge(challenge) {
    if (!challenge)
        return undefined;
    const m = /resource_metadata=(?:"((?:\\.|[^"])*)"|([^,\s]+))/i.exec(challenge);
    const value = m?.[1] ?? m?.[2];
    return value?.replace(/\\"/g, '"').replace(/\\\\/g, '\\');
}
export function isBearerChallenge(challenge) {
    return /^\s*bearer\b/i.test(challenge ?? '');
}
/**
 * Where a client looks for the authorization server's metadata, in the order the MCP
 * specification gives: RFC 8414 path-inserted, OpenID path-inserted, OpenID path-appended.
 * The first one is the only one upstream's doctor tries.
 */
export function authorizationServerMetadataUrls(issuer) {
    const u = new URL(issuer);
    const path = u.pathname === '/' ? '' : u.pathname.replace(/\/$/, '');
    const at = (p) => `${u.origin}${p}`;
    const urls = [at(`/.well-known/oauth-authorization-server${path}`), at(`/.well-known/openid-configuration${path}`)];
    if (path)
        urls.push(at(`${path}/.well-known/openid-configuration`));
    return urls;
}
/** Checks RFC 9728 metadata against the resource clients will ask tokens for. */
export function reviewProtectedResource(body, expectedResource) {
    const problems = [];
    const doc = body && typeof body === 'object' ? body : undefined;
    if (!doc)
        return { authorizationServers: [], problems: ['the answer is not a JSON object'] };
    const resource = typeof doc.resource === 'string' ? doc.resource : undefined;
    if (!resource)
        problems.push('it has no `resource`');
    else if (resource !== expectedResource)
        problems.push(`\`resource\` is ${resource}, expected ${expectedResource}`);
    const listed = Array.isArray(doc.authorization_servers) ? doc.authorization_servers : [];
    const authorizationServers = listed.filter(isSecureHttpUrl);
    if (!listed.length)
        problems.push('it lists no `authorization_servers`');
    else if (!authorizationServers.length)
        problems.push('none of its `authorization_servers` is an https (or loopback http) URL');
    return { resource, authorizationServers, problems };
}
const REQUIRED_ENDPOINTS = ['authorization_endpoint', 'token_endpoint', 'registration_endpoint'];
/** RFC 8414 metadata: the issuer and the endpoints an MCP client needs to register and sign in. */
export function reviewAuthServerMetadata(body, expectedIssuer) {
    const doc = body && typeof body === 'object' ? body : undefined;
    if (!doc)
        return { missing: ['the answer is not a JSON object'], concerns: [] };
    const missing = [];
    const concerns = [];
    if (typeof doc.issuer !== 'string')
        missing.push('`issuer`');
    else if (doc.issuer !== expectedIssuer)
        missing.push(`\`issuer\` ${doc.issuer} (the protected resource names ${expectedIssuer})`);
    for (const key of REQUIRED_ENDPOINTS) {
        if (!(key in doc))
            missing.push(`\`${key}\``);
        else if (!isSecureHttpUrl(doc[key]))
            missing.push(`a usable \`${key}\` (got ${JSON.stringify(doc[key])})`);
    }
    const pkce = doc.code_challenge_methods_supported;
    if (!Array.isArray(pkce) || !pkce.includes('S256')) {
        concerns.push('`code_challenge_methods_supported` does not list S256: MCP clients require PKCE with S256 and may refuse to sign in');
    }
    return { missing, concerns };
}
