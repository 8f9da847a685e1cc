import type { Logger } from 'pino';
import { backoffDelayMs, formatDelay, type BackoffPolicy } from '../../util/backoff.js';
import { classifySlackFailure, describeSlackFailure, hostOf, type FailureWords } from '../../slack/slack-failures.js';
import { SlackStartError } from './start-checks.js';

/**
 * Keeps the Socket Mode connection up. @slack/socket-mode reconnects on its own with a
 * linear delay (5 s × n, no cap, no jitter), logs every failed attempt as an error, and
 * lets a failed reconnect become an unhandled rejection; so its own reconnection is off
 * (`autoReconnectEnabled: false`) and this drives it: each `client.start()` is one attempt
 * (apps.connections.open, then the WebSocket, then Slack's hello), failures wait a growing,
 * jittered, capped delay, and each distinct cause is logged once with what to do.
 */
export interface SocketClientLike {
  start(): Promise<unknown>;
  disconnect(): Promise<void>;
  on(event: string, fn: (...args: any[]) => void): unknown;
}

export interface SocketState {
  state: 'idle' | 'connecting' | 'connected' | 'waiting' | 'stopped';
  /** Connection attempts since start (each asks apps.connections.open for a URL). */
  attempts: number;
  /** Consecutive failed attempts (0 while connected). */
  failures: number;
  connectedSince?: Date;
  lastFailure?: FailureWords & { at: Date };
}

export interface SocketKeeper {
  /**
   * The first connection: resolves once Slack said hello. A configuration mistake (rejected
   * app token, wrong kind, missing connections:write) rejects with a SlackStartError; any
   * other failure is reported once and retried until it works or stop() is called.
   */
  start(): Promise<void>;
  stop(): void;
  info(): SocketState;
}

export interface SocketKeeperOptions {
  client: SocketClientLike;
  log: Logger;
  apiUrl: string;
  backoff: BackoffPolicy;
  now?: () => Date;
}

export function createSocketKeeper(o: SocketKeeperOptions): SocketKeeper {
  const log = o.log.child({ part: 'socket-mode' });
  const now = o.now ?? (() => new Date());
  let state: SocketState['state'] = 'idle';
  let attempts = 0;
  let failures = 0;
  let connectedSince: Date | undefined;
  let downSince: Date | undefined;
  let lastFailure: SocketState['lastFailure'];
  let lastReported: string | undefined;
  let wsError: unknown;
  let wsHost: string | undefined;
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;

  o.client.on('error', (err: unknown) => (wsError = err));
  o.client.on(
    'authenticated',
    (res: { url?: string } | undefined) => (wsHost = res?.url ? hostOf(res.url) : undefined),
  );
  o.client.on('disconnected', () => {
    // Only a connection we had and lost; failed attempts are handled where they are made.
    if (state !== 'connected') return;
    downSince = now();
    connectedSince = undefined;
    log.info('Socket Mode connection closed; reconnecting');
    void loop(false).catch((err) =>
      log.error({ err: { message: (err as Error).message } }, 'Socket Mode reconnection stopped'),
    );
  });

  /** The words for a failed attempt, and how long Slack asked us to wait (429 Retry-After). */
  const describe = (err: unknown): FailureWords & { retryAfterMs?: number } => {
    const code = (err as { code?: string } | undefined)?.code;
    if (typeof code === 'string' && code.startsWith('slack_webapi_')) {
      const f = classifySlackFailure(err);
      return {
        ...describeSlackFailure(f, 'SLACK_APP_TOKEN', `${o.apiUrl}apps.connections.open`),
        ...(f.kind === 'rate-limited' && f.retryAfterS ? { retryAfterMs: f.retryAfterS * 1000 } : {}),
      };
    }
    const cause = (err ?? wsError) as { message?: string; original?: { message?: string } } | undefined;
    const msg = cause?.original?.message ?? cause?.message;
    return {
      seen: `the Socket Mode WebSocket${wsHost ? ` to ${wsHost}` : ''} closed before Slack said hello${msg ? ` (${msg})` : ''}`,
      fix: 'outbound WebSocket connections (wss://, port 443) to Slack must be allowed; where a proxy blocks them, use HTTP mode (SLACK_SIGNING_SECRET) instead',
      config: false,
    };
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  async function loop(initial: boolean): Promise<void> {
    state = 'connecting';
    for (;;) {
      attempts++;
      wsError = undefined;
      let failed: { err: unknown } | null = null;
      try {
        await o.client.start();
      } catch (err) {
        failed = { err };
      }
      if ((state as SocketState['state']) === 'stopped') {
        if (!failed) await o.client.disconnect().catch(() => {});
        return;
      }
      if (!failed) {
        if (failures > 0 || lastReported) {
          log.info(
            { failedAttempts: failures, downMs: downSince ? now().getTime() - downSince.getTime() : undefined },
            `Socket Mode connected after ${failures} failed attempt${failures === 1 ? '' : 's'}`,
          );
        } else if (!initial) log.info('Socket Mode reconnected');
        state = 'connected';
        connectedSince = now();
        downSince = undefined;
        failures = 0;
        lastReported = undefined;
        return;
      }
      failures++;
      const { retryAfterMs, ...words } = describe(failed.err);
      lastFailure = { ...words, at: now() };
      if (initial && words.config) {
        state = 'stopped';
        throw new SlackStartError(words, { cause: failed.err });
      }
      const delay = Math.max(backoffDelayMs(failures, o.backoff), retryAfterMs ?? 0);
      if (words.seen !== lastReported) {
        lastReported = words.seen;
        const line = `Socket Mode could not connect: ${words.seen}. ${capitalise(words.fix)}. Retrying in ${formatDelay(delay)}, then less and less often (at most every ${formatDelay(o.backoff.maxMs)}); this is logged again only if the cause changes.`;
        if (words.config) log.error({ attempt: attempts }, line);
        else log.warn({ attempt: attempts }, line);
      } else {
        log.debug({ attempt: attempts, retryInMs: delay }, `Socket Mode still cannot connect: ${words.seen}`);
      }
      state = 'waiting';
      await sleep(delay);
      if ((state as SocketState['state']) === 'stopped') return;
      state = 'connecting';
    }
  }

  return {
    start: () => loop(true),
    stop() {
      state = 'stopped';
      clearTimeout(timer);
      wake?.();
    },
    info: () => ({ state, attempts, failures, connectedSince, lastFailure }),
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
