import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { Server } from 'node:http';
import type { BotApp } from '../../app.js';
import type { SlackConfig } from '../../config/types.js';
import type { Actor } from '../../handlers/types.js';
import { unescapeSlack } from '../../render/user-text.js';
import { boltLogger } from './bolt-logger.js';
import { slackConversation } from './conversation.js';
import { createSlackApi, type SlackApi } from './slack-api.js';

export interface SlackTransport {
  app: App;
  slack: SlackApi;
  /** Connects (Socket Mode) or listens (HTTP); resolves with the HTTP server in HTTP mode. */
  start(): Promise<Server | undefined>;
  stop(): Promise<void>;
}

export interface SlackTransportOptions {
  /** Web API retries; Slack's 429s are always waited out (Retry-After). Tests set 0. */
  retries?: number;
  /** HTTP mode: port to listen on (0 picks a free one). */
  port?: number;
}

/**
 * The Bolt app: one slash command, buttons, and the events features ask for, all fed to
 * the same router as the shell. Every listener acks first and works after, so Slack's
 * 3-second limit never depends on how long a check takes.
 */
export function createSlackTransport(bot: BotApp, slackConfig: SlackConfig, opts: SlackTransportOptions = {}): SlackTransport {
  const { log, redactor } = bot.core;
  const logger = boltLogger(log);
  const clientOptions = {
    slackApiUrl: slackConfig.apiUrl,
    retryConfig: { retries: opts.retries ?? 2, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
  };

  let receiver: Receiver;
  if (slackConfig.mode === 'socket') {
    receiver = new SocketModeReceiver({ appToken: slackConfig.appToken!, logger, installerOptions: { clientOptions } });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: slackConfig.signingSecret!,
      logger,
      endpoints: '/slack/events',
      processBeforeResponse: false,
      customRoutes: [
        {
          path: '/healthz',
          method: ['GET'],
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'text/plain' });
            res.end('ok');
          },
        },
      ],
    });
  }

  const app = new App({ token: slackConfig.botToken, receiver, logger, clientOptions });
  const slack = createSlackApi(app.client, redactor);

  app.command(/.*/, async ({ ack, command, respond }) => {
    await ack();
    const actor: Actor = { userId: command.user_id, userName: command.user_name, channelId: command.channel_id, teamId: command.team_id };
    const conversation = slackConversation({ slack, redactor, channel: command.channel_id, userId: command.user_id, respond });
    // Slack sends typed `&`, `<`, `>` as entities; handlers see what the person typed (and escape it when they echo it).
    await bot.router.dispatch({ text: unescapeSlack(command.text ?? ''), actor, surface: 'slack', conversation });
  });

  app.action(/^ctx\./, async ({ ack, body, action, respond }) => {
    await ack();
    const actionId = (action as { action_id: string }).action_id;
    const handler = bot.actions.get(actionId);
    const b = body as {
      user: { id: string; username?: string; name?: string };
      channel?: { id: string };
      container?: { channel_id?: string; message_ts?: string; is_ephemeral?: boolean; thread_ts?: string };
      message?: { ts: string; thread_ts?: string; bot_id?: string };
      team?: { id: string } | null;
    };
    const channel = b.container?.channel_id ?? b.channel?.id ?? '';
    const actor: Actor = { userId: b.user.id, userName: b.user.username ?? b.user.name, channelId: channel, teamId: b.team?.id };
    const alog = log.child({ action: actionId, user: actor.userId });
    if (!handler) {
      alog.warn('no handler for this button');
      return;
    }
    const threadTs = b.message?.thread_ts ?? b.container?.thread_ts;
    const conversation = slackConversation({ slack, redactor, channel, userId: actor.userId, respond, threadTs });
    const ts = b.container?.message_ts ?? b.message?.ts;
    // Ephemeral messages cannot be edited with chat.update; their response_url can replace them.
    const message = ts ? { channel, ts: b.container?.is_ephemeral ? '' : ts, ...(threadTs ? { threadTs } : {}), ...(b.container?.is_ephemeral ? { responseUrl: 'response_url' } : {}) } : undefined;
    const a = action as { value?: string; selected_option?: { value: string } };
    try {
      await handler.run({ actionId, value: a.value ?? a.selected_option?.value ?? '', actor, message, conversation, surface: 'slack' });
    } catch (err) {
      alog.error({ err }, 'button failed');
      await conversation.ephemeral({ text: `⚠️ That did not work: ${redactor.scrub((err as Error).message ?? String(err))}` }).catch(() => {});
    }
  });

  for (const [type, handlers] of bot.events) {
    app.event(type, async ({ event }) => {
      const e = event as unknown as Record<string, unknown> & { user?: string; channel?: string; thread_ts?: string; ts?: string };
      const actor: Actor = { userId: e.user ?? '', channelId: e.channel };
      const conversation = slackConversation({ slack, redactor, channel: e.channel ?? '', userId: e.user ?? '', threadTs: e.thread_ts ?? e.ts });
      for (const h of handlers) {
        try {
          await h({ type, event: e, actor, conversation });
        } catch (err) {
          log.error({ err, event: type }, 'event handler failed');
        }
      }
    });
  }

  app.error(async (err) => {
    log.error({ err: { message: redactor.scrub(err.message), code: (err as { code?: string }).code } }, 'slack listener error');
  });

  return {
    app,
    slack,
    async start() {
      const out = await app.start(opts.port ?? slackConfig.port);
      return slackConfig.mode === 'http' ? (out as Server) : undefined;
    },
    stop: () => app.stop() as Promise<void>,
  };
}
