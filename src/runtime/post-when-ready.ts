import type { Conversation, MessageRef, OutMessage } from '../contracts/chat.js';

/**
 * Answers that arrive within this time are posted as they are; slower ones get a
 * placeholder first, updated in place, so people see at once that the bot heard.
 */
export const PLACEHOLDER_AFTER_MS = 250;

/**
 * Posts `work`'s answer once, with a placeholder first when the work is slow. The work
 * is already running when this is called, so the placeholder never delays it.
 */
export async function postWhenReady<T>(
  conversation: Conversation,
  placeholder: OutMessage,
  work: Promise<T>,
  render: (value: T) => OutMessage,
): Promise<{ value: T; ref: MessageRef }> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => (timer = setTimeout(() => resolve('slow'), PLACEHOLDER_AFTER_MS)));
  const first = await Promise.race([work.then((value) => ({ value })), slow]).finally(() => clearTimeout(timer));
  if (first !== 'slow') return { value: first.value, ref: await conversation.post(render(first.value)) };
  const ref = await conversation.post(placeholder);
  const value = await work;
  await conversation.update(ref, render(value));
  return { value, ref };
}
