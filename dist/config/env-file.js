const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** A line that starts a new assignment: used to stop a quote left open from eating it. */
const ASSIGNMENT_START = /^\s*(?:export\s+)?[A-Z_][A-Z0-9_]*\s*=/;
export function parseEnvFile(content, opts = {}) {
    const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
    const vars = {};
    const where = {};
    const issues = [];
    const issue = (line, message) => issues.push({ line, message });
    for (let i = 0; i < lines.length; i++) {
        const lineNo = i + 1;
        const raw = lines[i];
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const m = /^(export\s+)?([^=\s]+)\s*=(.*)$/.exec(line);
        if (!m) {
            const first = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)/.exec(line)?.[1] ?? '';
            const named = opts.knownNames?.has(first) ? ` (\`${first}\` has no \`=\`)` : '';
            issue(lineNo, /^export\s+\S+$/.test(line)
                ? '`export` without an assignment: expected `export KEY=value`'
                : `not KEY=value${named}; the line was skipped`);
            continue;
        }
        const key = m[2];
        if (!NAME.test(key)) {
            issue(lineNo, 'the name before `=` is not a variable name (letters, digits and _, not starting with a digit); the line was skipped');
            continue;
        }
        let rest = m[3].replace(/^\s+/, '');
        const quote = rest[0];
        if (quote === '"' || quote === "'" || quote === '`') {
            // Find the closing quote, on this line or a following one.
            let body = rest.slice(1);
            let end = closingQuote(body, quote);
            let j = i;
            while (end === -1 && j + 1 < lines.length && !ASSIGNMENT_START.test(lines[j + 1])) {
                j++;
                body += `\n${lines[j]}`;
                end = closingQuote(body, quote);
            }
            if (end === -1) {
                issue(lineNo, `${key}: the ${quoteName(quote)} opened here is never closed; the value was skipped`);
                // Resume right after the opening line: what follows is read as ordinary lines.
                continue;
            }
            const after = body.slice(end + 1).trim();
            if (after && !after.startsWith('#')) {
                issue(j + 1, `${key}: text after the closing ${quoteName(quote)}; the value was skipped`);
                i = j;
                continue;
            }
            const value = body.slice(0, end);
            vars[key] = quote === '"' ? unescapeDouble(value) : value;
            where[key] = lineNo;
            i = j;
            continue;
        }
        // Unquoted: an inline comment starts at whitespace followed by #.
        rest = rest.replace(/\s+#.*$/, '').trim();
        vars[key] = rest;
        where[key] = lineNo;
    }
    return { vars, lines: where, issues };
}
function closingQuote(body, quote) {
    for (let k = 0; k < body.length; k++) {
        if (body[k] === '\\' && quote === '"') {
            k++;
            continue;
        }
        if (body[k] === quote)
            return k;
    }
    return -1;
}
const quoteName = (q) => (q === '"' ? 'double quote' : q === "'" ? 'single quote' : 'backtick');
function unescapeDouble(s) {
    return s.replace(/\\([nrt"\\$])/g, (_, c) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}
