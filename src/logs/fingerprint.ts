import type { LogEntry } from './entry.js';

/**
 * The fingerprint of a line: its level and message with whatever varies between two
 * occurrences of the same event masked (uuids, prefixed ids, hex, e-mail addresses, IPs,
 * durations, numbers), so "the same error, 40 times" is one group. Pure.
 */
const RULES: Array<[RegExp, string]> = [
  [/\b[0-9a-f]{8}-[0-9a-f*]{4}-[0-9a-f*]{4}-[0-9a-f*]{4}-[0-9a-f*]{12}\b/gi, '<uuid>'],
  // The samples mask parts of uuids with *; anything uuid-ish with stars is still one id.
  [/\b[0-9a-f*]{4,}(?:-[0-9a-f*]{2,}){3,}\b/gi, '<uuid>'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>'],
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<ip>'],
  // ctx| ids: repo_agrciheio5zb5fiqcdprehmm5e, org_…, usr_…
  [/\b([a-z]{2,12})_[a-z0-9]{12,}\b/g, '$1_<id>'],
  [/\b(?:0x)?[0-9a-f]{8,}\b/gi, '<hex>'],
  [/\b[A-Za-z0-9_-]*\d[A-Za-z0-9_-]*[A-Za-z][A-Za-z0-9_-]*\d[A-Za-z0-9_-]{16,}\b/g, '<id>'],
  [/\b\d+(?:\.\d+)?\s?(?:ns|µs|us|ms|s|m|h|min|sec|seconds|minutes)\b/g, '<dur>'],
  [/\b\d{4}-\d{2}-\d{2}[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?/g, '<time>'],
  [/\b\d+(?:\.\d+)?\b/g, '<n>'],
];

export function normalise(text: string): string {
  let out = text;
  for (const [re, rep] of RULES) out = out.replace(re, rep);
  return out.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** HTTP statuses stay exact (a 401 and a 503 on /mcp are different stories). */
export function fingerprint(entry: LogEntry): string {
  const statusKept = entry.http?.status !== undefined ? ` [${entry.http.status}]` : '';
  return `${entry.level}|${normalise(entry.message)}${statusKept}`;
}
