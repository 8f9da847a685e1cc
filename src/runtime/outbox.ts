import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Outbox } from '../contracts/services.js';
import type { Block } from '../contracts/chat.js';
import type { SlackApi } from '../slack/slack-api.js';
import { deliveryFailure } from '../slack/delivery-errors.js';

/** Told how each write to a channel ended, so blocked channels are known (delivery-state.ts). */
export interface DeliveryObserver {
  delivered(channel: string): void;
  /** A write was given up on (Slack refused it, or it failed too often). */
  failed(channel: string, err: unknown): void;
}

export interface OutboxOptions {
  log: Logger;
  /** Spacing of writes to one channel (Slack allows about one message per second per channel). */
  minIntervalMs?: number;
  /** Attempts for a write that fails for a reason worth retrying (network, 5xx, internal_error). */
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** 429s waited out for one message before giving up on it. */
  maxRateLimitWaits?: number;
  observer?: DeliveryObserver;
}

export interface OutboxService extends Outbox {
  /** Where writes go; null (shell, CLI) makes every write fail at once with a clear error. */
  attach(slack: SlackApi | null): void;
  /** Waits up to `flushMs` for queued writes, then gives up on the rest (and logs each). */
  close(flushMs?: number): Promise<void>;
  pending(): number;
  /** Writes queued for one channel. */
  pendingFor(channel: string): number;
  /** How long the oldest queued write has waited, in ms (0 when nothing is queued). */
  oldestAgeMs(): number;
}

type Msg = { channel: string; text: string; blocks?: Block[]; thread_ts?: string; ts?: string };
interface Waiter {
  resolve(v: { channel: string; ts: string }): void;
  reject(err: Error): void;
}
interface Item {
  kind: 'post' | 'update';
  msg: Msg;
  waiters: Waiter[];
  attempts: number;
  rateLimited: number;
  inFlight: boolean;
  /** When it was queued (Date.now()). */
  queuedAt: number;
}
interface Lane {
  queue: Item[];
  notBefore: number;
  pumping: boolean;
}

/** Platform errors that may pass if tried again; every other `ok: false` is final. */
const RETRYABLE_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'rate_limited',
]);

export type Failure = { kind: 'rate-limited'; retryAfterMs: number } | { kind: 'retry' } | { kind: 'final' };

/**
 * How a Slack write failed. The outbox's client rejects 429s at once (rejectRateLimitedCalls)
 * so Retry-After is honoured here, once, per channel, instead of inside the client.
 */
export function classifySlackError(err: unknown): Failure {
  const e = err as {
    code?: string;
    retryAfter?: number;
    data?: { error?: string; response_metadata?: { retryAfter?: number } };
    statusCode?: number;
  };
  if (e?.code === 'slack_webapi_rate_limited_error')
    return { kind: 'rate-limited', retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000 };
  if (e?.code === 'slack_webapi_platform_error') {
    const code = e.data?.error ?? '';
    if (code === 'ratelimited' || code === 'rate_limited')
      return { kind: 'rate-limited', retryAfterMs: Math.max(1, e.data?.response_metadata?.retryAfter ?? 1) * 1000 };
    return RETRYABLE_ERRORS.has(code) ? { kind: 'retry' } : { kind: 'final' };
  }
  if (e?.code === 'slack_webapi_http_error')
    return (e.statusCode ?? 500) >= 500 ? { kind: 'retry' } : { kind: 'final' };
  // Request errors (connection refused, reset, timeout) and anything unknown: try again.
  return { kind: 'retry' };
}

export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/**
 * A per-channel queue for everything the bot posts on its own (digests, alerts, and other
 * features' notices): keeps to Slack's ~1 message/s per channel, collapses queued updates
 * of one message into the last, waits out 429 Retry-After, retries failures with bounded
 * backoff, and logs whatever it finally gives up on.
 */
export function createOutbox(opts: OutboxOptions): OutboxService {
  const log = opts.log.child({ part: 'outbox' });
  const minInterval = opts.minIntervalMs ?? 1_000;
  const maxAttempts = opts.maxAttempts ?? 6;
  const baseMs = opts.backoffBaseMs ?? 1_000;
  const maxMs = opts.backoffMaxMs ?? 30_000;
  const maxRateLimitWaits = opts.maxRateLimitWaits ?? 10;
  const lanes = new Map<string, Lane>();
  const stop = new AbortController();
  let slack: SlackApi | null | undefined; // undefined: not attached yet (writes wait)
  let attached: () => void = () => {};
  let whenAttached = new Promise<void>((r) => (attached = r));
  let closed = false;

  const lane = (channel: string) => {
    let l = lanes.get(channel);
    if (!l) lanes.set(channel, (l = { queue: [], notBefore: 0, pumping: false }));
    return l;
  };

  const giveUp = (item: Item, err: Error, why: string) => {
    // A channel Slack refuses as a whole is logged once, with its fix, by the delivery state; alerts and digests are kept.
    const level = deliveryFailure(err).kind === 'refused' ? 'warn' : 'error';
    log[level](
      {
        channel: item.msg.channel,
        kind: item.kind,
        ts: item.msg.ts,
        thread: item.msg.thread_ts,
        attempts: item.attempts,
        rateLimited: item.rateLimited,
        err: { message: err.message },
      },
      `outbox gave up on a message (${why}): ${item.msg.text.slice(0, 120)}`,
    );
    for (const w of item.waiters) w.reject(err);
  };

  const send = async (s: SlackApi, item: Item): Promise<{ channel: string; ts: string }> => {
    const { channel, text, blocks, thread_ts, ts } = item.msg;
    if (item.kind === 'update') {
      await s.update({ channel, ts: ts!, text, ...(blocks ? { blocks } : {}) });
      return { channel, ts: ts! };
    }
    return s.post({ channel, text, ...(blocks ? { blocks } : {}), ...(thread_ts ? { thread_ts } : {}) });
  };

  const pump = async (channel: string) => {
    const l = lane(channel);
    if (l.pumping) return;
    l.pumping = true;
    try {
      while (l.queue.length && !stop.signal.aborted) {
        if (slack === undefined) await Promise.race([whenAttached, aborted()]);
        if (stop.signal.aborted) break;
        const wait = l.notBefore - Date.now();
        if (wait > 0) await sleep(wait, undefined, { signal: stop.signal }).catch(() => {});
        if (stop.signal.aborted) break;
        const item = l.queue[0]!;
        if (!slack) {
          l.queue.shift();
          giveUp(item, new Error('not connected to Slack (shell or CLI): nothing can be posted'), 'no Slack');
          continue;
        }
        item.inFlight = true;
        item.attempts += 1;
        try {
          const out = await send(slack, item);
          l.queue.shift();
          l.notBefore = Date.now() + minInterval;
          opts.observer?.delivered(channel);
          for (const w of item.waiters) w.resolve(out);
        } catch (err) {
          item.inFlight = false;
          const f = classifySlackError(err);
          if (f.kind === 'rate-limited') {
            item.attempts -= 1; // a 429 is Slack asking us to wait, not a failed attempt
            item.rateLimited += 1;
            if (item.rateLimited > maxRateLimitWaits) {
              l.queue.shift();
              opts.observer?.failed(channel, err);
              giveUp(item, err as Error, `still rate limited after ${maxRateLimitWaits} waits`);
              continue;
            }
            l.notBefore = Date.now() + f.retryAfterMs;
            log.info(
              { channel, retryAfterMs: f.retryAfterMs },
              'Slack asked to slow down (429); waiting before the next write to this channel',
            );
          } else if (f.kind === 'final' || item.attempts >= maxAttempts) {
            l.queue.shift();
            l.notBefore = Date.now() + minInterval;
            opts.observer?.failed(channel, err);
            giveUp(item, err as Error, f.kind === 'final' ? 'Slack refused it' : `failed ${item.attempts} times`);
            // Slack refuses this channel as a whole (not_in_channel, is_archived…): what is
            // queued behind would be refused the same way, one per second. Callers keep what matters.
            if (deliveryFailure(err).kind === 'refused') {
              for (const rest of l.queue.splice(0)) giveUp(rest, err as Error, 'Slack refuses this channel');
            }
          } else {
            const delay = backoffMs(item.attempts, baseMs, maxMs);
            l.notBefore = Date.now() + delay;
            log.warn(
              { channel, attempt: item.attempts, retryInMs: delay, err: { message: (err as Error).message } },
              'Slack write failed; will retry',
            );
          }
        }
      }
    } finally {
      l.pumping = false;
    }
  };

  const aborted = () => new Promise<void>((r) => stop.signal.addEventListener('abort', () => r(), { once: true }));

  const enqueue = (kind: Item['kind'], msg: Msg) =>
    new Promise<{ channel: string; ts: string }>((resolve, reject) => {
      if (closed) return reject(new Error('the outbox is closed (shutting down)'));
      if (slack === null) return reject(new Error('not connected to Slack (shell or CLI): nothing can be posted'));
      const l = lane(msg.channel);
      if (kind === 'update') {
        const same = l.queue.find((i) => i.kind === 'update' && !i.inFlight && i.msg.ts === msg.ts);
        if (same) {
          same.msg = msg;
          same.waiters.push({ resolve, reject });
          return;
        }
      }
      l.queue.push({
        kind,
        msg,
        waiters: [{ resolve, reject }],
        attempts: 0,
        rateLimited: 0,
        inFlight: false,
        queuedAt: Date.now(),
      });
      void pump(msg.channel);
    });

  return {
    post: (msg) => enqueue('post', { ...msg }),
    async update(msg) {
      await enqueue('update', { ...msg });
    },
    attach(s) {
      slack = s;
      attached();
      whenAttached = Promise.resolve();
      for (const channel of lanes.keys()) void pump(channel);
    },
    pending: () => [...lanes.values()].reduce((n, l) => n + l.queue.length, 0),
    pendingFor: (channel) => lanes.get(channel)?.queue.length ?? 0,
    oldestAgeMs: () => {
      const oldest = Math.min(...[...lanes.values()].map((l) => l.queue[0]?.queuedAt ?? Number.POSITIVE_INFINITY));
      return Number.isFinite(oldest) ? Math.max(0, Date.now() - oldest) : 0;
    },
    async close(flushMs = 5_000) {
      closed = true;
      const deadline = Date.now() + flushMs;
      while (slack && [...lanes.values()].some((l) => l.queue.length) && Date.now() < deadline) await sleep(50);
      stop.abort();
      for (const l of lanes.values()) {
        for (const item of l.queue.splice(0))
          giveUp(item, new Error('the outbox closed before this was sent'), 'shutting down');
      }
    },
  };
}
