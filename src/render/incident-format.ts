/** Small formatting shared by the incident and runbook messages. */

const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;

/** A person as Slack shows them (<@U…>), or the shell's user name. */
export function who(actor: string | null | undefined): string {
  if (!actor) return 'ctx-ops';
  if (SLACK_USER.test(actor)) return `<@${actor}>`;
  return actor.replace(/^local:/, '');
}

/** 10:05:12 in the configured time zone. */
export function clock(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(d);
}

/** 2026-11-28 10:05 UTC in the configured time zone. */
export function stamp(d: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
}

/** 42 s, 12 min 5 s, 1 h 12 min, 2 d 3 h: precise where it matters, short where it does not. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

export const severityLabel = (n: number) => `SEV${n}`;

export const STEP_MARK = { pending: '⬜', done: '✅', skipped: '⏭️', failed: '❌' } as const;
