import type { LogEntry, LogLevel, RawLine } from './entry.js';
import { LEVELS, levelRank } from './entry.js';
import { fingerprint } from './fingerprint.js';
import { parseLine } from './parse.js';
import { type Signal, signalsOf } from './signals.js';

/** What a person asked to see. */
export interface LogFilter {
  /** Only lines of this signal. */
  signal?: string;
  /** Only lines containing this text (case-insensitive). */
  grep?: string;
  /** Only lines of this level or above. */
  level?: LogLevel;
}

export interface LogGroup {
  fingerprint: string;
  level: LogLevel;
  count: number;
  first?: Date;
  last?: Date;
  /** One occurrence, already redacted. */
  sample: string;
  signals: string[];
  http?: { method?: string; path?: string; status?: number };
}

export interface SignalCount {
  name: string;
  title: string;
  count: number;
  last?: Date;
  /** The most frequent group of this signal's lines (redacted sample). */
  top?: string;
}

export interface LogAnalysis {
  /** Lines read from the source, and those that passed the filter. */
  read: number;
  matched: number;
  /** Lines longer than the per-line limit (cut, still counted). */
  cut: number;
  /** Lines that were not JSON (banners, third-party output). */
  plain: number;
  levels: Record<LogLevel, number>;
  signals: SignalCount[];
  /** Most important first: level, then count. */
  groups: LogGroup[];
  /** Groups beyond the kept ones. */
  moreGroups: number;
}

export interface Accumulator {
  add(line: RawLine): void;
  result(): LogAnalysis;
}

const MAX_GROUPS = 500;

/**
 * Groups lines as they stream in: one parse per line, nothing kept but the groups (at most
 * MAX_GROUPS, each with one redacted sample). Pure apart from the redact function given.
 */
export function createAccumulator(opts: {
  signals: ReadonlyMap<string, Signal> | undefined;
  filter: LogFilter;
  redact: (text: string) => string;
  /** How many groups `result()` returns. */
  top?: number;
}): Accumulator {
  const { filter } = opts;
  const grep = filter.grep?.toLowerCase();
  const minLevel = filter.level ? levelRank(filter.level) : -1;
  const only = filter.signal ? opts.signals?.get(filter.signal) : undefined;
  const levels = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<LogLevel, number>;
  const groups = new Map<string, LogGroup>();
  const signalCounts = new Map<string, { count: number; last?: Date; groups: Map<string, number> }>();
  let read = 0;
  let matched = 0;
  let cut = 0;
  let plain = 0;
  let dropped = 0;

  const add = (line: RawLine) => {
    read++;
    const e: LogEntry = parseLine(line);
    if (e.cut) cut++;
    if (!e.json) plain++;
    if (levelRank(e.level) < minLevel) return;
    if (grep && !e.raw.toLowerCase().includes(grep)) return;
    if (only && !only.test(e)) return;
    const names = signalsOf(e, opts.signals);
    matched++;
    levels[e.level]++;
    const fp = fingerprint(e);
    let g = groups.get(fp);
    if (!g) {
      if (groups.size >= MAX_GROUPS) {
        dropped++;
      } else {
        g = {
          fingerprint: fp,
          level: e.level,
          count: 0,
          first: e.time,
          sample: opts.redact(sampleOf(e)),
          signals: names,
          http: e.http ? { method: e.http.method, path: e.http.path, status: e.http.status } : undefined,
        };
        groups.set(fp, g);
      }
    }
    if (g) {
      g.count++;
      if (e.time && (!g.first || e.time < g.first)) g.first = e.time;
      if (e.time && (!g.last || e.time > g.last)) g.last = e.time;
    }
    for (const n of names) {
      const s = signalCounts.get(n) ?? { count: 0, groups: new Map<string, number>() };
      s.count++;
      if (e.time && (!s.last || e.time > s.last)) s.last = e.time;
      if (g) s.groups.set(fp, (s.groups.get(fp) ?? 0) + 1);
      signalCounts.set(n, s);
    }
  };

  const result = (): LogAnalysis => {
    const sorted = [...groups.values()].sort(
      (a, b) =>
        levelRank(b.level) - levelRank(a.level) || b.count - a.count || a.fingerprint.localeCompare(b.fingerprint),
    );
    const top = opts.top ?? 5;
    const signals: SignalCount[] = [];
    for (const [name, s] of signalCounts) {
      const topFp = [...s.groups.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      signals.push({
        name,
        title: opts.signals?.get(name)?.title ?? name,
        count: s.count,
        last: s.last,
        top: topFp ? groups.get(topFp)?.sample : undefined,
      });
    }
    signals.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return {
      read,
      matched,
      cut,
      plain,
      levels,
      signals,
      groups: sorted.slice(0, top),
      moreGroups: Math.max(0, sorted.length - top) + (dropped > 0 ? 1 : 0),
    };
  };
  return { add, result };
}

/** The message line (not the raw JSON): short, and what a person reads first. */
function sampleOf(e: LogEntry): string {
  const cause = e.error?.cause && !e.message.includes(e.error.cause) ? ` (cause: ${e.error.cause})` : '';
  const retry = e.attempt !== undefined ? ` [attempt ${e.attempt}${e.maxAttempts ? `/${e.maxAttempts}` : ''}]` : '';
  const text = `${e.message}${cause}${retry}`;
  return text.length > 400 ? `${text.slice(0, 399)}…` : text;
}
