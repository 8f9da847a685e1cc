import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A FalkorDB (Redis) server snapshot: BGSAVE, then INFO persistence and LASTSAVE until the
 * fork has finished or failed, or the deadline passed. Only what Redis says is reported:
 * INFO persistence carries no RDB file size, so none is invented; the copy-on-write size
 * and the file's place (CONFIG GET dir / dbfilename, when the user may run CONFIG) are.
 */
export interface RedisCaller {
  call(command: string, ...args: Array<string | number | Buffer>): Promise<unknown>;
}

export interface PersistenceInfo {
  bgsaveInProgress: boolean;
  lastBgsaveStatus: string | null;
  lastSaveTime: number | null;
  saves: number | null;
  lastBgsaveTimeSec: number | null;
  lastCowSize: number | null;
  changesSinceLastSave: number | null;
}

/** Pure: the fields of `INFO persistence` this needs (absent ones are null). */
export function parsePersistenceInfo(text: string): PersistenceInfo {
  const f = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0 && !line.startsWith('#')) f.set(line.slice(0, i), line.slice(i + 1).trim());
  }
  const num = (k: string) => {
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

export type BgsaveOutcome =
  | {
      ok: true;
      /** LASTSAVE after the save (the server's clock). */
      savedAt: Date;
      info: PersistenceInfo;
      /** CONFIG GET dir and dbfilename, when allowed. */
      file?: { dir: string; dbfilename: string };
      /** True when a save already running was followed instead of starting one. */
      joined: boolean;
    }
  | {
      ok: false;
      stage: 'bgsave' | 'failed' | 'deadline';
      reason: string;
      info?: PersistenceInfo;
    };

export interface BgsaveOptions {
  deadlineMs: number;
  pollMs: number;
  signal?: AbortSignal;
}

const text = (v: unknown) => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v));

async function info(c: RedisCaller): Promise<PersistenceInfo> {
  return parsePersistenceInfo(text(await c.call('INFO', 'persistence')));
}

async function where(c: RedisCaller): Promise<{ dir: string; dbfilename: string } | undefined> {
  try {
    const pairs = (await c.call('CONFIG', 'GET', 'dir')) as unknown[];
    const name = (await c.call('CONFIG', 'GET', 'dbfilename')) as unknown[];
    if (pairs.length >= 2 && name.length >= 2) return { dir: text(pairs[1]), dbfilename: text(name[1]) };
  } catch {
    // CONFIG is often not granted (managed Redis, ACL users): the place is simply not reported.
  }
  return undefined;
}

export async function runBgsave(c: RedisCaller, o: BgsaveOptions): Promise<BgsaveOutcome> {
  const before = await info(c);
  const lastBefore = Number(await c.call('LASTSAVE'));
  let joined = false;
  try {
    await c.call('BGSAVE');
  } catch (err) {
    const msg = (err as Error).message;
    if (/already in progress/i.test(msg)) joined = true;
    else return { ok: false, stage: 'bgsave', reason: `BGSAVE was refused: ${msg}` };
  }
  const until = Date.now() + o.deadlineMs;
  let last: PersistenceInfo | undefined;
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
      const advanced =
        (last.saves !== null && before.saves !== null && last.saves > before.saves) || lastNow > lastBefore;
      if (advanced) {
        const file = await where(c);
        return { ok: true, savedAt: new Date(lastNow * 1000), info: last, joined, ...(file ? { file } : {}) };
      }
    }
    if (Date.now() >= until || o.signal?.aborted) break;
    await sleep(Math.min(o.pollMs, Math.max(1, until - Date.now())), undefined, { signal: o.signal }).catch(() => {});
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
