import { setTimeout as sleep } from 'node:timers/promises';
import { deliveryFailure } from '../slack/delivery-errors.js';
/** Platform errors that may pass if tried again; every other `ok: false` is final. */
const RETRYABLE_ERRORS = new Set([
    'internal_error',
    'fatal_error',
    'service_unavailable',
    'request_timeout',
    'ratelimited',
    'rate_limited',
]);
/**
 * How a Slack write failed. The outbox's client rejects 429s at once (rejectRateLimitedCalls)
 * so Retry-After is honoured here, once, per channel, instead of inside the client.
 */
export function classifySlackError(err) {
    const e = err;
    if (e?.code === 'slack_webapi_rate_limited_error')
        return { kind: 'rate-limited', retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000 };
    if (e?.code === 'slack_webapi_platform_error') {
        const code = e.data?.error ?? '';
        if (code === 'ratelimited' || code === 'rate_limited')
            return { kind: 'rate-limited', retryAfterMs: Math.max(1, e.data?.response_metadata?.retryAfter ?? 1) * 1000 };
        return RETRYABLE_ERRORS.has(code) ? { kind: 'retry' } : { kind: 'final' };
    }
    if (e?.code === 'slack_webapi_http_error')
        return (e.statusCode ?? 500) >= 500 ? { kind: 'retry' } : { kind: 'final' };
    // Request errors (connection refused, reset, timeout) and anything unknown: try again.
    return { kind: 'retry' };
}
export function backoffMs(attempt, baseMs, maxMs, random = Math.random) {
    const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(exp / 2 + random() * (exp / 2));
}
/**
 * A per-channel queue for everything the bot posts on its own (digests, alerts, and other
 * features' notices): keeps to Slack's ~1 message/s per channel, collapses queued updates
 * of one message into the last, waits out 429 Retry-After, retries failures with bounded
 * backoff, and logs whatever it finally gives up on.
 */
export function createOutbox(opts) {
    const log = opts.log.child({ part: 'outbox' });
    const minInterval = opts.minIntervalMs ?? 1_000;
    const maxAttempts = opts.maxAttempts ?? 6;
    const baseMs = opts.backoffBaseMs ?? 1_000;
    const maxMs = opts.backoffMaxMs ?? 30_000;
    const maxRateLimitWaits = opts.maxRateLimitWaits ?? 10;
    const lanes = new Map();
    const stop = new AbortController();
    let slack; // undefined: not attached yet (writes wait)
    let attached = () => { };
    let whenAttached = new Promise((r) => (attached = r));
    let closed = false;
    const lane = (channel) => {
        let l = lanes.get(channel);
        if (!l)
            lanes.set(channel, (l = { queue: [], notBefore: 0, pumping: false }));
        return l;
    };
    const giveUp = (item, err, why) => {
        // A channel Slack refuses as a whole is logged once, with its fix, by the delivery state; alerts and digests are kept.
        const level = deliveryFailure(err).kind === 'refused' ? 'warn' : 'error';
        log[level]({
            channel: item.msg.channel,
            kind: item.kind,
            ts: item.msg.ts,
            thread: item.msg.thread_ts,
            attempts: item.attempts,
            rateLimited: item.rateLimited,
            err: { message: err.message },
        }, `outbox gave up on a message (${why}): ${item.msg.text.slice(0, 120)}`);
        for (const w of item.waiters)
            w.reject(err);
    };
    const send = async (s, item) => {
        const { channel, text, blocks, thread_ts, ts } = item.msg;
        if (item.kind === 'update') {
            await s.update({ channel, ts: ts, text, ...(blocks ? { blocks } : {}) });
            return { channel, ts: ts };
        }
        return s.post({ channel, text, ...(blocks ? { blocks } : {}), ...(thread_ts ? { thread_ts } : {}) });
    };
    const pump = async (channel) => {
        const l = lane(channel);
        if (l.pumping)
            return;
        l.pumping = true;
        try {
            while (l.queue.length && !stop.signal.aborted) {
                if (slack === undefined)
                    await Promise.race([whenAttached, aborted()]);
                if (stop.signal.aborted)
                    break;
                const wait = l.notBefore - Date.now();
                if (wait > 0)
                    await sleep(wait, undefined, { signal: stop.signal }).catch(() => { });
                if (stop.signal.aborted)
                    break;
                const item = l.queue[0];
                if (!slack) {
                    l.queue.shift();
                    giveUp(item, new Error('not connected to Slack (shell or CLI): nothing can be posted'), 'no Slack');
                    continue;
                }
                item.inFlight = true;
                item.attempts += 1;
                try {
                    const out = await send(slack, item);
                    l.queue.shift();
                    l.notBefore = Date.now() + minInterval;
                    opts.observer?.delivered(channel);
                    for (const w of item.waiters)
                        w.resolve(out);
                }
                catch (err) {
                    item.inFlight = false;
                    const f = classifySlackError(err);
                    if (f.kind === 'rate-limited') {
                        item.attempts -= 1; // a 429 is Slack asking us to wait, not a failed attempt
                        item.rateLimited += 1;
                        if (item.rateLimited > maxRateLimitWaits) {
                            l.queue.shift();
                            opts.observer?.failed(channel, err);
                            giveUp(item, err, `still rate limited after ${maxRateLimitWaits} waits`);
                            continue;
                        }
                        l.notBefore = Date.now() + f.retryAfterMs;
                        log.info({ channel, retryAfterMs: f.retryAfterMs }, 'Slack asked to slow down (429); waiting before the next write to this channel');
                    }
                    else if (f.kind === 'final' || item.attempts >= maxAttempts) {
                        l.queue.shift();
                        l.notBefore = Date.now() + minInterval;
                        opts.observer?.failed(channel, err);
                        giveUp(item, err, f.kind === 'final' ? 'Slack refused it' : `failed ${item.attempts} times`);
                        // Slack refuses this channel as a whole (not_in_channel, is_archived…): what is
                        // queued behind would be refused the same way, one per second. Callers keep what matters.
                        if (deliveryFailure(err).kind === 'refused') {
                            for (const rest of l.queue.splice(0))
                                giveUp(rest, err, 'Slack refuses this channel');
                        }
                    }
                    else {
                        const delay = backoffMs(item.attempts, baseMs, maxMs);
                        l.notBefore = Date.now() + delay;
                        log.warn({ channel, attempt: item.attempts, retryInMs: delay, err: { message: err.message } }, 'Slack write failed; will retry');
                    }
                }
            }
        }
        finally {
            l.pumping = false;
        }
    };
    const aborted = () => new Promise((r) => stop.signal.addEventListener('abort', () => r(), { once: true }));
    const enqueue = (kind, msg) => new Promise((resolve, reject) => {
        if (closed)
            return reject(new Error('the outbox is closed (shutting down)'));
        if (slack === null)
            return reject(new Error('not connected to Slack (shell or CLI): nothing can be posted'));
        const l = lane(msg.channel);
        if (kind === 'update') {
            const same = l.queue.find((i) => i.kind === 'update' && !i.inFlight && i.msg.ts === msg.ts);
            if (same) {
                same.msg = msg;
                same.waiters.push({ resolve, reject });
                return;
            }
        }
        l.queue.push({
            kind,
            msg,
            waiters: [{ resolve, reject }],
            attempts: 0,
            rateLimited: 0,
            inFlight: false,
            queuedAt: Date.now(),
        });
        void pump(msg.channel);
    });
    return {
        post: (msg) => enqueue('post', { ...msg }),
        async update(msg) {
            await enqueue('update', { ...msg });
        },
        attach(s) {
            slack = s;
            attached();
            whenAttached = Promise.resolve();
            for (const channel of lanes.keys())
                void pump(channel);
        },
        pending: () => [...lanes.values()].reduce((n, l) => n + l.queue.length, 0),
        pendingFor: (channel) => lanes.get(channel)?.queue.length ?? 0,
        oldestAgeMs: () => {
            const oldest = Math.min(...[...lanes.values()].map((l) => l.queue[0]?.queuedAt ?? Number.POSITIVE_INFINITY));
            return Number.isFinite(oldest) ? Math.max(0, Date.now() - oldest) : 0;
        },
        async close(flushMs = 5_000) {
            closed = true;
            const deadline = Date.now() + flushMs;
            while (slack && [...lanes.values()].some((l) => l.queue.length) && Date.now() < deadline)
                await sleep(50);
            stop.abort();
            for (const l of lanes.values()) {
                for (const item of l.queue.splice(0))
                    giveUp(item, new Error('the outbox closed before this was sent'), 'shutting down');
            }
        },
    };
}
