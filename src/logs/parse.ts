import { type ErrorFields, type LogEntry, type LogLevel, type RawLine, maxLevel } from './entry.js';

/**
 * Parses one line of ctx| output: evlog JSON (wide HTTP events with `requestLogs`, background
 * steps with `error`/`cause` and retry fields) or plain text (start-up banners, Better Auth's
 * coloured warnings, Postgres, Neo4j/FalkorDB and OpenTelemetry Collector lines). Pure.
 */
export function parseLine(line: RawLine): LogEntry {
  const raw = stripAnsi(line.text).replace(/\r$/, '');
  const trimmed = raw.trim();
  if (trimmed.startsWith('{') && trimmed.endsWith('}')) {
    const obj = tryJson(trimmed);
    if (obj) return fromJson(obj, raw, line);
  }
  return fromPlain(raw, line);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences are control characters
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

function tryJson(s: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(s);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;

export function toLevel(v: unknown): LogLevel | undefined {
  if (typeof v === 'number') {
    // pino numbers
    if (v >= 60) return 'fatal';
    if (v >= 50) return 'error';
    if (v >= 40) return 'warn';
    if (v >= 30) return 'info';
    return 'debug';
  }
  const s = typeof v === 'string' ? v.toLowerCase() : '';
  if (/^(fatal|panic|crit(ical)?|emerg(ency)?|alert)$/.test(s)) return 'fatal';
  if (/^(err|error|severe)$/.test(s)) return 'error';
  if (/^(warn|warning)$/.test(s)) return 'warn';
  if (/^(info|log|notice|information|statement)$/.test(s)) return 'info';
  if (/^(debug|trace|verbose|debug\d)$/.test(s)) return 'debug';
  return undefined;
}

function parseTime(v: unknown): Date | undefined {
  if (typeof v === 'number') return new Date(v > 1e14 ? v / 1e6 : v);
  if (typeof v !== 'string') return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t);
}

function flattenCause(c: unknown, depth = 0): string | undefined {
  if (depth > 3 || c === undefined || c === null) return undefined;
  if (typeof c === 'string') return c;
  if (typeof c !== 'object') return String(c);
  const o = c as Record<string, unknown>;
  const parts: string[] = [];
  const name = str(o.name);
  const msg = str(o.message);
  if (name && name !== 'Error') parts.push(name);
  if (msg) parts.push(msg);
  const code = str(o.code);
  if (code && !msg?.includes(code)) parts.push(code);
  const syscall = str(o.syscall);
  if (syscall && !msg?.includes(syscall)) parts.push(syscall);
  const addr = str(o.address);
  if (addr && !msg?.includes(addr)) parts.push(o.port !== undefined ? `${addr}:${String(o.port)}` : addr);
  const inner = flattenCause(o.cause, depth + 1);
  if (inner) parts.push(`← ${inner}`);
  return parts.length ? parts.join(' ') : undefined;
}

function errorOf(o: Record<string, unknown>): ErrorFields | undefined {
  const e = o.error ?? o.err;
  if (e && typeof e === 'object') {
    const eo = e as Record<string, unknown>;
    return { name: str(eo.name), message: str(eo.message), cause: flattenCause(eo.cause) };
  }
  if (typeof e === 'string') return { message: e, cause: flattenCause(o.cause) };
  const errMessage = str(o.errMessage);
  if (errMessage) return { name: str(o.errName), message: errMessage, cause: flattenCause(o.cause) };
  return undefined;
}

function requestLogMessages(o: Record<string, unknown>): { level?: LogLevel; messages: string[] } {
  const logs = Array.isArray(o.requestLogs) ? o.requestLogs : [];
  let level: LogLevel | undefined;
  const messages: string[] = [];
  for (const l of logs.slice(0, 20)) {
    if (!l || typeof l !== 'object') continue;
    const r = l as Record<string, unknown>;
    const lv = toLevel(r.level);
    if (lv) level = level ? maxLevel(level, lv) : lv;
    const m = r.message;
    if (typeof m === 'string') messages.push(m);
    else if (m && typeof m === 'object') {
      const mo = m as Record<string, unknown>;
      const text = str(mo.message) ?? str(mo.step);
      if (text) messages.push(mo.step && mo.message ? `${String(mo.step)}: ${text}` : text);
    }
  }
  return { level, messages };
}

function fromJson(o: Record<string, unknown>, raw: string, line: RawLine): LogEntry {
  const method = str(o.method);
  const path = str(o.path);
  const status = num(o.status ?? o.statusCode);
  const http = method || path ? { method, path, status, duration: str(o.duration) } : undefined;
  const error = errorOf(o);
  const req = requestLogMessages(o);
  let level: LogLevel = toLevel(o.level ?? o.severity ?? o.lvl) ?? 'info';
  if (req.level) level = maxLevel(level, req.level);
  if (http?.status !== undefined && http.status >= 500) level = maxLevel(level, 'error');
  if (error && !o.level) level = maxLevel(level, 'error');
  const step = str(o.step) ?? str(o.workflow);
  const attempt = num(o.attempt);
  const maxAttempts = num(o.maxAttempts);

  const parts: string[] = [];
  if (http) parts.push([method, path, status].filter((x) => x !== undefined).join(' '));
  const own = str(o.message) ?? str(o.msg);
  if (own) parts.push(own);
  else if (!http && step) parts.push(step);
  if (req.messages.length && (http || !own)) parts.push(req.messages[req.messages.length - 1] as string);
  if (error) {
    const e = [error.name, error.message].filter(Boolean).join(': ');
    if (e && !parts.some((p) => p.includes(error.message ?? '\u0000'))) parts.push(e);
  }
  if (parts.length === 0) parts.push(truncate(raw, 200));
  return {
    // The source's time (what the window was read by) wins; the line's own is the fallback.
    time: line.time ?? parseTime(o.timestamp ?? o.time ?? o.ts ?? o['@timestamp']),
    level,
    message: parts.join(' · '),
    http,
    error,
    step,
    attempt,
    maxAttempts,
    json: true,
    raw,
    cut: line.cut,
  };
}

const ISO_PREFIX = /^\s*(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2}| ?UTC| ?GMT)?)\s*/;
// Postgres: "… UTC [42] FATAL:  sorry, too many clients already"; others: "ERROR …", "[WARN] …", "\twarn\t".
const LEVEL_WORD =
  /(?:^|[\s[|\t])(FATAL|PANIC|ERROR|ERR|WARNING|WARN|INFO|LOG|DEBUG|NOTICE|error|warn|info|debug|fatal)(?=[\]:\s|\t]|$)/;

function fromPlain(raw: string, line: RawLine): LogEntry {
  let rest = raw;
  let time = line.time;
  const m = ISO_PREFIX.exec(rest);
  if (m?.[1]) {
    const t = Date.parse(m[1].replace(' UTC', 'Z').replace(' GMT', 'Z').replace(',', '.'));
    if (!Number.isNaN(t)) time ??= new Date(t);
    rest = rest.slice(m[0].length);
  }
  let level: LogLevel = 'info';
  // A JSON line cut short or broken still says its level.
  const jl = /"level"\s*:\s*"(\w+)"/.exec(rest.slice(0, 2000));
  const lw = jl ?? LEVEL_WORD.exec(rest.slice(0, 120));
  if (lw?.[1]) level = toLevel(lw[1]) ?? level;
  else if (/^\s*(\w+)?Error\b|^\s*at\s|Unhandled|uncaught|panic:/i.test(rest)) level = 'error';
  else if (/\bOOM\b|out of memory|OutOfMemory/i.test(rest)) level = 'error';
  // Redis/FalkorDB: "1:M 28 Nov 2026 21:55:47.977 # message" (# warning, * notice).
  if (/^\d+:[CMSX] \d{2} \w{3} \d{4} [\d:.]+ #/.test(rest)) level = 'warn';
  return { time, level, message: truncate(rest.trim(), 500) || '(empty line)', json: false, raw, cut: line.cut };
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
