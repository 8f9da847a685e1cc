import { lazyRequire } from '../util/lazy-require.js';
import { boltLogger } from './bolt-logger.js';
import { classifySlackFailure } from './slack-failures.js';
const webApiModule = lazyRequire('@slack/web-api');
export async function slackProbe(token, method, args, o) {
    const now = o.now ?? Date.now;
    let clock;
    let scopes;
    const recordingFetch = async (input, init) => {
        const sent = now();
        const res = await fetch(input, init);
        const date = res.headers.get('date');
        const received = now();
        const remote = date ? new Date(date) : undefined;
        if (remote && !Number.isNaN(remote.getTime()))
            clock = { source: 'Slack', remote, local: new Date((sent + received) / 2), rttMs: received - sent };
        const s = res.headers.get('x-oauth-scopes');
        if (s !== null)
            scopes = s
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean);
        return res;
    };
    const client = new (webApiModule().WebClient)(token, {
        slackApiUrl: o.apiUrl,
        timeout: o.timeoutMs ?? 10_000,
        retryConfig: { retries: o.retries ?? 0, factor: 2, minTimeout: 250, maxTimeout: 1_000 },
        rejectRateLimitedCalls: true,
        fetch: recordingFetch,
        logger: boltLogger(o.log, { quiet: true }),
    });
    const url = `${o.apiUrl}${method}`;
    try {
        const result = (await client.apiCall(method, args));
        return { ok: true, result, scopes: scopes ?? result.response_metadata?.scopes, clock, url };
    }
    catch (err) {
        return { ok: false, failure: classifySlackFailure(err), scopes, clock, url };
    }
}
/** auth.test's answer as the bot's identity; null when the token is not a bot's (no bot_id). */
export function identityOf(r) {
    const a = r;
    if (!a.user_id || !a.bot_id)
        return null;
    return { userId: a.user_id, userName: a.user ?? 'ctx-ops', botId: a.bot_id, teamId: a.team_id, team: a.team };
}
