import { LIMITS } from './limits.js';
import { truncate } from '../util/text.js';
/** Small, pure Block Kit builders that apply Slack's limits as they build. */
export const md = (text) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) },
});
export const header = (text) => ({
    type: 'header',
    text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true },
});
export const context = (...texts) => ({
    type: 'context',
    elements: texts
        .slice(0, LIMITS.contextElements)
        .map((t) => ({ type: 'mrkdwn', text: truncate(t, LIMITS.sectionText) })),
});
export const divider = () => ({ type: 'divider' });
export function button(b) {
    const value = b.value === undefined ? undefined : typeof b.value === 'string' ? b.value : JSON.stringify(b.value);
    if (value && value.length > LIMITS.buttonValue)
        throw new Error(`button value for ${b.actionId} is over ${LIMITS.buttonValue} characters`);
    return {
        type: 'button',
        text: { type: 'plain_text', text: truncate(b.text, LIMITS.buttonText), emoji: true },
        action_id: b.actionId,
        ...(value !== undefined ? { value } : {}),
        ...(b.style ? { style: b.style } : {}),
        ...(b.url ? { url: b.url } : {}),
    };
}
export const actions = (...buttons) => ({
    type: 'actions',
    elements: buttons.slice(0, LIMITS.actionsElements).map(button),
});
/** A section with a button beside it. */
export const mdWithButton = (text, b) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) },
    accessory: button(b),
});
/** Escapes the three characters Slack's mrkdwn gives meaning to. */
export function escapeMrkdwn(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Escapes like escapeMrkdwn, but keeps mentions written on purpose (<!subteam^S…>, <@U…>, <#C…>). */
export function escapeKeepingMentions(text) {
    return escapeMrkdwn(text).replace(/&lt;(!subteam\^S[A-Z0-9]+|@[UW][A-Z0-9]+|#[CG][A-Z0-9]+)&gt;/g, '<$1>');
}
