import { within } from '../util/deadline.js';
import { fixFor } from '../slack/delivery-errors.js';
/** Bounded, jittered exponential backoff: never a hot loop, never more than maxMs between tries. */
export function retryDelayMs(failures, baseMs, maxMs, random = Math.random) {
    const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
    return Math.round(exp * (0.75 + random() * 0.25));
}
/** "#alerts", "user U0ALICE01", or "channel C0ALERTS" when its name is unknown. */
export function describeTarget(channel, name) {
    if (name)
        return `#${name}`;
    return /^[UW][A-Z0-9]+$/.test(channel) ? `user ${channel}` : `channel ${channel}`;
}
/**
 * Which channels the bot could not post to, since when, why, what to do, and when to try
 * again. The outbox reports every write's outcome here; the delivery loop and the alerter
 * ask whether a channel is blocked before they post. Each problem is also written to
 * `ctx_ops.delivery_problems`, so `doctor` and App Home on any replica see what the
 * leader saw, and an event received by a follower can ask the leader to retry now.
 */
export function createDeliveryState(opts) {
    const log = opts.log.child({ part: 'delivery' });
    const targets = new Map();
    const storeMs = opts.storeTimeoutMs ?? 5_000;
    /** Problems other replicas recorded, as of the last refresh(). */
    let shared = [];
    const listeners = [];
    /** Writes per channel, in order: a DELETE must not overtake the INSERT before it. */
    const writes = new Map();
    const problemOf = (channel, t) => {
        const role = opts.roleOf(channel);
        const isUser = /^[UW][A-Z0-9]+$/.test(channel);
        return {
            channel,
            purpose: role.purpose,
            error: t.failure.code,
            fix: fixFor(t.failure, {
                where: describeTarget(channel, opts.nameOf(channel)),
                configKey: role.configKey,
                botName: opts.botName(),
                isUser,
            }),
            since: t.since,
            lastAttemptAt: t.lastAttemptAt,
            waiting: opts.waiting(channel),
        };
    };
    const persist = (channel) => {
        const store = opts.store;
        if (!store)
            return;
        const t = targets.get(channel);
        const work = () => t
            ? (() => {
                const p = problemOf(channel, t);
                return store.query(`INSERT INTO ctx_ops.delivery_problems (channel, purpose, error, fix, since, last_attempt_at, waiting, replica, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
             ON CONFLICT (channel) DO UPDATE SET purpose = EXCLUDED.purpose, error = EXCLUDED.error, fix = EXCLUDED.fix, since = LEAST(ctx_ops.delivery_problems.since, EXCLUDED.since),
               last_attempt_at = EXCLUDED.last_attempt_at, waiting = EXCLUDED.waiting, replica = EXCLUDED.replica, updated_at = now()`, [channel, p.purpose, p.error, p.fix, p.since, p.lastAttemptAt, p.waiting, opts.replica ?? '']);
            })()
            : store.query(`DELETE FROM ctx_ops.delivery_problems WHERE channel = $1`, [channel]);
        const next = (writes.get(channel) ?? Promise.resolve())
            .then(() => within(work(), storeMs, 'delivery problems'))
            .catch((err) => log.debug({ err: { message: err.message } }, 'could not share the delivery problem through the store'));
        writes.set(channel, next);
        void next.finally(() => {
            if (writes.get(channel) === next)
                writes.delete(channel);
        });
    };
    return {
        /** A write to `channel` failed in a way that is kept and retried. */
        failed(channel, failure) {
            const now = opts.now();
            const t = targets.get(channel);
            const failures = (t?.failures ?? 0) + 1;
            const next = {
                failure,
                since: t?.since ?? now,
                lastAttemptAt: now,
                failures,
                // Real time, not now(): timers wait on it (now() may be fixed in tests and replays).
                nextAttemptAt: Date.now() + retryDelayMs(failures, opts.retryBaseMs, opts.retryMaxMs, opts.random),
            };
            targets.set(channel, next);
            if (!t || t.failure.code !== failure.code) {
                const p = problemOf(channel, next);
                log.error({ channel, purpose: p.purpose, error: p.error, fix: p.fix }, `cannot post to ${describeTarget(channel, opts.nameOf(channel))} (${p.error}): ${p.fix}; alerts and digests for it are kept and retried`);
            }
            else {
                log.debug({ channel, error: failure.code, failures, retryInMs: next.nextAttemptAt - Date.now() }, 'still cannot post; will retry');
            }
            persist(channel);
        },
        /** A write to `channel` went through. */
        ok(channel) {
            const t = targets.get(channel);
            const wasShared = shared.some((r) => r.channel === channel);
            if (!t && !wasShared)
                return;
            targets.delete(channel);
            shared = shared.filter((r) => r.channel !== channel);
            if (t)
                log.info({ channel, error: t.failure.code, since: t.since }, `posting to ${describeTarget(channel, opts.nameOf(channel))} works again`);
            persist(channel);
            for (const l of listeners)
                l(channel);
        },
        blocked: (channel) => targets.has(channel),
        failure: (channel) => targets.get(channel)?.failure,
        /** Blocked, and its backoff has passed. */
        due(channel, at = Date.now()) {
            const t = targets.get(channel);
            return Boolean(t && t.nextAttemptAt <= at);
        },
        /** Try at once (Slack said the bot joined the channel, or it was unarchived). */
        retryNow(channel) {
            const t = targets.get(channel);
            if (!t)
                return false;
            t.nextAttemptAt = 0;
            return true;
        },
        /** When the earliest blocked channel may be tried again (ms since the epoch), or null. */
        nextAttemptAt() {
            let min = null;
            for (const t of targets.values())
                min = min === null ? t.nextAttemptAt : Math.min(min, t.nextAttemptAt);
            return min;
        },
        channels: () => [...targets.keys()],
        /** Called with the channel whenever a blocked channel works again. */
        onRecovered(fn) {
            listeners.push(fn);
        },
        /** This replica's problems, then those only other replicas saw (as of the last refresh). */
        problems() {
            const mine = [...targets].map(([channel, t]) => problemOf(channel, t));
            const others = shared
                .filter((r) => !targets.has(r.channel))
                .map((r) => ({
                channel: r.channel,
                purpose: r.purpose,
                error: r.error,
                fix: r.fix,
                since: r.since,
                lastAttemptAt: r.last_attempt_at,
                waiting: r.waiting,
            }));
            return [...mine, ...others].sort((a, b) => a.since.getTime() - b.since.getTime());
        },
        /**
         * Reads what other replicas recorded. A retry another replica asked for (it received
         * the member_joined_channel event) makes that channel due here.
         */
        async refresh() {
            if (!opts.store)
                return;
            // A replica that died with a problem leaves its row behind; the leader rewrites its own every round.
            await within(opts.store.query(`DELETE FROM ctx_ops.delivery_problems WHERE updated_at < now() - interval '1 hour'`), storeMs, 'delivery problems');
            const { rows } = await within(opts.store.query(`SELECT * FROM ctx_ops.delivery_problems ORDER BY since`), storeMs, 'delivery problems');
            shared = rows;
            for (const r of rows) {
                const t = targets.get(r.channel);
                if (t && r.retry_requested_at && r.retry_requested_at.getTime() > t.lastAttemptAt.getTime())
                    t.nextAttemptAt = 0;
            }
        },
        /** Asks whichever replica leads to retry `channel` at once (through the store). */
        async requestRetry(channel) {
            if (!opts.store)
                return;
            await within(opts.store.query(`UPDATE ctx_ops.delivery_problems SET retry_requested_at = now() WHERE channel = $1`, [
                channel,
            ]), storeMs, 'delivery retry request');
        },
        /** Writes the current `waiting` counts (after the loop counted what is kept). */
        share() {
            for (const channel of targets.keys())
                persist(channel);
        },
    };
}
