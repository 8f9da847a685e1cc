import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { Server } from 'node:http';
import type { BotApp } from '../../app/app.js';
import { preloadLazy } from '../../util/lazy-require.js';
import { driversInUse } from '../../config/drivers.js';
import type { SlackConfig } from '../../config/types.js';
import type { SlackConnectionInfo } from '../../contracts/services.js';
import type { Actor } from '../../contracts/chat.js';
import { unescapeSlack } from '../../ui/user-text.js';
import { SOCKET_BACKOFF, type BackoffPolicy } from '../../util/backoff.js';
import { boltLogger } from '../../slack/bolt-logger.js';
import { slackConversation } from './conversation.js';
import { createSlackApi, type SlackApi } from '../../slack/slack-api.js';
import { observedWebClient } from '../../slack/observed-client.js';
import type { BotIdentity } from '../../slack/slack-probe.js';
import { createSocketKeeper, type SocketKeeper } from './socket-keeper.js';
import { checkTokenShapes, listenFailure, verifyBotToken } from './start-checks.js';

export interface SlackTransport {
  app: App;
  slack: SlackApi;
  /**
   * Checks the tokens, then connects (Socket Mode) or listens (HTTP); resolves with the
   * HTTP server in HTTP mode. Rejects with a SlackStartError (one sentence, an exit code)
   * when a token is wrong or Slack cannot be reached.
   */
  start(): Promise<Server | undefined>;
  stop(): Promise<void>;
  connection: SlackConnectionInfo;
}

export interface SlackTransportOptions {
  /** Web API retries; Slack's 429s are always waited out (Retry-After). Tests set 0. */
  retries?: number;
  /** HTTP mode: port to listen on (0 picks a free one). */
  port?: number;
  /** Socket Mode: delays between connection attempts (tests make them small). */
  reconnect?: BackoffPolicy;
}

/** Bolt's words for a request whose signature or timestamp did not verify (HTTP mode). */
const SIGNATURE_MISMATCH = /signature mismatch/i;
const STALE_REQUEST = /request is stale|must differ from system time/i;

/**
 * The Bolt app: one slash command, buttons, and the events features ask for, all fed to
 * the same router as the shell. Every listener acks first and works after, so Slack's
 * 3-second limit never depends on how long a check takes.
 *
 * The bot token is checked with auth.test before anything connects, and Bolt is given the
 * identity it returned (through `authorize`), so Bolt never calls auth.test on its own: a
 * rejected token is one sentence at start, never an unhandled rejection.
 */
export function createSlackTransport(
  bot: BotApp,
  slackConfig: SlackConfig,
  opts: SlackTransportOptions = {},
): SlackTransport {
  const { log, redactor } = bot.core;
  const logger = boltLogger(log);
  const clientOptions = {
    slackApiUrl: slackConfig.apiUrl,
    retryConfig: { retries: opts.retries ?? 2, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
  };
  const webClient = observedWebClient(slackConfig.botToken, { ...clientOptions, logger }, bot.core.metrics);
  let identity: BotIdentity | null = null;
  const refused = { signature: 0, stale: 0, lastAt: undefined as Date | undefined };

  let receiver: Receiver;
  let keeper: SocketKeeper | undefined;
  if (slackConfig.mode === 'socket') {
    const socket = new SocketModeReceiver({
      appToken: slackConfig.appToken!,
      logger: boltLogger(log, { quiet: true }),
      autoReconnectEnabled: false,
      // One request per attempt: the keeper spaces the attempts out.
      // A 429 comes back as an error with its Retry-After, which the keeper waits out.
      installerOptions: {
        clientOptions: {
          slackApiUrl: slackConfig.apiUrl,
          retryConfig: { retries: 0 },
          timeout: 15_000,
          rejectRateLimitedCalls: true,
        },
      },
    });
    keeper = createSocketKeeper({
      client: socket.client,
      log,
      apiUrl: slackConfig.apiUrl,
      backoff: opts.reconnect ?? SOCKET_BACKOFF,
    });
    receiver = socket;
  } else {
    const observe = (_level: string, message: string) => {
      const kind = SIGNATURE_MISMATCH.test(message) ? 'signature' : STALE_REQUEST.test(message) ? 'stale' : null;
      if (!kind) return;
      refused[kind] += 1;
      refused.lastAt = new Date();
      // Once per kind: a misconfigured secret refuses every request, and one line says it.
      if (refused[kind] !== 1) return;
      if (kind === 'signature') {
        log.warn(
          'A request to /slack/events was refused (401): its signature does not match SLACK_SIGNING_SECRET. If it came from Slack, the secret is wrong: copy the Signing Secret from Basic Information → App Credentials (not the Client Secret or the Verification Token) into SLACK_SIGNING_SECRET and restart. Logged once; `/ctx doctor` counts them.',
        );
      } else {
        log.warn(
          "A request to /slack/events was refused (401) as older than 5 minutes. If it came from Slack, this machine's clock is off: check NTP. Logged once; `/ctx doctor` counts them.",
        );
      }
    };
    receiver = new HTTPReceiver({
      signingSecret: slackConfig.signingSecret!,
      logger: boltLogger(log, { observe }),
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

  const app = new App({
    receiver,
    logger,
    clientOptions,
    authorize: async () => {
      if (!identity) throw new Error('the Slack transport has not started');
      return {
        botToken: slackConfig.botToken,
        botId: identity.botId,
        botUserId: identity.userId,
        teamId: identity.teamId,
      };
    },
  });
  const slack = createSlackApi(webClient, redactor);

  const connection: SlackConnectionInfo = {
    mode: slackConfig.mode === 'socket' ? 'socket' : 'http',
    identity: () => identity,
    ...(keeper ? { socket: () => keeper.info() } : { refusals: () => ({ ...refused }) }),
  };
  bot.core.services.register('slackConnection', connection);

  app.command(/.*/, async ({ ack, command, respond }) => {
    await ack();
    const actor: Actor = {
      userId: command.user_id,
      userName: command.user_name,
      channelId: command.channel_id,
      teamId: command.team_id,
    };
    const conversation = slackConversation({
      slack,
      redactor,
      channel: command.channel_id,
      userId: command.user_id,
      respond,
    });
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
    const actor: Actor = {
      userId: b.user.id,
      userName: b.user.username ?? b.user.name,
      channelId: channel,
      teamId: b.team?.id,
    };
    const alog = log.child({ action: actionId, user: actor.userId });
    if (!handler) {
      alog.warn('no handler for this button');
      return;
    }
    const threadTs = b.message?.thread_ts ?? b.container?.thread_ts;
    const conversation = slackConversation({ slack, redactor, channel, userId: actor.userId, respond, threadTs });
    const ts = b.container?.message_ts ?? b.message?.ts;
    // Ephemeral messages cannot be edited with chat.update; their response_url can replace them.
    const message = ts
      ? {
          channel,
          ts: b.container?.is_ephemeral ? '' : ts,
          ...(threadTs ? { threadTs } : {}),
          ...(b.container?.is_ephemeral ? { responseUrl: 'response_url' } : {}),
        }
      : undefined;
    const a = action as { value?: string; selected_option?: { value: string } };
    try {
      await handler.run({
        actionId,
        value: a.value ?? a.selected_option?.value ?? '',
        actor,
        message,
        conversation,
        surface: 'slack',
      });
    } catch (err) {
      alog.error({ err }, 'button failed');
      await conversation
        .ephemeral({ text: `⚠️ That did not work: ${redactor.scrub((err as Error).message ?? String(err))}` })
        .catch(() => {});
    }
  });

  for (const [type, handlers] of bot.events) {
    app.event(type, async ({ event }) => {
      const e = event as unknown as Record<string, unknown> & {
        user?: string;
        channel?: string;
        thread_ts?: string;
        ts?: string;
      };
      const actor: Actor = { userId: e.user ?? '', channelId: e.channel };
      const conversation = slackConversation({
        slack,
        redactor,
        channel: e.channel ?? '',
        userId: e.user ?? '',
        threadTs: e.thread_ts ?? e.ts,
      });
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
    log.error(
      { err: { message: redactor.scrub(err.message), code: (err as { code?: string }).code } },
      'slack listener error',
    );
  });

  return {
    app,
    slack,
    connection,
    async start() {
      // Up for the long run: the drivers the CLI loads on first use are loaded before
      // connecting, so the first burst of commands is not acked behind a driver load.
      preloadLazy(driversInUse(bot.core.config));
      checkTokenShapes(slackConfig);
      identity = await verifyBotToken(slackConfig, log, { retries: opts.retries === 0 ? 0 : 1 });
      if (
        slackConfig.signingSecret &&
        slackConfig.mode === 'http' &&
        !/^[0-9a-f]{32}$/.test(slackConfig.signingSecret)
      ) {
        log.warn(
          'SLACK_SIGNING_SECRET does not look like a Slack signing secret (32 hexadecimal characters): copy it from Basic Information → App Credentials → Signing Secret.',
        );
      }
      if (keeper) {
        await keeper.start();
        return undefined;
      }
      const port = opts.port ?? slackConfig.port;
      try {
        return (await app.start(port)) as Server;
      } catch (err) {
        throw listenFailure(err, port) ?? err;
      }
    },
    async stop() {
      keeper?.stop();
      await app.stop();
    },
  };
}
