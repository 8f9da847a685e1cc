import { classifyError, describeFailure } from '../util/net-errors.js';
/** Slack's answers that mean "this token is not (or no longer) accepted". */
export const TOKEN_REJECTED = {
    invalid_auth: 'mistyped, cut short, from another workspace, or regenerated since',
    not_authed: 'no token reached Slack',
    account_inactive: 'the app was uninstalled or its bot user deactivated',
    token_revoked: 'revoked, e.g. when the app was uninstalled',
    token_expired: 'expired; token rotation is on for the app',
    user_removed_from_team: 'the bot user was removed from the workspace',
    team_disabled: 'the workspace is disabled',
    org_login_required: 'the workspace is moving to an Enterprise Grid organisation',
    ekm_access_denied: 'administrators suspended the app (Enterprise Key Management)',
    invalid_token: 'Slack does not know it',
};
export function classifySlackFailure(err) {
    const e = err;
    if (e?.code === 'slack_webapi_platform_error') {
        const raw = e.data?.error;
        const code = typeof raw === 'string' ? raw : '';
        // web-api turns a body that is not JSON (a proxy's HTML page) into error: <the body>.
        if (!/^[a-z0-9_.]{1,64}$/.test(code))
            return { kind: 'not-slack', sample: code.replace(/\s+/g, ' ').trim().slice(0, 60) };
        if (code in TOKEN_REJECTED)
            return { kind: 'rejected', code };
        if (code === 'not_allowed_token_type')
            return { kind: 'wrong-type', code };
        if (code === 'missing_scope') {
            return { kind: 'missing-scope', needed: str(e.data?.needed), provided: str(e.data?.provided) };
        }
        if (code === 'ratelimited' || code === 'rate_limited')
            return { kind: 'rate-limited' };
        return { kind: 'platform', code };
    }
    if (e?.code === 'slack_webapi_rate_limited_error')
        return { kind: 'rate-limited', retryAfterS: e.retryAfter };
    if (e?.code === 'slack_webapi_http_error')
        return { kind: 'http', status: e.statusCode ?? 0 };
    return { kind: 'unreachable', net: classifyError(err) };
}
const str = (v) => (typeof v === 'string' && v ? v : undefined);
/** Where each token comes from, in the words of Slack's app settings. */
export const TOKEN_HELP = {
    SLACK_BOT_TOKEN: 'reinstall the app (api.slack.com/apps → your app → Install App) and copy the Bot User OAuth Token (xoxb-…) into SLACK_BOT_TOKEN',
    SLACK_APP_TOKEN: 'generate an app-level token under Basic Information → App-Level Tokens with the connections:write scope and copy it (xapp-…) into SLACK_APP_TOKEN',
};
/**
 * @param token which token the call used
 * @param url the URL that was called (SLACK_API_URL + method), named when Slack is unreachable
 */
export function describeSlackFailure(f, token, url) {
    switch (f.kind) {
        case 'rejected':
            return {
                seen: `Slack rejected ${token} with ${f.code} (${TOKEN_REJECTED[f.code] ?? 'not accepted'})`,
                fix: TOKEN_HELP[token],
                config: true,
            };
        case 'wrong-type':
            return token === 'SLACK_APP_TOKEN'
                ? {
                    seen: `SLACK_APP_TOKEN is not an app-level token (Slack answered ${f.code})`,
                    fix: `it must be the xapp-… token, not the Bot User OAuth Token: ${TOKEN_HELP.SLACK_APP_TOKEN}`,
                    config: true,
                }
                : {
                    seen: `SLACK_BOT_TOKEN is not a bot token (Slack answered ${f.code})`,
                    fix: `it must be the xoxb-… token, not the app-level one: ${TOKEN_HELP.SLACK_BOT_TOKEN}`,
                    config: true,
                };
        case 'missing-scope': {
            const needed = f.needed ?? (token === 'SLACK_APP_TOKEN' ? 'connections:write' : 'a scope');
            const has = f.provided ? ` (it has ${f.provided.split(',').join(', ')})` : '';
            return token === 'SLACK_APP_TOKEN'
                ? {
                    seen: `SLACK_APP_TOKEN lacks the ${needed} scope${has}`,
                    fix: 'under Basic Information → App-Level Tokens, generate a token with connections:write and put it in SLACK_APP_TOKEN',
                    config: true,
                }
                : {
                    seen: `SLACK_BOT_TOKEN lacks the ${needed} scope${has}`,
                    fix: `add ${needed} under OAuth & Permissions → Bot Token Scopes (manifest.yml lists every scope), reinstall the app and update SLACK_BOT_TOKEN if it changed`,
                    config: true,
                };
        }
        case 'unreachable':
            return {
                seen: `cannot reach Slack at ${url}: ${describeFailure(f.net, hostOf(url))}`,
                fix: unreachableFix(f.net, url),
                config: false,
            };
        case 'http':
            return httpWords(f.status, url);
        case 'not-slack':
            return {
                seen: `${url} answered something that is not Slack's Web API${f.sample ? ` ("${f.sample}…")` : ''}`,
                fix: `SLACK_API_URL must be Slack's Web API base ending in /api/ (default https://slack.com/api/); a proxy's login or error page looks like this`,
                config: true,
            };
        case 'rate-limited':
            return {
                seen: `Slack rate-limited the request${f.retryAfterS ? ` (retry after ${f.retryAfterS} s)` : ''}`,
                fix: 'it passes by itself; if it persists, something else may be calling Slack with the same token',
                config: false,
            };
        case 'platform':
            return { seen: `Slack answered ${f.code}`, fix: 'if it persists, look at status.slack.com', config: false };
    }
}
function httpWords(status, url) {
    if (status === 404 || status === 405 || status === 410) {
        return {
            seen: `${url} answered HTTP ${status}, so it is not Slack's Web API`,
            fix: 'SLACK_API_URL must be the Web API base ending in /api/ (default https://slack.com/api/)',
            config: true,
        };
    }
    if (status === 407)
        return {
            seen: `a proxy in front of ${hostOf(url)} asks for credentials (HTTP 407)`,
            fix: 'point SLACK_API_URL at a proxy that needs no credentials, or allow outbound HTTPS to Slack',
            config: true,
        };
    if (status >= 500)
        return {
            seen: `${hostOf(url)} answered HTTP ${status}`,
            fix: 'Slack (or a proxy in between) is failing: look at status.slack.com and try again in a few minutes',
            config: false,
        };
    return {
        seen: `${url} answered HTTP ${status}`,
        fix: 'check SLACK_API_URL (default https://slack.com/api/) and any proxy in between',
        config: true,
    };
}
function unreachableFix(f, url) {
    const custom = !url.startsWith('https://slack.com/');
    const proxy = "behind an egress proxy, set SLACK_API_URL to an address that reaches Slack's Web API";
    switch (f.kind) {
        case 'dns':
            return custom ? 'check the host name in SLACK_API_URL' : `check this machine's DNS and outbound access; ${proxy}`;
        case 'refused':
            return custom ? 'check the host and port in SLACK_API_URL' : `a firewall refuses outbound HTTPS; ${proxy}`;
        case 'timeout':
            return `no answer in time: a firewall may drop outbound HTTPS (port 443); ${proxy}`;
        case 'tls':
            return 'a proxy that inspects TLS needs its CA certificate in NODE_EXTRA_CA_CERTS; or SLACK_API_URL points at something that does not speak TLS';
        case 'reset':
            return `the connection was cut: a proxy or firewall in between may block Slack; ${proxy}`;
        default:
            return `check SLACK_API_URL and outbound HTTPS from this machine`;
    }
}
export function hostOf(url) {
    try {
        const u = new URL(url);
        return u.port ? `${u.hostname}:${u.port}` : u.hostname;
    }
    catch {
        return url;
    }
}
export function tokenKind(token) {
    if (token.startsWith('xoxb-'))
        return 'bot';
    if (token.startsWith('xapp-'))
        return 'app';
    if (token.startsWith('xoxp-'))
        return 'user';
    return 'other';
}
const KIND_WORDS = {
    bot: 'a bot token (xoxb-…)',
    app: 'an app-level token (xapp-…)',
    user: 'a user token (xoxp-…)',
    other: 'something that is not a Slack token',
};
/** Null when the value has the right shape for its variable; otherwise the words for it. */
export function tokenShapeProblem(token, value) {
    const kind = tokenKind(value);
    const want = token === 'SLACK_BOT_TOKEN' ? 'bot' : 'app';
    if (kind === want)
        return null;
    const swap = token === 'SLACK_BOT_TOKEN' && kind === 'app'
        ? 'put it in SLACK_APP_TOKEN, and '
        : token === 'SLACK_APP_TOKEN' && kind === 'bot'
            ? 'put it in SLACK_BOT_TOKEN, and '
            : '';
    return { seen: `${token} holds ${KIND_WORDS[kind]}`, fix: `${swap}${TOKEN_HELP[token]}`, config: true };
}
