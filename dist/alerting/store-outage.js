import { formatDuration } from '../util/format.js';
/**
 * What the watch says about an outage of its store: once when it starts, once when it
 * ends (with what could not be recorded), never per cycle.
 */
export function createOutageLog(log, now) {
    let since = null;
    let skipped = 0;
    let reconcileSaid = false;
    return {
        active: () => since !== null,
        begin(reason) {
            if (since)
                return;
            since = now();
            log.warn({ err: { message: reason } }, 'the store is unreachable: the watch goes on and alerts are still posted, with their state in memory; check history is not recorded and App Home and digests are stale until it is back');
        },
        /** Check results that could not be written to the history. */
        skip(results) {
            skipped += results;
        },
        reconcileFailed(err) {
            if (reconcileSaid)
                return;
            reconcileSaid = true;
            log.warn({ err: { message: err.message } }, 'cannot write the alert state kept in memory to the store yet; will retry every cycle');
        },
        ended(outcome, droppedActions) {
            const lastedMs = since ? now().getTime() - since.getTime() : 0;
            log.info({ lastedMs, skippedHistory: skipped, ...outcome, ...(droppedActions ? { droppedActions } : {}) }, `the store is back after ${formatDuration(lastedMs)}: alert state kept in memory is written to it; ${skipped} check results were not recorded in the history during the outage`);
            since = null;
            skipped = 0;
            reconcileSaid = false;
        },
        reset() {
            since = null;
            skipped = 0;
            reconcileSaid = false;
        },
    };
}
