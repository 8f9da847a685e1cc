import { renderAlert, renderResolvedNote } from './render.js';
import { context } from '../ui/blocks.js';
import { fallbackNote, lateNote, movedNote, renderDeliverySummary } from '../ui/delivery.js';
import { LIMITS } from '../ui/limits.js';
import { truncate } from '../util/text.js';
import { within } from '../util/deadline.js';
import { deliveryFailure, isKept } from '../slack/delivery-errors.js';
import { claimAlerts, claimDigests, countPendingAlerts, countPendingDigests, digestDelivered, pendingAlerts, pendingDigests, recordFallback, recordShown, releaseAlerts, releaseDigests, supersedeDigests, } from './delivery-store.js';
/** Owed alerts read per replay; more than this is very unusual and waits for the next round. */
const BACKLOG = 1_000;
/** Rounds of one replay: the backlog, then alerts that became owed while it was said. */
const MAX_ROUNDS = 5;
class Stop extends Error {
    failure;
    constructor(failure) {
        super(failure.code);
        this.failure = failure;
    }
}
/**
 * Posts what Slack refused, once it can: the leader's loop over `ctx_ops.alerts` and
 * `ctx_ops.digests` rows marked as owed.
 *
 * - While a channel refuses, it is tried again with bounded backoff (delivery-state.ts);
 *   the first owed message is the probe, so nothing extra is posted. Slack's
 *   member_joined_channel (the bot was invited) or channel_unarchive makes it try at once.
 * - When it works again, every alert still open is posted as it is now (not the refused
 *   copy), at most `replayMax` of them one by one, oldest first; alerts that opened and
 *   resolved meanwhile, and open ones beyond the bound, share one summary message.
 * - Meanwhile, with delivery.fallback set, each owed open alert is posted there once,
 *   with a line saying why and where it belongs.
 * - Each owed row is claimed (conditional UPDATE) before it is posted, so two replicas or
 *   a restart never post it twice.
 */
export function createDelivery(deps) {
    const log = deps.log.child({ part: 'delivery' });
    const storeMs = deps.storeTimeoutMs ?? 10_000;
    const q = (work, what) => within(work, storeMs, what);
    const counts = { alerts: 0, digests: new Map() };
    /** Set while what is owed to the alerts channel is being posted. */
    let replay = null;
    let timer;
    let running = null;
    let again = false;
    let stopped = true;
    /** Rounds failed in a row (the store): said once, not every poll. */
    let failing = 0;
    const titleOf = (check) => deps.titles[check] ?? check;
    const view = (a, extra = {}) => {
        const now = deps.current?.(a.env, a.check);
        const bad = now && (now.result.status === 'fail' || now.result.status === 'warn');
        return {
            env: a.env,
            check: a.check,
            title: titleOf(a.check),
            severity: a.severity,
            summary: bad ? now.result.summary : a.summary,
            since: a.since,
            dependents: (now?.dependents ?? []).map(titleOf),
            ...(now?.result.runbook ? { runbook: now.result.runbook } : {}),
            timeZone: deps.timeZone,
            failureThreshold: deps.failureThreshold,
            ...extra,
        };
    };
    const withNote = (msg, note) => ({
        text: truncate(`${msg.text} (${note.replace(/<[#@]([A-Z0-9]+)>/g, '$1')})`, LIMITS.fallbackText),
        blocks: [...(msg.blocks ?? []), context(note)],
    });
    const resolvedOf = (a) => ({ at: a.resolvedAt ?? deps.now(), downtimeMs: a.downtimeMs ?? 0 });
    /** Runs one Slack write; a failure worth keeping stops this channel's replay (the outbox told the state). */
    const write = async (work) => {
        try {
            return await work;
        }
        catch (err) {
            throw new Stop(deliveryFailure(err));
        }
    };
    // ---- alerts to their own channel -------------------------------------------------
    /** Posts an owed open alert as it is now; returns false when another replica has it. */
    const postOwn = async (channel, id) => {
        const [a] = await q(claimAlerts(deps.store, [id], deps.claimant), 'claim an alert');
        if (!a)
            return false;
        if (a.resolvedAt || a.ts) {
            // Changed since it was read: the next round handles it as it is.
            await q(releaseAlerts(deps.store, [a.id], deps.claimant), 'release an alert');
            return true;
        }
        const msg = withNote(renderAlert(view(a)), lateNote({
            since: a.pendingSince ?? a.openedAt,
            error: a.pendingError ?? 'refused',
            fallback: a.fallback ?? [],
            timeZone: deps.timeZone,
        }));
        let out;
        try {
            out = await write(deps.outbox.post({ channel, text: msg.text, blocks: msg.blocks }));
        }
        catch (err) {
            await q(releaseAlerts(deps.store, [a.id], deps.claimant, err.failure?.code), 'release an alert');
            if (err instanceof Stop && !isKept(err.failure)) {
                // This message can never be posted as rendered: say so once, do not loop on it.
                log.error({ alert: a.id, error: err.failure.code }, 'Slack refused this alert message itself; it stays recorded but cannot be posted');
                await q(deps.store.query(`UPDATE ctx_ops.alerts SET pending_since = NULL, pending_error = $2 WHERE id = $1`, [
                    a.id,
                    err.failure.code,
                ]), 'give up an alert');
                return true;
            }
            throw err;
        }
        await q(recordShown(deps.store, a.id, deps.claimant, { channel: out.channel, ts: out.ts, shared: false }, a.severity), 'record a posted alert');
        deps.locations?.known(a.id, out.channel, out.ts);
        log.info({ alert: a.id, env: a.env, check: a.check, channel: out.channel }, 'owed alert posted');
        // The copies in the fallback say where it is now; best effort, they are only pointers.
        for (const f of a.fallback ?? []) {
            const moved = withNote(renderAlert(view(a)), movedNote(channel));
            await deps.outbox
                .update({ channel: f.channel, ts: f.ts, text: moved.text, blocks: moved.blocks })
                .catch(() => { });
        }
        return true;
    };
    /** Its message is there but out of date (an escalation or the resolution was refused). */
    const fixOwn = async (id) => {
        const [a] = await q(claimAlerts(deps.store, [id], deps.claimant), 'claim an alert');
        if (!a?.channel || !a.ts) {
            if (a)
                await q(releaseAlerts(deps.store, [a.id], deps.claimant), 'release an alert');
            return;
        }
        const where = { channel: a.channel, ts: a.ts, shared: Boolean(a.sharedTs) };
        try {
            if (a.resolvedAt) {
                const v = view(a, { resolved: resolvedOf(a) });
                if (!a.sharedTs) {
                    const msg = renderAlert(v);
                    await write(deps.outbox.update({ channel: a.channel, ts: a.ts, text: msg.text, blocks: msg.blocks }));
                }
                const note = renderResolvedNote({ ...v, resolved: resolvedOf(a) });
                await write(deps.outbox.post({ channel: a.channel, thread_ts: a.ts, text: note.text, blocks: note.blocks }));
                await q(recordShown(deps.store, a.id, deps.claimant, where, 'resolved'), 'record a resolved alert');
            }
            else {
                if (!a.sharedTs) {
                    const msg = renderAlert(view(a));
                    await write(deps.outbox.update({ channel: a.channel, ts: a.ts, text: msg.text, blocks: msg.blocks }));
                }
                await q(recordShown(deps.store, a.id, deps.claimant, where, a.severity), 'record an updated alert');
            }
        }
        catch (err) {
            await q(releaseAlerts(deps.store, [a.id], deps.claimant, err.failure?.code), 'release an alert');
            if (err instanceof Stop && !isKept(err.failure)) {
                // The message is gone (deleted) or cannot be edited: post the alert anew instead.
                log.warn({ alert: a.id, error: err.failure.code }, 'the alert message cannot be updated; it will be posted again');
                await q(deps.store.query(`UPDATE ctx_ops.alerts SET channel = NULL, ts = NULL, shared_ts = false WHERE id = $1`, [
                    a.id,
                ]), 'forget an alert message');
                return;
            }
            throw err;
        }
    };
    const postSummary = async (channel, resolved, open) => {
        const got = await q(claimAlerts(deps.store, [...resolved, ...open].map((a) => a.id), deps.claimant), 'claim alerts for a summary');
        if (!got.length)
            return;
        const r = got.filter((a) => a.resolvedAt);
        const o = got.filter((a) => !a.resolvedAt);
        const since = new Date(Math.min(...got.map((a) => (a.pendingSince ?? a.openedAt).getTime())));
        const error = deps.state.problems().find((p) => p.channel === channel)?.error ??
            got.find((a) => a.pendingError)?.pendingError ??
            'refused';
        const msg = renderDeliverySummary({
            since,
            error,
            resolved: r,
            open: o,
            titles: deps.titles,
            timeZone: deps.timeZone,
        });
        let out;
        try {
            out = await write(deps.outbox.post({ channel, text: msg.text, blocks: msg.blocks }));
        }
        catch (err) {
            await q(releaseAlerts(deps.store, got.map((a) => a.id), deps.claimant, err.failure?.code), 'release alerts');
            throw err;
        }
        for (const a of got) {
            await q(recordShown(deps.store, a.id, deps.claimant, { channel: out.channel, ts: out.ts, shared: true }, a.resolvedAt ? 'resolved' : a.severity), 'record a summarised alert');
            if (!a.resolvedAt)
                deps.locations?.known(a.id, out.channel, out.ts, true);
        }
        log.info({ channel, resolved: r.length, open: o.length }, 'summary of alerts owed to the channel posted');
    };
    /** Everything owed to the alerts channel: open alerts one by one (bounded), the rest summarised. */
    const replayAlerts = async (channel) => {
        let budget = deps.replayMax;
        for (let round = 0; round < MAX_ROUNDS; round++) {
            const owed = await q(pendingAlerts(deps.store, BACKLOG), 'owed alerts');
            if (!owed.length)
                return;
            const resolved = [];
            const overflow = [];
            for (const a of owed) {
                if (a.ts)
                    await fixOwn(a.id);
                else if (a.resolvedAt)
                    resolved.push(a);
                else if (budget > 0) {
                    if (await postOwn(channel, a.id))
                        budget--;
                }
                else
                    overflow.push(a);
            }
            if (resolved.length || overflow.length)
                await postSummary(channel, resolved, overflow);
            // What became owed while this round was said is new: posted one by one in the next.
            budget = Number.POSITIVE_INFINITY;
        }
    };
    /** While the alerts channel refuses: a copy of each owed open alert in each fallback target. */
    const copyToFallback = async (primary) => {
        if (!deps.fallback.length)
            return;
        const owed = (await q(pendingAlerts(deps.store, BACKLOG), 'owed alerts')).filter((a) => !a.resolvedAt && !a.ts);
        const problem = deps.state.problems().find((p) => p.channel === primary);
        for (const target of deps.fallback) {
            if (deps.state.blocked(target) && !deps.state.due(target))
                continue;
            let sent = 0;
            for (const candidate of owed) {
                if (sent >= deps.replayMax)
                    break;
                if (candidate.fallback?.some((f) => f.target === target))
                    continue;
                const [a] = await q(claimAlerts(deps.store, [candidate.id], deps.claimant), 'claim an alert');
                if (!a)
                    continue;
                if (a.resolvedAt || a.ts || a.fallback?.some((f) => f.target === target)) {
                    await q(releaseAlerts(deps.store, [a.id], deps.claimant), 'release an alert');
                    continue;
                }
                const msg = withNote(renderAlert(view(a)), fallbackNote({
                    primary,
                    error: problem?.error ?? a.pendingError ?? 'refused',
                    fix: problem?.fix ?? 'see /ctx doctor',
                }));
                try {
                    const out = await write(deps.outbox.post({ channel: target, text: msg.text, blocks: msg.blocks }));
                    await q(recordFallback(deps.store, a.id, deps.claimant, {
                        target,
                        channel: out.channel,
                        ts: out.ts,
                        at: deps.now().toISOString(),
                    }), 'record a fallback copy');
                    sent++;
                    log.info({ alert: a.id, target }, 'alert copied to the fallback while its channel refuses');
                }
                catch (err) {
                    await q(releaseAlerts(deps.store, [a.id], deps.claimant), 'release an alert');
                    if (err instanceof Stop)
                        break; // this target refuses too: its own backoff applies
                    throw err;
                }
            }
        }
    };
    // ---- digests ---------------------------------------------------------------------
    const replayDigests = async () => {
        if (!deps.digest)
            return;
        const owed = await q(pendingDigests(deps.store), 'owed digests');
        const byChannel = new Map();
        for (const d of owed)
            byChannel.set(d.channel, [...(byChannel.get(d.channel) ?? []), d]);
        for (const [channel, list] of byChannel) {
            if (deps.state.blocked(channel) && !deps.state.due(channel))
                continue;
            const got = await q(claimDigests(deps.store, list.map((d) => d.id), deps.claimant), 'claim digests');
            const bySchedule = new Map();
            for (const d of got)
                bySchedule.set(d.schedule, [...(bySchedule.get(d.schedule) ?? []), d]);
            try {
                for (const [, ticks] of bySchedule) {
                    const newest = ticks[ticks.length - 1];
                    const built = await deps.digest(newest);
                    const out = await write(deps.outbox.post({ channel, text: built.msg.text, blocks: built.msg.blocks }));
                    await q(digestDelivered(deps.store, newest.id, deps.claimant, {
                        channel: out.channel,
                        ts: out.ts,
                        overall: built.overall,
                        snapshot: built.snapshot,
                        at: deps.now(),
                    }), 'record a digest');
                    await q(supersedeDigests(deps.store, ticks.slice(0, -1).map((d) => d.id), deps.claimant), 'supersede digests');
                    log.info({ channel, schedule: newest.schedule, slot: newest.slot, skipped: ticks.length - 1 }, 'owed digest posted');
                }
            }
            catch (err) {
                await q(releaseDigests(deps.store, got.map((d) => d.id), deps.claimant, err.failure?.code), 'release digests').catch(() => { });
                if (!(err instanceof Stop))
                    throw err;
            }
        }
    };
    // ---- the loop --------------------------------------------------------------------
    const recount = async () => {
        const [alerts, digests] = await Promise.all([
            q(countPendingAlerts(deps.store), 'count owed alerts'),
            q(countPendingDigests(deps.store), 'count owed digests'),
        ]);
        counts.alerts = deps.alertsChannel ? alerts : 0;
        counts.digests = digests;
    };
    const round = async () => {
        await recount();
        // Nothing owed (the usual case): two counts per watch cycle, nothing else.
        if (!counts.alerts && ![...counts.digests.values()].some(Boolean))
            return deps.state.share();
        // Retries other replicas asked for (they received member_joined_channel).
        await deps.state.refresh().catch(() => { });
        const channel = deps.alertsChannel;
        if (channel && counts.alerts) {
            const blocked = deps.state.blocked(channel);
            if (!blocked || deps.state.due(channel)) {
                replay = replayAlerts(channel);
                try {
                    await replay;
                }
                catch (err) {
                    if (!(err instanceof Stop))
                        throw err;
                    log.debug({ channel, error: err.failure.code }, 'the alerts channel still refuses');
                }
                finally {
                    replay = null;
                }
            }
            // The fallback is for refusals a person must fix; a rate limit or a network problem passes on its own.
            if (deps.state.failure(channel)?.kind === 'refused')
                await copyToFallback(channel);
        }
        if ([...counts.digests.values()].some(Boolean))
            await replayDigests();
        await recount();
        deps.state.share();
    };
    const schedule = () => {
        clearTimeout(timer);
        if (stopped)
            return;
        const owed = counts.alerts > 0 || [...counts.digests.values()].some(Boolean);
        if (!owed)
            return; // idle until kicked (an owed row, an event, a watch cycle)
        // A channel whose time has come was tried this round (or has nothing owed): poll, never spin.
        const next = deps.state.nextAttemptAt();
        const wait = next === null || next <= Date.now() ? deps.pollMs : Math.min(deps.pollMs, next - Date.now());
        timer = setTimeout(() => kick(), wait);
        timer.unref();
    };
    const kick = () => {
        if (stopped)
            return;
        if (running) {
            again = true;
            return;
        }
        if (!deps.canDeliver())
            return;
        running = (async () => {
            do {
                again = false;
                try {
                    await round();
                    if (failing)
                        log.info({ failedRounds: failing }, 'delivering what is owed works again');
                    failing = 0;
                }
                catch (err) {
                    failing++;
                    log[failing === 1 ? 'warn' : 'debug']({ err: { message: err.message } }, 'could not deliver what is owed this time; will try again');
                }
            } while (again && !stopped && deps.canDeliver());
        })().finally(() => {
            running = null;
            schedule();
        });
    };
    deps.state.onRecovered(() => kick());
    return {
        /** Posts kept for a channel (the outbox's queue is counted by the caller). */
        waiting(channel) {
            return (channel === deps.alertsChannel ? counts.alerts : 0) + (counts.digests.get(channel) ?? 0);
        },
        /**
         * The alerter asks before it posts to `channel`. While owed alerts are being posted
         * there, a new one waits for them (order is kept); while the channel refuses, it is
         * owed too. Resolves with the reason it must be owed, or null to post it now.
         */
        async holding(channel) {
            if (channel === deps.alertsChannel)
                await replay?.catch(() => { });
            return deps.state.failure(channel)?.code ?? null;
        },
        /** Slack says the channel may work now (the bot joined it, it was unarchived): try at once. */
        retryNow(channel) {
            deps.state.retryNow(channel);
            if (deps.canDeliver()) {
                kick();
                return;
            }
            // Another replica leads: ask it through the store.
            void deps.state
                .requestRetry(channel)
                .catch((err) => log.debug({ err: { message: err.message } }, 'could not pass the retry request on'));
        },
        kick,
        start() {
            stopped = false;
            kick();
        },
        /** No new rounds; `idle()` waits for the one running (close the outbox first to cut it short). */
        stop() {
            stopped = true;
            clearTimeout(timer);
        },
        /** Resolves once no round is running (tests). */
        async idle() {
            while (running)
                await running;
        },
    };
}
