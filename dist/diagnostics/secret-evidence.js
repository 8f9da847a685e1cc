import { describeFailure } from '../util/net-errors.js';
import { mintServiceToken, serviceTokenClaims } from './service-token.js';
import { describeKey } from './signing-keys.js';
/** A path no codesearch route serves: after the token check it answers 404, before it 401. */
const TOKEN_CHECK_PATH = '/.ctx-ops/token-check';
/**
 * Does codesearch accept a token signed with this environment's AUTH_SECRET? Codesearch
 * verifies the token in a middleware in front of every route, so an unknown path answers
 * 401 {"error":"Unauthorized"} when it rejects the token and 404 once it accepts it: no
 * search, no database, no Zoekt.
 */
export async function codesearchAcceptance(http, c, orgId, signal) {
    if (!c.AUTH_SECRET)
        return { kind: 'unknown', reason: 'AUTH_SECRET is not set here' };
    const url = `${c.CODESEARCH_URL.replace(/\/+$/, '')}${TOKEN_CHECK_PATH}`;
    const token = await mintServiceToken(c.AUTH_SECRET, serviceTokenClaims(c, orgId));
    const out = await http.request(url, {
        signal,
        headers: { accept: 'application/json', authorization: `Bearer ${token}` },
    });
    if (!out.ok)
        return { kind: 'unknown', reason: `codesearch did not answer (${describeFailure(out.failure, 'CODESEARCH_URL')})` };
    if (out.res.status === 401)
        return { kind: 'rejects' };
    if (out.res.status === 404 || (out.res.status >= 200 && out.res.status < 300))
        return { kind: 'accepts' };
    return { kind: 'unknown', reason: `codesearch answered HTTP ${out.res.status}` };
}
/** What the newest signing key says about this copy of the secret (the backend signs with that one). */
export function keysFact(e) {
    if (e.kind !== 'read')
        return 'unknown';
    switch (e.latest.result) {
        case 'opens':
            return 'opens';
        case 'wrong-secret':
        case 'no-secret-for-version':
            return 'does-not-open';
        default:
            return 'unknown';
    }
}
export function secretVerdict(f) {
    if (f.backendDecryptFailure)
        return f.keys === 'opens' ? 'backend-differs-from-keys' : 'backend-rotated';
    if (f.keys === 'opens')
        return f.codesearch === 'accepts' ? 'consistent' : f.codesearch === 'rejects' ? 'codesearch-differs' : 'keys-match';
    if (f.keys === 'does-not-open')
        return f.codesearch === 'accepts'
            ? 'backend-rotated'
            : f.codesearch === 'rejects'
                ? 'ctx-ops-stale'
                : 'keys-unmatched';
    return f.codesearch === 'accepts'
        ? 'codesearch-agrees'
        : f.codesearch === 'rejects'
            ? 'codesearch-rejects'
            : 'unknown';
}
/** How the auth check reports each verdict: status, and the runbook (null = none applies). */
export const VERDICT_EFFECT = {
    consistent: { status: 'ok', runbook: null },
    'keys-match': { status: 'ok', runbook: null },
    'codesearch-differs': { status: 'info', runbook: null },
    'ctx-ops-stale': { status: 'warn', runbook: null },
    'backend-rotated': { status: 'fail', runbook: 'auth-secret-changed' },
    'backend-differs-from-keys': { status: 'fail', runbook: 'sign-in-fails' },
    'keys-unmatched': { status: 'warn', runbook: 'sign-in-fails' },
    'codesearch-agrees': { status: 'info', runbook: null },
    'codesearch-rejects': { status: 'warn', runbook: null },
    unknown: { status: 'info', runbook: null },
};
/** What the keys showed, in words (for the evidence sentence). */
export function keysWords(e) {
    switch (e.kind) {
        case 'unavailable':
            return `the signing keys could not be read (${e.reason})`;
        case 'no-secret':
            return 'there is no AUTH_SECRET here to test the signing keys with';
        case 'no-keys':
            return 'table jwkss holds no signing key yet (the backend creates one on first use)';
        case 'read': {
            const k = describeKey(e.latest);
            const others = e.read > 1 ? `; ${e.opened} of the ${e.read} keys read open with it` : '';
            switch (e.latest.result) {
                case 'opens':
                    return `ctx-ops's AUTH_SECRET opens the newest signing key in jwkss, ${k}, the one the backend signs with${others}`;
                case 'wrong-secret':
                    return `ctx-ops's AUTH_SECRET does not open the newest signing key in jwkss, ${k}: it was encrypted with another secret${others}`;
                case 'no-secret-for-version':
                    return `the newest signing key, ${k}, is a BETTER_AUTH_SECRETS envelope of version ${e.latest.version}, and this environment has no secret for that version`;
                case 'not-encrypted':
                    return `the newest signing key, ${k}, is stored unencrypted (disablePrivateKeyEncryption), so AUTH_SECRET does not matter for it`;
                default:
                    return `the newest signing key, ${k}, is not in a format Better Auth writes`;
            }
        }
    }
}
export function codesearchWords(a) {
    switch (a.kind) {
        case 'accepts':
            return 'codesearch accepts a token signed with it';
        case 'rejects':
            return 'codesearch rejects a token signed with it (401)';
        default:
            return `codesearch could not be asked (${a.reason})`;
    }
}
/** One sentence per verdict: what the evidence was, what it means, what to do. */
export function verdictText(v, keys, cs, source) {
    const seen = `${keysWords(keys)}; ${codesearchWords(cs)}`;
    switch (v) {
        case 'consistent':
            return `AUTH_SECRET agrees everywhere ctx-ops can see: ${seen}`;
        case 'keys-match':
            return `AUTH_SECRET matches the backend's signing keys: ${seen}`;
        case 'codesearch-differs':
            return `${seen}: so the backend's keys and ctx-ops agree and codesearch's AUTH_SECRET is the one that differs (see the codesearch check); sign-in is not affected`;
        case 'ctx-ops-stale':
            return `ctx-ops's own copy of AUTH_SECRET (from ${source}) is not the deployment's: ${seen}. The backend's keys and codesearch agree with each other, not with ctx-ops: fix ctx-ops's configuration; nothing in ctx| needs changing`;
        case 'backend-rotated':
            return `AUTH_SECRET was changed after the signing keys were made: ${seen}. A backend running with that value cannot sign anyone in ("Failed to decrypt private key" on get-session with a session, /token and the OAuth token endpoint). Restoring the previous AUTH_SECRET on backend, worker and codesearch repairs it without losing anything; otherwise the remedy is DELETE FROM jwkss and a backend restart, which signs everyone out and invalidates the tokens of every MCP client (runbook auth-secret-changed)`;
        case 'backend-differs-from-keys':
            return `the backend answered "Failed to decrypt private key", yet ${keysWords(keys)}: the backend runs with another AUTH_SECRET than the one its keys (and ctx-ops) have. Give the backend back the AUTH_SECRET ctx-ops has (${source}) and restart it; deleting the keys is not needed`;
        case 'keys-unmatched':
            return `${seen}: either ctx-ops's copy (from ${source}) is stale, or AUTH_SECRET was changed on the backend after the keys were made. Sign in once in a browser: if that fails with "Failed to decrypt private key", the backend's copy changed (runbook auth-secret-changed); if it works, fix ctx-ops's configuration`;
        case 'codesearch-agrees':
            return `${seen}; the signing keys could not be compared, so this is the only check of AUTH_SECRET`;
        case 'codesearch-rejects':
            return `${seen}, and the signing keys could not be compared: either ctx-ops's copy (from ${source}) or codesearch's differs from the backend's; give ctx-ops read access to jwkss (GRANT SELECT ON jwkss) to tell which`;
        case 'unknown':
            return `AUTH_SECRET could not be compared with the deployment: ${seen}`;
    }
}
