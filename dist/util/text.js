/** Pure text helpers: cutting, one-lining and quoting what ctx| stored or a person typed. */
/** At most `max` characters, an ellipsis marking the cut. */
export function truncate(text, max) {
    if (text.length <= max)
        return text;
    return `${text.slice(0, Math.max(0, max - 1))}…`;
}
/** How much of a stored error message a detail line quotes. */
export const EXCERPT_CHARS = 160;
/**
 * Removes the userinfo part (`user:pass@`, or a bare token used as the user, as in
 * `https://x-access-token:ghs_…@github.com/…` or `https://ghp_…@github.com/…`) from every
 * URI in the text, and masks secret-looking query parameters. The runner's redactor
 * scrubs output too; this keeps credentials that ctx| wrote into its own error columns
 * (a failed `git clone` echoes the clone URL) from reaching the redactor in the first place.
 */
export function stripCredentials(text) {
    return text
        .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@'"<>]+@/gi, '$1')
        .replace(/([?&](?:access_token|token|api[_-]?key|key|sig|signature|password|secret)=)[^\s&#'"]+/gi, '$1[redacted]');
}
/** One line, whitespace collapsed: stored errors often carry a stack or CLI output. */
export function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/**
 * A stored message as a detail line may quote it: credentials stripped before cutting
 * (a URL cut in half would no longer look like one), on one line, at most `max` chars.
 */
export function excerpt(text, max = EXCERPT_CHARS) {
    if (!text)
        return '';
    return truncate(oneLine(stripCredentials(text)), max);
}
/** "acme/api, acme/web and 3 more" */
export function listSome(items, max = 5) {
    if (items.length <= max)
        return items.join(', ');
    return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
