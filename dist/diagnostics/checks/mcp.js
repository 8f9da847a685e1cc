import { backendBase, isLoopbackHost } from '../ctx-urls.js';
import { findings, ms } from '../findings.js';
import { tryJson } from '../http-client.js';
import { describeFailure } from '../../util/net-errors.js';
import { authorizationServerMetadataUrls, isBearerChallenge, isSecureHttpUrl, resourceMetadataFromChallenge, reviewAuthServerMetadata, reviewProtectedResource, } from '../oauth-discovery.js';
/** Any slug works: upstream answers 401 before it looks the organisation up. */
export const DEFAULT_PROBE_ORG = 'ctx-ops-probe';
/** An MCP initialize request, as a real client's first message (and upstream's doctor) sends it. */
const INITIALIZE = JSON.stringify({
    jsonrpc: '2.0',
    id: 'ctx-ops',
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'ctx-ops', version: '1' } },
});
const MCP_HEADERS = { accept: 'application/json, text/event-stream', 'content-type': 'application/json' };
/** Upstream doctor's verdict: any failure fails, any warning warns. */
export function mcpVerdict(statuses) {
    if (statuses.includes('fail'))
        return 'failed';
    return statuses.includes('warn') ? 'warning' : 'ready-for-oauth';
}
/** POST /mcp without orgSlug: upstream checks the Origin first, then answers 400 / -32600. */
export function missingOrgVerdict(status, body) {
    if (status === 403)
        return 'origin-rejected';
    if (status === 404)
        return 'no-route';
    const err = tryJson(body)?.error;
    return status === 400 && err?.code === -32600 ? 'ok' : 'unexpected';
}
/**
 * What upstream's `ctxpipe doctor mcp` checks, plus the two answers it skips (the missing
 * orgSlug and the Origin rule), from outside, without credentials.
 *
 * Origin: upstream checks a request's Origin before anything else and accepts exactly
 * AUTH_BASE_URL's origin and AUTH_ALLOWED_ORIGINS; a request without Origin (every native
 * MCP client, and upstream's doctor) skips that rule. So the first probe carries
 * AUTH_BASE_URL's own origin, which a correctly configured backend always accepts: a 403
 * there means the running backend has another AUTH_BASE_URL than this environment says. The
 * OAuth probes then go without Origin, like native clients, so the verdict is the doctor's.
 */
export const mcpCheck = {
    id: 'mcp',
    title: 'MCP / OAuth',
    dependsOn: ['backend'],
    async run(ctx, signal) {
        const f = findings();
        const reasons = [];
        let runbook;
        const fail = (detail, reason, book) => {
            f.fail(detail);
            reasons.push(reason);
            runbook ??= book;
        };
        const warn = (detail, reason) => {
            f.warn(detail);
            reasons.push(reason);
        };
        const env = ctx.env;
        const base = backendBase(env);
        const http = ctx.http;
        targetRules(env, f, fail);
        await probeMissingOrg(http, env, signal, f, fail, warn);
        const metadataUrl = await probeChallenge(http, env, signal, f, fail);
        const servers = metadataUrl ? await probeProtectedResource(http, env, metadataUrl, signal, f, fail) : [];
        const jwksUri = servers[0] ? await probeAuthServer(http, servers[0], signal, f, fail, warn) : undefined;
        if (jwksUri)
            await probeJwksUri(http, jwksUri, signal, f, fail);
        const verdict = mcpVerdict([f.status === 'skip' ? 'ok' : f.status]);
        const summary = verdict === 'ready-for-oauth'
            ? `ready for OAuth at ${base}/mcp`
            : `${verdict === 'failed' ? 'failed' : 'warning'}: ${reasons[0] ?? 'see details'}${reasons.length > 1 ? ` (+${reasons.length - 1} more)` : ''}`;
        return f.done(summary, runbook && verdict === 'failed' ? { runbook } : {});
    },
};
function targetRules(env, f, fail) {
    const u = new URL(backendBase(env));
    if (u.protocol === 'https:')
        f.ok(`MCP endpoint ${u.origin}${u.pathname.replace(/\/$/, '')}/mcp uses https`);
    else if (isLoopbackHost(u.hostname)) {
        // Upstream's doctor warns here; the bot treats a loopback deployment as a valid local setup
        // (the auth check applies the same rule), so a healthy local deployment reads ok.
        f.info('MCP endpoint uses http on loopback: MCP clients accept this for local testing only');
    }
    else
        fail(`MCP endpoint uses http on ${u.hostname}: MCP clients require https for remote servers`, 'remote MCP endpoint is not https', 'sign-in-fails');
}
const answered = (out) => `HTTP ${out.res.status} in ${ms(out.res.ms)}`;
async function probeMissingOrg(http, env, signal, f, fail, warn) {
    const base = backendBase(env);
    const origin = new URL(base).origin;
    const out = await http.request(`${base}/mcp`, {
        method: 'POST',
        signal,
        headers: { ...MCP_HEADERS, origin },
        body: INITIALIZE,
    });
    if (!out.ok) {
        fail(`POST /mcp: ${describeFailure(out.failure, `${base}/mcp`)}`, 'MCP endpoint unreachable');
        return;
    }
    switch (missingOrgVerdict(out.res.status, out.res.text)) {
        case 'ok':
            f.ok(`POST /mcp without orgSlug (Origin ${origin}) → 400 JSON-RPC -32600: the route is there and AUTH_BASE_URL's origin is accepted`);
            return;
        case 'origin-rejected':
            fail(`POST /mcp with Origin ${origin} → 403: upstream accepts only AUTH_BASE_URL's origin and the AUTH_ALLOWED_ORIGINS entries, and this is AUTH_BASE_URL's own origin, so the running backend has a different AUTH_BASE_URL than this environment's configuration (${env.source}) (or, for a loopback AUTH_BASE_URL, the request reached it under a non-loopback Host); browser-based MCP clients get the same 403`, "the backend rejects AUTH_BASE_URL's origin (Origin / AUTH_ALLOWED_ORIGINS)", 'sign-in-fails');
            return;
        case 'no-route':
            fail(`POST /mcp → 404: no MCP route at ${base}/mcp; is AUTH_BASE_URL the ctx| backend (and a version with MCP)?`, 'no MCP route');
            return;
        default:
            warn(`POST /mcp without orgSlug → ${answered(out)} ${JSON.stringify(out.res.text.slice(0, 100))}, expected 400 with JSON-RPC error -32600`, `POST /mcp without orgSlug answered HTTP ${out.res.status}`);
    }
}
async function probeChallenge(http, env, signal, f, fail) {
    const base = backendBase(env);
    const org = env.probeOrg ?? DEFAULT_PROBE_ORG;
    const url = `${base}/mcp?orgSlug=${encodeURIComponent(org)}`;
    const out = await http.request(url, { method: 'POST', signal, headers: MCP_HEADERS, body: INITIALIZE });
    if (!out.ok) {
        fail(`POST /mcp?orgSlug=${org}: ${describeFailure(out.failure, url)}`, 'MCP endpoint unreachable');
        return undefined;
    }
    const { status, headers } = out.res;
    const challenge = headers['www-authenticate'];
    const seen = `POST /mcp?orgSlug=${org} without credentials → ${answered(out)}`;
    if (status === 403) {
        fail(`${seen} although it sent no Origin: upstream rejects this only when AUTH_BASE_URL is a loopback URL and the request's Host is not; otherwise something in front of the backend refuses it`, 'MCP requests are refused (403)', 'sign-in-fails');
        return undefined;
    }
    if (status !== 401) {
        fail(`${seen}; expected 401 with an OAuth challenge${status < 300 ? ': the endpoint answers without credentials' : ''}`, `unauthenticated MCP request answered HTTP ${status}`);
        return undefined;
    }
    if (!challenge) {
        fail(`${seen} but without a WWW-Authenticate header: MCP clients cannot discover how to sign in (a proxy stripping it?)`, 'no WWW-Authenticate challenge');
        return undefined;
    }
    if (!isBearerChallenge(challenge)) {
        fail(`${seen} with WWW-Authenticate ${JSON.stringify(challenge.slice(0, 100))}: its scheme is not Bearer, so MCP clients do not start OAuth`, 'challenge scheme is not Bearer');
        return undefined;
    }
    const metadata = resourceMetadataFromChallenge(challenge);
    if (!metadata || !isSecureHttpUrl(metadata)) {
        fail(`${seen}: its WWW-Authenticate challenge has no absolute https (or loopback http) resource_metadata URL${metadata ? ` (got ${metadata})` : ''}`, 'challenge lacks resource_metadata');
        return undefined;
    }
    f.ok(`${seen} and WWW-Authenticate (scheme Bearer) with resource_metadata ${metadata}`);
    const advertised = new URL(metadata).origin;
    if (advertised !== new URL(base).origin) {
        f.info(`the backend advertises its metadata on ${advertised}, not on AUTH_BASE_URL's origin ${new URL(base).origin}: the running backend's AUTH_BASE_URL differs from this environment's configuration (${env.source}) (clients follow what it advertises)`);
    }
    return metadata;
}
async function probeProtectedResource(http, env, url, signal, f, fail) {
    const out = await http.request(url, { signal, headers: { accept: 'application/json' } });
    if (!out.ok) {
        fail(`protected-resource metadata: ${describeFailure(out.failure, url)}`, 'protected-resource metadata unreachable');
        return [];
    }
    if (out.res.status !== 200) {
        fail(`GET ${url} → ${answered(out)}, expected 200 with protected-resource metadata`, 'protected-resource metadata unavailable');
        return [];
    }
    const expected = `${backendBase(env)}/mcp`;
    const review = reviewProtectedResource(tryJson(out.res.text), expected);
    if (review.problems.length) {
        const slash = review.resource?.endsWith('//mcp') ? ': the backend runs with a trailing slash on AUTH_BASE_URL' : '';
        const other = review.resource && !slash && review.resource !== expected
            ? ': the backend runs with another AUTH_BASE_URL than this environment'
            : '';
        fail(`protected-resource metadata at ${url}: ${review.problems.join('; ')}${slash || other}; MCP clients reject tokens for the wrong resource`, review.resource && review.resource !== expected
            ? 'protected-resource metadata names the wrong resource'
            : 'protected-resource metadata incomplete', slash || other ? 'sign-in-fails' : undefined);
        return [];
    }
    f.ok(`protected-resource metadata: resource ${review.resource}, authorization server ${review.authorizationServers.join(', ')}`);
    return review.authorizationServers;
}
/** Returns the metadata's jwks_uri, when the metadata is usable and names one. */
async function probeAuthServer(http, issuer, signal, f, fail, warn) {
    const tried = [];
    for (const url of authorizationServerMetadataUrls(issuer)) {
        const out = await http.request(url, { signal, headers: { accept: 'application/json' } });
        if (!out.ok) {
            fail(`authorization-server metadata: ${describeFailure(out.failure, url)}`, 'authorization-server metadata unreachable');
            return;
        }
        if (out.res.status !== 200) {
            tried.push(`${new URL(url).pathname} → ${out.res.status}`);
            continue;
        }
        const review = reviewAuthServerMetadata(tryJson(out.res.text), issuer);
        const where = new URL(url).pathname;
        if (tried.length)
            f.info(`authorization-server metadata found at ${where} after ${tried.join(', ')} (upstream's doctor only tries the first)`);
        if (review.missing.length) {
            fail(`authorization-server metadata at ${where} lacks ${review.missing.join(', ')}: MCP clients cannot register or sign in`, review.missing.some((m) => m.includes('registration_endpoint'))
                ? 'no dynamic client registration endpoint'
                : 'authorization-server metadata incomplete');
            return undefined;
        }
        f.ok(`authorization-server metadata at ${where}: issuer ${issuer}, authorization, token and registration endpoints present`);
        for (const c of review.concerns)
            warn(c, 'PKCE S256 not advertised');
        const jwks = tryJson(out.res.text).jwks_uri;
        if (isSecureHttpUrl(jwks))
            return jwks;
        f.info(`the metadata names no usable jwks_uri${jwks === undefined ? '' : ` (got ${JSON.stringify(jwks)})`}, so the signing keys were not read from here`);
        return undefined;
    }
    fail(`no authorization-server metadata for issuer ${issuer}: ${tried.join(', ')}`, 'authorization-server metadata not found');
    return undefined;
}
/**
 * The metadata documents are built without the database; the signing keys are not. Upstream
 * reads them from table jwkss for every JWKS request, signs the tokens of the OAuth flow with
 * them, and validates MCP access tokens against its own JWKS: when this answers 500, the
 * flow fails after the client has registered and the user has signed in.
 */
async function probeJwksUri(http, url, signal, f, fail) {
    const out = await http.request(url, { signal, headers: { accept: 'application/json' } });
    if (!out.ok) {
        fail(`jwks_uri ${url}: ${describeFailure(out.failure, url)}`, 'jwks_uri unreachable');
        return;
    }
    const keys = tryJson(out.res.text)?.keys;
    const body = out.res.text.trim() ? JSON.stringify(out.res.text.trim().slice(0, 100)) : '(empty body)';
    if (out.res.status === 200 && Array.isArray(keys) && keys.length) {
        f.ok(`jwks_uri ${url} → 200 with ${keys.length} public key${keys.length === 1 ? '' : 's'} in ${ms(out.res.ms)}: the backend reads its signing keys (table jwkss)`);
        return;
    }
    if (out.res.status >= 500) {
        fail(`jwks_uri ${url} → ${answered(out)} ${body}: the backend cannot read its signing keys from Postgres (table jwkss); it signs the OAuth flow's tokens and validates MCP access tokens with them, so MCP clients cannot sign in`, 'signing keys unreadable (jwks_uri answers 500)', 'sign-in-fails');
        return;
    }
    fail(`jwks_uri ${url} → ${answered(out)} ${body}, expected 200 with {"keys":[...]}`, `jwks_uri answered HTTP ${out.res.status}`);
}
