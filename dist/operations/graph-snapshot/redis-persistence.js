import { setTimeout as sleep } from 'node:timers/promises';
/** Pure: the fields of `INFO persistence` this needs (absent ones are null). */
export function parsePersistenceInfo(text) {
    const f = new Map();
    for (const line of text.split(/\r?\n/)) {
        const i = line.indexOf(':');
        if (i > 0 && !line.startsWith('#'))
            f.set(line.slice(0, i), line.slice(i + 1).trim());
    }
    const num = (k) => {
        const v = f.get(k);
        const n = v === undefined ? NaN : Number(v);
        return Number.isFinite(n) ? n : null;
    };
    return {
        bgsaveInProgress: f.get('rdb_bgsave_in_progress') === '1',
        lastBgsaveStatus: f.get('rdb_last_bgsave_status') ?? null,
        lastSaveTime: num('rdb_last_save_time'),
        saves: num('rdb_saves'),
        lastBgsaveTimeSec: num('rdb_last_bgsave_time_sec'),
        lastCowSize: num('rdb_last_cow_size'),
        changesSinceLastSave: num('rdb_changes_since_last_save'),
    };
}
const text = (v) => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v));
async function info(c) {
    return parsePersistenceInfo(text(await c.call('INFO', 'persistence')));
}
async function where(c) {
    try {
        const pairs = (await c.call('CONFIG', 'GET', 'dir'));
        const name = (await c.call('CONFIG', 'GET', 'dbfilename'));
        if (pairs.length >= 2 && name.length >= 2)
            return { dir: text(pairs[1]), dbfilename: text(name[1]) };
    }
    catch {
        // CONFIG is often not granted (managed Redis, ACL users): the place is simply not reported.
    }
    return undefined;
}
export async function runBgsave(c, o) {
    const before = await info(c);
    const lastBefore = Number(await c.call('LASTSAVE'));
    let joined = false;
    try {
        await c.call('BGSAVE');
    }
    catch (err) {
        const msg = err.message;
        if (/already in progress/i.test(msg))
            joined = true;
        else
            return { ok: false, stage: 'bgsave', reason: `BGSAVE was refused: ${msg}` };
    }
    const until = Date.now() + o.deadlineMs;
    let last;
    // Bounded: one poll per pollMs until the deadline.
    for (let i = 0; i < Math.ceil(o.deadlineMs / Math.max(1, o.pollMs)) + 1; i++) {
        last = await info(c);
        if (!last.bgsaveInProgress) {
            if (last.lastBgsaveStatus !== null && last.lastBgsaveStatus !== 'ok')
                return {
                    ok: false,
                    stage: 'failed',
                    reason: `the server reports rdb_last_bgsave_status:${last.lastBgsaveStatus} (its log says why, e.g. the dump directory is not writable or the disk is full)`,
                    info: last,
                };
            const lastNow = Number(await c.call('LASTSAVE'));
            const advanced = (last.saves !== null && before.saves !== null && last.saves > before.saves) || lastNow > lastBefore;
            if (advanced) {
                const file = await where(c);
                return { ok: true, savedAt: new Date(lastNow * 1000), info: last, joined, ...(file ? { file } : {}) };
            }
        }
        if (Date.now() >= until || o.signal?.aborted)
            break;
        await sleep(Math.min(o.pollMs, Math.max(1, until - Date.now())), undefined, { signal: o.signal }).catch(() => { });
    }
    return {
        ok: false,
        stage: 'deadline',
        reason: last?.bgsaveInProgress
            ? `the snapshot was still being written after ${Math.round(o.deadlineMs / 1000)} s (rdb_bgsave_in_progress:1); the server carries on, check again with INFO persistence`
            : `LASTSAVE did not move within ${Math.round(o.deadlineMs / 1000)} s`,
        ...(last ? { info: last } : {}),
    };
}
