import type { RawLine } from './entry.js';

/**
 * Splits a byte stream into lines without holding more than one line: a line longer than
 * `maxLineBytes` keeps its first part (marked cut) and the rest is skipped up to its newline.
 */
export interface SplitLine {
  text: string;
  cut: boolean;
}

export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  private cut = false;
  constructor(private readonly maxLineBytes: number) {}

  push(chunk: Buffer): SplitLine[] {
    const out: SplitLine[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.length : nl;
      this.take(chunk.subarray(start, end));
      if (nl === -1) break;
      out.push(this.flushLine());
      start = nl + 1;
    }
    return out;
  }

  /** What is left at the end of the stream (a last line without a newline). */
  end(): SplitLine[] {
    return this.size > 0 || this.cut ? [this.flushLine()] : [];
  }

  private take(part: Buffer) {
    if (part.length === 0) return;
    const room = this.maxLineBytes - this.size;
    if (room <= 0) {
      this.cut = true;
      return;
    }
    const kept = part.length > room ? part.subarray(0, room) : part;
    if (part.length > room) this.cut = true;
    this.parts.push(Buffer.from(kept));
    this.size += kept.length;
  }

  private flushLine(): SplitLine {
    const line = { text: Buffer.concat(this.parts).toString('utf8'), cut: this.cut };
    this.parts = [];
    this.size = 0;
    this.cut = false;
    return line;
  }
}

/** Splits one text (a Loki entry, a test fixture) the same way. */
export function splitText(text: string, maxLineBytes: number): RawLine[] {
  const s = new LineSplitter(maxLineBytes);
  return [...s.push(Buffer.from(text)), ...s.end()].map((l) => ({ text: l.text, cut: l.cut || undefined }));
}

/** "2026-11-28T21:55:47.977123456Z rest" (Docker and Kubernetes `timestamps`): the time and the rest. */
export function splitTimestamp(line: string): { time?: Date; text: string } {
  const sp = line.indexOf(' ');
  if (sp < 20 || sp > 40) return { text: line };
  const t = Date.parse(line.slice(0, sp).replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(t) ? { text: line } : { time: new Date(t), text: line.slice(sp + 1) };
}
