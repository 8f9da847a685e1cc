import { escapeMrkdwn } from './blocks.js';
import { truncate } from '../util/text.js';
/**
 * What a person typed, made safe to echo: on one line, cut to `max` characters, and with
 * Slack's three control characters escaped, so `<!channel>` or `<@U…>` typed into a title,
 * a note or an unknown command is shown, never acted on.
 */
export function userText(text, max = 200) {
    return escapeMrkdwn(truncate(text.replace(/\s+/g, ' ').trim(), max));
}
/** A word a person typed, as `code` (a backtick inside cannot end the code span early). */
export function userWord(word, max = 60) {
    return `\`${userText(word, max).replace(/`/g, "'")}\``;
}
/** Slack sends `&`, `<` and `>` of typed text as entities: back to what the person typed. */
export function unescapeSlack(text) {
    return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
