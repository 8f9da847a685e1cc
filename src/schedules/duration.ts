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

/** 0 → "0 s", 61 000 → "1 min", 5 400 000 → "1 h 30 min", 90 000 000 → "1 d 1 h". Two units at most. */
export function formatDuration(ms: number): string {
  const abs = Math.max(0, Math.round(ms));
  if (abs < 60_000) return `${Math.round(abs / 1000)} s`;
  const parts: string[] = [];
  const d = Math.floor(abs / UNIT_MS.d);
  const h = Math.floor((abs % UNIT_MS.d) / UNIT_MS.h);
  const m = Math.floor((abs % UNIT_MS.h) / UNIT_MS.m);
  if (d) parts.push(`${d} d`);
  if (h) parts.push(`${h} h`);
  if (m && !d) parts.push(`${m} min`);
  return parts.slice(0, 2).join(' ') || '0 min';
}

/** "5 min ago", "3 h ago", "in 20 min". */
export function relative(from: Date, now: Date): string {
  const diff = now.getTime() - from.getTime();
  return diff >= 0 ? `${formatDuration(diff)} ago` : `in ${formatDuration(-diff)}`;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();
/** "Mon 30 Mar 09:00 CEST" in the configured time zone (people read local time). */
export function clock(at: Date, timeZone: string, opts: { seconds?: boolean; date?: boolean } = {}): string {
  const key = `${timeZone}|${opts.seconds ? 's' : ''}|${opts.date === false ? '' : 'd'}`;
  let f = clockFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      ...(opts.date === false ? {} : { weekday: 'short', day: 'numeric', month: 'short' }),
      hour: '2-digit',
      minute: '2-digit',
      ...(opts.seconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    clockFormats.set(key, f);
  }
  return f.format(at).replace(/,/g, '');
}
