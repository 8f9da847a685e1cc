import type * as webApi from '@slack/web-api';
import type { WebAPICallResult } from '@slack/web-api';
import { lazyRequire } from '../util/lazy-require.js';
import type { Logger } from 'pino';
import { boltLogger } from './bolt-logger.js';
import { classifySlackFailure, type SlackFailure } from './slack-failures.js';

const webApiModule = lazyRequire<typeof webApi>('@slack/web-api');

/**
 * One Slack Web API call for a self-check, that never throws: the answer, the token's
 * scopes (Slack's `x-oauth-scopes` header) and Slack's clock (its `Date` header), or what
 * went wrong. Start-up and `doctor` both ask Slack through here.
 */
export type ProbeOutcome<T extends WebAPICallResult = WebAPICallResult> =
  | { ok: true; result: T; scopes?: string[]; clock?: ClockSample; url: string }
  | { ok: false; failure: SlackFailure; scopes?: string[]; clock?: ClockSample; url: string };

/** Slack's Date header against ours, taken at the middle of the round trip. */
export interface ClockSample {
  source: string;
  remote: Date;
  local: Date;
  /** Round trip; the Date header's one-second resolution adds up to a second of its own. */
  rttMs: number;
}

export interface SlackProbeOptions {
  apiUrl: string;
  timeoutMs?: number;
  /** Retries of a request that did not get through (network); 0 in doctor. */
  retries?: number;
  log: Logger;
  now?: () => number;
}

export async function slackProbe<T extends WebAPICallResult = WebAPICallResult>(
  token: string,
  method: string,
  args: Record<string, unknown>,
  o: SlackProbeOptions,
): Promise<ProbeOutcome<T>> {
  const now = o.now ?? Date.now;
  let clock: ClockSample | undefined;
  let scopes: string[] | undefined;
  const recordingFetch: typeof fetch = async (input, init) => {
    const sent = now();
    const res = await fetch(input, init);
    const date = res.headers.get('date');
    const received = now();
    const remote = date ? new Date(date) : undefined;
    if (remote && !Number.isNaN(remote.getTime()))
      clock = { source: 'Slack', remote, local: new Date((sent + received) / 2), rttMs: received - sent };
    const s = res.headers.get('x-oauth-scopes');
    if (s !== null)
      scopes = s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
    return res;
  };
  const client = new (webApiModule().WebClient)(token, {
    slackApiUrl: o.apiUrl,
    timeout: o.timeoutMs ?? 10_000,
    retryConfig: { retries: o.retries ?? 0, factor: 2, minTimeout: 250, maxTimeout: 1_000 },
    rejectRateLimitedCalls: true,
    fetch: recordingFetch as never,
    logger: boltLogger(o.log, { quiet: true }),
  });
  const url = `${o.apiUrl}${method}`;
  try {
    const result = (await client.apiCall(method, args)) as T;
    return { ok: true, result, scopes: scopes ?? result.response_metadata?.scopes, clock, url };
  } catch (err) {
    return { ok: false, failure: classifySlackFailure(err), scopes, clock, url };
  }
}

export interface BotIdentity {
  userId: string;
  /** The bot user's name, as typed after @ in `/invite @name`. */
  userName: string;
  botId: string;
  teamId?: string;
  team?: string;
}

/** auth.test's answer as the bot's identity; null when the token is not a bot's (no bot_id). */
export function identityOf(r: WebAPICallResult): BotIdentity | null {
  const a = r as { user_id?: string; user?: string; bot_id?: string; team_id?: string; team?: string };
  if (!a.user_id || !a.bot_id) return null;
  return { userId: a.user_id, userName: a.user ?? 'ctx-ops', botId: a.bot_id, teamId: a.team_id, team: a.team };
}
