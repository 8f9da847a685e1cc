/**
 * Scrubs secrets out of anything the bot emits: Slack payloads, log lines, errors, audit rows.
 * Known secret values are replaced wherever they appear (also JSON-escaped and URL-encoded),
 * and credential shapes are masked even when the value was never configured.
 */
export interface Redactor {
  scrub(text: string): string;
  /** Deep copy with every string scrubbed. */
  scrubDeep<T>(value: T): T;
  /** Registers a secret learnt at run time (a minted token, a password read from a file). */
  add(secret: string | undefined): void;
}

const MASK = '[redacted]';

/**
 * Well-known default credentials. Masking them by value would turn every "postgres" or
 * "neo4j" in a message into [redacted] (a Compose default is postgres:postgres), while they
 * protect nothing; inside URIs and key=value pairs the patterns below still mask them.
 */
const WELL_KNOWN = new Set([
  'postgres',
  'password',
  'admin',
  'root',
  'secret',
  'changeme',
  'neo4j',
  'default',
  'falkordb',
  'redis',
  'test',
  'example',
  'memgraph',
  'guest',
]);

const PATTERNS: Array<[RegExp, string]> = [
  // user:password@ in any URI; keeps the user so people can still tell which account.
  [/\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/?#@]*):([^\s/?#@]+)@/gi, `$1$2:${MASK}@`],
  [/\bxox[abposre]-[A-Za-z0-9-]{6,}/g, MASK],
  [/\bxapp-[A-Za-z0-9-]{6,}/g, MASK],
  // GitHub tokens, also as the bare user of a clone URL (https://ghp_…@github.com/…).
  [/\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, MASK],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, MASK],
  // "Basic Information" is the Slack settings page where app-level tokens live, not a credential.
  [/\b(Bearer|Basic)\s+(?!Information\b)[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${MASK}`],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, MASK],
  [/\b(password|passwd|pwd|secret|token|api[_-]?key)(["']?\s*[=:]\s*["']?)([^\s"'&,;]{4,})/gi, `$1$2${MASK}`],
];

export function createRedactor(initial: Iterable<string> = []): Redactor {
  const secrets = new Set<string>();
  let ordered: string[] = [];
  const add = (s: string | undefined) => {
    if (!s || s.length < 4 || WELL_KNOWN.has(s.toLowerCase())) return;
    const forms = [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)];
    let changed = false;
    for (const f of forms) {
      if (!secrets.has(f)) {
        secrets.add(f);
        changed = true;
      }
    }
    // Longest first, so a secret that contains another is masked whole.
    if (changed) ordered = [...secrets].sort((a, b) => b.length - a.length);
  };
  for (const s of initial) add(s);

  const scrub = (text: string): string => {
    let out = text;
    for (const s of ordered) if (out.includes(s)) out = out.split(s).join(MASK);
    for (const [re, rep] of PATTERNS) out = out.replace(re, rep);
    return out;
  };

  const scrubDeep = <T>(value: T): T => {
    if (typeof value === 'string') return scrub(value) as T;
    if (Array.isArray(value)) return value.map(scrubDeep) as T;
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v);
      return out as T;
    }
    return value;
  };

  return { scrub, scrubDeep, add };
}
