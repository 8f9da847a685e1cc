import { backoffDelayMs, formatDelay } from '../../util/backoff.js';
import { classifySlackFailure, describeSlackFailure, hostOf } from '../../slack/slack-failures.js';
import { SlackStartError } from './start-checks.js';
export function createSocketKeeper(o) {
    const log = o.log.child({ part: 'socket-mode' });
    const now = o.now ?? (() => new Date());
    let state = 'idle';
    let attempts = 0;
    let failures = 0;
    let connectedSince;
    let downSince;
    let lastFailure;
    let lastReported;
    let wsError;
    let wsHost;
    let wake;
    let timer;
    o.client.on('error', (err) => (wsError = err));
    o.client.on('authenticated', (res) => (wsHost = res?.url ? hostOf(res.url) : undefined));
    o.client.on('disconnected', () => {
        // Only a connection we had and lost; failed attempts are handled where they are made.
        if (state !== 'connected')
            return;
        downSince = now();
        connectedSince = undefined;
        log.info('Socket Mode connection closed; reconnecting');
        void loop(false).catch((err) => log.error({ err: { message: err.message } }, 'Socket Mode reconnection stopped'));
    });
    /** The words for a failed attempt, and how long Slack asked us to wait (429 Retry-After). */
    const describe = (err) => {
        const code = err?.code;
        if (typeof code === 'string' && code.startsWith('slack_webapi_')) {
            const f = classifySlackFailure(err);
            return {
                ...describeSlackFailure(f, 'SLACK_APP_TOKEN', `${o.apiUrl}apps.connections.open`),
                ...(f.kind === 'rate-limited' && f.retryAfterS ? { retryAfterMs: f.retryAfterS * 1000 } : {}),
            };
        }
        const cause = (err ?? wsError);
        const msg = cause?.original?.message ?? cause?.message;
        return {
            seen: `the Socket Mode WebSocket${wsHost ? ` to ${wsHost}` : ''} closed before Slack said hello${msg ? ` (${msg})` : ''}`,
            fix: 'outbound WebSocket connections (wss://, port 443) to Slack must be allowed; where a proxy blocks them, use HTTP mode (SLACK_SIGNING_SECRET) instead',
            config: false,
        };
    };
    const sleep = (ms) => new Promise((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, ms);
    });
    async function loop(initial) {
        state = 'connecting';
        for (;;) {
            attempts++;
            wsError = undefined;
            let failed = null;
            try {
                await o.client.start();
            }
            catch (err) {
                failed = { err };
            }
            if (state === 'stopped') {
                if (!failed)
                    await o.client.disconnect().catch(() => { });
                return;
            }
            if (!failed) {
                if (failures > 0 || lastReported) {
                    log.info({ failedAttempts: failures, downMs: downSince ? now().getTime() - downSince.getTime() : undefined }, `Socket Mode connected after ${failures} failed attempt${failures === 1 ? '' : 's'}`);
                }
                else if (!initial)
                    log.info('Socket Mode reconnected');
                state = 'connected';
                connectedSince = now();
                downSince = undefined;
                failures = 0;
                lastReported = undefined;
                return;
            }
            failures++;
            const { retryAfterMs, ...words } = describe(failed.err);
            lastFailure = { ...words, at: now() };
            if (initial && words.config) {
                state = 'stopped';
                throw new SlackStartError(words, { cause: failed.err });
            }
            const delay = Math.max(backoffDelayMs(failures, o.backoff), retryAfterMs ?? 0);
            if (words.seen !== lastReported) {
                lastReported = words.seen;
                const line = `Socket Mode could not connect: ${words.seen}. ${capitalise(words.fix)}. Retrying in ${formatDelay(delay)}, then less and less often (at most every ${formatDelay(o.backoff.maxMs)}); this is logged again only if the cause changes.`;
                if (words.config)
                    log.error({ attempt: attempts }, line);
                else
                    log.warn({ attempt: attempts }, line);
            }
            else {
                log.debug({ attempt: attempts, retryInMs: delay }, `Socket Mode still cannot connect: ${words.seen}`);
            }
            state = 'waiting';
            await sleep(delay);
            if (state === 'stopped')
                return;
            state = 'connecting';
        }
    }
    return {
        start: () => loop(true),
        stop() {
            state = 'stopped';
            clearTimeout(timer);
            wake?.();
        },
        info: () => ({ state, attempts, failures, connectedSince, lastFailure }),
    };
}
const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);
