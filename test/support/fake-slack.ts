import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A stand-in for Slack on loopback that speaks Slack's real wire protocols:
 * - Web API: form-encoded (or JSON) POSTs to /api/<method>, answered with {ok, ...};
 * - Socket Mode: apps.connections.open hands out ws://…/socket, which says hello, sends
 *   envelopes and records the app's acks;
 * - response_url: POSTs to /response/<id> are recorded;
 * - HTTP mode: signs requests with a signing secret and posts them to the bot.
 */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  at: number;
}

export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  threadTs?: string;
  updates: number;
}

type Fault =
  | { status: 429; retryAfter: number }
  | { error: string; fields?: Record<string, unknown> }
  | { status: number };

export interface FakeChannel {
  name: string;
  is_member?: boolean;
  is_archived?: boolean;
  is_private?: boolean;
}

/** The bot scopes manifest.yml asks for: what a fresh install has. */
export const MANIFEST_SCOPES = [
  'commands',
  'chat:write',
  'app_mentions:read',
  'usergroups:read',
  'channels:read',
  'groups:read',
];

/** Bot scopes Slack requires per method (of the methods the bot calls). */
const METHOD_SCOPES: Record<string, string> = {
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'usergroups.users.list': 'usergroups:read',
};

export interface FakeSlack {
  apiUrl: string;
  baseUrl: string;
  calls: ApiCall[];
  responses: ResponsePost[];
  messages: Map<string, StoredMessage>;
  acks: Map<string, { payload?: unknown; at: number }>;
  /** Number of Socket Mode connections the app holds now. */
  connections(): number;
  /** The next `times` calls of method fail this way. */
  fail(method: string, fault: Fault, times?: number): void;
  /**
   * From now on every chat.postMessage / chat.update to `channel` is refused with `error`
   * (not_in_channel, is_archived…), as Slack does until someone fixes the channel.
   */
  refuse(channel: string, error: string, extra?: Record<string, unknown>): void;
  /** The channel takes posts again (the bot was invited, the channel unarchived). */
  accept(channel: string): void;
  /** Names conversations.info answers with (default "ops"). */
  channelNames: Map<string, string>;
  /** Socket Mode: an Events API event (member_joined_channel …); resolves when the app acks it. */
  event(event: Record<string, unknown> & { type: string }): Promise<number>;
  /** Answers for methods the fake does not know (users.info …). */
  handle(method: string, fn: (args: Record<string, unknown>) => Record<string, unknown>): void;
  /**
   * Slack's token rules, as strict as the real one: only these tokens are accepted (others
   * answer invalid_auth), `revoked` ones answer their code, and app-level tokens have the
   * scopes `appScopes` gives them (default connections:write). Without a call, any token of the right kind
   * is accepted. Token kinds are always enforced: an app-level token (xapp-) is refused by
   * every method but apps.connections.open, which refuses every other token
   * (not_allowed_token_type).
   */
  setTokens(t: {
    bot?: string[];
    app?: string[];
    appScopes?: Record<string, string[]>;
    revoked?: Record<string, string>;
  }): void;
  /** The bot token's scopes: sent as x-oauth-scopes, and methods needing another answer missing_scope. */
  setScopes(scopes: string[]): void;
  /** What conversations.info says about a channel; null: channel_not_found. Unknown ids: a channel the bot is in. */
  setChannel(id: string, info: FakeChannel | null): void;
  /** Shifts the Date header of every answer (a machine whose clock is off, seen from Slack). */
  setClockOffset(ms: number): void;
  /** Forgets the faults still queued for a method (Slack has recovered). */
  clearFaults(method: string): void;
  /** Closes every Socket Mode connection from Slack's side, as Slack does when it recycles a server. */
  dropConnections(): void;
  newResponseUrl(): string;
  /** Socket Mode: sends an envelope and resolves when the app acks it. */
  sendEnvelope(
    type: 'slash_commands' | 'interactive' | 'events_api',
    payload: Record<string, unknown>,
  ): { envelopeId: string; sentAt: number; acked: Promise<number> };
  slashCommand(
    text: string,
    opts?: { user?: string; channel?: string; command?: string },
  ): { envelopeId: string; responseUrl: string; sentAt: number; acked: Promise<number> };
  click(
    message: StoredMessage | { channel: string; ts: string },
    actionId: string,
    opts?: { user?: string; value?: string },
  ): { envelopeId: string; responseUrl: string; acked: Promise<number> };
  waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs?: number): Promise<T>;
  /** Waits for the first message posted after `sinceCount` messages that is not a "⏳ …" placeholder (yet). */
  finalMessage(sinceCount: number, timeoutMs?: number): Promise<StoredMessage>;
  /** Everything the bot said to Slack (API arguments, response_url bodies), for secret scans. */
  everything(): string;
  close(): Promise<void>;
}

export const BOT_USER_ID = 'UBOT0001';
export const TEAM_ID = 'T0TEAM001';

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: ApiCall[] = [];
  const responses: ResponsePost[] = [];
  const messages = new Map<string, StoredMessage>();
  const acks = new Map<string, { payload?: unknown; at: number }>();
  const faults = new Map<string, Array<Fault>>();
  const refusals = new Map<string, { error: string; extra?: Record<string, unknown> }>();
  const channelNames = new Map<string, string>();
  const custom = new Map<string, (args: Record<string, unknown>) => Record<string, unknown>>();
  const ackWaiters = new Map<string, (at: number) => void>();
  let tokens: {
    bot?: Set<string>;
    app?: Set<string>;
    appScopes: Record<string, string[]>;
    revoked: Record<string, string>;
  } = { appScopes: {}, revoked: {} };
  const appScopesOf = (token: string) => tokens.appScopes[token] ?? ['connections:write'];
  let botScopes = [...MANIFEST_SCOPES];
  const channels = new Map<string, FakeChannel | null>();
  let clockOffsetMs = 0;
  const sockets = new Set<WebSocket>();
  let tsCounter = 1_700_000_000_000_000;
  let responseCounter = 0;

  const nextTs = () => {
    tsCounter += 1;
    const s = String(tsCounter);
    return `${s.slice(0, 10)}.${s.slice(10)}`;
  };

  const server: Server = createServer((req, res) => void route(req, res));
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/socket')) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
        if (!msg.envelope_id) return;
        const at = performance.now();
        acks.set(msg.envelope_id, { payload: msg.payload, at });
        ackWaiters.get(msg.envelope_id)?.(at);
        ackWaiters.delete(msg.envelope_id);
      });
      ws.send(
        JSON.stringify({ type: 'hello', num_connections: sockets.size, connection_info: { app_id: 'A0APP0001' } }),
      );
    });
  });
  // Slack pings its Socket Mode clients; the client treats a silent server as dead.
  const pinger = setInterval(() => sockets.forEach((s) => s.ping()), 5_000);

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  function parseArgs(raw: string, type: string | undefined): Record<string, unknown> {
    if (type?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const out: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(raw)) {
      out[k] =
        (k === 'blocks' || k === 'attachments' || k === 'view') && v.startsWith('[')
          ? JSON.parse(v)
          : k === 'view' && v.startsWith('{')
            ? JSON.parse(v)
            : v;
    }
    return out;
  }

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const date = clockOffsetMs ? { date: new Date(Date.now() + clockOffsetMs).toUTCString() } : {};
    res.writeHead(status, { 'content-type': 'application/json', ...date, ...headers });
    res.end(JSON.stringify(body));
  };

  /** What real Slack answers before looking at the arguments: the token's kind, validity and scopes. */
  function authError(method: string, token: string | undefined): Record<string, unknown> | null {
    if (method === 'api.test') return null;
    if (!token) return { error: 'not_authed' };
    const wantsApp = method === 'apps.connections.open';
    if (wantsApp !== token.startsWith('xapp-')) return { error: 'not_allowed_token_type' };
    if (tokens.revoked[token]) return { error: tokens.revoked[token] };
    const known = wantsApp ? tokens.app : tokens.bot;
    if (known && !known.has(token)) return { error: 'invalid_auth' };
    if (wantsApp && !appScopesOf(token).includes('connections:write'))
      return { error: 'missing_scope', needed: 'connections:write', provided: appScopesOf(token).join(',') };
    return null;
  }
  function scopeError(method: string, args: Record<string, unknown>): Record<string, unknown> | null {
    let needed = METHOD_SCOPES[method];
    if (method === 'conversations.info')
      needed = channels.get(String(args.channel))?.is_private ? 'groups:read' : 'channels:read';
    if (!needed || botScopes.includes(needed)) return null;
    return { error: 'missing_scope', needed, provided: botScopes.join(',') };
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', baseUrl);
    const raw = await readBody(req);
    if (url.pathname.startsWith('/response/')) {
      responses.push({
        id: url.pathname.slice('/response/'.length),
        body: raw ? JSON.parse(raw) : {},
        at: performance.now(),
      });
      return send(res, 200, { ok: true });
    }
    if (!url.pathname.startsWith('/api/')) return send(res, 404, { ok: false, error: 'unknown_path' });
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(raw, req.headers['content-type']);
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? (args.token as string | undefined);
    calls.push({ method, args, token, at: performance.now() });

    const scopesHeader = { 'x-oauth-scopes': (token?.startsWith('xapp-') ? appScopesOf(token) : botScopes).join(',') };
    const denied = authError(method, token);
    if (denied)
      return send(
        res,
        200,
        { ok: false, ...denied },
        denied.error === 'not_authed' || denied.error === 'invalid_auth' ? {} : scopesHeader,
      );
    const queue = faults.get(method);
    const fault = queue?.shift();
    if (fault) {
      if ('retryAfter' in fault)
        return send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter) });
      if ('error' in fault) return send(res, 200, { ok: false, error: fault.error, ...fault.fields }, scopesHeader);
      return send(res, fault.status, { ok: false, error: 'fatal_error' });
    }
    const refusal = (method === 'chat.postMessage' || method === 'chat.update') && refusals.get(String(args.channel));
    if (refusal) return send(res, 200, { ok: false, error: refusal.error, ...refusal.extra }, scopesHeader);
    const lacking = scopeError(method, args);
    if (lacking) return send(res, 200, { ok: false, ...lacking }, scopesHeader);
    const handler = custom.get(method);
    if (handler) return send(res, 200, { ok: true, ...handler(args) }, scopesHeader);
    const ok = (body: Record<string, unknown>) => send(res, 200, { ok: true, ...body }, scopesHeader);

    switch (method) {
      case 'auth.test':
        return ok({
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'ctx-ops',
          team_id: TEAM_ID,
          user_id: BOT_USER_ID,
          bot_id: 'B0BOT0001',
          is_enterprise_install: false,
        });
      case 'apps.connections.open':
        return ok({ url: `ws://127.0.0.1:${port}/socket?ticket=${randomUUID()}` });
      case 'chat.postMessage': {
        const ts = nextTs();
        const channel = String(args.channel);
        messages.set(ts, {
          channel,
          ts,
          text: String(args.text ?? ''),
          blocks: (args.blocks as unknown[]) ?? [],
          threadTs: args.thread_ts as string | undefined,
          updates: 0,
        });
        return send(res, 200, { ok: true, channel, ts, message: { text: args.text, ts } });
      }
      case 'chat.update': {
        const m = messages.get(String(args.ts));
        if (!m) return send(res, 200, { ok: false, error: 'message_not_found' });
        m.text = String(args.text ?? m.text);
        m.blocks = (args.blocks as unknown[]) ?? m.blocks;
        m.updates += 1;
        return send(res, 200, { ok: true, channel: m.channel, ts: m.ts });
      }
      case 'chat.postEphemeral':
        return send(res, 200, { ok: true, message_ts: nextTs() });
      case 'views.publish':
        return send(res, 200, { ok: true, view: { id: 'V1', ...((args.view as object) ?? {}) } });
      case 'users.info':
        return send(res, 200, { ok: true, user: { id: args.user, name: String(args.user).toLowerCase(), tz: 'UTC' } });
      case 'usergroups.users.list':
        return send(res, 200, { ok: true, users: [] });
      case 'conversations.info': {
        const id = String(args.channel);
        const name = channelNames.get(id) ?? 'ops';
        if (!channels.has(id))
          return ok({
            channel: { id, name, is_channel: true, is_private: false, is_archived: false, is_member: true },
          });
        const c = channels.get(id);
        if (!c) return send(res, 200, { ok: false, error: 'channel_not_found' }, scopesHeader);
        return ok({ channel: { id, is_channel: true, is_private: false, is_archived: false, is_member: true, ...c } });
      }
      default:
        return send(res, 200, { ok: false, error: 'unknown_method' });
    }
  }

  const newResponseUrl = () => `${baseUrl}/response/${++responseCounter}`;

  const sendEnvelope: FakeSlack['sendEnvelope'] = (type, payload) => {
    const envelopeId = randomUUID();
    const acked = new Promise<number>((resolve) => ackWaiters.set(envelopeId, resolve));
    const [ws] = sockets;
    if (!ws) throw new Error('no Socket Mode connection');
    const sentAt = performance.now();
    ws.send(
      JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' }),
    );
    return { envelopeId, sentAt, acked };
  };

  const fake: FakeSlack = {
    apiUrl: `${baseUrl}/api/`,
    baseUrl,
    calls,
    responses,
    messages,
    acks,
    connections: () => sockets.size,
    fail(method, fault, times = 1) {
      const q = faults.get(method) ?? [];
      for (let i = 0; i < times; i++) q.push(fault);
      faults.set(method, q);
    },
    refuse: (channel, error, extra) => void refusals.set(channel, { error, ...(extra ? { extra } : {}) }),
    accept: (channel) => void refusals.delete(channel),
    channelNames,
    event(event) {
      const payload = {
        token: 'verification-token',
        team_id: TEAM_ID,
        api_app_id: 'A0APP0001',
        event: { event_ts: `${Date.now() / 1000}`, ...event },
        type: 'event_callback',
        event_id: `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
      };
      return sendEnvelope('events_api', payload).acked;
    },
    handle: (method, fn) => void custom.set(method, fn),
    setTokens(t) {
      tokens = {
        bot: t.bot ? new Set(t.bot) : undefined,
        app: t.app ? new Set(t.app) : undefined,
        appScopes: t.appScopes ?? {},
        revoked: t.revoked ?? {},
      };
    },
    setScopes(scopes) {
      botScopes = [...scopes];
    },
    setChannel: (id, info) => void channels.set(id, info),
    setClockOffset(ms) {
      clockOffsetMs = ms;
    },
    clearFaults: (method) => void faults.delete(method),
    dropConnections() {
      for (const ws of sockets) ws.terminate();
    },
    newResponseUrl,
    sendEnvelope,
    slashCommand(text, opts = {}) {
      const responseUrl = newResponseUrl();
      const env = sendEnvelope('slash_commands', slashPayload(text, responseUrl, opts));
      return { ...env, responseUrl };
    },
    click(message, actionId, opts = {}) {
      const responseUrl = newResponseUrl();
      const env = sendEnvelope('interactive', actionPayload(message, actionId, responseUrl, opts));
      return { envelopeId: env.envelopeId, acked: env.acked, responseUrl };
    },
    async waitFor(probe, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const v = await probe();
        if (v) return v;
        if (Date.now() > deadline) throw new Error('fake Slack: timed out waiting');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    finalMessage(sinceCount, timeoutMs) {
      return fake.waitFor(
        () => [...messages.values()].slice(sinceCount).find((m) => !m.text.startsWith('⏳')),
        timeoutMs,
      );
    },
    everything() {
      // The token (header or `token` argument) is Slack's to receive; everything else is what the bot said.
      const said = calls.map(({ method, args: { token: _credential, ...args } }) => ({ method, args }));
      return JSON.stringify({ calls: said, responses, messages: [...messages.values()] });
    },
    async close() {
      clearInterval(pinger);
      for (const s of sockets) s.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  return fake;
}

export function slashPayload(
  text: string,
  responseUrl: string,
  opts: { user?: string; channel?: string; command?: string } = {},
): Record<string, string> {
  return {
    token: 'verification-token',
    team_id: TEAM_ID,
    team_domain: 'fake',
    channel_id: opts.channel ?? 'C0OPS0001',
    channel_name: 'ops',
    user_id: opts.user ?? 'U0ALICE01',
    user_name: 'alice',
    command: opts.command ?? '/ctx',
    text,
    api_app_id: 'A0APP0001',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `trigger-${randomUUID()}`,
  };
}

export function actionPayload(
  message: { channel: string; ts: string; blocks?: unknown[]; threadTs?: string },
  actionId: string,
  responseUrl: string,
  opts: { user?: string; value?: string } = {},
): Record<string, unknown> {
  const value = opts.value ?? findButtonValue(message.blocks ?? [], actionId) ?? '';
  const user = opts.user ?? 'U0ALICE01';
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM_ID },
    api_app_id: 'A0APP0001',
    token: 'verification-token',
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: message.channel,
      is_ephemeral: false,
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    },
    trigger_id: `trigger-${randomUUID()}`,
    team: { id: TEAM_ID, domain: 'fake' },
    channel: { id: message.channel, name: 'ops' },
    message: {
      type: 'message',
      ts: message.ts,
      bot_id: 'B0BOT0001',
      text: '',
      blocks: message.blocks ?? [],
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    },
    response_url: responseUrl,
    actions: [
      {
        action_id: actionId,
        block_id: 'b1',
        type: 'button',
        value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

/** The value a button with this action_id carries in a message's blocks. */
export function findButtonValue(blocks: unknown[], actionId: string): string | undefined {
  const stack: unknown[] = [...blocks];
  while (stack.length) {
    const b = stack.pop() as Record<string, unknown> | undefined;
    if (!b || typeof b !== 'object') continue;
    if (b.action_id === actionId && typeof b.value === 'string') return b.value;
    for (const v of Object.values(b)) if (v && typeof v === 'object') stack.push(...(Array.isArray(v) ? v : [v]));
  }
  return undefined;
}

/** Signs a request body the way Slack does for HTTP-mode apps. */
export function slackSignature(secret: string, timestampSeconds: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSeconds}:${body}`).digest('hex')}`;
}

export async function postSigned(
  url: string,
  secret: string,
  body: string,
  opts: { contentType?: string; timestamp?: number; signature?: string } = {},
): Promise<{ status: number; text: string }> {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': opts.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': opts.signature ?? slackSignature(secret, ts, body),
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}
