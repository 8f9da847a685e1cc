/**
 * Every time, duration and size a person reads, formatted one way. Times are always in the
 * configured `timezone` and carry its abbreviation ("09:12 CET"), so a status, an alert, a
 * timeline and the audit log can be read side by side. Machine-readable forms (--json,
 * file names) stay ISO-8601 UTC and do not come from here.
 */

// ── Times ────────────────────────────────────────────────────────────────────

interface Parts {
  year: string;
  month: string;
  day: string;
  weekday: string;
  monthName: string;
  hour: string;
  minute: string;
  second: string;
}

/**
 * UTC (the default zone) is formatted by hand: the first Intl.DateTimeFormat of a process
 * costs ~10 ms of ICU start-up per locale, and naming a zone tries six locales, which a
 * one-shot `ctx-ops status` paid for one "UTC". Other zones need ICU's time-zone data.
 */
const UTC_ZONES = new Set(['UTC', 'Etc/UTC']);
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const two = (n: number) => String(n).padStart(2, '0');
function utcParts(at: Date): Parts {
  const month = two(at.getUTCMonth() + 1);
  return {
    year: String(at.getUTCFullYear()),
    month,
    day: two(at.getUTCDate()),
    weekday: WEEKDAYS[at.getUTCDay()]!,
    monthName: MONTHS[at.getUTCMonth()]!,
    hour: two(at.getUTCHours()),
    minute: two(at.getUTCMinutes()),
    second: two(at.getUTCSeconds()),
  };
}

const partFormats = new Map<string, Intl.DateTimeFormat>();
function partsOf(at: Date, timeZone: string): Parts {
  if (UTC_ZONES.has(timeZone)) return utcParts(at);
  let f = partFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partFormats.set(timeZone, f);
  }
  const p = f.formatToParts(at);
  const v = (type: string) => p.find((x) => x.type === type)?.value ?? '';
  const month = v('month');
  return {
    year: v('year'),
    month,
    day: v('day'),
    weekday: v('weekday'),
    monthName: MONTHS[Number(month) - 1] ?? month,
    hour: v('hour'),
    minute: v('minute'),
    second: v('second'),
  };
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * English locales differ in which zones they name: en-GB knows CET, en-US knows EST,
 * en-AU AEDT, en-IN IST, en-ZA EAT, ja-JP JST. The first locale that names the zone (in
 * winter or summer) is kept for it; a zone none names is shown as its offset (GMT+3).
 */
const NAMING_LOCALES = ['en-GB', 'en-US', 'en-AU', 'en-IN', 'en-ZA', 'ja-JP'];
const zoneLocale = new Map<string, Intl.DateTimeFormat>();
const zoneNameIn = (f: Intl.DateTimeFormat, at: Date) =>
  f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
const isOffset = (name: string) => /^(GMT|UTC)[+-−]/.test(name);

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let f = zoneLocale.get(timeZone);
  if (f) return f;
  const probes = [new Date(Date.UTC(2026, 0, 15, 12)), new Date(Date.UTC(2026, 6, 15, 12))];
  const candidates = NAMING_LOCALES.map((l) => new Intl.DateTimeFormat(l, { timeZone, timeZoneName: 'short' }));
  f = candidates.find((c) => probes.some((at) => !isOffset(zoneNameIn(c, at)))) ?? candidates[0]!;
  zoneLocale.set(timeZone, f);
  return f;
}

/** "CET", "CEST", "EST", "UTC"; the offset ("GMT+3") where no abbreviation exists. */
export function zoneName(at: Date, timeZone: string): string {
  if (UTC_ZONES.has(timeZone)) return 'UTC';
  return zoneNameIn(zoneFormat(timeZone), at).replace('−', '-');
}

/** Time of day: "09:12 CET" (with seconds: "09:12:05 CET"). Timelines, "at …". */
export function clock(at: Date, timeZone: string, opts: { seconds?: boolean } = {}): string {
  const p = partsOf(at, timeZone);
  return `${p.hour}:${p.minute}${opts.seconds ? `:${p.second}` : ''} ${zoneName(at, timeZone)}`;
}

/** A day people say: "Mon 30 Mar 09:12 CEST". Silences, alerts, digests, expiries. */
export function dayTime(at: Date, timeZone: string, opts: { seconds?: boolean } = {}): string {
  const p = partsOf(at, timeZone);
  return `${p.weekday} ${Number(p.day)} ${p.monthName} ${clock(at, timeZone, opts)}`;
}

/** "Mon 30 Mar" (the day of `at` in the zone). */
export function day(at: Date, timeZone: string): string {
  const p = partsOf(at, timeZone);
  return `${p.weekday} ${Number(p.day)} ${p.monthName}`;
}

/** A record's time: "2026-11-28 09:12 CET" (with seconds: "…09:12:05 CET"). Status, audit, backups, incidents. */
export function dateTime(at: Date, timeZone: string, opts: { seconds?: boolean } = {}): string {
  const p = partsOf(at, timeZone);
  return `${p.year}-${p.month}-${p.day} ${clock(at, timeZone, opts)}`;
}

// ── Numbers ──────────────────────────────────────────────────────────────────

/** "1,234,567": counts people read. By hand, not toLocaleString (ICU start-up, ~10 ms once). */
export function thousands(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

// ── Durations ────────────────────────────────────────────────────────────────

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** The longest silence accepted: longer ones are forgotten and hide real outages. */
export const MAX_SILENCE_MS = 30 * UNIT_MS.d;

/**
 * "90s", "30m", "2h", "1h30m", "1d", "2w" → milliseconds; undefined when it is not a
 * duration. Units are required, so "30" is rejected rather than guessed.
 */
export function parseDuration(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  if (!/^(\d+[smhdw])+$/.test(s)) return undefined;
  let total = 0;
  for (const [, n, unit] of s.matchAll(/(\d+)([smhdw])/g)) total += Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS];
  return total > 0 ? total : undefined;
}

/**
 * How long something lasted or has been so: "42 s", "12 min 5 s", "1 h 12 min",
 * "2 d 3 h" — the two largest units, whole seconds at most. Unknown: "?".
 */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '?';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/**
 * About how long, for what a check reads off the deployment's own clock (a run waiting, a
 * repository stuck): "under a minute", "40 min", "5 h", "2 d". Seconds there are noise
 * (two clocks), so one unit is enough.
 */
export function roughDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return 'under a minute';
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** How long a request took: "16 ms", "1.2 s". Check timings. */
export function formatLatency(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** A stopwatch for work in progress: "0:07", "3:12", "1:02:03". */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** "5 h 1 min ago", "in 20 min", "never". */
export function ago(then: Date | null | undefined, now: Date): string {
  if (!then) return 'never';
  const diff = now.getTime() - then.getTime();
  return diff >= 0 ? `${formatDuration(diff)} ago` : `in ${formatDuration(-diff)}`;
}

// ── Sizes and identifiers ────────────────────────────────────────────────────

export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '?';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}

export function shortHash(h: string | null | undefined): string {
  return h ? `${h.slice(0, 12)}…` : '—';
}

/** Single-quotes a shell word when it needs it, so a printed command can be pasted. */
export function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
