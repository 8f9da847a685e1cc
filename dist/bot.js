#!/usr/bin/env node
import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  boot
} from "./chunks/chunk-JSMMVUDD.js";
import "./chunks/chunk-UDZQIXZD.js";
import {
  runShell
} from "./chunks/chunk-EQNMLWMS.js";
import "./chunks/chunk-ONFC4JGS.js";
import "./chunks/chunk-FPWQEBDT.js";
import {
  boltLogger,
  classifySlackFailure,
  createSlackApi,
  describeSlackFailure,
  hostOf,
  identityOf,
  observedWebClient,
  slackProbe,
  tokenShapeProblem,
  unescapeSlack
} from "./chunks/chunk-JAXE5IPB.js";
import {
  describeEnvironments
} from "./chunks/chunk-VYYYKJ3T.js";
import {
  preloadLazy
} from "./chunks/chunk-QCF2D5HU.js";
import {
  require_pino
} from "./chunks/chunk-CBVNJ6RH.js";
import "./chunks/chunk-MCI4FFTB.js";
import "./chunks/chunk-YHMI6ZHD.js";
import "./chunks/chunk-QSRIQDF5.js";
import {
  __toESM
} from "./chunks/chunk-55LKJ45A.js";

// src/bot.ts
var import_pino = __toESM(require_pino(), 1);
import { pathToFileURL } from "node:url";

// src/transports/slack/start-checks.ts
var SlackStartError = class extends Error {
  constructor(words, options) {
    super(`${words.seen}: ${words.fix}`, options);
    this.words = words;
    this.name = "SlackStartError";
    this.exitCode = words.config ? 2 : 1;
  }
  words;
  exitCode;
};
function checkTokenShapes(slack) {
  if (slack.botToken) {
    const p = tokenShapeProblem("SLACK_BOT_TOKEN", slack.botToken);
    if (p) throw new SlackStartError(p);
  }
  if (slack.mode === "socket" && slack.appToken) {
    const p = tokenShapeProblem("SLACK_APP_TOKEN", slack.appToken);
    if (p) throw new SlackStartError(p);
  }
}
async function verifyBotToken(slack, log, opts = {}) {
  const out = await slackProbe(
    slack.botToken,
    "auth.test",
    {},
    { apiUrl: slack.apiUrl, log, timeoutMs: opts.timeoutMs, retries: opts.retries ?? 1 }
  );
  if (!out.ok) throw new SlackStartError(describeSlackFailure(out.failure, "SLACK_BOT_TOKEN", out.url));
  const identity = identityOf(out.result);
  if (!identity) {
    throw new SlackStartError({
      seen: "SLACK_BOT_TOKEN belongs to a person, not to the app's bot (auth.test names no bot)",
      fix: "copy the Bot User OAuth Token (xoxb-\u2026) from OAuth & Permissions into SLACK_BOT_TOKEN",
      config: true
    });
  }
  return identity;
}
function listenFailure(err, port) {
  const code = err?.code;
  if (code === "EADDRINUSE")
    return new SlackStartError(
      {
        seen: `port ${port} is already in use`,
        fix: "stop what listens there, or set PORT to a free port (and point Slack's request URLs at it)",
        config: true
      },
      { cause: err }
    );
  if (code === "EACCES")
    return new SlackStartError(
      {
        seen: `no permission to listen on port ${port}`,
        fix: "set PORT to a port above 1023, or run behind a reverse proxy",
        config: true
      },
      { cause: err }
    );
  return null;
}

// src/transports/slack/transport.ts
import { App, HTTPReceiver, SocketModeReceiver } from "@slack/bolt";

// src/config/drivers.ts
function driversInUse(config) {
  const graph = config.environments.map((e) => e.ctx.GRAPH_DB_PROVIDER === "falkordb" ? "ioredis" : "neo4j-driver");
  return [.../* @__PURE__ */ new Set(["undici", "pg", "@slack/web-api", ...graph])];
}

// src/util/backoff.ts
var SOCKET_BACKOFF = { baseMs: 1e3, maxMs: 12e4 };
function backoffDelayMs(failures, p) {
  const n = Math.max(1, Math.floor(failures));
  const exp = Math.min(p.maxMs, p.baseMs * 2 ** Math.min(n - 1, 30));
  const r = Math.min(1, Math.max(0, (p.random ?? Math.random)()));
  return Math.round(exp / 2 + r * (exp / 2));
}
function formatDelay(ms) {
  if (ms < 1e3) return `${ms} ms`;
  const s = Math.round(ms / 1e3);
  return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
}

// src/transports/slack/conversation.ts
var CANNOT_POST = /* @__PURE__ */ new Set([
  "not_in_channel",
  "channel_not_found",
  "is_archived",
  "restricted_action",
  "ekm_access_denied"
]);
function slackErrorCode(err) {
  return err.data?.error;
}
function slackConversation(o) {
  const respond = async (args) => {
    if (!o.respond) throw new Error("no response_url to answer through");
    await o.respond(o.redactor.scrubDeep(args));
  };
  const body = (msg) => ({ text: msg.text, ...msg.blocks ? { blocks: msg.blocks } : {} });
  return {
    async post(msg, opts) {
      const thread = opts?.thread?.threadTs ?? opts?.thread?.ts ?? o.threadTs;
      try {
        const res = await o.slack.post({
          channel: opts?.thread?.channel ?? o.channel,
          ...body(msg),
          ...thread ? { thread_ts: thread } : {}
        });
        return { channel: res.channel, ts: res.ts, ...thread ? { threadTs: thread } : {} };
      } catch (err) {
        if (!o.respond || !CANNOT_POST.has(slackErrorCode(err) ?? "") || thread) throw err;
        await respond({ response_type: "in_channel", ...body(msg) });
        return { channel: o.channel, ts: "", responseUrl: "response_url" };
      }
    },
    async update(ref, msg) {
      if (ref.responseUrl || !ref.ts) await respond({ replace_original: true, ...body(msg) });
      else await o.slack.update({ channel: ref.channel, ts: ref.ts, ...body(msg) });
    },
    async ephemeral(msg) {
      if (o.respond) await respond({ response_type: "ephemeral", replace_original: false, ...body(msg) });
      else
        await o.slack.postEphemeral({
          channel: o.channel,
          user: o.userId,
          ...body(msg),
          ...o.threadTs ? { thread_ts: o.threadTs } : {}
        });
    }
  };
}

// src/transports/slack/socket-keeper.ts
function createSocketKeeper(o) {
  const log = o.log.child({ part: "socket-mode" });
  const now = o.now ?? (() => /* @__PURE__ */ new Date());
  let state = "idle";
  let attempts = 0;
  let failures = 0;
  let connectedSince;
  let downSince;
  let lastFailure;
  let lastReported;
  let wsError;
  let wsHost;
  let wake;
  let timer;
  o.client.on("error", (err) => wsError = err);
  o.client.on(
    "authenticated",
    (res) => wsHost = res?.url ? hostOf(res.url) : void 0
  );
  o.client.on("disconnected", () => {
    if (state !== "connected") return;
    downSince = now();
    connectedSince = void 0;
    log.info("Socket Mode connection closed; reconnecting");
    void loop(false).catch(
      (err) => log.error({ err: { message: err.message } }, "Socket Mode reconnection stopped")
    );
  });
  const describe = (err) => {
    const code = err?.code;
    if (typeof code === "string" && code.startsWith("slack_webapi_")) {
      const f = classifySlackFailure(err);
      return {
        ...describeSlackFailure(f, "SLACK_APP_TOKEN", `${o.apiUrl}apps.connections.open`),
        ...f.kind === "rate-limited" && f.retryAfterS ? { retryAfterMs: f.retryAfterS * 1e3 } : {}
      };
    }
    const cause = err ?? wsError;
    const msg = cause?.original?.message ?? cause?.message;
    return {
      seen: `the Socket Mode WebSocket${wsHost ? ` to ${wsHost}` : ""} closed before Slack said hello${msg ? ` (${msg})` : ""}`,
      fix: "outbound WebSocket connections (wss://, port 443) to Slack must be allowed; where a proxy blocks them, use HTTP mode (SLACK_SIGNING_SECRET) instead",
      config: false
    };
  };
  const sleep = (ms) => new Promise((resolve) => {
    wake = resolve;
    timer = setTimeout(resolve, ms);
  });
  async function loop(initial) {
    state = "connecting";
    for (; ; ) {
      attempts++;
      wsError = void 0;
      let failed = null;
      try {
        await o.client.start();
      } catch (err) {
        failed = { err };
      }
      if (state === "stopped") {
        if (!failed) await o.client.disconnect().catch(() => {
        });
        return;
      }
      if (!failed) {
        if (failures > 0 || lastReported) {
          log.info(
            { failedAttempts: failures, downMs: downSince ? now().getTime() - downSince.getTime() : void 0 },
            `Socket Mode connected after ${failures} failed attempt${failures === 1 ? "" : "s"}`
          );
        } else if (!initial) log.info("Socket Mode reconnected");
        state = "connected";
        connectedSince = now();
        downSince = void 0;
        failures = 0;
        lastReported = void 0;
        return;
      }
      failures++;
      const { retryAfterMs, ...words } = describe(failed.err);
      lastFailure = { ...words, at: now() };
      if (initial && words.config) {
        state = "stopped";
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
      state = "waiting";
      await sleep(delay);
      if (state === "stopped") return;
      state = "connecting";
    }
  }
  return {
    start: () => loop(true),
    stop() {
      state = "stopped";
      clearTimeout(timer);
      wake?.();
    },
    info: () => ({ state, attempts, failures, connectedSince, lastFailure })
  };
}
var capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// src/transports/slack/transport.ts
var SIGNATURE_MISMATCH = /signature mismatch/i;
var STALE_REQUEST = /request is stale|must differ from system time/i;
function createSlackTransport(bot, slackConfig, opts = {}) {
  const { log, redactor } = bot.core;
  const logger = boltLogger(log);
  const clientOptions = {
    slackApiUrl: slackConfig.apiUrl,
    retryConfig: { retries: opts.retries ?? 2, factor: 2, minTimeout: 500, maxTimeout: 5e3 }
  };
  const webClient = observedWebClient(slackConfig.botToken, { ...clientOptions, logger }, bot.core.metrics);
  let identity = null;
  const refused = { signature: 0, stale: 0, lastAt: void 0 };
  let receiver;
  let keeper;
  if (slackConfig.mode === "socket") {
    const socket = new SocketModeReceiver({
      appToken: slackConfig.appToken,
      logger: boltLogger(log, { quiet: true }),
      autoReconnectEnabled: false,
      // One request per attempt: the keeper spaces the attempts out.
      // A 429 comes back as an error with its Retry-After, which the keeper waits out.
      installerOptions: {
        clientOptions: {
          slackApiUrl: slackConfig.apiUrl,
          retryConfig: { retries: 0 },
          timeout: 15e3,
          rejectRateLimitedCalls: true
        }
      }
    });
    keeper = createSocketKeeper({
      client: socket.client,
      log,
      apiUrl: slackConfig.apiUrl,
      backoff: opts.reconnect ?? SOCKET_BACKOFF
    });
    receiver = socket;
  } else {
    const observe = (_level, message) => {
      const kind = SIGNATURE_MISMATCH.test(message) ? "signature" : STALE_REQUEST.test(message) ? "stale" : null;
      if (!kind) return;
      refused[kind] += 1;
      refused.lastAt = /* @__PURE__ */ new Date();
      if (refused[kind] !== 1) return;
      if (kind === "signature") {
        log.warn(
          "A request to /slack/events was refused (401): its signature does not match SLACK_SIGNING_SECRET. If it came from Slack, the secret is wrong: copy the Signing Secret from Basic Information \u2192 App Credentials (not the Client Secret or the Verification Token) into SLACK_SIGNING_SECRET and restart. Logged once; `/ctx doctor` counts them."
        );
      } else {
        log.warn(
          "A request to /slack/events was refused (401) as older than 5 minutes. If it came from Slack, this machine's clock is off: check NTP. Logged once; `/ctx doctor` counts them."
        );
      }
    };
    receiver = new HTTPReceiver({
      signingSecret: slackConfig.signingSecret,
      logger: boltLogger(log, { observe }),
      endpoints: "/slack/events",
      processBeforeResponse: false,
      customRoutes: [
        {
          path: "/healthz",
          method: ["GET"],
          handler: (_req, res) => {
            res.writeHead(200, { "content-type": "text/plain" });
            res.end("ok");
          }
        }
      ]
    });
  }
  const app = new App({
    receiver,
    logger,
    clientOptions,
    authorize: async () => {
      if (!identity) throw new Error("the Slack transport has not started");
      return {
        botToken: slackConfig.botToken,
        botId: identity.botId,
        botUserId: identity.userId,
        teamId: identity.teamId
      };
    }
  });
  const slack = createSlackApi(webClient, redactor);
  const connection = {
    mode: slackConfig.mode === "socket" ? "socket" : "http",
    identity: () => identity,
    ...keeper ? { socket: () => keeper.info() } : { refusals: () => ({ ...refused }) }
  };
  bot.core.services.register("slackConnection", connection);
  app.command(/.*/, async ({ ack, command, respond }) => {
    await ack();
    const actor = {
      userId: command.user_id,
      userName: command.user_name,
      channelId: command.channel_id,
      teamId: command.team_id
    };
    const conversation = slackConversation({
      slack,
      redactor,
      channel: command.channel_id,
      userId: command.user_id,
      respond
    });
    await bot.router.dispatch({ text: unescapeSlack(command.text ?? ""), actor, surface: "slack", conversation });
  });
  app.action(/^ctx\./, async ({ ack, body, action, respond }) => {
    await ack();
    const actionId = action.action_id;
    const handler = bot.actions.get(actionId);
    const b = body;
    const channel = b.container?.channel_id ?? b.channel?.id ?? "";
    const actor = {
      userId: b.user.id,
      userName: b.user.username ?? b.user.name,
      channelId: channel,
      teamId: b.team?.id
    };
    const alog = log.child({ action: actionId, user: actor.userId });
    if (!handler) {
      alog.warn("no handler for this button");
      return;
    }
    const threadTs = b.message?.thread_ts ?? b.container?.thread_ts;
    const conversation = slackConversation({ slack, redactor, channel, userId: actor.userId, respond, threadTs });
    const ts = b.container?.message_ts ?? b.message?.ts;
    const message = ts ? {
      channel,
      ts: b.container?.is_ephemeral ? "" : ts,
      ...threadTs ? { threadTs } : {},
      ...b.container?.is_ephemeral ? { responseUrl: "response_url" } : {}
    } : void 0;
    const a = action;
    try {
      await handler.run({
        actionId,
        value: a.value ?? a.selected_option?.value ?? "",
        actor,
        message,
        conversation,
        surface: "slack"
      });
    } catch (err) {
      alog.error({ err }, "button failed");
      await conversation.ephemeral({ text: `\u26A0\uFE0F That did not work: ${redactor.scrub(err.message ?? String(err))}` }).catch(() => {
      });
    }
  });
  for (const [type, handlers] of bot.events) {
    app.event(type, async ({ event }) => {
      const e = event;
      const actor = { userId: e.user ?? "", channelId: e.channel };
      const conversation = slackConversation({
        slack,
        redactor,
        channel: e.channel ?? "",
        userId: e.user ?? "",
        threadTs: e.thread_ts ?? e.ts
      });
      for (const h of handlers) {
        try {
          await h({ type, event: e, actor, conversation });
        } catch (err) {
          log.error({ err, event: type }, "event handler failed");
        }
      }
    });
  }
  app.error(async (err) => {
    log.error(
      { err: { message: redactor.scrub(err.message), code: err.code } },
      "slack listener error"
    );
  });
  return {
    app,
    slack,
    connection,
    async start() {
      preloadLazy(driversInUse(bot.core.config));
      checkTokenShapes(slackConfig);
      identity = await verifyBotToken(slackConfig, log, { retries: opts.retries === 0 ? 0 : 1 });
      if (slackConfig.signingSecret && slackConfig.mode === "http" && !/^[0-9a-f]{32}$/.test(slackConfig.signingSecret)) {
        log.warn(
          "SLACK_SIGNING_SECRET does not look like a Slack signing secret (32 hexadecimal characters): copy it from Basic Information \u2192 App Credentials \u2192 Signing Secret."
        );
      }
      if (keeper) {
        await keeper.start();
        return void 0;
      }
      const port = opts.port ?? slackConfig.port;
      try {
        return await app.start(port);
      } catch (err) {
        throw listenFailure(err, port) ?? err;
      }
    },
    async stop() {
      keeper?.stop();
      await app.stop();
    }
  };
}

// src/runtime/lifecycle.ts
var SIGNAL_NUMBER = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
var SHUTDOWN_SIGNALS = ["SIGTERM", "SIGINT"];
function createShutdown(o) {
  let started = false;
  let decided = false;
  let timer;
  let resolveExited;
  const exited = new Promise((r) => resolveExited = r);
  const finish = (code) => {
    if (decided) return;
    decided = true;
    clearTimeout(timer);
    resolveExited(code);
    o.exit(code);
  };
  const seconds = Math.round(o.timeoutMs / 100) / 10;
  return {
    exited,
    onSignal(signal) {
      if (started) {
        o.say(`ctx-ops: second ${signal}: exiting now`);
        finish(128 + (SIGNAL_NUMBER[signal] ?? 15));
        return;
      }
      started = true;
      o.say(`ctx-ops: ${signal}: stopping (at most ${seconds} s; ${signal} again exits at once)`);
      timer = setTimeout(() => {
        o.say(`ctx-ops: did not stop within ${seconds} s; exiting (the next start marks what was left interrupted)`);
        finish(1);
      }, o.timeoutMs);
      timer.unref();
      o.stop().then(
        () => finish(0),
        (err) => {
          o.say(`ctx-ops: stopping failed: ${err?.message ?? String(err)}`);
          finish(1);
        }
      );
    }
  };
}
function installShutdown(proc, o) {
  const s = createShutdown(o);
  const handler = (signal) => s.onSignal(signal);
  for (const sig of SHUTDOWN_SIGNALS) proc.on(sig, handler);
  return { ...s, uninstall: () => SHUTDOWN_SIGNALS.forEach((sig) => proc.off(sig, handler)) };
}
function trackInFlight(target, now = Date.now) {
  const original = target.dispatch.bind(target);
  const running = /* @__PURE__ */ new Set();
  target.dispatch = (...args) => {
    const p = original(...args);
    const tracked = p.catch(() => {
    }).finally(() => running.delete(tracked));
    running.add(tracked);
    return p;
  };
  return {
    count: () => running.size,
    /** Waits for the commands in flight, at most `ms`; returns how many were still running. */
    async drain(ms) {
      const deadline = now() + ms;
      while (running.size > 0 && now() < deadline) {
        let t;
        await Promise.race([
          Promise.allSettled([...running]),
          new Promise((r) => t = setTimeout(r, Math.max(0, deadline - now())))
        ]);
        clearTimeout(t);
      }
      return running.size;
    }
  };
}

// src/runtime/memory-policy.ts
import { setFlagsFromString } from "node:v8";
var HEAP_GROWING_PERCENT = 10;
function applyBotMemoryPolicy() {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

// src/bot.ts
async function startHealth(booted, opts) {
  if (booted.config.health.port === 0) return null;
  const { startHealth: start } = await import("./chunks/health-5VGKR5OP.js");
  return start(booted.bot.core, opts);
}
async function startBot(env, io) {
  const booted = boot(env, {
    cwd: io.cwd,
    stderr: io.stderr,
    // In the shell, answers own stdout; logs go to stderr.
    logDestination: (c) => c.slack.mode === "shell" ? import_pino.default.destination({ fd: 2, sync: true }) : void 0
  });
  if ("exitCode" in booted) return booted;
  const { config, bot, log } = booted;
  if (config.slack.mode === "shell") {
    const interactive = Boolean(io.stdin.isTTY);
    await bot.start({ surface: "shell", slack: null });
    let shellRunning = true;
    const health2 = await startHealth(booted, { surface: "shell", shellRunning: () => shellRunning });
    io.onShellStart?.({
      stop: async () => {
        shellRunning = false;
        await bot.close();
        await health2?.close();
      },
      shutdownTimeoutMs: config.shutdown.timeoutSeconds * 1e3,
      scrub: booted.redactor.scrub,
      ...health2 ? { healthPort: health2.port } : {}
    });
    await runShell(bot, {
      input: io.stdin,
      output: io.stdout,
      interactive,
      banner: interactive ? [
        'ctx-ops local shell: no Slack tokens are set, so commands run here (see README, "Slack app").',
        ...describeEnvironments(config),
        "Type `status`, `check <id>`, `help`; Ctrl-D or `exit` to leave."
      ].join("\n") : void 0
    });
    shellRunning = false;
    await health2?.close();
    await bot.close();
    return { exitCode: 0 };
  }
  const inFlight = trackInFlight(bot.router);
  const shutdownTimeoutMs = config.shutdown.timeoutSeconds * 1e3;
  const transport = createSlackTransport(bot, config.slack);
  let server;
  try {
    server = await transport.start();
    await bot.start({ surface: "slack", slack: transport.slack });
  } catch (err) {
    const known = err instanceof SlackStartError;
    io.stderr.write(
      `ctx-ops: ${booted.redactor.scrub(known ? err.message : `could not start: ${err?.message ?? String(err)}`)}
`
    );
    log.debug({ err }, "start-up failed");
    await transport.stop().catch(() => {
    });
    await bot.close().catch(() => {
    });
    return { exitCode: known ? err.exitCode : 1 };
  }
  const health = await startHealth(booted, { surface: "slack" });
  const address = server?.address();
  const port = address && typeof address === "object" ? address.port : void 0;
  log.info(
    { mode: config.slack.mode, port, environments: config.environments.map((e) => e.name) },
    "ctx-ops is connected to Slack"
  );
  let stopping;
  return {
    port,
    ...health ? { healthPort: health.port } : {},
    shutdownTimeoutMs,
    scrub: booted.redactor.scrub,
    stop: () => stopping ??= (async () => {
      await transport.stop().catch((err) => log.warn({ err }, "slack transport did not stop cleanly"));
      const left = await inFlight.drain(shutdownTimeoutMs / 2);
      if (left) log.warn({ commands: left }, "commands still running at shutdown");
      await bot.close();
      await health?.close();
      log.info("ctx-ops stopped");
    })()
  };
}
async function main() {
  applyBotMemoryPolicy();
  const onSignals = (running2) => installShutdown(process, {
    stop: running2.stop,
    timeoutMs: running2.shutdownTimeoutMs,
    exit: (code) => process.exit(code),
    say: (line) => process.stderr.write(`${running2.scrub ? running2.scrub(line) : line}
`)
  });
  const running = await startBot(process.env, {
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    onShellStart: onSignals
  });
  if ("exitCode" in running) {
    process.exitCode = running.exitCode;
    setTimeout(() => process.exit(running.exitCode), 2e3).unref();
    return;
  }
  onSignals(running);
}
function fatal(what, err) {
  const e = err;
  process.stderr.write(`ctx-ops: ${what}: ${e?.message ?? String(err)}
`);
  if (/^(debug|trace)$/.test(process.env.LOG_LEVEL ?? "") && e?.stack) process.stderr.write(`${e.stack}
`);
  process.exit(1);
}
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.on("unhandledRejection", (err) => fatal("unexpected error", err));
  process.on("uncaughtException", (err) => fatal("unexpected error", err));
  main().catch((err) => fatal("could not start", err));
}
export {
  startBot
};
