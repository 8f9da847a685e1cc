import type { RawLine } from './entry.js';

/** The window and bounds of one read. */
export interface LogQuery {
  env: string;
  component: string;
  since: Date;
  until: Date;
  /** Lines longer than this are cut (the rest of the line is skipped). */
  maxLineBytes: number;
  /** Aborted when the reader has enough (bytes, lines) or the deadline passes. */
  signal: AbortSignal;
}

/** Why a source could not be read, in words a person can act on (never a credential). */
export class SourceUnavailable extends Error {
  constructor(
    message: string,
    readonly fix?: string,
  ) {
    super(message);
    this.name = 'SourceUnavailable';
  }
}

/** One place logs come from (Docker Engine API, Loki, Kubernetes API). */
export interface LogSource {
  kind: 'docker' | 'loki' | 'kubernetes';
  /** Where it reads from, for humans (no credentials): "unix:/var/run/docker.sock". */
  describe(): string;
  /** Lines of one component in the window, oldest first where the source allows. */
  read(q: LogQuery): AsyncIterable<RawLine>;
}

export interface ReadLimits {
  maxBytes: number;
  maxLines: number;
  deadlineMs: number;
}

export type StopReason = 'bytes' | 'lines' | 'deadline';

/**
 * Feeds a source's lines to `onLine` until the source ends or a bound is reached: bytes,
 * lines, or the deadline (the source's request is aborted then). Returns why it stopped
 * early, if it did. A source failing before any line is rethrown.
 */
export async function readBounded(
  source: LogSource,
  q: Omit<LogQuery, 'signal'>,
  limits: ReadLimits,
  onLine: (line: RawLine) => void,
): Promise<{ stopped?: StopReason; lines: number; bytes: number }> {
  const ac = new AbortController();
  let stopped: StopReason | undefined;
  const timer = setTimeout(() => {
    stopped = 'deadline';
    ac.abort(new Error('deadline'));
  }, limits.deadlineMs);
  timer.unref();
  let lines = 0;
  let bytes = 0;
  try {
    for await (const line of source.read({ ...q, signal: ac.signal })) {
      lines++;
      bytes += Buffer.byteLength(line.text) + 1;
      onLine(line);
      if (lines >= limits.maxLines) {
        stopped = 'lines';
        break;
      }
      if (bytes >= limits.maxBytes) {
        stopped = 'bytes';
        break;
      }
    }
  } catch (err) {
    if (stopped !== 'deadline') throw err;
  } finally {
    clearTimeout(timer);
    if (!ac.signal.aborted) ac.abort();
  }
  return { stopped, lines, bytes };
}
