/** What the logs slice reads and shows: one line of a component's output, parsed. */

export const LEVELS = ['debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LEVELS)[number];

export function levelRank(level: LogLevel): number {
  return LEVELS.indexOf(level);
}

export function maxLevel(a: LogLevel, b: LogLevel): LogLevel {
  return levelRank(a) >= levelRank(b) ? a : b;
}

/** A line as a source delivers it, before parsing. */
export interface RawLine {
  text: string;
  /** The source's own timestamp (Docker/Kubernetes `timestamps`, Loki's entry time). */
  time?: Date;
  stream?: 'stdout' | 'stderr';
  /** The line was longer than the per-line limit and was cut. */
  cut?: boolean;
}

export interface HttpFields {
  method?: string;
  path?: string;
  status?: number;
  duration?: string;
}

export interface ErrorFields {
  name?: string;
  message?: string;
  /** The cause flattened to one line ("ECONNREFUSED connect 127.0.0.1:3001"). */
  cause?: string;
}

export interface LogEntry {
  time?: Date;
  level: LogLevel;
  /** One line saying what happened (HTTP: "POST /mcp 401 · Unauthorized …"). */
  message: string;
  http?: HttpFields;
  error?: ErrorFields;
  /** evlog `step` (or `workflow`) of background work. */
  step?: string;
  /** Retry fields, when the line is one attempt of several. */
  attempt?: number;
  maxAttempts?: number;
  /** Parsed from JSON (evlog); false for plain text lines. */
  json: boolean;
  /** The line as read (ANSI colours removed), possibly cut; never shown before redaction. */
  raw: string;
  cut?: boolean;
}
