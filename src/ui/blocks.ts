import type { Block } from '../contracts/chat.js';
import { LIMITS } from './limits.js';
import { truncate } from '../util/text.js';

/** Small, pure Block Kit builders that apply Slack's limits as they build. */
export const md = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) },
});

export const header = (text: string): Block => ({
  type: 'header',
  text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true },
});

export const context = (...texts: string[]): Block => ({
  type: 'context',
  elements: texts
    .slice(0, LIMITS.contextElements)
    .map((t) => ({ type: 'mrkdwn' as const, text: truncate(t, LIMITS.sectionText) })),
});

export const divider = (): Block => ({ type: 'divider' });

export interface ButtonSpec {
  text: string;
  actionId: string;
  value?: unknown;
  style?: 'primary' | 'danger';
  url?: string;
}

export function button(b: ButtonSpec) {
  const value = b.value === undefined ? undefined : typeof b.value === 'string' ? b.value : JSON.stringify(b.value);
  if (value && value.length > LIMITS.buttonValue)
    throw new Error(`button value for ${b.actionId} is over ${LIMITS.buttonValue} characters`);
  return {
    type: 'button' as const,
    text: { type: 'plain_text' as const, text: truncate(b.text, LIMITS.buttonText), emoji: true },
    action_id: b.actionId,
    ...(value !== undefined ? { value } : {}),
    ...(b.style ? { style: b.style } : {}),
    ...(b.url ? { url: b.url } : {}),
  };
}

export const actions = (...buttons: ButtonSpec[]): Block => ({
  type: 'actions',
  elements: buttons.slice(0, LIMITS.actionsElements).map(button),
});

/** A section with a button beside it. */
export const mdWithButton = (text: string, b: ButtonSpec): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) },
  accessory: button(b),
});

/** Escapes the three characters Slack's mrkdwn gives meaning to. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes like escapeMrkdwn, but keeps mentions written on purpose (<!subteam^S…>, <@U…>, <#C…>). */
export function escapeKeepingMentions(text: string): string {
  return escapeMrkdwn(text).replace(/&lt;(!subteam\^S[A-Z0-9]+|@[UW][A-Z0-9]+|#[CG][A-Z0-9]+)&gt;/g, '<$1>');
}
