import type { Logger } from 'pino';
import { formatDuration } from '../util/format.js';
import type { ReconcileOutcome } from './alert-reconcile.js';

/**
 * What the watch says about an outage of its store: once when it starts, once when it
 * ends (with what could not be recorded), never per cycle.
 */
export function createOutageLog(log: Logger, now: () => Date) {
  let since: Date | null = null;
  let skipped = 0;
  let reconcileSaid = false;

  return {
    active: () => since !== null,
    begin(reason: string): void {
      if (since) return;
      since = now();
      log.warn(
        { err: { message: reason } },
        'the store is unreachable: the watch goes on and alerts are still posted, with their state in memory; check history is not recorded and App Home and digests are stale until it is back',
      );
    },
    /** Check results that could not be written to the history. */
    skip(results: number): void {
      skipped += results;
    },
    reconcileFailed(err: Error): void {
      if (reconcileSaid) return;
      reconcileSaid = true;
      log.warn(
        { err: { message: err.message } },
        'cannot write the alert state kept in memory to the store yet; will retry every cycle',
      );
    },
    ended(outcome: ReconcileOutcome, droppedActions: number): void {
      const lastedMs = since ? now().getTime() - since.getTime() : 0;
      log.info(
        { lastedMs, skippedHistory: skipped, ...outcome, ...(droppedActions ? { droppedActions } : {}) },
        `the store is back after ${formatDuration(lastedMs)}: alert state kept in memory is written to it; ${skipped} check results were not recorded in the history during the outage`,
      );
      since = null;
      skipped = 0;
      reconcileSaid = false;
    },
    reset(): void {
      since = null;
      skipped = 0;
      reconcileSaid = false;
    },
  };
}
export type OutageLog = ReturnType<typeof createOutageLog>;
