import { item } from '../types.js';
const SHELL = 'no Slack tokens are set, so ctx-ops runs as a local shell';
const SHELL_FIX = 'for Slack, set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (README, "Slack app")';
export function botTokenItem(f) {
    const t = (status, seen, fix) => item('slack', 'slack.bot-token', 'Bot token', status, seen, fix);
    switch (f.state) {
        case 'shell':
            return t('skip', SHELL, SHELL_FIX);
        case 'ok':
            return t('ok', `valid: bot @${f.identity.userName} (${f.identity.userId}) in ${f.identity.team ? `workspace ${f.identity.team}` : 'its workspace'}${f.identity.teamId ? ` (${f.identity.teamId})` : ''}`);
        case 'not-a-bot':
            return t('fail', "SLACK_BOT_TOKEN belongs to a person, not to the app's bot (auth.test names no bot)", 'copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions into SLACK_BOT_TOKEN');
        case 'failed':
            return t('fail', f.words.seen, f.words.fix);
    }
}
export function appTokenItem(f, clock) {
    const t = (status, seen, fix) => item('slack', 'slack.app-token', 'App-level token', status, seen, fix);
    if (f.mode !== 'socket')
        return f.mode === 'shell'
            ? t('skip', SHELL, SHELL_FIX)
            : t('skip', 'HTTP mode: Slack sends requests here, no app-level token is used');
    if ('running' in f) {
        const r = f.running;
        if (r.state === 'connected')
            return t('ok', `connected over Socket Mode${r.connectedSince ? ` since ${clock(r.connectedSince)}` : ''}`);
        if (r.lastFailure)
            return t('fail', `not connected (${r.failures} failed attempt${r.failures === 1 ? '' : 's'}): ${r.lastFailure.seen}`, r.lastFailure.fix);
        return t('warn', `not connected yet (${r.state})`, 'wait a moment and run doctor again; the log says why when a connection attempt fails');
    }
    if (f.probed === 'ok')
        return t('ok', 'valid, with connections:write (Slack handed out a Socket Mode URL; doctor did not connect to it)');
    return t('fail', f.words.seen, f.words.fix);
}
export function signingItem(f, clock) {
    const t = (status, seen, fix) => item('slack', 'slack.signing-secret', 'Signing secret', status, seen, fix);
    const r = f.refusals;
    const last = r?.lastAt ? `, the last at ${clock(r.lastAt)}` : '';
    if (r && r.signature > 0) {
        return t('fail', `${r.signature} request${r.signature === 1 ? '' : 's'} to /slack/events refused since start: the signature does not match SLACK_SIGNING_SECRET${last}`, 'copy the Signing Secret from Basic Information → App Credentials (not the Client Secret or the Verification Token) into SLACK_SIGNING_SECRET and restart');
    }
    if (r && r.stale > 0)
        return t('warn', `${r.stale} request${r.stale === 1 ? '' : 's'} refused as older than 5 minutes${last}`, "if they came from Slack, this machine's clock is off: check NTP");
    if (!f.looksLikeSecret)
        return t('warn', 'SLACK_SIGNING_SECRET does not look like a Slack signing secret (32 hexadecimal characters)', 'copy it from Basic Information → App Credentials → Signing Secret');
    if (!r)
        return t('ok', 'has the shape of a signing secret; whether it is the right one shows when Slack sends a request (a wrong one gets each refused with 401)');
    return t('ok', 'no request to /slack/events was refused since start');
}
/** The scopes this configuration needs; `usergroups:read` only when permissions name user groups. */
export function scopeNeeds(config, channelCount) {
    const usesGroups = Object.values(config.permissions).some((p) => [...(p.request ?? []), ...(p.approve ?? [])].some((x) => x.startsWith('S')));
    return [
        { scope: 'commands', why: 'the /ctx slash command', level: 'fail' },
        { scope: 'chat:write', why: 'answers, digests, alerts and incident threads', level: 'fail' },
        { scope: 'app_mentions:read', why: '@ctx-ops mentions in incident threads', level: 'warn' },
        ...(usesGroups
            ? [{ scope: 'usergroups:read', why: 'permissions given to user groups (S…)', level: 'fail' }]
            : []),
        ...(channelCount
            ? [
                {
                    scope: 'channels:read',
                    why: 'doctor telling whether @ctx-ops is in each configured channel',
                    level: 'warn',
                },
            ]
            : []),
        {
            scope: 'chat:write.public',
            why: 'posting to public channels without an /invite (private channels still need one)',
            level: 'optional',
        },
    ];
}
/** @param granted the token's scopes from Slack's x-oauth-scopes header; undefined when Slack did not say */
export function scopeItems(granted, needs) {
    if (!granted)
        return [
            item('slack', 'slack.scopes', 'Scopes', 'skip', 'Slack did not say which scopes the bot token has (no x-oauth-scopes header)'),
        ];
    return needs.map((n) => {
        const t = (status, seen, fix) => item('slack', `scope.${n.scope}`, `Scope ${n.scope}`, status, seen, fix);
        const add = `add \`${n.scope}\` under OAuth & Permissions → Bot Token Scopes${n.level === 'optional' ? '' : ' (manifest.yml lists it)'} and reinstall the app`;
        if (granted.includes(n.scope))
            return t('ok', `granted: ${n.why}`);
        if (n.level === 'optional')
            return t('skip', `not granted (optional): it would allow ${n.why}`, `only if you want that: ${add}`);
        return t(n.level, `missing: ${n.why} will not work`, add);
    });
}
