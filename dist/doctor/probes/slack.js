import pLimit from 'p-limit';
import { groupProblemFromCode } from '../../slack/user-groups.js';
import { describeSlackFailure } from '../../slack/slack-failures.js';
import { identityOf, slackProbe } from '../../slack/slack-probe.js';
const codeOf = (f) => f.kind === 'missing-scope' ? 'missing_scope' : 'code' in f ? f.code : undefined;
/** Everything doctor asks Slack: a handful of read-only calls, each under the deadline. */
export async function probeSlack(d) {
    const channels = new Map();
    const groups = new Map();
    const s = d.slack;
    if (s.mode === 'shell' || !s.botToken) {
        for (const c of d.channels)
            channels.set(c, { state: 'no-slack' });
        for (const g of d.groups)
            groups.set(g, { state: 'no-slack' });
        return { bot: { state: 'shell' }, app: { mode: 'shell' }, channels, groups };
    }
    const o = { apiUrl: s.apiUrl, log: d.log, timeoutMs: d.timeoutMs, retries: 0 };
    const token = s.botToken;
    const appFacts = async () => {
        if (s.mode === 'http')
            return { mode: 'http' };
        const running = d.connection?.socket?.();
        if (running)
            return { mode: 'socket', running };
        const out = await slackProbe(s.appToken, 'apps.connections.open', {}, o);
        return out.ok
            ? { mode: 'socket', probed: 'ok' }
            : { mode: 'socket', probed: 'failed', words: describeSlackFailure(out.failure, 'SLACK_APP_TOKEN', out.url) };
    };
    const [auth, app] = await Promise.all([slackProbe(token, 'auth.test', {}, o), appFacts()]);
    const signing = s.mode === 'http'
        ? { refusals: d.connection?.refusals?.(), looksLikeSecret: /^[0-9a-f]{32}$/.test(s.signingSecret ?? '') }
        : undefined;
    if (!auth.ok) {
        const words = describeSlackFailure(auth.failure, 'SLACK_BOT_TOKEN', auth.url);
        for (const c of d.channels)
            channels.set(c, { state: 'error', seen: 'the bot token does not work (see above)' });
        for (const g of d.groups)
            groups.set(g, { state: 'problem', problem: groupProblemFromCode(g, codeOf(auth.failure), words.seen) });
        return { bot: { state: 'failed', words }, app, signing, clock: auth.clock, channels, groups };
    }
    const identity = identityOf(auth.result);
    const limit = pLimit(4);
    await Promise.all([
        ...d.channels.map((c) => limit(async () => {
            const r = await slackProbe(token, 'conversations.info', { channel: c }, o);
            if (r.ok) {
                const ch = r.result.channel ?? {};
                channels.set(c, {
                    state: 'found',
                    name: ch.name ?? c,
                    isMember: Boolean(ch.is_member),
                    isArchived: Boolean(ch.is_archived),
                    isPrivate: Boolean(ch.is_private),
                });
            }
            else if (r.failure.kind === 'missing-scope')
                channels.set(c, { state: 'missing-scope', needed: r.failure.needed ?? 'channels:read' });
            else if (codeOf(r.failure) === 'channel_not_found')
                channels.set(c, { state: 'not-found' });
            else
                channels.set(c, { state: 'error', seen: describeSlackFailure(r.failure, 'SLACK_BOT_TOKEN', r.url).seen });
        })),
        ...d.groups.map((g) => limit(async () => {
            const r = await slackProbe(token, 'usergroups.users.list', { usergroup: g }, o);
            groups.set(g, r.ok
                ? { state: 'ok', members: r.result.users?.length ?? 0 }
                : {
                    state: 'problem',
                    problem: groupProblemFromCode(g, codeOf(r.failure), describeSlackFailure(r.failure, 'SLACK_BOT_TOKEN', r.url).seen),
                });
        })),
    ]);
    return {
        bot: identity ? { state: 'ok', identity } : { state: 'not-a-bot' },
        identity: identity ?? undefined,
        app,
        signing,
        scopes: auth.scopes,
        clock: auth.clock,
        channels,
        groups,
    };
}
