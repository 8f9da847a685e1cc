import type { ChatPostMessageArguments, WebClient } from '@slack/web-api';
import type { Block } from '../contracts/chat.js';
import type { Redactor } from '../log/redactor.js';

export interface PostArgs {
  channel: string;
  text: string;
  blocks?: Block[];
  thread_ts?: string;
  reply_broadcast?: boolean;
  unfurl_links?: boolean;
}

/**
 * Everything the bot writes to Slack goes through here, and everything is scrubbed on
 * the way out: a secret that slipped into a summary or an error never reaches a channel.
 */
export interface SlackApi {
  /** The raw client, for reads (users.info, usergroups.users.list, conversations.info). */
  readonly client: WebClient;
  post(args: PostArgs): Promise<{ channel: string; ts: string }>;
  update(args: { channel: string; ts: string; text: string; blocks?: Block[] }): Promise<void>;
  postEphemeral(args: {
    channel: string;
    user: string;
    text: string;
    blocks?: Block[];
    thread_ts?: string;
  }): Promise<void>;
  publishHome(userId: string, view: { type: 'home'; blocks: Block[] }): Promise<void>;
}

export function createSlackApi(client: WebClient, redactor: Redactor): SlackApi {
  const clean = <T>(v: T): T => redactor.scrubDeep(v);
  return {
    client,
    async post(args) {
      const res = await client.chat.postMessage(
        clean({ unfurl_links: false, unfurl_media: false, ...args }) as ChatPostMessageArguments,
      );
      return { channel: res.channel ?? args.channel, ts: res.ts ?? '' };
    },
    async update(args) {
      await client.chat.update(clean(args));
    },
    async postEphemeral(args) {
      await client.chat.postEphemeral(clean(args));
    },
    async publishHome(userId, view) {
      await client.views.publish(clean({ user_id: userId, view }));
    },
  };
}
