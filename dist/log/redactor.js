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
const PATTERNS = [
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
export function createRedactor(initial = []) {
    const secrets = new Set();
    let ordered = [];
    const add = (s) => {
        if (!s || s.length < 4 || WELL_KNOWN.has(s.toLowerCase()))
            return;
        const forms = [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)];
        let changed = false;
        for (const f of forms) {
            if (!secrets.has(f)) {
                secrets.add(f);
                changed = true;
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        if (changed)
            ordered = [...secrets].sort((a, b) => b.length - a.length);
    };
    for (const s of initial)
        add(s);
    const scrub = (text) => {
        let out = text;
        for (const s of ordered)
            if (out.includes(s))
                out = out.split(s).join(MASK);
        for (const [re, rep] of PATTERNS)
            out = out.replace(re, rep);
        return out;
    };
    const scrubDeep = (value) => {
        if (typeof value === 'string')
            return scrub(value);
        if (Array.isArray(value))
            return value.map(scrubDeep);
        if (value && typeof value === 'object') {
            const out = {};
            for (const [k, v] of Object.entries(value))
                out[k] = scrubDeep(v);
            return out;
        }
        return value;
    };
    return { scrub, scrubDeep, add };
}
