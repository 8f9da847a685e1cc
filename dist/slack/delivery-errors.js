/** Codes that refuse every post to the channel (or every post of this app) until a person acts. */
const CHANNEL_REFUSALS = new Set([
    'not_in_channel',
    'channel_not_found',
    'is_archived',
    'missing_scope',
    'not_allowed_token_type',
    'team_access_not_granted',
    'ekm_access_denied',
    'access_denied',
    'no_permission',
    'messages_tab_disabled',
    'cannot_dm_bot',
    'user_not_found',
    'user_disabled',
    'invalid_auth',
    'not_authed',
    'account_inactive',
    'token_revoked',
    'token_expired',
    'org_login_required',
]);
/** Platform errors worth trying again later (the outbox already retried them a few times). */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);
/** The token itself is refused: no channel will work until it is replaced. */
export const TOKEN_ERRORS = new Set([
    'invalid_auth',
    'not_authed',
    'account_inactive',
    'token_revoked',
    'token_expired',
    'org_login_required',
]);
export function deliveryFailure(err) {
    const e = err;
    if (e?.code === 'slack_webapi_rate_limited_error')
        return { kind: 'ratelimited', code: 'ratelimited' };
    if (e?.code === 'slack_webapi_platform_error') {
        const code = e.data?.error ?? 'unknown_error';
        if (code === 'ratelimited' || code === 'rate_limited')
            return { kind: 'ratelimited', code: 'ratelimited' };
        if (CHANNEL_REFUSALS.has(code) || code.startsWith('restricted_action'))
            return { kind: 'refused', code, ...(e.data?.needed ? { needed: e.data.needed } : {}) };
        if (TRANSIENT.has(code))
            return { kind: 'transient', code };
        return { kind: 'message', code };
    }
    if (e?.code === 'slack_webapi_http_error') {
        const status = e.statusCode ?? 0;
        return { kind: status >= 500 || status === 408 ? 'transient' : 'message', code: `http_${status}` };
    }
    // Request errors (refused, reset, timeout), the outbox closing, anything unknown: try again later.
    return { kind: 'transient', code: 'network' };
}
/** Every kind but `message` is kept and retried. */
export const isKept = (f) => f.kind !== 'message';
/** One sentence telling a person what to do about a failure; pure, table-tested. */
export function fixFor(f, c) {
    const invite = `type /invite @${c.botName} in ${c.where}`;
    if (TOKEN_ERRORS.has(f.code))
        return 'Slack refused the bot token: reinstall the app and set SLACK_BOT_TOKEN to the new xoxb- token';
    if (f.code.startsWith('restricted_action')) {
        return `only some members may post in ${c.where}: let @${c.botName} post there (channel settings → Posting permissions), or set ${c.configKey} in ctx-ops.yml to another channel`;
    }
    switch (f.code) {
        case 'not_in_channel':
            return invite;
        case 'channel_not_found':
            return c.isUser
                ? `Slack does not know ${c.where}: fix ${c.configKey} in ctx-ops.yml`
                : `${c.where} does not exist or is private without @${c.botName} in it: ${invite}, or set ${c.configKey} in ctx-ops.yml to a channel id that exists`;
        case 'is_archived':
            return `${c.where} is archived: unarchive it, or set ${c.configKey} in ctx-ops.yml to another channel`;
        case 'missing_scope':
            return `the Slack app lacks the ${f.needed ?? 'chat:write'} scope: add it under OAuth & Permissions (manifest.yml lists every scope) and reinstall the app`;
        case 'messages_tab_disabled':
            return `direct messages from @${c.botName} are off: turn on the Messages tab under App Home in the app settings (manifest.yml does), or remove ${c.where} from ${c.configKey}`;
        case 'user_not_found':
        case 'user_disabled':
        case 'cannot_dm_bot':
            return `${c.where} cannot receive direct messages from @${c.botName}: remove it from ${c.configKey} in ctx-ops.yml`;
        case 'ratelimited':
            return 'Slack is rate limiting ctx-ops: posts wait and go out on their own, nothing to do unless this lasts';
        case 'network':
            return 'ctx-ops cannot reach Slack: check the network, proxy or SLACK_API_URL; posts are retried on their own';
        case 'not_allowed_token_type':
        case 'team_access_not_granted':
        case 'ekm_access_denied':
        case 'access_denied':
        case 'no_permission':
            return `Slack does not let @${c.botName} post in ${c.where} (${f.code}): ask a workspace admin, or set ${c.configKey} in ctx-ops.yml to another channel`;
        default:
            if (f.kind === 'transient')
                return `Slack is having trouble (${f.code}); posts are retried on their own (status.slack.com)`;
            return `Slack answered ${f.code} for ${c.where}; posts are retried every few minutes`;
    }
}
