import { MARK } from '../../diagnostics/findings.js';
import { worst } from '../../diagnostics/status-rules.js';
const REGEX_FORM = /^\/(.+)\/([a-z]*)$/s;
/** Parses a pattern; answers a message when the regular expression is invalid. */
export function parsePattern(source) {
    const m = REGEX_FORM.exec(source);
    if (!m)
        return { pattern: { kind: 'substring', text: source.toLowerCase() } };
    const [, body, flags] = m;
    if (!/^[imsu]*$/.test(flags))
        return { error: `regular expression flags may be i, m, s and u (got "${flags}")` };
    try {
        return { pattern: { kind: 'regex', re: new RegExp(body, flags) } };
    }
    catch (err) {
        return { error: `is not a valid regular expression: ${err.message}` };
    }
}
export function matches(pattern, line) {
    return pattern.kind === 'substring' ? line.toLowerCase().includes(pattern.text) : pattern.re.test(line);
}
/** The status a detail line carries through its mark (✓ ⚠ ✗ ·); info lines count as no verdict. */
export function lineStatus(line) {
    const mark = line.trimStart()[0];
    if (mark === MARK.ok)
        return 'ok';
    if (mark === MARK.warn)
        return 'warn';
    if (mark === MARK.fail)
        return 'fail';
    return 'info';
}
/** One condition of a check: the worst mark among the detail lines that match. */
export function evaluateCondition(result, pattern) {
    if (result.status === 'skip')
        return { status: 'skip', lines: result.details.filter((l) => matches(pattern, l)) };
    const lines = result.details.filter((l) => matches(pattern, l));
    if (!lines.length) {
        return matches(pattern, result.summary) ? { status: result.status, lines: [] } : { status: 'unseen', lines: [] };
    }
    const verdicts = lines.map(lineStatus).filter((s) => s !== 'info');
    return { status: verdicts.length ? worst(...verdicts) : 'info', lines };
}
