import { renderDigest } from './render.js';
import { buildDigest, snapshotOf } from './digest.js';
import { claimDigest, markDigestPosted } from '../store/digests.js';
import { recordReport } from '../diagnostics/history.js';
/**
 * One scheduled digest tick. Only the leader posts, and only after claiming the tick in
 * the database: a replica that wrongly believes it leads finds the tick taken and stays
 * quiet. A tick is claimed before it is posted, so a crash in between loses that digest
 * rather than risking two (at most once per tick).
 */
export function digestTick(deps, schedule) {
    const log = deps.log.child({ schedule: schedule.name });
    return async (slot) => {
        if (!(await deps.leader.claim())) {
            log.debug({ slot }, 'not the leader; the leader posts this digest');
            return;
        }
        if (deps.leader.isDegraded()) {
            // A tick is claimed in the store, which is unreachable: posting anyway could post it twice.
            log.warn({ slot }, 'the store is unreachable: this digest is skipped (the watch and its alerts go on)');
            return;
        }
        const store = deps.digest.store;
        const id = await claimDigest(store, {
            schedule: schedule.name,
            slot,
            channel: schedule.channel,
            replica: deps.leader.replica,
        });
        if (!id) {
            log.info({ slot }, 'this tick was already claimed by another replica');
            return;
        }
        const digest = await buildDigest(deps.digest, {
            envs: schedule.environments,
            maxAgeMs: 0,
            schedule: { name: schedule.name, slot },
        });
        for (const e of digest.envs)
            await recordReport(store, e.report, 'digest').catch((err) => log.warn({ err: { message: err.message } }, 'cannot record check history'));
        const msg = renderDigest(digest, deps.titles);
        let out;
        try {
            out = await deps.outbox.post({ channel: schedule.channel, text: msg.text, blocks: msg.blocks });
        }
        catch (err) {
            if (!(await deps.keep?.(id, err)))
                throw err;
            log.warn({ slot, channel: schedule.channel, err: { message: err.message } }, 'Slack did not take the digest; it is kept and posted (as of then) once the channel works');
            return;
        }
        const { channel, ts } = out;
        await markDigestPosted(store, id, {
            channel,
            ts,
            overall: digest.overall,
            snapshot: snapshotOf(digest),
            at: deps.digest.now(),
        });
        log.info({ slot, channel, ts, overall: digest.overall }, 'digest posted');
        await deps.afterPost?.();
    };
}
