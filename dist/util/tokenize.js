/** Splits command text into words; "double" or 'single' quotes keep spaces. Slack's smart quotes count too. */
export function tokenize(text) {
    const normalised = text.replace(/[\u201C\u201D]/g, '"').replace(/[\u2018\u2019]/g, "'");
    const out = [];
    const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
    let m;
    while ((m = re.exec(normalised)))
        out.push(m[1] ?? m[2] ?? m[3]);
    return out;
}
/** Pulls `--flag value`, `--flag=value` and bare `--flag` options out of the words. */
export function extractFlags(args, known) {
    const flags = {};
    const rest = [];
    const errors = [];
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        const m = /^--([a-z][\w-]*)(?:=(.*))?$/.exec(a);
        if (!m) {
            rest.push(a);
            continue;
        }
        const [, name, inline] = m;
        if (known.withValue?.includes(name)) {
            const v = inline ?? args[++i];
            if (v === undefined)
                errors.push(`--${name} needs a value`);
            else
                flags[name] = v;
        }
        else if (known.bare?.includes(name))
            flags[name] = true;
        else
            errors.push(`unknown option --${name}`);
    }
    return { flags, rest, errors };
}
/**
 * The candidate a mistyped word most likely meant: within a small edit distance
 * (a swapped pair of letters counts as one edit), or the word a short form begins
 * (`prod` for `production`, and the other way round).
 */
export function closest(word, candidates) {
    const w = word.toLowerCase();
    let best;
    let bestD = Infinity;
    for (const c of candidates) {
        const d = distance(w, c.toLowerCase());
        if (d < bestD) {
            bestD = d;
            best = c;
        }
    }
    const allowed = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
    if (best !== undefined && bestD <= allowed)
        return best;
    if (w.length >= 3)
        return candidates.find((c) => c.length >= 3 && (w.startsWith(c.toLowerCase()) || c.toLowerCase().startsWith(w)));
    return undefined;
}
/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function distance(a, b) {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                v = Math.min(v, d[i - 2][j - 2] + 1);
            d[i][j] = v;
        }
    }
    return d[a.length][b.length];
}
