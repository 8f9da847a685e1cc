import { setAlertMessage } from '../store/alerts.js';
import { markAlertPending } from './delivery-store.js';
/** An alert kept in memory only (raised while the store was unreachable) has an id like this. */
export const MEMORY_ID_PREFIX = 'mem-';
export const isMemoryId = (id) => Boolean(id?.startsWith(MEMORY_ID_PREFIX));
/**
 * Where each open alert was posted (its message, whose thread gets reminders and the
 * resolution), kept in memory beside the store: while the store is unreachable the alerter
 * still finds the thread of an alert raised before or during the outage. An alert raised
 * in memory gets its store id on recovery (`alias`); both ids then name one location.
 */
export function createAlertLocations() {
    const byId = new Map();
    const realIds = new Map();
    /** Alerts Slack refused whose "owed" mark the store does not have yet (raised in memory, or the write failed). */
    const owed = new Map();
    return {
        get(id) {
            const l = byId.get(id);
            return l ? { channel: l.channel, ts: l.ts, shared: Boolean(l.shared) } : null;
        },
        /** The store id of an alert raised in memory, once it has one (else the id itself, or null). */
        storeId(id) {
            if (!isMemoryId(id))
                return id;
            return realIds.get(id) ?? null;
        },
        /** The alerter posted the alert: remember where, and write it to the store when it can. */
        async posted(store, id, channel, ts) {
            const l = { channel, ts, stored: false };
            byId.set(id, l);
            const real = isMemoryId(id) ? realIds.get(id) : id;
            if (real)
                byId.set(real, l);
            if (real)
                await write(store, real, l);
        },
        /** Posted by the delivery loop (already in the store): remember where, for the alerter's threads. */
        known(id, channel, ts, shared = false) {
            byId.set(id, { channel, ts, stored: true, shared });
        },
        /** Slack refused a write for this alert and the store could not be told yet: `flush` tells it. */
        owe(id, code, at) {
            if (!owed.has(id))
                owed.set(id, { code, at });
        },
        /** After a store cycle: the open alerts the store knows (posted by any replica). */
        seed(open) {
            const keep = new Set(open.map((a) => a.id));
            // Resolved since (and written): nothing will be said in their threads any more.
            for (const [id, l] of byId) {
                const real = isMemoryId(id) ? realIds.get(id) : id;
                if (!real || !l.stored || keep.has(real))
                    continue;
                byId.delete(id);
                if (real !== id)
                    realIds.delete(id);
            }
            for (const a of open)
                if (a.channel && a.ts && !byId.has(a.id))
                    byId.set(a.id, { channel: a.channel, ts: a.ts, stored: true, shared: Boolean(a.sharedTs) });
        },
        /** Recovery gave the in-memory alert `memId` the store id `realId`. */
        alias(memId, realId) {
            realIds.set(memId, realId);
            const l = byId.get(memId);
            if (l)
                byId.set(realId, l);
        },
        /** Writes locations (and owed marks) the store does not have yet (from while it was unreachable). */
        async flush(store) {
            for (const [id, l] of byId) {
                if (l.stored || isMemoryId(id))
                    continue;
                await write(store, id, l);
            }
            for (const [id, o] of [...owed]) {
                const real = isMemoryId(id) ? realIds.get(id) : id;
                if (!real)
                    continue;
                await markAlertPending(store, real, o.code, o.at);
                owed.delete(id);
            }
        },
        /** Stepping down after an outage: in-memory alerts are not this replica's to follow any more. */
        forgetMemory(keep = new Set()) {
            for (const id of [...byId.keys()])
                if (isMemoryId(id) && !keep.has(id))
                    byId.delete(id);
            for (const id of [...owed.keys()])
                if (isMemoryId(id))
                    owed.delete(id);
            for (const id of [...realIds.keys()])
                if (!keep.has(id))
                    realIds.delete(id);
        },
        forget(id) {
            byId.delete(id);
            realIds.delete(id);
        },
    };
    async function write(store, id, l) {
        await setAlertMessage(store, id, l.channel, l.ts);
        l.stored = true;
    }
}
