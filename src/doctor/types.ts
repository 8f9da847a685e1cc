/**
 * `doctor`: the bot checks itself (tokens, scopes, channels, its store, backup tools,
 * folders, clock, delivery). Each item is a result like a CheckResult: a status, what was
 * seen, and what to do. Facts are gathered by probes (I/O, with deadlines) and turned into
 * items by pure rules (rules/*.ts), which the tests drive with tables.
 */
export type DoctorStatus = 'ok' | 'warn' | 'fail' | 'skip';

export type DoctorArea = 'slack' | 'channels' | 'store' | 'backups' | 'files' | 'clock' | 'delivery';

export const AREA_TITLES: Record<DoctorArea, string> = {
  slack: 'Slack app',
  channels: 'Channels',
  store: 'Store (schema ctx_ops)',
  backups: 'Backup tools',
  files: 'Folders',
  clock: 'Clock',
  delivery: 'Delivery',
};

export interface DoctorItem {
  /** Stable id, e.g. "slack.bot-token", "scope.chat:write", "channel.C0ALERTS", "store". */
  id: string;
  area: DoctorArea;
  /** Short name of the thing checked ("Bot token", "#alerts"). */
  title: string;
  status: DoctorStatus;
  /** What was seen, in one sentence. */
  seen: string;
  /** What to do; absent when nothing needs doing. May hold several lines (SQL to run). */
  fix?: string;
}

export interface DoctorReport {
  checkedAt: string;
  durationMs: number;
  overall: 'ok' | 'warn' | 'fail';
  items: DoctorItem[];
}

export function overallOf(items: readonly Pick<DoctorItem, 'status'>[]): DoctorReport['overall'] {
  if (items.some((i) => i.status === 'fail')) return 'fail';
  if (items.some((i) => i.status === 'warn')) return 'warn';
  return 'ok';
}

export const item = (
  area: DoctorArea,
  id: string,
  title: string,
  status: DoctorStatus,
  seen: string,
  fix?: string,
): DoctorItem => ({ id, area, title, status, seen, ...(fix ? { fix } : {}) });
