import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import "./chunk-55LKJ45A.js";

// src/runtime/health/health.ts
import { createServer } from "node:http";

// src/runtime/health/prom-metrics.ts
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
var LEADER_ROLES = ["leader", "degraded", "follower", "none"];
function createPromMetrics(opts = {}) {
  const registry = new Registry();
  if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: "ctx_ops_" });
  const registers = [registry];
  const readers = {};
  const commands = new Counter({
    name: "ctx_ops_commands_total",
    help: "Commands answered (Slack and the shell), by command and outcome (ok, warn, fail, usage, unknown, error).",
    labelNames: ["command", "outcome"],
    registers
  });
  const checkDuration = new Histogram({
    name: "ctx_ops_check_duration_seconds",
    help: "How long each check ran (cached answers are not counted again), by check and environment.",
    labelNames: ["check", "environment"],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers
  });
  const checkResults = new Counter({
    name: "ctx_ops_check_results_total",
    help: "Check results, by check, environment and status (ok, warn, fail, skip).",
    labelNames: ["check", "environment", "status"],
    registers
  });
  const slackCalls = new Counter({
    name: "ctx_ops_slack_api_calls_total",
    help: "Slack Web API calls made by the bot, by method and outcome (ok, error, rate_limited).",
    labelNames: ["method", "outcome"],
    registers
  });
  const slackErrors = new Counter({
    name: "ctx_ops_slack_api_errors_total",
    help: "Slack Web API calls that failed (refused, network, or given up after a 429), by method.",
    labelNames: ["method"],
    registers
  });
  const slack429 = new Counter({
    name: "ctx_ops_slack_rate_limited_total",
    help: "HTTP 429 answers from Slack, by method, including those waited out and retried.",
    labelNames: ["method"],
    registers
  });
  const approvals = new Counter({
    name: "ctx_ops_approvals_total",
    help: "Guarded-action approvals, by kind and outcome (requested, confirmed, cancelled, expired).",
    labelNames: ["kind", "outcome"],
    registers
  });
  const operations = new Counter({
    name: "ctx_ops_operations_total",
    help: "Guarded operations that ended, by kind and outcome (succeeded, failed, interrupted).",
    labelNames: ["kind", "outcome"],
    registers
  });
  const sessions = new Counter({
    name: "ctx_ops_runbook_sessions_total",
    help: "Runbook sessions, by runbook and event (started, finished, abandoned).",
    labelNames: ["runbook", "event"],
    registers
  });
  new Gauge({
    name: "ctx_ops_runbook_sessions_active",
    help: "Runbook sessions active now (read from the store at scrape; absent when it cannot be read).",
    registers,
    async collect() {
      this.reset();
      const n = await readers.runbookSessionsActive?.();
      if (typeof n === "number") this.set(n);
    }
  });
  new Gauge({
    name: "ctx_ops_outbox_pending",
    help: "Posts and updates waiting in this replica's outbox.",
    registers,
    collect() {
      this.set(readers.outboxPending?.() ?? 0);
    }
  });
  new Gauge({
    name: "ctx_ops_outbox_oldest_age_seconds",
    help: "How long the oldest write in the outbox has waited (0 when it is empty).",
    registers,
    collect() {
      this.set(readers.outboxOldestAgeSeconds?.() ?? 0);
    }
  });
  new Gauge({
    name: "ctx_ops_leader",
    help: "This replica's part in the leader election: 1 for its role (leader, degraded, follower, none), 0 for the others.",
    labelNames: ["role"],
    registers,
    collect() {
      const role = readers.leaderRole?.() ?? "none";
      for (const r of LEADER_ROLES) this.set({ role: r }, r === role ? 1 : 0);
    }
  });
  return {
    registry,
    command: (command, outcome) => commands.inc({ command, outcome }),
    check({ check, environment, status, durationMs }) {
      checkDuration.observe({ check, environment }, durationMs / 1e3);
      checkResults.inc({ check, environment, status });
    },
    slackCall(method, outcome) {
      slackCalls.inc({ method, outcome });
      if (outcome !== "ok") slackErrors.inc({ method });
    },
    slackRateLimited: (method) => slack429.inc({ method }),
    approval: (kind, outcome) => approvals.inc({ kind, outcome }),
    operation: (kind, outcome) => operations.inc({ kind, outcome }),
    runbookSession: (runbook, event) => sessions.inc({ runbook, event }),
    gauge(name, read) {
      readers[name] = read;
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    }
  };
}

// src/runtime/health/readiness.ts
function decideReadiness(components) {
  const notReady = Object.entries(components).filter(([, c]) => !c.ready).map(([name]) => name);
  return { ready: notReady.length === 0, notReady, components };
}
function slackComponent(info) {
  if (!info.identified) return { ready: false, detail: "not connected to Slack yet (auth.test has not answered)" };
  if (info.mode === "http") return { ready: true, detail: "HTTP mode: serving /slack/events" };
  return info.socketState === "connected" ? { ready: true, detail: "Socket Mode: connected" } : { ready: false, detail: `Socket Mode: ${info.socketState ?? "unknown"} (not connected)` };
}

// src/runtime/health/health.ts
var STORE_PROBE_MS = 2e3;
async function startHealth(core, opts) {
  const port = opts.port ?? core.config.health.port;
  const host = opts.host ?? core.config.health.host;
  if (port === 0 && opts.port === void 0) return null;
  const log = core.log.child({ part: "health" });
  const metrics = createPromMetrics();
  core.metrics.attach(metrics);
  const storeState = async () => {
    if (!core.store) return { ready: true, detail: "no store configured (scheduled work is off)" };
    let timer;
    try {
      await Promise.race([
        core.store.query("SELECT 1"),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${STORE_PROBE_MS} ms`)), STORE_PROBE_MS);
        })
      ]);
      return { ready: true, detail: "the ctx_ops store answers" };
    } catch (err) {
      return {
        ready: false,
        detail: `the ctx_ops store is unreachable: ${core.redactor.scrub(err.message)}`
      };
    } finally {
      clearTimeout(timer);
    }
  };
  const transportState = () => {
    if (opts.surface === "shell")
      return opts.shellRunning?.() === false ? { ready: false, detail: "the local shell has ended" } : { ready: true, detail: "local shell running" };
    const slack = core.services.get("slackConnection");
    if (!slack) return { ready: false, detail: "the Slack transport has not started" };
    return slackComponent({
      mode: slack.mode,
      identified: slack.identity() !== null,
      socketState: slack.socket?.().state
    });
  };
  const readiness = async () => decideReadiness({
    config: { ready: true, detail: core.config.configFile ? `loaded from ${core.config.configFile}` : "loaded" },
    [opts.surface]: transportState(),
    store: await storeState()
  });
  const handle = async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("method not allowed\n");
      return;
    }
    if (path === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
    } else if (path === "/readyz") {
      const r = await readiness();
      res.writeHead(r.ready ? 200 : 503, { "content-type": "application/json" }).end(`${JSON.stringify({ ready: r.ready, notReady: r.notReady, components: r.components })}
`);
    } else if (path === "/metrics") {
      const { contentType, body } = await metrics.scrape();
      res.writeHead(200, { "content-type": contentType }).end(body);
    } else {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found: try /healthz, /readyz or /metrics\n");
    }
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      log.warn({ err: { message: core.redactor.scrub(err.message) } }, "health request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("error\n");
    });
  });
  try {
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (err) {
    log.error(
      { err: { message: err.message }, host, port },
      `the health and metrics listener could not listen on ${host}:${port}; commands are still served. Set CTX_OPS_HEALTH_PORT (health.port) to a free port, or 0 to turn it off`
    );
    return null;
  }
  const bound = server.address().port;
  log.info({ host, port: bound }, "health and metrics listener: /healthz, /readyz, /metrics");
  return {
    port: bound,
    metrics,
    readiness,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    })
  };
}
export {
  startHealth
};
