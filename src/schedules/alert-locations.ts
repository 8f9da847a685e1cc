import type { Store } from '../store/store.js';
import { setAlertMessage, type AlertRecord } from './alert-store.js';

/** An alert kept in memory only (raised while the store was unreachable) has an id like this. */
export const MEMORY_ID_PREFIX = 'mem-';
export const isMemoryId = (id: string | undefined): boolean => Boolean(id?.startsWith(MEMORY_ID_PREFIX));

interface Location {
  channel: string;
  ts: string;
  /** Written to alerts.channel/ts. */
  stored: boolean;
}

/**
 * Where each open alert was posted (its message, whose thread gets reminders and the
 * resolution), kept in memory beside the store: while the store is unreachable the alerter
 * still finds the thread of an alert raised before or during the outage. An alert raised
 * in memory gets its store id on recovery (`alias`); both ids then name one location.
 */
export function createAlertLocations() {
  const byId = new Map<string, Location>();
  const realIds = new Map<string, string>();

  return {
    get(id: string): { channel: string; ts: string } | null {
      const l = byId.get(id);
      return l ? { channel: l.channel, ts: l.ts } : null;
    },
    /** The store id of an alert raised in memory, once it has one (else the id itself, or null). */
    storeId(id: string): string | null {
      if (!isMemoryId(id)) return id;
      return realIds.get(id) ?? null;
    },
    /** The alerter posted the alert: remember where, and write it to the store when it can. */
    async posted(store: Store, id: string, channel: string, ts: string): Promise<void> {
      const l: Location = { channel, ts, stored: false };
      byId.set(id, l);
      const real = isMemoryId(id) ? realIds.get(id) : id;
      if (real) byId.set(real, l);
      if (real) await write(store, real, l);
    },
    /** After a store cycle: the open alerts the store knows (posted by any replica). */
    seed(open: readonly AlertRecord[]): void {
      const keep = new Set(open.map((a) => a.id));
      // Resolved since (and written): nothing will be said in their threads any more.
      for (const [id, l] of byId) {
        const real = isMemoryId(id) ? realIds.get(id) : id;
        if (!real || !l.stored || keep.has(real)) continue;
        byId.delete(id);
        if (real !== id) realIds.delete(id);
      }
      for (const a of open) if (a.channel && a.ts && !byId.has(a.id)) byId.set(a.id, { channel: a.channel, ts: a.ts, stored: true });
    },
    /** Recovery gave the in-memory alert `memId` the store id `realId`. */
    alias(memId: string, realId: string): void {
      realIds.set(memId, realId);
      const l = byId.get(memId);
      if (l) byId.set(realId, l);
    },
    /** Writes locations the store does not have yet (posted while it was unreachable). */
    async flush(store: Store): Promise<void> {
      for (const [id, l] of byId) {
        if (l.stored || isMemoryId(id)) continue;
        await write(store, id, l);
      }
    },
    /** Stepping down after an outage: in-memory alerts are not this replica's to follow any more. */
    forgetMemory(keep: ReadonlySet<string> = new Set()): void {
      for (const id of [...byId.keys()]) if (isMemoryId(id) && !keep.has(id)) byId.delete(id);
      for (const id of [...realIds.keys()]) if (!keep.has(id)) realIds.delete(id);
    },
    forget(id: string): void {
      byId.delete(id);
      realIds.delete(id);
    },
  };

  async function write(store: Store, id: string, l: Location) {
    await setAlertMessage(store, id, l.channel, l.ts);
    l.stored = true;
  }
}
export type AlertLocations = ReturnType<typeof createAlertLocations>;
