import { renderAlert, renderReminder, renderResolvedNote } from './render.js';
import { context, escapeMrkdwn, md } from '../ui/blocks.js';
import { LIMITS } from '../ui/limits.js';
import { truncate } from '../util/text.js';
import { createAlertLocations, isMemoryId } from './alert-locations.js';
import { getAlert } from '../store/alerts.js';
import { within } from '../util/deadline.js';
import { deliveryFailure, isKept } from '../slack/delivery-errors.js';
import { markAlertPending } from './delivery-store.js';
/** A thread lookup in the store gives up after this (the alert is then said without its thread). */
const STORE_LOOKUP_MS = 10_000;
/** The context line of an alert said while the bot's own store is unreachable. */
export function storeUnreachableNote(replica) {
    return `🗄️ ctx-ops cannot reach its own store (schema ctx_ops), so App Home, digests and history are stale until it is back; this alert is tracked in memory${replica ? ` by replica ${replica}` : ''}`;
}
/**
 * Says what the alert state machine decided: a new alert in the alerts channel, reminders
 * and the resolution in its thread, an escalation as an update of the message itself.
 * Silenced alerts were recorded by the store and are not posted.
 *
 * Actions are queued per check, in order, and the watch does not wait for them: a Slack
 * outage (the outbox retries for minutes) must not stall the checks and the history.
 * Where each alert was posted is kept in memory too, so threads are found while the
 * store is unreachable (the outbox needs no store).
 */
export function createAlerter(deps) {
    const chains = new Map();
    const log = deps.log.child({ part: 'alerter' });
    const locations = deps.locations ?? createAlertLocations();
    const view = (p, extra = {}) => ({
        env: p.alert.env,
        check: p.alert.check,
        title: deps.titles[p.alert.check] ?? p.alert.check,
        severity: p.alert.severity,
        summary: p.result.summary,
        since: p.alert.since,
        dependents: p.dependents.map((d) => deps.titles[d] ?? d),
        ...(p.result.runbook ? { runbook: p.result.runbook } : {}),
        timeZone: deps.timeZone,
        failureThreshold: deps.failureThreshold,
        ...extra,
    });
    // People will wonder why App Home and the digest look stale: the message says why.
    const noted = (p, msg) => {
        if (!p.storeUnreachable)
            return msg;
        const note = storeUnreachableNote(deps.replica);
        return {
            text: truncate(`${msg.text} (${note})`, LIMITS.fallbackText),
            blocks: [...(msg.blocks ?? []), context(note)],
        };
    };
    /** Slack refused (or could not take) a write for this alert: it is owed, and the delivery loop posts it. */
    const owe = async (p, code) => {
        const at = deps.now();
        const id = p.alert.id;
        if (!deps.delivery)
            return;
        if (p.storeUnreachable || isMemoryId(id))
            locations.owe(id, code, at);
        else {
            await within(markAlertPending(deps.store, id, code, at), STORE_LOOKUP_MS, 'mark an alert owed').catch((err) => {
                log.info({ alert: id, err: { message: err.message } }, 'the alert is kept in memory as owed until the store is back');
                locations.owe(id, code, at);
            });
        }
        deps.delivery.kick();
    };
    /** A write failed: kept (owed) unless Slack refused this very message. */
    const failed = async (p, err) => {
        const f = deliveryFailure(err);
        if (deps.delivery && isKept(f)) {
            log.warn({ alert: p.alert.id, env: p.alert.env, check: p.alert.check, error: f.code }, 'Slack did not take this alert; it is kept and posted when the channel works');
            return owe(p, f.code);
        }
        throw err;
    };
    /** While the channel refuses, the alert joins the owed ones (in order) instead of being tried. */
    const held = async (p, channel) => {
        // A leader without its store cannot post owed alerts later: it tries, and remembers a refusal in memory.
        if (!deps.delivery || p.storeUnreachable)
            return false;
        const why = await deps.delivery.holding(channel);
        if (why === null)
            return false;
        await owe(p, why);
        return true;
    };
    const postNew = async (p, extra = {}) => {
        if (!deps.channel)
            return;
        if (await held(p, deps.channel))
            return;
        const msg = noted(p, renderAlert(view(p, extra)));
        let out;
        try {
            out = await deps.outbox.post({ channel: deps.channel, text: msg.text, blocks: msg.blocks });
        }
        catch (err) {
            return failed(p, err);
        }
        const { channel, ts } = out;
        // Known in memory at once; the store write is not waited for (it may hang across a partition).
        void locations
            .posted(deps.store, p.alert.id, channel, ts)
            .catch((err) => log.info({ alert: p.alert.id, err: { message: err.message } }, 'where the alert was posted is kept in memory until the store is back'));
    };
    /**
     * The alert as it is now: from the store (owed or not, fallback copies, a shared
     * summary message), else where this replica remembers posting it.
     */
    const current = async (p) => {
        const id = p.alert.id;
        const known = locations.get(id);
        if (!isMemoryId(id) && !p.storeUnreachable) {
            const stored = await within(getAlert(deps.store, id), STORE_LOOKUP_MS, 'where the alert was posted').catch(() => null);
            if (stored)
                return {
                    ...p.alert,
                    ...stored,
                    ...(!stored.ts && known ? { channel: known.channel, ts: known.ts, sharedTs: known.shared } : {}),
                };
        }
        return { ...p.alert, channel: known?.channel ?? null, ts: known?.ts ?? null, sharedTs: known?.shared ?? false };
    };
    /** Resolved while it was only in the fallback: say so there too (best effort; the summary says it again). */
    const resolveCopies = async (p, resolved) => {
        for (const f of p.alert.fallback ?? []) {
            const note = renderResolvedNote({ ...view(p), resolved });
            const msg = renderAlert(view(p, { resolved }));
            await deps.outbox
                .post({ channel: f.channel, thread_ts: f.ts, text: note.text, blocks: note.blocks })
                .catch(() => { });
            await deps.outbox.update({ channel: f.channel, ts: f.ts, text: msg.text, blocks: msg.blocks }).catch(() => { });
        }
    };
    const perform = async (planned) => {
        // Where the alert was posted is known only once its first post went through: look it up now.
        const fresh = planned.action.kind !== 'open' && planned.action.kind !== 'post';
        const p = fresh ? { ...planned, alert: await current(planned) } : planned;
        const { action, alert } = p;
        const alog = log.child({ env: alert.env, check: alert.check, alert: alert.id, action: action.kind });
        try {
            switch (action.kind) {
                case 'open':
                    if (action.silenced)
                        return alog.info({ silencedBy: alert.silencedBy }, 'alert recorded, not posted (silenced)');
                    if (!deps.channel)
                        return alog.warn('alert recorded, not posted: no alerts channel is configured');
                    return await postNew(p);
                case 'post':
                    return await postNew(p, { lateBecause: 'a silence or maintenance window' });
                case 'escalate': {
                    // Owed: the delivery loop posts it as it is then, escalated. A summary message is not edited.
                    if (alert.pendingSince || alert.sharedTs || !alert.channel || !alert.ts)
                        return;
                    if (await held(p, alert.channel))
                        return;
                    const msg = noted(p, renderAlert(view(p, { severity: 'fail', escalatedAt: deps.now() })));
                    await deps.outbox
                        .update({ channel: alert.channel, ts: alert.ts, text: msg.text, blocks: msg.blocks })
                        .catch((err) => failed(p, err));
                    return;
                }
                case 'remind': {
                    // Never owed: the next reminder, or the owed alert itself, says it again.
                    if (alert.pendingSince || !alert.channel || !alert.ts)
                        return;
                    if (deps.delivery && !p.storeUnreachable && (await deps.delivery.holding(alert.channel)) !== null)
                        return;
                    const msg = renderReminder(view(p), deps.now());
                    // A summary message lists several alerts: its thread needs the alert's name.
                    const text = alert.sharedTs
                        ? `${deps.titles[alert.check] ?? alert.check} on ${alert.env}: ${msg.text}`
                        : msg.text;
                    await deps.outbox.post({
                        channel: alert.channel,
                        thread_ts: alert.ts,
                        text,
                        blocks: alert.sharedTs ? [md(escapeMrkdwn(text))] : msg.blocks,
                    });
                    return;
                }
                case 'resolve': {
                    if (!action.posted)
                        return alog.info('resolved; it was never posted, so nothing is said');
                    const resolved = { at: alert.resolvedAt ?? deps.now(), downtimeMs: action.downtimeMs };
                    if (!alert.ts)
                        await resolveCopies(p, resolved);
                    // Owed (never posted, or an earlier write was refused): the delivery loop says it, once.
                    if (alert.pendingSince)
                        return deps.delivery?.kick();
                    if (!alert.channel || !alert.ts)
                        return alog.info('resolved; it was never posted, so nothing is said');
                    if (await held(p, alert.channel))
                        return;
                    const note = renderResolvedNote({ ...view(p), resolved });
                    try {
                        await deps.outbox.post({
                            channel: alert.channel,
                            thread_ts: alert.ts,
                            text: note.text,
                            blocks: note.blocks,
                        });
                        // A summary message speaks for several alerts: only its thread hears this one resolved.
                        if (!alert.sharedTs) {
                            const msg = renderAlert(view(p, { resolved }));
                            await deps.outbox.update({ channel: alert.channel, ts: alert.ts, text: msg.text, blocks: msg.blocks });
                        }
                    }
                    catch (err) {
                        await failed(p, err);
                    }
                    return;
                }
            }
        }
        catch (err) {
            // The outbox has logged the Slack side; the alert itself stays recorded.
            alog.error({ err: { message: err.message } }, 'could not say what the alert state machine decided');
        }
    };
    /** One alert at a time per check, in order: an outage's alert and its resolution never swap. */
    const queue = (env, check, job) => {
        const key = `${env}\u0000${check}`;
        const next = (chains.get(key) ?? Promise.resolve()).then(job);
        chains.set(key, next);
        void next.finally(() => {
            if (chains.get(key) === next)
                chains.delete(key);
        });
    };
    return {
        locations,
        /** Queues the action behind earlier ones of the same check; returns at once. */
        enqueue(p) {
            queue(p.alert.env, p.alert.check, () => perform(p));
        },
        /**
         * This replica stepped down after leading through a store outage, and the new leader
         * does not know this alert (it was raised in memory): say so in its thread rather
         * than leave it open forever without a word.
         */
        handOver(a) {
            queue(a.env, a.check, async () => {
                const where = locations.get(a.id);
                locations.forget(a.id);
                if (!where)
                    return;
                const title = deps.titles[a.check] ?? a.check;
                const text = `ℹ️ ${title} on ${a.env}: this alert was raised while ctx-ops could not reach its own store, and the replica that raised it${deps.replica ? ` (${deps.replica})` : ''} no longer leads. Its resolution will not be posted here; check the current state with /ctx check ${a.check} ${a.env}`;
                await deps.outbox
                    .post({ channel: where.channel, thread_ts: where.ts, text, blocks: [md(escapeMrkdwn(text))] })
                    .catch((err) => log.error({ env: a.env, check: a.check, err: { message: err.message } }, 'could not post the hand-over note'));
            });
        },
        /** Resolves when every queued action has been said (or given up on). */
        async idle() {
            while (chains.size)
                await Promise.allSettled([...chains.values()]);
        },
    };
}
