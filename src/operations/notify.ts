import type { ServiceRegistry } from '../runtime/feature.js';
import type { OutMessage } from '../contracts/chat.js';
import type { Logger } from '../log/logger.js';
import type { Redactor } from '../log/redactor.js';
import type { SlackApi } from '../slack/slack-api.js';

/**
 * Posts nobody asked for at that moment (restore-test results, "this run was interrupted"
 * after a restart): through the schedules feature's outbox when it exists (paced,
 * retried), else straight through the Slack API. The shell and the CLI have no
 * background posting; such posts are logged instead.
 */
export interface BackgroundPoster {
  post(channel: string, msg: OutMessage, threadTs?: string): Promise<{ channel: string; ts: string } | null>;
  update(channel: string, ts: string, msg: OutMessage): Promise<void>;
}

export function createBackgroundPoster(opts: {
  services: ServiceRegistry;
  slack: () => SlackApi | null;
  redactor: Redactor;
  log: Logger;
}): BackgroundPoster {
  const reachable = (channel: string) => Boolean(channel) && channel !== 'terminal';
  return {
    async post(channel, msg, threadTs) {
      const outbox = opts.services.get('outbox');
      const slack = opts.slack();
      // The outbox writes through the same Slack connection; without one there is nowhere to post.
      if (!reachable(channel) || !slack) {
        opts.log.info({ channel, text: opts.redactor.scrub(msg.text) }, 'not posted (no Slack connection here)');
        return null;
      }
      const body = opts.redactor.scrubDeep({
        channel,
        text: msg.text,
        ...(msg.blocks ? { blocks: msg.blocks } : {}),
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
      try {
        return outbox ? await outbox.post(body) : await slack.post(body);
      } catch (err) {
        opts.log.warn(
          { channel, err: { message: opts.redactor.scrub((err as Error).message) } },
          'background post failed',
        );
        return null;
      }
    },
    async update(channel, ts, msg) {
      const outbox = opts.services.get('outbox');
      const slack = opts.slack();
      if (!reachable(channel) || !ts || !slack) return;
      const body = opts.redactor.scrubDeep({
        channel,
        ts,
        text: msg.text,
        ...(msg.blocks ? { blocks: msg.blocks } : {}),
      });
      try {
        await (outbox ? outbox.update(body) : slack.update(body));
      } catch (err) {
        opts.log.warn(
          { channel, err: { message: opts.redactor.scrub((err as Error).message) } },
          'background update failed',
        );
      }
    },
  };
}
