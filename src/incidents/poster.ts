import type { Conversation } from '../contracts/chat.js';
import type { SlackApi } from '../slack/slack-api.js';

/**
 * A Conversation for work nobody asked for just now (resuming after a restart): it can
 * post into a known thread and update known messages, nothing else.
 */
export function slackPoster(slack: SlackApi): Conversation {
  return {
    async post(msg, opts) {
      const thread = opts?.thread;
      if (!thread?.channel) throw new Error('a background post needs a thread to go to');
      const ts = thread.threadTs ?? thread.ts;
      const res = await slack.post({ channel: thread.channel, text: msg.text, ...(msg.blocks ? { blocks: msg.blocks } : {}), ...(ts ? { thread_ts: ts } : {}) });
      return { channel: res.channel, ts: res.ts, ...(ts ? { threadTs: ts } : {}) };
    },
    async update(ref, msg) {
      await slack.update({ channel: ref.channel, ts: ref.ts, text: msg.text, ...(msg.blocks ? { blocks: msg.blocks } : {}) });
    },
    async ephemeral() {
      // Nobody to show it to.
    },
  };
}
