import { escapeMrkdwn } from './blocks.js';
import { truncate } from '../util/text.js';

/**
 * What a person typed, made safe to echo: on one line, cut to `max` characters, and with
 * Slack's three control characters escaped, so `<!channel>` or `<@U…>` typed into a title,
 * a note or an unknown command is shown, never acted on.
 */
export function userText(text: string, max = 200): string {
  return escapeMrkdwn(truncate(text.replace(/\s+/g, ' ').trim(), max));
}

/** A word a person typed, as `code` (a backtick inside cannot end the code span early). */
export function userWord(word: string, max = 60): string {
  return `\`${userText(word, max).replace(/`/g, "'")}\``;
}

/** Slack sends `&`, `<` and `>` of typed text as entities: back to what the person typed. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
