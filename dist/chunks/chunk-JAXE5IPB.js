import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  LEVELS,
  configJson,
  describeConfig,
  evaluateStepCheck,
  evidenceRefs,
  fillText,
  levelRank,
  loadConfiguredRunbooks,
  loadConfiguredSignals,
  matches,
  maxLevel,
  parsePattern,
  runbookActionKinds,
  signalsOf,
  stepLinks
} from "./chunk-VYYYKJ3T.js";
import {
  ConfigError,
  DEFAULT_GRAPH_DB_URI,
  MAX_SILENCE_MS,
  ago,
  attributeLikelyCauses,
  attributeRootCauses,
  backendBase,
  boltCredentials,
  boltTarget,
  classifyError,
  clock,
  closest,
  compareMigrations,
  composeChecks,
  createHttpClient,
  createPgAccess,
  dateTime,
  day,
  dayTime,
  describeFailure,
  describeTarget,
  extractFlags,
  formatBytes,
  formatDuration,
  formatElapsed,
  formatLatency,
  headline,
  lazyRequire,
  overallStatus,
  pLimit,
  packagePath,
  parseCountReply,
  parseDuration,
  readAppliedMigrations,
  readMigrationFolder,
  redisTarget,
  requestUrl,
  rootsFirst,
  schedule,
  shellWord,
  shortHash,
  tokenize,
  worst
} from "./chunk-QCF2D5HU.js";
import {
  LIMITS,
  actions,
  chunkLines,
  context,
  createHelp,
  divider,
  escapeKeepingMentions,
  escapeMrkdwn,
  fitBlocks,
  header,
  md,
  mdWithButton,
  mentionVerbs
} from "./chunk-MCI4FFTB.js";
import {
  mrkdwnToPlain,
  plainTable
} from "./chunk-YHMI6ZHD.js";
import {
  truncate
} from "./chunk-QSRIQDF5.js";

// src/ui/user-text.ts
function userText(text2, max = 200) {
  return escapeMrkdwn(truncate(text2.replace(/\s+/g, " ").trim(), max));
}
function userWord(word2, max = 60) {
  return `\`${userText(word2, max).replace(/`/g, "'")}\``;
}
function unescapeSlack(text2) {
  return text2.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

// src/app/router.ts
function createRouter(opts) {
  const table = /* @__PURE__ */ new Map();
  for (const h of opts.handlers) {
    for (const name of [h.name, ...h.aliases ?? []]) {
      if (table.has(name)) throw new Error(`two commands are called "${name}"`);
      table.set(name, h);
    }
  }
  return {
    handlers: opts.handlers,
    find: (name) => table.get(name.toLowerCase()),
    async dispatch({ text: text2, actor, surface, conversation }) {
      const words = tokenize(text2.trim().replace(/^\/?ctx\s*/i, ""));
      const name = (words[0] ?? "").toLowerCase();
      const req = { name, args: words.slice(1), text: text2, actor, surface, conversation };
      const handler = table.get(name);
      const log = opts.log.child({ command: name || "help", user: actor.userId, surface });
      const count = (outcome) => opts.metrics?.command(handler?.name ?? "help", outcome);
      try {
        if (!handler) {
          if (!name) {
            const shown = await opts.help(req) ?? {};
            count("ok");
            return shown;
          }
          const guess = closest(name, [...table.keys()]);
          await opts.help(req, `Unknown command ${userWord(name)}.${guess ? ` Did you mean \`${guess}\`?` : ""}`);
          count("unknown");
          return { usageError: true };
        }
        const started = performance.now();
        const outcome = await handler.run(req) ?? {};
        if (outcome.usageProblem) {
          await conversation.ephemeral({
            text: `${outcome.usageProblem}. Usage: \`/ctx ${escapeMrkdwn(handler.usage)}\``
          });
          count("usage");
          return { ...outcome, usageError: true };
        }
        count(
          outcome.usageError ? "usage" : outcome.status === "warn" || outcome.status === "fail" ? outcome.status : "ok"
        );
        log.info({ durationMs: Math.round(performance.now() - started), status: outcome.status }, "command handled");
        return outcome;
      } catch (err) {
        log.error({ err }, "command failed");
        count("error");
        const message = opts.redactor.scrub(err?.message ?? String(err));
        await conversation.ephemeral({ text: `\u26A0\uFE0F \`/ctx ${name}\` failed: ${message}` }).catch((e) => log.warn({ err: e }, "could not report the failure"));
        return { status: "fail" };
      }
    }
  };
}

// src/diagnostics/runner.ts
var RERUN_MAX_AGE_MS = 2e3;
var rerunMaxAge = (cacheMs) => Math.min(RERUN_MAX_AGE_MS, cacheMs);
var DeadlineError = class extends Error {
  constructor(timeoutMs) {
    super(`no answer within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
    this.name = "DeadlineError";
  }
  timeoutMs;
};
var FINISHED = Object.freeze(Object.assign(new Error("the check finished"), { name: "AbortError" }));
function createDiagnostics(deps) {
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  const byId = new Map(deps.checks.map((c) => [c.id, c]));
  const dependsOn = Object.fromEntries(deps.checks.map((c) => [c.id, c.dependsOn]));
  const titles = Object.fromEntries(deps.checks.map((c) => [c.id, c.title]));
  const likely = Object.fromEntries(deps.checks.map((c) => [c.id, c.likelyCauses ?? {}]));
  const cache = /* @__PURE__ */ new Map();
  const loggers = /* @__PURE__ */ new Map();
  const loggerFor = (env, check) => {
    const key = `${env.name}\0${check.id}`;
    let log = loggers.get(key);
    if (!log) loggers.set(key, log = deps.log.child({ check: check.id, env: env.name }));
    return log;
  };
  const optionsFor = (id) => {
    const o = deps.settings[id] ?? {};
    return { ...o, timeoutMs: o.timeoutMs ?? deps.settings.timeoutMs, enabled: o.enabled ?? true };
  };
  const withDependencies = (ids) => {
    const wanted = /* @__PURE__ */ new Set();
    const visit = (id) => {
      if (wanted.has(id) || !byId.has(id)) return;
      wanted.add(id);
      for (const d of dependsOn[id] ?? []) visit(d);
      for (const d of Object.keys(likely[id] ?? {})) visit(d);
    };
    ids.forEach(visit);
    return deps.checks.filter((c) => wanted.has(c.id));
  };
  const execute = async (env, check) => {
    const options = optionsFor(check.id);
    const log = loggerFor(env, check);
    const started = performance.now();
    const finish = (r) => ({
      id: check.id,
      ...r,
      summary: deps.redactor.scrub(r.summary),
      details: r.details.map((d) => deps.redactor.scrub(d)),
      durationMs: Math.round(performance.now() - started)
    });
    if (!options.enabled)
      return finish({
        status: "skip",
        summary: `disabled in ctx-ops.yml (checks.${check.id}.enabled: false)`,
        details: []
      });
    const controller = new AbortController();
    let deadline;
    let timer;
    const timedOut = new Promise((_, reject) => {
      timer = setTimeout(() => {
        deadline = new DeadlineError(options.timeoutMs);
        controller.abort(deadline);
        reject(deadline);
      }, options.timeoutMs);
    });
    try {
      const ctx = { env, options, log, http: deps.http, pg: deps.pgFor(env), store: deps.store, now };
      const outcome = await Promise.race([check.run(ctx, controller.signal), timedOut]);
      const result = finish(outcome);
      log.debug({ status: result.status, durationMs: result.durationMs }, "check finished");
      return result;
    } catch (err) {
      if (deadline && err === deadline || controller.signal.aborted) {
        log.warn({ timeoutMs: options.timeoutMs }, "check timed out");
        return finish({
          status: "fail",
          summary: `timed out: no answer within ${options.timeoutMs} ms`,
          details: [
            `\u2717 ${check.title} did not finish within its ${options.timeoutMs} ms deadline (checks.${check.id}.timeoutMs); its connections were closed`
          ]
        });
      }
      log.error({ err }, "check crashed");
      return finish({
        status: "fail",
        summary: `the check itself failed: ${err.message ?? String(err)}`,
        details: []
      });
    } finally {
      clearTimeout(timer);
      controller.abort(FINISHED);
      timedOut.catch(() => {
      });
    }
  };
  const measured = async (env, check) => {
    const r = await execute(env, check);
    deps.metrics?.check({ check: check.id, environment: env.name, status: r.status, durationMs: r.durationMs });
    return r;
  };
  const runCached = (env, check, maxAgeMs) => {
    const key = `${env.name}\0${check.id}`;
    const hit = cache.get(key);
    const t = Date.now();
    if (hit && (hit.settledAt === void 0 || t - hit.settledAt < maxAgeMs)) return hit;
    const entry = { startedAt: t, promise: measured(env, check) };
    entry.promise.then(() => entry.settledAt = Date.now());
    cache.set(key, entry);
    return entry;
  };
  return {
    checks: deps.checks,
    titles,
    async run(environment, opts = {}) {
      const env = deps.environments.find((e) => e.name === environment);
      if (!env) throw new Error(`unknown environment "${environment}"`);
      const selected = withDependencies(opts.only ?? deps.checks.map((c) => c.id));
      const maxAge = opts.maxAgeMs ?? deps.settings.cacheMs;
      const entries = selected.map((c) => runCached(env, c, maxAge));
      const results = await Promise.all(entries.map((e) => e.promise));
      const attributed = attributeLikelyCauses(attributeRootCauses(results, dependsOn), likely, titles);
      const checks = attributed.map(
        ({ independent: _own, local: _local, ...r }) => r.rootCauseReason ? {
          ...r,
          details: [
            ...r.details,
            `\xB7 likely cause: ${titles[r.rootCause] ?? r.rootCause} is failing; ${r.rootCauseReason}`
          ]
        } : r
      );
      const oldest = Math.min(...entries.map((e) => e.startedAt));
      return {
        environment: env.name,
        checkedAt: new Date(Number.isFinite(oldest) ? oldest : Date.now()).toISOString(),
        overall: overallStatus(checks),
        checks
      };
    }
  };
}

// src/runtime/feature.ts
function createServiceRegistry() {
  const map = /* @__PURE__ */ new Map();
  return {
    register(name, service) {
      if (map.has(name)) throw new Error(`service "${name}" is registered twice`);
      map.set(name, service);
    },
    get: (name) => map.get(name)
  };
}

// src/status/config-command.ts
function createConfigHandler(deps) {
  return {
    name: "config",
    usage: "config",
    summary: "Which files and variables the bot read, from where (never a value)",
    async run(req) {
      if (req.args.length) return { usageProblem: `unexpected ${userWord(req.args.join(" "))}` };
      const lines = describeConfig(deps.config);
      await req.conversation.ephemeral({
        text: lines.join("\n"),
        blocks: chunkLines(lines.map(escapeMrkdwn), 2900).map((c) => md(`\`\`\`${c}\`\`\``)),
        plain: lines.join("\n"),
        json: configJson({ config: deps.config })
      });
      return {};
    }
  };
}

// src/ui/status.ts
var STATUS_EMOJI = { ok: "\u2705", warn: "\u26A0\uFE0F", fail: "\u{1F534}", skip: "\u26AA" };
var ACTION_STATUS_RERUN = "ctx.status.rerun";
var ACTION_CHECK_DETAILS = "ctx.check.details";
var ACTION_RUNBOOK_START = "ctx.runbook.start";
var MAX_RUNBOOK_BUTTONS = 5;
var nthActionId = (base, n) => n === 0 ? base : `${base}.${n + 1}`;
function statusJson(report) {
  return {
    environment: report.environment,
    checkedAt: report.checkedAt,
    overall: report.overall,
    checks: report.checks.map((c) => ({
      id: c.id,
      status: c.status,
      summary: c.summary,
      details: c.details,
      durationMs: c.durationMs,
      ...c.rootCause ? { rootCause: c.rootCause } : {},
      ...c.rootCauseReason ? { rootCauseReason: c.rootCauseReason } : {},
      ...c.runbook ? { runbook: c.runbook } : {}
    }))
  };
}
var timing = formatLatency;
var checked = (iso, timeZone) => `checked ${dateTime(new Date(iso), timeZone, { seconds: true })}`;
function lineFor(c, titles) {
  const cause = c.rootCause ? ` \u21B3 because *${titles[c.rootCause] ?? c.rootCause}* is failing` : "";
  const runbook = c.runbook && !c.rootCause && c.status !== "ok" ? `  \xB7 runbook \`${c.runbook}\`` : "";
  return `${STATUS_EMOJI[c.status]} *${titles[c.id] ?? c.id}*  ${escapeMrkdwn(c.summary)}  _${timing(c.durationMs)}_${cause}${runbook}`;
}
function renderStatus(report, opts) {
  const { titles } = opts;
  const verdict3 = `${STATUS_EMOJI[report.overall]} ${headline(report, titles)}`;
  const slowest = Math.max(0, ...report.checks.map((c) => c.durationMs));
  const meta2 = `${checked(report.checkedAt, opts.timeZone)} \xB7 ${report.checks.length} checks in ${timing(slowest)}${opts.requestedBy ? ` \xB7 re-run by <@${opts.requestedBy}>` : ""}`;
  const blocks = [md(`*${escapeMrkdwn(verdict3)}*`), context(meta2)];
  const roots = rootsFirst(report.checks).filter(
    (c) => c.status === "fail" && report.checks.some((d) => d.rootCause === c.id)
  );
  for (const r of roots) {
    blocks.push(
      md(
        `*Root cause:* ${titles[r.id] ?? r.id}: ${escapeMrkdwn(r.summary)}${r.runbook ? `
Runbook: \`/ctx runbook ${r.runbook}\`` : ""}`
      )
    );
  }
  for (const c of report.checks) {
    const text2 = lineFor(c, titles);
    blocks.push(
      c.status === "ok" || c.status === "skip" ? md(text2) : mdWithButton(text2, {
        text: "Details",
        actionId: ACTION_CHECK_DETAILS,
        value: { env: report.environment, id: c.id }
      })
    );
  }
  const runbooks = [
    ...new Set(
      report.checks.filter((c) => c.runbook && !c.rootCause && c.status !== "ok" && c.status !== "skip").map((c) => c.runbook)
    )
  ];
  blocks.push(
    actions(
      { text: "\u{1F504} Re-run", actionId: ACTION_STATUS_RERUN, value: { env: report.environment } },
      ...runbooks.slice(0, MAX_RUNBOOK_BUTTONS).map((id, n) => ({
        text: `\u{1F4D8} Runbook ${id}`,
        actionId: nthActionId(ACTION_RUNBOOK_START, n),
        value: { env: report.environment, id }
      }))
    )
  );
  const fallback = [
    verdict3,
    ...report.checks.map((c) => `${STATUS_EMOJI[c.status]} ${titles[c.id] ?? c.id}: ${c.summary}`)
  ].join("\n");
  return {
    text: truncate(fallback, LIMITS.fallbackText),
    blocks: fitBlocks(blocks),
    plain: renderStatusPlain(report, titles, opts.timeZone),
    json: statusJson(report)
  };
}
function renderStatusPlain(report, titles, timeZone) {
  const verdict3 = `${STATUS_EMOJI[report.overall]} ${headline(report, titles)}`;
  const slowest = Math.max(0, ...report.checks.map((c) => c.durationMs));
  const rows = report.checks.map((c) => [
    STATUS_EMOJI[c.status],
    titles[c.id] ?? c.id,
    c.summary + (c.rootCause ? `  \u21B3 because ${titles[c.rootCause] ?? c.rootCause} is failing` : "") + (c.runbook && c.status !== "ok" && !c.rootCause ? `  [runbook: ${c.runbook}]` : ""),
    timing(c.durationMs)
  ]);
  return [
    verdict3,
    `  ${checked(report.checkedAt, timeZone)} \xB7 ${report.checks.length} checks in ${timing(slowest)}`,
    "",
    plainTable(rows, { indent: 2, alignRight: [3] })
  ].join("\n");
}
function renderCheckDetail(report, id, titles, timeZone) {
  const c = report.checks.find((x) => x.id === id);
  if (!c) return { text: `No result for ${id}` };
  const title2 = titles[c.id] ?? c.id;
  const head = `${STATUS_EMOJI[c.status]} ${title2} on ${report.environment}: ${c.summary}`;
  const cause = c.rootCause ? report.checks.find((x) => x.id === c.rootCause) : void 0;
  const lines = c.details.length ? c.details : ["(no conditions recorded)"];
  const blocks = [md(`*${escapeMrkdwn(head)}*`)];
  for (const chunk of chunkDetails(lines)) blocks.push(md(chunk));
  if (cause)
    blocks.push(
      md(
        `*Root cause:* ${titles[cause.id] ?? cause.id} is failing: ${escapeMrkdwn(cause.summary)}${c.rootCauseReason ? `
_Why:_ ${escapeMrkdwn(c.rootCauseReason)}` : ""}`
      )
    );
  const meta2 = [checked(report.checkedAt, timeZone), `took ${timing(c.durationMs)}`, `id \`${c.id}\``];
  if (c.runbook) meta2.push(`runbook: \`/ctx runbook ${c.runbook}\``);
  blocks.push(context(meta2.join(" \xB7 ")));
  blocks.push(
    actions({ text: "\u{1F504} Re-check", actionId: "ctx.check.rerun", value: { env: report.environment, id: c.id } })
  );
  const plain2 = [
    head,
    ...lines.map((l) => `  ${l}`),
    ...cause ? [`  root cause: ${titles[cause.id] ?? cause.id} is failing: ${cause.summary}`] : [],
    `  ${meta2.join(" \xB7 ").replace(/`/g, "")}`
  ].join("\n");
  const single = { ...report, checks: [c] };
  return {
    text: truncate([head, ...lines].join("\n"), LIMITS.fallbackText),
    blocks: fitBlocks(blocks),
    plain: plain2,
    json: statusJson(single).checks[0]
  };
}
function chunkDetails(lines) {
  const escaped = lines.map((l) => escapeMrkdwn(l));
  const out = [];
  let cur = "";
  for (const l of escaped) {
    const line = truncate(l, LIMITS.sectionText - 10);
    if (cur && cur.length + line.length + 1 > LIMITS.sectionText - 10) {
      out.push(cur);
      cur = line;
    } else cur = cur ? `${cur}
${line}` : line;
  }
  if (cur) out.push(cur);
  return out;
}

// src/runtime/preambles.ts
function unknownEnvironment(word2, config) {
  const names = config.environments.map((e) => e.name);
  const guess = closest(word2, names);
  return `no environment ${userWord(word2)} (known: ${names.join(", ")})${guess ? `; did you mean \`${guess}\`?` : ""}`;
}
function leftoverProblem(rest, config) {
  if (!rest.length) return void 0;
  if (rest.length === 1) return unknownEnvironment(rest[0], config);
  return `unexpected ${userWord(rest.join(" "))}`;
}
function chooseEnvironment(args, flag, config) {
  const flagValue = typeof flag === "string" ? flag : void 0;
  const names = config.environments.map((e) => e.name);
  if (flagValue !== void 0) {
    if (flagValue === "all") return { env: config.defaultEnvironment, all: true, named: false, rest: args };
    if (!names.includes(flagValue))
      return {
        env: config.defaultEnvironment,
        all: false,
        named: false,
        rest: args,
        error: unknownEnvironment(flagValue, config)
      };
    return { env: flagValue, all: false, named: true, rest: args };
  }
  const idx = args.findIndex((a) => names.includes(a) || a === "all");
  if (idx === -1) return { env: config.defaultEnvironment, all: false, named: false, rest: args };
  const word2 = args[idx];
  const rest = args.filter((_, i) => i !== idx);
  return word2 === "all" ? { env: config.defaultEnvironment, all: true, named: false, rest } : { env: word2, all: false, named: true, rest };
}
var PLACEHOLDER_AFTER_MS = 250;
async function postWhenReady(conversation, placeholder, work, render) {
  let timer;
  const slow = new Promise((resolve4) => timer = setTimeout(() => resolve4("slow"), PLACEHOLDER_AFTER_MS));
  const first = await Promise.race([work.then((value2) => ({ value: value2 })), slow]).finally(() => clearTimeout(timer));
  if (first !== "slow") return { value: first.value, ref: await conversation.post(render(first.value)) };
  const ref = await conversation.post(placeholder);
  const value = await work;
  await conversation.update(ref, render(value));
  return { value, ref };
}

// src/runtime/backup-freshness.ts
function backupVerdict(lastVerifiedAt, now, withinHours) {
  if (!lastVerifiedAt) return { fresh: false, ageMs: null };
  const ageMs = now.getTime() - lastVerifiedAt.getTime();
  return ageMs <= withinHours * 36e5 ? { fresh: true, ageMs } : { fresh: false, ageMs };
}
function backUpFirstNote(env, lastVerifiedAt, now, withinHours) {
  const v = backupVerdict(lastVerifiedAt, now, withinHours);
  if (v.fresh)
    return {
      fresh: true,
      text: `The newest verified backup of ${env} is from ${ago(lastVerifiedAt, now)}, within ${withinHours} h: a new one is optional.`
    };
  return {
    fresh: false,
    text: lastVerifiedAt ? `\u26A0\uFE0F Back up first: the newest verified backup of ${env} is from ${ago(lastVerifiedAt, now)}, older than ${withinHours} h.` : `\u26A0\uFE0F Back up first: there is no verified backup of ${env} yet.`
  };
}
function describeFreshness(f, now) {
  return [
    `Postgres backup ${f.postgres ? ago(f.postgres.finishedAt, now) : "none verified"}`,
    `graph snapshot ${f.graph ? ago(f.graph.finishedAt, now) : "none"}`,
    `restore test ${f.restoreTest ? `passed ${ago(f.restoreTest.at, now)}` : "never passed"}`
  ].join(" \xB7 ");
}

// src/status/status-command.ts
async function freshnessOf(deps, env) {
  const svc = deps.backups?.();
  if (!svc?.freshness) return null;
  let timer;
  const late = new Promise((r) => timer = setTimeout(() => r(null), 3e3));
  return Promise.race([svc.freshness(env).catch(() => null), late]).finally(() => clearTimeout(timer));
}
function withFreshness(msg, f, now) {
  if (!f || !f.postgres && !f.graph && !f.restoreTest) return msg;
  const line = `Backups: ${describeFreshness(f, now)}`;
  return {
    ...msg,
    text: `${msg.text}
${line}`,
    ...msg.blocks ? { blocks: fitBlocks([...msg.blocks, context(escapeMrkdwn(line))]) } : {},
    ...msg.plain !== void 0 ? { plain: `${msg.plain}
${line}` } : {}
  };
}
var checking = (what2, count) => ({
  text: `\u23F3 Checking ${what2} (${count} checks)\u2026`,
  blocks: [md(`\u23F3 Checking *${what2}* (${count} checks)\u2026`)],
  transient: true
});
function createStatusHandler(deps) {
  return {
    name: "status",
    aliases: ["st"],
    usage: "status [env|all]",
    summary: "Check every component now: one line each, root cause first",
    async run(req) {
      const { flags, rest, errors } = extractFlags(req.args, { withValue: ["env"] });
      const choice = chooseEnvironment(rest, flags.env, deps.config);
      const problem = errors[0] ?? choice.error ?? leftoverProblem(choice.rest, deps.config);
      if (problem) return { usageProblem: problem };
      const count = deps.diagnostics.checks.length;
      if (choice.all) {
        const names = deps.config.environments.map((e) => e.name);
        const work = Promise.all(names.map((n) => deps.diagnostics.run(n)));
        const { value: reports } = await postWhenReady(
          req.conversation,
          checking(`${names.length} environments`, count * names.length),
          work,
          (rs) => renderMultiStatus(rs, deps.diagnostics.titles)
        );
        reports.forEach((r) => deps.onReport?.(r));
        return { status: worst(...reports.map((r) => r.overall)) };
      }
      const {
        value: [report]
      } = await postWhenReady(
        req.conversation,
        checking(choice.env, count),
        Promise.all([deps.diagnostics.run(choice.env), freshnessOf(deps, choice.env)]),
        ([r, f]) => withFreshness(
          renderStatus(r, { titles: deps.diagnostics.titles, timeZone: deps.config.timezone }),
          f,
          deps.now?.() ?? /* @__PURE__ */ new Date()
        )
      );
      deps.onReport?.(report);
      return { status: report.overall };
    }
  };
}
function createStatusRerunAction(deps) {
  return {
    actionId: ACTION_STATUS_RERUN,
    async run(req) {
      const { env } = parseValue(req.value);
      const known = deps.config.environments.some((e) => e.name === env);
      const report = await deps.diagnostics.run(known ? env : deps.config.defaultEnvironment, {
        maxAgeMs: rerunMaxAge(deps.config.checks.cacheMs)
      });
      deps.onReport?.(report);
      const msg = renderStatus(report, {
        titles: deps.diagnostics.titles,
        timeZone: deps.config.timezone,
        requestedBy: req.surface === "slack" ? req.actor.userId : void 0
      });
      if (req.message) await req.conversation.update(req.message, msg);
      else await req.conversation.post(msg);
    }
  };
}
function parseValue(value) {
  try {
    const v = JSON.parse(value);
    return { env: typeof v.env === "string" ? v.env : "", id: typeof v.id === "string" ? v.id : void 0 };
  } catch {
    return { env: "" };
  }
}
function renderMultiStatus(reports, titles) {
  const blocks = [];
  const plain2 = [];
  for (const r of reports) {
    const line = `${STATUS_EMOJI[r.overall]} ${headline(r, titles)}`;
    const bad = r.checks.filter((c) => c.status === "fail" || c.status === "warn");
    const sub = bad.map((c) => `${STATUS_EMOJI[c.status]} ${titles[c.id] ?? c.id}: ${c.summary}`);
    blocks.push(md(`*${escapeMrkdwn(line)}*${sub.length ? `
${sub.map(escapeMrkdwn).join("\n")}` : ""}`));
    plain2.push(line, ...sub.map((s) => `    ${s}`));
  }
  blocks.push(context(`\`/ctx status &lt;env&gt;\` shows one environment in full`));
  return {
    text: reports.map((r) => `${STATUS_EMOJI[r.overall]} ${headline(r, titles)}`).join("\n"),
    blocks: fitBlocks(blocks),
    plain: plain2.join("\n"),
    json: reports.map(statusJson)
  };
}

// src/status/check-command.ts
function createCheckHandler(deps) {
  const ids = () => deps.diagnostics.checks.map((c) => c.id);
  const unknownCheck = (id) => {
    const guess = closest(id, ids());
    return `there is no check ${userWord(id)}${guess ? ` (did you mean \`${guess}\`?)` : ""}`;
  };
  const listing = () => deps.diagnostics.checks.map((c) => `\`${c.id}\` ${c.title}`).join(", ");
  return {
    name: "check",
    usage: "check <id> [env]",
    summary: "One component in full: every condition checked and what was seen",
    async run(req) {
      const { flags, rest, errors } = extractFlags(req.args, { withValue: ["env"] });
      const choice = chooseEnvironment(rest, flags.env, deps.config);
      const [id, ...extra] = choice.rest;
      const problem = errors[0] ?? choice.error ?? (!id ? "which check?" : !ids().includes(id) ? unknownCheck(id) : extra.length ? leftoverProblem(extra, deps.config) : choice.all ? "`check` takes one environment" : void 0);
      if (problem || !id) {
        await req.conversation.ephemeral({
          text: `${problem}. Usage: \`/ctx check &lt;id&gt; [env]\`. Checks: ${listing()}`
        });
        return { usageError: true };
      }
      const report = await deps.diagnostics.run(choice.env, { only: [id] });
      deps.onReport?.(report);
      await req.conversation.post(renderCheckDetail(report, id, deps.diagnostics.titles, deps.config.timezone));
      return { status: report.checks.find((c) => c.id === id)?.status };
    }
  };
}
function createCheckDetailsAction(deps) {
  return {
    actionId: "ctx.check.details",
    async run(req) {
      const { env, id } = parseValue(req.value);
      if (!id || !deps.config.environments.some((e) => e.name === env)) return;
      const report = await deps.diagnostics.run(env, { only: [id] });
      await req.conversation.ephemeral(renderCheckDetail(report, id, deps.diagnostics.titles, deps.config.timezone));
    }
  };
}
function createCheckRerunAction(deps) {
  return {
    actionId: "ctx.check.rerun",
    async run(req) {
      const { env, id } = parseValue(req.value);
      if (!id || !deps.config.environments.some((e) => e.name === env)) return;
      const report = await deps.diagnostics.run(env, { only: [id], maxAgeMs: rerunMaxAge(deps.config.checks.cacheMs) });
      deps.onReport?.(report);
      const msg = renderCheckDetail(report, id, deps.diagnostics.titles, deps.config.timezone);
      if (req.message) await req.conversation.update(req.message, msg);
      else await req.conversation.post(msg);
    }
  };
}

// src/status/feature.ts
var statusFeature = (core) => {
  const deps = {
    config: core.config,
    diagnostics: core.diagnostics,
    onReport: (r) => core.publishReport(r),
    backups: () => core.services.get("backups"),
    now: () => core.now()
  };
  return {
    name: "status",
    handlers: [createStatusHandler(deps), createCheckHandler(deps), createConfigHandler({ config: core.config })],
    actions: [createStatusRerunAction(deps), createCheckDetailsAction(deps), createCheckRerunAction(deps)]
  };
};

// src/app/schedules.ts
import { randomUUID } from "node:crypto";
import { hostname as hostname2 } from "node:os";

// src/digest/sparkline.ts
var BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
var NO_DATA = "\xB7";
function sparkline(values) {
  const present = values.filter((v) => typeof v === "number" && Number.isFinite(v));
  if (!present.length) return NO_DATA.repeat(values.length);
  const min = Math.min(...present);
  const max = Math.max(...present);
  const span = max - min;
  return values.map((v) => {
    if (typeof v !== "number" || !Number.isFinite(v)) return NO_DATA;
    if (span === 0) return BARS[0];
    return BARS[Math.min(BARS.length - 1, Math.round((v - min) / span * (BARS.length - 1)))];
  }).join("");
}
function bucketAverages(points, from, to, buckets) {
  const width = (to.getTime() - from.getTime()) / buckets;
  const sums = new Array(buckets).fill(0);
  const counts = new Array(buckets).fill(0);
  for (const p of points) {
    const i = Math.floor((p.at.getTime() - from.getTime()) / width);
    if (i < 0 || i >= buckets) continue;
    sums[i] += p.totalMs;
    counts[i] += p.runs;
  }
  return sums.map((s, i) => counts[i] ? s / counts[i] : null);
}

// src/ui/delivery.ts
var SUMMARY_LISTED = 15;
var mention = (id) => /^[UW][A-Z0-9]+$/.test(id) ? `<@${id}>` : `<#${id}>`;
var time = (at, tz) => clock(at, tz);
function lateNote(o) {
  const copies = o.fallback.length ? ` A copy went to ${o.fallback.map((f) => `${mention(f.target)} at ${time(new Date(f.at), o.timeZone)}`).join(", ")}.` : "";
  return `\u{1F4EC} Posted late: I could not post here from ${time(o.since, o.timeZone)} (${escapeMrkdwn(o.error)}).${copies}`;
}
function fallbackNote(o) {
  return `\u26A0\uFE0F Posted here because I could not post to ${mention(o.primary)} (${escapeMrkdwn(o.error)}). Fix: ${escapeMrkdwn(o.fix)}. It goes to ${mention(o.primary)} as soon as that works.`;
}
function movedNote(primary) {
  return `\u27A1\uFE0F Posting to ${mention(primary)} works again: this alert is there now, and its follow-ups go there.`;
}
function listed(alerts, line) {
  const shown = alerts.slice(0, SUMMARY_LISTED).map(line);
  return `${shown.join(" \xB7 ")}${alerts.length > SUMMARY_LISTED ? ` \xB7 and ${alerts.length - SUMMARY_LISTED} more` : ""}`;
}
function renderDeliverySummary(o) {
  const t = (a) => `${o.titles[a.check] ?? a.check} on ${a.env}`;
  const head = `\u{1F4EC} While I could not post here (from ${dayTime(o.since, o.timeZone)}: ${o.error})`;
  const lines = [];
  const plain2 = [];
  if (o.resolved.length) {
    const n = o.resolved.length;
    const item2 = (a) => {
      const end = a.resolvedAt ?? new Date(a.since.getTime() + (a.downtimeMs ?? 0));
      return `${t(a)} (${time(a.since, o.timeZone)}\u2013${time(end, o.timeZone)}, ${formatDuration(a.downtimeMs ?? end.getTime() - a.since.getTime())})`;
    };
    lines.push(`*${n} alert${n === 1 ? "" : "s"} opened and resolved:* ${escapeMrkdwn(listed(o.resolved, item2))}`);
    plain2.push(`${n} alert${n === 1 ? "" : "s"} opened and resolved: ${listed(o.resolved, item2)}`);
  }
  if (o.open.length) {
    const n = o.open.length;
    const item2 = (a) => `${t(a)} ${a.severity === "fail" ? "failing" : "degraded"} since ${dayTime(a.since, o.timeZone)}: ${a.summary}`;
    lines.push(
      `*${n} more alert${n === 1 ? " is" : "s are"} still open* (reminders and resolutions go into this thread): ${escapeMrkdwn(listed(o.open, item2))}`
    );
    plain2.push(`${n} more alert${n === 1 ? " is" : "s are"} still open: ${listed(o.open, item2)}`);
  }
  const copies = [...o.resolved, ...o.open].filter((a) => a.fallback?.length);
  const meta2 = [
    "`/ctx status all` shows the current state",
    ...copies.length ? [
      `copies went to ${[...new Set(copies.flatMap((a) => a.fallback.map((f) => mention(f.target))))].join(", ")} meanwhile`
    ] : []
  ];
  const blocks = [md(`*${escapeMrkdwn(head)}*`), ...chunkLines(lines).map(md), context(meta2.join(" \xB7 "))];
  return { text: truncate([head, ...plain2].join(" \u2014 "), LIMITS.fallbackText), blocks: fitBlocks(blocks) };
}
function deliveryProblemLines(problems, timeZone, now) {
  const mdl = [];
  const plain2 = [];
  for (const p of problems) {
    const since = now.getTime() - p.since.getTime() >= 864e5 ? dayTime(p.since, timeZone) : clock(p.since, timeZone);
    const waiting = p.waiting ? ` (${p.waiting} waiting)` : "";
    mdl.push(
      `\u26A0\uFE0F could not post to ${mention(p.channel)} (${escapeMrkdwn(p.purpose)}) since ${since}: ${escapeMrkdwn(p.error)} \u2014 ${escapeMrkdwn(p.fix)}${waiting}`
    );
    plain2.push(`\u26A0 could not post to ${p.channel} (${p.purpose}) since ${since}: ${p.error} \u2014 ${p.fix}${waiting}`);
  }
  return { md: mdl, plain: plain2 };
}

// src/digest/render.ts
var COMPACT_AFTER = 6;
function formatUptime(u) {
  if (u === null) return "\u2013";
  if (u >= 1) return "100%";
  return `${(Math.floor(u * 1e4) / 100).toFixed(2)}%`;
}
var ms = (n) => n >= 1e3 ? `${(n / 1e3).toFixed(1)} s` : `${Math.round(n)} ms`;
function size(bytes) {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 10 || i === 0 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}
function componentLine(c, titles) {
  const name = titles[c.id] ?? c.id;
  const noHistory = c.uptime7d === null && c.trend.every((v) => v === null);
  const up = `${formatUptime(c.uptime24h)} 24h \xB7 ${formatUptime(c.uptime7d)} 7d`;
  const trend = sparkline(c.trend);
  const why = c.status === "ok" || c.status === "skip" ? "" : ` \u2014 ${c.summary}${c.rootCause ? ` (because ${titles[c.rootCause] ?? c.rootCause} is failing)` : ""}`;
  return {
    md: `${STATUS_EMOJI[c.status]} *${escapeMrkdwn(name)}*  ${noHistory ? "_no history yet_" : `${up}  \`${trend}\``} ${ms(c.durationMs)}${escapeMrkdwn(why)}`,
    plain: `${STATUS_EMOJI[c.status]} ${name}  ${noHistory ? "no history yet" : `${up}  ${trend}`} ${ms(c.durationMs)}${why}`
  };
}
function backupText(b, now) {
  switch (b.state) {
    case "untracked":
      return "backups: not tracked";
    case "none":
      return "backups: no verified backup yet";
    case "error":
      return `backups: could not read (${b.message})`;
    case "ok":
      return `backups: last verified ${ago(b.finishedAt, now)} (${b.file}, ${size(b.sizeBytes)})${b.freshness ? `; graph snapshot ${b.freshness.graph ? ago(b.freshness.graph.finishedAt, now) : "none"}; restore test ${b.freshness.restoreTest ? `passed ${ago(b.freshness.restoreTest.at, now)}` : "never passed"}` : ""}`;
  }
}
function incidentsText(i, now) {
  switch (i.state) {
    case "untracked":
      return "incidents: not tracked";
    case "error":
      return `incidents: could not read (${i.message})`;
    case "ok":
      if (!i.items.length) return "incidents: none open";
      return `incidents: ${i.items.length} open: ${i.items.slice(0, 5).map(
        (x) => `${x.id} ${x.title} (${x.severity}, ${ago(x.openedAt, now).replace(" ago", "")}${x.owner ? `, ${x.owner}` : ""})`
      ).join("; ")}${i.items.length > 5 ? ` and ${i.items.length - 5} more` : ""}`;
  }
}
var arrow = (from, to, name) => `${name} ${from === "skip" ? "new" : from} \u2192 ${to}`;
function envLines(e, d, titles) {
  const mdl = [];
  const plain2 = [];
  const counted = e.report.checks.filter((c) => c.status !== "skip");
  const fails = counted.filter((c) => c.status === "fail").length;
  const warns = counted.filter((c) => c.status === "warn").length;
  const tally = fails || warns ? [fails && `${fails} failing`, warns && `${warns} warning`].filter(Boolean).join(", ") : `all ${counted.length} checks healthy`;
  mdl.push(`${STATUS_EMOJI[e.report.overall]} *${escapeMrkdwn(e.env)}* \xB7 ${tally}`);
  plain2.push(`${STATUS_EMOJI[e.report.overall]} ${e.env} \xB7 ${tally}`);
  for (const c of e.components) {
    const l = componentLine(c, titles);
    mdl.push(l.md);
    plain2.push(`  ${l.plain}`);
  }
  const extras = [];
  if (e.changes === null)
    extras.push(d.previous ? "changes: not in the previous digest" : "changes: first digest, nothing to compare with");
  else
    extras.push(
      e.changes.length ? `changes: ${e.changes.map((c) => arrow(c.from, c.to, titles[c.check] ?? c.check)).join("; ")}` : "changes: none since the last digest"
    );
  if (e.migrations) extras.push(`migrations: ${e.migrations.summary}`);
  extras.push(backupText(e.backup, d.generatedAt), incidentsText(e.incidents, d.generatedAt));
  if (e.logs?.length)
    extras.push(
      `errors in logs (24 h): ${e.logs.map(
        (l) => l.unavailable ? `${l.component} unavailable (${l.unavailable})` : `${l.component} ${l.errors}${l.top ? ` (top: ${l.top.count}\xD7 ${l.top.text.slice(0, 100)})` : ""}`
      ).join("; ")}`
    );
  if (e.openAlerts.length) {
    extras.push(
      `open alerts: ${e.openAlerts.map((a) => `${titles[a.check] ?? a.check} ${a.severity === "fail" ? "failing" : "degraded"} for ${formatDuration(d.generatedAt.getTime() - a.since.getTime())}${a.silencedBy ? " (silenced)" : ""}`).join("; ")}`
    );
  }
  for (const s of e.silences) {
    extras.push(
      `silenced: ${s.check === "*" ? "every check" : titles[s.check] ?? s.check}${s.env ? "" : " (all environments)"} until ${dayTime(s.endsAt, d.timeZone)} by ${s.createdBy.startsWith("U") ? `<@${s.createdBy}>` : s.createdBy}${s.reason ? `: ${s.reason}` : ""} (#${s.id})`
    );
  }
  for (const w of e.maintenance) {
    extras.push(
      `maintenance: ${w.checks?.length ? w.checks.map((c) => titles[c] ?? c).join(", ") : "every check"} ${dayTime(new Date(w.from), d.timeZone)} \u2013 ${dayTime(new Date(w.to), d.timeZone)}${w.reason ? `: ${w.reason}` : ""}`
    );
  }
  mdl.push(...extras.map((x) => `_${escapeMrkdwn(x).replace(/&lt;@(U[A-Z0-9]+)&gt;/g, "<@$1>")}_`));
  plain2.push(...extras.map((x) => `  ${x.replace(/<@(U[A-Z0-9]+)>/g, "@$1")}`));
  return { md: mdl, plain: plain2 };
}
function verdict(d, titles) {
  if (!d.envs.length) return "\u26AA No environments in this digest";
  if (d.envs.length === 1) return `${STATUS_EMOJI[d.overall]} ${headline(d.envs[0].report, titles)}`;
  const bad = d.envs.filter((e) => e.report.overall !== "ok");
  if (!bad.length) return `\u2705 All ${d.envs.length} environments healthy`;
  return `${STATUS_EMOJI[d.overall]} ${bad.length} of ${d.envs.length} environments need attention: ${bad.map((e) => headline(e.report, titles)).join("; ")}`;
}
function renderDigest(d, titles) {
  const title2 = `ctx| digest \xB7 ${day(d.generatedAt, d.timeZone)}`;
  const top = verdict(d, titles);
  const meta2 = [];
  if (d.schedule)
    meta2.push(
      `schedule ${d.schedule.name} \xB7 tick ${dayTime(d.schedule.slot, d.timeZone, { seconds: d.schedule.slot.getUTCSeconds() !== 0 })}`
    );
  else meta2.push(`as of ${dayTime(d.generatedAt, d.timeZone)}`);
  if (d.late)
    meta2.push(
      `posted late: it was due ${dayTime(d.late.dueAt, d.timeZone)}, but Slack refused it then (${d.late.error})`
    );
  if (d.previous?.postedAt) {
    const a = d.alerts;
    meta2.push(
      `since the last digest (${dayTime(d.previous.postedAt, d.timeZone)}): ${a ? `${a.opened} alert${a.opened === 1 ? "" : "s"} raised, ${a.resolved} resolved${a.downtimeMs ? `, ${formatDuration(a.downtimeMs)} of downtime` : ""}` : "alerts unknown"}`
    );
  }
  meta2.push("uptime = share of scheduled checks that did not fail \xB7 trend = latency over 24 h");
  const blocks = [header(title2), md(`*${escapeMrkdwn(top)}*`), context(...meta2)];
  const plain2 = [title2, top, ...meta2.map((m) => `  ${m}`)];
  if (d.delivery?.length) {
    const lines = deliveryProblemLines(d.delivery, d.timeZone, d.generatedAt);
    blocks.push(...chunkLines(lines.md).map(md));
    plain2.push(...lines.plain);
  }
  const compact = d.envs.length > COMPACT_AFTER;
  const quiet = compact ? d.envs.filter(
    (e) => e.report.overall === "ok" && !e.changes?.length && !e.openAlerts.length && !e.silences.length
  ) : [];
  for (const e of d.envs) {
    if (quiet.includes(e)) continue;
    const lines = envLines(e, d, titles);
    blocks.push(divider(), ...chunkLines(lines.md).map(md));
    plain2.push("", ...lines.plain);
  }
  if (quiet.length) {
    const names = quiet.map((e) => e.env).join(", ");
    blocks.push(divider(), md(`\u2705 *Healthy, nothing changed:* ${escapeMrkdwn(names)}`));
    plain2.push("", `\u2705 Healthy, nothing changed: ${names}`);
  }
  if (d.notes.length) {
    blocks.push(context(...d.notes.map((n) => `_${escapeMrkdwn(n)}_`)));
    plain2.push("", ...d.notes.map((n) => `  note: ${n}`));
  }
  return {
    text: truncate(`${title2}: ${top}`, LIMITS.fallbackText),
    blocks: fitBlocks(blocks),
    plain: plain2.join("\n"),
    json: digestJson(d)
  };
}
function digestJson(d) {
  return {
    generatedAt: d.generatedAt.toISOString(),
    overall: d.overall,
    ...d.schedule ? { schedule: d.schedule.name, slot: d.schedule.slot.toISOString() } : {},
    previous: d.previous?.postedAt ? { schedule: d.previous.schedule, postedAt: d.previous.postedAt.toISOString() } : null,
    alerts: d.alerts,
    environments: d.envs.map((e) => ({
      environment: e.env,
      overall: e.report.overall,
      components: e.components.map((c) => ({
        id: c.id,
        status: c.status,
        summary: c.summary,
        uptime24h: c.uptime24h,
        uptime7d: c.uptime7d,
        trendMs: c.trend,
        durationMs: c.durationMs
      })),
      changes: e.changes,
      migrations: e.migrations ?? null,
      backup: e.backup,
      incidents: e.incidents,
      ...e.logs ? { logs: e.logs } : {},
      openAlerts: e.openAlerts.map((a) => ({
        id: a.id,
        check: a.check,
        severity: a.severity,
        since: a.since.toISOString(),
        silenced: Boolean(a.silencedBy)
      })),
      silences: e.silences.map((s) => ({
        id: s.id,
        check: s.check,
        env: s.env,
        endsAt: s.endsAt.toISOString(),
        reason: s.reason ?? null
      }))
    })),
    notes: d.notes,
    deliveryProblems: (d.delivery ?? []).map((p) => ({
      channel: p.channel,
      purpose: p.purpose,
      error: p.error,
      fix: p.fix,
      since: p.since.toISOString(),
      waiting: p.waiting
    }))
  };
}

// src/digest/digest-command.ts
var USAGE = "digest preview|now [env|all]";
function createDigestHandler(deps) {
  return {
    name: "digest",
    usage: USAGE,
    summary: "The health digest: preview it privately, or post it here now",
    async run(req) {
      const { flags, rest, errors } = extractFlags(req.args, { withValue: ["env"] });
      const envWord = (w) => w === "all" || deps.config.environments.some((e) => e.name === w);
      const [mode, ...more] = rest[0] === void 0 || envWord(rest[0]) ? ["preview", ...rest] : rest;
      const choice = chooseEnvironment(more, flags.env, deps.config);
      const problem = errors[0] ?? (mode !== "preview" && mode !== "now" ? `${userWord(mode)} is not preview, now or an environment (known: ${deps.config.environments.map((e) => e.name).join(", ")})` : void 0) ?? choice.error ?? leftoverProblem(choice.rest, deps.config);
      if (problem) return { usageProblem: problem };
      const envs = choice.named ? [choice.env] : deps.config.environments.map((e) => e.name);
      if (mode === "preview") {
        const digest2 = await deps.build(envs);
        await req.conversation.ephemeral(renderDigest(digest2, deps.titles));
        return { status: digest2.overall };
      }
      const placeholder = { text: "\u23F3 Building the digest\u2026", blocks: [md("\u23F3 Building the digest\u2026")], transient: true };
      const { value: digest, ref } = await postWhenReady(
        req.conversation,
        placeholder,
        deps.build(envs),
        (d) => renderDigest(d, deps.titles)
      );
      if (req.surface === "slack" && ref.ts) await deps.recordPosted?.(digest, ref, req.actor.userId);
      return { status: digest.overall };
    }
  };
}

// src/config/maintenance.ts
var ALL_CHECKS = "*";
function silenceCovers(s, env, check, at) {
  return (s.env === null || s.env === env) && (s.check === ALL_CHECKS || s.check === check) && s.createdAt.getTime() <= at.getTime() && at.getTime() < s.endsAt.getTime();
}
function windowCovers(w, env, check, at) {
  const t = at.getTime();
  return (!w.environments?.length || w.environments.includes(env)) && (!w.checks?.length || w.checks.includes(check)) && Date.parse(w.from) <= t && t < Date.parse(w.to);
}
function silencedBy(env, check, at, silences, windows) {
  const s = silences.find((x) => silenceCovers(x, env, check, at));
  if (s) return `silence #${s.id}${s.reason ? `: ${s.reason}` : ""}`;
  const w = windows.find((x) => windowCovers(x, env, check, at));
  if (w) return `maintenance${w.reason ? `: ${w.reason}` : ""} (until ${w.to})`;
  return null;
}
function relevantWindows(windows, at, aheadMs, envs) {
  const t = at.getTime();
  return windows.filter(
    (w) => Date.parse(w.to) > t && Date.parse(w.from) <= t + aheadMs && (!envs || !w.environments?.length || w.environments.some((e) => envs.includes(e)))
  );
}

// src/store/silences.ts
var toSilence = (r) => ({
  id: String(r.id),
  env: r.env,
  check: r.check_id,
  ...r.reason ? { reason: r.reason } : {},
  createdBy: r.created_by,
  createdAt: r.created_at,
  endsAt: r.ends_at
});
async function createSilence(store, s) {
  const { rows } = await store.query(
    `INSERT INTO ctx_ops.silences (env, check_id, reason, created_by, created_at, ends_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [s.env, s.check, s.reason ?? null, s.createdBy, s.createdAt, s.endsAt]
  );
  return toSilence(rows[0]);
}
async function activeSilences(store, now) {
  const { rows } = await store.query(
    `SELECT * FROM ctx_ops.silences WHERE lifted_at IS NULL AND ends_at > $1 AND created_at <= $1 ORDER BY ends_at, id`,
    [now]
  );
  return rows.map(toSilence);
}
async function liftSilence(store, id, by, now) {
  if (!/^\d{1,18}$/.test(id)) return null;
  const { rows } = await store.query(
    `UPDATE ctx_ops.silences SET lifted_at = $3, lifted_by = $2 WHERE id = $1 AND lifted_at IS NULL AND ends_at > $3 RETURNING *`,
    [id, by, now]
  );
  return rows[0] ? toSilence(rows[0]) : null;
}

// src/alerting/silence-commands.ts
var NEEDS_STORE = {
  text: "Silences are kept in the bot's own database (schema ctx_ops), and none is configured: set CTX_OPS_DATABASE_URL (or DATABASE_URL) and restart."
};
var who = (id) => /^[UW][A-Z0-9]+$/.test(id) ? `<@${id}>` : id;
var what = (s, titles) => `${s.check === ALL_CHECKS ? "every check" : `*${escapeMrkdwn(titles[s.check] ?? s.check)}*`} on ${s.env ? `*${escapeMrkdwn(s.env)}*` : "every environment"}`;
var SILENCE_USAGE = "silence <check|all> <duration> [reason] [env|all]";
function createSilenceHandler(deps) {
  return {
    name: "silence",
    aliases: ["mute"],
    usage: SILENCE_USAGE,
    summary: "Hold back alerts for a check for a while, e.g. silence graph 2h upgrade prod",
    async run(req) {
      const { flags, rest, errors } = extractFlags(req.args, { withValue: ["env"] });
      const [checkWord, durationWord, ...more] = rest;
      const check = checkWord === "all" || checkWord === "*" ? ALL_CHECKS : checkWord;
      const duration = durationWord ? parseDuration(durationWord) : void 0;
      const choice = chooseEnvironment(more, flags.env, deps.config);
      const problem = errors[0] ?? (!check ? "which check?" : void 0) ?? (check !== ALL_CHECKS && !deps.checkIds.includes(check) ? `there is no check ${userWord(check)} (known: ${deps.checkIds.join(", ")}, or all)` : void 0) ?? (!durationWord ? "for how long? (e.g. 30m, 2h, 1d)" : void 0) ?? (duration === void 0 ? `${userWord(durationWord)} is not a duration (e.g. 30m, 2h, 1h30m, 1d)` : void 0) ?? (duration > MAX_SILENCE_MS ? `at most ${formatDuration(MAX_SILENCE_MS)}: a longer silence is forgotten and hides real outages` : void 0) ?? choice.error;
      if (problem) return { usageProblem: problem };
      if (!deps.store) {
        await req.conversation.ephemeral(NEEDS_STORE);
        return {};
      }
      const now = deps.now();
      const reason = choice.rest.join(" ").trim().slice(0, 300) || void 0;
      const s = await createSilence(deps.store, {
        env: choice.all ? null : choice.env,
        check,
        ...reason ? { reason } : {},
        createdBy: req.actor.userId,
        createdAt: now,
        endsAt: new Date(now.getTime() + duration)
      });
      const text2 = `\u{1F515} ${who(req.actor.userId)} silenced ${what(s, deps.titles)} for ${formatDuration(duration)} (until ${dayTime(s.endsAt, deps.config.timezone)})${reason ? `: ${escapeMrkdwn(reason)}` : ""}. Alerts are recorded, not posted. \`/ctx unsilence ${s.id}\` lifts it.`;
      await req.conversation.post({ text: text2, blocks: [md(text2)] });
      return {};
    }
  };
}
function createSilencesHandler(deps) {
  return {
    name: "silences",
    usage: "silences",
    summary: "Active silences and maintenance windows",
    async run(req) {
      if (req.args.length) return { usageProblem: `unexpected ${userWord(req.args.join(" "))}` };
      const now = deps.now();
      const windows = relevantWindows(deps.maintenance, now, 7 * 864e5);
      if (!deps.store && !windows.length) {
        await req.conversation.ephemeral(NEEDS_STORE);
        return {};
      }
      const silences = deps.store ? await activeSilences(deps.store, now) : [];
      const tz = deps.config.timezone;
      const lines = [
        ...silences.map(
          (s) => `\u{1F515} #${s.id} ${what(s, deps.titles)} until ${dayTime(s.endsAt, tz)} by ${who(s.createdBy)}${s.reason ? `: ${escapeMrkdwn(s.reason)}` : ""} \xB7 \`/ctx unsilence ${s.id}\``
        ),
        ...windows.map(
          (w) => `\u{1F6E0} maintenance: ${w.checks?.length ? w.checks.map((c) => deps.titles[c] ?? c).join(", ") : "every check"} on ${w.environments?.length ? w.environments.join(", ") : "every environment"}, ${dayTime(new Date(w.from), tz)} \u2013 ${dayTime(new Date(w.to), tz)}${w.reason ? `: ${escapeMrkdwn(w.reason)}` : ""} (ctx-ops.yml)`
        )
      ];
      if (!lines.length) lines.push("Nothing is silenced: every alert will be posted.");
      await req.conversation.ephemeral({ text: lines.join("\n"), blocks: chunkLines(lines).map(md) });
      return {};
    }
  };
}
function createUnsilenceHandler(deps) {
  return {
    name: "unsilence",
    usage: "unsilence <id>",
    summary: "Lift a silence early (ids are in silences)",
    async run(req) {
      const id = (req.args[0] ?? "").replace(/^#/, "");
      if (!/^\d+$/.test(id) || req.args.length !== 1) {
        await req.conversation.ephemeral({
          text: "which silence? Usage: `/ctx unsilence &lt;id&gt;` (ids are in `/ctx silences`)"
        });
        return { usageError: true };
      }
      if (!deps.store) {
        await req.conversation.ephemeral(NEEDS_STORE);
        return {};
      }
      const s = await liftSilence(deps.store, id, req.actor.userId, deps.now());
      if (!s) {
        await req.conversation.ephemeral({ text: `There is no active silence #${id}. \`/ctx silences\` lists them.` });
        return { usageError: true };
      }
      const text2 = `\u{1F514} ${who(req.actor.userId)} lifted silence #${s.id} (${what(s, deps.titles)}): its alerts are posted again.`;
      await req.conversation.post({ text: text2, blocks: [md(text2)] });
      return {};
    }
  };
}

// src/store/alerts.ts
var toRecord = (r) => ({
  id: String(r.id),
  env: r.env,
  check: r.check_id,
  severity: r.severity,
  summary: r.summary,
  since: r.since,
  openedAt: r.opened_at,
  resolvedAt: r.resolved_at,
  downtimeMs: r.downtime_ms === null ? null : Number(r.downtime_ms),
  silencedBy: r.silenced_by,
  channel: r.channel,
  ts: r.ts,
  reminders: r.reminders,
  pendingSince: r.pending_since ?? null,
  pendingError: r.pending_error ?? null,
  sharedTs: r.shared_ts ?? false,
  fallback: r.fallback ?? []
});
function sameJson(a, b) {
  if (a === b) return true;
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameJson(x, b[i]));
  }
  const ao = a;
  const bo = b;
  let n = 0;
  for (const k in ao) {
    if (ao[k] === void 0) continue;
    n++;
    if (!Object.hasOwn(bo, k) || !sameJson(ao[k], bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== void 0) n--;
  return n === 0;
}
async function updateAlert(c, id, set, params) {
  if (!id) return null;
  const { rows } = await c.query(`UPDATE ctx_ops.alerts SET ${set} WHERE id = $1 RETURNING *`, [
    id,
    ...params
  ]);
  return rows[0] ? toRecord(rows[0]) : null;
}
async function setAlertMessage(store, id, channel, ts) {
  await store.query(`UPDATE ctx_ops.alerts SET channel = $2, ts = $3 WHERE id = $1`, [id, channel, ts]);
}
async function getAlert(store, id) {
  const { rows } = await store.query(`SELECT * FROM ctx_ops.alerts WHERE id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}
async function openAlerts(store, envs) {
  const { rows } = await store.query(
    `SELECT * FROM ctx_ops.alerts WHERE resolved_at IS NULL AND ($1::text[] IS NULL OR env = ANY($1::text[])) ORDER BY opened_at`,
    [envs ?? null]
  );
  return rows.map(toRecord);
}
async function alertsSince(store, since, envs) {
  const { rows } = await store.query(
    `SELECT * FROM ctx_ops.alerts WHERE (opened_at > $1 OR resolved_at > $1) AND ($2::text[] IS NULL OR env = ANY($2::text[])) ORDER BY opened_at`,
    [since, envs ?? null]
  );
  return rows.map(toRecord);
}

// src/alerting/delivery-store.ts
var CLAIM_MINUTES = 10;
async function markAlertPending(q, id, code2, at) {
  await q.query(
    `UPDATE ctx_ops.alerts SET pending_since = COALESCE(pending_since, $2), pending_error = $3 WHERE id = $1`,
    [id, at, code2]
  );
}
async function pendingAlerts(store, limit) {
  const { rows } = await store.query(
    `SELECT * FROM ctx_ops.alerts WHERE pending_since IS NOT NULL AND (delivering_until IS NULL OR delivering_until < now()) ORDER BY opened_at, id LIMIT $1`,
    [limit]
  );
  return rows.map(toRecord);
}
async function countPendingAlerts(store) {
  const { rows } = await store.query(
    `SELECT count(*)::int AS n FROM ctx_ops.alerts WHERE pending_since IS NOT NULL`
  );
  return rows[0]?.n ?? 0;
}
async function claimAlerts(store, ids, by) {
  if (!ids.length) return [];
  const { rows } = await store.query(
    `UPDATE ctx_ops.alerts SET delivering_by = $2, delivering_until = now() + interval '${CLAIM_MINUTES} minutes'
      WHERE id = ANY($1::bigint[]) AND pending_since IS NOT NULL AND (delivering_until IS NULL OR delivering_until < now())
      RETURNING *`,
    [ids, by]
  );
  return rows.map(toRecord).sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || Number(a.id) - Number(b.id));
}
async function releaseAlerts(store, ids, by, code2) {
  if (!ids.length) return;
  await store.query(
    `UPDATE ctx_ops.alerts SET delivering_by = NULL, delivering_until = NULL, pending_error = COALESCE($3, pending_error) WHERE id = ANY($1::bigint[]) AND delivering_by = $2`,
    [ids, by, code2 ?? null]
  );
}
async function recordShown(store, id, by, where3, shown) {
  const { rows } = await store.query(
    `UPDATE ctx_ops.alerts SET channel = $3, ts = $4, shared_ts = $5, delivering_by = NULL, delivering_until = NULL,
        pending_since = CASE WHEN (CASE WHEN resolved_at IS NOT NULL THEN 'resolved' ELSE severity END) = $6 THEN NULL ELSE pending_since END,
        pending_error = CASE WHEN (CASE WHEN resolved_at IS NOT NULL THEN 'resolved' ELSE severity END) = $6 THEN NULL ELSE pending_error END
      WHERE id = $1 AND delivering_by = $2 RETURNING *`,
    [id, by, where3.channel, where3.ts, where3.shared, shown]
  );
  return rows[0] ? toRecord(rows[0]) : null;
}
async function recordFallback(store, id, by, copy) {
  await store.query(
    `UPDATE ctx_ops.alerts SET fallback = fallback || $3::jsonb, delivering_by = NULL, delivering_until = NULL WHERE id = $1 AND delivering_by = $2`,
    [id, by, JSON.stringify([copy])]
  );
}
var toDigest = (r) => ({
  id: String(r.id),
  schedule: r.schedule,
  slot: r.slot,
  channel: r.channel,
  pendingSince: r.pending_since,
  pendingError: r.pending_error
});
async function markDigestPending(store, id, code2, at) {
  await store.query(
    `UPDATE ctx_ops.digests SET pending_since = COALESCE(pending_since, $2), pending_error = $3 WHERE id = $1`,
    [id, at, code2]
  );
}
async function pendingDigests(store) {
  const { rows } = await store.query(
    `SELECT id, schedule, slot, channel, pending_since, pending_error FROM ctx_ops.digests
      WHERE pending_since IS NOT NULL AND (delivering_until IS NULL OR delivering_until < now()) ORDER BY slot, id`
  );
  return rows.map(toDigest);
}
async function countPendingDigests(store) {
  const { rows } = await store.query(
    `SELECT channel, count(*)::int AS n FROM ctx_ops.digests WHERE pending_since IS NOT NULL GROUP BY channel`
  );
  return new Map(rows.map((r) => [r.channel, r.n]));
}
async function claimDigests(store, ids, by) {
  if (!ids.length) return [];
  const { rows } = await store.query(
    `UPDATE ctx_ops.digests SET delivering_by = $2, delivering_until = now() + interval '${CLAIM_MINUTES} minutes'
      WHERE id = ANY($1::bigint[]) AND pending_since IS NOT NULL AND (delivering_until IS NULL OR delivering_until < now())
      RETURNING id, schedule, slot, channel, pending_since, pending_error`,
    [ids, by]
  );
  return rows.map(toDigest).sort((a, b) => a.slot.getTime() - b.slot.getTime());
}
async function releaseDigests(store, ids, by, code2) {
  if (!ids.length) return;
  await store.query(
    `UPDATE ctx_ops.digests SET delivering_by = NULL, delivering_until = NULL, pending_error = COALESCE($3, pending_error) WHERE id = ANY($1::bigint[]) AND delivering_by = $2`,
    [ids, by, code2 ?? null]
  );
}
async function supersedeDigests(store, ids, by) {
  if (!ids.length) return;
  await store.query(
    `UPDATE ctx_ops.digests SET pending_since = NULL, pending_error = 'superseded by a later digest', delivering_by = NULL, delivering_until = NULL WHERE id = ANY($1::bigint[]) AND delivering_by = $2`,
    [ids, by]
  );
}
async function digestDelivered(store, id, by, p) {
  await store.query(
    `UPDATE ctx_ops.digests SET channel = $3, ts = $4, posted_at = $5, overall = $6, snapshot = $7, pending_since = NULL, pending_error = NULL, delivering_by = NULL, delivering_until = NULL
      WHERE id = $1 AND delivering_by = $2`,
    [id, by, p.channel, p.ts, p.at, p.overall, JSON.stringify(p.snapshot)]
  );
}

// src/alerting/alert-locations.ts
var MEMORY_ID_PREFIX = "mem-";
var isMemoryId = (id) => Boolean(id?.startsWith(MEMORY_ID_PREFIX));
function createAlertLocations() {
  const byId = /* @__PURE__ */ new Map();
  const realIds = /* @__PURE__ */ new Map();
  const owed = /* @__PURE__ */ new Map();
  return {
    get(id) {
      const l = byId.get(id);
      return l ? { channel: l.channel, ts: l.ts, shared: Boolean(l.shared) } : null;
    },
    /** The store id of an alert raised in memory, once it has one (else the id itself, or null). */
    storeId(id) {
      if (!isMemoryId(id)) return id;
      return realIds.get(id) ?? null;
    },
    /** The alerter posted the alert: remember where, and write it to the store when it can. */
    async posted(store, id, channel, ts) {
      const l = { channel, ts, stored: false };
      byId.set(id, l);
      const real = isMemoryId(id) ? realIds.get(id) : id;
      if (real) byId.set(real, l);
      if (real) await write(store, real, l);
    },
    /** Posted by the delivery loop (already in the store): remember where, for the alerter's threads. */
    known(id, channel, ts, shared = false) {
      byId.set(id, { channel, ts, stored: true, shared });
    },
    /** Slack refused a write for this alert and the store could not be told yet: `flush` tells it. */
    owe(id, code2, at) {
      if (!owed.has(id)) owed.set(id, { code: code2, at });
    },
    /** After a store cycle: the open alerts the store knows (posted by any replica). */
    seed(open2) {
      const keep = new Set(open2.map((a) => a.id));
      for (const [id, l] of byId) {
        const real = isMemoryId(id) ? realIds.get(id) : id;
        if (!real || !l.stored || keep.has(real)) continue;
        byId.delete(id);
        if (real !== id) realIds.delete(id);
      }
      for (const a of open2)
        if (a.channel && a.ts && !byId.has(a.id))
          byId.set(a.id, { channel: a.channel, ts: a.ts, stored: true, shared: Boolean(a.sharedTs) });
    },
    /** Recovery gave the in-memory alert `memId` the store id `realId`. */
    alias(memId, realId) {
      realIds.set(memId, realId);
      const l = byId.get(memId);
      if (l) byId.set(realId, l);
    },
    /** Writes locations (and owed marks) the store does not have yet (from while it was unreachable). */
    async flush(store) {
      for (const [id, l] of byId) {
        if (l.stored || isMemoryId(id)) continue;
        await write(store, id, l);
      }
      for (const [id, o] of [...owed]) {
        const real = isMemoryId(id) ? realIds.get(id) : id;
        if (!real) continue;
        await markAlertPending(store, real, o.code, o.at);
        owed.delete(id);
      }
    },
    /** Stepping down after an outage: in-memory alerts are not this replica's to follow any more. */
    forgetMemory(keep = /* @__PURE__ */ new Set()) {
      for (const id of [...byId.keys()]) if (isMemoryId(id) && !keep.has(id)) byId.delete(id);
      for (const id of [...owed.keys()]) if (isMemoryId(id)) owed.delete(id);
      for (const id of [...realIds.keys()]) if (!keep.has(id)) realIds.delete(id);
    },
    forget(id) {
      byId.delete(id);
      realIds.delete(id);
    }
  };
  async function write(store, id, l) {
    await setAlertMessage(store, id, l.channel, l.ts);
    l.stored = true;
  }
}

// src/alerting/alert-rules.ts
var initialAlertState = () => ({ bad: 0, good: 0 });
var isBad = (status, rules) => status === "fail" || status === "warn" && rules.alertOnWarn;
var worse = (a, b) => a === "fail" || b === "fail" ? "fail" : "warn";
function stepAlert(prev, obs, rules) {
  if (obs.status === "skip") return { state: prev, actions: [] };
  const at = obs.at.toISOString();
  const s = { ...prev, open: prev.open ? { ...prev.open } : void 0 };
  const actions2 = [];
  if (isBad(obs.status, rules)) {
    const severity = obs.status === "fail" ? "fail" : "warn";
    s.good = 0;
    delete s.goodSince;
    s.bad = prev.bad + 1;
    s.badSince = prev.bad > 0 && prev.badSince ? prev.badSince : at;
    s.worst = worse(prev.bad > 0 ? prev.worst : void 0, severity);
    const open2 = s.open;
    if (!open2) {
      if (s.bad >= rules.failureThreshold && !obs.coveredBy) {
        s.open = { severity: s.worst, since: s.badSince, openedAt: at, remindedAt: at, posted: !obs.silenced };
        actions2.push({ kind: "open", severity: s.worst, since: s.badSince, silenced: obs.silenced });
      }
      return { state: s, actions: actions2 };
    }
    if (open2.severity === "warn" && severity === "fail") {
      actions2.push({ kind: "escalate", severity: "fail", posted: open2.posted });
      open2.severity = "fail";
    }
    if (!open2.posted && !obs.silenced) {
      open2.posted = true;
      open2.remindedAt = at;
      actions2.push({ kind: "post", severity: open2.severity, since: open2.since });
    } else if (open2.posted && !obs.silenced && rules.remindEveryMinutes > 0 && obs.at.getTime() - Date.parse(open2.remindedAt) >= rules.remindEveryMinutes * 6e4) {
      open2.remindedAt = at;
      actions2.push({ kind: "remind", severity: open2.severity, since: open2.since });
    }
    return { state: s, actions: actions2 };
  }
  s.bad = 0;
  delete s.badSince;
  delete s.worst;
  s.good = Math.min(prev.good + 1, rules.successThreshold);
  if (s.open) {
    s.goodSince = prev.good > 0 && prev.goodSince ? prev.goodSince : at;
    if (s.good >= rules.successThreshold) {
      const downtimeMs = Date.parse(s.goodSince) - Date.parse(s.open.since);
      actions2.push({ kind: "resolve", since: s.open.since, downtimeMs, posted: s.open.posted });
      delete s.open;
      delete s.goodSince;
    }
  }
  return { state: s, actions: actions2 };
}

// src/alerting/alert-store.ts
async function applyResultsBatch(store, items, rules) {
  const envs = [];
  const ids = [];
  for (const { report } of items)
    for (const c of report.checks) {
      envs.push(report.environment);
      ids.push(c.id);
    }
  if (!ids.length) return items.map(() => ({ planned: [], states: /* @__PURE__ */ new Map() }));
  return store.tx(async (c) => {
    const { rows } = await c.query(
      `INSERT INTO ctx_ops.alert_state AS s (env, check_id, state)
       SELECT t.env, t.id, $3::jsonb FROM unnest($1::text[], $2::text[]) AS t(env, id) ORDER BY t.env, t.id
       ON CONFLICT (env, check_id) DO UPDATE SET state = s.state
       RETURNING env, check_id, state`,
      [envs, ids, JSON.stringify(initialAlertState())]
    );
    const states = new Map(rows.map((r) => [stateKey(r.env, r.check_id), r.state]));
    const changedEnvs = [];
    const changedIds = [];
    const changedStates = [];
    const out = [];
    for (const { report, at, silencedFor } of items) {
      const env = report.environment;
      const planned = [];
      const after = /* @__PURE__ */ new Map();
      for (const result of report.checks) {
        const prev = states.get(stateKey(env, result.id)) ?? initialAlertState();
        const silence = silencedFor(result.id);
        const { state, actions: actions2 } = stepAlert(
          prev,
          { status: result.status, at, silenced: silence !== null, coveredBy: result.rootCause },
          rules
        );
        for (const action of actions2) {
          const alert = await recordAction(c, env, result, action, state, at, silence);
          if (alert) planned.push({ action, alert, result, dependents: dependentsOf(report, result.id) });
        }
        if (!sameJson(state, prev)) {
          changedEnvs.push(env);
          changedIds.push(result.id);
          changedStates.push(JSON.stringify(state));
        }
        after.set(result.id, state);
      }
      out.push({ planned, states: after });
    }
    if (changedIds.length) {
      await c.query(
        `UPDATE ctx_ops.alert_state AS s SET state = t.state, updated_at = now()
         FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS t(env, check_id, state) WHERE s.env = t.env AND s.check_id = t.check_id`,
        [changedEnvs, changedIds, changedStates]
      );
    }
    return out;
  });
}
var stateKey = (env, check) => `${env}\0${check}`;
function dependentsOf(report, check) {
  return report.checks.filter((d) => d.rootCause === check).map((d) => d.id);
}
async function recordAction(c, env, result, action, state, at, silence) {
  const openId = state.open?.id;
  switch (action.kind) {
    case "open": {
      const ins = await c.query(
        `INSERT INTO ctx_ops.alerts (env, check_id, severity, summary, since, opened_at, silenced_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (env, check_id) WHERE resolved_at IS NULL DO NOTHING RETURNING *`,
        [
          env,
          result.id,
          action.severity,
          result.summary.slice(0, 500),
          action.since,
          at,
          action.silenced ? silence : null
        ]
      );
      const row = ins.rows[0] ?? (await c.query(
        `SELECT * FROM ctx_ops.alerts WHERE env = $1 AND check_id = $2 AND resolved_at IS NULL`,
        [env, result.id]
      )).rows[0];
      if (!row) return null;
      if (state.open) state.open.id = String(row.id);
      return ins.rows[0] ? toRecord(row) : null;
    }
    case "post":
      return updateAlert(c, openId, `silenced_by = NULL, severity = $2, summary = $3`, [
        action.severity,
        result.summary.slice(0, 500)
      ]);
    case "escalate":
      return updateAlert(c, openId, `severity = 'fail', summary = $2`, [result.summary.slice(0, 500)]);
    case "remind":
      return updateAlert(c, openId, `reminders = reminders + 1, summary = $2`, [result.summary.slice(0, 500)]);
    case "resolve":
      return (await c.query(
        `UPDATE ctx_ops.alerts SET resolved_at = $3, downtime_ms = $4 WHERE env = $1 AND check_id = $2 AND resolved_at IS NULL RETURNING *`,
        [env, result.id, at, action.downtimeMs]
      )).rows.map(toRecord)[0] ?? null;
  }
}

// src/alerting/render.ts
var word = (s) => s === "fail" ? "failing" : "degraded";
var emoji = (s) => s === "fail" ? "\u{1F534}" : "\u26A0\uFE0F";
function renderAlert(v) {
  const head = v.resolved ? `\u2705 Resolved: ${v.title} on ${v.env} (was ${word(v.severity)} for ${formatDuration(v.resolved.downtimeMs)})` : `${emoji(v.severity)} ${v.title} ${word(v.severity)} on ${v.env}`;
  const lines = [`*${escapeMrkdwn(head)}*`];
  if (!v.resolved) lines.push(escapeMrkdwn(v.summary));
  if (v.dependents.length)
    lines.push(`Also ${v.resolved ? "affected" : "failing"} because of it: ${escapeMrkdwn(v.dependents.join(", "))}`);
  const meta2 = [
    `since ${dayTime(v.since, v.timeZone)}`,
    ...v.resolved ? [`resolved ${dayTime(v.resolved.at, v.timeZone)}`] : [`${v.failureThreshold} bad checks in a row`],
    ...v.escalatedAt && !v.resolved ? [`escalated from warning ${clock(v.escalatedAt, v.timeZone)}`] : [],
    ...v.lateBecause ? [`held back by ${v.lateBecause}, which has ended`] : []
  ];
  const hints = v.resolved ? [] : [
    ...v.runbook ? [`runbook \`/ctx runbook ${v.runbook}\``] : [],
    `details \`/ctx check ${v.check} ${v.env}\``,
    `mute \`/ctx silence ${v.check} 1h ${v.env}\``
  ];
  const blocks = [md(lines.join("\n")), context(meta2.join(" \xB7 "))];
  if (hints.length) blocks.push(context(hints.join(" \xB7 ")));
  const text2 = [
    head,
    ...v.resolved ? [] : [v.summary],
    ...v.dependents.length ? [`also: ${v.dependents.join(", ")}`] : []
  ].join(" \u2014 ");
  return { text: truncate(text2, LIMITS.fallbackText), blocks };
}
function renderReminder(v, now) {
  const text2 = `${emoji(v.severity)} Still ${word(v.severity)} after ${formatDuration(now.getTime() - v.since.getTime())}: ${v.summary}`;
  return { text: text2, blocks: [md(escapeMrkdwn(text2))] };
}
function renderResolvedNote(v) {
  const text2 = `\u2705 Resolved: ${v.title} on ${v.env} is healthy again after ${formatDuration(v.resolved.downtimeMs)} of downtime (${clock(v.since, v.timeZone)} \u2013 ${clock(new Date(v.since.getTime() + v.resolved.downtimeMs), v.timeZone)})`;
  return { text: text2, blocks: [md(escapeMrkdwn(text2))] };
}

// src/util/deadline.ts
function within(work, ms2, what2) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the store did not answer within ${ms2} ms (${what2})`)), ms2);
    timer.unref();
  });
  work.catch(() => {
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

// src/slack/delivery-errors.ts
var CHANNEL_REFUSALS = /* @__PURE__ */ new Set([
  "not_in_channel",
  "channel_not_found",
  "is_archived",
  "missing_scope",
  "not_allowed_token_type",
  "team_access_not_granted",
  "ekm_access_denied",
  "access_denied",
  "no_permission",
  "messages_tab_disabled",
  "cannot_dm_bot",
  "user_not_found",
  "user_disabled",
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "org_login_required"
]);
var TRANSIENT = /* @__PURE__ */ new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout"]);
var TOKEN_ERRORS = /* @__PURE__ */ new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "org_login_required"
]);
function deliveryFailure(err) {
  const e = err;
  if (e?.code === "slack_webapi_rate_limited_error") return { kind: "ratelimited", code: "ratelimited" };
  if (e?.code === "slack_webapi_platform_error") {
    const code2 = e.data?.error ?? "unknown_error";
    if (code2 === "ratelimited" || code2 === "rate_limited") return { kind: "ratelimited", code: "ratelimited" };
    if (CHANNEL_REFUSALS.has(code2) || code2.startsWith("restricted_action"))
      return { kind: "refused", code: code2, ...e.data?.needed ? { needed: e.data.needed } : {} };
    if (TRANSIENT.has(code2)) return { kind: "transient", code: code2 };
    return { kind: "message", code: code2 };
  }
  if (e?.code === "slack_webapi_http_error") {
    const status = e.statusCode ?? 0;
    return { kind: status >= 500 || status === 408 ? "transient" : "message", code: `http_${status}` };
  }
  return { kind: "transient", code: "network" };
}
var isKept = (f) => f.kind !== "message";
function fixFor(f, c) {
  const invite = `type /invite @${c.botName} in ${c.where}`;
  if (TOKEN_ERRORS.has(f.code))
    return "Slack refused the bot token: reinstall the app and set SLACK_BOT_TOKEN to the new xoxb- token";
  if (f.code.startsWith("restricted_action")) {
    return `only some members may post in ${c.where}: let @${c.botName} post there (channel settings \u2192 Posting permissions), or set ${c.configKey} in ctx-ops.yml to another channel`;
  }
  switch (f.code) {
    case "not_in_channel":
      return invite;
    case "channel_not_found":
      return c.isUser ? `Slack does not know ${c.where}: fix ${c.configKey} in ctx-ops.yml` : `${c.where} does not exist or is private without @${c.botName} in it: ${invite}, or set ${c.configKey} in ctx-ops.yml to a channel id that exists`;
    case "is_archived":
      return `${c.where} is archived: unarchive it, or set ${c.configKey} in ctx-ops.yml to another channel`;
    case "missing_scope":
      return `the Slack app lacks the ${f.needed ?? "chat:write"} scope: add it under OAuth & Permissions (manifest.yml lists every scope) and reinstall the app`;
    case "messages_tab_disabled":
      return `direct messages from @${c.botName} are off: turn on the Messages tab under App Home in the app settings (manifest.yml does), or remove ${c.where} from ${c.configKey}`;
    case "user_not_found":
    case "user_disabled":
    case "cannot_dm_bot":
      return `${c.where} cannot receive direct messages from @${c.botName}: remove it from ${c.configKey} in ctx-ops.yml`;
    case "ratelimited":
      return "Slack is rate limiting ctx-ops: posts wait and go out on their own, nothing to do unless this lasts";
    case "network":
      return "ctx-ops cannot reach Slack: check the network, proxy or SLACK_API_URL; posts are retried on their own";
    case "not_allowed_token_type":
    case "team_access_not_granted":
    case "ekm_access_denied":
    case "access_denied":
    case "no_permission":
      return `Slack does not let @${c.botName} post in ${c.where} (${f.code}): ask a workspace admin, or set ${c.configKey} in ctx-ops.yml to another channel`;
    default:
      if (f.kind === "transient")
        return `Slack is having trouble (${f.code}); posts are retried on their own (status.slack.com)`;
      return `Slack answered ${f.code} for ${c.where}; posts are retried every few minutes`;
  }
}

// src/alerting/alerter.ts
var STORE_LOOKUP_MS = 1e4;
function storeUnreachableNote(replica) {
  return `\u{1F5C4}\uFE0F ctx-ops cannot reach its own store (schema ctx_ops), so App Home, digests and history are stale until it is back; this alert is tracked in memory${replica ? ` by replica ${replica}` : ""}`;
}
function createAlerter(deps) {
  const chains = /* @__PURE__ */ new Map();
  const log = deps.log.child({ part: "alerter" });
  const locations = deps.locations ?? createAlertLocations();
  const view = (p, extra = {}) => ({
    env: p.alert.env,
    check: p.alert.check,
    title: deps.titles[p.alert.check] ?? p.alert.check,
    severity: p.alert.severity,
    summary: p.result.summary,
    since: p.alert.since,
    dependents: p.dependents.map((d) => deps.titles[d] ?? d),
    ...p.result.runbook ? { runbook: p.result.runbook } : {},
    timeZone: deps.timeZone,
    failureThreshold: deps.failureThreshold,
    ...extra
  });
  const noted = (p, msg) => {
    if (!p.storeUnreachable) return msg;
    const note = storeUnreachableNote(deps.replica);
    return {
      text: truncate(`${msg.text} (${note})`, LIMITS.fallbackText),
      blocks: [...msg.blocks ?? [], context(note)]
    };
  };
  const owe = async (p, code2) => {
    const at = deps.now();
    const id = p.alert.id;
    if (!deps.delivery) return;
    if (p.storeUnreachable || isMemoryId(id)) locations.owe(id, code2, at);
    else {
      await within(markAlertPending(deps.store, id, code2, at), STORE_LOOKUP_MS, "mark an alert owed").catch(
        (err) => {
          log.info(
            { alert: id, err: { message: err.message } },
            "the alert is kept in memory as owed until the store is back"
          );
          locations.owe(id, code2, at);
        }
      );
    }
    deps.delivery.kick();
  };
  const failed = async (p, err) => {
    const f = deliveryFailure(err);
    if (deps.delivery && isKept(f)) {
      log.warn(
        { alert: p.alert.id, env: p.alert.env, check: p.alert.check, error: f.code },
        "Slack did not take this alert; it is kept and posted when the channel works"
      );
      return owe(p, f.code);
    }
    throw err;
  };
  const held = async (p, channel) => {
    if (!deps.delivery || p.storeUnreachable) return false;
    const why = await deps.delivery.holding(channel);
    if (why === null) return false;
    await owe(p, why);
    return true;
  };
  const postNew = async (p, extra = {}) => {
    if (!deps.channel) return;
    if (await held(p, deps.channel)) return;
    const msg = noted(p, renderAlert(view(p, extra)));
    let out;
    try {
      out = await deps.outbox.post({ channel: deps.channel, text: msg.text, blocks: msg.blocks });
    } catch (err) {
      return failed(p, err);
    }
    const { channel, ts } = out;
    void locations.posted(deps.store, p.alert.id, channel, ts).catch(
      (err) => log.info(
        { alert: p.alert.id, err: { message: err.message } },
        "where the alert was posted is kept in memory until the store is back"
      )
    );
  };
  const current = async (p) => {
    const id = p.alert.id;
    const known = locations.get(id);
    if (!isMemoryId(id) && !p.storeUnreachable) {
      const stored = await within(getAlert(deps.store, id), STORE_LOOKUP_MS, "where the alert was posted").catch(
        () => null
      );
      if (stored)
        return {
          ...p.alert,
          ...stored,
          ...!stored.ts && known ? { channel: known.channel, ts: known.ts, sharedTs: known.shared } : {}
        };
    }
    return { ...p.alert, channel: known?.channel ?? null, ts: known?.ts ?? null, sharedTs: known?.shared ?? false };
  };
  const resolveCopies = async (p, resolved) => {
    for (const f of p.alert.fallback ?? []) {
      const note = renderResolvedNote({ ...view(p), resolved });
      const msg = renderAlert(view(p, { resolved }));
      await deps.outbox.post({ channel: f.channel, thread_ts: f.ts, text: note.text, blocks: note.blocks }).catch(() => {
      });
      await deps.outbox.update({ channel: f.channel, ts: f.ts, text: msg.text, blocks: msg.blocks }).catch(() => {
      });
    }
  };
  const perform = async (planned) => {
    const fresh = planned.action.kind !== "open" && planned.action.kind !== "post";
    const p = fresh ? { ...planned, alert: await current(planned) } : planned;
    const { action, alert } = p;
    const alog = log.child({ env: alert.env, check: alert.check, alert: alert.id, action: action.kind });
    try {
      switch (action.kind) {
        case "open":
          if (action.silenced)
            return alog.info({ silencedBy: alert.silencedBy }, "alert recorded, not posted (silenced)");
          if (!deps.channel) return alog.warn("alert recorded, not posted: no alerts channel is configured");
          return await postNew(p);
        case "post":
          return await postNew(p, { lateBecause: "a silence or maintenance window" });
        case "escalate": {
          if (alert.pendingSince || alert.sharedTs || !alert.channel || !alert.ts) return;
          if (await held(p, alert.channel)) return;
          const msg = noted(p, renderAlert(view(p, { severity: "fail", escalatedAt: deps.now() })));
          await deps.outbox.update({ channel: alert.channel, ts: alert.ts, text: msg.text, blocks: msg.blocks }).catch((err) => failed(p, err));
          return;
        }
        case "remind": {
          if (alert.pendingSince || !alert.channel || !alert.ts) return;
          if (deps.delivery && !p.storeUnreachable && await deps.delivery.holding(alert.channel) !== null) return;
          const msg = renderReminder(view(p), deps.now());
          const text2 = alert.sharedTs ? `${deps.titles[alert.check] ?? alert.check} on ${alert.env}: ${msg.text}` : msg.text;
          await deps.outbox.post({
            channel: alert.channel,
            thread_ts: alert.ts,
            text: text2,
            blocks: alert.sharedTs ? [md(escapeMrkdwn(text2))] : msg.blocks
          });
          return;
        }
        case "resolve": {
          if (!action.posted) return alog.info("resolved; it was never posted, so nothing is said");
          const resolved = { at: alert.resolvedAt ?? deps.now(), downtimeMs: action.downtimeMs };
          if (!alert.ts) await resolveCopies(p, resolved);
          if (alert.pendingSince) return deps.delivery?.kick();
          if (!alert.channel || !alert.ts) return alog.info("resolved; it was never posted, so nothing is said");
          if (await held(p, alert.channel)) return;
          const note = renderResolvedNote({ ...view(p), resolved });
          try {
            await deps.outbox.post({
              channel: alert.channel,
              thread_ts: alert.ts,
              text: note.text,
              blocks: note.blocks
            });
            if (!alert.sharedTs) {
              const msg = renderAlert(view(p, { resolved }));
              await deps.outbox.update({ channel: alert.channel, ts: alert.ts, text: msg.text, blocks: msg.blocks });
            }
          } catch (err) {
            await failed(p, err);
          }
          return;
        }
      }
    } catch (err) {
      alog.error({ err: { message: err.message } }, "could not say what the alert state machine decided");
    }
  };
  const queue = (env, check, job) => {
    const key = `${env}\0${check}`;
    const next = (chains.get(key) ?? Promise.resolve()).then(job);
    chains.set(key, next);
    void next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
    });
  };
  return {
    locations,
    /** Queues the action behind earlier ones of the same check; returns at once. */
    enqueue(p) {
      queue(p.alert.env, p.alert.check, () => perform(p));
    },
    /**
     * This replica stepped down after leading through a store outage, and the new leader
     * does not know this alert (it was raised in memory): say so in its thread rather
     * than leave it open forever without a word.
     */
    handOver(a) {
      queue(a.env, a.check, async () => {
        const where3 = locations.get(a.id);
        locations.forget(a.id);
        if (!where3) return;
        const title2 = deps.titles[a.check] ?? a.check;
        const text2 = `\u2139\uFE0F ${title2} on ${a.env}: this alert was raised while ctx-ops could not reach its own store, and the replica that raised it${deps.replica ? ` (${deps.replica})` : ""} no longer leads. Its resolution will not be posted here; check the current state with /ctx check ${a.check} ${a.env}`;
        await deps.outbox.post({ channel: where3.channel, thread_ts: where3.ts, text: text2, blocks: [md(escapeMrkdwn(text2))] }).catch(
          (err) => log.error(
            { env: a.env, check: a.check, err: { message: err.message } },
            "could not post the hand-over note"
          )
        );
      });
    },
    /** Resolves when every queued action has been said (or given up on). */
    async idle() {
      while (chains.size) await Promise.allSettled([...chains.values()]);
    }
  };
}

// src/alerting/delivery.ts
var BACKLOG = 1e3;
var MAX_ROUNDS = 5;
var Stop = class extends Error {
  constructor(failure) {
    super(failure.code);
    this.failure = failure;
  }
  failure;
};
function createDelivery(deps) {
  const log = deps.log.child({ part: "delivery" });
  const storeMs = deps.storeTimeoutMs ?? 1e4;
  const q = (work, what2) => within(work, storeMs, what2);
  const counts = { alerts: 0, digests: /* @__PURE__ */ new Map() };
  let replay = null;
  let timer;
  let running = null;
  let again = false;
  let stopped = true;
  let failing = 0;
  const titleOf = (check) => deps.titles[check] ?? check;
  const view = (a, extra = {}) => {
    const now = deps.current?.(a.env, a.check);
    const bad = now && (now.result.status === "fail" || now.result.status === "warn");
    return {
      env: a.env,
      check: a.check,
      title: titleOf(a.check),
      severity: a.severity,
      summary: bad ? now.result.summary : a.summary,
      since: a.since,
      dependents: (now?.dependents ?? []).map(titleOf),
      ...now?.result.runbook ? { runbook: now.result.runbook } : {},
      timeZone: deps.timeZone,
      failureThreshold: deps.failureThreshold,
      ...extra
    };
  };
  const withNote = (msg, note) => ({
    text: truncate(`${msg.text} (${note.replace(/<[#@]([A-Z0-9]+)>/g, "$1")})`, LIMITS.fallbackText),
    blocks: [...msg.blocks ?? [], context(note)]
  });
  const resolvedOf = (a) => ({ at: a.resolvedAt ?? deps.now(), downtimeMs: a.downtimeMs ?? 0 });
  const write = async (work) => {
    try {
      return await work;
    } catch (err) {
      throw new Stop(deliveryFailure(err));
    }
  };
  const postOwn = async (channel, id) => {
    const [a] = await q(claimAlerts(deps.store, [id], deps.claimant), "claim an alert");
    if (!a) return false;
    if (a.resolvedAt || a.ts) {
      await q(releaseAlerts(deps.store, [a.id], deps.claimant), "release an alert");
      return true;
    }
    const msg = withNote(
      renderAlert(view(a)),
      lateNote({
        since: a.pendingSince ?? a.openedAt,
        error: a.pendingError ?? "refused",
        fallback: a.fallback ?? [],
        timeZone: deps.timeZone
      })
    );
    let out;
    try {
      out = await write(deps.outbox.post({ channel, text: msg.text, blocks: msg.blocks }));
    } catch (err) {
      await q(releaseAlerts(deps.store, [a.id], deps.claimant, err.failure?.code), "release an alert");
      if (err instanceof Stop && !isKept(err.failure)) {
        log.error(
          { alert: a.id, error: err.failure.code },
          "Slack refused this alert message itself; it stays recorded but cannot be posted"
        );
        await q(
          deps.store.query(`UPDATE ctx_ops.alerts SET pending_since = NULL, pending_error = $2 WHERE id = $1`, [
            a.id,
            err.failure.code
          ]),
          "give up an alert"
        );
        return true;
      }
      throw err;
    }
    await q(
      recordShown(deps.store, a.id, deps.claimant, { channel: out.channel, ts: out.ts, shared: false }, a.severity),
      "record a posted alert"
    );
    deps.locations?.known(a.id, out.channel, out.ts);
    log.info({ alert: a.id, env: a.env, check: a.check, channel: out.channel }, "owed alert posted");
    for (const f of a.fallback ?? []) {
      const moved = withNote(renderAlert(view(a)), movedNote(channel));
      await deps.outbox.update({ channel: f.channel, ts: f.ts, text: moved.text, blocks: moved.blocks }).catch(() => {
      });
    }
    return true;
  };
  const fixOwn = async (id) => {
    const [a] = await q(claimAlerts(deps.store, [id], deps.claimant), "claim an alert");
    if (!a?.channel || !a.ts) {
      if (a) await q(releaseAlerts(deps.store, [a.id], deps.claimant), "release an alert");
      return;
    }
    const where3 = { channel: a.channel, ts: a.ts, shared: Boolean(a.sharedTs) };
    try {
      if (a.resolvedAt) {
        const v = view(a, { resolved: resolvedOf(a) });
        if (!a.sharedTs) {
          const msg = renderAlert(v);
          await write(deps.outbox.update({ channel: a.channel, ts: a.ts, text: msg.text, blocks: msg.blocks }));
        }
        const note = renderResolvedNote({ ...v, resolved: resolvedOf(a) });
        await write(deps.outbox.post({ channel: a.channel, thread_ts: a.ts, text: note.text, blocks: note.blocks }));
        await q(recordShown(deps.store, a.id, deps.claimant, where3, "resolved"), "record a resolved alert");
      } else {
        if (!a.sharedTs) {
          const msg = renderAlert(view(a));
          await write(deps.outbox.update({ channel: a.channel, ts: a.ts, text: msg.text, blocks: msg.blocks }));
        }
        await q(recordShown(deps.store, a.id, deps.claimant, where3, a.severity), "record an updated alert");
      }
    } catch (err) {
      await q(releaseAlerts(deps.store, [a.id], deps.claimant, err.failure?.code), "release an alert");
      if (err instanceof Stop && !isKept(err.failure)) {
        log.warn(
          { alert: a.id, error: err.failure.code },
          "the alert message cannot be updated; it will be posted again"
        );
        await q(
          deps.store.query(`UPDATE ctx_ops.alerts SET channel = NULL, ts = NULL, shared_ts = false WHERE id = $1`, [
            a.id
          ]),
          "forget an alert message"
        );
        return;
      }
      throw err;
    }
  };
  const postSummary = async (channel, resolved, open2) => {
    const got = await q(
      claimAlerts(
        deps.store,
        [...resolved, ...open2].map((a) => a.id),
        deps.claimant
      ),
      "claim alerts for a summary"
    );
    if (!got.length) return;
    const r = got.filter((a) => a.resolvedAt);
    const o = got.filter((a) => !a.resolvedAt);
    const since = new Date(Math.min(...got.map((a) => (a.pendingSince ?? a.openedAt).getTime())));
    const error = deps.state.problems().find((p) => p.channel === channel)?.error ?? got.find((a) => a.pendingError)?.pendingError ?? "refused";
    const msg = renderDeliverySummary({
      since,
      error,
      resolved: r,
      open: o,
      titles: deps.titles,
      timeZone: deps.timeZone
    });
    let out;
    try {
      out = await write(deps.outbox.post({ channel, text: msg.text, blocks: msg.blocks }));
    } catch (err) {
      await q(
        releaseAlerts(
          deps.store,
          got.map((a) => a.id),
          deps.claimant,
          err.failure?.code
        ),
        "release alerts"
      );
      throw err;
    }
    for (const a of got) {
      await q(
        recordShown(
          deps.store,
          a.id,
          deps.claimant,
          { channel: out.channel, ts: out.ts, shared: true },
          a.resolvedAt ? "resolved" : a.severity
        ),
        "record a summarised alert"
      );
      if (!a.resolvedAt) deps.locations?.known(a.id, out.channel, out.ts, true);
    }
    log.info({ channel, resolved: r.length, open: o.length }, "summary of alerts owed to the channel posted");
  };
  const replayAlerts = async (channel) => {
    let budget = deps.replayMax;
    for (let round2 = 0; round2 < MAX_ROUNDS; round2++) {
      const owed = await q(pendingAlerts(deps.store, BACKLOG), "owed alerts");
      if (!owed.length) return;
      const resolved = [];
      const overflow = [];
      for (const a of owed) {
        if (a.ts) await fixOwn(a.id);
        else if (a.resolvedAt) resolved.push(a);
        else if (budget > 0) {
          if (await postOwn(channel, a.id)) budget--;
        } else overflow.push(a);
      }
      if (resolved.length || overflow.length) await postSummary(channel, resolved, overflow);
      budget = Number.POSITIVE_INFINITY;
    }
  };
  const copyToFallback = async (primary) => {
    if (!deps.fallback.length) return;
    const owed = (await q(pendingAlerts(deps.store, BACKLOG), "owed alerts")).filter((a) => !a.resolvedAt && !a.ts);
    const problem = deps.state.problems().find((p) => p.channel === primary);
    for (const target of deps.fallback) {
      if (deps.state.blocked(target) && !deps.state.due(target)) continue;
      let sent = 0;
      for (const candidate of owed) {
        if (sent >= deps.replayMax) break;
        if (candidate.fallback?.some((f) => f.target === target)) continue;
        const [a] = await q(claimAlerts(deps.store, [candidate.id], deps.claimant), "claim an alert");
        if (!a) continue;
        if (a.resolvedAt || a.ts || a.fallback?.some((f) => f.target === target)) {
          await q(releaseAlerts(deps.store, [a.id], deps.claimant), "release an alert");
          continue;
        }
        const msg = withNote(
          renderAlert(view(a)),
          fallbackNote({
            primary,
            error: problem?.error ?? a.pendingError ?? "refused",
            fix: problem?.fix ?? "see /ctx doctor"
          })
        );
        try {
          const out = await write(deps.outbox.post({ channel: target, text: msg.text, blocks: msg.blocks }));
          await q(
            recordFallback(deps.store, a.id, deps.claimant, {
              target,
              channel: out.channel,
              ts: out.ts,
              at: deps.now().toISOString()
            }),
            "record a fallback copy"
          );
          sent++;
          log.info({ alert: a.id, target }, "alert copied to the fallback while its channel refuses");
        } catch (err) {
          await q(releaseAlerts(deps.store, [a.id], deps.claimant), "release an alert");
          if (err instanceof Stop) break;
          throw err;
        }
      }
    }
  };
  const replayDigests = async () => {
    if (!deps.digest) return;
    const owed = await q(pendingDigests(deps.store), "owed digests");
    const byChannel = /* @__PURE__ */ new Map();
    for (const d of owed) byChannel.set(d.channel, [...byChannel.get(d.channel) ?? [], d]);
    for (const [channel, list] of byChannel) {
      if (deps.state.blocked(channel) && !deps.state.due(channel)) continue;
      const got = await q(
        claimDigests(
          deps.store,
          list.map((d) => d.id),
          deps.claimant
        ),
        "claim digests"
      );
      const bySchedule = /* @__PURE__ */ new Map();
      for (const d of got) bySchedule.set(d.schedule, [...bySchedule.get(d.schedule) ?? [], d]);
      try {
        for (const [, ticks] of bySchedule) {
          const newest = ticks[ticks.length - 1];
          const built = await deps.digest(newest);
          const out = await write(deps.outbox.post({ channel, text: built.msg.text, blocks: built.msg.blocks }));
          await q(
            digestDelivered(deps.store, newest.id, deps.claimant, {
              channel: out.channel,
              ts: out.ts,
              overall: built.overall,
              snapshot: built.snapshot,
              at: deps.now()
            }),
            "record a digest"
          );
          await q(
            supersedeDigests(
              deps.store,
              ticks.slice(0, -1).map((d) => d.id),
              deps.claimant
            ),
            "supersede digests"
          );
          log.info(
            { channel, schedule: newest.schedule, slot: newest.slot, skipped: ticks.length - 1 },
            "owed digest posted"
          );
        }
      } catch (err) {
        await q(
          releaseDigests(
            deps.store,
            got.map((d) => d.id),
            deps.claimant,
            err.failure?.code
          ),
          "release digests"
        ).catch(() => {
        });
        if (!(err instanceof Stop)) throw err;
      }
    }
  };
  const recount = async () => {
    const [alerts, digests] = await Promise.all([
      q(countPendingAlerts(deps.store), "count owed alerts"),
      q(countPendingDigests(deps.store), "count owed digests")
    ]);
    counts.alerts = deps.alertsChannel ? alerts : 0;
    counts.digests = digests;
  };
  const round = async () => {
    await recount();
    if (!counts.alerts && ![...counts.digests.values()].some(Boolean)) return deps.state.share();
    await deps.state.refresh().catch(() => {
    });
    const channel = deps.alertsChannel;
    if (channel && counts.alerts) {
      const blocked = deps.state.blocked(channel);
      if (!blocked || deps.state.due(channel)) {
        replay = replayAlerts(channel);
        try {
          await replay;
        } catch (err) {
          if (!(err instanceof Stop)) throw err;
          log.debug({ channel, error: err.failure.code }, "the alerts channel still refuses");
        } finally {
          replay = null;
        }
      }
      if (deps.state.failure(channel)?.kind === "refused") await copyToFallback(channel);
    }
    if ([...counts.digests.values()].some(Boolean)) await replayDigests();
    await recount();
    deps.state.share();
  };
  const schedule2 = () => {
    clearTimeout(timer);
    if (stopped) return;
    const owed = counts.alerts > 0 || [...counts.digests.values()].some(Boolean);
    if (!owed) return;
    const next = deps.state.nextAttemptAt();
    const wait = next === null || next <= Date.now() ? deps.pollMs : Math.min(deps.pollMs, next - Date.now());
    timer = setTimeout(() => kick(), wait);
    timer.unref();
  };
  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (!deps.canDeliver()) return;
    running = (async () => {
      do {
        again = false;
        try {
          await round();
          if (failing) log.info({ failedRounds: failing }, "delivering what is owed works again");
          failing = 0;
        } catch (err) {
          failing++;
          log[failing === 1 ? "warn" : "debug"](
            { err: { message: err.message } },
            "could not deliver what is owed this time; will try again"
          );
        }
      } while (again && !stopped && deps.canDeliver());
    })().finally(() => {
      running = null;
      schedule2();
    });
  };
  deps.state.onRecovered(() => kick());
  return {
    /** Posts kept for a channel (the outbox's queue is counted by the caller). */
    waiting(channel) {
      return (channel === deps.alertsChannel ? counts.alerts : 0) + (counts.digests.get(channel) ?? 0);
    },
    /**
     * The alerter asks before it posts to `channel`. While owed alerts are being posted
     * there, a new one waits for them (order is kept); while the channel refuses, it is
     * owed too. Resolves with the reason it must be owed, or null to post it now.
     */
    async holding(channel) {
      if (channel === deps.alertsChannel) await replay?.catch(() => {
      });
      return deps.state.failure(channel)?.code ?? null;
    },
    /** Slack says the channel may work now (the bot joined it, it was unarchived): try at once. */
    retryNow(channel) {
      deps.state.retryNow(channel);
      if (deps.canDeliver()) {
        kick();
        return;
      }
      void deps.state.requestRetry(channel).catch((err) => log.debug({ err: { message: err.message } }, "could not pass the retry request on"));
    },
    kick,
    start() {
      stopped = false;
      kick();
    },
    /** No new rounds; `idle()` waits for the one running (close the outbox first to cut it short). */
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    /** Resolves once no round is running (tests). */
    async idle() {
      while (running) await running;
    }
  };
}

// src/alerting/delivery-state.ts
function retryDelayMs(failures, baseMs, maxMs, random = Math.random) {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exp * (0.75 + random() * 0.25));
}
function describeTarget2(channel, name) {
  if (name) return `#${name}`;
  return /^[UW][A-Z0-9]+$/.test(channel) ? `user ${channel}` : `channel ${channel}`;
}
function createDeliveryState(opts) {
  const log = opts.log.child({ part: "delivery" });
  const targets = /* @__PURE__ */ new Map();
  const storeMs = opts.storeTimeoutMs ?? 5e3;
  let shared = [];
  const listeners = [];
  const writes = /* @__PURE__ */ new Map();
  const problemOf = (channel, t) => {
    const role = opts.roleOf(channel);
    const isUser = /^[UW][A-Z0-9]+$/.test(channel);
    return {
      channel,
      purpose: role.purpose,
      error: t.failure.code,
      fix: fixFor(t.failure, {
        where: describeTarget2(channel, opts.nameOf(channel)),
        configKey: role.configKey,
        botName: opts.botName(),
        isUser
      }),
      since: t.since,
      lastAttemptAt: t.lastAttemptAt,
      waiting: opts.waiting(channel)
    };
  };
  const persist = (channel) => {
    const store = opts.store;
    if (!store) return;
    const t = targets.get(channel);
    const work = () => t ? (() => {
      const p = problemOf(channel, t);
      return store.query(
        `INSERT INTO ctx_ops.delivery_problems (channel, purpose, error, fix, since, last_attempt_at, waiting, replica, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
             ON CONFLICT (channel) DO UPDATE SET purpose = EXCLUDED.purpose, error = EXCLUDED.error, fix = EXCLUDED.fix, since = LEAST(ctx_ops.delivery_problems.since, EXCLUDED.since),
               last_attempt_at = EXCLUDED.last_attempt_at, waiting = EXCLUDED.waiting, replica = EXCLUDED.replica, updated_at = now()`,
        [channel, p.purpose, p.error, p.fix, p.since, p.lastAttemptAt, p.waiting, opts.replica ?? ""]
      );
    })() : store.query(`DELETE FROM ctx_ops.delivery_problems WHERE channel = $1`, [channel]);
    const next = (writes.get(channel) ?? Promise.resolve()).then(() => within(work(), storeMs, "delivery problems")).catch(
      (err) => log.debug({ err: { message: err.message } }, "could not share the delivery problem through the store")
    );
    writes.set(channel, next);
    void next.finally(() => {
      if (writes.get(channel) === next) writes.delete(channel);
    });
  };
  return {
    /** A write to `channel` failed in a way that is kept and retried. */
    failed(channel, failure) {
      const now = opts.now();
      const t = targets.get(channel);
      const failures = (t?.failures ?? 0) + 1;
      const next = {
        failure,
        since: t?.since ?? now,
        lastAttemptAt: now,
        failures,
        // Real time, not now(): timers wait on it (now() may be fixed in tests and replays).
        nextAttemptAt: Date.now() + retryDelayMs(failures, opts.retryBaseMs, opts.retryMaxMs, opts.random)
      };
      targets.set(channel, next);
      if (!t || t.failure.code !== failure.code) {
        const p = problemOf(channel, next);
        log.error(
          { channel, purpose: p.purpose, error: p.error, fix: p.fix },
          `cannot post to ${describeTarget2(channel, opts.nameOf(channel))} (${p.error}): ${p.fix}; alerts and digests for it are kept and retried`
        );
      } else {
        log.debug(
          { channel, error: failure.code, failures, retryInMs: next.nextAttemptAt - Date.now() },
          "still cannot post; will retry"
        );
      }
      persist(channel);
    },
    /** A write to `channel` went through. */
    ok(channel) {
      const t = targets.get(channel);
      const wasShared = shared.some((r) => r.channel === channel);
      if (!t && !wasShared) return;
      targets.delete(channel);
      shared = shared.filter((r) => r.channel !== channel);
      if (t)
        log.info(
          { channel, error: t.failure.code, since: t.since },
          `posting to ${describeTarget2(channel, opts.nameOf(channel))} works again`
        );
      persist(channel);
      for (const l of listeners) l(channel);
    },
    blocked: (channel) => targets.has(channel),
    failure: (channel) => targets.get(channel)?.failure,
    /** Blocked, and its backoff has passed. */
    due(channel, at = Date.now()) {
      const t = targets.get(channel);
      return Boolean(t && t.nextAttemptAt <= at);
    },
    /** Try at once (Slack said the bot joined the channel, or it was unarchived). */
    retryNow(channel) {
      const t = targets.get(channel);
      if (!t) return false;
      t.nextAttemptAt = 0;
      return true;
    },
    /** When the earliest blocked channel may be tried again (ms since the epoch), or null. */
    nextAttemptAt() {
      let min = null;
      for (const t of targets.values()) min = min === null ? t.nextAttemptAt : Math.min(min, t.nextAttemptAt);
      return min;
    },
    channels: () => [...targets.keys()],
    /** Called with the channel whenever a blocked channel works again. */
    onRecovered(fn) {
      listeners.push(fn);
    },
    /** This replica's problems, then those only other replicas saw (as of the last refresh). */
    problems() {
      const mine = [...targets].map(([channel, t]) => problemOf(channel, t));
      const others = shared.filter((r) => !targets.has(r.channel)).map((r) => ({
        channel: r.channel,
        purpose: r.purpose,
        error: r.error,
        fix: r.fix,
        since: r.since,
        lastAttemptAt: r.last_attempt_at,
        waiting: r.waiting
      }));
      return [...mine, ...others].sort((a, b) => a.since.getTime() - b.since.getTime());
    },
    /**
     * Reads what other replicas recorded. A retry another replica asked for (it received
     * the member_joined_channel event) makes that channel due here.
     */
    async refresh() {
      if (!opts.store) return;
      await within(
        opts.store.query(`DELETE FROM ctx_ops.delivery_problems WHERE updated_at < now() - interval '1 hour'`),
        storeMs,
        "delivery problems"
      );
      const { rows } = await within(
        opts.store.query(`SELECT * FROM ctx_ops.delivery_problems ORDER BY since`),
        storeMs,
        "delivery problems"
      );
      shared = rows;
      for (const r of rows) {
        const t = targets.get(r.channel);
        if (t && r.retry_requested_at && r.retry_requested_at.getTime() > t.lastAttemptAt.getTime())
          t.nextAttemptAt = 0;
      }
    },
    /** Asks whichever replica leads to retry `channel` at once (through the store). */
    async requestRetry(channel) {
      if (!opts.store) return;
      await within(
        opts.store.query(`UPDATE ctx_ops.delivery_problems SET retry_requested_at = now() WHERE channel = $1`, [
          channel
        ]),
        storeMs,
        "delivery retry request"
      );
    },
    /** Writes the current `waiting` counts (after the loop counted what is kept). */
    share() {
      for (const channel of targets.keys()) persist(channel);
    }
  };
}

// src/alerting/delivery-targets.ts
function targetRoles(config, settings) {
  const out = /* @__PURE__ */ new Map();
  const add = (channel, role) => {
    if (!channel) return;
    const had = out.get(channel);
    out.set(channel, had ? { purpose: `${had.purpose}, ${role.purpose}`, configKey: had.configKey } : role);
  };
  add(settings.watch.channel, {
    purpose: "alerts",
    configKey: config.watch.channel ? "watch.channel" : "channels.alerts"
  });
  for (const d of settings.digests)
    add(d.channel, {
      purpose: "digest",
      configKey: d.channel === config.channels.digest ? "channels.digest" : `schedules[${d.name}].channel`
    });
  add(config.channels.incidents, { purpose: "incidents", configKey: "channels.incidents" });
  for (const f of settings.delivery.fallback) add(f, { purpose: "fallback", configKey: "delivery.fallback" });
  return out;
}
async function learnSlackNames(slack, into, channels, log) {
  const work = (async () => {
    const me = await slack.client.auth.test().catch(() => null);
    if (me?.user) into.bot = me.user;
    if (me?.user_id) into.botUserId = me.user_id;
    for (const channel of channels.filter((c) => !/^[UW]/.test(c))) {
      const info2 = await slack.client.conversations.info({ channel }).catch(() => null);
      if (info2?.channel?.name) into.channels.set(channel, info2.channel.name);
    }
  })();
  await Promise.race([work, new Promise((r) => setTimeout(r, 3e3).unref())]).catch(
    (err) => log.debug({ err: { message: err.message } }, "could not read channel names")
  );
}

// src/runtime/cron.ts
function startCron(jobs, log) {
  const tasks = /* @__PURE__ */ new Map();
  const running = /* @__PURE__ */ new Set();
  for (const job of jobs) {
    const jlog = log.child({ schedule: job.name });
    const task = schedule(
      job.cron,
      async (ctx) => {
        const p = job.run(ctx.date).catch((err) => jlog.error({ err }, "scheduled job failed"));
        running.add(p);
        await p.finally(() => running.delete(p));
      },
      {
        name: `ctx-ops:${job.name}`,
        timezone: job.timezone,
        noOverlap: true,
        // A busy event loop may fire a little late; that is still the same tick.
        missedExecutionTolerance: 6e4,
        logger: cronLogger(jlog)
      }
    );
    tasks.set(job.name, task);
    jlog.info({ cron: job.cron, timezone: job.timezone, next: task.getNextRun()?.toISOString() }, "schedule started");
  }
  return {
    nextRuns: (name, count) => tasks.get(name)?.getNextRuns(count) ?? [],
    async stop() {
      for (const t of tasks.values()) await t.destroy();
      tasks.clear();
    },
    async idle() {
      await Promise.allSettled([...running]);
    }
  };
}
function cronLogger(log) {
  const text2 = (m) => m instanceof Error ? m.message : m;
  return {
    info: (m) => log.debug(m),
    warn: (m) => log.warn(m),
    error: (m, err) => log.error({ err: err ?? (m instanceof Error ? m : void 0) }, text2(m)),
    debug: (m) => log.debug(text2(m))
  };
}

// src/store/digests.ts
var toRecord2 = (r) => ({
  id: String(r.id),
  schedule: r.schedule,
  slot: r.slot,
  channel: r.channel,
  ts: r.ts,
  postedAt: r.posted_at,
  overall: r.overall,
  snapshot: r.snapshot,
  claimedBy: r.claimed_by
});
var MANUAL_SCHEDULE = "manual";
async function claimDigest(store, t) {
  const { rows } = await store.query(
    `INSERT INTO ctx_ops.digests (schedule, slot, channel, claimed_by) VALUES ($1, $2, $3, $4) ON CONFLICT (schedule, slot) DO NOTHING RETURNING id`,
    [t.schedule, t.slot, t.channel, t.replica]
  );
  return rows[0] ? String(rows[0].id) : null;
}
async function markDigestPosted(store, id, p) {
  await store.query(
    `UPDATE ctx_ops.digests SET channel = $2, ts = $3, posted_at = $4, overall = $5, snapshot = $6 WHERE id = $1`,
    [id, p.channel, p.ts, p.at, p.overall, JSON.stringify(p.snapshot)]
  );
}
async function recordManualDigest(store, p) {
  const id = await claimDigest(store, { schedule: MANUAL_SCHEDULE, slot: p.at, channel: p.channel, replica: p.by });
  if (id) await markDigestPosted(store, id, p);
}
async function lastDigest(store) {
  const { rows } = await store.query(
    `SELECT * FROM ctx_ops.digests WHERE posted_at IS NOT NULL ORDER BY posted_at DESC, id DESC LIMIT 1`
  );
  return rows[0] ? toRecord2(rows[0]) : null;
}

// src/diagnostics/history.ts
var HOUR_MS = 36e5;
async function recordReport(store, report, source) {
  await recordReports(store, [report], source);
}
async function recordReports(store, reports, source) {
  const env = [];
  const checkedAt = [];
  const hour = [];
  const id = [];
  const status = [];
  const summary = [];
  const durationMs = [];
  const rootCause = [];
  for (const report of reports) {
    const at = new Date(report.checkedAt);
    const h = new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
    for (const r of report.checks) {
      env.push(report.environment);
      checkedAt.push(at);
      hour.push(h);
      id.push(r.id);
      status.push(r.status);
      summary.push(r.summary.slice(0, 500));
      durationMs.push(r.durationMs);
      rootCause.push(r.rootCause ?? null);
    }
  }
  if (!id.length) return;
  await store.query(
    `WITH t AS (
       SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[])
         AS t(env, checked_at, hour, check_id, status, summary, duration_ms, root_cause)
     ), raw AS (
       INSERT INTO ctx_ops.check_history (env, check_id, status, summary, duration_ms, root_cause, source, checked_at)
       SELECT t.env, t.check_id, t.status, t.summary, t.duration_ms, t.root_cause, $9, t.checked_at FROM t
     )
     INSERT INTO ctx_ops.check_hourly AS h (env, check_id, hour, runs, failures, warnings, total_ms, max_ms)
     SELECT t.env, t.check_id, t.hour, count(*), count(*) FILTER (WHERE t.status = 'fail'), count(*) FILTER (WHERE t.status = 'warn'),
            sum(CASE WHEN t.status = 'fail' THEN 0 ELSE t.duration_ms END), max(CASE WHEN t.status = 'fail' THEN 0 ELSE t.duration_ms END)
     FROM t WHERE t.status <> 'skip'
     GROUP BY t.env, t.check_id, t.hour
     ON CONFLICT (env, check_id, hour) DO UPDATE SET
       runs = h.runs + EXCLUDED.runs, failures = h.failures + EXCLUDED.failures, warnings = h.warnings + EXCLUDED.warnings,
       total_ms = h.total_ms + EXCLUDED.total_ms, max_ms = GREATEST(h.max_ms, EXCLUDED.max_ms)`,
    [env, checkedAt, hour, id, status, summary, durationMs, rootCause, source]
  );
}
async function hourlyStats(store, env, since) {
  const { rows } = await store.query(
    `SELECT check_id, hour, runs, failures, warnings, total_ms FROM ctx_ops.check_hourly WHERE env = $1 AND hour >= $2 ORDER BY hour`,
    [env, new Date(Math.floor(since.getTime() / HOUR_MS) * HOUR_MS)]
  );
  return rows.map((r) => ({
    check: r.check_id,
    hour: r.hour,
    runs: r.runs,
    failures: r.failures,
    warnings: r.warnings,
    totalMs: Number(r.total_ms)
  }));
}
function uptime(rows, since) {
  const floor = Math.floor(since.getTime() / HOUR_MS) * HOUR_MS;
  let runs = 0;
  let failures = 0;
  for (const r of rows) {
    if (r.hour.getTime() < floor) continue;
    runs += r.runs;
    failures += r.failures;
  }
  return runs ? (runs - failures) / runs : null;
}
async function latestRecorded(store, env, notBefore) {
  const { rows } = await store.query(
    `SELECT DISTINCT ON (check_id) check_id, status, summary, duration_ms, root_cause, checked_at
       FROM ctx_ops.check_history WHERE env = $1 AND checked_at >= $2 ORDER BY check_id, checked_at DESC`,
    [env, notBefore]
  );
  if (!rows.length) return null;
  const checks = rows.map((r) => ({
    id: r.check_id,
    status: r.status,
    summary: r.summary,
    details: [],
    durationMs: r.duration_ms,
    ...r.root_cause ? { rootCause: r.root_cause } : {}
  }));
  const newest = Math.max(...rows.map((r) => r.checked_at.getTime()));
  return { environment: env, checkedAt: new Date(newest).toISOString(), overall: overallStatus(checks), checks };
}
function createLatestReports() {
  const byEnv = /* @__PURE__ */ new Map();
  return {
    set(r) {
      const prev = byEnv.get(r.environment);
      if (prev && (Date.parse(prev.checkedAt) > Date.parse(r.checkedAt) || r.checks.length < prev.checks.length))
        return;
      byEnv.set(r.environment, r);
    },
    get: (env) => byEnv.get(env)
  };
}

// src/digest/digest.ts
var TREND_POINTS = 12;
var DAY = 864e5;
async function attempt(notes, what2, fn, fallback) {
  try {
    return await fn();
  } catch (err) {
    notes.push(`${what2}: ${err.message}`);
    return fallback;
  }
}
var withDeadline = (p, ms2, what2) => Promise.race([
  p,
  new Promise(
    (_, reject) => setTimeout(() => reject(new Error(`${what2} did not answer within ${ms2} ms`)), ms2).unref()
  )
]);
async function buildDigest(deps, req) {
  const now = deps.now();
  const notes = [];
  const store = deps.store;
  const limit = pLimit(deps.concurrency ?? 8);
  const reports = await Promise.all(
    req.envs.map(
      (e) => limit(() => deps.diagnostics.run(e, req.maxAgeMs === void 0 ? {} : { maxAgeMs: req.maxAgeMs }))
    )
  );
  if (!store)
    notes.push(
      "uptime, trends, changes, alerts and silences need the ctx_ops store (CTX_OPS_DATABASE_URL or DATABASE_URL)"
    );
  const [previous, silences, open2] = store ? await Promise.all([
    attempt(notes, "previous digest unavailable", () => lastDigest(store), null),
    attempt(notes, "silences unavailable", () => activeSilences(store, now), []),
    attempt(notes, "open alerts unavailable", () => openAlerts(store, req.envs), [])
  ]) : [null, [], []];
  const since = previous?.postedAt ? await attempt(notes, "alert history unavailable", () => alertsSince(store, previous.postedAt, req.envs), null) : null;
  const delivery = deps.services.get("delivery");
  await delivery?.refresh?.().catch(() => {
  });
  const problems = (delivery?.problems() ?? []).filter((p) => p.channel !== req.channel);
  const backups = deps.services.get("backups");
  const incidents = deps.services.get("incidents");
  const logs = deps.services.get("logs");
  let historyFailed = false;
  const envs = await Promise.all(
    reports.map(async (report) => {
      const env = report.environment;
      let rows = [];
      if (store && !historyFailed) {
        rows = await hourlyStats(store, env, new Date(now.getTime() - 7 * DAY)).catch((err) => {
          if (!historyFailed) notes.push(`history unavailable: ${err.message}`);
          historyFailed = true;
          return [];
        });
      }
      const dayAgo = new Date(now.getTime() - DAY);
      const components = report.checks.map((c) => {
        const mine = rows.filter((r) => r.check === c.id);
        return {
          id: c.id,
          status: c.status,
          summary: c.summary,
          ...c.rootCause ? { rootCause: c.rootCause } : {},
          durationMs: c.durationMs,
          uptime24h: uptime(mine, dayAgo),
          uptime7d: uptime(mine, new Date(now.getTime() - 7 * DAY)),
          trend: bucketAverages(
            mine.map((r) => ({ at: r.hour, totalMs: r.totalMs, runs: r.runs - r.failures })),
            dayAgo,
            now,
            TREND_POINTS
          )
        };
      });
      const m = report.checks.find((c) => c.id === "migrations");
      const prevEnv = previous?.snapshot?.[env];
      return {
        env,
        report,
        components,
        changes: prevEnv ? diffSnapshot(prevEnv, report) : null,
        ...m ? { migrations: { status: m.status, summary: m.summary } } : {},
        backup: await backupLine(backups, env),
        incidents: await incidentsLine(incidents, env),
        ...logs?.components(env).length ? { logs: await logsLines(logs, env) } : {},
        openAlerts: open2.filter((a) => a.env === env),
        silences: silences.filter((s) => s.env === null || s.env === env),
        maintenance: relevantWindows(deps.maintenance, now, DAY, [env]).filter(
          (w) => !w.environments?.length || w.environments.includes(env)
        )
      };
    })
  );
  return {
    generatedAt: now,
    timeZone: deps.timeZone,
    ...req.schedule ? { schedule: req.schedule } : {},
    overall: worstOverall(reports),
    envs,
    previous: previous ? { schedule: previous.schedule, postedAt: previous.postedAt, channel: previous.channel } : null,
    alerts: since ? {
      opened: since.filter((a) => previous?.postedAt && a.openedAt > previous.postedAt).length,
      resolved: since.filter((a) => a.resolvedAt).length,
      downtimeMs: since.reduce((n, a) => n + (a.downtimeMs ?? 0), 0)
    } : null,
    notes,
    delivery: problems,
    ...req.late ? { late: req.late } : {}
  };
}
function worstOverall(reports) {
  const w = worst(...reports.map((r) => r.overall));
  return w === "skip" ? "ok" : w;
}
function diffSnapshot(prev, report) {
  return report.checks.filter((c) => (prev[c.id] ?? "skip") !== c.status).map((c) => ({ check: c.id, from: prev[c.id] ?? "skip", to: c.status }));
}
function snapshotOf(d) {
  return Object.fromEntries(
    d.envs.map((e) => [e.env, Object.fromEntries(e.report.checks.map((c) => [c.id, c.status]))])
  );
}
async function backupLine(svc, env) {
  if (!svc) return { state: "untracked" };
  try {
    const b = await withDeadline(svc.lastVerified(env), 5e3, "the backups service");
    const freshness = svc.freshness ? await withDeadline(svc.freshness(env), 5e3, "the backups service").catch(() => void 0) : void 0;
    return b ? {
      state: "ok",
      finishedAt: b.finishedAt,
      file: b.file,
      sizeBytes: b.sizeBytes,
      ...freshness ? { freshness } : {}
    } : { state: "none" };
  } catch (err) {
    return { state: "error", message: err.message };
  }
}
async function logsLines(svc, env) {
  return Promise.all(
    svc.components(env).map(async (component) => {
      try {
        const e = await withDeadline(svc.evidence({ env, component, windowMs: DAY }), 3e4, "the logs service");
        if (e.outcome === "unavailable") return { component, errors: 0, unavailable: e.reason ?? "not read" };
        const top = e.samples[0];
        return { component, errors: e.count, ...top ? { top: { count: top.count, text: top.text } } : {} };
      } catch (err) {
        return { component, errors: 0, unavailable: err.message };
      }
    })
  );
}
async function incidentsLine(svc, env) {
  if (!svc) return { state: "untracked" };
  try {
    return { state: "ok", items: await withDeadline(svc.open(env), 5e3, "the incidents service") };
  } catch (err) {
    return { state: "error", message: err.message };
  }
}

// src/digest/digest-job.ts
function digestTick(deps, schedule2) {
  const log = deps.log.child({ schedule: schedule2.name });
  return async (slot) => {
    if (!await deps.leader.claim()) {
      log.debug({ slot }, "not the leader; the leader posts this digest");
      return;
    }
    if (deps.leader.isDegraded()) {
      log.warn({ slot }, "the store is unreachable: this digest is skipped (the watch and its alerts go on)");
      return;
    }
    const store = deps.digest.store;
    const id = await claimDigest(store, {
      schedule: schedule2.name,
      slot,
      channel: schedule2.channel,
      replica: deps.leader.replica
    });
    if (!id) {
      log.info({ slot }, "this tick was already claimed by another replica");
      return;
    }
    const digest = await buildDigest(deps.digest, {
      envs: schedule2.environments,
      maxAgeMs: 0,
      schedule: { name: schedule2.name, slot }
    });
    for (const e of digest.envs)
      await recordReport(store, e.report, "digest").catch(
        (err) => log.warn({ err: { message: err.message } }, "cannot record check history")
      );
    const msg = renderDigest(digest, deps.titles);
    let out;
    try {
      out = await deps.outbox.post({ channel: schedule2.channel, text: msg.text, blocks: msg.blocks });
    } catch (err) {
      if (!await deps.keep?.(id, err)) throw err;
      log.warn(
        { slot, channel: schedule2.channel, err: { message: err.message } },
        "Slack did not take the digest; it is kept and posted (as of then) once the channel works"
      );
      return;
    }
    const { channel, ts } = out;
    await markDigestPosted(store, id, {
      channel,
      ts,
      overall: digest.overall,
      snapshot: snapshotOf(digest),
      at: deps.digest.now()
    });
    log.info({ slot, channel, ts, overall: digest.overall }, "digest posted");
    await deps.afterPost?.();
  };
}

// src/home/home.ts
import { createHash } from "node:crypto";

// src/home/render.ts
var who2 = (id) => /^[UW][A-Z0-9]+$/.test(id) ? `<@${id}>` : escapeMrkdwn(id);
function renderHome(d, titles) {
  const t = (id) => titles[id] ?? id;
  const blocks = [header("ctx| deployment status")];
  const envLines2 = d.envs.map((e) => {
    if (!e.report) return `\u26AA *${escapeMrkdwn(e.env)}*: no result yet${e.error ? ` (${escapeMrkdwn(e.error)})` : ""}`;
    const bad = e.report.checks.filter((c) => c.status === "fail" || c.status === "warn").map((c) => `${STATUS_EMOJI[c.status]} ${escapeMrkdwn(t(c.id))}: ${escapeMrkdwn(c.summary)}`);
    return [
      `${STATUS_EMOJI[e.report.overall]} *${escapeMrkdwn(headline(e.report, titles))}*  _checked ${dayTime(new Date(e.report.checkedAt), d.timeZone)}_`,
      ...bad.map((b) => `      ${b}`)
    ].join("\n");
  });
  blocks.push(...chunkLines(envLines2.length ? envLines2 : ["No environments are configured."]).map(md));
  if (d.selfCheck !== void 0) blocks.push(divider(), ...selfCheckBlocks(d.selfCheck, d.timeZone));
  blocks.push(divider(), md("*Open alerts*"));
  blocks.push(
    ...chunkLines(
      d.openAlerts.length ? d.openAlerts.map(
        (a) => `${a.severity === "fail" ? "\u{1F534}" : "\u26A0\uFE0F"} ${escapeMrkdwn(t(a.check))} on *${escapeMrkdwn(a.env)}* since ${dayTime(a.since, d.timeZone)}: ${escapeMrkdwn(a.summary)}${a.silencedBy ? ` _(silenced: ${escapeMrkdwn(a.silencedBy)})_` : a.channel ? ` in <#${a.channel}>` : ""}`
      ) : ["None."]
    ).map(md)
  );
  blocks.push(divider(), md("*Silences and maintenance*"));
  const quiet = [
    ...d.silences.map(
      (s) => `\u{1F515} #${s.id} ${s.check === "*" ? "every check" : escapeMrkdwn(t(s.check))} on ${s.env ? escapeMrkdwn(s.env) : "every environment"} until ${dayTime(s.endsAt, d.timeZone)} by ${who2(s.createdBy)}${s.reason ? `: ${escapeMrkdwn(s.reason)}` : ""}`
    ),
    ...d.maintenance.map(
      (w) => `\u{1F6E0} ${w.checks?.length ? w.checks.map((c) => escapeMrkdwn(t(c))).join(", ") : "every check"} on ${w.environments?.length ? escapeMrkdwn(w.environments.join(", ")) : "every environment"} ${dayTime(new Date(w.from), d.timeZone)} \u2013 ${dayTime(new Date(w.to), d.timeZone)}${w.reason ? `: ${escapeMrkdwn(w.reason)}` : ""}`
    )
  ];
  blocks.push(...chunkLines(quiet.length ? quiet : ["None."]).map(md));
  blocks.push(divider());
  const ld = d.lastDigest;
  blocks.push(
    md(
      ld?.postedAt ? `*Last digest:* ${dayTime(ld.postedAt, d.timeZone)} in <#${ld.channel}> (${escapeMrkdwn(ld.schedule)})${ld.overall ? ` \xB7 ${STATUS_EMOJI[ld.overall] ?? ""} ${escapeMrkdwn(ld.overall)}` : ""}` : "*Last digest:* none posted yet"
    )
  );
  blocks.push(
    context(
      `Status as of the last check shown above; this tab refreshes when something changes. \`/ctx status\` checks now \xB7 \`/ctx digest preview\` \xB7 \`/ctx silences\``,
      ...d.notes.map((n) => `_${escapeMrkdwn(n)}_`)
    )
  );
  return { type: "home", blocks: fitBlocks(blocks) };
}
var SELF_CHECK_LINES = 8;
function selfCheckBlocks(sc, timeZone) {
  if (!sc) return [md("*Self-check*\n\u26AA not run yet; `/ctx doctor` runs it now")];
  const when2 = dayTime(new Date(sc.checkedAt), timeZone);
  if (!sc.problems.length) return [md(`*Self-check*
\u2705 nothing to fix (${sc.checks} checks, ${when2})`)];
  const lines = sc.problems.slice(0, SELF_CHECK_LINES).map(
    (p) => `${STATUS_EMOJI[p.status]} *${escapeMrkdwn(p.title)}*: ${escapeKeepingMentions(p.seen)}${p.fix ? `
      \u21B3 ${escapeKeepingMentions(p.fix.split("\n")[0])}` : ""}`
  );
  const more = sc.problems.length > SELF_CHECK_LINES ? [`_${sc.problems.length - SELF_CHECK_LINES} more_`] : [];
  return [
    ...chunkLines([`*Self-check* (${when2})`, ...lines, ...more]).map(md),
    context("`/ctx doctor` shows every self-check and what to do")
  ];
}

// src/home/home.ts
var RECENT_VIEWER_MS = 7 * 864e5;
var MAX_REFRESHED_VIEWERS = 100;
function createHome(deps) {
  const log = deps.log.child({ part: "home" });
  const limit = pLimit(8);
  const statusOf = async (env, now) => {
    const floor = now.getTime() - deps.freshMs;
    const mem = deps.latest.get(env);
    if (mem && Date.parse(mem.checkedAt) >= floor) return { env, report: mem };
    if (deps.store && deps.freshMs > 0) {
      const rec = await latestRecorded(deps.store, env, new Date(floor)).catch(() => null);
      if (rec) return { env, report: rec };
    }
    try {
      const r = await deps.diagnostics.run(env);
      deps.latest.set(r);
      return { env, report: r };
    } catch (err) {
      return { env, report: mem ?? null, error: err.message };
    }
  };
  const gather = async () => {
    const now = deps.now();
    const notes = [];
    const store = deps.store;
    const soft = async (what2, fn, fallback) => {
      try {
        return await fn();
      } catch (err) {
        notes.push(`${what2}: ${err.message}`);
        return fallback;
      }
    };
    if (!store)
      notes.push("alerts, silences and digests need the ctx_ops store (CTX_OPS_DATABASE_URL or DATABASE_URL)");
    const [envs, digest, alerts, silences] = await Promise.all([
      Promise.all(deps.envs.map((e) => limit(() => statusOf(e, now)))),
      store ? soft("last digest unavailable", () => lastDigest(store), null) : null,
      store ? soft("open alerts unavailable", () => openAlerts(store), []) : [],
      store ? soft("silences unavailable", () => activeSilences(store, now), []) : []
    ]);
    const selfCheck = deps.selfCheck?.();
    return {
      generatedAt: now,
      timeZone: deps.timeZone,
      envs,
      lastDigest: digest,
      openAlerts: alerts,
      silences,
      maintenance: relevantWindows(deps.maintenance, now, 7 * 864e5),
      notes,
      ...selfCheck !== void 0 ? { selfCheck } : {}
    };
  };
  const contentHash = (d) => createHash("sha256").update(
    JSON.stringify([
      d.envs.map((e) => [
        e.env,
        e.report?.overall,
        e.report?.checks.map((c) => [c.id, c.status, c.status === "ok" ? "" : c.summary]),
        e.error
      ]),
      d.lastDigest?.id,
      d.openAlerts.map((a) => [a.id, a.severity, a.silencedBy, a.channel]),
      d.silences.map((s) => s.id),
      d.maintenance,
      d.notes,
      d.selfCheck ? [d.selfCheck.overall, d.selfCheck.problems.map((p) => [p.status, p.title])] : null
    ])
  ).digest("hex").slice(0, 32);
  const view = async () => {
    const data = await gather();
    return { view: renderHome(data, deps.titles), hash: contentHash(data) };
  };
  return {
    view,
    /** app_home_opened: remember the viewer and publish at once. */
    async opened(slack, userId) {
      const { view: v, hash } = await view();
      await slack.publishHome(userId, v);
      if (deps.store) {
        await deps.store.query(
          `INSERT INTO ctx_ops.home_viewers (user_id, opened_at, published_hash) VALUES ($1, $2, $3)
             ON CONFLICT (user_id) DO UPDATE SET opened_at = EXCLUDED.opened_at, published_hash = EXCLUDED.published_hash`,
          [userId, deps.now(), hash]
        ).catch((err) => log.warn({ err: { message: err.message } }, "could not remember the App Home viewer"));
      }
    },
    /** After a scheduled run: re-publish for recent viewers whose tab shows something else. Returns how many. */
    async refresh(slack) {
      if (!deps.store) return 0;
      const { rows } = await deps.store.query(
        `SELECT user_id, published_hash FROM ctx_ops.home_viewers WHERE opened_at > $1 ORDER BY opened_at DESC LIMIT ${MAX_REFRESHED_VIEWERS}`,
        [new Date(deps.now().getTime() - RECENT_VIEWER_MS)]
      );
      if (!rows.length) return 0;
      const { view: v, hash } = await view();
      let n = 0;
      for (const r of rows) {
        if (r.published_hash === hash) continue;
        try {
          await slack.publishHome(r.user_id, v);
          await deps.store.query(`UPDATE ctx_ops.home_viewers SET published_hash = $2 WHERE user_id = $1`, [
            r.user_id,
            hash
          ]);
          n++;
        } catch (err) {
          log.warn({ user: r.user_id, err: { message: err.message } }, "could not refresh the App Home tab");
        }
      }
      if (n) log.debug({ viewers: n }, "App Home refreshed");
      return n;
    }
  };
}

// src/runtime/leader.ts
import { hostname } from "node:os";
var pgModule = lazyRequire("pg");
var LEADER_LOCK_KEY = 0x6374786f707302n;
var STARTED_US = `(extract(epoch FROM backend_start) * 1000000)::bigint::text`;
function createLeaderLock(opts) {
  const key = (opts.key ?? LEADER_LOCK_KEY).toString();
  const replica = `${hostname()}:${process.pid}`;
  const log = opts.log.child({ part: "leader", replica });
  const graceMs = opts.recoveryGraceMs ?? 2 * opts.intervalMs;
  let client = null;
  let role = "follower";
  let session = null;
  let timer;
  let attempt2 = null;
  let stopped = false;
  let outageSeen = false;
  let reachableSince = null;
  let unreachableSaid = false;
  const become = (next) => {
    if (next === role) return;
    const was = role;
    role = next;
    if (next === "degraded") {
      log.warn(
        "lost the leader lock because the store is unreachable; still leading, degraded: the watch goes on with alert state in memory until the store is back"
      );
      return;
    }
    if (next === "leader") {
      if (was === "degraded") return log.info("the store is back and the leader lock is taken again: leading normally");
      log.info("this replica now runs the schedules and the watch (leader)");
      opts.onChange?.(true);
      return;
    }
    if (was === "degraded")
      log.warn("the store is back but another replica holds the leader lock: this replica steps down");
    else log.warn("this replica no longer leads the schedules and the watch");
    opts.onChange?.(false);
  };
  const unreachable = (message) => {
    if (unreachableSaid) return;
    unreachableSaid = true;
    if (role === "follower") {
      log.warn(
        { err: { message } },
        "cannot reach the store to elect a leader: this replica cannot lead (no watch, alerts or digests from it) until the store is back; only a replica that was already leading keeps going through an outage"
      );
    } else {
      log.warn({ err: { message } }, "cannot reach the store; will retry every interval");
    }
  };
  const reachable = () => {
    if (unreachableSaid) log.info("the store is reachable again");
    unreachableSaid = false;
  };
  const lost = (c, why) => {
    if (client !== c) return;
    client = null;
    void c.end().catch(() => {
    });
    if (stopped || role === "follower") return;
    log.warn({ err: { message: why } }, "lost the connection that holds the leader lock; taking it again");
    void claim();
  };
  const newClient = () => {
    const c = opts.connect();
    c.on("error", (err) => lost(c, err.message));
    return c;
  };
  const endStaleSession = async (c) => {
    if (!session) return false;
    const old = session;
    try {
      await c.query(`BEGIN`);
      await c.query(`SET LOCAL lock_timeout = '3s'`);
      const { rows } = await c.query(
        `SELECT CASE WHEN pg_terminate_backend(pid) THEN (SELECT true FROM pg_advisory_lock($3::bigint)) ELSE false END AS ok
           FROM pg_stat_activity WHERE pid = $1 AND ${STARTED_US} = $2`,
        [old.pid, old.startedUs, key]
      );
      await c.query(`COMMIT`);
      if (!rows[0]?.ok) return false;
      log.info(
        { pid: old.pid },
        "the server still kept our previous lock session after the outage; ended it and took the lock"
      );
      return true;
    } catch (err) {
      await c.query("ROLLBACK").catch(() => {
      });
      const code2 = err.code;
      if (code2 !== "42501" && code2 !== "55P03") throw err;
      log.warn({ err: { message: err.message } }, "could not end our previous lock session");
    }
    return false;
  };
  const tryOnce = async () => {
    if (stopped) return false;
    if (client) {
      const held = client;
      try {
        await held.query("SELECT 1");
        return true;
      } catch (err) {
        lost(held, err.message);
        return tryLock();
      }
    }
    return tryLock();
  };
  const tryLock = async () => {
    if (stopped) return false;
    const c = newClient();
    try {
      await c.connect();
      reachable();
      if (role === "follower" && outageSeen) {
        reachableSince ??= Date.now();
        if (Date.now() - reachableSince < graceMs) {
          await c.end().catch(() => {
          });
          return false;
        }
      }
      outageSeen = false;
      reachableSince = null;
      const { rows } = await c.query(
        `SELECT pg_try_advisory_lock($1::bigint) AS ok, pg_backend_pid() AS pid,
                (SELECT ${STARTED_US} FROM pg_stat_activity WHERE pid = pg_backend_pid()) AS started`,
        [key]
      );
      let ok = Boolean(rows[0]?.ok);
      if (!ok && role !== "follower") ok = await endStaleSession(c);
      if (ok && !stopped) {
        client = c;
        session = { pid: rows[0].pid, startedUs: rows[0].started };
        if (role === "leader") {
          log.info("took the leader lock again on a new session");
          opts.onChange?.(false);
          opts.onChange?.(true);
        }
        become("leader");
        return true;
      }
      await c.end().catch(() => {
      });
      session = null;
      become("follower");
      return false;
    } catch (err) {
      unreachable(err.message);
      await c.end().catch(() => {
      });
      if (role === "leader") become("degraded");
      if (role === "follower") {
        outageSeen = true;
        reachableSince = null;
      }
      return role !== "follower";
    }
  };
  function claim() {
    attempt2 ??= tryOnce().finally(() => attempt2 = null);
    return attempt2;
  }
  return {
    replica,
    isLeader: () => role !== "follower",
    isDegraded: () => role === "degraded",
    role: () => role,
    claim,
    async start() {
      stopped = false;
      await claim();
      timer = setInterval(() => void claim(), opts.intervalMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await attempt2?.catch(() => false);
      const c = client;
      client = null;
      if (c) {
        await c.query("SELECT pg_advisory_unlock($1::bigint)", [key]).catch(() => {
        });
        await c.end().catch(() => {
        });
      }
      if (role !== "follower") {
        role = "follower";
        log.info("stopped leading (shutting down); another replica takes over at its next try");
        opts.onChange?.(false);
      }
    }
  };
}
function leaderClientFactory(pool) {
  const o = pool.options;
  return () => new (pgModule()).Client({
    connectionString: o.connectionString,
    host: o.host,
    port: o.port,
    user: o.user,
    password: o.password,
    database: o.database,
    ssl: o.ssl,
    connectionTimeoutMillis: o.connectionTimeoutMillis ?? 5e3,
    query_timeout: 5e3,
    keepAlive: true,
    application_name: "ctx-ops-leader"
  });
}

// src/runtime/outbox.ts
import { setTimeout as sleep } from "node:timers/promises";
var RETRYABLE_ERRORS = /* @__PURE__ */ new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
  "rate_limited"
]);
function classifySlackError(err) {
  const e = err;
  if (e?.code === "slack_webapi_rate_limited_error")
    return { kind: "rate-limited", retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1e3 };
  if (e?.code === "slack_webapi_platform_error") {
    const code2 = e.data?.error ?? "";
    if (code2 === "ratelimited" || code2 === "rate_limited")
      return { kind: "rate-limited", retryAfterMs: Math.max(1, e.data?.response_metadata?.retryAfter ?? 1) * 1e3 };
    return RETRYABLE_ERRORS.has(code2) ? { kind: "retry" } : { kind: "final" };
  }
  if (e?.code === "slack_webapi_http_error")
    return (e.statusCode ?? 500) >= 500 ? { kind: "retry" } : { kind: "final" };
  return { kind: "retry" };
}
function backoffMs(attempt2, baseMs, maxMs, random = Math.random) {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt2 - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}
function createOutbox(opts) {
  const log = opts.log.child({ part: "outbox" });
  const minInterval = opts.minIntervalMs ?? 1e3;
  const maxAttempts = opts.maxAttempts ?? 6;
  const baseMs = opts.backoffBaseMs ?? 1e3;
  const maxMs = opts.backoffMaxMs ?? 3e4;
  const maxRateLimitWaits = opts.maxRateLimitWaits ?? 10;
  const lanes = /* @__PURE__ */ new Map();
  const stop = new AbortController();
  let slack;
  let attached = () => {
  };
  let whenAttached = new Promise((r) => attached = r);
  let closed = false;
  const lane = (channel) => {
    let l = lanes.get(channel);
    if (!l) lanes.set(channel, l = { queue: [], notBefore: 0, pumping: false });
    return l;
  };
  const giveUp = (item2, err, why) => {
    const level = deliveryFailure(err).kind === "refused" ? "warn" : "error";
    log[level](
      {
        channel: item2.msg.channel,
        kind: item2.kind,
        ts: item2.msg.ts,
        thread: item2.msg.thread_ts,
        attempts: item2.attempts,
        rateLimited: item2.rateLimited,
        err: { message: err.message }
      },
      `outbox gave up on a message (${why}): ${item2.msg.text.slice(0, 120)}`
    );
    for (const w of item2.waiters) w.reject(err);
  };
  const send = async (s, item2) => {
    const { channel, text: text2, blocks, thread_ts, ts } = item2.msg;
    if (item2.kind === "update") {
      await s.update({ channel, ts, text: text2, ...blocks ? { blocks } : {} });
      return { channel, ts };
    }
    return s.post({ channel, text: text2, ...blocks ? { blocks } : {}, ...thread_ts ? { thread_ts } : {} });
  };
  const pump = async (channel) => {
    const l = lane(channel);
    if (l.pumping) return;
    l.pumping = true;
    try {
      while (l.queue.length && !stop.signal.aborted) {
        if (slack === void 0) await Promise.race([whenAttached, aborted()]);
        if (stop.signal.aborted) break;
        const wait = l.notBefore - Date.now();
        if (wait > 0) await sleep(wait, void 0, { signal: stop.signal }).catch(() => {
        });
        if (stop.signal.aborted) break;
        const item2 = l.queue[0];
        if (!slack) {
          l.queue.shift();
          giveUp(item2, new Error("not connected to Slack (shell or CLI): nothing can be posted"), "no Slack");
          continue;
        }
        item2.inFlight = true;
        item2.attempts += 1;
        try {
          const out = await send(slack, item2);
          l.queue.shift();
          l.notBefore = Date.now() + minInterval;
          opts.observer?.delivered(channel);
          for (const w of item2.waiters) w.resolve(out);
        } catch (err) {
          item2.inFlight = false;
          const f = classifySlackError(err);
          if (f.kind === "rate-limited") {
            item2.attempts -= 1;
            item2.rateLimited += 1;
            if (item2.rateLimited > maxRateLimitWaits) {
              l.queue.shift();
              opts.observer?.failed(channel, err);
              giveUp(item2, err, `still rate limited after ${maxRateLimitWaits} waits`);
              continue;
            }
            l.notBefore = Date.now() + f.retryAfterMs;
            log.info(
              { channel, retryAfterMs: f.retryAfterMs },
              "Slack asked to slow down (429); waiting before the next write to this channel"
            );
          } else if (f.kind === "final" || item2.attempts >= maxAttempts) {
            l.queue.shift();
            l.notBefore = Date.now() + minInterval;
            opts.observer?.failed(channel, err);
            giveUp(item2, err, f.kind === "final" ? "Slack refused it" : `failed ${item2.attempts} times`);
            if (deliveryFailure(err).kind === "refused") {
              for (const rest of l.queue.splice(0)) giveUp(rest, err, "Slack refuses this channel");
            }
          } else {
            const delay = backoffMs(item2.attempts, baseMs, maxMs);
            l.notBefore = Date.now() + delay;
            log.warn(
              { channel, attempt: item2.attempts, retryInMs: delay, err: { message: err.message } },
              "Slack write failed; will retry"
            );
          }
        }
      }
    } finally {
      l.pumping = false;
    }
  };
  const aborted = () => new Promise((r) => stop.signal.addEventListener("abort", () => r(), { once: true }));
  const enqueue = (kind, msg) => new Promise((resolve4, reject) => {
    if (closed) return reject(new Error("the outbox is closed (shutting down)"));
    if (slack === null) return reject(new Error("not connected to Slack (shell or CLI): nothing can be posted"));
    const l = lane(msg.channel);
    if (kind === "update") {
      const same = l.queue.find((i) => i.kind === "update" && !i.inFlight && i.msg.ts === msg.ts);
      if (same) {
        same.msg = msg;
        same.waiters.push({ resolve: resolve4, reject });
        return;
      }
    }
    l.queue.push({
      kind,
      msg,
      waiters: [{ resolve: resolve4, reject }],
      attempts: 0,
      rateLimited: 0,
      inFlight: false,
      queuedAt: Date.now()
    });
    void pump(msg.channel);
  });
  return {
    post: (msg) => enqueue("post", { ...msg }),
    async update(msg) {
      await enqueue("update", { ...msg });
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
    async close(flushMs = 5e3) {
      closed = true;
      const deadline = Date.now() + flushMs;
      while (slack && [...lanes.values()].some((l) => l.queue.length) && Date.now() < deadline) await sleep(50);
      stop.abort();
      for (const l of lanes.values()) {
        for (const item2 of l.queue.splice(0))
          giveUp(item2, new Error("the outbox closed before this was sent"), "shutting down");
      }
    }
  };
}

// src/slack/bolt-logger.ts
function boltLogger(log, opts = {}) {
  let name = "bolt";
  const child = log.child({ part: "bolt" });
  const join5 = (msgs) => msgs.map((m) => typeof m === "string" ? m : m instanceof Error ? m.message : safeJson(m)).join(" ");
  const emit = (level, msgs) => {
    const text2 = join5(msgs);
    opts.observe?.(level, text2);
    child[opts.quiet ? "debug" : level]({ name }, text2);
  };
  return {
    debug: (...m) => emit("debug", m),
    info: (...m) => emit("info", m),
    warn: (...m) => emit("warn", m),
    error: (...m) => emit("error", m),
    setLevel: () => {
    },
    // Bolt's LogLevel values, without loading Bolt for one enum (the CLI never needs Bolt).
    getLevel: () => child.isLevelEnabled("debug") ? "debug" : "info",
    setName: (n) => {
      name = n;
    }
  };
}
function safeJson(v) {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

// src/slack/slack-api.ts
function createSlackApi(client, redactor) {
  const clean = (v) => redactor.scrubDeep(v);
  return {
    client,
    async post(args) {
      const res = await client.chat.postMessage(
        clean({ unfurl_links: false, unfurl_media: false, ...args })
      );
      return { channel: res.channel ?? args.channel, ts: res.ts ?? "" };
    },
    async update(args) {
      await client.chat.update(clean(args));
    },
    async postEphemeral(args) {
      await client.chat.postEphemeral(clean(args));
    },
    async publishHome(userId, view) {
      await client.views.publish(clean({ user_id: userId, view }));
    }
  };
}

// src/slack/observed-client.ts
var webApiModule = lazyRequire("@slack/web-api");
var RATE_LIMITED_CODE = "slack_webapi_rate_limited_error";
function methodOfUrl(url) {
  const last = url.split("?")[0].split("/").pop() ?? "";
  return /^[a-zA-Z]+(\.[a-zA-Z]+)+$/.test(last) ? last : "other";
}
function observedClass(api) {
  return class ObservedWebClient extends api.WebClient {
    observer;
    constructor(token, options, metrics) {
      super(token, options);
      this.observer = metrics;
      this.on(
        api.WebClientEvent.RATE_LIMITED,
        (_retrySec, info2) => this.observer?.slackRateLimited(methodOfUrl(info2?.url ?? ""))
      );
    }
    async apiCall(method, options) {
      try {
        const result = await super.apiCall(method, options);
        this.observer?.slackCall(method, "ok");
        return result;
      } catch (err) {
        this.observer?.slackCall(
          method,
          err?.code === RATE_LIMITED_CODE ? "rate_limited" : "error"
        );
        throw err;
      }
    }
  };
}
var observed;
function observedWebClient(token, options, metrics) {
  const api = webApiModule();
  if (!metrics) return new api.WebClient(token, options);
  observed ??= observedClass(api);
  return new observed(token, options, metrics);
}

// src/slack/paced.ts
var webApiModule2 = lazyRequire("@slack/web-api");
function pacedSlackApi(slack, redactor, log, metrics) {
  const base = slack.client;
  if (!base) return slack;
  const { WebClient: Client } = webApiModule2();
  if (!(base instanceof Client) || !base.token) return slack;
  const client = observedWebClient(
    base.token,
    {
      slackApiUrl: base.slackApiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: 3e4,
      logger: boltLogger(log.child({ part: "outbox-client" }))
    },
    metrics
  );
  return createSlackApi(client, redactor);
}

// src/store/retention.ts
var BATCH = 5e3;
var MAX_BATCHES = 200;
async function pruneOld(store, retentionDays, now) {
  const cutoff = new Date(now.getTime() - retentionDays * 864e5);
  const out = {};
  let history = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const r = await store.query(
      `DELETE FROM ctx_ops.check_history WHERE id IN (SELECT id FROM ctx_ops.check_history WHERE checked_at < $1 LIMIT ${BATCH})`,
      [cutoff]
    );
    history += r.rowCount ?? 0;
    if ((r.rowCount ?? 0) < BATCH) break;
  }
  out.check_history = history;
  const simple = [
    ["check_hourly", "DELETE FROM ctx_ops.check_hourly WHERE hour < $1"],
    ["alerts", "DELETE FROM ctx_ops.alerts WHERE resolved_at < $1"],
    ["silences", "DELETE FROM ctx_ops.silences WHERE ends_at < $1 OR lifted_at < $1"],
    [
      "digests",
      "DELETE FROM ctx_ops.digests WHERE claimed_at < $1 AND id IS DISTINCT FROM (SELECT max(id) FROM ctx_ops.digests WHERE posted_at IS NOT NULL)"
    ],
    ["home_viewers", "DELETE FROM ctx_ops.home_viewers WHERE opened_at < $1"]
  ];
  for (const [table, sql] of simple) out[table] = (await store.query(sql, [cutoff])).rowCount ?? 0;
  return out;
}

// src/config/schedules.ts
var DEFAULT_DIGEST = { name: "daily-digest", cron: "0 9 * * 1-5" };
var ROLES = ["digest", "alerts", "incidents"];
var RETRY_BASE_MS = 5e3;
function resolveChannel(ref, channels) {
  if (!ref) return void 0;
  return ROLES.includes(ref) ? channels[ref] : ref;
}
function resolveScheduleSettings(config) {
  const notes = [];
  const allEnvs = config.environments.map((e) => e.name);
  const digests = [];
  if (config.schedules === void 0) {
    if (config.channels.digest) {
      digests.push({
        ...DEFAULT_DIGEST,
        timezone: config.timezone,
        channel: config.channels.digest,
        environments: allEnvs
      });
    } else {
      notes.push("no digest channel is configured (channels.digest), so the default weekday digest is off");
    }
  } else {
    for (const s of config.schedules) {
      const channel = resolveChannel(s.channel ?? "digest", config.channels);
      if (!channel) {
        notes.push(
          `schedule "${s.name}" has no channel: set its channel or channels.${s.channel ?? "digest"}; it will not run`
        );
        continue;
      }
      digests.push({
        name: s.name,
        cron: s.cron,
        timezone: s.timezone ?? config.timezone,
        channel,
        environments: s.environments ?? allEnvs
      });
    }
  }
  const w = config.watch;
  const alertChannel = resolveChannel(w.channel ?? "alerts", config.channels);
  if (w.enabled && !alertChannel)
    notes.push(
      "no alerts channel is configured (channels.alerts): the watch records history and alert state but posts no alerts"
    );
  return {
    digests,
    notes,
    watch: {
      enabled: w.enabled,
      intervalMs: w.intervalSeconds * 1e3,
      concurrency: w.concurrency,
      rules: {
        failureThreshold: w.failureThreshold,
        successThreshold: w.successThreshold,
        remindEveryMinutes: w.remindEveryMinutes,
        alertOnWarn: w.alertOnWarn
      },
      channel: alertChannel
    },
    maintenance: config.maintenance,
    retentionDays: config.history.retentionDays,
    delivery: resolveDelivery(config.delivery, config.channels, alertChannel, notes)
  };
}
function resolveDelivery(d, channels, alertChannel, notes) {
  const retryMaxMs = (d?.retryMaxSeconds ?? 300) * 1e3;
  const fallback = [];
  for (const ref of d?.fallback ?? []) {
    const id = resolveChannel(ref, channels);
    if (!id) notes.push(`delivery.fallback names ${ref}, but channels.${ref} is not set; it is left out`);
    else if (id === alertChannel)
      notes.push(`delivery.fallback names the alerts channel itself (${id}); it is left out`);
    else if (!fallback.includes(id)) fallback.push(id);
  }
  return { fallback, replayMax: d?.replayMax ?? 10, retryBaseMs: Math.min(RETRY_BASE_MS, retryMaxMs), retryMaxMs };
}

// src/alerting/alert-memory.ts
var MAX_LOGGED = 1e4;
var keyOf = (env, check) => `${env}\0${check}`;
function createAlertMemory() {
  const states = /* @__PURE__ */ new Map();
  const dirty = /* @__PURE__ */ new Set();
  let logged = [];
  let dropped = 0;
  let seq = 0;
  const recordOf = (env, result, action, open2, at, silence) => ({
    id: open2?.id ?? "",
    env,
    check: result.id,
    severity: "severity" in action ? action.severity : open2?.severity ?? "fail",
    summary: result.summary.slice(0, 500),
    since: new Date(action.kind === "escalate" ? open2?.since ?? at.toISOString() : action.since),
    openedAt: open2 ? new Date(open2.openedAt) : at,
    resolvedAt: action.kind === "resolve" ? at : null,
    downtimeMs: action.kind === "resolve" ? action.downtimeMs : null,
    silencedBy: action.kind === "open" && action.silenced ? silence : open2 && !open2.posted ? silence : null,
    channel: null,
    ts: null,
    reminders: 0
  });
  return {
    /** After a committed store step: where the next step starts from. */
    remember(env, after) {
      for (const [check, state] of after) states.set(keyOf(env, check), state);
    },
    /** One environment's results through the rules, in memory (the store is unreachable). */
    apply(report, at, rules, silencedFor) {
      const env = report.environment;
      const planned = [];
      for (const result of report.checks) {
        const key = keyOf(env, result.id);
        const prev = states.get(key) ?? initialAlertState();
        const silence = silencedFor(result.id);
        const { state, actions: actions2 } = stepAlert(
          prev,
          { status: result.status, at, silenced: silence !== null, coveredBy: result.rootCause },
          rules
        );
        const dependents = dependentsOf(report, result.id);
        for (const action of actions2) {
          if (action.kind === "open" && state.open) state.open.id = `${MEMORY_ID_PREFIX}${++seq}`;
          const open2 = action.kind === "resolve" ? prev.open : state.open;
          const alert = recordOf(env, result, action, open2, at, silence);
          if (!alert.id) continue;
          logged.push({ env, check: result.id, action, at, summary: alert.summary, silence, alertId: alert.id });
          planned.push({ action, alert, result, dependents, storeUnreachable: true });
        }
        if (logged.length > MAX_LOGGED) {
          dropped += logged.length - MAX_LOGGED;
          logged = logged.slice(-MAX_LOGGED);
        }
        if (!sameJson(state, prev)) dirty.add(key);
        states.set(key, state);
      }
      return planned;
    },
    /** Something decided in memory has not been written to the store yet. */
    pending: () => dirty.size > 0 || logged.length > 0,
    /** What recovery writes for one environment: the actions in order and the states now. */
    pendingFor(env) {
      const prefix = keyOf(env, "");
      return {
        actions: logged.filter((a) => a.env === env),
        states: [...dirty].filter((k) => k.startsWith(prefix)).map((k) => [k.slice(prefix.length), states.get(k)])
      };
    },
    pendingEnvs() {
      return [.../* @__PURE__ */ new Set([...logged.map((a) => a.env), ...[...dirty].map((k) => k.split("\0")[0])])];
    },
    /** One environment is in the store now; memory ids become store ids. */
    written(env, ids) {
      logged = logged.filter((a) => a.env !== env);
      const prefix = keyOf(env, "");
      for (const k of [...dirty]) if (k.startsWith(prefix)) dirty.delete(k);
      for (const [k, s] of states) {
        if (!k.startsWith(prefix) || !s.open?.id) continue;
        const real = ids.get(s.open.id);
        if (real) states.set(k, { ...s, open: { ...s.open, id: real } });
      }
    },
    /** Alerts raised in memory that are still open: nobody else knows them. */
    openInMemory() {
      const out = [];
      for (const [k, s] of states) {
        if (!s.open?.id?.startsWith(MEMORY_ID_PREFIX)) continue;
        const [env, check] = k.split("\0");
        out.push({ env, check, id: s.open.id });
      }
      return out;
    },
    /** Actions dropped from a very long outage's log (said once at recovery). */
    dropped: () => dropped,
    /** Not leading any more: the next leader starts from the store. */
    clear() {
      states.clear();
      dirty.clear();
      logged = [];
      dropped = 0;
    }
  };
}

// src/alerting/alert-reconcile.ts
async function reconcileMemory(store, memory, locations) {
  const out = { envs: 0, raised: 0, resolved: 0, actions: 0 };
  for (const env of memory.pendingEnvs()) {
    const { actions: actions2, states } = memory.pendingFor(env);
    const ids = /* @__PURE__ */ new Map();
    const mapped = (id) => id && isMemoryId(id) ? ids.get(id) : id;
    await store.tx(async (c) => {
      const checks = [.../* @__PURE__ */ new Set([...states.map(([check]) => check), ...actions2.map((a) => a.check)])];
      await c.query(
        `INSERT INTO ctx_ops.alert_state (env, check_id, state) SELECT $1, unnest($2::text[]), $3::jsonb ON CONFLICT DO NOTHING`,
        [env, checks, JSON.stringify(initialAlertState())]
      );
      await c.query(
        `SELECT 1 FROM ctx_ops.alert_state WHERE env = $1 AND check_id = ANY($2::text[]) ORDER BY check_id FOR UPDATE`,
        [env, checks]
      );
      for (const a of actions2) {
        const at = a.at;
        const open2 = a.action.kind === "open" ? void 0 : mapped(a.alertId);
        const state = {
          ...initialAlertState(),
          open: {
            id: open2,
            severity: "fail",
            since: at.toISOString(),
            openedAt: at.toISOString(),
            remindedAt: at.toISOString(),
            posted: true
          }
        };
        if (a.action.kind !== "open" && a.action.kind !== "resolve" && !open2) continue;
        await recordAction(c, env, { id: a.check, summary: a.summary }, a.action, state, at, a.silence);
        if (a.action.kind === "open" && state.open?.id) {
          ids.set(a.alertId, state.open.id);
          out.raised++;
        }
        if (a.action.kind === "resolve" && isMemoryId(a.alertId)) out.resolved++;
        out.actions++;
      }
      const rows = states.map(([check, s]) => {
        const id = mapped(s.open?.id);
        const state = s.open ? { ...s, open: { ...s.open, ...id ? { id } : { id: void 0 } } } : s;
        return [check, JSON.stringify(state)];
      });
      if (rows.length) {
        await c.query(
          `UPDATE ctx_ops.alert_state AS s SET state = t.state, updated_at = now()
           FROM unnest($2::text[], $3::jsonb[]) AS t(check_id, state) WHERE s.env = $1 AND s.check_id = t.check_id`,
          [env, rows.map(([check]) => check), rows.map(([, s]) => s)]
        );
      }
    });
    memory.written(env, ids);
    for (const [memId, realId] of ids) locations.alias(memId, realId);
    out.envs++;
  }
  await locations.flush(store);
  return out;
}

// src/alerting/store-outage.ts
function createOutageLog(log, now) {
  let since = null;
  let skipped = 0;
  let reconcileSaid = false;
  return {
    active: () => since !== null,
    begin(reason) {
      if (since) return;
      since = now();
      log.warn(
        { err: { message: reason } },
        "the store is unreachable: the watch goes on and alerts are still posted, with their state in memory; check history is not recorded and App Home and digests are stale until it is back"
      );
    },
    /** Check results that could not be written to the history. */
    skip(results) {
      skipped += results;
    },
    reconcileFailed(err) {
      if (reconcileSaid) return;
      reconcileSaid = true;
      log.warn(
        { err: { message: err.message } },
        "cannot write the alert state kept in memory to the store yet; will retry every cycle"
      );
    },
    ended(outcome, droppedActions) {
      const lastedMs = since ? now().getTime() - since.getTime() : 0;
      log.info(
        { lastedMs, skippedHistory: skipped, ...outcome, ...droppedActions ? { droppedActions } : {} },
        `the store is back after ${formatDuration(lastedMs)}: alert state kept in memory is written to it; ${skipped} check results were not recorded in the history during the outage`
      );
      since = null;
      skipped = 0;
      reconcileSaid = false;
    },
    reset() {
      since = null;
      skipped = 0;
      reconcileSaid = false;
    }
  };
}

// src/alerting/watch.ts
var MAX_LISTED = 20;
var MAX_BATCH = 100;
function createWatch(deps) {
  const log = deps.log.child({ part: "watch" });
  const memory = createAlertMemory();
  const locations = deps.alerter.locations;
  const outage = createOutageLog(log, deps.now);
  const storeMs = deps.storeTimeoutMs ?? Math.min(1e4, Math.max(2e3, deps.intervalMs));
  let silences = [];
  let silencesSaid = false;
  let timer;
  let current = null;
  let stopped = true;
  let leading = false;
  const currentSilences = async (at, useStore) => {
    if (!useStore) return silences;
    try {
      silences = await within(activeSilences(deps.store, at), storeMs, "silences");
      silencesSaid = false;
    } catch (err) {
      if (!silencesSaid)
        log.warn(
          { err: { message: err.message }, known: silences.length },
          "cannot read silences; the ones known at the last read stay in force"
        );
      silencesSaid = true;
    }
    return silences;
  };
  const reconcile = async () => {
    try {
      const outcome = await within(
        reconcileMemory(deps.store, memory, locations),
        storeMs * 3,
        "writing the alert state kept in memory"
      );
      if (outage.active()) outage.ended(outcome, memory.dropped());
      return true;
    } catch (err) {
      outage.reconcileFailed(err);
      return false;
    }
  };
  const runCycle = async () => {
    const started = performance.now();
    const at = deps.now();
    const degraded = deps.isDegraded?.() ?? false;
    if (degraded) outage.begin("the leader lock was lost with the store");
    if (!degraded && (memory.pending() || outage.active())) await reconcile();
    const useStore = !degraded && !memory.pending() && !outage.active();
    if (useStore) await within(locations.flush(deps.store), storeMs, "alert locations").catch(() => {
    });
    const cycleSilences = await currentSilences(at, useStore);
    const limit = pLimit(deps.concurrency);
    const failed = [];
    const bad = [];
    const problems = [];
    let checks = 0;
    let inMemory = !useStore;
    const planned = deps.envs.map(() => []);
    let queue = [];
    let writing = null;
    const decideInMemory = (batch, step2, err) => {
      for (const f of batch) {
        if (err) {
          problems.push({ env: f.env, step: step2, message: err.message });
          outage.begin(err.message);
          inMemory = true;
        }
        planned[f.index] = memory.apply(f.report, f.at, deps.rules, f.silencedFor);
      }
    };
    const write = async (batch) => {
      if (!useStore || outage.active()) {
        for (const f of batch) outage.skip(f.report.checks.length);
        return decideInMemory(batch);
      }
      try {
        await within(
          recordReports(
            deps.store,
            batch.map((f) => f.report),
            "watch"
          ),
          storeMs,
          "history"
        );
      } catch (err) {
        for (const f of batch) outage.skip(f.report.checks.length);
        return decideInMemory(batch, "history", err);
      }
      let applied;
      try {
        applied = await within(applyResultsBatch(deps.store, batch, deps.rules), storeMs, "alert state");
      } catch (err) {
        return decideInMemory(batch, "alert state", err);
      }
      batch.forEach((f, i) => {
        memory.remember(f.env, applied[i].states);
        planned[f.index] = applied[i].planned;
      });
    };
    const writeNext = () => {
      if (writing || !queue.length) return;
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      writing = write(batch).catch((err) => {
        for (const f of batch) {
          failed.push(f.env);
          problems.push({ env: f.env, step: "alert state", message: err.message });
        }
      }).finally(() => {
        writing = null;
        writeNext();
      });
    };
    await Promise.all(
      deps.envs.map(
        (env, index) => limit(async () => {
          try {
            const report = await deps.diagnostics.run(env, { maxAgeMs: 0 });
            checks += report.checks.length;
            for (const c of report.checks) if (c.status === "fail" || c.status === "warn") bad.push(`${env}/${c.id}`);
            deps.onReport?.(report);
            const at2 = new Date(report.checkedAt);
            const silencedFor = (check) => silencedBy(env, check, at2, cycleSilences, deps.maintenance);
            queue.push({ index, env, report, at: at2, silencedFor });
            writeNext();
          } catch (err) {
            failed.push(env);
            problems.push({ env, step: "checks", message: err.message });
          }
        })
      )
    );
    while (writing) await writing;
    if (problems.length)
      log.warn(
        { count: problems.length, first: problems.slice(0, 3) },
        "watch cycle: some environments could not be recorded or alerted on"
      );
    const all = planned.flat();
    for (const p of all) deps.alerter.enqueue(p);
    if (useStore && !inMemory) {
      await within(openAlerts(deps.store, deps.envs), storeMs, "open alerts").then((open2) => locations.seed(open2)).catch(() => {
      });
    }
    const summary = {
      envs: deps.envs.length,
      checks,
      alerts: all.length,
      durationMs: Math.round(performance.now() - started),
      failed,
      storeUnreachable: inMemory
    };
    log.debug(
      {
        ...summary,
        bad: bad.slice(0, MAX_LISTED),
        ...bad.length > MAX_LISTED ? { moreBad: bad.length - MAX_LISTED } : {}
      },
      "watch cycle done"
    );
    if (summary.durationMs > deps.intervalMs)
      log.warn(
        { durationMs: summary.durationMs, intervalMs: deps.intervalMs },
        "a watch cycle took longer than watch.intervalSeconds; raise watch.concurrency or the interval"
      );
    return summary;
  };
  const stepDown = () => {
    const orphans = memory.openInMemory();
    if (memory.pending() || orphans.length) {
      log.warn(
        { alertsRaisedInMemory: orphans.length },
        "stepped down with alert state the store never got (raised during a store outage); a note goes into each open alert's thread"
      );
    }
    for (const o of orphans) deps.alerter.handOver(o);
    locations.forgetMemory(new Set(orphans.map((o) => o.id)));
    memory.clear();
    outage.reset();
  };
  const loop = async () => {
    if (stopped) return;
    const started = Date.now();
    const isLeader = deps.isLeader();
    if (leading && !isLeader) stepDown();
    leading = isLeader;
    if (isLeader) {
      const cycle = runCycle().then(async (s) => {
        await deps.afterCycle?.(s);
      });
      current = cycle;
      await cycle.catch((err) => log.error({ err }, "watch cycle failed"));
      current = null;
    }
    if (stopped) return;
    timer = setTimeout(() => void loop(), Math.max(0, deps.intervalMs - (Date.now() - started)));
    timer.unref();
  };
  return {
    runCycle,
    start() {
      if (!stopped) return;
      stopped = false;
      void loop();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current?.catch(() => {
      });
    },
    /** Resolves once every alert action queued so far has been said (tests, shutdown). */
    settled: () => deps.alerter.idle()
  };
}

// src/app/schedules.ts
var PRUNE_EVERY_MS = 36e5;
var schedulesFeature = (core) => createSchedulesFeature()(core);
function createSchedulesFeature(timings = {}) {
  return (core) => buildSchedulesFeature(core, timings);
}
function buildSchedulesFeature(core, timings) {
  const log = core.log.child({ feature: "schedules" });
  const resolved = resolveScheduleSettings(core.config);
  const settings = timings.retryBaseMs === void 0 ? resolved : {
    ...resolved,
    delivery: { ...resolved.delivery, retryBaseMs: Math.min(timings.retryBaseMs, resolved.delivery.retryMaxMs) }
  };
  const store = core.store;
  const titles = core.diagnostics.titles;
  const envs = core.config.environments.map((e) => e.name);
  const timeZone = core.config.timezone;
  const latest = createLatestReports();
  core.onReport((r) => latest.set(r));
  const slackNames = {
    bot: "ctx-ops",
    botUserId: void 0,
    channels: /* @__PURE__ */ new Map()
  };
  const roles = targetRoles(core.config, settings);
  let delivery = null;
  const state = createDeliveryState({
    log,
    now: core.now,
    retryBaseMs: settings.delivery.retryBaseMs,
    retryMaxMs: settings.delivery.retryMaxMs,
    roleOf: (channel) => roles.get(channel) ?? { purpose: "messages", configKey: "the channel setting" },
    nameOf: (channel) => slackNames.channels.get(channel),
    botName: () => slackNames.bot,
    waiting: (channel) => (delivery?.waiting(channel) ?? 0) + outbox.pendingFor(channel),
    store,
    replica: `${hostname2()}:${process.pid}`
  });
  const outbox = createOutbox({
    log,
    ...timings.outboxIntervalMs !== void 0 ? { minIntervalMs: timings.outboxIntervalMs } : {},
    observer: {
      delivered: (channel) => state.ok(channel),
      failed(channel, err) {
        const f = deliveryFailure(err);
        if (isKept(f)) state.failed(channel, f);
      }
    }
  });
  core.services.register("outbox", outbox);
  core.metrics.gauge("outboxPending", () => outbox.pending());
  core.metrics.gauge("outboxOldestAgeSeconds", () => outbox.oldestAgeMs() / 1e3);
  core.metrics.gauge("leaderRole", () => leader?.role() ?? "none");
  const health = { problems: () => state.problems(), refresh: () => state.refresh() };
  core.services.register("delivery", health);
  const digestDeps = {
    diagnostics: core.diagnostics,
    store,
    services: core.services,
    maintenance: settings.maintenance,
    timeZone,
    concurrency: settings.watch.concurrency,
    log,
    now: core.now
  };
  const home = createHome({
    store,
    diagnostics: core.diagnostics,
    envs,
    latest,
    freshMs: settings.watch.enabled ? 3 * settings.watch.intervalMs : 0,
    maintenance: settings.maintenance,
    timeZone,
    titles,
    log,
    now: core.now,
    selfCheck: () => core.services.get("selfCheck")?.latest()
  });
  const silenceDeps = {
    config: core.config,
    store,
    checkIds: core.diagnostics.checks.map((c) => c.id),
    titles,
    maintenance: settings.maintenance,
    now: core.now
  };
  let slack = null;
  let leader = null;
  let watch = null;
  let cron = null;
  let lastPrune = 0;
  const refreshHome = async () => {
    if (!slack) return;
    await home.refresh(slack).catch((err) => log.warn({ err: { message: err.message } }, "App Home refresh failed"));
  };
  const maybePrune = async () => {
    if (!store || Date.now() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = Date.now();
    const deleted = await pruneOld(store, settings.retentionDays, core.now()).catch((err) => {
      log.warn({ err: { message: err.message } }, "history retention failed; will retry in an hour");
      return null;
    });
    if (deleted && Object.values(deleted).some(Boolean))
      log.info({ deleted, retentionDays: settings.retentionDays }, "old history deleted");
  };
  return {
    name: "schedules",
    handlers: [
      createDigestHandler({
        config: core.config,
        titles,
        build: (list) => buildDigest(digestDeps, { envs: list }),
        recordPosted: store ? (digest, where3, by) => recordManualDigest(store, {
          channel: where3.channel,
          ts: where3.ts,
          overall: digest.overall,
          snapshot: snapshotOf(digest),
          at: core.now(),
          by
        }).catch((err) => log.warn({ err: { message: err.message } }, "could not record the digest")) : void 0
      }),
      createSilenceHandler(silenceDeps),
      createSilencesHandler(silenceDeps),
      createUnsilenceHandler(silenceDeps)
    ],
    events: {
      async app_home_opened(req) {
        const user = typeof req.event.user === "string" ? req.event.user : "";
        if (req.event.tab !== "home" || !user) return;
        if (!slack) return log.warn("App Home opened before the schedules feature started; ignored");
        await home.opened(slack, user);
      },
      // Someone fixed a channel the bot could not post to: try what is owed at once.
      async member_joined_channel(req) {
        const channel = typeof req.event.channel === "string" ? req.event.channel : "";
        if (!channel || slackNames.botUserId && req.event.user !== slackNames.botUserId) return;
        log.info({ channel }, "invited to a channel; posting what is owed there now");
        delivery?.retryNow(channel);
      },
      async channel_unarchive(req) {
        if (typeof req.event.channel === "string") delivery?.retryNow(req.event.channel);
      },
      async group_unarchive(req) {
        if (typeof req.event.channel === "string") delivery?.retryNow(req.event.channel);
      }
    },
    async start(rt) {
      slack = rt.slack;
      outbox.attach(rt.slack ? pacedSlackApi(rt.slack, core.redactor, log, core.metrics) : null);
      if (!rt.slack) return;
      for (const note of settings.notes) log.warn(note);
      await learnSlackNames(rt.slack, slackNames, [...roles.keys()], log);
      if (!store) {
        log.warn(
          "scheduled digests, the watch, alerts, history and silences need the ctx_ops store (CTX_OPS_DATABASE_URL or DATABASE_URL); they are off"
        );
        return;
      }
      if (!settings.digests.length && !settings.watch.enabled) return;
      leader = createLeaderLock({
        connect: leaderClientFactory(store.pool),
        intervalMs: settings.watch.intervalMs,
        log
      });
      await leader.start();
      const lead = leader;
      const afterRun = async () => {
        await maybePrune();
        await refreshHome();
      };
      const locations = createAlertLocations();
      const freshMs = 3 * settings.watch.intervalMs;
      const owedDelivery = createDelivery({
        store,
        outbox,
        state,
        alertsChannel: settings.watch.channel,
        fallback: settings.delivery.fallback,
        replayMax: settings.delivery.replayMax,
        titles,
        timeZone,
        failureThreshold: settings.watch.rules.failureThreshold,
        canDeliver: () => lead.isLeader() && !lead.isDegraded(),
        claimant: `${lead.replica}:${randomUUID().slice(0, 8)}`,
        current(env, check) {
          const r = latest.get(env);
          if (!r || core.now().getTime() - Date.parse(r.checkedAt) > freshMs) return null;
          const result = r.checks.find((c) => c.id === check);
          return result ? { result, dependents: dependentsOf(r, check) } : null;
        },
        async digest(owed) {
          const schedule2 = settings.digests.find((d2) => d2.name === owed.schedule);
          const d = await buildDigest(
            { ...digestDeps, store },
            {
              envs: schedule2?.environments ?? envs,
              maxAgeMs: 0,
              schedule: { name: owed.schedule, slot: owed.slot },
              channel: owed.channel,
              late: { dueAt: owed.slot, error: owed.pendingError ?? "refused" }
            }
          );
          return { msg: renderDigest(d, titles), overall: d.overall, snapshot: snapshotOf(d) };
        },
        locations,
        pollMs: settings.delivery.retryBaseMs,
        log,
        now: core.now
      });
      delivery = owedDelivery;
      const alerter = createAlerter({
        store,
        outbox,
        channel: settings.watch.channel,
        titles,
        timeZone,
        failureThreshold: settings.watch.rules.failureThreshold,
        replica: lead.replica,
        locations,
        delivery: owedDelivery,
        log,
        now: core.now
      });
      if (settings.watch.enabled) {
        watch = createWatch({
          diagnostics: core.diagnostics,
          store,
          envs,
          rules: settings.watch.rules,
          intervalMs: settings.watch.intervalMs,
          concurrency: settings.watch.concurrency,
          maintenance: settings.maintenance,
          alerter,
          isLeader: () => lead.isLeader(),
          isDegraded: () => lead.isDegraded(),
          log,
          now: core.now,
          onReport: (r) => latest.set(r),
          // Retention and App Home read and write the store: not while it is unreachable.
          afterCycle: (s) => {
            owedDelivery.kick();
            return s.storeUnreachable ? void 0 : afterRun();
          }
        });
        watch.start();
      }
      const jobDeps = {
        digest: { ...digestDeps, store },
        leader: lead,
        outbox,
        titles,
        log,
        afterPost: afterRun,
        async keep(id, err) {
          const f = deliveryFailure(err);
          if (!isKept(f)) return false;
          await markDigestPending(store, id, f.code, core.now());
          owedDelivery.kick();
          return true;
        }
      };
      cron = startCron(
        settings.digests.map((s) => ({
          name: s.name,
          cron: s.cron,
          timezone: s.timezone,
          run: digestTick(jobDeps, s)
        })),
        log
      );
      owedDelivery.start();
    },
    async stop() {
      await cron?.stop();
      await watch?.stop();
      delivery?.stop();
      await outbox.close(3e3);
      await Promise.all([cron?.idle(), watch?.settled(), delivery?.idle()]);
      delivery = null;
      await leader?.stop();
      cron = null;
      watch = null;
      leader = null;
    }
  };
}

// src/operations/feature.ts
import { randomBytes as randomBytes4 } from "node:crypto";
import { hostname as hostname3 } from "node:os";
import { dirname, resolve as resolve2 } from "node:path";

// src/operations/approvals/approval-store.ts
import { createHash as createHash2, randomBytes } from "node:crypto";

// src/operations/approvals/approval-states.ts
var TABLE = {
  requested: { confirm: "confirmed", cancel: "cancelled", expire: "expired" },
  confirmed: { start: "running", fail: "failed", interrupt: "interrupted" },
  running: { succeed: "succeeded", fail: "failed", interrupt: "interrupted" },
  succeeded: {},
  failed: {},
  interrupted: {},
  cancelled: {},
  expired: {}
};
function nextState(from, event) {
  return TABLE[from][event] ?? null;
}
function alreadyUsedText(state, who5) {
  const by = who5 ? ` by ${who5}` : "";
  switch (state) {
    case "confirmed":
    case "running":
      return `it was already confirmed${by} and is running`;
    case "succeeded":
      return `it was already confirmed${by} and has run (succeeded)`;
    case "failed":
      return `it was already confirmed${by} and has run (failed)`;
    case "interrupted":
      return `it was already confirmed${by}; its run was interrupted`;
    case "cancelled":
      return `it was cancelled${by}`;
    case "expired":
      return "it has expired";
    case "requested":
      return "it is still waiting for a confirmation";
  }
}

// src/operations/approvals/approval-store.ts
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().filter((k) => value[k] !== void 0).map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
function paramsHash(kind, env, params) {
  return createHash2("sha256").update(canonicalJson({ kind, env, params })).digest("hex");
}
var newApprovalId = () => `ap_${randomBytes(9).toString("base64url")}`;
var COLUMNS = {
  id: "id",
  kind: "kind",
  env: "env",
  params: "params",
  params_hash: "paramsHash",
  preview: "preview",
  state: "state",
  requester_id: "requesterId",
  requester_name: "requesterName",
  confirmer_id: "confirmerId",
  confirmer_name: "confirmerName",
  two_person: "twoPerson",
  surface: "surface",
  channel_id: "channelId",
  message_channel: "messageChannel",
  message_ts: "messageTs",
  thread_ts: "threadTs",
  run_id: "runId",
  summary: "summary",
  created_at: "createdAt",
  expires_at: "expiresAt",
  decided_at: "decidedAt",
  finished_at: "finishedAt"
};
function fromRow(r) {
  const out = {};
  for (const [col, key] of Object.entries(COLUMNS)) out[key] = r[col] ?? null;
  return out;
}
var SETTABLE = {
  confirmerId: "confirmer_id",
  confirmerName: "confirmer_name",
  decidedAt: "decided_at",
  runId: "run_id",
  summary: "summary",
  finishedAt: "finished_at"
};
function createApprovalStore(store) {
  return {
    async create(a) {
      const id = newApprovalId();
      const { rows } = await store.query(
        `INSERT INTO ctx_ops.approvals (id, kind, env, params, params_hash, preview, state, requester_id, requester_name, two_person, surface, channel_id, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'requested', $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
        [
          id,
          a.kind,
          a.env,
          JSON.stringify(a.params),
          paramsHash(a.kind, a.env, a.params),
          JSON.stringify(a.preview),
          a.requesterId,
          a.requesterName,
          a.twoPerson,
          a.surface,
          a.channelId,
          a.createdAt,
          a.expiresAt
        ]
      );
      return fromRow(rows[0]);
    },
    async get(id) {
      if (!/^ap_[A-Za-z0-9_-]{6,40}$/.test(id)) return null;
      const { rows } = await store.query("SELECT * FROM ctx_ops.approvals WHERE id = $1", [id]);
      return rows[0] ? fromRow(rows[0]) : null;
    },
    /** Where the confirmation was posted: progress goes into its thread. */
    async setMessage(id, ref) {
      await store.query(
        "UPDATE ctx_ops.approvals SET message_channel = $2, message_ts = $3, thread_ts = $4 WHERE id = $1",
        [id, ref.channel, ref.ts || null, ref.threadTs ?? null]
      );
    },
    /**
     * The one conditional UPDATE every state change goes through. Null when the row was
     * not in `from` any more (someone else moved it first), or, with `unexpiredAt`, had expired.
     */
    async transition(id, from, event, set = {}, opts = {}) {
      const to = nextState(from, event);
      if (!to) throw new Error(`approval transition ${from} --${event}--> is not allowed`);
      const params = [id, from, to];
      const assignments = ["state = $3"];
      for (const [key, col] of Object.entries(SETTABLE)) {
        if (set[key] === void 0) continue;
        params.push(set[key]);
        assignments.push(`${col} = $${params.length}`);
      }
      let where3 = "id = $1 AND state = $2";
      if (opts.unexpiredAt) {
        params.push(opts.unexpiredAt);
        where3 += ` AND expires_at > $${params.length}`;
      }
      const { rows } = await (opts.db ?? store).query(
        `UPDATE ctx_ops.approvals SET ${assignments.join(", ")} WHERE ${where3} RETURNING *`,
        params
      );
      return rows[0] ? fromRow(rows[0]) : null;
    },
    /** Requests nobody answered in time. */
    async dueForExpiry(now) {
      const { rows } = await store.query(
        `SELECT * FROM ctx_ops.approvals WHERE state = 'requested' AND expires_at <= $1 ORDER BY created_at LIMIT 100`,
        [now]
      );
      return rows.map(fromRow);
    },
    /** Confirmed but never started: the bot died between the click and the start. */
    async staleConfirmed(before) {
      const { rows } = await store.query(
        `SELECT * FROM ctx_ops.approvals WHERE state = 'confirmed' AND decided_at < $1 ORDER BY decided_at LIMIT 100`,
        [before]
      );
      return rows.map(fromRow);
    },
    async byRun(runId) {
      const { rows } = await store.query("SELECT * FROM ctx_ops.approvals WHERE run_id = $1", [runId]);
      return rows[0] ? fromRow(rows[0]) : null;
    }
  };
}

// src/operations/audit/audit.ts
function createAuditLog(store, redactor, now) {
  const text2 = (s, max = 2e3) => s === void 0 ? null : redactor.scrub(s).slice(0, max);
  return {
    async append(e) {
      await store.query(
        `INSERT INTO ctx_ops.audit_log (at, event, env, kind, approval_id, run_id, actor_id, actor_name, reason, detail, params_hash, exit_status, duration_ms, checksum)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          now(),
          e.event,
          e.env ?? null,
          e.kind ?? null,
          e.approvalId ?? null,
          e.runId ?? null,
          text2(e.actorId, 100),
          text2(e.actorName, 100),
          text2(e.reason, 100),
          text2(e.detail),
          e.paramsHash ?? null,
          e.exitStatus ?? null,
          e.durationMs === void 0 ? null : Math.round(e.durationMs),
          e.checksum ?? null
        ]
      );
    },
    async recent(n) {
      const { rows } = await store.query(`SELECT * FROM ctx_ops.audit_log ORDER BY at DESC, id DESC LIMIT $1`, [n]);
      return rows.map((r) => ({
        id: Number(r.id),
        at: r.at,
        event: r.event,
        env: r.env ?? void 0,
        kind: r.kind ?? void 0,
        approvalId: r.approval_id ?? void 0,
        runId: r.run_id ?? void 0,
        actorId: r.actor_id ?? void 0,
        actorName: r.actor_name ?? void 0,
        reason: r.reason ?? void 0,
        detail: r.detail ?? void 0,
        paramsHash: r.params_hash ?? void 0,
        exitStatus: r.exit_status ?? void 0,
        durationMs: r.duration_ms ?? void 0,
        checksum: r.checksum ?? void 0
      }));
    }
  };
}

// src/operations/backup/backup-store.ts
function fromRow2(r) {
  return {
    id: r.id,
    env: r.env,
    runId: r.run_id ?? null,
    fileName: r.file_name,
    path: r.path,
    state: r.state,
    sizeBytes: r.size_bytes === null || r.size_bytes === void 0 ? null : Number(r.size_bytes),
    sha256: r.sha256 ?? null,
    database: r.database ?? null,
    serverVersion: r.server_version ?? null,
    pgDumpVersion: r.pg_dump_version ?? null,
    verification: r.verification ?? null,
    startedAt: r.started_at,
    finishedAt: r.finished_at ?? null,
    removedAt: r.removed_at ?? null,
    restoreTestedAt: r.restore_tested_at ?? null,
    restoreTestOk: r.restore_test_ok ?? null,
    restoreTestSummary: r.restore_test_summary ?? null
  };
}
function createBackupStore(store) {
  return {
    async start(b) {
      const { rows } = await store.query(
        `INSERT INTO ctx_ops.backups (env, run_id, file_name, path, state, started_at, database, server_version, pg_dump_version)
         VALUES ($1, $2, $3, $4, 'running', $5, $6, $7, $8) RETURNING id`,
        [b.env, b.runId, b.fileName, b.path, b.startedAt, b.database, b.serverVersion, b.pgDumpVersion]
      );
      return rows[0].id;
    },
    async finish(id, f) {
      await store.query(
        `UPDATE ctx_ops.backups SET state = $2, finished_at = $3, size_bytes = $4, sha256 = $5, verification = $6 WHERE id = $1 AND state = 'running'`,
        [id, f.state, f.finishedAt, f.sizeBytes ?? null, f.sha256 ?? null, f.verification]
      );
    },
    async interruptRun(runId, finishedAt, why) {
      await store.query(
        `UPDATE ctx_ops.backups SET state = 'interrupted', finished_at = $2, verification = $3 WHERE run_id = $1 AND state = 'running'`,
        [runId, finishedAt, why]
      );
    },
    async list(env, limit) {
      const { rows } = await store.query(
        `SELECT * FROM ctx_ops.backups WHERE ($1::text IS NULL OR env = $1) ORDER BY started_at DESC, id DESC LIMIT $2`,
        [env ?? null, limit]
      );
      return rows.map(fromRow2);
    },
    async lastVerified(env) {
      const { rows } = await store.query(
        `SELECT * FROM ctx_ops.backups WHERE env = $1 AND state = 'verified' ORDER BY finished_at DESC, id DESC LIMIT 1`,
        [env]
      );
      return rows[0] ? fromRow2(rows[0]) : null;
    },
    async verified(env) {
      const { rows } = await store.query(
        `SELECT * FROM ctx_ops.backups WHERE env = $1 AND state = 'verified' ORDER BY finished_at DESC`,
        [env]
      );
      return rows.map(fromRow2);
    },
    async get(id) {
      const { rows } = await store.query("SELECT * FROM ctx_ops.backups WHERE id = $1", [id]);
      return rows[0] ? fromRow2(rows[0]) : null;
    },
    async markRemoved(id, at) {
      const { rowCount } = await store.query(
        `UPDATE ctx_ops.backups SET state = 'removed', removed_at = $2 WHERE id = $1 AND state = 'verified'`,
        [id, at]
      );
      return (rowCount ?? 0) > 0;
    },
    async recordRestoreTest(id, ok, summary, at) {
      await store.query(
        "UPDATE ctx_ops.backups SET restore_tested_at = $2, restore_test_ok = $3, restore_test_summary = $4 WHERE id = $1",
        [id, at, ok, summary]
      );
    }
  };
}

// src/operations/approvals/run-store.ts
var pgModule2 = lazyRequire("pg");
var LOCK_RUN = 1668577281;
var LOCK_ENV = 1668577282;
function fromRow3(r) {
  return {
    id: r.id,
    kind: r.kind,
    env: r.env,
    approvalId: r.approval_id ?? null,
    slot: r.slot ?? null,
    state: r.state,
    runner: r.runner,
    startedAt: r.started_at,
    finishedAt: r.finished_at ?? null,
    durationMs: r.duration_ms ?? null,
    exitStatus: r.exit_status ?? null,
    summary: r.summary ?? null,
    checksum: r.checksum ?? null,
    partialPath: r.partial_path ?? null,
    scratchDb: r.scratch_db ?? null,
    threadChannel: r.thread_channel ?? null,
    threadTs: r.thread_ts ?? null
  };
}
async function openLease(store, opts = {}) {
  await store.ready();
  const client = new (pgModule2()).Client({
    ...store.pool.options,
    application_name: "ctx-ops-run"
  });
  client.on("error", () => {
  });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT nextval(pg_get_serial_sequence('ctx_ops.runs', 'id'))::text AS id`
    );
    const runId = Number(rows[0].id);
    await client.query("SELECT pg_advisory_lock($1, $2)", [LOCK_RUN, runId]);
    if (opts.exclusiveEnv !== void 0) {
      const got = await client.query("SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok", [
        LOCK_ENV,
        opts.exclusiveEnv
      ]);
      if (!got.rows[0]?.ok) {
        await client.end().catch(() => {
        });
        return { busy: true };
      }
    }
    let released = false;
    return {
      lease: {
        runId,
        db: client,
        async release() {
          if (released) return;
          released = true;
          await client.end().catch(() => {
          });
        }
      }
    };
  } catch (err) {
    await client.end().catch(() => {
    });
    throw err;
  }
}
function createRunStore(store) {
  return {
    async insert(db, r) {
      const { rows } = await db.query(
        `INSERT INTO ctx_ops.runs (id, kind, env, approval_id, slot, state, runner, started_at, thread_channel, thread_ts)
         VALUES ($1, $2, $3, $4, $5, 'running', $6, $7, $8, $9) ON CONFLICT (slot) DO NOTHING RETURNING *`,
        [
          r.id,
          r.kind,
          r.env,
          r.approvalId ?? null,
          r.slot ?? null,
          r.runner,
          r.startedAt,
          r.threadChannel ?? null,
          r.threadTs ?? null
        ]
      );
      return rows[0] ? fromRow3(rows[0]) : null;
    },
    async setThread(id, ref) {
      await store.query("UPDATE ctx_ops.runs SET thread_channel = $2, thread_ts = $3 WHERE id = $1", [
        id,
        ref.channel,
        ref.ts || null
      ]);
    },
    async track(id, field, value) {
      await store.query(`UPDATE ctx_ops.runs SET ${field} = $2 WHERE id = $1`, [id, value]);
    },
    /** running \u2192 final, conditionally: null when someone (a sweeper) already ended it. */
    async finish(db, id, to, f) {
      const { rows } = await db.query(
        `UPDATE ctx_ops.runs SET state = $3, finished_at = $4, duration_ms = $5, exit_status = $6, summary = $7, checksum = $8
         WHERE id = $1 AND state = $2 RETURNING *`,
        [id, "running", to, f.finishedAt, f.durationMs, f.exitStatus ?? null, f.summary, f.checksum ?? null]
      );
      return rows[0] ? fromRow3(rows[0]) : null;
    },
    async running() {
      const { rows } = await store.query(`SELECT * FROM ctx_ops.runs WHERE state = 'running' ORDER BY id`);
      return rows.map(fromRow3);
    },
    async runningFor(env) {
      const { rows } = await store.query(
        `SELECT * FROM ctx_ops.runs WHERE state = 'running' AND env = $1 AND approval_id IS NOT NULL ORDER BY id LIMIT 1`,
        [env]
      );
      return rows[0] ? fromRow3(rows[0]) : null;
    },
    async get(id) {
      const { rows } = await store.query("SELECT * FROM ctx_ops.runs WHERE id = $1", [id]);
      return rows[0] ? fromRow3(rows[0]) : null;
    }
  };
}
async function sweepOrphans(store, runs, claim) {
  const candidates = await runs.running();
  if (!candidates.length) return 0;
  const client = await store.pool.connect();
  let n = 0;
  try {
    for (const run2 of candidates) {
      const got = await client.query("SELECT pg_try_advisory_lock($1, $2) AS ok", [LOCK_RUN, run2.id]);
      if (!got.rows[0]?.ok) continue;
      try {
        const fresh = await runs.get(run2.id);
        if (fresh?.state === "running") {
          await claim(fresh);
          n++;
        }
      } finally {
        await client.query("SELECT pg_advisory_unlock($1, $2)", [LOCK_RUN, run2.id]);
      }
    }
  } finally {
    client.release();
  }
  return n;
}

// src/operations/graph-snapshot/snapshot-store.ts
function fromRow4(r) {
  return {
    id: r.id,
    env: r.env,
    runId: r.run_id ?? null,
    provider: r.provider,
    kind: r.kind,
    state: r.state,
    graph: r.graph ?? null,
    fileName: r.file_name ?? null,
    path: r.path ?? null,
    sizeBytes: r.size_bytes === null || r.size_bytes === void 0 ? null : Number(r.size_bytes),
    sha256: r.sha256 ?? null,
    serverTime: r.server_time ?? null,
    detail: r.detail,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    removedAt: r.removed_at ?? null
  };
}
function createGraphSnapshotStore(store) {
  return {
    async record(s) {
      const { rows } = await store.query(
        `INSERT INTO ctx_ops.graph_snapshots (env, run_id, provider, kind, state, graph, file_name, path, size_bytes, sha256, server_time, detail, started_at, finished_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          s.env,
          s.runId,
          s.provider,
          s.kind,
          s.state,
          s.graph,
          s.fileName,
          s.path,
          s.sizeBytes,
          s.sha256,
          s.serverTime,
          s.detail,
          s.startedAt,
          s.finishedAt
        ]
      );
      return rows[0].id;
    },
    async list(env, limit) {
      const { rows } = await store.query(
        `SELECT * FROM ctx_ops.graph_snapshots WHERE ($1::text IS NULL OR env = $1) ORDER BY finished_at DESC, id DESC LIMIT $2`,
        [env ?? null, limit]
      );
      return rows.map(fromRow4);
    },
    /** The newest snapshot that worked (a server snapshot done, or an export verified). */
    async lastGood(env) {
      const { rows } = await store.query(
        `SELECT * FROM ctx_ops.graph_snapshots WHERE env = $1 AND state IN ('done', 'verified') ORDER BY finished_at DESC, id DESC LIMIT 1`,
        [env]
      );
      return rows[0] ? fromRow4(rows[0]) : null;
    },
    /** Verified exports of one graph key, for retention. */
    async verifiedExports(env, graph) {
      const { rows } = await store.query(
        `SELECT * FROM ctx_ops.graph_snapshots WHERE env = $1 AND graph = $2 AND kind = 'export' AND state = 'verified' ORDER BY finished_at DESC`,
        [env, graph]
      );
      return rows.map(fromRow4);
    },
    async markRemoved(id, at) {
      const { rowCount } = await store.query(
        `UPDATE ctx_ops.graph_snapshots SET state = 'removed', removed_at = $2 WHERE id = $1 AND state = 'verified'`,
        [id, at]
      );
      return (rowCount ?? 0) > 0;
    }
  };
}

// src/operations/stores.ts
function createOpsStores(store, redactor, now) {
  return {
    store,
    approvals: createApprovalStore(store),
    runs: createRunStore(store),
    backups: createBackupStore(store),
    audit: createAuditLog(store, redactor, now),
    graphSnapshots: createGraphSnapshotStore(store)
  };
}
var NEEDS_STORE2 = "Guarded operations need the bot's store (Postgres schema `ctx_ops`) to record approvals and the audit log: set `CTX_OPS_DATABASE_URL` or `store.databaseUrl` in ctx-ops.yml (the default environment's DATABASE_URL is used when neither is set).";

// src/operations/render.ts
var ACTION_APPROVAL_CONFIRM = "ctx.approval.confirm";
var ACTION_APPROVAL_CANCEL = "ctx.approval.cancel";
var who3 = (id) => !id ? "someone" : id.startsWith("local:") ? `\`${id}\`` : `<@${id}>`;
var bullets = (lines) => lines.map((l) => `\u2022 ${l}`);
function body(v) {
  return [header(`\u{1F6E1}\uFE0F ${v.title}`), ...chunkLines(bullets(v.preview)).map(md)];
}
function meta(v, now) {
  const mins = now ? Math.max(0, Math.round((v.expiresAt.getTime() - now.getTime()) / 6e4)) : void 0;
  return [
    `Requested by ${who3(v.requesterId)}`,
    `confirm: ${v.approvers}${v.twoPerson ? " (two-person rule: not the requester)" : ""}`,
    `expires ${dayTime(v.expiresAt, v.timeZone)}${mins !== void 0 ? ` (in ${mins} min)` : ""}`,
    `approval \`${v.id}\` \xB7 parameters sha256 \`${v.paramsHash.slice(0, 12)}\``
  ].join(" \xB7 ");
}
function renderApprovalRequest(v, now) {
  const blocks = fitBlocks([
    ...body(v),
    context(meta(v, now)),
    actions(
      { text: v.confirmLabel ?? "Confirm", actionId: ACTION_APPROVAL_CONFIRM, value: v.id, style: "primary" },
      { text: "Cancel", actionId: ACTION_APPROVAL_CANCEL, value: v.id }
    )
  ]);
  const text2 = `${v.title}? ${v.confirmLabel ?? "Confirm"} or Cancel (requested by ${v.requesterId}; expires ${dayTime(v.expiresAt, v.timeZone)})
${v.preview.join("\n")}`;
  return {
    text: truncate(text2, LIMITS.fallbackText),
    blocks,
    json: {
      approval: v.id,
      kind: v.kind,
      env: v.env,
      title: v.title,
      preview: v.preview,
      expiresAt: v.expiresAt.toISOString(),
      state: "requested"
    }
  };
}
var STATE_LINE = {
  running: "\u23F3 Confirmed by {by}, running; progress in the thread",
  succeeded: "\u2705 Confirmed by {by}; succeeded",
  failed: "\u274C Confirmed by {by}; failed",
  interrupted: "\u26A0\uFE0F Confirmed by {by}; interrupted",
  cancelled: "\u{1F6AB} Cancelled by {by}",
  expired: "\u231B Expired: nobody confirmed in time; nothing ran"
};
function renderApprovalDecided(v, s) {
  const line = `${STATE_LINE[s.state].replace("{by}", who3(s.by))} \xB7 ${dateTime(s.at, v.timeZone)}${s.summary ? `
${escapeMrkdwn(s.summary)}` : ""}`;
  const blocks = fitBlocks([...body(v), md(line), context(meta(v))]);
  return {
    text: `${v.title}: ${s.state}${s.summary ? `: ${s.summary}` : ""}`,
    blocks,
    json: { approval: v.id, kind: v.kind, env: v.env, state: s.state, by: s.by ?? null, summary: s.summary ?? null }
  };
}
function renderNotice(text2) {
  return { text: text2, blocks: chunkLines([text2]).map(md) };
}
function renderRunResult(r) {
  const icon = r.ok ? "\u2705" : r.interrupted ? "\u26A0\uFE0F" : "\u274C";
  const blocks = [md(`${icon} *${escapeMrkdwn(r.title)}*: ${escapeMrkdwn(r.summary)}`)];
  if (r.details?.length) blocks.push(...chunkLines(r.details).map(md));
  if (r.tail?.length) {
    const tail = r.tail.slice(-25).map((l) => l.replace(/```/g, "'''"));
    const text3 = truncate(tail.join("\n"), LIMITS.sectionText - 20);
    blocks.push(md(`Output (last ${tail.length} lines):
\`\`\`
${text3}
\`\`\``));
  }
  const ctx = [
    r.durationMs !== void 0 ? `took ${formatElapsed(r.durationMs)}` : "",
    r.checksum ? `sha256 \`${r.checksum}\`` : "",
    r.by ? `confirmed by ${who3(r.by)}` : ""
  ].filter(Boolean);
  if (ctx.length) blocks.push(context(ctx.join(" \xB7 ")));
  const text2 = [
    `${icon} ${r.title}: ${r.summary}`,
    ...r.details ?? [],
    ...r.tail?.length ? ["output:", ...r.tail.slice(-25)] : []
  ].join("\n");
  return {
    text: truncate(text2, LIMITS.fallbackText),
    blocks: fitBlocks(blocks),
    json: {
      ok: r.ok,
      interrupted: r.interrupted ?? false,
      title: r.title,
      summary: r.summary,
      details: r.details ?? [],
      tail: r.tail ?? [],
      durationMs: r.durationMs,
      checksum: r.checksum
    }
  };
}
function renderBackupProgress(env, p) {
  const text2 = p.phase === "start" ? `\u23F3 Backing up *${env}*: starting pg_dump\u2026` : p.phase === "dump" ? `\u23F3 Backing up *${env}*: ${formatBytes(p.bytes)} written \xB7 ${formatElapsed(p.elapsedMs)} elapsed` : `\u{1F50E} Verifying the backup of *${env}* (${formatBytes(p.bytes)}): trial restore into a scratch database \xB7 ${formatElapsed(p.elapsedMs)} elapsed`;
  return { text: text2.replace(/\*/g, ""), blocks: [md(text2)], transient: true };
}
function renderMigrateProgress(env, command, tail, elapsedMs) {
  const shown = tail.slice(-15).map((l) => l.replace(/```/g, "'''"));
  const head = `\u{1F69A} Migrating *${env}*: \`${escapeMrkdwn(command)}\` \xB7 ${formatElapsed(elapsedMs)} elapsed`;
  const blocks = [
    md(head),
    ...shown.length ? [md(`\`\`\`
${truncate(shown.join("\n"), LIMITS.sectionText - 20)}
\`\`\``)] : []
  ];
  return { text: [head.replace(/\*/g, ""), ...shown].join("\n"), blocks, transient: true };
}

// src/operations/lists.ts
var STATE_MARK = {
  verified: "\u2705",
  running: "\u23F3",
  failed: "\u274C",
  interrupted: "\u26A0\uFE0F",
  removed: "\u{1F5D1}\uFE0F"
};
function restoreTestText(b, now) {
  if (!b.restoreTestedAt) return "";
  return `restore test ${b.restoreTestOk ? "passed" : "FAILED"} ${ago(b.restoreTestedAt, now)}`;
}
var when = (b, timeZone, now) => {
  const at = b.finishedAt ?? b.startedAt;
  return `${dateTime(at, timeZone)} (${ago(at, now)})`;
};
var GRAPH_MARK = {
  done: "\u2705",
  verified: "\u2705",
  failed: "\u274C",
  removed: "\u{1F5D1}\uFE0F"
};
function graphKindText(g) {
  const provider = g.provider === "falkordb" ? "FalkorDB" : g.provider === "memgraph" ? "Memgraph" : g.provider;
  return g.kind === "export" ? `${provider} export ${g.graph ?? ""}`.trim() : `${provider} snapshot (on the server)`;
}
function graphVerifiedText(g) {
  if (g.state === "failed") return "failed";
  if (g.kind === "export") return g.state === "verified" ? "verified by RESTORE" : g.state;
  return "completed on the server (not verified by ctx-ops)";
}
function renderBackups(rows, opts, graphs = []) {
  const { now } = opts;
  if (!rows.length && !graphs.length) {
    const text2 = `No backups yet for ${opts.scope}. Take one with \`/ctx backup\` (they go to ${opts.backupDir}).`;
    return { text: text2, blocks: [md(text2)], json: { backups: [], graphSnapshots: [] } };
  }
  const entries = [
    ...rows.map((b) => ({ at: b.finishedAt ?? b.startedAt, pg: b })),
    ...graphs.map((g) => ({ at: g.finishedAt, graph: g }))
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  const whenAt = (at) => `${dateTime(at, opts.timeZone)} (${ago(at, now)})`;
  const lines = entries.map(({ pg: b, graph: g }) => {
    if (b) {
      const parts = [
        `${STATE_MARK[b.state]} Postgres *${escapeMrkdwn(b.fileName)}*`,
        b.state === "verified" || b.state === "removed" ? formatBytes(b.sizeBytes) : b.state,
        when(b, opts.timeZone, now),
        b.sha256 ? `sha256 \`${shortHash(b.sha256)}\`` : "",
        b.verification ? escapeMrkdwn(b.verification) : "",
        restoreTestText(b, now)
      ].filter(Boolean);
      return parts.join(" \xB7 ");
    }
    const x = g;
    return [
      `${GRAPH_MARK[x.state]} ${escapeMrkdwn(graphKindText(x))}${x.fileName ? ` *${escapeMrkdwn(x.fileName)}*` : ""}`,
      x.sizeBytes !== null ? formatBytes(x.sizeBytes) : "",
      whenAt(x.finishedAt),
      x.sha256 ? `sha256 \`${shortHash(x.sha256)}\`` : "",
      escapeMrkdwn(graphVerifiedText(x))
    ].filter(Boolean).join(" \xB7 ");
  });
  const blocks = fitBlocks([
    md(`*Backups of ${escapeMrkdwn(opts.scope)}* (Postgres and graph, newest first)`),
    ...chunkLines(lines).map(md),
    context(`Folder ${escapeMrkdwn(opts.backupDir)} \xB7 retention ${escapeMrkdwn(opts.retention)}`)
  ]);
  const plain2 = [
    `Backups of ${opts.scope} (Postgres and graph, newest first):`,
    plainTable(
      entries.map(
        ({ pg: b, graph: g }) => b ? [
          b.state,
          "postgres",
          b.fileName,
          b.sizeBytes === null ? "" : formatBytes(b.sizeBytes),
          when(b, opts.timeZone, now),
          b.sha256 ? shortHash(b.sha256) : "",
          [b.verification ?? "", restoreTestText(b, now)].filter(Boolean).join("; ")
        ] : [
          g.state,
          graphKindText(g),
          g.fileName ?? "",
          g.sizeBytes === null ? "" : formatBytes(g.sizeBytes),
          whenAt(g.finishedAt),
          g.sha256 ? shortHash(g.sha256) : "",
          graphVerifiedText(g)
        ]
      ),
      { indent: 2 }
    ),
    `  folder ${opts.backupDir} \xB7 retention ${opts.retention}`
  ].join("\n");
  const json = {
    backups: rows.map((b) => ({
      env: b.env,
      file: b.fileName,
      path: b.path,
      state: b.state,
      sizeBytes: b.sizeBytes,
      sha256: b.sha256,
      verification: b.verification,
      startedAt: b.startedAt.toISOString(),
      finishedAt: b.finishedAt?.toISOString() ?? null,
      restoreTest: b.restoreTestedAt ? { at: b.restoreTestedAt.toISOString(), ok: b.restoreTestOk, summary: b.restoreTestSummary } : null
    })),
    graphSnapshots: graphs.map((g) => ({
      env: g.env,
      provider: g.provider,
      kind: g.kind,
      graph: g.graph,
      file: g.fileName,
      path: g.path,
      state: g.state,
      sizeBytes: g.sizeBytes,
      sha256: g.sha256,
      serverTime: g.serverTime?.toISOString() ?? null,
      detail: g.detail,
      finishedAt: g.finishedAt.toISOString()
    }))
  };
  return {
    text: [
      `Backups of ${opts.scope}:`,
      ...entries.map(
        ({ pg: b, graph: g }) => b ? `${b.state} ${b.fileName} ${formatBytes(b.sizeBytes)} ${b.sha256 ?? ""}` : `${g.state} ${graphKindText(g)} ${g.fileName ?? ""} ${g.sizeBytes === null ? "" : formatBytes(g.sizeBytes)} ${g.sha256 ?? ""}`
      )
    ].join("\n"),
    blocks,
    plain: plain2,
    json
  };
}
function auditLine(r, timeZone) {
  const what2 = [r.kind, r.env].filter(Boolean).join(" ");
  const extra = [
    r.reason ? `(${r.reason})` : "",
    r.detail ? escapeMrkdwn(r.detail) : "",
    r.exitStatus !== void 0 ? `exit ${r.exitStatus}` : "",
    r.durationMs !== void 0 ? formatDuration(r.durationMs) : "",
    r.checksum ? `sha256 \`${shortHash(r.checksum)}\`` : ""
  ].filter(Boolean);
  return `\`${dateTime(r.at, timeZone, { seconds: true })}\` *${r.event}* ${escapeMrkdwn(what2)}${r.actorId ? ` by ${who3(r.actorId)}` : ""}${extra.length ? ` \xB7 ${extra.join(" \xB7 ")}` : ""}`;
}
function renderAudit(rows, timeZone) {
  if (!rows.length) {
    const text2 = "The audit log is empty: no guarded operation has been requested yet.";
    return { text: text2, blocks: [md(text2)], json: { audit: [] } };
  }
  const blocks = fitBlocks([
    md(`*Audit log* (newest first, ${rows.length} entries)`),
    ...chunkLines(rows.map((r) => auditLine(r, timeZone))).map(md)
  ]);
  const plain2 = [
    `Audit log (newest first, ${rows.length} entries):`,
    plainTable(
      rows.map((r) => [
        dateTime(r.at, timeZone, { seconds: true }),
        r.event,
        [r.kind, r.env].filter(Boolean).join(" "),
        r.actorId ?? "",
        [
          r.reason ? `(${r.reason})` : "",
          r.detail ?? "",
          r.exitStatus !== void 0 ? `exit ${r.exitStatus}` : "",
          r.checksum ? `sha256 ${shortHash(r.checksum)}` : ""
        ].filter(Boolean).join(" ")
      ]),
      { indent: 2 }
    )
  ].join("\n");
  return {
    text: rows.map(
      (r) => `${dateTime(r.at, timeZone, { seconds: true })} ${r.event} ${r.kind ?? ""} ${r.env ?? ""} ${r.actorId ?? ""} ${r.detail ?? ""}`
    ).join("\n"),
    blocks,
    plain: plain2,
    json: { audit: rows.map((r) => ({ ...r, at: r.at.toISOString() })) }
  };
}

// src/operations/audit/audit-command.ts
var AUDIT_DEFAULT = 20;
var AUDIT_MAX = 200;
function createAuditHandler(deps) {
  return {
    name: "audit",
    usage: "audit [n]",
    summary: `The audit log of guarded operations (newest ${AUDIT_DEFAULT}, up to ${AUDIT_MAX})`,
    async run(req) {
      const args = req.args;
      const [arg, ...extra] = args;
      const n = arg === void 0 ? AUDIT_DEFAULT : Number(arg);
      if (extra.length || !Number.isInteger(n) || n < 1 || n > AUDIT_MAX) {
        return { usageProblem: `${userWord(args.join(" "))} is not a number of entries (1\u2013${AUDIT_MAX})` };
      }
      if (!deps.audit) {
        await req.conversation.ephemeral(renderNotice(NEEDS_STORE2));
        return { status: "fail" };
      }
      await req.conversation.post(renderAudit(await deps.audit.recent(n), deps.timeZone));
      return {};
    }
  };
}

// src/operations/guarded-command.ts
function oneEnvironment(req, command, config) {
  const { flags, rest, errors } = extractFlags(req.args, { withValue: ["env"] });
  const choice = chooseEnvironment(rest, flags.env, config);
  const problem = errors[0] ?? choice.error ?? (choice.all ? `\`${command}\` takes one environment` : leftoverProblem(choice.rest, config));
  return problem ? { usageProblem: problem } : { env: choice.env };
}
async function requestGuarded(approvals, req, kind, env, params = {}) {
  const out = await approvals.request({
    kind,
    env,
    params,
    requester: req.actor,
    conversation: req.conversation,
    surface: req.surface
  });
  if (!out.requested) {
    await req.conversation.ephemeral(renderNotice(`\u{1F6AB} ${out.reason}`));
    return { status: "fail" };
  }
  return {};
}
function createGuardedEnvHandler(spec, deps) {
  return {
    name: spec.name,
    usage: `${spec.name} [env]`,
    summary: spec.summary,
    async run(req) {
      const chosen = oneEnvironment(req, spec.name, deps.config);
      if ("usageProblem" in chosen) return chosen;
      return requestGuarded(deps.approvals, req, spec.kind, chosen.env);
    }
  };
}

// src/operations/backup/backup-command.ts
function createBackupHandler(deps) {
  return createGuardedEnvHandler(
    {
      name: "backup",
      kind: "backup",
      summary: "Back up the database (pg_dump, verified by a trial restore) after a confirmation"
    },
    deps
  );
}

// src/operations/backup/retention.ts
function selectForRemoval(backups, rules, now) {
  if (rules.keepLast === void 0 && rules.keepDays === void 0) return [];
  const newestFirst = [...backups].sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime());
  const cutoff = rules.keepDays === void 0 ? void 0 : now.getTime() - rules.keepDays * 864e5;
  return newestFirst.filter((b, i) => {
    if (i === 0) return false;
    const keptByCount = rules.keepLast !== void 0 && i < rules.keepLast;
    const keptByAge = cutoff !== void 0 && b.finishedAt.getTime() >= cutoff;
    return !keptByCount && !keptByAge;
  });
}
function describeRules(rules) {
  const parts = [
    rules.keepLast !== void 0 ? `the last ${rules.keepLast}` : "",
    rules.keepDays !== void 0 ? `${rules.keepDays} days` : ""
  ].filter(Boolean);
  return parts.length ? `keeps ${parts.join(" and ")}` : "keeps every backup (no retention set)";
}
async function applyRetention(deps, env, rules, now) {
  const verified = (await deps.backups.verified(env)).filter(
    (b) => b.finishedAt !== null
  );
  const removed = [];
  for (const b of selectForRemoval(verified, rules, now)) {
    if (!await deps.backups.markRemoved(b.id, now)) continue;
    await deps.remove(b.path);
    await deps.audit.append({
      event: "retention-removed",
      env,
      kind: "backup",
      detail: `removed ${b.fileName} (${describeRules(rules)})`,
      ...b.sha256 ? { checksum: b.sha256 } : {}
    });
    removed.push(b.fileName);
  }
  return removed;
}

// src/operations/backup/backups-command.ts
function createBackupsHandler(deps) {
  return {
    name: "backups",
    usage: "backups [env|all]",
    summary: "List Postgres backups and graph snapshots: kind, size, age, sha256, verification, restore test",
    async run(req) {
      const { flags, rest, errors } = extractFlags(req.args, { withValue: ["env"] });
      const choice = chooseEnvironment(rest, flags.env, deps.config);
      const problem = errors[0] ?? choice.error ?? leftoverProblem(choice.rest, deps.config);
      if (problem) return { usageProblem: problem };
      if (!deps.backups) {
        await req.conversation.ephemeral(renderNotice(NEEDS_STORE2));
        return { status: "fail" };
      }
      const env = choice.named ? choice.env : void 0;
      const rows = await deps.backups.list(env, 30);
      const graphs = await deps.graphSnapshots?.list(env, 30) ?? [];
      await req.conversation.post(
        renderBackups(
          rows,
          {
            now: deps.now(),
            scope: env ?? "all environments",
            backupDir: deps.backupDir,
            retention: describeRules(deps.config.operations.retention),
            timeZone: deps.config.timezone
          },
          graphs
        )
      );
      return {};
    }
  };
}

// src/operations/backup/restore-test-command.ts
function createRestoreTestHandler(deps) {
  return createGuardedEnvHandler(
    {
      name: "restore-test",
      kind: "restore-test",
      summary: "Restore the newest verified backup into a scratch database and compare row counts with live"
    },
    deps
  );
}

// src/postgres/pg-conn.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var pgModule3 = lazyRequire("pg");
function parseTarget(url) {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : void 0;
  u.password = "";
  const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || decodeURIComponent(u.username) || "postgres";
  return { uri: u.toString(), password, database, display: `${u.hostname}:${u.port || "5432"}/${database}` };
}
function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}
function toolUri(uri, passfile) {
  if (!passfile) return uri;
  return `${uri}${uri.includes("?") ? "&" : "?"}passfile=${encodeURIComponent(passfile)}`;
}
function passfileLine(password) {
  return `*:*:*:*:${password.replace(/\\/g, "\\\\").replace(/:/g, "\\:")}
`;
}
async function withPassfile(password, fn) {
  if (!password) return fn(void 0);
  const dir = await mkdtemp(join(tmpdir(), "ctx-ops-pgpass-"));
  const file = join(dir, "pgpass");
  try {
    await writeFile(file, passfileLine(password), { mode: 384 });
    return await fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
async function withClient(url, fn, opts = {}) {
  const client = new (pgModule3()).Client({
    connectionString: url,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 1e4,
    application_name: "ctx-ops-operations"
  });
  client.on("error", () => {
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {
    });
  }
}
async function serverInfo(url) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(
      `SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS num, current_database() AS db, pg_database_size(current_database())::text AS size`
    );
    const r = rows[0];
    return {
      version: r.v.split(" ")[0],
      major: Math.floor(Number(r.num) / 1e4),
      database: r.db,
      sizeBytes: Number(r.size)
    };
  });
}
function scratchName(tag) {
  return `ctx_ops_scratch_${tag.replace(/\W/g, "_").toLowerCase().slice(0, 24)}_${randomBytes2(3).toString("hex")}`;
}
var ident = (name) => `"${name.replace(/"/g, '""')}"`;
async function createScratch(url, name) {
  await withClient(url, (c) => c.query(`CREATE DATABASE ${ident(name)} TEMPLATE template0`));
}
async function dropScratch(url, name) {
  if (!name.startsWith("ctx_ops_scratch_")) throw new Error(`refusing to drop ${name}: not a scratch database`);
  await withClient(url, async (c) => {
    const num2 = Number((await c.query(`SELECT current_setting('server_version_num') AS n`)).rows[0].n);
    if (num2 >= 13e4) await c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
    else {
      await c.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [name]
      );
      await c.query(`DROP DATABASE IF EXISTS ${ident(name)}`);
    }
  });
}
async function countRows(url, tables) {
  return withClient(url, async (c) => {
    const total = await c.query(
      `SELECT count(*)::text AS n FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE cl.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`
    );
    const counts = [];
    for (const t of tables) {
      const exists = await c.query("SELECT to_regclass($1)::text AS r", [t]);
      if (!exists.rows[0]?.r) {
        counts.push({ table: t, rows: null });
        continue;
      }
      const quoted = t.split(".").map(ident).join(".");
      const n = await c.query(`SELECT count(*)::text AS n FROM ${quoted}`);
      counts.push({ table: t, rows: Number(n.rows[0].n) });
    }
    return { tables: Number(total.rows[0].n), counts };
  });
}
function describeCounts(r) {
  const present = r.counts.filter((c) => c.rows !== null).map((c) => `${c.table} ${c.rows}`);
  return `${r.tables} tables${present.length ? `; rows: ${present.join(", ")}` : ""}`;
}

// src/operations/backup/row-comparison.ts
function allowedDifference(restored, t) {
  return Math.max(t.rows, Math.ceil(restored * t.percent / 100));
}
function compareRowCounts(restored, live, t) {
  const names = [...new Set([...restored, ...live].map((c) => c.table))].sort();
  const r = new Map(restored.map((c) => [c.table, c.rows]));
  const l = new Map(live.map((c) => [c.table, c.rows]));
  const tables = names.flatMap((table) => {
    const restoredRows = r.get(table) ?? null;
    const liveRows = l.get(table) ?? null;
    if (restoredRows === null && liveRows === null) return [];
    const allowed = allowedDifference(restoredRows ?? 0, t);
    return [
      {
        table,
        restored: restoredRows,
        live: liveRows,
        allowed,
        ok: Math.abs((restoredRows ?? 0) - (liveRows ?? 0)) <= allowed
      }
    ];
  });
  const mismatches = tables.filter((c) => !c.ok);
  return { ok: mismatches.length === 0, tables, mismatches };
}
function describeMismatch(c) {
  const side = (n) => n === null ? "missing" : String(n);
  return `${c.table}: backup ${side(c.restored)}, live ${side(c.live)} (allowed \xB1${c.allowed})`;
}
function describeComparison(c, t) {
  const rule = `\xB1${t.rows} rows or \xB1${t.percent}%`;
  return c.ok ? `${c.tables.length} tables match the live database (${rule})` : `${c.mismatches.length} of ${c.tables.length} tables differ from the live database beyond ${rule}: ${c.mismatches.slice(0, 5).map(describeMismatch).join("; ")}${c.mismatches.length > 5 ? "; \u2026" : ""}`;
}
async function listTables(url, limit = 500) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(
      `SELECT CASE WHEN n.nspname = 'public' THEN cl.relname ELSE n.nspname || '.' || cl.relname END AS name
         FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
        WHERE cl.relkind IN ('r', 'p') AND NOT cl.relispartition
          AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'ctx_ops') AND n.nspname NOT LIKE 'pg_toast%'
          AND n.nspname NOT LIKE 'pg_temp%'
        ORDER BY 1 LIMIT $1`,
      [limit]
    );
    return rows.map((r) => r.name);
  });
}

// src/config/types.ts
function findEnvironment(config, name) {
  return config.environments.find((e) => e.name === name);
}

// src/operations/backup/backup-runner.ts
import { createHash as createHash3 } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { link, mkdir, open, rm as rm2, stat, unlink } from "node:fs/promises";
import { join as join2 } from "node:path";
import { PassThrough, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

// src/postgres/child-process.ts
import { spawn } from "node:child_process";
function tailBuffer(max, clean = (l) => l) {
  const lines = [];
  let partial = "";
  const push = (line) => {
    const cleaned = clean(line.replace(/\r$/, "")).slice(0, 500);
    lines.push(cleaned);
    if (lines.length > max) lines.shift();
    return cleaned;
  };
  return {
    /** Adds text; returns the complete lines it contained. */
    write(text2) {
      const parts = (partial + text2).split("\n");
      partial = parts.pop() ?? "";
      if (partial.length > 4e3) {
        parts.push(partial);
        partial = "";
      }
      return parts.map(push);
    },
    end() {
      if (!partial) return [];
      const l = push(partial);
      partial = "";
      return [l];
    },
    lines
  };
}
async function runCommand(o) {
  const started = performance.now();
  const tail = tailBuffer(o.tailLines ?? 40, o.clean);
  const [cmd, ...args] = o.argv;
  const done = (r) => ({
    ...r,
    tail: tail.lines,
    durationMs: Math.round(performance.now() - started)
  });
  if (!cmd) return done({ code: null, signal: null, timedOut: false, aborted: false, spawnError: "empty command" });
  if (o.signal.aborted) return done({ code: null, signal: null, timedOut: false, aborted: true });
  let child;
  try {
    child = spawn(cmd, args, {
      cwd: o.cwd,
      env: o.env,
      stdio: [o.stdin ? "pipe" : "ignore", "pipe", "pipe"],
      detached: o.group ?? false
    });
  } catch (err) {
    return done({ code: null, signal: null, timedOut: false, aborted: false, spawnError: err.message });
  }
  if (o.stdin && child.stdin) {
    child.stdin.on("error", () => {
    });
    o.stdin(child.stdin);
  }
  let timedOut = false;
  let aborted = false;
  let killTimer;
  const kill = (sig) => {
    try {
      if (o.group && child.pid) process.kill(-child.pid, sig);
      else child.kill(sig);
    } catch {
    }
  };
  const stop = () => {
    kill("SIGTERM");
    killTimer ??= setTimeout(() => kill("SIGKILL"), o.killGraceMs ?? 5e3);
  };
  const onAbort = () => {
    aborted = true;
    stop();
  };
  o.signal.addEventListener("abort", onAbort, { once: true });
  const deadline = o.timeoutMs ? setTimeout(() => {
    timedOut = true;
    stop();
  }, o.timeoutMs) : void 0;
  const feed = (s) => new Promise((resolve4) => {
    s.setEncoding("utf8");
    s.on("data", (chunk) => {
      for (const line of tail.write(chunk)) o.onLine?.(line);
    });
    s.on("end", resolve4);
    s.on("error", () => resolve4());
  });
  const outDone = o.stdout && o.stdout !== "tail" ? o.stdout(child.stdout) : feed(child.stdout);
  const errDone = feed(child.stderr);
  const exit = await new Promise(
    (resolve4) => {
      child.once(
        "error",
        (err) => resolve4({
          code: null,
          signal: null,
          spawnError: err.code === "ENOENT" ? `${cmd}: command not found` : err.message
        })
      );
      child.once("close", (code2, signal) => resolve4({ code: code2, signal }));
    }
  );
  await Promise.allSettled([outDone, errDone]);
  for (const line of tail.end()) o.onLine?.(line);
  clearTimeout(deadline);
  clearTimeout(killTimer);
  o.signal.removeEventListener("abort", onAbort);
  return done({ ...exit, timedOut, aborted });
}
function describeExit(r, timeoutMs) {
  if (r.spawnError) return `could not start: ${r.spawnError}`;
  if (r.timedOut) return `timed out after ${Math.round((timeoutMs ?? 0) / 1e3)} s and was stopped`;
  if (r.aborted) return "stopped (the bot is shutting down)";
  if (r.signal) return `killed by ${r.signal}`;
  return `exit ${r.code}`;
}

// src/operations/backup/trial-restore.ts
function trialRestoreArgs(pgRestore, dbUri, file) {
  return [
    pgRestore,
    "--exit-on-error",
    "--single-transaction",
    "--no-owner",
    "--no-privileges",
    `--dbname=${dbUri}`,
    ...file === void 0 ? [] : [file]
  ];
}
function feedStdin(source) {
  return {
    stdin: (input) => {
      source.pipe(input);
    },
    drain: () => {
      source.unpipe();
      source.resume();
    }
  };
}
async function trialRestore(j) {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = parseTarget(j.databaseUrl);
  const stream = typeof j.file === "string" ? void 0 : feedStdin(j.file);
  const scratch = scratchName(j.tag);
  await j.track?.scratchDatabase(scratch);
  try {
    await createScratch(j.databaseUrl, scratch);
  } catch (err) {
    stream?.drain();
    await j.track?.scratchDatabase(null);
    return {
      ok: false,
      durationMs: elapsed(),
      reason: `could not create the scratch database (${j.clean(err.message)}); the database user needs CREATEDB`,
      tail: []
    };
  }
  const restore = async () => {
    try {
      const res = await withPassfile(
        target.password,
        (passfile) => runCommand({
          argv: trialRestoreArgs(
            j.pgRestore.path,
            toolUri(withDatabase(target.uri, scratch), passfile),
            typeof j.file === "string" ? j.file : void 0
          ),
          env: j.toolEnv,
          signal: j.signal,
          timeoutMs: j.timeoutMs,
          clean: j.clean,
          tailLines: 20,
          ...stream ? { stdin: stream.stdin } : {}
        })
      );
      stream?.drain();
      if (res.code !== 0) {
        return {
          ok: false,
          durationMs: elapsed(),
          reason: `pg_restore ${describeExit(res, j.timeoutMs)}`,
          tail: res.tail,
          ...res.code !== null ? { exitStatus: res.code } : {}
        };
      }
      const counted = await countRows(withDatabase(j.databaseUrl, scratch), j.keyTables);
      return { ok: true, durationMs: elapsed(), tables: counted.tables, counts: counted.counts };
    } catch (err) {
      stream?.drain();
      return { ok: false, durationMs: elapsed(), reason: j.clean(err.message), tail: [] };
    }
  };
  const drop = () => dropScratch(j.databaseUrl, scratch).then(
    () => j.track?.scratchDatabase(null),
    () => {
    }
  );
  const verdict3 = await restore();
  if (j.dropInBackground) return { ...verdict3, scratchDropped: drop().catch(() => {
  }) };
  await drop();
  return verdict3;
}
function manualRestoreCommand(file, pgRestore = "pg_restore") {
  const q = (s) => /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
  return `${q(pgRestore)} --clean --if-exists --no-owner --single-transaction --exit-on-error --dbname="$DATABASE_URL" ${q(file)}`;
}

// src/operations/backup/archive-read.ts
function archiveReadArgs(pgRestore, file) {
  return [pgRestore, "--file=/dev/null", ...file === void 0 ? [] : [file]];
}
async function readArchive(j) {
  const started = performance.now();
  const stream = typeof j.file === "string" ? void 0 : feedStdin(j.file);
  try {
    const res = await runCommand({
      argv: archiveReadArgs(j.pgRestore.path, typeof j.file === "string" ? j.file : void 0),
      env: j.toolEnv,
      signal: j.signal,
      timeoutMs: j.timeoutMs,
      clean: j.clean,
      tailLines: 20,
      ...stream ? { stdin: stream.stdin } : {}
    });
    const durationMs = Math.round(performance.now() - started);
    if (res.code !== 0)
      return {
        ok: false,
        durationMs,
        reason: `pg_restore ${describeExit(res, j.timeoutMs)}`,
        tail: res.tail,
        ...res.code !== null ? { exitStatus: res.code } : {}
      };
    return { ok: true, durationMs, tables: 0, counts: [] };
  } finally {
    stream?.drain();
  }
}

// src/operations/backup/tee.ts
import { Writable } from "node:stream";
import { finished } from "node:stream/promises";
function tee(...destinations) {
  const drained = (d) => new Promise((resolve4, reject) => {
    const done = (err) => {
      d.off("drain", onDrain);
      d.off("error", onError);
      d.off("close", onClose);
      if (err) reject(err);
      else resolve4();
    };
    const onDrain = () => done();
    const onError = (err) => done(err);
    const onClose = () => done(new Error("a destination closed before the end of the stream"));
    d.on("drain", onDrain);
    d.on("error", onError);
    d.on("close", onClose);
  });
  const out = new Writable({
    write(chunk, _enc, cb) {
      const waits = [];
      for (const d of destinations) {
        if (d.destroyed || d.writableEnded) {
          cb(new Error("a destination closed before the end of the stream"));
          return;
        }
        if (!d.write(chunk)) waits.push(drained(d));
      }
      if (waits.length === 0) cb();
      else Promise.all(waits).then(() => cb(), cb);
    },
    final(cb) {
      for (const d of destinations) d.end();
      Promise.all(destinations.map((d) => finished(d, { readable: false }))).then(() => cb(), cb);
    },
    destroy(err, cb) {
      for (const d of destinations) if (!d.writableFinished && !d.destroyed) d.destroy(err ?? void 0);
      cb(err);
    }
  });
  for (const d of destinations) d.on("error", (err) => out.destroy(err));
  return out;
}

// src/operations/backup/backup-runner.ts
function backupFileName(env, at) {
  const ts = at.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
  return `${env}-${ts}.dump`;
}
async function freeBackupName(dir, env, at) {
  const base = backupFileName(env, at).replace(/\.dump$/, "");
  for (let i = 1; i < 1e3; i++) {
    const name = `${base}${i === 1 ? "" : `-${i}`}.dump`;
    const taken = await Promise.all(
      [stat(join2(dir, name)), stat(join2(dir, `${name}.partial`))].map(
        (p) => p.then(
          () => true,
          () => false
        )
      )
    );
    if (!taken.some(Boolean)) return name;
  }
  throw new Error(`no free backup name for ${base} in ${dir}`);
}
function pgDumpArgs(pgDump, dbUri, compression) {
  return [
    pgDump,
    "--format=custom",
    ...compression === void 0 ? [] : [`--compress=${compression}`],
    "--no-password",
    "--lock-wait-timeout=60s",
    "--exclude-schema=ctx_ops",
    `--dbname=${dbUri}`
  ];
}
function progressDue(lastAt, now, minIntervalMs) {
  return lastAt === void 0 || now - lastAt >= minIntervalMs;
}
async function runBackup(j) {
  const fileName = j.fileName ?? backupFileName(j.env, j.startedAt);
  const finalPath = join2(j.backupDir, fileName);
  const partial = `${finalPath}.partial`;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = parseTarget(j.databaseUrl);
  const verify = j.verify ?? "restore";
  await mkdir(j.backupDir, { recursive: true, mode: 448 });
  await j.track?.partialFile(partial);
  const removePartial = async () => {
    await rm2(partial, { force: true });
    await j.track?.partialFile(null);
  };
  const hash = createHash3("sha256");
  let bytes = 0;
  let phase = "dump";
  let lastReport;
  const report = async (force = false) => {
    const now = performance.now();
    if (!force && !progressDue(lastReport, now, j.progressIntervalMs)) return;
    lastReport = now;
    await Promise.resolve(j.onProgress?.({ phase, bytes, elapsedMs: elapsed() })).catch(() => {
    });
  };
  const ticker = setInterval(() => void report(), Math.max(250, j.progressIntervalMs));
  const stopDump = new AbortController();
  const stopVerify = new AbortController();
  const toVerifier = verify === "none" ? void 0 : new PassThrough();
  let verifierFailed = false;
  let verifyEndedAt = 0;
  let scratchDropped;
  let synced;
  const verifying = toVerifier && verify !== "none" ? startVerifier(j, verify, toVerifier, AbortSignal.any([j.signal, stopVerify.signal])).then((v) => {
    verifyEndedAt = elapsed();
    scratchDropped = v.scratchDropped;
    if (!v.ok) {
      verifierFailed = true;
      if (v.exitStatus !== void 0) stopDump.abort("verification failed");
    }
    return v;
  }) : void 0;
  try {
    let writeError;
    const consume = async (out) => {
      const tap = new Transform({
        transform(chunk, _enc, cb) {
          hash.update(chunk);
          bytes += chunk.length;
          cb(null, chunk);
        }
      });
      const file = createWriteStream(partial, { flags: "wx", mode: 384 });
      try {
        await pipeline(out, tap, toVerifier ? tee(file, toVerifier) : file);
      } catch (err) {
        writeError = err;
        out.destroy();
      }
    };
    const res = await withPassfile(
      target.password,
      (passfile) => runCommand({
        argv: pgDumpArgs(j.pgDump.path, toolUri(target.uri, passfile), j.compression),
        env: j.toolEnv,
        signal: AbortSignal.any([j.signal, stopDump.signal]),
        timeoutMs: j.timeoutMs,
        stdout: consume,
        clean: j.clean,
        tailLines: 20
      })
    );
    const dumpMs = elapsed();
    const dumpFailed = res.code !== 0 || writeError !== void 0;
    if (!dumpFailed) synced = fsync(partial).then(noError, (err) => err);
    else stopVerify.abort("the dump failed");
    phase = "verify";
    if (verifying && !dumpFailed) await report(true);
    const v = verifying ? await verifying : void 0;
    const stoppedByVerifier = verifierFailed && stopDump.signal.aborted && res.code === null && !j.signal.aborted && !writeError;
    if (dumpFailed && !stoppedByVerifier) {
      await removePartial();
      const reason = writeError && !j.signal.aborted ? `writing ${partial} failed: ${j.clean(writeError.message)}` : `pg_dump ${describeExit({ ...res, aborted: j.signal.aborted }, j.timeoutMs)}`;
      return {
        ok: false,
        stage: "dump",
        reason,
        tail: res.tail,
        ...res.code !== null ? { exitStatus: res.code } : {},
        aborted: j.signal.aborted
      };
    }
    if (v && !v.ok) {
      await removePartial();
      return {
        ok: false,
        stage: "verify",
        reason: `verification failed: ${v.reason}`,
        tail: v.tail,
        ...v.exitStatus !== void 0 ? { exitStatus: v.exitStatus } : {},
        aborted: j.signal.aborted
      };
    }
    const size2 = (await stat(partial)).size;
    if (size2 === 0 || size2 !== bytes) {
      await removePartial();
      return {
        ok: false,
        stage: "dump",
        reason: `pg_dump exited 0 but wrote ${size2} bytes (expected ${bytes})`,
        tail: res.tail,
        exitStatus: 0,
        aborted: false
      };
    }
    const syncError = await synced;
    if (syncError) throw syncError;
    if (j.signal.aborted) {
      await removePartial();
      return { ok: false, stage: "finish", reason: "stopped before the file was finished", tail: [], aborted: true };
    }
    await link(partial, finalPath);
    await unlink(partial);
    await j.track?.partialFile(null);
    await fsync(j.backupDir).catch(() => {
    });
    return {
      ok: true,
      fileName,
      path: finalPath,
      sizeBytes: size2,
      sha256: hash.digest("hex"),
      dumpMs,
      verifyMs: v?.durationMs ?? 0,
      verifyAfterDumpMs: v ? Math.max(0, verifyEndedAt - dumpMs) : 0,
      verify,
      tables: v?.ok ? v.tables : 0,
      counts: v?.ok ? v.counts : []
    };
  } catch (err) {
    stopDump.abort("failed");
    stopVerify.abort("failed");
    await verifying?.catch(() => {
    });
    await removePartial().catch(() => {
    });
    return { ok: false, stage: "finish", reason: j.clean(err.message), tail: [], aborted: j.signal.aborted };
  } finally {
    clearInterval(ticker);
    await Promise.all([synced, scratchDropped]);
  }
}
function startVerifier(j, verify, input, signal) {
  const common = { file: input, pgRestore: j.pgRestore, toolEnv: j.toolEnv, signal, clean: j.clean };
  const run2 = verify === "read" ? readArchive({ ...common, ...j.timeoutMs ? { timeoutMs: j.timeoutMs } : {} }) : trialRestore({
    ...common,
    databaseUrl: j.databaseUrl,
    keyTables: j.keyTables,
    timeoutMs: j.timeoutMs,
    tag: j.tag,
    track: j.track,
    dropInBackground: true
  });
  return run2.catch((err) => {
    input.resume();
    return { ok: false, durationMs: 0, reason: j.clean(err.message), tail: [] };
  });
}
var noError = () => void 0;
async function fsync(path) {
  const fh = await open(path, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
async function sha256File(path) {
  const h = createHash3("sha256");
  for await (const chunk of createReadStream(path)) h.update(chunk);
  return h.digest("hex");
}

// src/slack/principals.ts
var isLocal = (actor) => actor.userId.startsWith("local:");
function resolveChannelRef(config, ref) {
  const roles = config.channels;
  return roles[ref] ?? ref;
}
async function checkMembership(list, actor, groups) {
  const no = { matched: false, groupProblems: [] };
  if (list.mode === "anyone") return { matched: true, groupProblems: [] };
  if (list.mode === "nobody") return no;
  const id = actor.userId;
  if (isLocal(actor))
    return { matched: list.principals.includes(id) || list.principals.includes("local:*"), groupProblems: [] };
  if (list.principals.includes(id)) return { matched: true, groupProblems: [] };
  const groupProblems = [];
  for (const p of list.principals) {
    if (!p.startsWith("S")) continue;
    const r = await groups.lookup(p);
    if (r.ok && r.members.has(id)) return { matched: true, groupProblems: [] };
    if (!r.ok) groupProblems.push(r.problem);
  }
  return { matched: false, groupProblems };
}

// src/postgres/pg-tools.ts
import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join as join3 } from "node:path";
function parsePgVersion(output) {
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(output) ?? /\b(\d+)\.(\d+)(?:\.(\d+))?\b/.exec(output);
  if (!m) return null;
  const version = [m[1], m[2], m[3]].filter((x) => x !== void 0).join(".");
  return { version, major: Number(m[1]) };
}
async function probeTool(name, path, opts = {}) {
  return new Promise((resolve4) => {
    execFile(path, ["--version"], { timeout: opts.timeoutMs ?? 5e3, env: opts.env }, (err, stdout) => {
      if (err) {
        const code2 = err.code;
        resolve4({
          name,
          path,
          error: code2 === "ENOENT" ? "not found" : code2 === "EACCES" ? "not executable" : err.message.split("\n")[0]
        });
        return;
      }
      const v = parsePgVersion(String(stdout));
      resolve4(
        v ? { name, path, ...v } : { name, path, error: `unrecognised version output "${String(stdout).trim().slice(0, 80)}"` }
      );
    });
  });
}
async function findPgTool(name, opts) {
  if (opts.configured) {
    const t = await probeTool(name, opts.configured, { env: opts.env });
    return { tool: "error" in t ? void 0 : t, tried: [t] };
  }
  const tried = [];
  const onPath = await probeTool(name, name, { env: opts.env });
  tried.push(onPath);
  if (!("error" in onPath) && onPath.major >= opts.minMajor) return { tool: onPath, tried };
  const libDir = opts.libDir ?? "/usr/lib/postgresql";
  const majors = await readdir(libDir).then(
    (d) => d.filter((x) => /^\d+$/.test(x)).map(Number).sort((a, b) => b - a),
    () => []
  );
  for (const m of majors) {
    const t = await probeTool(name, join3(libDir, String(m), "bin", name), { env: opts.env });
    tried.push(t);
    if (!("error" in t) && t.major >= opts.minMajor) return { tool: t, tried };
  }
  const best = tried.filter((t) => !("error" in t)).sort((a, b) => b.major - a.major)[0];
  return { tool: best, tried };
}
var settingFor = (name) => name === "pg_dump" ? "operations.pgDumpPath" : "operations.pgRestorePath";
function toolRefusal(name, search, needMajor, what2) {
  const t = search.tool;
  const fix = `Fix: install the PostgreSQL ${needMajor} client tools (Debian/Ubuntu: \`apt-get install postgresql-client-${needMajor}\` from apt.postgresql.org) or set \`${settingFor(name)}\` to a ${name} ${needMajor} or newer (e.g. /usr/lib/postgresql/${needMajor}/bin/${name}).`;
  if (!t) {
    const seen = search.tried.map((x) => "error" in x ? `${x.path}: ${x.error}` : `${x.path}: ${x.version}`).join("; ");
    return `No usable ${name} was found (${seen || "nothing tried"}). ${fix}`;
  }
  if (t.major < needMajor) {
    const why = name === "pg_dump" ? `${name} refuses to dump a server of a newer major version` : `${name} cannot read an archive written by a newer pg_dump`;
    return `${name} ${t.version} (${t.path}) is older than ${what2} (major ${needMajor}): ${why}. ${fix}`;
  }
  return null;
}
async function checkBackupTools(ops, env) {
  const url = env.ctx.DATABASE_URL;
  if (!url) return { ok: false, reason: `DATABASE_URL is not set for ${env.name}` };
  let server;
  try {
    server = await serverInfo(url);
  } catch (err) {
    return {
      ok: false,
      reason: `cannot reach the database of ${env.name}: ${ops.redactor.scrub(err.message)}`
    };
  }
  const o = ops.config.operations;
  const dump = await findPgTool("pg_dump", { configured: o.pgDumpPath, minMajor: server.major, env: ops.toolEnv });
  const dumpProblem = toolRefusal("pg_dump", dump, server.major, `the server (PostgreSQL ${server.version})`);
  if (dumpProblem || !dump.tool) return { ok: false, reason: dumpProblem ?? "pg_dump not found" };
  const restore = await findPgTool("pg_restore", {
    configured: o.pgRestorePath,
    minMajor: dump.tool.major,
    env: ops.toolEnv
  });
  const restoreProblem = toolRefusal(
    "pg_restore",
    restore,
    dump.tool.major,
    `pg_dump ${dump.tool.version}, which writes the backup`
  );
  if (restoreProblem || !restore.tool) return { ok: false, reason: restoreProblem ?? "pg_restore not found" };
  return { ok: true, server, pgDump: dump.tool, pgRestore: restore.tool };
}

// src/operations/backup/restore-test.ts
async function runRestoreTest(ops, envName, opts = {}) {
  const s = ops.stores;
  const env = findEnvironment(ops.config, envName);
  if (!s || !env) return { env: envName, status: "skipped", summary: s ? "unknown environment" : "no store" };
  if (!env.ctx.DATABASE_URL)
    return {
      env: env.name,
      status: "skipped",
      summary: "DATABASE_URL is not set (a scratch database needs the server)"
    };
  const backup = await s.backups.lastVerified(env.name);
  if (!backup)
    return {
      env: env.name,
      status: "skipped",
      summary: `no verified backup of ${env.name} to test yet (take one with /ctx backup ${env.name})`
    };
  const got = await openLease(s.store);
  if ("busy" in got) return { env: env.name, status: "taken", summary: "busy" };
  const lease = got.lease;
  try {
    const startedAt = ops.now();
    const slot = opts.slot ? `restore-test:${env.name}:${opts.slot.toISOString()}` : void 0;
    const run2 = await s.runs.insert(lease.db, {
      id: lease.runId,
      kind: "restore-test",
      env: env.name,
      runner: "restore-test",
      startedAt,
      ...slot ? { slot } : {}
    });
    if (!run2) return { env: env.name, status: "taken", summary: "another replica runs this slot" };
    const t0 = performance.now();
    const signal = opts.signal ?? AbortSignal.timeout(ops.config.operations.backupTimeoutMinutes * 6e4);
    const outcome = await test(ops, env.name, env.ctx.DATABASE_URL, backup, lease.runId, signal, opts.compare).catch(
      (err) => ({
        env: env.name,
        status: "failed",
        summary: `could not run: ${ops.redactor.scrub(err.message)}`
      })
    );
    const durationMs = Math.round(performance.now() - t0);
    const ok = outcome.status === "passed";
    await s.runs.finish(lease.db, lease.runId, ok ? "succeeded" : "failed", {
      finishedAt: ops.now(),
      durationMs,
      summary: outcome.summary,
      ...backup.sha256 ? { checksum: backup.sha256 } : {}
    });
    await s.backups.recordRestoreTest(backup.id, ok, outcome.summary, ops.now());
    await s.audit.append({
      event: ok ? "restore-test-passed" : "restore-test-failed",
      env: env.name,
      kind: "restore-test",
      runId: lease.runId,
      detail: `${backup.fileName}: ${outcome.summary}`,
      durationMs,
      ...backup.sha256 ? { checksum: backup.sha256 } : {}
    });
    return { ...outcome, backup };
  } finally {
    await lease.release();
  }
}
async function test(ops, env, url, b, runId, signal, compare) {
  const fail = (summary) => ({ env, status: "failed", summary });
  let sha;
  try {
    sha = await sha256File(b.path);
  } catch (err) {
    return fail(
      `the backup file ${b.path} cannot be read (${err.code ?? err.message})`
    );
  }
  if (b.sha256 && sha !== b.sha256)
    return fail(
      `${b.fileName} changed since it was verified: sha256 ${sha.slice(0, 12)}\u2026 instead of ${b.sha256.slice(0, 12)}\u2026`
    );
  const dumpMajor = parsePgVersion(`(PostgreSQL) ${b.pgDumpVersion ?? "0"}`)?.major ?? 0;
  const search = await findPgTool("pg_restore", {
    configured: ops.config.operations.pgRestorePath,
    minMajor: dumpMajor,
    env: ops.toolEnv
  });
  const refusal3 = toolRefusal("pg_restore", search, dumpMajor, `pg_dump ${b.pgDumpVersion}, which wrote the backup`);
  if (refusal3 || !search.tool) return fail(refusal3 ?? "pg_restore not found");
  const s = ops.stores;
  const tables = compare ? [.../* @__PURE__ */ new Set([...await listTables(url), ...ops.config.operations.keyTables])] : [];
  const r = await trialRestore({
    databaseUrl: url,
    file: b.path,
    pgRestore: search.tool,
    toolEnv: ops.toolEnv,
    keyTables: compare ? tables : ops.config.operations.keyTables,
    signal,
    tag: `t${runId}`,
    clean: ops.redactor.scrub,
    track: { partialFile: async () => {
    }, scratchDatabase: (n) => s.runs.track(runId, "scratch_db", n) }
  });
  if (!r.ok) return fail(`${r.reason}${r.tail.length ? `: ${r.tail.slice(-3).join(" / ")}` : ""}`);
  if (compare) {
    const live = await countRows(url, tables);
    const comparison = compareRowCounts(r.counts, live.counts, compare);
    const summary = `restored in ${formatDuration(r.durationMs)}; ${describeComparison(comparison, compare)}`;
    return comparison.ok ? { env, status: "passed", summary, comparison } : { env, status: "failed", summary: `row counts differ: ${summary}`, comparison };
  }
  return { env, status: "passed", summary: `restored in ${formatDuration(r.durationMs)}; ${describeCounts(r)}` };
}
function renderRestoreTest(o, now) {
  const b = o.backup;
  const about = b ? `\`${b.fileName}\` (${formatBytes(b.sizeBytes)}, taken ${ago(b.finishedAt, now)})` : "";
  const text2 = o.status === "passed" ? `\u2705 Restore test of *${o.env}* passed: ${about} ${o.summary}` : o.status === "failed" ? `\u{1F534} Restore test of *${o.env}* FAILED: ${about}: ${o.summary}. The latest backup may not restore; take a new one (\`/ctx backup ${o.env}\`) and find out why: \`/ctx runbook backup-failed ${o.env}\`.` : `\u2139\uFE0F Restore test of *${o.env}* skipped: ${o.summary}`;
  return {
    text: text2.replace(/[*`]/g, ""),
    blocks: [
      md(text2),
      context(
        "Scheduled restore test: the latest verified backup, restored into a scratch database that is dropped afterwards"
      )
    ]
  };
}
async function reportRestoreTest(ops, o) {
  if (o.status === "taken") return;
  const c = ops.config;
  const ref = o.status === "failed" ? c.channels.alerts : c.operations.restoreTest.channel ?? c.channels.digest;
  const log = ops.log.child({ part: "restore-test", env: o.env });
  if (o.status === "failed") log.error({ summary: ops.redactor.scrub(o.summary) }, "restore test failed");
  else log.info({ status: o.status, summary: ops.redactor.scrub(o.summary) }, "restore test");
  if (!ref) return;
  await ops.poster.post(resolveChannelRef(c, ref), renderRestoreTest(o, ops.now()));
}
function scheduleRestoreTests(ops) {
  const rt = ops.config.operations.restoreTest;
  if (!rt.enabled || !ops.stores) return null;
  let inFlight = Promise.resolve();
  const task = schedule(rt.cron, (ctx) => inFlight = testAll(ctx.date), {
    timezone: ops.config.timezone,
    name: "ctx-ops-restore-test",
    noOverlap: true
  });
  async function testAll(slot) {
    for (const env of ops.config.environments) {
      try {
        await reportRestoreTest(ops, await runRestoreTest(ops, env.name, { slot }));
      } catch (err) {
        ops.log.error(
          { env: env.name, err: { message: ops.redactor.scrub(err.message) } },
          "restore test could not run"
        );
        await reportRestoreTest(ops, {
          env: env.name,
          status: "failed",
          summary: `could not run: ${ops.redactor.scrub(err.message)}`
        });
      }
    }
  }
  return { task, idle: () => inFlight.catch(() => {
  }) };
}

// src/operations/backup/restore-test-kind.ts
function restoreTolerance(ops) {
  const rt = ops.config.operations.restoreTest;
  return { rows: rt.rowToleranceRows, percent: rt.rowTolerancePercent };
}
async function refusal(ops, env) {
  if (!ops.stores) return NEEDS_STORE2;
  if (!env.ctx.DATABASE_URL) return `DATABASE_URL is not set for ${env.name} (a scratch database needs the server)`;
  const b = await ops.stores.backups.lastVerified(env.name);
  return b ? null : `there is no verified backup of ${env.name} to test yet (take one with \`/ctx backup ${env.name}\`)`;
}
function restoreTestKind(ops) {
  return {
    kind: "restore-test",
    title: (_p, env) => `Restore-test the latest backup of ${env.name}`,
    confirmLabel: "Run the restore test",
    timeoutMs: ops.config.operations.backupTimeoutMinutes * 6e4 + 12e4,
    precheck: (_p, env) => refusal(ops, env),
    async preview(_p, env) {
      const b = await ops.stores?.backups.lastVerified(env.name);
      const t = restoreTolerance(ops);
      return [
        b ? `Backup: \`${b.fileName}\` (${formatBytes(b.sizeBytes)}, taken ${ago(b.finishedAt, ops.now())}), checked against its sha256 first` : "No verified backup yet",
        "Restored with pg_restore into a scratch database on the same server, which is dropped afterwards; the live database is only read",
        `Every table's rows are compared with the live database: a table passes when they differ by at most ${t.rows} rows or ${t.percent}% (the live database keeps changing after a backup)`
      ];
    },
    async run(ctx) {
      const out = await runRestoreTest(ops, ctx.env.name, { signal: ctx.signal, compare: restoreTolerance(ops) });
      if (out.status === "failed") await reportRestoreTest(ops, out).catch(() => {
      });
      const b = out.backup;
      const details = [
        ...b ? [`Backup: \`${b.fileName}\` (${formatBytes(b.sizeBytes)}, taken ${ago(b.finishedAt, ops.now())})`] : [],
        ...out.comparison?.mismatches.map((m) => `Differs: ${describeMismatch(m)}`) ?? []
      ];
      return {
        ok: out.status === "passed",
        summary: out.status === "taken" ? "nothing ran: another restore test holds the lock" : out.status === "skipped" ? `nothing ran: ${out.summary}` : out.summary,
        details,
        ...b?.sha256 ? { checksum: b.sha256 } : {}
      };
    }
  };
}

// src/operations/backup/freshness.ts
async function readFreshness(s, env) {
  const [pg, graph, test2] = await Promise.all([
    s.backups.lastVerified(env),
    s.graphSnapshots.lastGood(env),
    s.store.query(
      `SELECT at FROM ctx_ops.audit_log WHERE env = $1 AND event = 'restore-test-passed' ORDER BY at DESC LIMIT 1`,
      [env]
    )
  ]);
  return {
    postgres: pg?.finishedAt ? { finishedAt: pg.finishedAt, file: pg.fileName } : null,
    graph: graph ? { finishedAt: graph.finishedAt, provider: graph.provider, kind: graph.kind } : null,
    restoreTest: test2.rows[0] ? { at: test2.rows[0].at } : null
  };
}

// src/operations/graph-snapshot/bolt-snapshot.ts
var neo4jDriver = lazyRequire("neo4j-driver");
var CREATE_SNAPSHOT = "CREATE SNAPSHOT;";
var SHOW_SNAPSHOTS = "SHOW SNAPSHOTS;";
var COMPONENTS = "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition";
function boltTargetOf(env) {
  if (!env.ctx.GRAPH_DB_URI) return { error: "GRAPH_DB_URI is not set" };
  return boltTarget(env.ctx.GRAPH_DB_URI, "GRAPH_DB_URI");
}
function openDriver(t, env, ops) {
  const c = boltCredentials(env.ctx);
  const neo4j = neo4jDriver();
  return neo4j.driver(t.uri, neo4j.auth.basic(c.user, c.password), {
    connectionTimeout: 1e4,
    connectionAcquisitionTimeout: 15e3,
    maxConnectionPoolSize: 2,
    maxTransactionRetryTime: 0,
    disableLosslessIntegers: true,
    userAgent: "ctx-ops",
    logging: { level: "warn", logger: (level, message) => ops.log.debug({ level, message }, "neo4j-driver") }
  });
}
async function run(driver, query) {
  const session = driver.session({ defaultAccessMode: neo4jDriver().session.WRITE });
  try {
    const res = await session.run(query);
    return res.records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}
var str = (v) => v === null || v === void 0 ? void 0 : String(v);
function describeShowSnapshots(rows, timeZone) {
  if (!rows.length) return ["SHOW SNAPSHOTS lists no snapshot"];
  const newest = rows[0];
  const path = str(newest.path);
  const created = str(newest.creation_time);
  const size2 = newest.size === void 0 ? void 0 : Number(newest.size);
  const when2 = created && !Number.isNaN(Date.parse(created)) ? dateTime(new Date(created), timeZone) : created;
  return [
    `Newest snapshot on the Memgraph host${path ? `: \`${path}\`` : ""}${when2 ? `, created ${when2}` : ""}${size2 !== void 0 && Number.isFinite(size2) ? `, ${formatBytes(size2)}` : ""} (${rows.length} kept by Memgraph)`
  ];
}
async function memgraphSnapshot(ops, env, io) {
  const t = boltTargetOf(env);
  if ("error" in t) return { ok: false, summary: `nothing ran: ${t.error}` };
  const driver = openDriver(t, env, ops);
  const startedAt = ops.now();
  const record = (ok, detail) => ops.stores.graphSnapshots.record({
    env: env.name,
    runId: io.runId ?? null,
    provider: "memgraph",
    kind: "server",
    state: ok ? "done" : "failed",
    graph: null,
    fileName: null,
    path: null,
    sizeBytes: null,
    sha256: null,
    serverTime: null,
    detail: ops.redactor.scrub(detail),
    startedAt,
    finishedAt: ops.now()
  });
  try {
    try {
      await run(driver, CREATE_SNAPSHOT);
    } catch (err) {
      const why = ops.redactor.scrub(err.message);
      await record(false, `CREATE SNAPSHOT failed: ${why}`);
      return { ok: false, summary: `CREATE SNAPSHOT on ${t.display} failed: ${why}` };
    }
    let details;
    try {
      details = describeShowSnapshots(await run(driver, SHOW_SNAPSHOTS), ops.config.timezone);
    } catch (err) {
      details = [
        `SHOW SNAPSHOTS is not available (${ops.redactor.scrub(err.message)}), so the file's place and size are not known`
      ];
    }
    details.push(
      "The snapshot stays on the Memgraph host (--data-directory/snapshots); copy it off the host to keep it"
    );
    await record(true, details.join("; "));
    return { ok: true, summary: `Memgraph snapshot (CREATE SNAPSHOT) on ${t.display} completed`, details };
  } finally {
    await driver.close().catch(() => {
    });
  }
}
async function neo4jAdvice(ops, env) {
  const t = boltTargetOf(env);
  let edition;
  let version;
  let problem;
  if ("error" in t) problem = t.error;
  else {
    const driver = openDriver(t, env, ops);
    try {
      const rows = await run(driver, COMPONENTS);
      const k = rows.find((r) => str(r.name)?.toLowerCase().includes("kernel")) ?? rows[0];
      edition = str(k?.edition);
      version = Array.isArray(k?.versions) ? String(k.versions[0]) : void 0;
    } catch (err) {
      problem = `could not read the edition (${ops.redactor.scrub(err.message)})`;
    } finally {
      await driver.close().catch(() => {
      });
    }
  }
  const where3 = "error" in t ? "" : ` at ${t.display}`;
  const lines = [
    edition ? `Neo4j${where3} is ${version ? `${version} ` : ""}${edition} edition (CALL dbms.components()).` : `Neo4j${where3}: ${problem ?? "the edition is not reported"}.`,
    "Neo4j has no snapshot a client can trigger over Bolt, so ctx-ops takes none."
  ];
  if (edition?.toLowerCase() === "enterprise")
    lines.push(
      "Enterprise: online backup with `neo4j-admin database backup --from=<host>:6362 --to-path=<dir> <database>` on a host that reaches the backup port (server.backup.enabled)."
    );
  lines.push(
    edition?.toLowerCase() === "enterprise" ? "Offline alternative: stop the database and run `neo4j-admin database dump <database> --to-path=<dir>`." : "Community: offline only: stop Neo4j and run `neo4j-admin database dump <database> --to-path=<dir>`, then start it again (plan the downtime)."
  );
  lines.push("The store age is not exposed over Bolt; check the dump files where you keep them.");
  return { lines, ...edition ? { edition } : {} };
}

// src/operations/graph-snapshot/graph-snapshot-command.ts
function createGraphSnapshotHandler(deps) {
  return {
    name: "graph-snapshot",
    usage: "graph-snapshot [env]",
    summary: "Snapshot the graph database (FalkorDB BGSAVE, Memgraph CREATE SNAPSHOT) after a confirmation",
    async run(req) {
      const chosen = oneEnvironment(req, "graph-snapshot", deps.config);
      if ("usageProblem" in chosen) return chosen;
      const env = findEnvironment(deps.ops.config, chosen.env);
      const provider = env.ctx.GRAPH_DB_PROVIDER;
      if (provider === "neo4j-community" || provider === "neo4j-enterprise" || provider === "neptune") {
        const lines = provider === "neptune" ? [
          "Amazon Neptune is backed up by AWS: automated backups and cluster snapshots (`aws neptune create-db-cluster-snapshot`, or the console). ctx-ops cannot trigger them over the graph connection."
        ] : (await neo4jAdvice(deps.ops, env)).lines;
        const text2 = `\u2139\uFE0F Graph snapshot of *${env.name}* (${provider}): nothing was run.
${lines.map((l) => `\u2022 ${l}`).join("\n")}`;
        await req.conversation.post({ text: text2.replace(/[*`]/g, ""), blocks: [md(text2)] });
        return {};
      }
      return requestGuarded(deps.approvals, req, "graph-snapshot", env.name);
    }
  };
}

// src/operations/graph-snapshot/falkordb-snapshot.ts
import { mkdir as mkdir2, rm as rm4 } from "node:fs/promises";

// src/operations/graph-snapshot/falkordb-export.ts
import { createHash as createHash4, randomBytes as randomBytes3 } from "node:crypto";
import { rename, rm as rm3, stat as stat2, writeFile as writeFile2 } from "node:fs/promises";
import { join as join4 } from "node:path";
var NODES_QUERY = "MATCH (n) RETURN count(n)";
var EDGES_QUERY = "MATCH ()-[r]->() RETURN count(r)";
var SCRATCH_PREFIX = "ctx-ops:scratch:";
async function graphCounts(c, key) {
  const one = async (q) => {
    const n = parseCountReply(await c.call("GRAPH.RO_QUERY", key, q, "--compact"));
    if (n === null) throw new Error(`GRAPH.RO_QUERY ${q} on ${key} gave an answer that is not a count`);
    return n;
  };
  return { nodes: await one(NODES_QUERY), edges: await one(EDGES_QUERY) };
}
function safeKeyPart(key) {
  return key.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 64) || "graph";
}
function exportFileName(env, key, at) {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
  return `${env}-graph-${safeKeyPart(key)}-${stamp}.falkordb`;
}
function countsMatch(before, after, copy) {
  const within3 = (a, b, x) => x >= Math.min(a, b) && x <= Math.max(a, b);
  return within3(before.nodes, after.nodes, copy.nodes) && within3(before.edges, after.edges, copy.edges);
}
async function exportGraph(c, o) {
  const fail = (reason) => ({ ok: false, graph: o.key, reason });
  const count = o.count ?? graphCounts;
  const before = await count(c, o.key);
  const payload = await c.callBuffer("DUMP", o.key);
  if (!Buffer.isBuffer(payload)) return fail("DUMP returned nothing (the key is gone?)");
  const after = await count(c, o.key);
  const fileName = exportFileName(o.env, o.key, o.at);
  const path = join4(o.dir, fileName);
  const partial = `${path}.partial`;
  await o.track?.partialFile(partial);
  await writeFile2(partial, payload, { mode: 384 });
  try {
    const sha256 = createHash4("sha256").update(payload).digest("hex");
    const scratch = `${SCRATCH_PREFIX}${safeKeyPart(o.key)}:${randomBytes3(4).toString("hex")}`;
    let copy;
    try {
      await c.call("RESTORE", scratch, 0, payload);
      copy = await count(c, scratch);
    } catch (err) {
      return fail(`the dump does not restore under a scratch key: ${err.message}`);
    } finally {
      await c.call("DEL", scratch).catch(() => {
      });
    }
    if (!countsMatch(before, after, copy))
      return fail(
        `the restored copy has ${copy.nodes} nodes and ${copy.edges} edges; the graph had ${before.nodes}\u2013${after.nodes} nodes and ${before.edges}\u2013${after.edges} edges`
      );
    await rename(partial, path);
    return { ok: true, graph: o.key, fileName, path, sizeBytes: (await stat2(path)).size, sha256, counts: copy };
  } finally {
    await rm3(partial, { force: true });
    await o.track?.partialFile(null);
  }
}

// src/operations/graph-snapshot/redis-persistence.ts
import { setTimeout as sleep2 } from "node:timers/promises";
function parsePersistenceInfo(text2) {
  const f = /* @__PURE__ */ new Map();
  for (const line of text2.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0 && !line.startsWith("#")) f.set(line.slice(0, i), line.slice(i + 1).trim());
  }
  const num2 = (k) => {
    const v = f.get(k);
    const n = v === void 0 ? NaN : Number(v);
    return Number.isFinite(n) ? n : null;
  };
  return {
    bgsaveInProgress: f.get("rdb_bgsave_in_progress") === "1",
    lastBgsaveStatus: f.get("rdb_last_bgsave_status") ?? null,
    lastSaveTime: num2("rdb_last_save_time"),
    saves: num2("rdb_saves"),
    lastBgsaveTimeSec: num2("rdb_last_bgsave_time_sec"),
    lastCowSize: num2("rdb_last_cow_size"),
    changesSinceLastSave: num2("rdb_changes_since_last_save")
  };
}
var text = (v) => Buffer.isBuffer(v) ? v.toString("utf8") : String(v);
async function info(c) {
  return parsePersistenceInfo(text(await c.call("INFO", "persistence")));
}
async function where(c) {
  try {
    const pairs = await c.call("CONFIG", "GET", "dir");
    const name = await c.call("CONFIG", "GET", "dbfilename");
    if (pairs.length >= 2 && name.length >= 2) return { dir: text(pairs[1]), dbfilename: text(name[1]) };
  } catch {
  }
  return void 0;
}
async function runBgsave(c, o) {
  const before = await info(c);
  const lastBefore = Number(await c.call("LASTSAVE"));
  let joined = false;
  try {
    await c.call("BGSAVE");
  } catch (err) {
    const msg = err.message;
    if (/already in progress/i.test(msg)) joined = true;
    else return { ok: false, stage: "bgsave", reason: `BGSAVE was refused: ${msg}` };
  }
  const until = Date.now() + o.deadlineMs;
  let last;
  for (let i = 0; i < Math.ceil(o.deadlineMs / Math.max(1, o.pollMs)) + 1; i++) {
    last = await info(c);
    if (!last.bgsaveInProgress) {
      if (last.lastBgsaveStatus !== null && last.lastBgsaveStatus !== "ok")
        return {
          ok: false,
          stage: "failed",
          reason: `the server reports rdb_last_bgsave_status:${last.lastBgsaveStatus} (its log says why, e.g. the dump directory is not writable or the disk is full)`,
          info: last
        };
      const lastNow = Number(await c.call("LASTSAVE"));
      const advanced = last.saves !== null && before.saves !== null && last.saves > before.saves || lastNow > lastBefore;
      if (advanced) {
        const file = await where(c);
        return { ok: true, savedAt: new Date(lastNow * 1e3), info: last, joined, ...file ? { file } : {} };
      }
    }
    if (Date.now() >= until || o.signal?.aborted) break;
    await sleep2(Math.min(o.pollMs, Math.max(1, until - Date.now())), void 0, { signal: o.signal }).catch(() => {
    });
  }
  return {
    ok: false,
    stage: "deadline",
    reason: last?.bgsaveInProgress ? `the snapshot was still being written after ${Math.round(o.deadlineMs / 1e3)} s (rdb_bgsave_in_progress:1); the server carries on, check again with INFO persistence` : `LASTSAVE did not move within ${Math.round(o.deadlineMs / 1e3)} s`,
    ...last ? { info: last } : {}
  };
}

// src/operations/graph-snapshot/falkordb-snapshot.ts
var ioredisModule = lazyRequire("ioredis");
function falkorTarget(env) {
  return redisTarget(env.ctx.GRAPH_DB_URI ?? DEFAULT_GRAPH_DB_URI, env.ctx);
}
function connectRedis(t) {
  const client = new (ioredisModule()).Redis({
    host: t.host,
    port: t.port,
    db: t.db,
    username: t.username,
    ...t.password ? { password: t.password } : {},
    lazyConnect: true,
    connectTimeout: 1e4,
    commandTimeout: 6e4,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableReadyCheck: false,
    disableClientInfo: true,
    enableOfflineQueue: false,
    ...t.tls ? { tls: { servername: t.host } } : {}
  });
  client.on("error", () => {
  });
  return client;
}
function describeBgsave(o, timeZone) {
  if (!o.ok) return [];
  const i = o.info;
  return [
    `Snapshot written by the server at ${dateTime(o.savedAt, timeZone, { seconds: true })} (LASTSAVE)${o.joined ? "; a save already running was followed" : ""}`,
    `Took ${i.lastBgsaveTimeSec !== null && i.lastBgsaveTimeSec >= 0 ? formatDuration(i.lastBgsaveTimeSec * 1e3) : "an unreported time"}; copy-on-write during the save ${formatBytes(i.lastCowSize)} (rdb_last_cow_size)`,
    o.file ? `File on the FalkorDB host: \`${o.file.dir}/${o.file.dbfilename}\` (Redis does not report its size; copy it off the host to keep it)` : "The file stays on the FalkorDB host (CONFIG GET is not allowed for this user, so its place is not known; Redis does not report its size)"
  ];
}
async function falkorSnapshot(ops, env, io) {
  const t = falkorTarget(env);
  if ("error" in t) return { ok: false, summary: `nothing ran: ${t.error}` };
  const cfg = ops.config.operations.graphSnapshot;
  const s = ops.stores;
  const client = connectRedis(t);
  const startedAt = ops.now();
  const record = (r) => s.graphSnapshots.record(r);
  const base = { env: env.name, runId: io.runId ?? null, provider: "falkordb", startedAt };
  try {
    await client.connect();
    const out = await runBgsave(client, {
      deadlineMs: cfg.deadlineSeconds * 1e3,
      pollMs: cfg.pollMilliseconds,
      signal: io.signal
    });
    const details = describeBgsave(out, ops.config.timezone);
    await record({
      ...base,
      kind: "server",
      state: out.ok ? "done" : "failed",
      graph: null,
      fileName: null,
      path: null,
      sizeBytes: null,
      sha256: null,
      serverTime: out.ok ? out.savedAt : null,
      detail: ops.redactor.scrub(out.ok ? details.join("; ") : out.reason),
      finishedAt: ops.now()
    });
    if (!out.ok)
      return {
        ok: false,
        summary: `BGSAVE on ${t.display} ${out.stage === "deadline" ? "did not finish in time" : "failed"}: ${ops.redactor.scrub(out.reason)}`
      };
    if (!cfg.export) return { ok: true, summary: `FalkorDB snapshot (BGSAVE) on ${t.display} completed`, details };
    const exports = await exportAll(ops, env, client, base, io.track);
    const bad = exports.filter((e) => !e.ok);
    const good = exports.filter((e) => e.ok);
    const removed = await retain(
      ops,
      env.name,
      good.map((g) => g.graph)
    );
    return {
      ok: bad.length === 0,
      summary: `FalkorDB snapshot (BGSAVE) on ${t.display} completed; ${good.length} of ${exports.length} graphs exported and verified${bad.length ? `; ${bad.length} failed` : ""}`,
      details: [
        ...details,
        ...good.map(
          (g) => `\`${g.fileName}\` (${formatBytes(g.sizeBytes)}, ${g.counts.nodes} nodes, ${g.counts.edges} edges) sha256 \`${g.sha256}\``
        ),
        ...bad.map((b) => `\u274C ${b.graph}: ${ops.redactor.scrub(b.reason)}`),
        ...good.length ? [`To put one back: \`redis-cli -x RESTORE <graph> 0 < <file>\``] : [],
        ...removed.length ? [`Retention removed ${removed.length}: ${removed.join(", ")}`] : []
      ],
      ...good.length === 1 ? { checksum: good[0].sha256 } : {}
    };
  } catch (err) {
    return { ok: false, summary: `FalkorDB at ${t.display}: ${ops.redactor.scrub(err.message)}` };
  } finally {
    client.disconnect();
  }
}
async function exportAll(ops, env, client, base, track) {
  await mkdir2(ops.backupDir, { recursive: true, mode: 448 });
  const keys = (await client.call("GRAPH.LIST")).map(String).sort();
  const out = [];
  for (const key of keys) {
    const at = ops.now();
    const e = await exportGraph(client, {
      env: env.name,
      key,
      dir: ops.backupDir,
      at,
      ...track ? { track } : {}
    }).catch((err) => ({ ok: false, graph: key, reason: err.message }));
    out.push(e);
    await ops.stores.graphSnapshots.record({
      ...base,
      kind: "export",
      state: e.ok ? "verified" : "failed",
      graph: key,
      fileName: e.ok ? e.fileName : null,
      path: e.ok ? e.path : null,
      sizeBytes: e.ok ? e.sizeBytes : null,
      sha256: e.ok ? e.sha256 : null,
      serverTime: null,
      detail: ops.redactor.scrub(
        e.ok ? `verified by RESTORE under a scratch key: ${e.counts.nodes} nodes, ${e.counts.edges} edges` : e.reason
      ),
      startedAt: at,
      finishedAt: ops.now()
    });
  }
  return out;
}
async function retain(ops, env, graphs) {
  const s = ops.stores;
  const rules = ops.config.operations.retention;
  const removed = [];
  for (const g of graphs) {
    const rows = await s.graphSnapshots.verifiedExports(env, g);
    for (const r of selectForRemoval(rows, rules, ops.now())) {
      if (!await s.graphSnapshots.markRemoved(r.id, ops.now())) continue;
      if (r.path) await rm4(r.path, { force: true });
      await s.audit.append({
        event: "retention-removed",
        env,
        kind: "graph-snapshot",
        detail: `removed ${r.fileName} (${describeRules(rules)})`,
        ...r.sha256 ? { checksum: r.sha256 } : {}
      });
      removed.push(r.fileName ?? g);
    }
  }
  return removed;
}

// src/operations/graph-snapshot/graph-snapshot-kind.ts
function snapshotRefusal(ops, env) {
  if (!ops.stores) return NEEDS_STORE2;
  const p = env.ctx.GRAPH_DB_PROVIDER;
  if (p === "falkordb") {
    const t = falkorTarget(env);
    return "error" in t ? t.error : null;
  }
  if (p === "memgraph") {
    const t = boltTargetOf(env);
    return "error" in t ? t.error : null;
  }
  return `GRAPH_DB_PROVIDER=${p} has no snapshot ctx-ops can trigger`;
}
function graphSnapshotKind(ops) {
  const cfg = ops.config.operations.graphSnapshot;
  return {
    kind: "graph-snapshot",
    title: (_p, env) => `Snapshot the graph database of ${env.name}`,
    confirmLabel: "Take the snapshot",
    timeoutMs: cfg.deadlineSeconds * 1e3 + 30 * 6e4,
    precheck: async (_p, env) => snapshotRefusal(ops, env),
    async preview(_p, env) {
      if (env.ctx.GRAPH_DB_PROVIDER === "memgraph") {
        const t2 = boltTargetOf(env);
        return [
          `Memgraph at \`${"error" in t2 ? "?" : t2.display}\`: \`CREATE SNAPSHOT\`, then \`SHOW SNAPSHOTS\` for its place and time`,
          "The snapshot file stays on the Memgraph host; Memgraph prunes old ones (--storage-snapshot-retention-count)"
        ];
      }
      const t = falkorTarget(env);
      return [
        `FalkorDB at \`${"error" in t ? "?" : t.display}\`: \`BGSAVE\`, followed with \`INFO persistence\` / \`LASTSAVE\` for up to ${cfg.deadlineSeconds} s`,
        cfg.export ? `Then each graph (\`GRAPH.LIST\`) is copied with \`DUMP\` into \`${ops.backupDir}\` with its sha256, verified by \`RESTORE\` under a scratch key (deleted afterwards) and node/edge counts; retention ${describeRules(ops.config.operations.retention)}` : "The snapshot file stays on the FalkorDB host (no copy held by ctx-ops: operations.graphSnapshot.export is off)"
      ];
    },
    async run(ctx) {
      if (ctx.env.ctx.GRAPH_DB_PROVIDER === "memgraph") return memgraphSnapshot(ops, ctx.env, { runId: ctx.runId });
      return falkorSnapshot(ops, ctx.env, {
        signal: ctx.signal,
        ...ctx.runId !== void 0 ? { runId: ctx.runId } : {},
        ...ctx.track ? { track: ctx.track } : {}
      });
    }
  };
}

// src/operations/migrate/migrate-command.ts
import { stat as stat3 } from "node:fs/promises";

// src/operations/migrate/pending-migrations.ts
var MIGRATIONS_DIR_HINT = "set `environments.<env>.migrationsDir` in ctx-ops.yml (or CTX_MIGRATIONS_DIR) to the deployment's apps/backend/migrations folder, so pending migrations can be listed and checked afterwards";
async function readPending(env, scrub) {
  const dir = env.migrationsDir;
  if (!dir) return { ok: false, reason: `The migrations folder of ${env.name} is not known: ${MIGRATIONS_DIR_HINT}.` };
  if (!env.ctx.DATABASE_URL) return { ok: false, reason: `DATABASE_URL is not set for ${env.name}.` };
  let local;
  try {
    local = readMigrationFolder(dir);
  } catch (err) {
    return {
      ok: false,
      reason: `Cannot read the migrations folder ${dir} (${err.code ?? err.message}).`
    };
  }
  let applied;
  try {
    applied = await withClient(env.ctx.DATABASE_URL, (c) => readAppliedMigrations(c));
  } catch (err) {
    return {
      ok: false,
      reason: `Cannot read drizzle.__drizzle_migrations of ${env.name}: ${scrub(err.message)}`
    };
  }
  const cmp = compareMigrations(local, applied ?? []);
  const last = applied?.length ? applied[applied.length - 1].name ?? `#${applied[applied.length - 1].id}` : null;
  return {
    ok: true,
    dir,
    pending: cmp.pending,
    appliedCount: cmp.appliedCount,
    last,
    changed: cmp.changed,
    unknown: cmp.unknown,
    neverRan: applied === null
  };
}
function samePending(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

// src/operations/migrate/migrate-command.ts
function createMigrateHandler(deps) {
  return {
    name: "migrate",
    usage: "migrate [env]",
    summary: "List pending migrations and run them after a backup and a confirmation",
    async run(req) {
      const { flags, rest, errors } = extractFlags(req.args, { withValue: ["env"] });
      const choice = chooseEnvironment(rest, flags.env, deps.config);
      const problem = errors[0] ?? choice.error ?? (choice.all ? "`migrate` takes one environment" : leftoverProblem(choice.rest, deps.config));
      if (problem) return { usageProblem: problem };
      if (!deps.backups) {
        await req.conversation.ephemeral(renderNotice(NEEDS_STORE2));
        return { status: "fail" };
      }
      const env = findEnvironment(deps.config, choice.env);
      const state = await readPending(env, deps.scrub);
      if (!state.ok) {
        await req.conversation.ephemeral(renderNotice(`\u{1F6AB} ${state.reason}`));
        return { status: "fail" };
      }
      if (!state.pending.length) {
        const warn = [
          ...state.changed.length ? [
            `\u26A0\uFE0F ${state.changed.length} applied migration(s) differ from their migration.sql: ${state.changed.join(", ")}`
          ] : [],
          ...state.unknown.length ? [`\u26A0\uFE0F ${state.unknown.length} applied migration(s) are not in the folder: ${state.unknown.join(", ")}`] : []
        ];
        const text2 = [
          `\u2705 Nothing to migrate on *${env.name}*: ${state.appliedCount} applied, last \`${state.last ?? "none"}\`.`,
          ...warn
        ].join("\n");
        await req.conversation.post({
          text: text2.replace(/[*`]/g, ""),
          blocks: [md(text2)],
          json: { env: env.name, pending: [], applied: state.appliedCount, last: state.last }
        });
        return { status: "ok" };
      }
      const last = await deps.backups.lastVerified(env.name);
      const limitMs = deps.config.operations.requireBackupWithinMinutes * 6e4;
      const recent = last?.finishedAt && deps.now().getTime() - last.finishedAt.getTime() <= limitMs && await stat3(last.path).then(
        () => true,
        () => false
      );
      return recent ? requestGuarded(deps.approvals, req, "migrate", env.name, { pending: state.pending, backupId: last.id }) : requestGuarded(deps.approvals, req, "backup-then-migrate", env.name, { pending: state.pending });
    }
  };
}

// src/slack/user-groups.ts
function mention2(principal) {
  if (principal.startsWith("local:")) return `\`${principal}\``;
  if (principal.startsWith("S")) return `<!subteam^${principal}>`;
  return `<@${principal}>`;
}
var PLAN_ERRORS = /* @__PURE__ */ new Set(["plan_upgrade_required", "paid_only", "paid_teams_only", "team_not_on_paid_plan"]);
function groupProblemOf(group, err) {
  const code2 = err?.data?.error;
  return groupProblemFromCode(group, code2, err?.message);
}
function groupProblemFromCode(group, code2, message) {
  if (code2 === "missing_scope") return { group, kind: "missing-scope", code: code2 };
  if (code2 && PLAN_ERRORS.has(code2)) return { group, kind: "plan", code: code2 };
  if (code2 === "no_such_subteam" || code2 === "subteam_not_found") return { group, kind: "not-found", code: code2 };
  return { group, kind: "other", code: code2 ?? (message || "unknown error") };
}
function describeGroupProblem(p, key) {
  switch (p.kind) {
    case "missing-scope":
      return {
        seen: `the Slack app lacks the usergroups:read scope, so the members of ${mention2(p.group)} (named in \`${key}\`) cannot be read`,
        fix: "add `usergroups:read` under OAuth & Permissions \u2192 Bot Token Scopes and reinstall the app (manifest.yml has it), or list user ids (U\u2026) instead of the group"
      };
    case "plan":
      return {
        seen: `this Slack workspace's plan has no user groups (Slack answered ${p.code}), so ${mention2(p.group)} in \`${key}\` has no members`,
        fix: `list Slack user ids (U\u2026) in \`${key}\` instead of user-group ids`
      };
    case "not-found":
      return {
        seen: `the user group ${p.group} named in \`${key}\` does not exist in this workspace (${p.code})`,
        fix: `check the id in \`${key}\` (user-group ids start with S)`
      };
    default:
      return {
        seen: `Slack answered ${p.code} when asked for the members of ${mention2(p.group)} (named in \`${key}\`)`,
        fix: "try again; `/ctx doctor` checks the app's scopes and tokens"
      };
  }
}
function createGroupResolver(opts) {
  const ttl = opts.ttlMs ?? 6e4;
  const now = opts.now ?? Date.now;
  const cache = /* @__PURE__ */ new Map();
  const lookup = async (groupId) => {
    const hit = cache.get(groupId);
    if (hit && now() - hit.at < ttl) return { ok: true, members: hit.members };
    const client = opts.client();
    if (!client)
      return {
        ok: false,
        problem: { group: groupId, kind: "other", code: "no Slack connection (user groups are read from Slack)" }
      };
    try {
      const res = await client.usergroups.users.list({ usergroup: groupId });
      const members = new Set(res.users ?? []);
      cache.set(groupId, { at: now(), members });
      return { ok: true, members };
    } catch (err) {
      const problem = groupProblemOf(groupId, err);
      opts.log.warn({ group: groupId, problem: problem.kind, code: problem.code }, "could not list user-group members");
      return { ok: false, problem };
    }
  };
  return {
    lookup,
    async members(groupId) {
      const r = await lookup(groupId);
      return r.ok ? r.members : null;
    }
  };
}

// src/operations/approvals/permissions.ts
function policyFor(config, env) {
  const entry = config.permissions[env.name];
  if (!entry) {
    const open2 = env.production ? { mode: "nobody" } : { mode: "anyone" };
    return {
      env: env.name,
      production: env.production,
      configured: false,
      request: open2,
      approve: open2,
      channels: null,
      twoPerson: env.production
    };
  }
  const req = entry.request ?? entry.approve;
  const app = entry.approve ?? entry.request;
  const fallback = env.production ? { mode: "nobody" } : { mode: "anyone" };
  const list = (l) => l ? { mode: "listed", principals: l } : fallback;
  return {
    env: env.name,
    production: env.production,
    configured: true,
    request: list(req),
    approve: list(app),
    channels: entry.channels?.length ? entry.channels.map((c) => resolveChannelRef(config, c)) : null,
    twoPerson: entry.twoPerson ?? env.production
  };
}
function describeList(list) {
  if (list.mode === "anyone") return "anyone";
  if (list.mode === "nobody") return "nobody";
  return list.principals.map(mention2).join(", ");
}
function yamlHint(env) {
  return [
    "permissions:",
    `  ${env}:`,
    "    request: [S0ONCALL]     # Slack user (U\u2026/W\u2026) or user-group (S\u2026) ids; local:<user> for the shell",
    "    approve: [S0LEADS]",
    "    channels: [C0OPS]       # where operations may be asked for and confirmed",
    "    twoPerson: true         # confirmer must differ from requester (default for production)"
  ].join("\n");
}
function noPolicy(policy, what2) {
  const why = policy.configured ? `\`permissions.${policy.env}\` lists nobody who may ${what2} (set \`${what2}\`)` : `*${policy.env}* is marked production and has no \`permissions.${policy.env}\` entry, so nobody may run operations there`;
  return {
    code: "no-policy",
    message: `Operations on *${policy.env}* are turned off: ${why}. Add to ctx-ops.yml:
\`\`\`
${yamlHint(policy.env)}
\`\`\``
  };
}
function channelRefusal(policy, surface, channelId) {
  if (surface !== "slack" || !policy.channels) return null;
  if (channelId && policy.channels.includes(channelId)) return null;
  return {
    code: "wrong-channel",
    message: `Operations on *${policy.env}* are allowed only in ${policy.channels.map((c) => `<#${c}>`).join(", ")}.`
  };
}
function decideRequest(i) {
  if (i.surface === "cli") {
    return {
      code: "cli",
      message: "Guarded operations need a confirmation button: ask for them in Slack or in the local shell (`ctx-ops shell`), not the one-shot CLI."
    };
  }
  if (i.policy.request.mode === "nobody") return noPolicy(i.policy, "request");
  const wrong = channelRefusal(i.policy, i.surface, i.actor.channelId);
  if (wrong) return wrong;
  if (!i.mayRequest) {
    if (i.groupProblems?.length) return groupsRefusal(i.policy, "request", i.groupProblems);
    const local = isLocal(i.actor) ? ` Local users need \`${i.actor.userId}\` or \`local:*\` in the list.` : "";
    return {
      code: "unauthorised",
      message: `You may not request operations on *${i.policy.env}*: \`permissions.${i.policy.env}.request\` allows ${describeList(i.policy.request)}.${local}`
    };
  }
  return null;
}
function decideConfirm(i) {
  const a = i.approval;
  if (!a)
    return { code: "unknown", message: "This confirmation is unknown (it may belong to another bot installation)." };
  if (!a.hashOk)
    return {
      code: "tampered",
      message: "This approval no longer matches what was requested (its parameters changed); nothing runs. Ask again."
    };
  if (a.state !== "requested")
    return {
      code: "already-used",
      message: `This confirmation cannot be used: ${alreadyUsedText(a.state, a.confirmerName)}.`
    };
  if (a.expiresAt.getTime() <= i.now.getTime())
    return { code: "expired", message: "This confirmation has expired; nothing ran. Ask again." };
  if (i.surface === "cli") return { code: "cli", message: "Confirmations cannot be given from the one-shot CLI." };
  if (i.policy.approve.mode === "nobody") return noPolicy(i.policy, "approve");
  const wrong = channelRefusal(i.policy, i.surface, i.actor.channelId);
  if (wrong) return wrong;
  if (!i.mayApprove) {
    if (i.groupProblems?.length) return groupsRefusal(i.policy, "approve", i.groupProblems);
    const local = isLocal(i.actor) ? ` Local users need \`${i.actor.userId}\` or \`local:*\` in the list.` : "";
    return {
      code: "unauthorised",
      message: `You may not confirm operations on *${i.policy.env}*: \`permissions.${i.policy.env}.approve\` allows ${describeList(i.policy.approve)}.${local}`
    };
  }
  if (i.policy.twoPerson && a.requesterId === i.actor.userId) {
    const local = isLocal(i.actor) ? " One local user cannot meet it alone: confirm from Slack, or turn `twoPerson` off for this environment." : "";
    return {
      code: "same-person",
      message: `The two-person rule is on for *${i.policy.env}*: the person who asked cannot confirm; another approver must.${local}`
    };
  }
  return null;
}
function decideCancel(i) {
  const a = i.approval;
  if (!a) return { code: "unknown", message: "This request is unknown." };
  if (a.state !== "requested")
    return {
      code: "already-used",
      message: `This request cannot be cancelled: ${alreadyUsedText(a.state, a.confirmerName)}.`
    };
  if (a.requesterId === i.actor.userId || i.mayApprove) return null;
  return {
    code: "unauthorised",
    message: `Only the person who asked or an approver (${describeList(i.policy.approve)}) can cancel this.`
  };
}
function groupsRefusal(policy, what2, problems) {
  const key = `permissions.${policy.env}.${what2}`;
  const parts = problems.map((p) => describeGroupProblem(p, key));
  const seen = [...new Set(parts.map((x) => x.seen))].join("; ");
  const fix = [...new Set(parts.map((x) => x.fix))].join("; ");
  const verb = what2 === "request" ? "request" : "confirm";
  return {
    code: "groups-unavailable",
    message: `Could not check whether you may ${verb} operations on *${policy.env}*: ${seen}. To fix: ${fix}.`
  };
}
async function matches2(list, actor, groups) {
  return (await checkMembership(list, actor, groups)).matched;
}

// src/operations/approvals/approvals.ts
var DEFAULT_TIMEOUT_MS = 30 * 6e4;
var CHECK_TIMEOUT_MS = 2e4;
var FINAL_EVENT = {
  succeeded: "succeed",
  failed: "fail",
  interrupted: "interrupt"
};
var LostRecord = class extends Error {
};
async function inTx(db, fn) {
  await db.query("BEGIN");
  try {
    const out = await fn();
    await db.query("COMMIT");
    return out;
  } catch (err) {
    await db.query("ROLLBACK").catch(() => {
    });
    throw err;
  }
}
function createApprovals(d) {
  const kinds = /* @__PURE__ */ new Map();
  const running = /* @__PURE__ */ new Map();
  const log = d.log.child({ part: "approvals" });
  const s = d.stores;
  const scrub = (t) => d.redactor.scrub(t);
  const errText = (err) => scrub(err?.message ?? String(err));
  const auditSafe = async (e) => {
    try {
      await s?.audit.append(e);
    } catch (err) {
      log.error(
        { err: { message: errText(err) }, event: e.event, approval: e.approvalId },
        "could not write the audit log"
      );
    }
  };
  const viewOf = (row, kind, env, policy) => ({
    id: row.id,
    kind: row.kind,
    env: row.env,
    title: kind.title(row.params, env),
    preview: row.preview,
    requesterId: row.requesterId,
    expiresAt: row.expiresAt,
    approvers: describeList(policy.approve),
    twoPerson: row.twoPerson,
    paramsHash: row.paramsHash,
    confirmLabel: kind.confirmLabel,
    timeZone: d.config.timezone
  });
  const lookup = (row) => {
    const env = row ? findEnvironment(d.config, row.env) : void 0;
    const kind = row ? kinds.get(row.kind) : void 0;
    return row && env && kind ? { row, env, kind, policy: policyFor(d.config, env) } : null;
  };
  const rootOf = (req, row) => {
    if (row.messageChannel && row.messageTs && (!req.message || row.messageChannel === req.message.channel))
      return { channel: row.messageChannel, ts: row.messageTs, ...row.threadTs ? { threadTs: row.threadTs } : {} };
    return req.message;
  };
  const safely = async (what2, p) => {
    try {
      await p;
    } catch (err) {
      log.warn({ err: { message: errText(err) } }, `could not ${what2}`);
    }
  };
  async function refuseClick(req, refusal3, row) {
    await auditSafe({
      event: "refused",
      env: row?.env,
      kind: row?.kind,
      approvalId: row?.id,
      actorId: req.actor.userId,
      actorName: req.actor.userName,
      reason: refusal3.code,
      detail: refusal3.message,
      paramsHash: row?.paramsHash
    });
    await safely("explain a refusal", req.conversation.ephemeral(renderNotice(`\u{1F6AB} ${refusal3.message}`)));
  }
  async function expire(row, v, update) {
    const moved = await s.approvals.transition(row.id, "requested", "expire", { decidedAt: d.now() });
    if (!moved) return;
    await auditSafe({ event: "expired", env: row.env, kind: row.kind, approvalId: row.id, paramsHash: row.paramsHash });
    if (v)
      await safely(
        "mark the confirmation expired",
        update(renderApprovalDecided(v, { state: "expired", at: d.now() }))
      );
  }
  async function execute(req, row, kind, env, v) {
    const conv = req.conversation;
    const root = rootOf(req, row);
    const confirmer = req.actor;
    const updateRoot = (state, summary) => root ? safely(
      "update the confirmation",
      conv.update(root, renderApprovalDecided(v, { state, by: confirmer.userId, at: d.now(), summary }))
    ) : Promise.resolve();
    const postInThread = (msg) => safely("post in the thread", conv.post(msg, root ? { thread: root } : void 0));
    const base = {
      env: env.name,
      kind: row.kind,
      approvalId: row.id,
      actorId: confirmer.userId,
      actorName: confirmer.userName,
      paramsHash: row.paramsHash
    };
    await updateRoot("running");
    const notStarted = async (summary) => {
      await s.approvals.transition(row.id, "confirmed", "fail", { summary, finishedAt: d.now() });
      await auditSafe({ ...base, event: "failed", detail: summary });
      await updateRoot("failed", summary);
      await postInThread(renderRunResult({ ok: false, title: v.title, summary }));
    };
    let lease;
    try {
      const got = await openLease(s.store, { exclusiveEnv: env.name });
      if ("busy" in got)
        return notStarted(`another operation is running on ${env.name}; nothing ran. Ask again when it has finished.`);
      lease = got.lease;
    } catch (err) {
      return notStarted(`could not start (the store is unreachable: ${errText(err)}); nothing ran`);
    }
    const runId = lease.runId;
    try {
      const startedAt = d.now();
      const started = await inTx(lease.db, async () => {
        const run2 = await s.runs.insert(lease.db, {
          id: runId,
          kind: row.kind,
          env: env.name,
          approvalId: row.id,
          runner: d.runner,
          startedAt,
          threadChannel: root?.channel,
          threadTs: root ? root.threadTs ?? root.ts : void 0
        });
        const moved = await s.approvals.transition(row.id, "confirmed", "start", { runId }, { db: lease.db });
        if (!run2 || !moved) throw new LostRecord();
        return true;
      }).catch((err) => err instanceof LostRecord ? false : Promise.reject(err));
      if (!started) {
        await postInThread(renderNotice("\u26A0\uFE0F This approval changed state before its run could start; nothing ran."));
        return;
      }
      await auditSafe({ ...base, event: "started", runId, detail: v.title });
      const controller = new AbortController();
      const timeoutMs = kind.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const timer = setTimeout(() => controller.abort("timeout"), timeoutMs);
      const track = {
        partialFile: (p) => s.runs.track(runId, "partial_path", p),
        scratchDatabase: (n) => s.runs.track(runId, "scratch_db", n)
      };
      const ctx = {
        env,
        params: row.params,
        thread: root ?? { channel: "", ts: "" },
        conversation: conv,
        log: log.child({ approval: row.id, run: runId, kind: row.kind, env: env.name }),
        signal: controller.signal,
        requester: { userId: row.requesterId, ...row.requesterName ? { userName: row.requesterName } : {} },
        confirmer,
        track,
        runId
      };
      const t0 = performance.now();
      const done = (async () => {
        let result;
        try {
          result = await kind.run(ctx);
        } catch (err) {
          result = { ok: false, summary: `failed: ${errText(err)}` };
        } finally {
          clearTimeout(timer);
        }
        const durationMs = Math.round(performance.now() - t0);
        const reason = controller.signal.aborted ? controller.signal.reason : void 0;
        const final = result.ok ? "succeeded" : reason === "shutdown" ? "interrupted" : "failed";
        const summary = scrub(
          reason === "timeout" && !result.ok ? `${result.summary} (stopped after ${Math.round(timeoutMs / 6e4)} min)` : result.summary
        );
        const finishedAt = d.now();
        let recorded = "yes";
        try {
          await inTx(lease.db, async () => {
            const r1 = await s.runs.finish(lease.db, runId, final, {
              finishedAt,
              durationMs,
              exitStatus: result.exitStatus,
              summary,
              checksum: result.checksum
            });
            const r2 = await s.approvals.transition(
              row.id,
              "running",
              FINAL_EVENT[final],
              { summary, finishedAt },
              { db: lease.db }
            );
            if (!r1 || !r2) throw new LostRecord();
          });
        } catch (err) {
          recorded = err instanceof LostRecord ? "lost" : "error";
          log.error({ run: runId, err: { message: errText(err) } }, "could not record the outcome of a run");
        }
        if (recorded === "lost") {
          const note = `\u26A0\uFE0F ${v.title}: this run was already marked interrupted (its connection to the store was lost) before it finished; its own result was "${summary}". Check with \`/ctx backups\` or \`/ctx migrate\` before relying on it.`;
          await auditSafe({
            ...base,
            event: "interrupted",
            runId,
            detail: `record lost; the run reported: ${summary}`,
            durationMs
          });
          await postInThread(renderNotice(note));
          return;
        }
        await auditSafe({
          ...base,
          event: final,
          runId,
          detail: summary,
          exitStatus: result.exitStatus,
          durationMs,
          checksum: result.checksum
        });
        const shown = recorded === "error" ? `${summary} (the store could not record this outcome)` : summary;
        await updateRoot(final, shown);
        const details = [
          ...result.details ?? [],
          ...final === "interrupted" ? ["The bot was shutting down; the run was stopped and cleaned up."] : []
        ];
        await postInThread(
          renderRunResult({
            ok: result.ok,
            interrupted: final === "interrupted",
            title: v.title,
            summary: shown,
            details: details.map(scrub),
            tail: result.output?.map(scrub),
            durationMs,
            checksum: result.checksum,
            by: confirmer.userId
          })
        );
      })();
      running.set(runId, { controller, done });
      await done;
    } finally {
      running.delete(runId);
      await lease.release();
    }
  }
  const service = {
    kinds,
    registerKind(kind) {
      if (kinds.has(kind.kind)) throw new Error(`guarded action kind "${kind.kind}" is registered twice`);
      kinds.set(kind.kind, kind);
    },
    async request(r) {
      const surface = r.surface ?? (r.requester.userId.startsWith("local:") ? "shell" : "slack");
      const kind = kinds.get(r.kind);
      if (!kind) return { requested: false, reason: `There is no operation "${r.kind}".` };
      const env = findEnvironment(d.config, r.env);
      if (!env)
        return {
          requested: false,
          reason: `There is no environment "${r.env}" (known: ${d.config.environments.map((e) => e.name).join(", ")}).`
        };
      if (!s) return { requested: false, reason: NEEDS_STORE2 };
      const actor = r.requester;
      const refuse = async (code2, reason) => {
        await auditSafe({
          event: "request-refused",
          env: env.name,
          kind: r.kind,
          actorId: actor.userId,
          actorName: actor.userName,
          reason: code2,
          detail: reason
        });
        return { requested: false, reason };
      };
      const policy = policyFor(d.config, env);
      const membership = await checkMembership(policy.request, actor, d.groups);
      const refusal3 = decideRequest({
        policy,
        actor,
        surface,
        mayRequest: membership.matched,
        groupProblems: membership.groupProblems
      });
      if (refusal3) return refuse(refusal3.code, refusal3.message);
      const busy = await s.runs.runningFor(env.name);
      if (busy)
        return refuse(
          "busy",
          `A ${busy.kind} is already running on *${env.name}* (started ${ago(busy.startedAt, d.now())}); ask again when it has finished.`
        );
      const signal = AbortSignal.timeout(CHECK_TIMEOUT_MS);
      let pre;
      try {
        pre = await kind.precheck?.(r.params, env, signal) ?? null;
      } catch (err) {
        pre = `Could not check whether this can run: ${errText(err)}`;
      }
      if (pre) return refuse("precheck", pre);
      let preview;
      try {
        preview = await kind.preview?.(r.params, env, signal) ?? [];
      } catch (err) {
        preview = [`(preview unavailable: ${errText(err)})`];
      }
      const now = d.now();
      const row = await s.approvals.create({
        kind: r.kind,
        env: env.name,
        params: r.params,
        preview: preview.map(scrub),
        requesterId: actor.userId,
        requesterName: actor.userName ?? null,
        twoPerson: policy.twoPerson,
        surface,
        channelId: actor.channelId ?? null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + d.config.operations.approvalExpiresMinutes * 6e4)
      });
      const v = viewOf(row, kind, env, policy);
      await s.audit.append({
        event: "requested",
        env: env.name,
        kind: r.kind,
        approvalId: row.id,
        actorId: actor.userId,
        actorName: actor.userName,
        detail: v.title,
        paramsHash: row.paramsHash
      });
      const ref = await r.conversation.post(renderApprovalRequest(v, now), r.thread ? { thread: r.thread } : void 0);
      await s.approvals.setMessage(row.id, ref);
      log.info({ approval: row.id, kind: r.kind, env: env.name, user: actor.userId }, "approval requested");
      return { requested: true, approvalId: row.id, ref };
    },
    async confirm(req) {
      if (!s) return void await safely("answer", req.conversation.ephemeral(renderNotice(NEEDS_STORE2)));
      const row = await s.approvals.get(req.value.trim());
      const found = lookup(row);
      const now = d.now();
      const membership = found ? await checkMembership(found.policy.approve, req.actor, d.groups) : { matched: false, groupProblems: [] };
      const mayApprove = membership.matched;
      const refusal3 = decideConfirm({
        groupProblems: membership.groupProblems,
        policy: found?.policy ?? policyFor(d.config, { name: "", production: true }),
        actor: req.actor,
        surface: req.surface,
        approval: found ? {
          state: found.row.state,
          expiresAt: found.row.expiresAt,
          requesterId: found.row.requesterId,
          confirmerName: found.row.confirmerId ? who3(found.row.confirmerId) : null,
          hashOk: paramsHash(found.row.kind, found.row.env, found.row.params) === found.row.paramsHash
        } : null,
        now,
        mayApprove
      });
      if (refusal3 || !found) {
        if (refusal3?.code === "expired" && found) {
          const root = rootOf(req, found.row);
          await expire(
            found.row,
            viewOf(found.row, found.kind, found.env, found.policy),
            (m) => root ? req.conversation.update(root, m) : Promise.resolve()
          );
        }
        return refuseClick(req, refusal3 ?? { code: "unknown", message: "This confirmation is unknown." }, row);
      }
      const confirmed = await s.approvals.transition(
        found.row.id,
        "requested",
        "confirm",
        { confirmerId: req.actor.userId, confirmerName: req.actor.userName ?? null, decidedAt: now },
        { unexpiredAt: now }
      );
      if (!confirmed) {
        const fresh = await s.approvals.get(found.row.id) ?? found.row;
        const again = decideConfirm({
          policy: found.policy,
          actor: req.actor,
          surface: req.surface,
          approval: {
            state: fresh.state,
            expiresAt: fresh.expiresAt,
            requesterId: fresh.requesterId,
            confirmerName: fresh.confirmerId ? who3(fresh.confirmerId) : null,
            hashOk: true
          },
          now,
          mayApprove: true
        });
        return refuseClick(
          req,
          again ?? { code: "already-used", message: "This confirmation was already used." },
          fresh
        );
      }
      await s.audit.append({
        event: "confirmed",
        env: confirmed.env,
        kind: confirmed.kind,
        approvalId: confirmed.id,
        actorId: req.actor.userId,
        actorName: req.actor.userName,
        detail: found.kind.title(confirmed.params, found.env),
        paramsHash: confirmed.paramsHash
      });
      log.info(
        { approval: confirmed.id, kind: confirmed.kind, env: confirmed.env, user: req.actor.userId },
        "approval confirmed"
      );
      await execute(req, confirmed, found.kind, found.env, viewOf(confirmed, found.kind, found.env, found.policy));
    },
    async cancel(req) {
      if (!s) return void await safely("answer", req.conversation.ephemeral(renderNotice(NEEDS_STORE2)));
      const row = await s.approvals.get(req.value.trim());
      const found = lookup(row);
      const mayApprove = found ? await matches2(found.policy.approve, req.actor, d.groups) : false;
      const refusal3 = decideCancel({
        actor: req.actor,
        approval: found ? {
          state: found.row.state,
          requesterId: found.row.requesterId,
          confirmerName: found.row.confirmerId ? who3(found.row.confirmerId) : null
        } : null,
        mayApprove,
        policy: found?.policy ?? policyFor(d.config, { name: "", production: true })
      });
      if (refusal3 || !found)
        return refuseClick(req, refusal3 ?? { code: "unknown", message: "This request is unknown." }, row);
      const now = d.now();
      const cancelled = await s.approvals.transition(found.row.id, "requested", "cancel", {
        confirmerId: req.actor.userId,
        confirmerName: req.actor.userName ?? null,
        decidedAt: now
      });
      if (!cancelled)
        return refuseClick(req, { code: "already-used", message: "This request was already decided." }, found.row);
      await auditSafe({
        event: "cancelled",
        env: found.row.env,
        kind: found.row.kind,
        approvalId: found.row.id,
        actorId: req.actor.userId,
        actorName: req.actor.userName,
        paramsHash: found.row.paramsHash
      });
      const root = rootOf(req, found.row);
      if (root)
        await safely(
          "update the confirmation",
          req.conversation.update(
            root,
            renderApprovalDecided(viewOf(cancelled, found.kind, found.env, found.policy), {
              state: "cancelled",
              by: req.actor.userId,
              at: now
            })
          )
        );
    },
    async stop(waitMs = 2e4) {
      const all = [...running.values()];
      for (const r of all) r.controller.abort("shutdown");
      if (!all.length) return;
      let timer;
      await Promise.race([
        Promise.allSettled(all.map((r) => r.done)),
        new Promise((res) => timer = setTimeout(res, waitMs))
      ]);
      clearTimeout(timer);
    },
    active: () => running.size,
    view(row) {
      const found = lookup(row);
      return found ? viewOf(found.row, found.kind, found.env, found.policy) : null;
    }
  };
  return service;
}

// src/operations/backup/backup-kind.ts
import { mkdir as mkdir3, rm as rm5 } from "node:fs/promises";

// src/operations/ops-context.ts
var runTag = (io) => io.runId !== void 0 ? `r${io.runId}` : "run";

// src/operations/backup/backup-kind.ts
async function backupPreview(ops, env) {
  const t = await checkBackupTools(ops, env);
  if (!t.ok) return [`\u26A0\uFE0F ${t.reason}`];
  const target = parseTarget(env.ctx.DATABASE_URL);
  return [
    `Database: \`${target.display}\` (${formatBytes(t.server.sizeBytes)} on disk)`,
    `Server PostgreSQL ${t.server.version}; pg_dump ${t.pgDump.version} (\`${t.pgDump.path}\`), pg_restore ${t.pgRestore.version}`,
    `Writes \`${ops.backupDir}/${backupFileName(env.name, ops.now()).replace(/\d{8}T\d{6}Z/, "YYYYMMDDTHHMMSSZ")}\` (as \`.partial\` until verified)`,
    "Verified while it is written: the same stream goes to the file and to a trial restore into a scratch database (dropped afterwards); sha256 in the same pass; then the final name",
    `Retention ${describeRules(ops.config.operations.retention)}`
  ];
}
async function performBackup(ops, env, io) {
  const s = ops.stores;
  const tools = await checkBackupTools(ops, env);
  if (!tools.ok) return { ok: false, result: { ok: false, summary: `nothing ran: ${tools.reason}` } };
  const startedAt = ops.now();
  await mkdir3(ops.backupDir, { recursive: true, mode: 448 });
  const fileName = await freeBackupName(ops.backupDir, env.name, startedAt);
  const target = parseTarget(env.ctx.DATABASE_URL);
  const id = await s.backups.start({
    env: env.name,
    runId: io.runId ?? null,
    fileName,
    path: `${ops.backupDir}/${fileName}`,
    startedAt,
    database: target.display,
    serverVersion: tools.server.version,
    pgDumpVersion: tools.pgDump.version
  });
  let progress;
  try {
    progress = await io.conversation.post(renderBackupProgress(env.name, { phase: "start", bytes: 0, elapsedMs: 0 }), {
      thread: io.thread
    });
  } catch (err) {
    io.log.warn({ err: { message: ops.redactor.scrub(err.message) } }, "could not post backup progress");
  }
  const show = async (text2) => {
    if (progress)
      await io.conversation.update(progress, { text: text2.replace(/\*/g, ""), blocks: [md(text2)] }).catch(() => {
      });
  };
  const o = ops.config.operations;
  const out = await runBackup({
    env: env.name,
    databaseUrl: env.ctx.DATABASE_URL,
    backupDir: ops.backupDir,
    pgDump: tools.pgDump,
    pgRestore: tools.pgRestore,
    toolEnv: ops.toolEnv,
    keyTables: o.keyTables,
    startedAt,
    fileName,
    signal: io.signal,
    timeoutMs: o.backupTimeoutMinutes * 6e4,
    ...o.backupCompression !== void 0 ? { compression: o.backupCompression } : {},
    progressIntervalMs: ops.progressIntervalMs,
    onProgress: async (p) => {
      if (progress) await io.conversation.update(progress, renderBackupProgress(env.name, p)).catch(() => {
      });
    },
    clean: ops.redactor.scrub,
    track: io.track,
    tag: runTag(io)
  });
  const finishedAt = ops.now();
  if (!out.ok) {
    await s.backups.finish(id, {
      state: out.aborted ? "interrupted" : "failed",
      finishedAt,
      verification: ops.redactor.scrub(out.reason)
    });
    await show(
      `\u274C Backup of *${env.name}* ${out.aborted ? "stopped" : "failed"} (${out.stage}); no file was kept. Runbook: \`/ctx runbook backup-failed ${env.name}\``
    );
    return {
      ok: false,
      result: {
        ok: false,
        summary: `${out.aborted ? "stopped" : "failed"} during ${out.stage === "dump" ? "pg_dump" : out.stage === "verify" ? "verification" : "the final step"}: ${out.reason}; no backup file was kept`,
        output: out.tail,
        ...out.exitStatus !== void 0 ? { exitStatus: out.exitStatus } : {}
      }
    };
  }
  const verification = `verified by trial restore: ${describeCounts(out)}`;
  await s.backups.finish(id, {
    state: "verified",
    finishedAt,
    sizeBytes: out.sizeBytes,
    sha256: out.sha256,
    verification
  });
  let removed = [];
  try {
    removed = await applyRetention(
      { backups: s.backups, audit: s.audit, remove: (p) => rm5(p, { force: true }) },
      env.name,
      o.retention,
      finishedAt
    );
  } catch (err) {
    io.log.warn({ err: { message: ops.redactor.scrub(err.message) } }, "retention failed");
  }
  await show(`\u2705 Backup of *${env.name}* written and verified: \`${out.fileName}\` (${formatBytes(out.sizeBytes)})`);
  const backup = await s.backups.get(id);
  return {
    ok: true,
    backup,
    result: {
      ok: true,
      summary: `${out.fileName} (${formatBytes(out.sizeBytes)}), verified by a trial restore`,
      details: [
        `File: \`${out.path}\``,
        `sha256: \`${out.sha256}\``,
        `Dump ${formatDuration(out.dumpMs)}, verified while dumping (the trial restore finished ${formatDuration(out.verifyAfterDumpMs)} after the dump); ${describeCounts(out)}`,
        `To restore it by hand (stop backend and worker first): \`${manualRestoreCommand(out.path, tools.pgRestore.path)}\``,
        ...removed.length ? [`Retention removed ${removed.length}: ${removed.join(", ")}`] : []
      ],
      checksum: out.sha256,
      exitStatus: 0
    }
  };
}
function backupKind(ops) {
  return {
    kind: "backup",
    title: (_p, env) => `Back up ${env.name}`,
    // The child processes have their own deadline; this one only catches a hang around them.
    timeoutMs: ops.config.operations.backupTimeoutMinutes * 6e4 + 12e4,
    async precheck(_p, env) {
      const t = await checkBackupTools(ops, env);
      return t.ok ? null : t.reason;
    },
    preview: (_p, env) => backupPreview(ops, env),
    async run(ctx) {
      const out = await performBackup(ops, ctx.env, ctx);
      return out.result;
    }
  };
}

// src/operations/migrate/migrate-kind.ts
import { stat as stat4 } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";

// src/operations/migrate/migrate-runner.ts
function migrateEnv(toolEnv, ctx) {
  return {
    ...toolEnv,
    ...ctx.DATABASE_URL ? { DATABASE_URL: ctx.DATABASE_URL } : {},
    ...ctx.AUTH_SECRET ? { AUTH_SECRET: ctx.AUTH_SECRET } : {}
  };
}
async function runMigrateCommand(j) {
  const started = performance.now();
  let last;
  const lines = [];
  return runCommand({
    argv: j.argv,
    cwd: j.cwd,
    env: migrateEnv(j.toolEnv, j.ctx),
    signal: j.signal,
    timeoutMs: j.timeoutMs,
    group: true,
    clean: j.clean,
    tailLines: 40,
    onLine: (line) => {
      lines.push(line);
      if (lines.length > 40) lines.shift();
      const now = performance.now();
      if (j.onOutput && progressDue(last, now, j.progressIntervalMs)) {
        last = now;
        j.onOutput([...lines], Math.round(now - started));
      }
    }
  });
}

// src/operations/migrate/migrate-kind.ts
var commandText = (argv) => argv.map(shellWord).join(" ");
function migrateCwd(ops) {
  const cwd = ops.config.operations.migrate.cwd;
  if (!cwd) return void 0;
  return isAbsolute(cwd) ? cwd : resolve(ops.config.configFile ? resolve(ops.config.configFile, "..") : ".", cwd);
}
function migratePrecheck(env) {
  if (!env.ctx.DATABASE_URL) return `DATABASE_URL is not set for ${env.name}.`;
  if (!env.ctx.AUTH_SECRET) {
    return `AUTH_SECRET is not set for ${env.name}: upstream's migrate script parses the whole ctx| environment and refuses to start without it. Set it in the environment's env file.`;
  }
  return null;
}
function pendingLines(pending, max = 20) {
  return [
    ...pending.slice(0, max).map((p) => `  \`${p}\``),
    ...pending.length > max ? [`  \u2026 and ${pending.length - max} more`] : []
  ];
}
function migrateCommandLines(ops) {
  const m = ops.config.operations.migrate;
  const cwd = migrateCwd(ops);
  return [
    `Runs \`${commandText(m.command)}\`${cwd ? ` in \`${cwd}\`` : ""} with DATABASE_URL and AUTH_SECRET, stopped after ${m.timeoutSeconds} s; then checks that nothing is pending`
  ];
}
function backupLine2(b, now) {
  return `Backup: \`${b.fileName}\` (${formatBytes(b.sizeBytes)}, verified ${ago(b.finishedAt, now)}, sha256 \`${shortHash(b.sha256)}\`)`;
}
async function performMigrate(ops, env, expected, backup, io) {
  const restore = manualRestoreCommand(backup.path, ops.config.operations.pgRestorePath ?? "pg_restore");
  const before = await readPending(env, ops.redactor.scrub);
  if (!before.ok) return { ok: false, summary: `nothing ran: ${before.reason}` };
  if (!samePending(before.pending, expected)) {
    return {
      ok: false,
      summary: `nothing ran: the pending migrations changed since the request (now ${before.pending.length ? before.pending.join(", ") : "none"}). Ask again with /ctx migrate ${env.name}.`
    };
  }
  try {
    await stat4(backup.path);
  } catch {
    return {
      ok: false,
      summary: `nothing ran: the backup file ${backup.path} is not there any more. Take a new backup first.`
    };
  }
  const m = ops.config.operations.migrate;
  const cmd = commandText(m.command);
  let progress;
  try {
    progress = await io.conversation.post(renderMigrateProgress(env.name, cmd, [], 0), { thread: io.thread });
  } catch (err) {
    io.log.warn({ err: { message: ops.redactor.scrub(err.message) } }, "could not post migrate progress");
  }
  const res = await runMigrateCommand({
    argv: m.command,
    cwd: migrateCwd(ops),
    ctx: env.ctx,
    toolEnv: ops.toolEnv,
    timeoutMs: m.timeoutSeconds * 1e3,
    signal: io.signal,
    clean: ops.redactor.scrub,
    progressIntervalMs: ops.progressIntervalMs,
    onOutput: (tail, elapsedMs) => {
      if (progress)
        void io.conversation.update(progress, renderMigrateProgress(env.name, cmd, tail, elapsedMs)).catch(() => {
        });
    }
  });
  const exit = describeExit(res, m.timeoutSeconds * 1e3);
  const show = async (text2) => {
    if (progress)
      await io.conversation.update(progress, { text: text2.replace(/[*`]/g, ""), blocks: [md(text2)] }).catch(() => {
      });
  };
  const restoreLines = [`To go back to the backup taken before (stop backend and worker first): \`${restore}\``];
  if (res.code !== 0) {
    await show(`\u274C \`${cmd}\` ${exit}`);
    return {
      ok: false,
      summary: `the migrate command ${exit}`,
      details: restoreLines,
      output: res.tail,
      ...res.code !== null ? { exitStatus: res.code } : {}
    };
  }
  const after = await readPending(env, ops.redactor.scrub);
  if (!after.ok) {
    await show(`\u26A0\uFE0F \`${cmd}\` exited 0, but the re-check failed`);
    return {
      ok: false,
      summary: `the migrate command exited 0, but the re-check failed: ${after.reason}`,
      details: restoreLines,
      output: res.tail,
      exitStatus: 0
    };
  }
  if (after.pending.length) {
    await show(`\u274C \`${cmd}\` exited 0, but ${after.pending.length} still pending`);
    return {
      ok: false,
      summary: `the migrate command exited 0, but ${after.pending.length} migration(s) are still pending: ${after.pending.join(", ")}`,
      details: restoreLines,
      output: res.tail,
      exitStatus: 0
    };
  }
  await show(`\u2705 \`${cmd}\` exited 0; nothing pending`);
  return {
    ok: true,
    summary: `applied ${expected.length} migration(s); none pending (${after.appliedCount} applied, last ${after.last ?? "?"})`,
    details: [`Applied: ${expected.join(", ")}`, `Backup taken before: \`${backup.path}\``],
    output: res.tail,
    exitStatus: 0,
    ...backup.sha256 ? { checksum: backup.sha256 } : {}
  };
}
function migrateKind(ops) {
  return {
    kind: "migrate",
    title: (p, env) => `Migrate ${env.name}: apply ${p.pending.length} migration${p.pending.length === 1 ? "" : "s"}`,
    timeoutMs: ops.config.operations.migrate.timeoutSeconds * 1e3 + 12e4,
    async precheck(_p, env) {
      return migratePrecheck(env);
    },
    async preview(p, _env) {
      const b = await ops.stores?.backups.get(p.backupId);
      return [
        `Pending (${p.pending.length}):
${pendingLines(p.pending).join("\n")}`,
        ...b ? [backupLine2(b, ops.now())] : [],
        ...migrateCommandLines(ops)
      ];
    },
    async run(ctx) {
      const b = await ops.stores.backups.get(ctx.params.backupId);
      if (b?.state !== "verified")
        return {
          ok: false,
          summary: "nothing ran: the verified backup this migration relies on is gone. Ask again with /ctx migrate."
        };
      return performMigrate(ops, ctx.env, ctx.params.pending, b, ctx);
    }
  };
}

// src/operations/migrate/backup-then-migrate.ts
function backupThenMigrateKind(ops) {
  const o = ops.config.operations;
  return {
    kind: "backup-then-migrate",
    title: (p, env) => `Back up ${env.name}, then apply ${p.pending.length} migration${p.pending.length === 1 ? "" : "s"}`,
    confirmLabel: "Back up, then migrate",
    timeoutMs: o.backupTimeoutMinutes * 6e4 + o.migrate.timeoutSeconds * 1e3 + 18e4,
    async precheck(_p, env) {
      const m = migratePrecheck(env);
      if (m) return m;
      const t = await checkBackupTools(ops, env);
      return t.ok ? null : t.reason;
    },
    async preview(p, env) {
      const last = await ops.stores?.backups.lastVerified(env.name);
      return [
        `No verified backup younger than ${o.requireBackupWithinMinutes} min (last: ${last ? `${last.fileName}, ${ago(last.finishedAt, ops.now())}` : "none"}), so this backs up first`,
        ...await backupPreview(ops, env),
        `Then, only if the backup is verified, migrates. Pending (${p.pending.length}):
${pendingLines(p.pending).join("\n")}`,
        ...migrateCommandLines(ops)
      ];
    },
    async run(ctx) {
      const b = await performBackup(ops, ctx.env, ctx);
      if (!b.ok) return { ...b.result, summary: `backup ${b.result.summary}; the migration did not run` };
      if (ctx.signal.aborted)
        return {
          ok: false,
          summary: "stopped after the backup; the migration did not run",
          checksum: b.backup.sha256 ?? void 0
        };
      const m = await performMigrate(ops, ctx.env, ctx.params.pending, b.backup, ctx);
      return {
        ...m,
        summary: `backup ${b.result.summary}; migration: ${m.summary}`,
        details: [...b.result.details ?? [], ...m.details ?? []],
        ...b.backup.sha256 ? { checksum: b.backup.sha256 } : {}
      };
    }
  };
}

// src/operations/notify.ts
function createBackgroundPoster(opts) {
  const reachable = (channel) => Boolean(channel) && channel !== "terminal";
  return {
    async post(channel, msg, threadTs) {
      const outbox = opts.services.get("outbox");
      const slack = opts.slack();
      if (!reachable(channel) || !slack) {
        opts.log.info({ channel, text: opts.redactor.scrub(msg.text) }, "not posted (no Slack connection here)");
        return null;
      }
      const body2 = opts.redactor.scrubDeep({
        channel,
        text: msg.text,
        ...msg.blocks ? { blocks: msg.blocks } : {},
        ...threadTs ? { thread_ts: threadTs } : {}
      });
      try {
        return outbox ? await outbox.post(body2) : await slack.post(body2);
      } catch (err) {
        opts.log.warn(
          { channel, err: { message: opts.redactor.scrub(err.message) } },
          "background post failed"
        );
        return null;
      }
    },
    async update(channel, ts, msg) {
      const outbox = opts.services.get("outbox");
      const slack = opts.slack();
      if (!reachable(channel) || !ts || !slack) return;
      const body2 = opts.redactor.scrubDeep({
        channel,
        ts,
        text: msg.text,
        ...msg.blocks ? { blocks: msg.blocks } : {}
      });
      try {
        await (outbox ? outbox.update(body2) : slack.update(body2));
      } catch (err) {
        opts.log.warn(
          { channel, err: { message: opts.redactor.scrub(err.message) } },
          "background update failed"
        );
      }
    }
  };
}

// src/operations/approvals/recovery.ts
import { rm as rm6, stat as stat5 } from "node:fs/promises";
var STALE_CONFIRMED_MS = 2 * 6e4;
async function recover(ops, approvals) {
  const s = ops.stores;
  if (!s) return { interrupted: 0, expired: 0 };
  const log = ops.log.child({ part: "recovery" });
  const now = ops.now;
  const interrupted = await sweepOrphans(s.store, s.runs, async (run2) => {
    const why = "the bot stopped while this was running";
    const cleanup = await cleanUp(ops, run2);
    const summary = `${why}; ${cleanup.join("; ") || "nothing was left behind"}`;
    const finished2 = await s.runs.finish(s.store, run2.id, "interrupted", {
      finishedAt: now(),
      durationMs: now().getTime() - run2.startedAt.getTime(),
      summary
    });
    if (!finished2) return;
    const approval = run2.approvalId ? await s.approvals.transition(run2.approvalId, "running", "interrupt", { summary, finishedAt: now() }) : null;
    await s.backups.interruptRun(run2.id, now(), why);
    await s.audit.append({
      event: "interrupted",
      env: run2.env,
      kind: run2.kind,
      approvalId: run2.approvalId ?? void 0,
      runId: run2.id,
      detail: summary,
      ...approval ? { paramsHash: approval.paramsHash } : {}
    });
    log.warn({ run: run2.id, kind: run2.kind, env: run2.env }, "marked an orphaned run interrupted");
    const title2 = (approval && approvals.view(approval)?.title) ?? `${run2.kind} on ${run2.env}`;
    if (run2.threadChannel && run2.threadTs) {
      await ops.poster.post(
        run2.threadChannel,
        renderRunResult({
          ok: false,
          interrupted: true,
          title: title2,
          summary: `${summary}. Nothing was completed; run it again when ready.`
        }),
        run2.threadTs
      );
    }
    const v = approval ? approvals.view(approval) : null;
    if (v && approval?.messageChannel && approval.messageTs) {
      await ops.poster.update(
        approval.messageChannel,
        approval.messageTs,
        renderApprovalDecided(v, { state: "interrupted", by: approval.confirmerId, at: now(), summary })
      );
    }
  });
  for (const a of await s.approvals.staleConfirmed(new Date(now().getTime() - STALE_CONFIRMED_MS))) {
    const summary = "interrupted before it started: nothing ran";
    const moved = await s.approvals.transition(a.id, "confirmed", "interrupt", { summary, finishedAt: now() });
    if (!moved) continue;
    await s.audit.append({
      event: "interrupted",
      env: a.env,
      kind: a.kind,
      approvalId: a.id,
      detail: summary,
      paramsHash: a.paramsHash
    });
  }
  let expired = 0;
  for (const a of await s.approvals.dueForExpiry(now())) {
    const moved = await s.approvals.transition(a.id, "requested", "expire", { decidedAt: now() });
    if (!moved) continue;
    expired++;
    await s.audit.append({ event: "expired", env: a.env, kind: a.kind, approvalId: a.id, paramsHash: a.paramsHash });
    const v = approvals.view(moved);
    if (v && a.messageChannel && a.messageTs)
      await ops.poster.update(a.messageChannel, a.messageTs, renderApprovalDecided(v, { state: "expired", at: now() }));
  }
  return { interrupted, expired };
}
async function cleanUp(ops, run2) {
  const notes = [];
  if (run2.partialPath?.endsWith(".partial")) {
    const there = await stat5(run2.partialPath).then(
      () => true,
      () => false
    );
    await rm6(run2.partialPath, { force: true }).catch(() => {
    });
    notes.push(
      there ? `the partial file ${run2.partialPath} was removed` : `no partial file was left at ${run2.partialPath}`
    );
    await ops.stores.runs.track(run2.id, "partial_path", null);
  }
  if (run2.scratchDb) {
    const env = findEnvironment(ops.config, run2.env);
    if (env?.ctx.DATABASE_URL) {
      try {
        await dropScratch(env.ctx.DATABASE_URL, run2.scratchDb);
        notes.push(`the scratch database ${run2.scratchDb} was dropped`);
        await ops.stores.runs.track(run2.id, "scratch_db", null);
      } catch (err) {
        notes.push(
          `the scratch database ${run2.scratchDb} could not be dropped (${ops.redactor.scrub(err.message)})`
        );
      }
    }
  }
  return notes;
}

// src/operations/approvals/approval-metrics.ts
var COUNTED = {
  confirmed: { approval: "confirmed" },
  cancelled: { approval: "cancelled" },
  expired: { approval: "expired" },
  succeeded: { operation: "succeeded" },
  failed: { operation: "failed" },
  interrupted: { operation: "interrupted" }
};
function countedApprovalStore(store, metrics) {
  return {
    ...store,
    async create(a) {
      const row = await store.create(a);
      metrics.approval(row.kind, "requested");
      return row;
    },
    async transition(id, from, event, set, opts) {
      const row = await store.transition(id, from, event, set, opts);
      const counted = row ? COUNTED[row.state] : void 0;
      if (row && counted)
        if ("approval" in counted) metrics.approval(row.kind, counted.approval);
        else metrics.operation(row.kind, counted.operation);
      return row;
    }
  };
}

// src/operations/feature.ts
function createOperationsFeature(opts = {}) {
  return (core) => {
    const log = core.log.child({ feature: "operations" });
    const built = core.store ? createOpsStores(core.store, core.redactor, core.now) : null;
    const stores = built && { ...built, approvals: countedApprovalStore(built.approvals, core.metrics) };
    let rt = null;
    const baseDir = core.config.configFile ? dirname(core.config.configFile) : process.cwd();
    const ops = {
      config: core.config,
      log,
      redactor: core.redactor,
      now: core.now,
      stores,
      backupDir: resolve2(baseDir, core.config.operations.backupDir),
      toolEnv: { ...core.config.toolEnv ?? {} },
      progressIntervalMs: opts.progressIntervalMs ?? 3e3,
      poster: createBackgroundPoster({
        services: core.services,
        slack: () => rt?.slack ?? null,
        redactor: core.redactor,
        log
      })
    };
    const approvals = createApprovals({
      config: core.config,
      log,
      redactor: core.redactor,
      now: core.now,
      stores,
      groups: createGroupResolver({ client: () => rt?.slack?.client ?? null, log, ttlMs: opts.groupCacheMs }),
      runner: `${hostname3()}:${process.pid}:${randomBytes4(3).toString("hex")}`
    });
    approvals.registerKind(backupKind(ops));
    approvals.registerKind(migrateKind(ops));
    approvals.registerKind(backupThenMigrateKind(ops));
    approvals.registerKind(restoreTestKind(ops));
    approvals.registerKind(graphSnapshotKind(ops));
    core.services.register("approvals", approvals);
    const backupsInfo = {
      async lastVerified(env) {
        const b = await stores?.backups.lastVerified(env);
        return b?.finishedAt ? { finishedAt: b.finishedAt, file: b.fileName, sizeBytes: b.sizeBytes ?? 0, sha256: b.sha256 ?? "" } : null;
      }
    };
    if (stores) backupsInfo.freshness = (env) => readFreshness(stores, env);
    core.services.register("backups", backupsInfo);
    let recovering = Promise.resolve();
    const recoverOnce = () => recovering = recover(ops, approvals).catch((err) => {
      log.warn(
        { err: { message: core.redactor.scrub(err.message) } },
        "could not look for interrupted operations (will retry)"
      );
      return { interrupted: 0, expired: 0 };
    });
    let timer;
    let cron = null;
    return {
      name: "operations",
      approvals,
      ops,
      handlers: [
        createBackupHandler({ config: core.config, approvals }),
        createBackupsHandler({
          config: core.config,
          backups: stores?.backups ?? null,
          graphSnapshots: stores?.graphSnapshots ?? null,
          backupDir: ops.backupDir,
          now: core.now
        }),
        createMigrateHandler({
          config: core.config,
          approvals,
          backups: stores?.backups ?? null,
          scrub: core.redactor.scrub,
          now: core.now
        }),
        createRestoreTestHandler({ config: core.config, approvals }),
        createGraphSnapshotHandler({ config: core.config, approvals, ops }),
        createAuditHandler({ audit: stores?.audit ?? null, timeZone: core.config.timezone })
      ],
      actions: createApprovalActions(approvals),
      recover: () => recoverOnce(),
      recovered: () => recovering,
      async restoreTestNow(env, slot) {
        const out = await runRestoreTest(ops, env, slot ? { slot } : {});
        await reportRestoreTest(ops, out);
        return out;
      },
      start(runtime) {
        rt = runtime;
        if (!stores) return;
        void recoverOnce();
        timer = setInterval(() => void recoverOnce(), opts.recoverEveryMs ?? 6e4);
        timer.unref();
        if (runtime.surface === "slack") cron = scheduleRestoreTests(ops);
      },
      async stop() {
        clearInterval(timer);
        await Promise.resolve(cron?.task.destroy());
        let wait;
        await Promise.race([cron?.idle(), new Promise((r) => wait = setTimeout(r, 3e4))]);
        clearTimeout(wait);
        await approvals.stop();
        await recovering;
      }
    };
  };
}
var operationsFeature = createOperationsFeature();
function createApprovalActions(approvals) {
  return [
    { actionId: ACTION_APPROVAL_CONFIRM, run: (req) => approvals.confirm(req) },
    { actionId: ACTION_APPROVAL_CANCEL, run: (req) => approvals.cancel(req) }
  ];
}

// src/incidents/format.ts
var SLACK_USER = /^[UW][A-Z0-9]{2,}$/;
function who4(actor) {
  if (!actor) return "ctx-ops";
  if (SLACK_USER.test(actor)) return `<@${actor}>`;
  return actor.replace(/^local:/, "");
}
var severityLabel = (n) => `SEV${n}`;
var STEP_MARK = { pending: "\u2B1C", done: "\u2705", skipped: "\u23ED\uFE0F", failed: "\u274C" };

// src/incidents/runbooks/render.ts
var ACTION_STEP_DONE = "ctx.runbook.done";
var ACTION_STEP_SKIP = "ctx.runbook.skip";
var ACTION_STEP_FAILED = "ctx.runbook.failed";
var ACTION_STEP_RECHECK = "ctx.runbook.recheck";
var ACTION_STEP_RUN = "ctx.runbook.run";
var CHECK_EMOJI = { ...STATUS_EMOJI, unseen: "\u2754", info: "\u2139\uFE0F" };
var OUTCOME_EMOJI = { fail: "\u{1F50E}", ok: "\u2705", unseen: "\u2754" };
function renderRunbookList(items, opts) {
  const blocks = [
    md(`*Runbooks* (${items.length}) \xB7 Start runs one against *${escapeMrkdwn(opts.env)}* in a thread`)
  ];
  for (const r of items) {
    const text2 = [
      `\u{1F4D8} *${escapeMrkdwn(r.title)}*  \`${r.id}\` \xB7 ${r.steps} steps`,
      r.summary ? `_${escapeMrkdwn(truncate(r.summary, 300))}_` : "",
      r.when.length ? `suggested when ${escapeMrkdwn(r.when.join("; "))}` : ""
    ].filter(Boolean).join("\n");
    blocks.push(
      mdWithButton(text2, { text: "\u25B6 Start", actionId: ACTION_RUNBOOK_START, value: { env: opts.env, id: r.id } })
    );
  }
  blocks.push(
    context(
      "`/ctx runbook &lt;id&gt; [env]` starts one \xB7 in a channel with an open incident it runs in the incident's thread"
    )
  );
  const plain2 = [
    `Runbooks (${items.length}); \`runbook <id> [env]\` starts one against ${opts.env}:`,
    ...items.map((r) => `  ${r.id.padEnd(22)} ${r.title} (${r.steps} steps)`)
  ].join("\n");
  return {
    text: [`Runbooks (${items.length}):`, ...items.map((r) => `${r.id}: ${r.title}`)].join("\n"),
    blocks: fitBlocks(blocks),
    plain: plain2
  };
}
function sessionCounts(states) {
  const n = (s) => states.filter((x) => x === s).length;
  return { done: n("done"), skipped: n("skipped"), failed: n("failed"), pending: n("pending"), total: states.length };
}
function countsText(states) {
  const c = sessionCounts(states);
  return [
    `${c.done} done`,
    c.skipped ? `${c.skipped} skipped` : "",
    c.failed ? `${c.failed} failed` : "",
    c.pending ? `${c.pending} to do` : ""
  ].filter(Boolean).join(", ");
}
function renderSessionHeader(v) {
  const current = v.states.findIndex((s) => s === "pending" || s === "failed");
  const bar = v.states.map((s) => STEP_MARK[s]).join("");
  const head = `\u{1F4D8} *Runbook: ${escapeMrkdwn(v.title)}* (\`${v.runbookId}\`) on *${escapeMrkdwn(v.env)}*${v.incidentId ? ` \xB7 incident #${v.incidentId}` : ""}`;
  const started = `started by ${who4(v.startedBy)} at ${clock(v.startedAt, v.timeZone, { seconds: true })}`;
  const progress = v.status === "finished" ? `\u{1F3C1} Finished at ${clock(v.finishedAt ?? v.now, v.timeZone, { seconds: true })} after ${formatDuration((v.finishedAt ?? v.now).getTime() - v.startedAt.getTime())}: ${countsText(v.states)}` : v.status === "abandoned" ? `\u23F9 Stopped at ${clock(v.finishedAt ?? v.now, v.timeZone, { seconds: true })}: ${countsText(v.states)}` : `${bar}  ${countsText(v.states)}${current >= 0 ? ` \xB7 now step ${current + 1} of ${v.states.length}` : ""}`;
  const blocks = [md(`${head}
${started}
${progress}`)];
  if (v.unavailable.length)
    blocks.push(context(`Checks not in this build, done by hand: ${v.unavailable.map((c) => `\`${c}\``).join(", ")}`));
  if (v.status === "active")
    blocks.push(
      context(
        "Each step has Done, Skip, Failed and Re-check \xB7 `@ctx-ops next` shows the current step \xB7 `@ctx-ops skip &lt;reason&gt;` \xB7 `@ctx-ops note &lt;text&gt;`"
      )
    );
  const text2 = `\u{1F4D8} Runbook ${v.title} (${v.runbookId}) on ${v.env}: ${v.status === "active" ? countsText(v.states) : v.status}`;
  return { text: text2, blocks };
}
function stateLine(v) {
  const at = v.at ? ` at ${clock(v.at, v.timeZone, { seconds: true })}` : "";
  switch (v.state) {
    case "done":
      return `${STEP_MARK.done} Done by ${who4(v.actor)}${at}`;
    case "skipped":
      return `${STEP_MARK.skipped} Skipped by ${who4(v.actor)}${at}${v.reason ? `: ${escapeMrkdwn(v.reason)}` : ""}`;
    case "failed":
      return `${STEP_MARK.failed} Marked failed by ${who4(v.actor)}${at}${v.reason ? `: ${escapeMrkdwn(v.reason)}` : ""} \xB7 fix it, then press Done, or skip it with a reason`;
    case "pending":
      return v.sessionStatus === "active" ? `${STEP_MARK.pending} To do` : `${STEP_MARK.pending} Not done (runbook ${v.sessionStatus})`;
  }
}
function checkText(v) {
  if (!v.step.check) {
    if (!v.check) return null;
    const when3 = v.checkedAt ? ` \xB7 read ${clock(v.checkedAt, v.timeZone, { seconds: true })}` : "";
    const verdict4 = OUTCOME_EMOJI[v.check.status] ?? CHECK_EMOJI[v.check.status];
    return `${verdict4} *${escapeMrkdwn(v.check.title)}*: ${escapeMrkdwn(v.check.summary)}${when3}`;
  }
  const ref = v.step.check;
  const about = ref.match ? ` (condition \`${escapeMrkdwn(ref.match)}\`)` : "";
  if (v.checkUnavailable) return `\u26AA Automated check \`${ref.id}\`${about} is not part of this build: check it by hand`;
  if (!v.check) return `\u23F3 Checking \`${ref.id}\`${about}\u2026`;
  const when2 = v.checkedAt ? ` \xB7 checked ${clock(v.checkedAt, v.timeZone, { seconds: true })}` : "";
  const verdict3 = v.check.status === "unseen" ? "not reported by the check this time" : escapeMrkdwn(v.check.summary);
  const lines = v.check.lines.slice(0, 6).map((l) => `> ${escapeMrkdwn(truncate(l, 400))}`);
  return [`${CHECK_EMOJI[v.check.status]} *${escapeMrkdwn(v.check.title)}*${about}: ${verdict3}${when2}`, ...lines].join(
    "\n"
  );
}
function linkText(l) {
  return "url" in l ? `<${l.url}|\u{1F4DC} ${escapeMrkdwn(l.text)}>` : `\u{1F4DC} ${escapeMrkdwn(l.text)}: \`${escapeMrkdwn(l.hint)}\``;
}
function renderStep(v) {
  const title2 = `*Step ${v.idx + 1} of ${v.total}* \xB7 ${v.step.text}`;
  const value = (extra = {}) => ({ s: v.sessionId, i: v.idx, ...extra });
  if (v.moved) {
    const blocks2 = [md(title2), context(`\u2935 Posted again further down this thread \xB7 ${stateLine(v)}`)];
    return { text: `Step ${v.idx + 1} of ${v.total}: ${v.step.text} (posted again below)`, blocks: blocks2 };
  }
  const blocks = [];
  for (const chunk of chunkLines([title2, ...v.step.help ? [v.step.help] : []], LIMITS.sectionText))
    blocks.push(md(chunk));
  const check = checkText(v);
  if (check) blocks.push(md(check));
  const meta2 = [...v.links.map(linkText), v.step.covers ? `covers: _${escapeMrkdwn(v.step.covers)}_` : ""].filter(
    Boolean
  );
  if (meta2.length) blocks.push(context(...meta2));
  if (v.action && !v.action.available && (v.state === "pending" || v.state === "failed")) {
    blocks.push(
      context(
        `Guarded operations are not available in this bot, so ${escapeMrkdwn(v.action.label)} cannot run from here: ${v.action.manual}`
      )
    );
  }
  if (v.action?.note) blocks.push(context(escapeMrkdwn(v.action.note)));
  if (v.actionNote) blocks.push(context(v.actionNote));
  blocks.push(context(stateLine(v)));
  const open2 = v.sessionStatus === "active" && (v.state === "pending" || v.state === "failed");
  const buttons = [];
  if (open2) {
    buttons.push({ text: "\u2705 Done", actionId: ACTION_STEP_DONE, value: value(), style: "primary" });
    buttons.push({ text: "\u23ED\uFE0F Skip", actionId: ACTION_STEP_SKIP, value: value() });
    if (v.state === "pending")
      buttons.push({ text: "\u274C Failed", actionId: ACTION_STEP_FAILED, value: value(), style: "danger" });
  }
  if ((v.step.check && !v.checkUnavailable || evidenceRefs(v.step.logs).length > 0) && v.sessionStatus === "active")
    buttons.push({ text: "\u{1F504} Re-check", actionId: ACTION_STEP_RECHECK, value: value() });
  if (open2 && v.action?.available) {
    v.action.targets.slice(0, MAX_RUNBOOK_BUTTONS).forEach(
      (t, n) => buttons.push({
        text: `\u25B6 ${t.label}`,
        actionId: nthActionId(ACTION_STEP_RUN, n),
        value: value({ p: t.params })
      })
    );
  }
  if (buttons.length) blocks.push(actions(...buttons));
  const fallback = [
    `Step ${v.idx + 1} of ${v.total}: ${v.step.text}`,
    v.check ? `${CHECK_EMOJI[v.check.status]} ${v.check.title}: ${escapeMrkdwn(v.check.summary)}` : "",
    stateLine(v).replace(/<@([A-Z0-9]+)>/g, "@$1")
  ].filter(Boolean);
  return { text: truncate(fallback.join("\n"), LIMITS.fallbackText), blocks: fitBlocks(blocks) };
}
function renderSessionFinished(v) {
  const text2 = `\u{1F3C1} Runbook *${escapeMrkdwn(v.title)}* finished after ${formatDuration(v.finishedAt.getTime() - v.startedAt.getTime())}: ${countsText(v.states)}.${v.incidentId ? ` When the incident is over: \`/ctx incident close #${v.incidentId} [summary]\` or \`@ctx-ops close [summary]\`.` : ""}`;
  return { text: text2.replace(/\*/g, ""), blocks: [md(text2)] };
}

// src/incidents/render.ts
var sev = (i) => severityLabel(i.severity);
var threadHelp = (i) => context(
  `In this thread: \`@ctx-ops status\` \xB7 \`@ctx-ops note &lt;text&gt;\` \xB7 \`@ctx-ops next\` \xB7 \`@ctx-ops close [summary]\` \xB7 or \`/ctx incident close #${i.id} [summary]\``
);
function renderIncidentRoot(v) {
  const i = v.incident;
  const closed = i.status === "closed";
  const blocks = [header(`${closed ? "\u2705" : "\u{1F6A8}"} Incident #${i.id}${closed ? " (closed)" : ""}: ${i.title}`)];
  blocks.push(
    md(
      `*Severity* ${sev(i)} \xB7 *Owner* ${who4(i.owner)} \xB7 *Environment* ${escapeMrkdwn(i.env)} \xB7 opened ${dateTime(i.openedAt, v.timeZone)}`
    )
  );
  if (closed && i.closedAt) {
    blocks.push(
      md(
        `*Closed* by ${who4(i.closedBy)} at ${dateTime(i.closedAt, v.timeZone)} after ${formatDuration(i.closedAt.getTime() - i.openedAt.getTime())}${i.summary ? `
*Summary* ${escapeMrkdwn(i.summary)}` : ""}`
      )
    );
  }
  if (v.report) {
    const bad = v.report.checks.filter((c) => c.status === "fail" || c.status === "warn");
    const lines = bad.slice(0, 10).map(
      (c) => `${STATUS_EMOJI[c.status]} *${escapeMrkdwn(v.titles[c.id] ?? c.id)}* ${escapeMrkdwn(truncate(c.summary, 200))}${c.rootCause ? ` \u21B3 because *${escapeMrkdwn(v.titles[c.rootCause] ?? c.rootCause)}* is failing` : ""}`
    );
    blocks.push(
      md(
        `*Status ${closed ? "when opened" : "now"}:* ${STATUS_EMOJI[v.report.overall]} ${escapeMrkdwn(headline(v.report, v.titles))}${lines.length ? `
${lines.join("\n")}` : ""}`
      )
    );
  } else if (v.reportError) {
    blocks.push(md(`*Status:* could not be checked: ${escapeMrkdwn(v.reportError)}`));
  }
  if (!closed) {
    if (v.suggestions.length) {
      const lines = v.suggestions.map(
        (s) => `\u{1F4D8} *${escapeMrkdwn(s.title)}* (\`${s.id}\`) \xB7 because ${s.because.map((c) => escapeMrkdwn(v.titles[c] ?? c)).join(", ")} ${s.because.length > 1 ? "are" : "is"} failing`
      );
      blocks.push(md(`*Suggested runbooks*
${lines.join("\n")}`));
      blocks.push(threadHelp(i));
      blocks.push(
        actions(
          ...v.suggestions.slice(0, MAX_RUNBOOK_BUTTONS).map((s, n) => ({
            text: `\u25B6 Start ${s.title}`,
            actionId: nthActionId(ACTION_RUNBOOK_START, n),
            value: { env: i.env, id: s.id, inc: i.id },
            ...n === 0 ? { style: "primary" } : {}
          }))
        )
      );
    } else {
      blocks.push(md("*Suggested runbooks:* none from the current checks \xB7 `/ctx runbook` lists them all"));
      blocks.push(threadHelp(i));
    }
  }
  const text2 = `${closed ? "\u2705" : "\u{1F6A8}"} Incident #${i.id}${closed ? " (closed)" : ""}: ${escapeMrkdwn(i.title)} \xB7 ${sev(i)} \xB7 owner ${who4(i.owner)} \xB7 ${i.env}`;
  return { text: text2, blocks: fitBlocks(blocks) };
}
function timelineLine(e, timeZone) {
  const actor = e.kind === "check" ? "\u{1F501} " : e.actor ? `${who4(e.actor)} ` : "";
  return `\`${clock(e.at, timeZone, { seconds: true })}\` ${actor}${e.text}`;
}
function renderPostmortem(v) {
  const i = v.incident;
  const end = i.closedAt ?? /* @__PURE__ */ new Date();
  const took = formatDuration(end.getTime() - i.openedAt.getTime());
  const changes = v.timeline.filter((e) => e.kind === "check");
  const facts = [
    `*Severity* ${sev(i)} \xB7 *Owner* ${who4(i.owner)} \xB7 *Environment* ${escapeMrkdwn(i.env)}`,
    `*Opened* ${dateTime(i.openedAt, v.timeZone)} \xB7 *Closed* ${dateTime(end, v.timeZone)} by ${who4(i.closedBy)} \xB7 *Duration* ${took}`
  ];
  const sections = [
    facts,
    ["*Summary*", i.summary ? escapeMrkdwn(i.summary) : "_to be written_"],
    [`*Timeline* (${v.timeZone})`, ...v.timeline.map((e) => timelineLine(e, v.timeZone))],
    [
      "*Checks that changed state*",
      ...changes.length ? changes.map((e) => `\u2022 ${e.text} at ${clock(e.at, v.timeZone, { seconds: true })}`) : ["_none recorded while the incident was open_"]
    ],
    [
      "*Runbooks*",
      ...v.sessions.length ? v.sessions.map(
        (s) => `\u2022 ${escapeMrkdwn(s.title)} (\`${s.runbookId}\`): ${countsText(s.states)}${s.status !== "active" ? `, ${s.status}` : ""}${s.finishedAt ? ` after ${formatDuration(s.finishedAt.getTime() - s.startedAt.getTime())}` : ""}`
      ) : ["_none started_"]
    ],
    ["*Impact*", "_who was affected, how, for how long_"],
    ["*Root cause*", "_to be written_"],
    ["*What went well \xB7 what did not*", "_to be written_"],
    ["*Action items*", "_owner \xB7 task \xB7 due date_"]
  ];
  const blocks = [header(`\u{1F4DD} Postmortem: Incident #${i.id}: ${i.title}`)];
  for (const s of sections) for (const chunk of chunkLines(s, LIMITS.sectionText)) blocks.push(md(chunk));
  const plainLines = [
    `Postmortem: Incident #${i.id}: ${i.title}`,
    ...sections.flatMap((s) => [...s.map((l) => mrkdwnToPlain(l)), ""])
  ];
  return {
    // The fallback stays mrkdwn with its entities: Slack parses it too, and decoding them would let a note ping the channel.
    text: truncate(
      [`Postmortem: Incident #${i.id}: ${escapeMrkdwn(i.title)}`, ...sections.flatMap((s) => [...s, ""])].join("\n"),
      LIMITS.fallbackText
    ),
    blocks: fitBlocks(blocks),
    plain: plainLines.join("\n").trimEnd()
  };
}
function renderIncidentList(incidents, timeZone, now) {
  if (!incidents.length)
    return { text: "No open incidents. `/ctx incident &lt;title&gt; [--sev 1-4] [--env E]` opens one." };
  const lines = incidents.map(
    (i) => `\u{1F6A8} *#${i.id}* ${escapeMrkdwn(i.title)} \xB7 ${sev(i)} \xB7 ${escapeMrkdwn(i.env)} \xB7 owner ${who4(i.owner)} \xB7 opened ${dateTime(i.openedAt, timeZone)}, ${ago(i.openedAt, now)}${i.channel && /^[CGD]/.test(i.channel) ? ` \xB7 <#${i.channel}>` : ""}`
  );
  return {
    text: lines.join("\n"),
    blocks: fitBlocks([md(`*Open incidents* (${incidents.length})`), ...chunkLines(lines).map(md)])
  };
}

// src/incidents/deps.ts
var NO_STORE = "Incidents and runbooks keep their state in the bot's own Postgres schema, and no store is configured: set CTX_OPS_DATABASE_URL (or DATABASE_URL).";
var channelOf = (actor, surface) => actor.channelId || (surface === "slack" ? "" : "terminal");

// src/incidents/places.ts
function createPlaces(db) {
  const byChannel = async (channel, surface) => {
    const [incidents, sessions] = await Promise.all([
      db.openIncidents({ channel, surface }),
      db.activeSessions({ channel, surface })
    ]);
    return { incident: incidents[0] ?? null, sessions };
  };
  return {
    byChannel,
    /** The incident or runbook whose thread this is; falls back to the channel. */
    async byThread(channel, threadTs, surface) {
      const [incident, sessions] = await Promise.all([
        db.incidentByThread(channel, threadTs),
        db.activeSessions({ channel, threadTs })
      ]);
      if (incident || sessions.length)
        return { incident: incident?.status === "open" ? incident : null, sessions, inThread: true };
      return { ...await byChannel(channel, surface), inThread: false };
    },
    /** `#12` names an incident. */
    async named(word2) {
      const m = /^#(\d{1,12})$/.exec(word2 ?? "");
      return m ? db.getIncident(Number(m[1])) : void 0;
    }
  };
}
var isIncidentRef = (word2) => /^#\d{1,12}$/.test(word2 ?? "");

// src/incidents/incident-command.ts
var INCIDENT_SUBCOMMANDS = [
  { word: "list", usage: "incident list", summary: "The open incidents" },
  { word: "status", usage: "incident status [#id]", summary: "The checks now, in the incident's thread" },
  { word: "note", usage: "incident note [#id] <text>", summary: "A note in the timeline" },
  {
    word: "close",
    usage: "incident close [#id] [summary]",
    summary: "Close it and post the timeline as a postmortem skeleton"
  }
];
var USAGE2 = `\`/ctx incident <title> [--sev 1-4] [--env E]\` opens one \xB7 ${INCIDENT_SUBCOMMANDS.map((s) => `\`/ctx ${s.usage}\``).join(" \xB7 ")}`;
var MAX_TITLE = 120;
var MAX_NOTE = 2e3;
function parseSeverity(value, fallback) {
  if (value === void 0) return fallback;
  const m = typeof value === "string" ? /^(?:sev)?([1-4])$/i.exec(value.trim()) : null;
  return m ? Number(m[1]) : null;
}
function createIncidentHandler(deps) {
  const usage = async (req, problem) => {
    await req.conversation.ephemeral({ text: `${problem.replace(/\.$/, "")}. ${escapeMrkdwn(USAGE2)}` });
    return { usageError: true };
  };
  return {
    name: "incident",
    aliases: ["inc"],
    usage: "incident <title> [--sev 1-4] [--env E]",
    summary: "Open an incident thread with the status and the runbooks to follow",
    subcommands: INCIDENT_SUBCOMMANDS.map(({ usage: usage2, summary }) => ({ usage: usage2, summary })),
    async run(req) {
      const live = deps.live;
      const { flags, rest, errors } = extractFlags(req.args, { withValue: ["sev", "env"] });
      if (errors[0]) return usage(req, errors[0]);
      const [word2, ...more] = rest;
      if (word2 === "list") {
        if (!live) return usage(req, NO_STORE);
        await req.conversation.ephemeral(
          renderIncidentList(await live.db.openIncidents(), deps.config.timezone, deps.now())
        );
        return {};
      }
      if (!live) return usage(req, NO_STORE);
      const channel = channelOf(req.actor, req.surface);
      if (INCIDENT_SUBCOMMANDS.some((s) => s.word === word2)) {
        const named = isIncidentRef(more[0]) ? await live.places.named(more[0]) : void 0;
        const args = isIncidentRef(more[0]) ? more.slice(1) : more;
        if (named === null) return usage(req, `There is no incident ${more[0]}`);
        const place = await live.places.byChannel(channel, req.surface);
        const incident2 = named ?? place.incident;
        if (!incident2)
          return usage(req, "There is no open incident in this channel; name one with `#id` (`/ctx incident list`)");
        if (!named) {
          const open2 = await live.db.openIncidents({ channel, surface: req.surface });
          if (open2.length > 1 && word2 === "close")
            return usage(
              req,
              `${open2.length} incidents are open here (${open2.map((i) => `#${i.id}`).join(", ")}): name the one to close`
            );
        }
        if (word2 === "close") {
          const out = await live.incidents.close({
            incident: incident2,
            actor: req.actor,
            summary: args.join(" ").slice(0, MAX_NOTE) || null,
            conversation: req.conversation
          });
          if (!out.ok) await req.conversation.ephemeral({ text: out.message });
          return {};
        }
        const here = { incident: incident2, sessions: await live.db.activeSessions({ incidentId: incident2.id }) };
        if (word2 === "note") {
          if (!args.length) return usage(req, "What should the note say?");
          await req.conversation.ephemeral({
            text: await live.incidents.note({ place: here, actor: req.actor, text: args.join(" ").slice(0, MAX_NOTE) })
          });
          return {};
        }
        await live.incidents.status({
          place: here,
          env: incident2.env,
          actor: req.actor,
          conversation: req.conversation,
          ...incident2.rootTs ? { thread: { channel: incident2.channel, ts: incident2.rootTs } } : {}
        });
        return {};
      }
      const severity = parseSeverity(flags.sev, deps.config.runbooks.defaultSeverity);
      if (severity === null) return usage(req, "--sev takes 1 (most severe) to 4");
      const env = chooseEnvironment([], flags.env, deps.config);
      if (env.error || env.all) return usage(req, env.error ?? "an incident concerns one environment");
      const title2 = rest.join(" ").replace(/\s+/g, " ").trim();
      if (!title2) return usage(req, "An incident needs a title, e.g. `/ctx incident Sign-in broken --sev 2`");
      if (title2.length > MAX_TITLE)
        return usage(
          req,
          `Keep the title under ${MAX_TITLE} characters (this one has ${title2.length}); add details with \`@ctx-ops note\``
        );
      const { incident, elsewhere } = await live.incidents.open({
        title: title2,
        severity,
        env: env.env,
        actor: req.actor,
        surface: req.surface,
        conversation: req.conversation,
        channel
      });
      if (elsewhere)
        await req.conversation.ephemeral({
          text: `\u{1F6A8} Opened incident #${incident.id} in <#${incident.channel}>; follow it in its thread.`
        });
      return {};
    }
  };
}

// src/incidents/runbooks/start.ts
async function startRunbook(deps, live, o) {
  let incident = null;
  let env = o.env;
  if (o.incidentId !== null) {
    incident = await live.db.getIncident(o.incidentId);
    if (incident?.status !== "open") {
      await o.conversation.ephemeral({
        text: `Incident #${o.incidentId} is closed; \`/ctx runbook ${o.runbook.id}\` starts the runbook on its own.`
      });
      return;
    }
    if (!incident.rootTs) {
      await o.conversation.ephemeral({
        text: `Incident #${incident.id} is still being opened; press again in a moment.`
      });
      return;
    }
    env = incident.env;
  } else {
    const place = await live.places.byChannel(o.channel, o.surface);
    if (place.incident?.env === env && place.incident.rootTs) incident = place.incident;
  }
  const out = await live.engine.start({
    runbook: o.runbook,
    env,
    actor: o.actor,
    surface: o.surface,
    conversation: o.conversation,
    channel: incident?.channel ?? o.channel,
    incident
  });
  if ("already" in out) {
    const s = out.already;
    const how = o.surface === "slack" ? "`@ctx-ops next` in its thread" : "`runbook next`";
    await o.conversation.ephemeral({
      text: `Runbook \`${s.runbookId}\` is already running here on ${s.env} (started by ${who4(s.startedBy)}): ${how} shows its current step.`
    });
    return;
  }
  if (incident && o.surface === "slack") {
    await o.conversation.ephemeral({ text: `Started runbook \`${o.runbook.id}\` in the thread of incident #${incident.id}.` }).catch(() => {
    });
  }
  deps.log.info({ runbook: o.runbook.id, env, session: out.started.id, incident: incident?.id }, "runbook started");
}

// src/incidents/runbooks/runbook-command.ts
var RUNBOOK_SUBCOMMANDS = [
  { word: "list", usage: "runbook list", summary: "The runbooks (same as `runbook` alone)" },
  { word: "next", usage: "runbook next", summary: "The current step of the runbook running here, again" },
  { word: "status", usage: "runbook status", summary: "Same as `runbook next`" },
  { word: "skip", usage: "runbook skip <reason>", summary: "Skip the current step, with the reason" },
  { word: "note", usage: "runbook note <text>", summary: "A note in the timeline" },
  { word: "stop", usage: "runbook stop", summary: "Stop the runbook running here" }
];
var USAGE3 = `\`/ctx runbook\` lists runbooks \xB7 \`/ctx runbook <id> [env]\` starts one \xB7 ${RUNBOOK_SUBCOMMANDS.filter(
  (s) => s.word !== "list"
).map((s) => `\`/ctx ${s.usage}\``).join(" \xB7 ")}`;
var MAX_NOTE2 = 2e3;
function createRunbookHandler(deps) {
  const usage = async (req, problem) => {
    await req.conversation.ephemeral({ text: `${problem.replace(/\.$/, "")}. ${escapeMrkdwn(USAGE3)}` });
    return { usageError: true };
  };
  return {
    name: "runbook",
    aliases: ["rb"],
    usage: "runbook [id] [env]",
    summary: "List the runbooks, or start one in a thread that leads through its steps",
    subcommands: RUNBOOK_SUBCOMMANDS.filter((s) => s.word !== "list").map(({ usage: usage2, summary }) => ({ usage: usage2, summary })),
    async run(req) {
      const { flags, rest, errors } = extractFlags(req.args, { withValue: ["env"] });
      if (errors[0]) return usage(req, errors[0]);
      const [word2, ...more] = rest;
      const env = chooseEnvironment(more, flags.env, deps.config);
      if (!word2 || word2 === "list") {
        await req.conversation.ephemeral(
          renderRunbookList(deps.catalog.listItems(deps.diagnostics.titles), { env: env.env })
        );
        return {};
      }
      const live = deps.live;
      if (RUNBOOK_SUBCOMMANDS.some((s) => s.word === word2)) {
        if (!live) return usage(req, NO_STORE);
        const place = await live.places.byChannel(channelOf(req.actor, req.surface), req.surface);
        const session = place.sessions[0];
        if (word2 === "note") {
          if (!more.length) return usage(req, "What should the note say?");
          await req.conversation.ephemeral({
            text: await live.incidents.note({ place, actor: req.actor, text: more.join(" ").slice(0, MAX_NOTE2) })
          });
          return {};
        }
        if (!session) return usage(req, "No runbook is running here");
        if (word2 === "next" || word2 === "status") {
          const said = await live.engine.next({ session, conversation: req.conversation });
          if (said) await req.conversation.ephemeral({ text: said });
          return {};
        }
        if (word2 === "stop") {
          const stopped = await live.engine.stop({ session, actor: req.actor, conversation: req.conversation });
          await req.conversation.ephemeral({
            text: stopped ? `Stopped runbook ${session.runbookId}.` : `Runbook ${session.runbookId} is not running.`
          });
          return {};
        }
        if (!more.length) return usage(req, "Skipping needs a reason: `runbook skip <reason>`");
        const out = await live.engine.skipWithReason({
          sessions: place.sessions,
          actor: req.actor,
          reason: more.join(" ").slice(0, MAX_NOTE2),
          conversation: req.conversation
        });
        if (!out.ok) await req.conversation.ephemeral({ text: out.message });
        return {};
      }
      const runbook = deps.catalog.get(word2);
      if (!runbook) {
        const guess = closest(
          word2,
          deps.catalog.list().map((r) => r.id)
        );
        return usage(
          req,
          `There is no runbook ${userWord(word2)}${guess ? ` (did you mean \`${guess}\`?)` : ""}; \`/ctx runbook\` lists them`
        );
      }
      const problem = env.error ?? (env.all ? "a runbook runs against one environment" : leftoverProblem(env.rest, deps.config));
      if (problem) return usage(req, problem);
      if (!live) return usage(req, NO_STORE);
      await startRunbook(deps, live, {
        runbook,
        env: env.env,
        actor: req.actor,
        surface: req.surface,
        conversation: req.conversation,
        channel: channelOf(req.actor, req.surface),
        incidentId: null
      });
      return {};
    }
  };
}

// src/incidents/runbooks/buttons.ts
function parseJson(value) {
  try {
    const v = JSON.parse(value);
    return v && typeof v === "object" ? v : {};
  } catch {
    return {};
  }
}
function parseStepValue(value) {
  const v = parseJson(value);
  if (!Number.isSafeInteger(v.s) || !Number.isSafeInteger(v.i)) return null;
  const p = v.p && typeof v.p === "object" ? v.p : void 0;
  return { s: v.s, i: v.i, ...p ? { p } : {} };
}
var numbered = (base, run2) => Array.from({ length: MAX_RUNBOOK_BUTTONS }, (_, n) => ({ actionId: nthActionId(base, n), run: run2 }));
function createRunbookButtons(deps) {
  const withLive = (fn) => async (req) => {
    if (!deps.live) return void await req.conversation.ephemeral({ text: NO_STORE });
    await fn(deps.live, req);
  };
  const step2 = (fn) => withLive(async (live, req) => {
    const v = parseStepValue(req.value);
    if (!v) return;
    await fn(live, req, v);
  });
  const start = withLive(async (live, req) => {
    const v = parseJson(req.value);
    const runbook = typeof v.id === "string" ? deps.catalog.get(v.id) : void 0;
    if (!runbook)
      return void await req.conversation.ephemeral({
        text: `There is no runbook "${String(v.id)}" any more; \`/ctx runbook\` lists them.`
      });
    const env = typeof v.env === "string" && deps.config.environments.some((e) => e.name === v.env) ? v.env : deps.config.defaultEnvironment;
    const incidentId = Number.isSafeInteger(v.inc) ? v.inc : null;
    const channel = req.message?.channel || channelOf(req.actor, req.surface);
    await startRunbook(deps, live, {
      runbook,
      env,
      actor: req.actor,
      surface: req.surface,
      conversation: req.conversation,
      channel,
      incidentId
    });
  });
  const transition = (to) => step2(async (live, req, v) => {
    const out = await live.engine.transition({
      sessionId: v.s,
      idx: v.i,
      to,
      actor: req.actor,
      reason: null,
      conversation: req.conversation
    });
    if (!out.ok) await req.conversation.ephemeral({ text: out.message });
  });
  const run2 = step2(async (live, req, v) => {
    const out = await live.engine.run({
      sessionId: v.s,
      idx: v.i,
      params: v.p ?? {},
      actor: req.actor,
      surface: req.surface,
      conversation: req.conversation
    });
    if (!out.ok) await req.conversation.ephemeral({ text: out.message });
  });
  return [
    ...numbered(ACTION_RUNBOOK_START, start),
    { actionId: ACTION_STEP_DONE, run: transition("done") },
    { actionId: ACTION_STEP_FAILED, run: transition("failed") },
    {
      actionId: ACTION_STEP_SKIP,
      // A reason is required; a prompt keeps it simple (no modal, which the shell could not show).
      run: step2(async (live, req, v) => {
        const session = await live.engine.requestSkip({ sessionId: v.s, idx: v.i, actor: req.actor });
        if (!session) return;
        const how = req.surface === "slack" ? "`@ctx-ops skip &lt;reason&gt;` in this thread" : "`runbook skip &lt;reason&gt;`";
        await req.conversation.ephemeral({
          text: `To skip step ${v.i + 1} of ${session.runbook.title}, say why: ${how}. The reason goes into the timeline.`
        });
      })
    },
    {
      actionId: ACTION_STEP_RECHECK,
      run: step2(
        async (live, req, v) => live.engine.recheck({ sessionId: v.s, idx: v.i, actor: req.actor, conversation: req.conversation })
      )
    },
    ...numbered(ACTION_STEP_RUN, run2)
  ];
}

// src/incidents/runbooks/suggest.ts
function clauseScore(result, runbook) {
  if (result.status !== "fail" && result.status !== "warn") return 0;
  if (result.runbook === runbook.id) return 3;
  let best = 0;
  for (const w of runbook.when) {
    if (w.check !== result.id) continue;
    if (w.status === "fail" && result.status !== "fail") continue;
    if (!w.match) {
      best = Math.max(best, 1);
      continue;
    }
    const p = parsePattern(w.match);
    if ("error" in p) continue;
    if ([result.summary, ...result.details].some((l) => matches(p.pattern, l))) best = Math.max(best, 2);
  }
  return best;
}
function suggestRunbooks(report, runbooks, max = 5) {
  const scored = /* @__PURE__ */ new Map();
  report.checks.forEach((c, order) => {
    for (const rb of runbooks) {
      const score = clauseScore(c, rb);
      if (!score) continue;
      const root = !c.rootCause;
      const cur = scored.get(rb.id);
      if (!cur) {
        scored.set(rb.id, { root, score, order, because: [c.id] });
        continue;
      }
      cur.because.push(c.id);
      if (Number(root) > Number(cur.root) || root === cur.root && score > cur.score)
        Object.assign(cur, { root, score, order: Math.min(order, cur.order) });
    }
  });
  return [...scored.entries()].sort(([, a], [, b]) => Number(b.root) - Number(a.root) || b.score - a.score || a.order - b.order).slice(0, max).map(([runbookId, s]) => ({ runbookId, because: s.because }));
}

// src/incidents/runbooks/catalog.ts
function createCatalog(runbooks) {
  const byId = new Map(runbooks.map((r) => [r.id, r]));
  return {
    list: () => runbooks,
    get: (id) => byId.get(id),
    suggest(report, max = 5) {
      return suggestRunbooks(report, runbooks, max).flatMap((s) => {
        const rb = byId.get(s.runbookId);
        return rb ? [{ id: rb.id, title: rb.title, because: s.because }] : [];
      });
    },
    listItems: (titles) => runbooks.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      steps: r.steps.length,
      file: r.file,
      when: r.when.map(
        (w) => `${titles[w.check] ?? w.check} ${w.status === "warn" ? "degraded" : "fails"}${w.match ? ` (${w.match})` : ""}`
      )
    }))
  };
}

// src/incidents/runbooks/check-states.ts
function createCheckRecorder(deps) {
  const text2 = (c, via) => `${deps.titles[c.check] ?? c.check}: ${c.from} \u2192 ${c.to}${via ? ` (${via})` : ""}`;
  const statusOf = (report) => Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
  const statesOf = (report) => Object.fromEntries(report.checks.map((c) => [c.id, { status: c.status, at: report.checkedAt }]));
  const record = (owner, report, via) => deps.db.recordChecks(owner, statusOf(report), report.checkedAt, (c) => ({
    text: text2(c, via?.text),
    actor: via?.actor ?? null
  }));
  const recordEverywhere = async (report) => {
    const [incidents, sessions] = await Promise.all([
      deps.db.openIncidents({ env: report.environment }),
      deps.db.activeSessions()
    ]);
    const owners = [
      ...incidents.map((i) => ({ incidentId: i.id })),
      ...sessions.filter((s) => s.env === report.environment && s.incidentId === null).map((s) => ({ sessionId: s.id }))
    ];
    for (const o of owners) await record(o, report);
  };
  let chain = Promise.resolve();
  const listener = (report) => {
    chain = chain.then(() => recordEverywhere(report)).catch(
      (err) => deps.log.debug({ err: { message: err.message } }, "could not record check states for incidents")
    );
  };
  return { record, listener, statesOf, settled: () => chain };
}

// src/incidents/runbooks/session-rules.ts
var ownerOf = (s) => s.incidentId ? { incidentId: s.incidentId } : { sessionId: s.id };
var threadOf = (s) => ({
  channel: s.channel,
  ts: s.threadTs ?? ""
});
var openState = (s) => s === "pending" || s === "failed";
var currentStep = (rows) => rows.find((r) => openState(r.state));

// src/incidents/runbooks/steps/logs-evidence.ts
var OUTCOME_STATUS = {
  found: "fail",
  nothing: "ok",
  unavailable: "unseen"
};
function evidenceToCheck(list) {
  const worst2 = list.find((e) => e.outcome === "found") ?? list.find((e) => e.outcome === "unavailable") ?? list[0];
  const parts = list.map((e) => `${label(e)}: ${verdict2(e)}`);
  return {
    title: list.length === 1 && list[0] ? `${label(list[0])} logs` : "Logs",
    status: worst2 ? OUTCOME_STATUS[worst2.outcome] : "unseen",
    summary: list.length === 1 && list[0] ? verdict2(list[0]) : parts.join("; "),
    lines: []
  };
}
function label(e) {
  return e.signal ? `${e.component} ${e.signal}` : `${e.component} errors`;
}
function verdict2(e) {
  const window = formatDuration(e.until.getTime() - e.since.getTime());
  if (e.outcome === "unavailable") return `source unavailable (${e.reason ?? "not read"})`;
  if (e.outcome === "nothing")
    return `nothing found in the last ${window} (${e.read} line${e.read === 1 ? "" : "s"} read)`;
  return `found ${e.count} line${e.count === 1 ? "" : "s"} in the last ${window}`;
}
function renderEvidence(list, step2, timeZone) {
  const blocks = [];
  const plain2 = [];
  for (const e of list) {
    const emoji2 = e.outcome === "found" ? "\u{1F50E}" : e.outcome === "nothing" ? "\u2705" : "\u2754";
    const head = `${emoji2} *Step ${step2.idx + 1} \xB7 ${escapeMrkdwn(label(e))}* (${e.env}, ${clock(e.since, timeZone)}\u2013${clock(e.until, timeZone)}): ${escapeMrkdwn(verdict2(e))}`;
    const samples = e.samples.slice(0, 3).map((s) => `*${s.count}\xD7* ${s.level}
\`\`\`${escapeMrkdwn(s.text).replace(/```/g, "'''")}\`\`\``);
    blocks.push(md([head, ...samples].join("\n")));
    if (e.fix) blocks.push(context(`Fix: ${escapeMrkdwn(e.fix)}`));
    plain2.push(
      `${label(e)}: ${verdict2(e)}`,
      ...e.samples.slice(0, 3).map((s) => `  ${s.count}\xD7 ${s.level}: ${s.text}`)
    );
  }
  const sources = [...new Set(list.map((e) => e.source).filter(Boolean))];
  if (sources.length) blocks.push(context(`from ${sources.join(", ")} \xB7 samples redacted \xB7 nothing kept by the bot`));
  return { text: plain2.join("\n").slice(0, 3e3), blocks: fitBlocks(blocks), plain: plain2.join("\n") };
}

// src/incidents/runbooks/step-messages.ts
function createStepMessages(deps) {
  const tz = deps.config.timezone;
  const envOf = (name) => deps.config.environments.find((e) => e.name === name);
  async function since(session) {
    const incident = session.incidentId ? await deps.db.getIncident(session.incidentId) : null;
    const from = incident?.openedAt ?? session.startedAt;
    return new Date(from.getTime() - deps.config.runbooks.logLookbackMinutes * 6e4);
  }
  async function actionPart(session, idx, state) {
    const ref = session.runbook.steps[idx]?.action;
    if (!ref) return null;
    const kind = deps.actionKinds.get(ref.kind);
    if (!kind) return null;
    const env = envOf(session.env);
    const available = Boolean(deps.approvals());
    const manual = env ? kind.manual(env) : "";
    const label2 = ref.label ?? kind.label;
    let targets = [];
    if (available && openState(state) && env) {
      if (ref.params) targets = [{ label: label2, params: ref.params }];
      else if (kind.targets) {
        try {
          targets = await kind.targets(env, AbortSignal.timeout(5e3));
        } catch (err) {
          deps.log.warn(
            { err: { message: err.message }, kind: kind.kind },
            "could not list targets for a runbook action"
          );
        }
      } else targets = [{ label: label2, params: {} }];
    }
    let note = null;
    if (kind.note && env && openState(state))
      note = await kind.note(env).catch((err) => {
        deps.log.warn({ err: { message: err.message }, kind: kind.kind }, "could not work out a runbook action note");
        return null;
      });
    return { label: label2, targets, manual, available, ...note ? { note } : {} };
  }
  async function viewOf(session, row, extra = {}) {
    const step2 = session.runbook.steps[row.idx];
    const env = envOf(session.env);
    const vars = { env: session.env, ...env ? { baseUrl: backendBase(env) } : {} };
    const filled = {
      ...step2,
      text: fillText(step2.text, vars),
      ...step2.help ? { help: fillText(step2.help, vars) } : {}
    };
    return {
      sessionId: session.id,
      idx: row.idx,
      total: session.runbook.steps.length,
      env: session.env,
      step: filled,
      state: row.state,
      actor: row.actor,
      at: row.at,
      reason: row.reason,
      check: row.checkResult,
      checkedAt: row.checkedAt,
      checkUnavailable: Boolean(step2.check && !deps.diagnostics.checks.some((c) => c.id === step2.check.id)),
      links: stepLinks(step2, deps.config.logLinks, { env: session.env, since: await since(session), now: deps.now() }),
      action: await actionPart(session, row.idx, row.state),
      actionNote: row.actionNote,
      sessionStatus: session.status,
      timeZone: tz,
      ...extra
    };
  }
  async function runStepCheck(session, idx, via, maxAgeMs) {
    const ref = session.runbook.steps[idx]?.check;
    if (!ref) return;
    const outcome = await evaluateStepCheck(
      deps.diagnostics,
      session.env,
      ref,
      maxAgeMs !== void 0 ? { maxAgeMs } : {}
    );
    if (!outcome) return;
    const title2 = deps.diagnostics.titles[ref.id] ?? ref.id;
    const stored = {
      title: title2,
      status: outcome.status,
      summary: outcome.result.summary,
      lines: outcome.condition ? outcome.condition.lines : outcome.result.status === "ok" ? [] : outcome.result.details.filter((l) => !l.startsWith("\u2713"))
    };
    await deps.db.setStepCheck(session.id, idx, stored, new Date(outcome.checkedAt));
    await deps.recorder.record(ownerOf(session), outcome.report, via);
    deps.publishReport(outcome.report);
  }
  async function runStepLogs(session, idx) {
    const refs = evidenceRefs(session.runbook.steps[idx]?.logs);
    if (!refs.length) return null;
    const service = deps.logs?.();
    const from = await since(session);
    const now = deps.now();
    const list = await Promise.all(
      refs.map(
        (r) => service ? service.evidence({
          env: session.env,
          component: r.component,
          signal: r.signal,
          windowMs: (r.window ? parseDuration(r.window) : void 0) ?? Math.max(6e4, now.getTime() - from.getTime()),
          channel: session.channel
        }) : Promise.resolve({
          env: session.env,
          component: r.component,
          signal: r.signal,
          outcome: "unavailable",
          reason: "this bot does not read logs (the logs feature is not part of it)",
          count: 0,
          samples: [],
          read: 0,
          since: from,
          until: now
        })
      )
    );
    if (!session.runbook.steps[idx]?.check) await deps.db.setStepCheck(session.id, idx, evidenceToCheck(list), now);
    return list;
  }
  async function postEvidence(session, idx, list, conversation) {
    if (!list?.length) return;
    await conversation.post(renderEvidence(list, { idx }, tz), { thread: threadOf(session) });
  }
  async function updateHeader(session, conversation) {
    if (!session.headerTs) return;
    const rows = await deps.db.steps(session.id);
    await conversation.update({ channel: session.channel, ts: session.headerTs }, renderSessionHeader(headerView(session, rows))).catch(
      (err) => deps.log.warn(
        { err: { message: err.message }, session: session.id },
        "could not update a runbook header"
      )
    );
  }
  function headerView(session, rows) {
    return {
      sessionId: session.id,
      runbookId: session.runbookId,
      title: session.runbook.title,
      env: session.env,
      file: session.runbook.file,
      startedBy: session.startedBy,
      startedAt: session.startedAt,
      status: session.status,
      finishedAt: session.finishedAt,
      states: rows.map((r) => r.state),
      incidentId: session.incidentId,
      timeZone: tz,
      unavailable: session.runbook.unavailable,
      now: deps.now()
    };
  }
  async function updateStepMessage(session, idx, conversation) {
    const row = await deps.db.step(session.id, idx);
    if (!row?.messageTs || !row.messageChannel) return;
    await conversation.update(
      { channel: row.messageChannel, ts: row.messageTs, ...session.threadTs ? { threadTs: session.threadTs } : {} },
      renderStep(await viewOf(session, row))
    );
  }
  async function postStep(session, idx, conversation, opts = {}) {
    const before = await deps.db.step(session.id, idx);
    if (!before) return false;
    if (!opts.again && !await deps.db.claimStepPost(session.id, idx)) return false;
    try {
      await runStepCheck(session, idx).catch(
        (err) => deps.log.warn({ err: { message: err.message } }, "step check failed to run")
      );
      const evidence = await runStepLogs(session, idx).catch((err) => {
        deps.log.warn({ err: { message: err.message } }, "step logs could not be read");
        return null;
      });
      const row = await deps.db.step(session.id, idx);
      const ref = await conversation.post(renderStep(await viewOf(session, row)), { thread: threadOf(session) });
      await deps.db.setStepMessage(session.id, idx, ref.channel, ref.ts);
      await postEvidence(session, idx, evidence, conversation).catch(
        (err) => deps.log.warn({ err: { message: err.message } }, "could not post log evidence")
      );
      if (opts.again && before.messageTs && before.messageChannel) {
        await conversation.update(
          { channel: before.messageChannel, ts: before.messageTs },
          renderStep(await viewOf(session, row, { moved: true }))
        ).catch(() => {
        });
      }
      return true;
    } catch (err) {
      if (!opts.again) await deps.db.releaseStepPost(session.id, idx);
      throw err;
    }
  }
  return { viewOf, runStepCheck, runStepLogs, postEvidence, updateHeader, headerView, updateStepMessage, postStep };
}

// src/incidents/store.ts
function allowedFrom(to) {
  switch (to) {
    case "done":
    case "skipped":
      return ["pending", "failed"];
    case "failed":
      return ["pending"];
    case "pending":
      return [];
  }
}
function checkChanges(before, now, at) {
  const changes = [];
  const next = {};
  for (const [check, to] of Object.entries(now)) {
    const prev = before[check];
    if (prev && prev.at > at) continue;
    next[check] = { status: to, at };
    if (prev && prev.status !== to) changes.push({ check, from: prev.status, to });
  }
  return { changes, next };
}
var INCIDENT_COLS = `id::int AS id, env, title, severity::int AS severity, owner, surface, channel, root_ts AS "rootTs", status,
  opened_at AS "openedAt", closed_at AS "closedAt", closed_by AS "closedBy", summary`;
var SESSION_COLS = `id::int AS id, incident_id::int AS "incidentId", runbook_id AS "runbookId", runbook, env, surface, channel,
  thread_ts AS "threadTs", header_ts AS "headerTs", status, started_by AS "startedBy", started_at AS "startedAt", finished_at AS "finishedAt"`;
var STEP_COLS = `session_id::int AS "sessionId", idx, state, actor, at, reason, message_channel AS "messageChannel", message_ts AS "messageTs",
  check_status AS "checkStatus", check_result AS "checkResult", checked_at AS "checkedAt", skip_requested_by AS "skipRequestedBy", action_note AS "actionNote"`;
var TIMELINE_COLS = `id::int AS id, incident_id::int AS "incidentId", session_id::int AS "sessionId", at, actor, kind, text, data`;
var AlreadyRunningError = class extends Error {
  constructor(session) {
    super(`runbook ${session.runbookId} is already running here`);
    this.session = session;
  }
  session;
};
function createIncidentStore(store) {
  const one = async (sql, params) => (await store.query(sql, params)).rows[0] ?? null;
  const many = async (sql, params) => (await store.query(sql, params)).rows;
  const addTimeline = async (e, client) => {
    const sql = `INSERT INTO ctx_ops.incident_timeline (incident_id, session_id, actor, kind, text, data) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${TIMELINE_COLS}`;
    const params = [
      e.incidentId ?? null,
      e.sessionId ?? null,
      e.actor ?? null,
      e.kind,
      e.text,
      JSON.stringify(e.data ?? {})
    ];
    const res = client ? await client.query(sql, params) : await store.query(sql, params);
    return res.rows[0];
  };
  return {
    ready: () => store.ready(),
    addTimeline,
    // Incidents
    async createIncident(i) {
      return await one(
        `INSERT INTO ctx_ops.incidents (env, title, severity, owner, surface, channel, check_states) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${INCIDENT_COLS}`,
        [i.env, i.title, i.severity, i.owner, i.surface, i.channel, JSON.stringify(i.checkStates)]
      );
    },
    async setIncidentRoot(id, channel, rootTs) {
      await store.query("UPDATE ctx_ops.incidents SET channel = $2, root_ts = $3 WHERE id = $1", [id, channel, rootTs]);
    },
    async deleteIncident(id) {
      await store.query("DELETE FROM ctx_ops.incidents WHERE id = $1", [id]);
    },
    getIncident: (id) => one(`SELECT ${INCIDENT_COLS} FROM ctx_ops.incidents WHERE id = $1`, [id]),
    incidentByThread: (channel, ts) => one(
      `SELECT ${INCIDENT_COLS} FROM ctx_ops.incidents WHERE channel = $1 AND root_ts = $2 ORDER BY id DESC LIMIT 1`,
      [channel, ts]
    ),
    openIncidents: (f = {}) => many(
      `SELECT ${INCIDENT_COLS} FROM ctx_ops.incidents
          WHERE status = 'open' AND ($1::text IS NULL OR env = $1) AND ($2::text IS NULL OR channel = $2) AND ($3::text IS NULL OR surface = $3)
          ORDER BY opened_at DESC, id DESC`,
      [f.env ?? null, f.channel ?? null, f.surface ?? null]
    ),
    /** Closes once: a second close (or a close racing it) gets null. */
    closeIncident: (id, actor, summary) => one(
      `UPDATE ctx_ops.incidents SET status = 'closed', closed_at = now(), closed_by = $2, summary = $3 WHERE id = $1 AND status = 'open' RETURNING ${INCIDENT_COLS}`,
      [id, actor, summary]
    ),
    // Sessions
    async createSession(s) {
      try {
        return await store.tx(async (c) => {
          const row = (await c.query(
            `INSERT INTO ctx_ops.runbook_sessions (incident_id, runbook_id, runbook, env, surface, channel, thread_ts, started_by)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${SESSION_COLS}`,
            [
              s.incidentId,
              s.runbook.id,
              JSON.stringify(s.runbook),
              s.env,
              s.surface,
              s.channel,
              s.threadTs,
              s.startedBy
            ]
          )).rows[0];
          await c.query(
            "INSERT INTO ctx_ops.runbook_steps (session_id, idx) SELECT $1, g FROM generate_series(0, $2::int - 1) g",
            [row.id, s.runbook.steps.length]
          );
          return row;
        });
      } catch (err) {
        if (err.code === "23505") {
          const running = await one(
            `SELECT ${SESSION_COLS} FROM ctx_ops.runbook_sessions
              WHERE channel = $1 AND env = $2 AND runbook_id = $3 AND coalesce(incident_id, 0) = coalesce($4::bigint, 0) AND status = 'active'`,
            [s.channel, s.env, s.runbook.id, s.incidentId]
          );
          if (running) throw new AlreadyRunningError(running);
        }
        throw err;
      }
    },
    async setSessionRefs(id, refs) {
      await store.query("UPDATE ctx_ops.runbook_sessions SET thread_ts = $2, header_ts = $3 WHERE id = $1", [
        id,
        refs.threadTs,
        refs.headerTs
      ]);
    },
    async deleteSession(id) {
      await store.query("DELETE FROM ctx_ops.runbook_sessions WHERE id = $1", [id]);
    },
    getSession: (id) => one(`SELECT ${SESSION_COLS} FROM ctx_ops.runbook_sessions WHERE id = $1`, [id]),
    /** Active sessions, newest first, filtered by where they run. */
    activeSessions: (f = {}) => many(
      `SELECT ${SESSION_COLS} FROM ctx_ops.runbook_sessions
          WHERE status = 'active' AND ($1::text IS NULL OR channel = $1) AND ($2::text IS NULL OR thread_ts = $2)
            AND ($3::bigint IS NULL OR incident_id = $3) AND ($4::text IS NULL OR surface = $4)
          ORDER BY started_at DESC, id DESC`,
      [f.channel ?? null, f.threadTs ?? null, f.incidentId ?? null, f.surface ?? null]
    ),
    sessionsOfIncident: (incidentId) => many(
      `SELECT ${SESSION_COLS} FROM ctx_ops.runbook_sessions WHERE incident_id = $1 ORDER BY started_at, id`,
      [incidentId]
    ),
    /** Finishes once, and only when no step is left to do. */
    finishSession: (id) => one(
      `UPDATE ctx_ops.runbook_sessions SET status = 'finished', finished_at = now()
          WHERE id = $1 AND status = 'active'
            AND NOT EXISTS (SELECT 1 FROM ctx_ops.runbook_steps WHERE session_id = $1 AND state IN ('pending', 'failed'))
          RETURNING ${SESSION_COLS}`,
      [id]
    ),
    abandonSession: (id) => one(
      `UPDATE ctx_ops.runbook_sessions SET status = 'abandoned', finished_at = now() WHERE id = $1 AND status = 'active' RETURNING ${SESSION_COLS}`,
      [id]
    ),
    // Steps
    steps: (sessionId) => many(`SELECT ${STEP_COLS} FROM ctx_ops.runbook_steps WHERE session_id = $1 ORDER BY idx`, [sessionId]),
    step: (sessionId, idx) => one(`SELECT ${STEP_COLS} FROM ctx_ops.runbook_steps WHERE session_id = $1 AND idx = $2`, [
      sessionId,
      idx
    ]),
    /**
     * Moves a step and writes its timeline entry in one statement; answers null when the
     * step is no longer in a state it may move from (someone else was first).
     */
    transitionStep: (t) => one(
      `WITH upd AS (
           UPDATE ctx_ops.runbook_steps st SET state = $3, actor = $4, at = now(), reason = $5, skip_requested_by = NULL
            WHERE st.session_id = $1 AND st.idx = $2 AND st.state = ANY($6::text[])
              AND EXISTS (SELECT 1 FROM ctx_ops.runbook_sessions s WHERE s.id = $1 AND s.status = 'active')
            RETURNING st.*
         ), tl AS (
           INSERT INTO ctx_ops.incident_timeline (incident_id, session_id, actor, kind, text, data)
           SELECT s.incident_id, s.id, $4, 'step', $7, jsonb_build_object('idx', $2::int, 'state', $3::text, 'reason', $5::text)
             FROM upd JOIN ctx_ops.runbook_sessions s ON s.id = upd.session_id
         )
         SELECT ${STEP_COLS} FROM upd`,
      [t.sessionId, t.idx, t.to, t.actor, t.reason, allowedFrom(t.to), t.text]
    ),
    /** Claims posting a step's first message, so two advancers never post it twice. */
    claimStepPost: async (sessionId, idx) => Boolean(
      await one(
        `UPDATE ctx_ops.runbook_steps SET message_ts = '' WHERE session_id = $1 AND idx = $2 AND message_ts IS NULL RETURNING idx`,
        [sessionId, idx]
      )
    ),
    async releaseStepPost(sessionId, idx) {
      await store.query(
        `UPDATE ctx_ops.runbook_steps SET message_ts = NULL WHERE session_id = $1 AND idx = $2 AND message_ts = ''`,
        [sessionId, idx]
      );
    },
    async setStepMessage(sessionId, idx, channel, ts) {
      await store.query(
        "UPDATE ctx_ops.runbook_steps SET message_channel = $3, message_ts = $4 WHERE session_id = $1 AND idx = $2",
        [sessionId, idx, channel, ts]
      );
    },
    async setStepCheck(sessionId, idx, check, at) {
      await store.query(
        "UPDATE ctx_ops.runbook_steps SET check_status = $3, check_result = $4, checked_at = $5 WHERE session_id = $1 AND idx = $2",
        [sessionId, idx, check.status, JSON.stringify(check), at]
      );
    },
    async requestSkip(sessionId, idx, user) {
      await store.query(
        `UPDATE ctx_ops.runbook_steps SET skip_requested_by = $3 WHERE session_id = $1 AND idx = $2 AND state IN ('pending', 'failed')`,
        [sessionId, idx, user]
      );
    },
    /** The step this person last pressed Skip on, among the given sessions. */
    skipRequestOf: (sessionIds, user) => one(
      `SELECT ${STEP_COLS} FROM ctx_ops.runbook_steps WHERE session_id = ANY($1::bigint[]) AND skip_requested_by = $2 AND state IN ('pending', 'failed') ORDER BY session_id DESC, idx LIMIT 1`,
      [sessionIds, user]
    ),
    async setActionNote(sessionId, idx, note) {
      await store.query("UPDATE ctx_ops.runbook_steps SET action_note = $3 WHERE session_id = $1 AND idx = $2", [
        sessionId,
        idx,
        note
      ]);
    },
    // Timeline and check states
    timeline: (o) => "incidentId" in o ? many(
      `SELECT ${TIMELINE_COLS} FROM ctx_ops.incident_timeline WHERE incident_id = $1 ORDER BY at, id`,
      [o.incidentId]
    ) : many(
      `SELECT ${TIMELINE_COLS} FROM ctx_ops.incident_timeline WHERE session_id = $1 ORDER BY at, id`,
      [o.sessionId]
    ),
    /**
     * Records the statuses seen and writes a timeline entry for each check that changed
     * since the last record. The row lock serialises reports arriving together, so a change
     * is written once however many listeners see it.
     */
    recordChecks(o, states, at, entry) {
      const [table, open2, key] = "incidentId" in o ? ["incidents", `status = 'open'`, o.incidentId] : ["runbook_sessions", `status = 'active'`, o.sessionId];
      return store.tx(async (c) => {
        const row = (await c.query(
          `SELECT check_states AS states FROM ctx_ops.${table} WHERE id = $1 AND ${open2} FOR UPDATE`,
          [key]
        )).rows[0];
        if (!row) return [];
        const { changes, next } = checkChanges(row.states, states, at);
        await c.query(`UPDATE ctx_ops.${table} SET check_states = check_states || $2::jsonb WHERE id = $1`, [
          key,
          JSON.stringify(next)
        ]);
        for (const ch of changes) {
          const e = entry(ch);
          await addTimeline(
            {
              ..."incidentId" in o ? { incidentId: o.incidentId } : { sessionId: o.sessionId },
              actor: e.actor ?? null,
              kind: "check",
              text: e.text,
              data: { ...ch }
            },
            c
          );
        }
        return changes;
      });
    }
  };
}

// src/incidents/runbooks/engine.ts
function createEngine(deps) {
  const tz = deps.config.timezone;
  const envOf = (name) => deps.config.environments.find((e) => e.name === name);
  const { postStep, updateHeader, updateStepMessage, headerView, runStepCheck, runStepLogs, postEvidence } = createStepMessages(deps);
  const freshSession = (id) => deps.db.getSession(id);
  const snapshotOf2 = (rb) => ({
    id: rb.id,
    title: rb.title,
    steps: rb.steps,
    file: rb.file,
    unavailable: rb.unavailable
  });
  async function advance(session, conversation) {
    const rows = await deps.db.steps(session.id);
    const next = currentStep(rows);
    if (next) {
      if (next.messageTs === null) await postStep(session, next.idx, conversation);
      return;
    }
    const finished2 = await deps.db.finishSession(session.id);
    if (!finished2) return;
    await deps.db.addTimeline({
      incidentId: finished2.incidentId,
      sessionId: finished2.id,
      actor: null,
      kind: "runbook",
      text: `\u{1F3C1} runbook \`${finished2.runbookId}\` finished: ${countsText(rows.map((r) => r.state))}`
    });
    await conversation.post(
      renderSessionFinished({
        title: finished2.runbook.title,
        runbookId: finished2.runbookId,
        states: rows.map((r) => r.state),
        startedAt: finished2.startedAt,
        finishedAt: finished2.finishedAt ?? deps.now(),
        incidentId: finished2.incidentId
      }),
      { thread: threadOf(finished2) }
    );
    await updateHeader(finished2, conversation);
  }
  const verb = (to, reason) => {
    const why = reason ? ` (${escapeMrkdwn(reason)})` : "";
    return to === "done" ? "marked step {n} done" : to === "skipped" ? `skipped step {n}${why}` : `marked step {n} failed${why}`;
  };
  function describeState(row) {
    const at = row.at ? ` at ${clock(row.at, tz, { seconds: true })}` : "";
    return row.state === "pending" ? "still to do" : `already ${row.state === "failed" ? "marked failed" : row.state} by ${who4(row.actor)}${at}`;
  }
  const api = {
    snapshotOf: snapshotOf2,
    postStep,
    updateHeader,
    headerView,
    /**
     * Starts a runbook: a header message (in the incident's thread, or a new message whose
     * thread holds the steps), then the first step with its check already run.
     */
    async start(o) {
      let session;
      try {
        session = await deps.db.createSession({
          incidentId: o.incident?.id ?? null,
          runbook: snapshotOf2(o.runbook),
          env: o.env,
          surface: o.surface,
          channel: o.channel,
          threadTs: o.incident?.rootTs ?? null,
          startedBy: o.actor.userId
        });
      } catch (err) {
        if (err instanceof AlreadyRunningError) return { already: err.session };
        throw err;
      }
      try {
        const rows = await deps.db.steps(session.id);
        const inThread = o.incident?.rootTs ? { thread: { channel: o.incident.channel, ts: o.incident.rootTs } } : void 0;
        const ref = await o.conversation.post(renderSessionHeader(headerView(session, rows)), inThread);
        if (!ref.ts)
          throw new Error(
            "this channel does not let me post messages I can thread under: invite me with `/invite @ctx-ops`"
          );
        const threadTs = ref.threadTs ?? ref.ts;
        await deps.db.setSessionRefs(session.id, { threadTs, headerTs: ref.ts });
        session = { ...session, channel: ref.channel, threadTs, headerTs: ref.ts };
      } catch (err) {
        await deps.db.deleteSession(session.id).catch(() => {
        });
        throw err;
      }
      await deps.db.addTimeline({
        incidentId: session.incidentId,
        sessionId: session.id,
        actor: o.actor.userId,
        kind: "runbook",
        text: `started runbook \`${session.runbookId}\` (${session.runbook.title}) on ${session.env}`
      });
      await postStep(session, 0, o.conversation);
      return { started: session };
    },
    /** Done, Skip (with its reason) or Failed: registers once however many people press it. */
    async transition(o) {
      const session = await freshSession(o.sessionId);
      const step2 = session?.runbook.steps[o.idx];
      if (!session || !step2) return { ok: false, message: "This runbook step no longer exists." };
      const text2 = `${verb(o.to, o.reason).replace("{n}", String(o.idx + 1))}: ${fillText(step2.text, { env: session.env })}`;
      const row = await deps.db.transitionStep({
        sessionId: session.id,
        idx: o.idx,
        to: o.to,
        actor: o.actor.userId,
        reason: o.reason,
        text: text2
      });
      if (!row) {
        const cur = await deps.db.step(session.id, o.idx);
        const why = session.status !== "active" ? `the runbook is ${session.status}` : cur ? describeState(cur) : "unknown";
        return { ok: false, message: `Step ${o.idx + 1} of ${session.runbook.title} is ${why}; nothing changed.` };
      }
      await updateStepMessage(session, o.idx, o.conversation);
      if (o.to !== "failed") await advance(session, o.conversation);
      const latest = await freshSession(session.id) ?? session;
      if (latest.status === "active") await updateHeader(latest, o.conversation);
      return { ok: true, message: text2 };
    },
    /** Re-check: runs the step's check now and shows the result in place. */
    async recheck(o) {
      const session = await freshSession(o.sessionId);
      const step2 = session?.runbook.steps[o.idx];
      if (session && step2 && evidenceRefs(step2.logs).length) {
        await postEvidence(session, o.idx, await runStepLogs(session, o.idx), o.conversation);
        if (!step2.check) {
          await updateStepMessage(session, o.idx, o.conversation);
          return;
        }
      }
      if (!session?.runbook.steps[o.idx]?.check) return;
      await runStepCheck(
        session,
        o.idx,
        { actor: o.actor.userId, text: `re-check of step ${o.idx + 1} by ${who4(o.actor.userId)}` },
        rerunMaxAge(deps.config.checks.cacheMs)
      );
      await updateStepMessage(session, o.idx, o.conversation);
    },
    async requestSkip(o) {
      const session = await freshSession(o.sessionId);
      if (!session) return null;
      await deps.db.requestSkip(session.id, o.idx, o.actor.userId);
      return session;
    },
    /** `skip <reason>`: the step this person pressed Skip on, else the current step of the newest session. */
    async skipWithReason(o) {
      if (!o.sessions.length) return { ok: false, message: "No runbook is running here." };
      const requested = await deps.db.skipRequestOf(
        o.sessions.map((s) => s.id),
        o.actor.userId
      );
      let target = requested ? { sessionId: requested.sessionId, idx: requested.idx } : void 0;
      if (!target) {
        const rows = await deps.db.steps(o.sessions[0].id);
        const cur = currentStep(rows);
        if (!cur) return { ok: false, message: "Every step of this runbook is resolved already." };
        target = { sessionId: o.sessions[0].id, idx: cur.idx };
      }
      return api.transition({
        ...target,
        to: "skipped",
        actor: o.actor,
        reason: o.reason,
        conversation: o.conversation
      });
    },
    /** `next`: posts the current step again at the bottom of the thread. */
    async next(o) {
      const rows = await deps.db.steps(o.session.id);
      const cur = currentStep(rows);
      if (!cur) return `Every step of ${o.session.runbook.title} is resolved.`;
      await postStep(o.session, cur.idx, o.conversation, { again: true });
      return null;
    },
    async stop(o) {
      const stopped = await deps.db.abandonSession(o.session.id);
      if (!stopped) return false;
      await deps.db.addTimeline({
        incidentId: stopped.incidentId,
        sessionId: stopped.id,
        actor: o.actor.userId,
        kind: "runbook",
        text: `stopped runbook \`${stopped.runbookId}\`${o.why ? ` (${o.why})` : ""}`
      });
      await updateHeader(stopped, o.conversation);
      const rows = await deps.db.steps(stopped.id);
      const cur = currentStep(rows);
      if (cur?.messageTs) await updateStepMessage(stopped, cur.idx, o.conversation).catch(() => {
      });
      return true;
    },
    /** A step's Run button: asks the approvals service, which posts Confirm / Cancel in the thread. */
    async run(o) {
      const session = await freshSession(o.sessionId);
      const ref = session?.runbook.steps[o.idx]?.action;
      const kind = ref && deps.actionKinds.get(ref.kind);
      if (!session || !ref || !kind) return { ok: false, message: "This step has no action." };
      const row = await deps.db.step(session.id, o.idx);
      if (session.status !== "active" || !row || !openState(row.state))
        return { ok: false, message: `Step ${o.idx + 1} is ${row ? describeState(row) : "gone"}; nothing to run.` };
      const approvals = deps.approvals();
      const env = envOf(session.env);
      if (!approvals || !env)
        return {
          ok: false,
          message: `Guarded operations are not available in this bot. By hand: ${env ? kind.manual(env) : ""}`
        };
      const outcome = await approvals.request({
        kind: kind.kind,
        env: env.name,
        params: o.params,
        requester: o.actor,
        conversation: o.conversation,
        thread: threadOf(session),
        surface: o.surface
      });
      if (!outcome.requested) return { ok: false, message: outcome.reason };
      const label2 = ref.label ?? kind.label;
      await deps.db.setActionNote(
        session.id,
        o.idx,
        `\u23F3 ${label2} requested by ${who4(o.actor.userId)} at ${clock(deps.now(), tz, { seconds: true })}: waiting for confirmation`
      );
      await deps.db.addTimeline({
        incidentId: session.incidentId,
        sessionId: session.id,
        actor: o.actor.userId,
        kind: "action",
        text: `asked to run ${label2}${Object.keys(o.params).length ? ` for ${escapeMrkdwn(Object.values(o.params).join(", "))}` : ""} (step ${o.idx + 1})`
      });
      await updateStepMessage(session, o.idx, o.conversation);
      return { ok: true, message: `${label2} requested: it runs once someone allowed to confirms.` };
    },
    /**
     * Called when one of this feature's guarded actions ran for a runbook thread: records it
     * and, when it succeeded, resolves the step that asked for it.
     */
    async actionRan(kind, ctx, result) {
      const threadTs = ctx.thread.threadTs ?? ctx.thread.ts;
      const sessions = await deps.db.activeSessions({ channel: ctx.thread.channel, threadTs });
      for (const session of sessions) {
        const rows = await deps.db.steps(session.id);
        const row = rows.find((r) => openState(r.state) && session.runbook.steps[r.idx]?.action?.kind === kind);
        if (!row) continue;
        const label2 = session.runbook.steps[row.idx].action.label ?? deps.actionKinds.get(kind)?.label ?? kind;
        const summary = escapeMrkdwn(result.summary);
        await deps.db.setActionNote(
          session.id,
          row.idx,
          `${result.ok ? "\u25B6" : "\u2717"} ${label2} ${result.ok ? "ran" : "failed"} (confirmed by ${who4(ctx.confirmer.userId)} at ${clock(deps.now(), tz, { seconds: true })}): ${summary}`
        );
        await deps.db.addTimeline({
          incidentId: session.incidentId,
          sessionId: session.id,
          actor: ctx.confirmer.userId,
          kind: "action",
          text: `${result.ok ? "ran" : "tried to run"} ${label2}: ${summary}`
        });
        if (result.ok) {
          const out = await api.transition({
            sessionId: session.id,
            idx: row.idx,
            to: "done",
            actor: ctx.confirmer,
            reason: null,
            conversation: ctx.conversation
          });
          if (out.ok) return;
        }
        await updateStepMessage(session, row.idx, ctx.conversation).catch(() => {
        });
        return;
      }
    },
    /** At start: a step whose message was never posted (a crash mid-advance) is posted now. */
    async resume(conversation, surface) {
      const sessions = (await deps.db.activeSessions({ surface })).filter((s) => s.threadTs);
      let posted = 0;
      for (const s of sessions) {
        const rows = await deps.db.steps(s.id);
        const cur = currentStep(rows);
        if (!cur) {
          await advance(s, conversation).catch(() => {
          });
          continue;
        }
        if (cur.messageTs === "") await deps.db.releaseStepPost(s.id, cur.idx);
        if (!cur.messageTs && await postStep(s, cur.idx, conversation).catch(() => false)) posted++;
      }
      return { sessions: sessions.length, posted };
    }
  };
  return api;
}

// src/incidents/incidents.ts
function createIncidents(deps) {
  const tz = deps.config.timezone;
  const titles = () => deps.diagnostics.titles;
  const permalink = (i) => i.surface === "slack" && i.rootTs ? `https://slack.com/archives/${i.channel}/p${i.rootTs.replace(".", "")}` : void 0;
  async function runReport(env, maxAgeMs) {
    try {
      return { report: await deps.diagnostics.run(env, maxAgeMs !== void 0 ? { maxAgeMs } : {}) };
    } catch (err) {
      return { report: null, error: err.message };
    }
  }
  const rootView = (incident, report, error) => ({
    incident,
    report,
    ...error ? { reportError: error } : {},
    titles: titles(),
    suggestions: report ? deps.catalog.suggest(report) : [],
    timeZone: tz,
    now: deps.now()
  });
  const api = {
    /** Opens an incident: root message (incidents channel, else here), timeline, current status. */
    async open(o) {
      const { report, error } = await runReport(o.env);
      const target = o.surface === "slack" && deps.config.channels.incidents && deps.slack() ? deps.config.channels.incidents : null;
      const channel = target ?? o.channel;
      let incident = await deps.db.createIncident({
        env: o.env,
        title: o.title,
        severity: o.severity,
        owner: o.actor.userId,
        surface: o.surface,
        channel,
        checkStates: report ? deps.recorder.statesOf(report) : {}
      });
      let root;
      try {
        const msg = renderIncidentRoot(rootView(incident, report, error));
        root = target ? await deps.slack().post({ channel: target, text: msg.text, ...msg.blocks ? { blocks: msg.blocks } : {} }) : await o.conversation.post(msg);
        if (!root.ts)
          throw new Error(
            "this channel does not let me post messages I can thread under: invite me with `/invite @ctx-ops`"
          );
      } catch (err) {
        await deps.db.deleteIncident(incident.id).catch(() => {
        });
        throw err;
      }
      await deps.db.setIncidentRoot(incident.id, root.channel, root.ts);
      if (report) deps.publishReport(report);
      incident = { ...incident, channel: root.channel, rootTs: root.ts };
      const failing = report ? report.checks.filter((c) => c.status === "fail" || c.status === "warn").map((c) => `${titles()[c.id] ?? c.id} ${c.status}`) : [];
      await deps.db.addTimeline({
        incidentId: incident.id,
        actor: o.actor.userId,
        kind: "opened",
        text: `opened the incident (${severityLabel(o.severity)} on ${o.env}); ${report ? failing.length ? `failing: ${failing.join(", ")}` : "every check healthy" : `status unknown: ${error}`}`
      });
      return { incident, elsewhere: Boolean(target && target !== o.channel) };
    },
    /** Closes once, stops its runbooks, and posts the timeline as a postmortem skeleton. */
    async close(o) {
      const closed = await deps.db.closeIncident(o.incident.id, o.actor.userId, o.summary);
      if (!closed) return { ok: false, message: `Incident #${o.incident.id} is already closed.` };
      for (const s of await deps.db.activeSessions({ incidentId: closed.id })) {
        await deps.engine.stop({ session: s, actor: o.actor, conversation: o.conversation, why: "incident closed" }).catch((err) => deps.log.warn({ err }, "could not stop a runbook"));
      }
      await deps.db.addTimeline({
        incidentId: closed.id,
        actor: o.actor.userId,
        kind: "closed",
        text: `closed the incident${o.summary ? `: ${escapeMrkdwn(o.summary)}` : ""}`
      });
      const sessions = await deps.db.sessionsOfIncident(closed.id);
      const withStates = await Promise.all(
        sessions.map(async (s) => ({
          runbookId: s.runbookId,
          title: s.runbook.title,
          status: s.status,
          states: (await deps.db.steps(s.id)).map((r) => r.state),
          startedAt: s.startedAt,
          finishedAt: s.finishedAt
        }))
      );
      const timeline = await deps.db.timeline({ incidentId: closed.id });
      const thread = { channel: closed.channel, ts: closed.rootTs ?? "" };
      await o.conversation.post(
        renderPostmortem({ incident: closed, timeline, sessions: withStates, titles: titles(), timeZone: tz }),
        closed.rootTs ? { thread } : void 0
      );
      if (closed.rootTs) {
        await o.conversation.update({ channel: closed.channel, ts: closed.rootTs }, renderIncidentRoot(rootView(closed, null))).catch(
          (err) => deps.log.warn({ err: { message: err.message } }, "could not update the incident root")
        );
      }
      return { ok: true, message: `Incident #${closed.id} closed.` };
    },
    /** A note in the timeline of the incident, else of the newest runbook here. */
    async note(o) {
      const owner = o.place.incident ? { incidentId: o.place.incident.id } : o.place.sessions[0] ? ownerOf(o.place.sessions[0]) : null;
      if (!owner) return "There is no open incident or running runbook here to note that in.";
      const session = "sessionId" in owner ? owner.sessionId : null;
      await deps.db.addTimeline({
        ..."incidentId" in owner ? { incidentId: owner.incidentId } : { sessionId: session },
        actor: o.actor.userId,
        kind: "note",
        text: `noted: ${escapeMrkdwn(o.text)}`
      });
      return `\u{1F4DD} Noted in the timeline${o.place.incident ? ` of incident #${o.place.incident.id}` : ""} at ${clock(deps.now(), tz, { seconds: true })}.`;
    },
    /** `status` in a thread: the checks now, recorded in the timeline, and how far each runbook got. */
    async status(o) {
      const { report, error } = await runReport(o.env, rerunMaxAge(deps.config.checks.cacheMs));
      if (!report) {
        await o.conversation.post(
          { text: `Could not check ${o.env}: ${error}` },
          o.thread ? { thread: o.thread } : void 0
        );
        return;
      }
      const owners = o.place.incident ? [{ incidentId: o.place.incident.id }] : o.place.sessions.filter((s) => !s.incidentId).map((s) => ({ sessionId: s.id }));
      for (const owner of owners)
        await deps.recorder.record(owner, report, {
          actor: o.actor.userId,
          text: `status asked by ${who4(o.actor.userId)}`
        });
      deps.publishReport(report);
      const msg = renderStatus(report, { titles: titles(), timeZone: tz });
      const progress = await Promise.all(
        o.place.sessions.map(
          async (s) => `\u{1F4D8} ${s.runbook.title} (\`${s.runbookId}\`): ${countsText((await deps.db.steps(s.id)).map((r) => r.state))}`
        )
      );
      if (progress.length) msg.blocks = [...msg.blocks ?? [], context(progress.join("\n"))];
      await o.conversation.post(msg, o.thread ? { thread: o.thread } : void 0);
    },
    /** For the digest: the incidents still open. */
    info() {
      return {
        async open(env) {
          const rows = await deps.db.openIncidents(env ? { env } : {});
          return rows.map((i) => ({
            id: `#${i.id}`,
            title: i.title,
            severity: severityLabel(i.severity),
            openedAt: i.openedAt,
            owner: i.owner,
            permalink: permalink(i)
          }));
        }
      };
    }
  };
  return api;
}

// src/incidents/mentions.ts
function stripMentions(text2) {
  return text2.replace(/^\s*(?:<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*)+/i, "").trim();
}
var MAX_TEXT = 2e3;
var where2 = async (c) => c.deps.live.places.byThread(c.thread.channel, c.thread.ts, "slack");
var VERBS = [
  {
    word: "status",
    usage: "status [env]",
    summary: "The checks now, in this thread (the incident's environment unless one is named)",
    async run(c) {
      const words = c.args.filter((a) => !/^<@[A-Z0-9]+(\|[^>]*)?>$/i.test(a));
      const choice = chooseEnvironment(words, void 0, c.deps.config);
      const problem = choice.all ? "one environment at a time here (`/ctx status all` shows every one)" : leftoverProblem(choice.rest, c.deps.config);
      if (problem) return c.reply(`${problem}. \`@ctx-ops status [env]\``);
      const live = c.deps.live;
      if (!live) {
        const report = await c.deps.diagnostics.run(choice.env);
        await c.req.conversation.post(
          renderStatus(report, { titles: c.deps.diagnostics.titles, timeZone: c.deps.config.timezone }),
          { thread: c.thread }
        );
        return;
      }
      const place = await where2(c);
      const env = choice.named ? choice.env : place.incident?.env ?? place.sessions[0]?.env ?? c.deps.config.defaultEnvironment;
      await live.incidents.status({
        place,
        env,
        actor: c.req.actor,
        conversation: c.req.conversation,
        thread: c.thread
      });
    }
  },
  {
    word: "next",
    usage: "next",
    summary: "The current step of the runbook, again",
    async run(c) {
      const session = (await where2(c)).sessions[0];
      if (!session)
        return c.reply(
          "No runbook is running in this thread. Start one with the buttons on the incident, or `/ctx runbook &lt;id&gt;`."
        );
      const said = await c.deps.live.engine.next({ session, conversation: c.req.conversation });
      if (said) await c.reply(said);
    }
  },
  {
    word: "note",
    usage: "note <text>",
    summary: "A note in the timeline",
    async run(c) {
      if (!c.argText) return c.reply("What should the note say? `@ctx-ops note &lt;text&gt;`");
      await c.reply(
        await c.deps.live.incidents.note({
          place: await where2(c),
          actor: c.req.actor,
          text: c.argText.slice(0, MAX_TEXT)
        })
      );
    }
  },
  {
    word: "skip",
    usage: "skip <reason>",
    summary: "Skip the current step, with the reason",
    async run(c) {
      if (!c.argText) return c.reply("Skipping needs a reason: `@ctx-ops skip &lt;reason&gt;`");
      const out = await c.deps.live.engine.skipWithReason({
        sessions: (await where2(c)).sessions,
        actor: c.req.actor,
        reason: c.argText.slice(0, MAX_TEXT),
        conversation: c.req.conversation
      });
      if (!out.ok) await c.reply(out.message);
    }
  },
  {
    word: "stop",
    usage: "stop",
    summary: "Stop the runbook",
    async run(c) {
      const session = (await where2(c)).sessions[0];
      if (!session) return c.reply("No runbook is running in this thread.");
      await c.deps.live.engine.stop({ session, actor: c.req.actor, conversation: c.req.conversation });
    }
  },
  {
    word: "close",
    usage: "close [summary]",
    summary: "Close the incident and post its timeline",
    async run(c) {
      const incident = (await where2(c)).incident;
      if (!incident) return c.reply("There is no open incident in this thread.");
      const out = await c.deps.live.incidents.close({
        incident,
        actor: c.req.actor,
        summary: c.argText.slice(0, MAX_TEXT) || null,
        conversation: c.req.conversation
      });
      if (!out.ok) await c.reply(out.message);
    }
  },
  {
    word: "help",
    usage: "help",
    summary: "These verbs",
    run: (c) => c.reply(mentionHelp())
  }
];
var MENTION_VERBS = VERBS.map(({ usage, summary }) => ({ usage, summary }));
var escapeUsage = (u) => u.replace(/</g, "&lt;").replace(/>/g, "&gt;");
function mentionHelp() {
  return `In an incident or runbook thread: ${VERBS.map((v) => `\`@ctx-ops ${escapeUsage(v.usage)}\``).join(" \xB7 ")}`;
}
function createMentionHandler(deps) {
  const handler = async (req) => {
    const e = req.event;
    if (e.bot_id || e.subtype || !e.channel || !e.ts) return;
    const typed = stripMentions(unescapeSlack(e.text ?? ""));
    const [first = "", ...rest] = typed.split(/\s+/);
    const command = first.toLowerCase().replace(/[.,:;!?]+$/, "");
    const reply = (text2) => req.conversation.ephemeral({ text: text2 });
    const verb = VERBS.find((v) => v.word === command);
    if (!verb) return void await reply(`${command ? `I do not know ${userWord(command)}. ` : ""}${mentionHelp()}`);
    if (!deps.live && verb.word !== "status" && verb.word !== "help") return void await reply(NO_STORE);
    const argText = typed.slice(first.length).replace(/^[\s.,:;!?]+/, "").trim();
    await verb.run({
      req,
      deps,
      args: rest.filter(Boolean),
      argText,
      thread: { channel: e.channel, ts: e.thread_ts ?? e.ts },
      reply
    });
  };
  handler.verbs = MENTION_VERBS;
  return handler;
}

// src/incidents/runbooks/session-metrics.ts
function countedSessions(db, metrics) {
  const counted = {
    ...db,
    async createSession(s) {
      const row = await db.createSession(s);
      metrics.runbookSession(row.runbookId, "started");
      return row;
    },
    async finishSession(id) {
      const row = await db.finishSession(id);
      if (row) metrics.runbookSession(row.runbookId, "finished");
      return row;
    },
    async abandonSession(id) {
      const row = await db.abandonSession(id);
      if (row) metrics.runbookSession(row.runbookId, "abandoned");
      return row;
    }
  };
  metrics.gauge("runbookSessionsActive", async () => {
    try {
      return (await db.activeSessions()).length;
    } catch {
      return null;
    }
  });
  return counted;
}

// src/incidents/feature.ts
function withBackUpFirstNote(k, core) {
  return {
    ...k,
    async note(env) {
      const svc = core.services.get("backups");
      if (!svc) return null;
      const last = await svc.lastVerified(env.name);
      return backUpFirstNote(env.name, last?.finishedAt, core.now(), core.config.operations.freshWithinHours).text;
    }
  };
}
var incidentsFeature = (core) => {
  const log = core.log.child({ feature: "incidents" });
  const kinds = runbookActionKinds({ log, http: core.http }).map(
    (k) => k.kind === "backup" ? withBackUpFirstNote(k, core) : k
  );
  const actionKinds = new Map(kinds.map((k) => [k.kind, k]));
  const loaded = loadConfiguredRunbooks(core.config, {
    checkIds: new Set(core.diagnostics.checks.map((c) => c.id)),
    actionKinds: kinds,
    // The logs feature is built before this one (app/features.ts) when it is part of the bot.
    ...core.services.get("logs") ? { hasSignal: core.services.get("logs").hasSignal } : {}
  });
  if (loaded.problems.length) throw new ConfigError(loaded.problems);
  for (const w of loaded.warnings) log.warn(`shipped runbook: ${w}`);
  const catalog = createCatalog(loaded.runbooks);
  let runtime = null;
  let engine = null;
  const registeredWith = /* @__PURE__ */ new WeakSet();
  const approvals = () => {
    const service = core.services.get("approvals");
    if (service && !registeredWith.has(service)) {
      registeredWith.add(service);
      for (const k of kinds) if (k.guarded) service.registerKind(reportingBack(k.guarded));
    }
    return service;
  };
  const reportingBack = (kind) => ({
    ...kind,
    async run(ctx) {
      const result = await kind.run(ctx);
      await engine?.actionRan(kind.kind, ctx, result).catch(
        (err) => log.warn({ err: { message: err.message } }, "could not record a guarded action in its runbook")
      );
      return result;
    }
  });
  approvals();
  let live = null;
  if (core.store) {
    const db = countedSessions(createIncidentStore(core.store), core.metrics);
    const recorder = createCheckRecorder({ db, titles: core.diagnostics.titles, log });
    const publishReport = core.publishReport;
    engine = createEngine({
      db,
      config: core.config,
      diagnostics: core.diagnostics,
      recorder,
      log,
      now: core.now,
      publishReport,
      approvals,
      actionKinds,
      logs: () => core.services.get("logs")
    });
    const incidents = createIncidents({
      db,
      config: core.config,
      diagnostics: core.diagnostics,
      catalog,
      engine,
      recorder,
      log,
      now: core.now,
      publishReport,
      slack: () => runtime?.slack ?? null
    });
    live = { db, engine, incidents, places: createPlaces(db) };
    core.onReport((report) => runtime && recorder.listener(report));
  }
  core.services.register("incidents", live ? live.incidents.info() : { open: async () => [] });
  const deps = { config: core.config, catalog, diagnostics: core.diagnostics, log, now: core.now, live };
  return {
    name: "incidents",
    handlers: [createIncidentHandler(deps), createRunbookHandler(deps)],
    actions: createRunbookButtons(deps),
    events: { app_mention: createMentionHandler(deps) },
    start(rt) {
      runtime = rt;
      approvals();
      if (live && rt.slack) {
        const poster = slackPoster(rt.slack);
        live.engine.resume(poster, "slack").then((r) => r.sessions && log.info(r, "runbooks resumed where they were")).catch(
          (err) => log.warn(
            { err: { message: err.message } },
            "could not resume runbooks yet (store unreachable?)"
          )
        );
      }
    }
  };
};
function slackPoster(slack) {
  return {
    async post(msg, opts) {
      const thread = opts?.thread;
      if (!thread?.channel) throw new Error("a background post needs a thread to go to");
      const ts = thread.threadTs ?? thread.ts;
      const res = await slack.post({
        channel: thread.channel,
        text: msg.text,
        ...msg.blocks ? { blocks: msg.blocks } : {},
        ...ts ? { thread_ts: ts } : {}
      });
      return { channel: res.channel, ts: res.ts, ...ts ? { threadTs: ts } : {} };
    },
    async update(ref, msg) {
      await slack.update({
        channel: ref.channel,
        ts: ref.ts,
        text: msg.text,
        ...msg.blocks ? { blocks: msg.blocks } : {}
      });
    },
    async ephemeral() {
    }
  };
}

// src/doctor/doctor.ts
import { dirname as dirname2, resolve as resolve3 } from "node:path";

// src/store/migrate.ts
import { readdirSync, readFileSync } from "node:fs";
var MIGRATIONS_DIR = packagePath("sql", "ctx_ops");
function readStoreMigrations(dir = MIGRATIONS_DIR) {
  return readdirSync(dir).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort().map((f) => ({ name: f.replace(/\.sql$/, ""), sql: readFileSync(`${dir}/${f}`, "utf8") }));
}
var MIGRATION_LOCK = 0x6374786f707301n;
async function migrateStore(pool, log, migrations = readStoreMigrations()) {
  if (await upToDate(pool, migrations)) return [];
  const client = await pool.connect();
  const applied = [];
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK.toString()]);
    await client.query("CREATE SCHEMA IF NOT EXISTS ctx_ops");
    await client.query(
      "CREATE TABLE IF NOT EXISTS ctx_ops.schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
    );
    const { rows } = await client.query("SELECT name FROM ctx_ops.schema_migrations");
    const done = new Set(rows.map((r) => r.name));
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await client.query(m.sql);
      await client.query("INSERT INTO ctx_ops.schema_migrations (name) VALUES ($1)", [m.name]);
      applied.push(m.name);
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {
    });
    throw err;
  } finally {
    client.release();
  }
  if (applied.length) log.info({ applied }, "ctx_ops store migrated");
  return applied;
}
async function upToDate(pool, migrations) {
  try {
    const { rows } = await pool.query("SELECT name FROM ctx_ops.schema_migrations");
    const done = new Set(rows.map((r) => r.name));
    return migrations.every((m) => done.has(m.name));
  } catch {
    return false;
  }
}

// src/doctor/probes/files.ts
import { readdir as readdir2, stat as stat6 } from "node:fs/promises";
async function probeFolder(path) {
  try {
    const s = await stat6(path);
    if (!s.isDirectory()) return { state: "not-a-folder" };
    return { state: "ok", entries: (await readdir2(path)).length };
  } catch (err) {
    const code2 = err.code ?? "error";
    return code2 === "ENOENT" ? { state: "missing" } : { state: "unreadable", code: code2 };
  }
}

// src/slack/slack-failures.ts
var TOKEN_REJECTED = {
  invalid_auth: "mistyped, cut short, from another workspace, or regenerated since",
  not_authed: "no token reached Slack",
  account_inactive: "the app was uninstalled or its bot user deactivated",
  token_revoked: "revoked, e.g. when the app was uninstalled",
  token_expired: "expired; token rotation is on for the app",
  user_removed_from_team: "the bot user was removed from the workspace",
  team_disabled: "the workspace is disabled",
  org_login_required: "the workspace is moving to an Enterprise Grid organisation",
  ekm_access_denied: "administrators suspended the app (Enterprise Key Management)",
  invalid_token: "Slack does not know it"
};
function classifySlackFailure(err) {
  const e = err;
  if (e?.code === "slack_webapi_platform_error") {
    const raw = e.data?.error;
    const code2 = typeof raw === "string" ? raw : "";
    if (!/^[a-z0-9_.]{1,64}$/.test(code2))
      return { kind: "not-slack", sample: code2.replace(/\s+/g, " ").trim().slice(0, 60) };
    if (code2 in TOKEN_REJECTED) return { kind: "rejected", code: code2 };
    if (code2 === "not_allowed_token_type") return { kind: "wrong-type", code: code2 };
    if (code2 === "missing_scope") {
      return { kind: "missing-scope", needed: str2(e.data?.needed), provided: str2(e.data?.provided) };
    }
    if (code2 === "ratelimited" || code2 === "rate_limited") return { kind: "rate-limited" };
    return { kind: "platform", code: code2 };
  }
  if (e?.code === "slack_webapi_rate_limited_error") return { kind: "rate-limited", retryAfterS: e.retryAfter };
  if (e?.code === "slack_webapi_http_error") return { kind: "http", status: e.statusCode ?? 0 };
  return { kind: "unreachable", net: classifyError(err) };
}
var str2 = (v) => typeof v === "string" && v ? v : void 0;
var TOKEN_HELP = {
  SLACK_BOT_TOKEN: "reinstall the app (api.slack.com/apps \u2192 your app \u2192 Install App) and copy the Bot User OAuth Token (xoxb-\u2026) into SLACK_BOT_TOKEN",
  SLACK_APP_TOKEN: "generate an app-level token under Basic Information \u2192 App-Level Tokens with the connections:write scope and copy it (xapp-\u2026) into SLACK_APP_TOKEN"
};
function describeSlackFailure(f, token, url) {
  switch (f.kind) {
    case "rejected":
      return {
        seen: `Slack rejected ${token} with ${f.code} (${TOKEN_REJECTED[f.code] ?? "not accepted"})`,
        fix: TOKEN_HELP[token],
        config: true
      };
    case "wrong-type":
      return token === "SLACK_APP_TOKEN" ? {
        seen: `SLACK_APP_TOKEN is not an app-level token (Slack answered ${f.code})`,
        fix: `it must be the xapp-\u2026 token, not the Bot User OAuth Token: ${TOKEN_HELP.SLACK_APP_TOKEN}`,
        config: true
      } : {
        seen: `SLACK_BOT_TOKEN is not a bot token (Slack answered ${f.code})`,
        fix: `it must be the xoxb-\u2026 token, not the app-level one: ${TOKEN_HELP.SLACK_BOT_TOKEN}`,
        config: true
      };
    case "missing-scope": {
      const needed = f.needed ?? (token === "SLACK_APP_TOKEN" ? "connections:write" : "a scope");
      const has = f.provided ? ` (it has ${f.provided.split(",").join(", ")})` : "";
      return token === "SLACK_APP_TOKEN" ? {
        seen: `SLACK_APP_TOKEN lacks the ${needed} scope${has}`,
        fix: "under Basic Information \u2192 App-Level Tokens, generate a token with connections:write and put it in SLACK_APP_TOKEN",
        config: true
      } : {
        seen: `SLACK_BOT_TOKEN lacks the ${needed} scope${has}`,
        fix: `add ${needed} under OAuth & Permissions \u2192 Bot Token Scopes (manifest.yml lists every scope), reinstall the app and update SLACK_BOT_TOKEN if it changed`,
        config: true
      };
    }
    case "unreachable":
      return {
        seen: `cannot reach Slack at ${url}: ${describeFailure(f.net, hostOf(url))}`,
        fix: unreachableFix(f.net, url),
        config: false
      };
    case "http":
      return httpWords(f.status, url);
    case "not-slack":
      return {
        seen: `${url} answered something that is not Slack's Web API${f.sample ? ` ("${f.sample}\u2026")` : ""}`,
        fix: `SLACK_API_URL must be Slack's Web API base ending in /api/ (default https://slack.com/api/); a proxy's login or error page looks like this`,
        config: true
      };
    case "rate-limited":
      return {
        seen: `Slack rate-limited the request${f.retryAfterS ? ` (retry after ${f.retryAfterS} s)` : ""}`,
        fix: "it passes by itself; if it persists, something else may be calling Slack with the same token",
        config: false
      };
    case "platform":
      return { seen: `Slack answered ${f.code}`, fix: "if it persists, look at status.slack.com", config: false };
  }
}
function httpWords(status, url) {
  if (status === 404 || status === 405 || status === 410) {
    return {
      seen: `${url} answered HTTP ${status}, so it is not Slack's Web API`,
      fix: "SLACK_API_URL must be the Web API base ending in /api/ (default https://slack.com/api/)",
      config: true
    };
  }
  if (status === 407)
    return {
      seen: `a proxy in front of ${hostOf(url)} asks for credentials (HTTP 407)`,
      fix: "point SLACK_API_URL at a proxy that needs no credentials, or allow outbound HTTPS to Slack",
      config: true
    };
  if (status >= 500)
    return {
      seen: `${hostOf(url)} answered HTTP ${status}`,
      fix: "Slack (or a proxy in between) is failing: look at status.slack.com and try again in a few minutes",
      config: false
    };
  return {
    seen: `${url} answered HTTP ${status}`,
    fix: "check SLACK_API_URL (default https://slack.com/api/) and any proxy in between",
    config: true
  };
}
function unreachableFix(f, url) {
  const custom = !url.startsWith("https://slack.com/");
  const proxy = "behind an egress proxy, set SLACK_API_URL to an address that reaches Slack's Web API";
  switch (f.kind) {
    case "dns":
      return custom ? "check the host name in SLACK_API_URL" : `check this machine's DNS and outbound access; ${proxy}`;
    case "refused":
      return custom ? "check the host and port in SLACK_API_URL" : `a firewall refuses outbound HTTPS; ${proxy}`;
    case "timeout":
      return `no answer in time: a firewall may drop outbound HTTPS (port 443); ${proxy}`;
    case "tls":
      return "a proxy that inspects TLS needs its CA certificate in NODE_EXTRA_CA_CERTS; or SLACK_API_URL points at something that does not speak TLS";
    case "reset":
      return `the connection was cut: a proxy or firewall in between may block Slack; ${proxy}`;
    default:
      return `check SLACK_API_URL and outbound HTTPS from this machine`;
  }
}
function hostOf(url) {
  try {
    const u = new URL(url);
    return u.port ? `${u.hostname}:${u.port}` : u.hostname;
  } catch {
    return url;
  }
}
function tokenKind(token) {
  if (token.startsWith("xoxb-")) return "bot";
  if (token.startsWith("xapp-")) return "app";
  if (token.startsWith("xoxp-")) return "user";
  return "other";
}
var KIND_WORDS = {
  bot: "a bot token (xoxb-\u2026)",
  app: "an app-level token (xapp-\u2026)",
  user: "a user token (xoxp-\u2026)",
  other: "something that is not a Slack token"
};
function tokenShapeProblem(token, value) {
  const kind = tokenKind(value);
  const want = token === "SLACK_BOT_TOKEN" ? "bot" : "app";
  if (kind === want) return null;
  const swap = token === "SLACK_BOT_TOKEN" && kind === "app" ? "put it in SLACK_APP_TOKEN, and " : token === "SLACK_APP_TOKEN" && kind === "bot" ? "put it in SLACK_BOT_TOKEN, and " : "";
  return { seen: `${token} holds ${KIND_WORDS[kind]}`, fix: `${swap}${TOKEN_HELP[token]}`, config: true };
}

// src/slack/slack-probe.ts
var webApiModule3 = lazyRequire("@slack/web-api");
async function slackProbe(token, method, args, o) {
  const now = o.now ?? Date.now;
  let clock2;
  let scopes;
  const recordingFetch = async (input, init) => {
    const sent = now();
    const res = await fetch(input, init);
    const date = res.headers.get("date");
    const received = now();
    const remote = date ? new Date(date) : void 0;
    if (remote && !Number.isNaN(remote.getTime()))
      clock2 = { source: "Slack", remote, local: new Date((sent + received) / 2), rttMs: received - sent };
    const s = res.headers.get("x-oauth-scopes");
    if (s !== null)
      scopes = s.split(",").map((x) => x.trim()).filter(Boolean);
    return res;
  };
  const client = new (webApiModule3()).WebClient(token, {
    slackApiUrl: o.apiUrl,
    timeout: o.timeoutMs ?? 1e4,
    retryConfig: { retries: o.retries ?? 0, factor: 2, minTimeout: 250, maxTimeout: 1e3 },
    rejectRateLimitedCalls: true,
    fetch: recordingFetch,
    logger: boltLogger(o.log, { quiet: true })
  });
  const url = `${o.apiUrl}${method}`;
  try {
    const result = await client.apiCall(method, args);
    return { ok: true, result, scopes: scopes ?? result.response_metadata?.scopes, clock: clock2, url };
  } catch (err) {
    return { ok: false, failure: classifySlackFailure(err), scopes, clock: clock2, url };
  }
}
function identityOf(r) {
  const a = r;
  if (!a.user_id || !a.bot_id) return null;
  return { userId: a.user_id, userName: a.user ?? "ctx-ops", botId: a.bot_id, teamId: a.team_id, team: a.team };
}

// src/doctor/probes/slack.ts
var codeOf = (f) => f.kind === "missing-scope" ? "missing_scope" : "code" in f ? f.code : void 0;
async function probeSlack(d) {
  const channels = /* @__PURE__ */ new Map();
  const groups = /* @__PURE__ */ new Map();
  const s = d.slack;
  if (s.mode === "shell" || !s.botToken) {
    for (const c of d.channels) channels.set(c, { state: "no-slack" });
    for (const g of d.groups) groups.set(g, { state: "no-slack" });
    return { bot: { state: "shell" }, app: { mode: "shell" }, channels, groups };
  }
  const o = { apiUrl: s.apiUrl, log: d.log, timeoutMs: d.timeoutMs, retries: 0 };
  const token = s.botToken;
  const appFacts = async () => {
    if (s.mode === "http") return { mode: "http" };
    const running = d.connection?.socket?.();
    if (running) return { mode: "socket", running };
    const out = await slackProbe(s.appToken, "apps.connections.open", {}, o);
    return out.ok ? { mode: "socket", probed: "ok" } : { mode: "socket", probed: "failed", words: describeSlackFailure(out.failure, "SLACK_APP_TOKEN", out.url) };
  };
  const [auth, app] = await Promise.all([slackProbe(token, "auth.test", {}, o), appFacts()]);
  const signing = s.mode === "http" ? { refusals: d.connection?.refusals?.(), looksLikeSecret: /^[0-9a-f]{32}$/.test(s.signingSecret ?? "") } : void 0;
  if (!auth.ok) {
    const words = describeSlackFailure(auth.failure, "SLACK_BOT_TOKEN", auth.url);
    for (const c of d.channels) channels.set(c, { state: "error", seen: "the bot token does not work (see above)" });
    for (const g of d.groups)
      groups.set(g, { state: "problem", problem: groupProblemFromCode(g, codeOf(auth.failure), words.seen) });
    return { bot: { state: "failed", words }, app, signing, clock: auth.clock, channels, groups };
  }
  const identity = identityOf(auth.result);
  const limit = pLimit(4);
  await Promise.all([
    ...d.channels.map(
      (c) => limit(async () => {
        const r = await slackProbe(token, "conversations.info", { channel: c }, o);
        if (r.ok) {
          const ch = r.result.channel ?? {};
          channels.set(c, {
            state: "found",
            name: ch.name ?? c,
            isMember: Boolean(ch.is_member),
            isArchived: Boolean(ch.is_archived),
            isPrivate: Boolean(ch.is_private)
          });
        } else if (r.failure.kind === "missing-scope")
          channels.set(c, { state: "missing-scope", needed: r.failure.needed ?? "channels:read" });
        else if (codeOf(r.failure) === "channel_not_found") channels.set(c, { state: "not-found" });
        else channels.set(c, { state: "error", seen: describeSlackFailure(r.failure, "SLACK_BOT_TOKEN", r.url).seen });
      })
    ),
    ...d.groups.map(
      (g) => limit(async () => {
        const r = await slackProbe(
          token,
          "usergroups.users.list",
          { usergroup: g },
          o
        );
        groups.set(
          g,
          r.ok ? { state: "ok", members: r.result.users?.length ?? 0 } : {
            state: "problem",
            problem: groupProblemFromCode(
              g,
              codeOf(r.failure),
              describeSlackFailure(r.failure, "SLACK_BOT_TOKEN", r.url).seen
            )
          }
        );
      })
    )
  ]);
  return {
    bot: identity ? { state: "ok", identity } : { state: "not-a-bot" },
    identity: identity ?? void 0,
    app,
    signing,
    scopes: auth.scopes,
    clock: auth.clock,
    channels,
    groups
  };
}

// src/doctor/probes/store.ts
import { randomBytes as randomBytes5 } from "node:crypto";
async function probeStore(store, databaseUrl, now = Date.now) {
  if (!store || !databaseUrl) return { facts: { state: "none" } };
  const target = describeTarget(databaseUrl);
  let client;
  try {
    client = await store.pool.connect();
  } catch (err) {
    return { facts: { state: "unreachable", target, seen: describeFailure(classifyError(err), target) } };
  }
  try {
    const sent = now();
    const who5 = await client.query(
      `SELECT current_user AS role, current_database() AS db, now() AS now, pg_is_in_recovery() AS standby,
              has_database_privilege(current_database(), 'CREATE') AS db_create,
              EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'ctx_ops') AS schema_exists`
    );
    const received = now();
    const w = who5.rows[0];
    const clock2 = {
      source: "Postgres (store)",
      remote: new Date(w.now),
      local: new Date((sent + received) / 2),
      rttMs: received - sent
    };
    const privileges = await readPrivileges(client, w.db_create, w.schema_exists);
    const pending = privileges.schemaExists ? await pendingMigrations(client) : readStoreMigrations().map((m) => m.name);
    const table = `ctx_ops.doctor_probe_${randomBytes5(4).toString("hex")}`;
    const write = await step(async () => {
      await client.query("BEGIN");
      try {
        await client.query("CREATE SCHEMA IF NOT EXISTS ctx_ops");
        await client.query(`CREATE TABLE ${table} (id int)`);
        await client.query(`INSERT INTO ${table} (id) VALUES (1)`);
        await client.query(`DELETE FROM ${table}`);
      } finally {
        await client.query("ROLLBACK").catch(() => {
        });
      }
    });
    return {
      facts: { state: "reached", target, role: w.role, database: w.db, standby: w.standby, privileges, pending, write },
      clock: clock2
    };
  } catch (err) {
    const f = classifyError(err);
    return {
      facts: f.kind === "other" ? { state: "error", target, seen: f.message } : { state: "unreachable", target, seen: describeFailure(f, target) }
    };
  } finally {
    client.release();
  }
}
async function readPrivileges(client, databaseCreate, schemaExists) {
  const none = {
    databaseCreate,
    schemaExists,
    schemaUsage: false,
    schemaCreate: false,
    tablesWithoutDml: 0,
    sequencesWithoutUse: 0,
    otherOwners: []
  };
  if (!schemaExists) return none;
  const { rows } = await client.query(
    `SELECT has_schema_privilege('ctx_ops', 'USAGE') AS usage, has_schema_privilege('ctx_ops', 'CREATE') AS create,
            (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'ctx_ops' AND c.relkind IN ('r', 'p')
                AND NOT (has_table_privilege(c.oid, 'SELECT') AND has_table_privilege(c.oid, 'INSERT')
                         AND has_table_privilege(c.oid, 'UPDATE') AND has_table_privilege(c.oid, 'DELETE'))) AS tables,
            (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'ctx_ops' AND CASE WHEN c.relkind = 'S' THEN NOT has_sequence_privilege(c.oid, 'USAGE') ELSE false END) AS sequences,
            (SELECT array_agg(DISTINCT pg_get_userbyid(c.relowner)::text) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'ctx_ops' AND c.relkind IN ('r', 'p') AND pg_get_userbyid(c.relowner) <> current_user) AS owners`
  );
  const r = rows[0];
  return {
    ...none,
    schemaUsage: r.usage,
    schemaCreate: r.create,
    tablesWithoutDml: r.tables,
    sequencesWithoutUse: r.sequences,
    otherOwners: r.owners ?? []
  };
}
async function pendingMigrations(client) {
  try {
    const { rows } = await client.query(`SELECT name FROM ctx_ops.schema_migrations`);
    const applied = new Set(rows.map((r) => r.name));
    return readStoreMigrations().map((m) => m.name).filter((n) => !applied.has(n));
  } catch (err) {
    return err.code === "42P01" ? readStoreMigrations().map((m) => m.name) : null;
  }
}
async function step(fn) {
  try {
    await fn();
    return { ok: true };
  } catch (err) {
    const e = err;
    return { ok: false, code: e.code, message: (e.message ?? String(err)).split("\n")[0] };
  }
}

// src/doctor/types.ts
var AREA_TITLES = {
  slack: "Slack app",
  channels: "Channels",
  store: "Store (schema ctx_ops)",
  backups: "Backup tools",
  files: "Folders",
  clock: "Clock",
  delivery: "Delivery"
};
function overallOf(items) {
  if (items.some((i) => i.status === "fail")) return "fail";
  if (items.some((i) => i.status === "warn")) return "warn";
  return "ok";
}
var item = (area, id, title2, status, seen, fix) => ({ id, area, title: title2, status, seen, ...fix ? { fix } : {} });

// src/doctor/rules/backups.ts
function backupToolsItem(env, f) {
  const t = (status, seen2, fix2) => item("backups", `backups.${env}`, `pg_dump for ${env}`, status, seen2, fix2);
  if (f.state === "no-database") return t("skip", `${env} has no DATABASE_URL: no backups there`);
  if (f.state === "ok")
    return t(
      "ok",
      `pg_dump ${f.pgDump.version} (${f.pgDump.path}) and pg_restore ${f.pgRestore.version} fit PostgreSQL ${f.serverVersion}`
    );
  const [seen, fix] = f.reason.split(/\s+Fix:\s+/, 2);
  const unreachable = /^cannot reach the database/.test(f.reason);
  return t(unreachable ? "skip" : "warn", `${unreachable ? "" : "backups will be refused: "}${seen}`, fix);
}

// src/doctor/rules/channels.ts
function configuredChannels(config) {
  const uses = /* @__PURE__ */ new Map();
  const add = (ref, purpose, posts) => {
    if (!ref) return;
    const u = uses.get(ref) ?? { ref, purposes: [], postsOnItsOwn: false };
    if (!u.purposes.includes(purpose)) u.purposes.push(purpose);
    u.postsOnItsOwn ||= posts;
    uses.set(ref, u);
  };
  const roles = config.channels;
  add(roles.alerts, "alerts", true);
  add(roles.digest, "digest", true);
  add(roles.incidents, "incidents", true);
  const s = resolveScheduleSettings(config);
  for (const d of s.digests) add(d.channel, `schedule "${d.name}"`, true);
  if (s.watch.enabled) add(s.watch.channel, "alerts", true);
  const rt = config.operations.restoreTest;
  if (rt?.enabled !== false) add(resolveChannel(rt?.channel ?? "digest", config.channels), "restore tests", true);
  for (const [env, p] of Object.entries(config.permissions))
    for (const c of p.channels ?? []) add(resolveChannel(c, config.channels), `operations on ${env}`, false);
  for (const f of config.delivery.fallback) {
    const ref = resolveChannel(f, config.channels);
    if (ref && !/^[UW][A-Z0-9]+$/.test(ref)) add(ref, "fallback for refused alerts", true);
  }
  return [...uses.values()];
}
var CHANNEL_ID = /^[CGD][A-Z0-9]{6,}$/;
function channelItem(use, f, ctx) {
  const label2 = f.state === "found" ? `#${f.name}` : use.ref;
  const t = (status, seen, fix) => item("channels", `channel.${use.ref}`, label2, status, seen, fix);
  const purposes = use.purposes.join(", ");
  const invite = (where3) => `type \`/invite @${ctx.botName}\` in ${where3}`;
  switch (f.state) {
    case "no-slack":
      return t("skip", `used for ${purposes}; not checked without Slack`);
    case "missing-scope":
      return t(
        "warn",
        `used for ${purposes}; cannot be checked: the app lacks the ${f.needed} scope`,
        `add \`${f.needed}\` under OAuth & Permissions \u2192 Bot Token Scopes and reinstall the app`
      );
    case "error":
      return t("warn", `used for ${purposes}; could not be checked: ${f.seen}`);
    case "not-found":
      if (!CHANNEL_ID.test(use.ref)) {
        return t(
          "fail",
          `"${use.ref}" (used for ${purposes}) is not a channel id, and Slack knows no such channel`,
          "channels are configured by id (C\u2026): open the channel's details; the id is at the bottom of About"
        );
      }
      return t(
        "fail",
        `Slack cannot find channel ${use.ref} (used for ${purposes}): it is private and @${ctx.botName} is not in it, or the id is wrong`,
        `${invite("that channel")}, or check the id in ctx-ops.yml (channel details \u2192 About)`
      );
    case "found": {
      if (f.isArchived)
        return t(
          "fail",
          `#${f.name} is archived (used for ${purposes}): nothing can be posted there`,
          `unarchive it, or configure another channel for ${purposes}`
        );
      if (f.isMember) return t("ok", `@${ctx.botName} is a member (${purposes})`);
      if (!f.isPrivate && ctx.publicPosting)
        return t(
          "ok",
          `@${ctx.botName} is not a member, but chat:write.public lets it post in this public channel (${purposes})`
        );
      const lost = use.postsOnItsOwn ? `: what it posts there on its own (${purposes}) is refused by Slack (not_in_channel)` : ` (${purposes}): answers there go through the command's response_url, but follow-up posts in threads are refused`;
      return t(
        use.postsOnItsOwn ? "fail" : "warn",
        `@${ctx.botName} is not in #${f.name}${lost}`,
        invite(`#${f.name}`)
      );
    }
  }
}

// src/doctor/rules/clock.ts
var CLOCK_WARN_MS = 5e3;
var SIGNATURE_WINDOW_MS = 3e5;
function clockSkewMs(s) {
  const raw = s.remote.getTime() - s.local.getTime();
  const slack = s.rttMs / 2 + (s.source === "Slack" ? 1e3 : 0);
  return Math.abs(raw) <= slack ? 0 : raw - Math.sign(raw) * slack;
}
function clockItem(samples, ctx) {
  const t = (status, seen, fix2) => item("clock", "clock", "Clock", status, seen, fix2);
  if (!samples.length) return t("skip", "nothing to compare with (neither Slack nor the store answered)");
  const parts = samples.map((s) => ({ s, skew: clockSkewMs(s) }));
  const worst2 = parts.reduce((a, b) => Math.abs(b.skew) > Math.abs(a.skew) ? b : a);
  const words = parts.map(({ s, skew }) => `${s.source}: ${skew === 0 ? "in step" : `${describe(skew)}`}`).join("; ");
  if (Math.abs(worst2.skew) < CLOCK_WARN_MS) return t("ok", words);
  const fix = "synchronise this machine's clock (NTP: timedatectl set-ntp true, or chrony)";
  if (ctx.httpMode && Math.abs(worst2.skew) >= SIGNATURE_WINDOW_MS)
    return t("fail", `${words}: Slack's signed requests look older than 5 minutes and are refused`, fix);
  return t("warn", `${words}: times in digests, alerts and confirmations will be off`, fix);
}
function describe(skewMs) {
  const s = Math.abs(skewMs) / 1e3;
  const amount = s < 120 ? `${Math.round(s)} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`;
  return `this machine is ${amount} ${skewMs > 0 ? "behind" : "ahead"}`;
}

// src/doctor/rules/delivery.ts
function deliveryItems(problems, ctx) {
  if (!problems) return [];
  if (!problems.length)
    return [
      item("delivery", "delivery", "Posts", "ok", "Slack accepted every post ctx-ops made on its own; none is waiting")
    ];
  return problems.map((p) => {
    const where3 = ctx.channelName(p.channel);
    const waiting = p.waiting ? `; ${p.waiting} post${p.waiting === 1 ? "" : "s"} waiting` : "";
    return item(
      "delivery",
      `delivery.${p.channel}.${p.purpose}`,
      `${p.purpose} \u2192 ${where3}`,
      "fail",
      `Slack refused posting ${p.purpose} to ${where3} (${p.error}) since ${ctx.clock(p.since)}, last tried ${ctx.clock(p.lastAttemptAt)}${waiting}`,
      p.fix
    );
  });
}

// src/doctor/rules/files.ts
function folderItem(id, what2, path, f, needed) {
  const t = (status, seen, fix) => item("files", `folder.${id}`, what2, status, seen, fix);
  switch (f.state) {
    case "ok":
      return t("ok", `${path} is readable (${f.entries} entr${f.entries === 1 ? "y" : "ies"})`);
    case "missing":
      return t("fail", `${path} does not exist: ${needed}`, "create it or fix the path in ctx-ops.yml");
    case "not-a-folder":
      return t("fail", `${path} is not a folder: ${needed}`, "point the setting at the folder");
    case "unreadable":
      return t(
        "fail",
        `${path} cannot be read by this process (${f.code}): ${needed}`,
        "give the user ctx-ops runs as read access to it (and execute on the folders above it)"
      );
  }
}

// src/doctor/rules/groups.ts
function groupItem(group, keys, f) {
  const t = (status, seen, fix) => item("slack", `group.${group}`, `User group ${group}`, status, seen, fix);
  const where3 = keys.map((k) => `\`${k}\``).join(", ");
  if (f.state === "no-slack")
    return t("skip", `named in ${where3}; members are read from Slack, which is not connected here`);
  if (f.state === "ok")
    return t(
      f.members ? "ok" : "warn",
      `${f.members} member${f.members === 1 ? "" : "s"} (named in ${where3})`,
      f.members ? void 0 : "add people to the group in Slack, or list user ids instead"
    );
  const w = describeGroupProblem(f.problem, keys[0] ?? "permissions");
  return t("fail", w.seen, w.fix);
}

// src/doctor/rules/slack.ts
var SHELL = "no Slack tokens are set, so ctx-ops runs as a local shell";
var SHELL_FIX = 'for Slack, set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (README, "Slack app")';
function botTokenItem(f) {
  const t = (status, seen, fix) => item("slack", "slack.bot-token", "Bot token", status, seen, fix);
  switch (f.state) {
    case "shell":
      return t("skip", SHELL, SHELL_FIX);
    case "ok":
      return t(
        "ok",
        `valid: bot @${f.identity.userName} (${f.identity.userId}) in ${f.identity.team ? `workspace ${f.identity.team}` : "its workspace"}${f.identity.teamId ? ` (${f.identity.teamId})` : ""}`
      );
    case "not-a-bot":
      return t(
        "fail",
        "SLACK_BOT_TOKEN belongs to a person, not to the app's bot (auth.test names no bot)",
        "copy the Bot User OAuth Token (xoxb-\u2026) from OAuth & Permissions into SLACK_BOT_TOKEN"
      );
    case "failed":
      return t("fail", f.words.seen, f.words.fix);
  }
}
function appTokenItem(f, clock2) {
  const t = (status, seen, fix) => item("slack", "slack.app-token", "App-level token", status, seen, fix);
  if (f.mode !== "socket")
    return f.mode === "shell" ? t("skip", SHELL, SHELL_FIX) : t("skip", "HTTP mode: Slack sends requests here, no app-level token is used");
  if ("running" in f) {
    const r = f.running;
    if (r.state === "connected")
      return t("ok", `connected over Socket Mode${r.connectedSince ? ` since ${clock2(r.connectedSince)}` : ""}`);
    if (r.lastFailure)
      return t(
        "fail",
        `not connected (${r.failures} failed attempt${r.failures === 1 ? "" : "s"}): ${r.lastFailure.seen}`,
        r.lastFailure.fix
      );
    return t(
      "warn",
      `not connected yet (${r.state})`,
      "wait a moment and run doctor again; the log says why when a connection attempt fails"
    );
  }
  if (f.probed === "ok")
    return t("ok", "valid, with connections:write (Slack handed out a Socket Mode URL; doctor did not connect to it)");
  return t("fail", f.words.seen, f.words.fix);
}
function signingItem(f, clock2) {
  const t = (status, seen, fix) => item("slack", "slack.signing-secret", "Signing secret", status, seen, fix);
  const r = f.refusals;
  const last = r?.lastAt ? `, the last at ${clock2(r.lastAt)}` : "";
  if (r && r.signature > 0) {
    return t(
      "fail",
      `${r.signature} request${r.signature === 1 ? "" : "s"} to /slack/events refused since start: the signature does not match SLACK_SIGNING_SECRET${last}`,
      "copy the Signing Secret from Basic Information \u2192 App Credentials (not the Client Secret or the Verification Token) into SLACK_SIGNING_SECRET and restart"
    );
  }
  if (r && r.stale > 0)
    return t(
      "warn",
      `${r.stale} request${r.stale === 1 ? "" : "s"} refused as older than 5 minutes${last}`,
      "if they came from Slack, this machine's clock is off: check NTP"
    );
  if (!f.looksLikeSecret)
    return t(
      "warn",
      "SLACK_SIGNING_SECRET does not look like a Slack signing secret (32 hexadecimal characters)",
      "copy it from Basic Information \u2192 App Credentials \u2192 Signing Secret"
    );
  if (!r)
    return t(
      "ok",
      "has the shape of a signing secret; whether it is the right one shows when Slack sends a request (a wrong one gets each refused with 401)"
    );
  return t("ok", "no request to /slack/events was refused since start");
}
function scopeNeeds(config, channelCount) {
  const usesGroups = Object.values(config.permissions).some(
    (p) => [...p.request ?? [], ...p.approve ?? []].some((x) => x.startsWith("S"))
  );
  return [
    { scope: "commands", why: "the /ctx slash command", level: "fail" },
    { scope: "chat:write", why: "answers, digests, alerts and incident threads", level: "fail" },
    { scope: "app_mentions:read", why: "@ctx-ops mentions in incident threads", level: "warn" },
    ...usesGroups ? [{ scope: "usergroups:read", why: "permissions given to user groups (S\u2026)", level: "fail" }] : [],
    ...channelCount ? [
      {
        scope: "channels:read",
        why: "doctor telling whether @ctx-ops is in each configured channel",
        level: "warn"
      }
    ] : [],
    {
      scope: "chat:write.public",
      why: "posting to public channels without an /invite (private channels still need one)",
      level: "optional"
    }
  ];
}
function scopeItems(granted, needs) {
  if (!granted)
    return [
      item(
        "slack",
        "slack.scopes",
        "Scopes",
        "skip",
        "Slack did not say which scopes the bot token has (no x-oauth-scopes header)"
      )
    ];
  return needs.map((n) => {
    const t = (status, seen, fix) => item("slack", `scope.${n.scope}`, `Scope ${n.scope}`, status, seen, fix);
    const add = `add \`${n.scope}\` under OAuth & Permissions \u2192 Bot Token Scopes${n.level === "optional" ? "" : " (manifest.yml lists it)"} and reinstall the app`;
    if (granted.includes(n.scope)) return t("ok", `granted: ${n.why}`);
    if (n.level === "optional")
      return t("skip", `not granted (optional): it would allow ${n.why}`, `only if you want that: ${add}`);
    return t(n.level, `missing: ${n.why} will not work`, add);
  });
}

// src/doctor/rules/store.ts
var quote = (ident2) => `"${ident2.replace(/"/g, '""')}"`;
function storeGrants(role, database, p) {
  const r = quote(role);
  const out = [];
  if (!p.databaseCreate) out.push(`GRANT CREATE ON DATABASE ${quote(database)} TO ${r};`);
  if (p.schemaExists && (!p.schemaUsage || !p.schemaCreate)) out.push(`GRANT USAGE, CREATE ON SCHEMA ctx_ops TO ${r};`);
  if (p.tablesWithoutDml > 0) out.push(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ctx_ops TO ${r};`);
  if (p.sequencesWithoutUse > 0) out.push(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ctx_ops TO ${r};`);
  return out;
}
var DENIED = "42501";
var READ_ONLY = "25006";
function storeItem(f, ctx) {
  const t = (status, seen, fix) => item("store", "store", "Store", status, seen, fix);
  if (f.state === "none") {
    return t(
      ctx.slack ? "warn" : "skip",
      "no database is configured for the bot's schema ctx_ops: digests, alerts, history, approvals and incidents are off",
      "set CTX_OPS_DATABASE_URL (or store.databaseUrl, or DATABASE_URL) to a Postgres where ctx-ops may create its schema ctx_ops"
    );
  }
  if (f.state === "unreachable")
    return t(
      "fail",
      `cannot reach the store at ${f.target}: ${f.seen}`,
      "check CTX_OPS_DATABASE_URL (default: store.databaseUrl, then the default environment's DATABASE_URL)"
    );
  if (f.state === "error") return t("fail", `could not check the store at ${f.target}: ${f.seen}`);
  const who5 = `role "${f.role}" in database "${f.database}" (${f.target})`;
  if (f.standby || !f.write.ok && f.write.code === READ_ONLY) {
    return t(
      "fail",
      `the store is read-only (${who5} is a standby or a read-only transaction)`,
      "point CTX_OPS_DATABASE_URL at the primary"
    );
  }
  const grants = storeGrants(f.role, f.database, f.privileges);
  if (!f.write.ok || grants.length) {
    const what2 = !f.write.ok ? `a test write failed (CREATE SCHEMA IF NOT EXISTS, as at every start, then create, insert, delete; rolled back): ${f.write.message}` : "it lacks privileges it needs";
    const denied = f.write.ok || f.write.code === DENIED;
    if (denied && grants.length) {
      return t(
        "fail",
        `ctx-ops cannot write its schema ctx_ops as ${who5}: ${what2}`,
        [
          `run as the database's owner:`,
          ...grants.map((g) => `  ${g}`),
          "or give ctx-ops a database of its own: CTX_OPS_DATABASE_URL=postgres://\u2026/ctx_ops"
        ].join("\n")
      );
    }
    return t(
      "fail",
      `ctx-ops cannot use its schema ctx_ops as ${who5}: ${what2}`,
      denied ? "give this role CREATE on the database, or set CTX_OPS_DATABASE_URL to a database ctx-ops may use" : void 0
    );
  }
  if (f.privileges.otherOwners.length) {
    const owners = f.privileges.otherOwners.map((o) => `"${o}"`).join(", ");
    return t(
      "warn",
      `writable as ${who5}, but tables in ctx_ops belong to ${owners}: the next upgrade of the schema needs to alter them`,
      `make "${f.role}" their owner (ALTER TABLE ctx_ops.<table> OWNER TO ${quote(f.role)}), or run ctx-ops as ${owners} once after upgrading`
    );
  }
  const state = !f.privileges.schemaExists ? "schema ctx_ops does not exist yet; ctx-ops creates it when it starts" : f.pending === null ? "schema ctx_ops is writable (which migrations it has could not be read)" : f.pending.length ? `schema ctx_ops is writable; ${f.pending.length} of ctx-ops' migrations will be applied when it starts (${f.pending.join(", ")})` : "schema ctx_ops is up to date and writable";
  return t("ok", `${state}, as ${who5}`);
}

// src/doctor/doctor.ts
function within2(p, ms2, fallback) {
  let timer;
  return Promise.race([p, new Promise((r) => timer = setTimeout(() => r(fallback()), ms2))]).finally(
    () => clearTimeout(timer)
  );
}
function groupsInPermissions(config) {
  const out = /* @__PURE__ */ new Map();
  for (const [env, p] of Object.entries(config.permissions)) {
    for (const what2 of ["request", "approve"]) {
      for (const x of p[what2] ?? [])
        if (x.startsWith("S")) out.set(x, [...out.get(x) ?? [], `permissions.${env}.${what2}`]);
    }
  }
  return out;
}
async function runDoctor(d) {
  const now = d.now ?? (() => /* @__PURE__ */ new Date());
  const started = performance.now();
  const timeoutMs = d.timeoutMs ?? 8e3;
  const { config } = d;
  const log = d.log.child({ part: "doctor" });
  const tz = config.timezone;
  const at = (date) => dayTime(date, tz);
  const uses = configuredChannels(config);
  const groups = groupsInPermissions(config);
  const connection = d.surface === "slack" ? d.services.get("slackConnection") : void 0;
  const baseDir = config.configFile ? dirname2(config.configFile) : ".";
  const folders = [
    ...config.runbooks.dirs.map((dir, i) => ({
      id: `runbooks.${i}`,
      what: "Runbooks folder",
      path: resolve3(baseDir, dir),
      needed: `the runbooks in runbooks.dirs[${i}] cannot load`
    })),
    ...config.environments.filter((e) => e.migrationsDir).map((e) => ({
      id: `migrations.${e.name}`,
      what: `Migrations of ${e.name}`,
      path: resolve3(baseDir, e.migrationsDir),
      needed: "pending migrations cannot be listed"
    })),
    {
      id: "ctx_ops-sql",
      what: "ctx-ops' own migrations",
      path: MIGRATIONS_DIR,
      needed: "the store cannot be created or upgraded"
    }
  ];
  const slackDown = () => ({
    bot: {
      state: "failed",
      words: {
        seen: `Slack did not answer within ${timeoutMs / 1e3} s`,
        fix: "check outbound HTTPS to SLACK_API_URL; run doctor again",
        config: false
      }
    },
    app: config.slack.mode === "socket" ? {
      mode: "socket",
      probed: "failed",
      words: { seen: "not checked: Slack did not answer in time", fix: "run doctor again", config: false }
    } : { mode: config.slack.mode === "http" ? "http" : "shell" },
    channels: new Map(uses.map((u) => [u.ref, { state: "error", seen: "Slack did not answer in time" }])),
    groups: /* @__PURE__ */ new Map()
  });
  const [slack, store, tools, folderFacts] = await Promise.all([
    within2(
      probeSlack({
        slack: config.slack,
        channels: uses.map((u) => u.ref),
        groups: [...groups.keys()],
        connection,
        log,
        timeoutMs
      }),
      timeoutMs + 1e3,
      slackDown
    ),
    within2(
      probeStore(d.store, config.store.databaseUrl),
      timeoutMs + 1e3,
      () => ({
        facts: { state: "unreachable", target: "the store", seen: `no answer within ${(timeoutMs + 1e3) / 1e3} s` }
      })
    ),
    Promise.all(
      config.environments.map(async (e) => {
        if (!e.ctx.DATABASE_URL) return [e.name, { state: "no-database" }];
        const probe = checkBackupTools(
          { config, toolEnv: { ...config.toolEnv ?? {} }, redactor: d.redactor },
          e
        ).then(
          (r) => r.ok ? { state: "ok", serverVersion: r.server.version, pgDump: r.pgDump, pgRestore: r.pgRestore } : { state: "refused", reason: r.reason }
        );
        return [
          e.name,
          await within2(probe, timeoutMs, () => ({
            state: "refused",
            reason: `cannot reach the database of ${e.name} within ${timeoutMs / 1e3} s`
          }))
        ];
      })
    ),
    Promise.all(folders.map(async (f) => probeFolder(f.path)))
  ]);
  const items = [];
  items.push(botTokenItem(slack.bot), appTokenItem(slack.app, at));
  if (slack.signing) items.push(signingItem(slack.signing, at));
  if (slack.bot.state === "ok") items.push(...scopeItems(slack.scopes, scopeNeeds(config, uses.length)));
  for (const [g, keys] of groups) {
    const f = slack.groups.get(g);
    if (f) items.push(groupItem(g, keys, f));
  }
  const botName = slack.identity?.userName ?? "ctx-ops";
  const publicPosting = slack.scopes?.includes("chat:write.public") ?? false;
  for (const u of uses)
    items.push(channelItem(u, slack.channels.get(u.ref) ?? { state: "no-slack" }, { botName, publicPosting }));
  items.push(storeItem(store.facts, { slack: d.surface === "slack" || config.slack.mode !== "shell" }));
  for (const [env, f] of tools) items.push(backupToolsItem(env, f));
  folders.forEach((f, i) => items.push(folderItem(f.id, f.what, f.path, folderFacts[i], f.needed)));
  items.push(
    clockItem(
      [slack.clock, store.clock].filter((c) => Boolean(c)),
      { httpMode: config.slack.mode === "http" }
    )
  );
  const names = new Map(
    [...slack.channels].flatMap(([ref, f]) => f.state === "found" ? [[ref, `#${f.name}`]] : [])
  );
  const delivery = d.services.get("delivery");
  await delivery?.refresh?.().catch(() => {
  });
  items.push(...deliveryItems(delivery?.problems(), { channelName: (id) => names.get(id) ?? id, clock: at }));
  const clean = items.map((i) => ({
    ...i,
    seen: d.redactor.scrub(i.seen),
    ...i.fix ? { fix: d.redactor.scrub(i.fix) } : {}
  }));
  return {
    checkedAt: now().toISOString(),
    durationMs: Math.round(performance.now() - started),
    overall: overallOf(clean),
    items: clean
  };
}

// src/doctor/render.ts
var plain = (text2) => mrkdwnToPlain(text2.replace(/<!subteam\^(S[A-Z0-9]+)>/g, "@$1"));
function summaryLine(r) {
  const n = (s) => r.items.filter((i) => i.status === s).length;
  const [fails, warns, oks, skips] = [n("fail"), n("warn"), n("ok"), n("skip")];
  const pass = `${oks} pass${skips ? `, ${skips} skipped` : ""}`;
  if (!fails && !warns) return `nothing to fix (${pass})`;
  const parts = [
    fails ? `${fails} problem${fails === 1 ? "" : "s"}` : "",
    warns ? `${warns} warning${warns === 1 ? "" : "s"}` : ""
  ].filter(Boolean);
  return `${parts.join(", ")} (${pass})`;
}
function byArea(items) {
  const out = /* @__PURE__ */ new Map();
  for (const i of items) out.set(i.area, [...out.get(i.area) ?? [], i]);
  return [...out];
}
function mrkdwnFix(fix) {
  const [first, ...rest] = fix.split("\n");
  return rest.length ? `${escapeKeepingMentions(first)}
\`\`\`${rest.join("\n")}\`\`\`` : escapeKeepingMentions(fix);
}
function renderDoctor(r, opts) {
  const when2 = dayTime(new Date(r.checkedAt), opts.timeZone, { seconds: true });
  const head = `${STATUS_EMOJI[r.overall]} ctx-ops doctor: ${summaryLine(r)}`;
  const problems = r.items.filter((i) => i.status === "fail" || i.status === "warn");
  const blocks = [header("ctx-ops doctor"), md(`*${escapeKeepingMentions(head)}*`)];
  for (const [area, items] of byArea(r.items)) {
    const lines = items.map(
      (i) => `${STATUS_EMOJI[i.status]} *${escapeKeepingMentions(i.title)}*: ${escapeKeepingMentions(i.seen)}${i.fix && i.status !== "ok" ? `
      \u21B3 ${mrkdwnFix(i.fix)}` : ""}`
    );
    blocks.push(...chunkLines([`*${AREA_TITLES[area]}*`, ...lines]).map(md));
  }
  blocks.push(
    context(
      `checked ${when2} in ${r.durationMs} ms \xB7 \`/ctx doctor\` runs it again \xB7 \`ctx-ops doctor --json\` for scripts`
    )
  );
  const text2 = [
    head,
    ...problems.map(
      (i) => `${STATUS_EMOJI[i.status]} ${i.title}: ${i.seen}${i.fix ? ` \u2192 ${i.fix.split("\n").join(" ")}` : ""}`
    )
  ].join("\n");
  const out = [head, `  checked ${when2} in ${r.durationMs} ms`];
  for (const [area, items] of byArea(r.items)) {
    out.push("", AREA_TITLES[area]);
    const rows = [];
    for (const i of items) {
      rows.push([STATUS_EMOJI[i.status], i.title, plain(i.seen)]);
      if (i.fix && i.status !== "ok")
        for (const [n, line] of i.fix.split("\n").entries())
          rows.push(["", "", `${n === 0 ? "\u2192 " : "  "}${plain(line)}`]);
    }
    out.push(plainTable(rows, { indent: 2 }));
  }
  return { text: text2, blocks: fitBlocks(blocks), plain: out.join("\n"), json: r };
}

// src/doctor/feature.ts
function createDoctorFeature(opts = {}) {
  return (core) => {
    const log = core.log.child({ feature: "doctor" });
    let surface = "cli";
    let latest = null;
    let logged = /* @__PURE__ */ new Map();
    let background = Promise.resolve();
    let timer;
    const run2 = async (s = surface) => {
      const report = await runDoctor({
        config: core.config,
        store: core.store,
        services: core.services,
        log: core.log,
        redactor: core.redactor,
        surface: s,
        timeoutMs: opts.timeoutMs,
        now: core.now
      });
      latest = report;
      return report;
    };
    const logChanges = (r) => {
      const current = /* @__PURE__ */ new Map();
      for (const i of r.items) {
        if (i.status !== "fail" && i.status !== "warn") continue;
        current.set(i.id, i.status);
        if (logged.get(i.id) === i.status) continue;
        const line = `doctor: ${i.title}: ${i.seen}${i.fix ? `. To fix: ${i.fix.split("\n").join(" ")}` : ""}`;
        if (i.status === "fail") log.error({ check: i.id }, line);
        else log.warn({ check: i.id }, line);
      }
      for (const id of logged.keys()) if (!current.has(id)) log.info({ check: id }, `doctor: ${id} is fine again`);
      logged = current;
    };
    let busy = false;
    const inBackground = () => {
      if (busy) return background;
      busy = true;
      return background = run2().then(logChanges).catch(
        (err) => log.warn({ err: { message: core.redactor.scrub(err.message) } }, "doctor could not run")
      ).finally(() => busy = false);
    };
    const service = {
      run: run2,
      report: () => latest,
      settled: () => background,
      latest() {
        if (!latest) return null;
        const problems = latest.items.filter((i) => i.status === "fail" || i.status === "warn").sort((a, b) => a.status === b.status ? 0 : a.status === "fail" ? -1 : 1).map(({ status, title: title2, seen, fix }) => ({ status, title: title2, seen, ...fix ? { fix } : {} }));
        return {
          checkedAt: latest.checkedAt,
          overall: latest.overall,
          checks: latest.items.filter((i) => i.status !== "skip").length,
          problems
        };
      }
    };
    core.services.register("selfCheck", service);
    return {
      name: "doctor",
      handlers: [createDoctorHandler({ run: run2, timeZone: core.config.timezone })],
      start(rt) {
        surface = rt.surface;
        if (rt.surface !== "slack" || opts.atStart === false) return;
        background = new Promise((r) => setImmediate(r)).then(inBackground);
        timer = setInterval(() => void inBackground(), opts.everyMs ?? 30 * 6e4);
        timer.unref();
      },
      async stop() {
        clearInterval(timer);
        await background;
      }
    };
  };
}
var doctorFeature = createDoctorFeature();
function createDoctorHandler(deps) {
  return {
    name: "doctor",
    aliases: ["selfcheck"],
    usage: "doctor",
    summary: "The bot checks itself: tokens, scopes, channel membership, its store, backup tools, folders, clock, delivery",
    async run(req) {
      if (req.args.length) return { usageProblem: `\`doctor\` takes no arguments (got "${req.args.join(" ")}")` };
      const report = await deps.run(req.surface);
      const msg = renderDoctor(report, { timeZone: deps.timeZone });
      if (req.surface === "slack") await req.conversation.ephemeral(msg);
      else await req.conversation.post(msg);
      return { status: report.overall };
    }
  };
}

// src/logs/access.ts
function accessYaml(env) {
  return `logs:
  access:
    ${env}:
      users: [U0123ABCD, S0456EFGH]   # people or user groups
      channels: [incidents]          # optional: only in these channels`;
}
async function decideLogAccess(i) {
  const entry = i.logs.access[i.env.name];
  if (!entry) {
    if (!i.env.production) return { ok: true };
    return {
      ok: false,
      reason: `nobody may read ${i.env.name}'s logs yet: it is a production environment and \`logs.access.${i.env.name}\` is not set`
    };
  }
  if (entry.channels && i.surface === "slack") {
    const allowed = entry.channels.map((c) => resolveChannelRef(i.config, c));
    if (!i.actor.channelId || !allowed.includes(i.actor.channelId))
      return { ok: false, reason: `${i.env.name}'s logs are read only in ${allowed.map((c) => `<#${c}>`).join(", ")}` };
  }
  if (!entry.users) return { ok: true };
  const { matched } = await checkMembership({ mode: "listed", principals: entry.users }, i.actor, i.groups);
  if (matched) return { ok: true };
  return {
    ok: false,
    reason: isLocal(i.actor) ? `\`${i.actor.userId}\` is not in \`logs.access.${i.env.name}.users\`` : `you are not in \`logs.access.${i.env.name}.users\``
  };
}
function stepAllowed(logs, config, env, channel) {
  const channels = logs.access[env]?.channels;
  if (!channels) return true;
  return channel !== void 0 && channels.map((c) => resolveChannelRef(config, c)).includes(channel);
}

// src/logs/render.ts
var POST_ACTION_ID = "ctx.logs.post";
var LEVEL_ORDER = ["fatal", "error", "warn", "info", "debug"];
var STOPPED = {
  bytes: "stopped at the byte limit (logs.maxBytes)",
  lines: "stopped at the line limit (logs.maxLines)",
  deadline: "stopped at the deadline (logs.deadlineSeconds)"
};
var code = (s) => `\`\`\`${escapeMrkdwn(s).replace(/```/g, "'''")}\`\`\``;
var inline = (s) => `\`${escapeMrkdwn(s).replace(/`/g, "'")}\``;
function levelCounts(r) {
  const a = r.analysis;
  if (!a) return "";
  const parts = LEVEL_ORDER.filter((l) => a.levels[l] > 0).map((l) => `${a.levels[l]} ${l}`);
  return parts.length ? parts.join(" \xB7 ") : "no lines";
}
function title(r) {
  const filters = [
    r.filter.signal ? `signal ${r.filter.signal}` : "",
    r.filter.level ? `${r.filter.level} and above` : "",
    r.filter.grep ? `containing "${r.filter.grep}"` : ""
  ].filter(Boolean);
  return `${r.component} logs \xB7 ${r.env} \xB7 last ${formatDuration(r.until.getTime() - r.since.getTime())}${filters.length ? ` \xB7 ${filters.join(", ")}` : ""}`;
}
function renderLogReport(r, o) {
  const tz = o.timezone;
  const window = `${clock(r.since, tz)}\u2013${clock(r.until, tz)}`;
  const blocks = [header(title(r))];
  const plain2 = [title(r)];
  const foot = [];
  if (r.source) foot.push(`from ${r.source}`);
  foot.push(window);
  if (r.unavailable || !r.analysis) {
    const why = r.unavailable?.message ?? "nothing was read";
    blocks.push(md(`:grey_question: *Logs unavailable*: ${escapeMrkdwn(why)}`));
    plain2.push(`Logs unavailable: ${why}`);
    if (r.unavailable?.fix) {
      blocks.push(context(`Fix: ${escapeMrkdwn(r.unavailable.fix)}`));
      plain2.push(`Fix: ${r.unavailable.fix}`);
    }
    if (o.link) blocks.push(context(`<${o.link}|Full logs>`));
    return { text: `${title(r)}: unavailable (${why})`, blocks: fitBlocks(blocks), plain: plain2.join("\n"), json: r };
  }
  const a = r.analysis;
  const counts = `*${a.matched} line${a.matched === 1 ? "" : "s"}*${a.matched !== a.read ? ` of ${a.read} read` : ""} \xB7 ${levelCounts(r)}`;
  const notes = [
    r.stopped ? STOPPED[r.stopped] : "",
    a.cut ? `${a.cut} long line${a.cut === 1 ? "" : "s"} cut` : ""
  ].filter(Boolean);
  blocks.push(md(`${counts}${notes.length ? `
_${notes.join(" \xB7 ")}_` : ""}`));
  plain2.push(`${counts.replace(/\*/g, "")}${notes.length ? ` (${notes.join(", ")})` : ""}`);
  const known = o.catalog.get(r.component);
  if (known?.size) {
    const found = a.signals.map((s) => `${inline(s.name)} *${s.count}*${s.last ? ` (last ${clock(s.last, tz)})` : ""}`);
    const quiet = [...known.keys()].filter((n) => !a.signals.some((s) => s.name === n));
    const line = `*Signals*: ${found.length ? found.join(" \xB7 ") : "none found"}${quiet.length ? `
_nothing for ${quiet.join(", ")}_` : ""}`;
    blocks.push(md(line));
    plain2.push(
      `Signals: ${a.signals.map((s) => `${s.name} ${s.count}`).join(", ") || "none found"}${quiet.length ? ` (nothing for ${quiet.join(", ")})` : ""}`
    );
  }
  if (a.groups.length) {
    blocks.push(md("*Top groups*"));
    plain2.push("Top groups:");
    for (const g of a.groups.slice(0, o.top ?? 5)) {
      const when2 = g.first && g.last && g.first.getTime() !== g.last.getTime() ? `${clock(g.first, tz)}\u2013${clock(g.last, tz)}` : g.last ? clock(g.last, tz) : "";
      const tags = g.signals.length ? ` \xB7 ${g.signals.join(", ")}` : "";
      blocks.push(md(`*${g.count}\xD7* ${g.level}${when2 ? ` \xB7 ${when2}` : ""}${tags}
${code(g.sample)}`));
      plain2.push(`  ${g.count}\xD7 ${g.level}${when2 ? ` ${when2}` : ""}${tags}: ${g.sample}`);
    }
    if (a.moreGroups > 0) {
      blocks.push(context(`and ${a.moreGroups} more group${a.moreGroups === 1 ? "" : "s"}`));
      plain2.push(`  and ${a.moreGroups} more groups`);
    }
  }
  if (o.link) foot.push(`<${o.link}|Full logs>`);
  blocks.push(context(foot.join(" \xB7 ")));
  plain2.push(foot.map((f) => f.replace(/^<([^|]+)\|Full logs>$/, "Full logs: $1")).join(" \xB7 "));
  if (o.post) blocks.push(actions({ text: "Post to channel", actionId: POST_ACTION_ID, value: o.post }));
  const top = a.groups[0];
  const text2 = `${title(r)}: ${a.matched} lines, ${levelCounts(r)}${a.signals.length ? `; signals: ${a.signals.map((s) => `${s.name} ${s.count}`).join(", ")}` : ""}${top ? `; top: ${top.count}\xD7 ${top.sample.slice(0, 120)}` : ""}`;
  return { text: text2, blocks: fitBlocks(blocks), plain: plain2.join("\n"), json: r };
}

// src/logs/logs-command.ts
var MAX_WINDOW_MS = 7 * 24 * 36e5;
var USAGE4 = "logs <component> [env] [--since 15m] [--signal s]";
function logLink(logLinks, vars) {
  const t = logLinks[vars.component] ?? logLinks.default;
  if (!t) return void 0;
  const values = {
    env: vars.env,
    component: vars.component,
    since: vars.since.toISOString(),
    sinceMs: String(vars.since.getTime())
  };
  return t.replace(/\{(env|component|since|sinceMs)\}/g, (_, k) => encodeURIComponent(values[k] ?? ""));
}
async function refusal2(deps, envName, actor, surface) {
  const env = findEnvironment(deps.config, envName);
  if (!env) return `no environment ${userWord(envName)}`;
  const d = await decideLogAccess({
    logs: deps.config.logs,
    config: deps.config,
    env,
    actor,
    surface,
    groups: deps.groups
  });
  if (d.ok) return void 0;
  return `${d.reason}. To allow it, add to ctx-ops.yml:
\`\`\`${accessYaml(envName)}\`\`\``;
}
function createLogsHandler(deps) {
  return {
    name: "logs",
    usage: USAGE4,
    summary: "A component's recent logs (also --grep text, --level warn): counts per level and signal, top groups, redacted samples",
    async run(req) {
      const { flags, rest, errors } = extractFlags(req.args, {
        withValue: ["since", "signal", "grep", "level", "env"]
      });
      const choice = chooseEnvironment(rest, flags.env, deps.config);
      const [component, ...extra] = choice.rest;
      const components = deps.reader.components();
      const since = typeof flags.since === "string" ? parseDuration(flags.since) : void 0;
      const level = typeof flags.level === "string" ? flags.level.toLowerCase() : void 0;
      const signal = typeof flags.signal === "string" ? flags.signal : void 0;
      const known = component ? deps.reader.catalog.get(component) : void 0;
      const problem = errors[0] ?? choice.error ?? (!component ? `which component? (${components.join(", ")})` : !/^[a-z][a-z0-9-]{0,39}$/.test(component) ? `${userWord(component)} is not a component name` : extra.length ? leftoverProblem(extra, deps.config) : choice.all ? "`logs` reads one environment" : flags.since !== void 0 && (since === void 0 || since > MAX_WINDOW_MS) ? `--since takes a duration up to 7d (15m, 2h, 1d), not ${userWord(String(flags.since))}` : level !== void 0 && !LEVELS.includes(level) ? `--level is one of ${LEVELS.join(", ")}` : signal !== void 0 && !known?.has(signal) ? unknownSignal(signal, component, known ? [...known.keys()] : []) : void 0);
      if (problem || !component) return { usageProblem: problem ?? "which component?" };
      const refused = await refusal2(deps, choice.env, req.actor, req.surface);
      if (refused) {
        await req.conversation.ephemeral({ text: refused });
        return { status: "fail" };
      }
      const windowMs = since ?? deps.config.logs.defaultWindowMinutes * 6e4;
      const filter = {
        signal,
        grep: typeof flags.grep === "string" ? flags.grep : void 0,
        level
      };
      const report = await deps.reader.read({ env: choice.env, component, windowMs, filter });
      const post = {
        e: report.env,
        c: component,
        s: report.since.getTime(),
        u: report.until.getTime(),
        ...signal ? { sig: signal } : {},
        ...filter.grep ? { g: filter.grep.slice(0, 200) } : {},
        ...filter.level ? { l: filter.level } : {}
      };
      const msg = renderLogReport(report, {
        timezone: deps.config.timezone,
        catalog: deps.reader.catalog,
        link: logLink(deps.config.logLinks, { env: report.env, component, since: report.since }),
        post: req.surface === "slack" ? post : void 0
      });
      await req.conversation.ephemeral(msg);
      return { status: report.unavailable ? "warn" : "ok" };
    }
  };
}
function unknownSignal(signal, component, names) {
  const guess = closest(signal, names);
  return `${component} has no signal ${userWord(signal)}${names.length ? ` (known: ${names.join(", ")})` : ""}${guess ? `; did you mean \`${guess}\`?` : ""}`;
}
function createLogsPostAction(deps) {
  return {
    actionId: POST_ACTION_ID,
    async run(req) {
      let v;
      try {
        v = JSON.parse(req.value);
      } catch {
        return;
      }
      if (typeof v?.e !== "string" || typeof v.c !== "string" || !Number.isFinite(v.s) || !Number.isFinite(v.u)) return;
      if (!/^[a-z][a-z0-9-]{0,39}$/.test(v.c) || v.u - v.s <= 0 || v.u - v.s > MAX_WINDOW_MS) return;
      const refused = await refusal2(deps, v.e, req.actor, req.surface);
      if (refused) {
        await req.conversation.ephemeral({ text: refused });
        return;
      }
      const level = v.l && LEVELS.includes(v.l) ? v.l : void 0;
      const report = await deps.reader.read({
        env: v.e,
        component: v.c,
        windowMs: v.u - v.s,
        until: new Date(v.u),
        filter: { signal: v.sig, grep: v.g, level }
      });
      const msg = renderLogReport(report, {
        timezone: deps.config.timezone,
        catalog: deps.reader.catalog,
        link: logLink(deps.config.logLinks, { env: v.e, component: v.c, since: report.since })
      });
      const by = `shared by <@${req.actor.userId}>`;
      const shared = { ...msg, text: `${msg.text} (${by})`, blocks: [...msg.blocks ?? [], context(by)] };
      await req.conversation.post(shared, req.message?.threadTs ? { thread: req.message } : void 0);
    }
  };
}

// src/logs/fingerprint.ts
var RULES = [
  [/\b[0-9a-f]{8}-[0-9a-f*]{4}-[0-9a-f*]{4}-[0-9a-f*]{4}-[0-9a-f*]{12}\b/gi, "<uuid>"],
  // The samples mask parts of uuids with *; anything uuid-ish with stars is still one id.
  [/\b[0-9a-f*]{4,}(?:-[0-9a-f*]{2,}){3,}\b/gi, "<uuid>"],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, "<email>"],
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, "<ip>"],
  // ctx| ids: repo_agrciheio5zb5fiqcdprehmm5e, org_\u2026, usr_\u2026
  [/\b([a-z]{2,12})_[a-z0-9]{12,}\b/g, "$1_<id>"],
  [/\b(?:0x)?[0-9a-f]{8,}\b/gi, "<hex>"],
  [/\b[A-Za-z0-9_-]*\d[A-Za-z0-9_-]*[A-Za-z][A-Za-z0-9_-]*\d[A-Za-z0-9_-]{16,}\b/g, "<id>"],
  [/\b\d+(?:\.\d+)?\s?(?:ns|\u00b5s|us|ms|s|m|h|min|sec|seconds|minutes)\b/g, "<dur>"],
  [/\b\d{4}-\d{2}-\d{2}[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?/g, "<time>"],
  [/\b\d+(?:\.\d+)?\b/g, "<n>"]
];
function normalise(text2) {
  let out = text2;
  for (const [re, rep] of RULES) out = out.replace(re, rep);
  return out.replace(/\s+/g, " ").trim().slice(0, 300);
}
function fingerprint(entry) {
  const statusKept = entry.http?.status !== void 0 ? ` [${entry.http.status}]` : "";
  return `${entry.level}|${normalise(entry.message)}${statusKept}`;
}

// src/logs/parse.ts
function parseLine(line) {
  const raw = stripAnsi(line.text).replace(/\r$/, "");
  const trimmed = raw.trim();
  if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
    const obj = tryJson(trimmed);
    if (obj) return fromJson(obj, raw, line);
  }
  return fromPlain(raw, line);
}
var ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
function stripAnsi(s) {
  return s.replace(ANSI, "");
}
function tryJson(s) {
  try {
    const v = JSON.parse(s);
    return v && typeof v === "object" && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}
var str3 = (v) => typeof v === "string" && v.length > 0 ? v : void 0;
var num = (v) => typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : void 0;
function toLevel(v) {
  if (typeof v === "number") {
    if (v >= 60) return "fatal";
    if (v >= 50) return "error";
    if (v >= 40) return "warn";
    if (v >= 30) return "info";
    return "debug";
  }
  const s = typeof v === "string" ? v.toLowerCase() : "";
  if (/^(fatal|panic|crit(ical)?|emerg(ency)?|alert)$/.test(s)) return "fatal";
  if (/^(err|error|severe)$/.test(s)) return "error";
  if (/^(warn|warning)$/.test(s)) return "warn";
  if (/^(info|log|notice|information|statement)$/.test(s)) return "info";
  if (/^(debug|trace|verbose|debug\d)$/.test(s)) return "debug";
  return void 0;
}
function parseTime(v) {
  if (typeof v === "number") return new Date(v > 1e14 ? v / 1e6 : v);
  if (typeof v !== "string") return void 0;
  const t = Date.parse(v);
  return Number.isNaN(t) ? void 0 : new Date(t);
}
function flattenCause(c, depth = 0) {
  if (depth > 3 || c === void 0 || c === null) return void 0;
  if (typeof c === "string") return c;
  if (typeof c !== "object") return String(c);
  const o = c;
  const parts = [];
  const name = str3(o.name);
  const msg = str3(o.message);
  if (name && name !== "Error") parts.push(name);
  if (msg) parts.push(msg);
  const code2 = str3(o.code);
  if (code2 && !msg?.includes(code2)) parts.push(code2);
  const syscall = str3(o.syscall);
  if (syscall && !msg?.includes(syscall)) parts.push(syscall);
  const addr = str3(o.address);
  if (addr && !msg?.includes(addr)) parts.push(o.port !== void 0 ? `${addr}:${String(o.port)}` : addr);
  const inner = flattenCause(o.cause, depth + 1);
  if (inner) parts.push(`\u2190 ${inner}`);
  return parts.length ? parts.join(" ") : void 0;
}
function errorOf(o) {
  const e = o.error ?? o.err;
  if (e && typeof e === "object") {
    const eo = e;
    return { name: str3(eo.name), message: str3(eo.message), cause: flattenCause(eo.cause) };
  }
  if (typeof e === "string") return { message: e, cause: flattenCause(o.cause) };
  const errMessage = str3(o.errMessage);
  if (errMessage) return { name: str3(o.errName), message: errMessage, cause: flattenCause(o.cause) };
  return void 0;
}
function requestLogMessages(o) {
  const logs = Array.isArray(o.requestLogs) ? o.requestLogs : [];
  let level;
  const messages = [];
  for (const l of logs.slice(0, 20)) {
    if (!l || typeof l !== "object") continue;
    const r = l;
    const lv = toLevel(r.level);
    if (lv) level = level ? maxLevel(level, lv) : lv;
    const m = r.message;
    if (typeof m === "string") messages.push(m);
    else if (m && typeof m === "object") {
      const mo = m;
      const text2 = str3(mo.message) ?? str3(mo.step);
      if (text2) messages.push(mo.step && mo.message ? `${String(mo.step)}: ${text2}` : text2);
    }
  }
  return { level, messages };
}
function fromJson(o, raw, line) {
  const method = str3(o.method);
  const path = str3(o.path);
  const status = num(o.status ?? o.statusCode);
  const http = method || path ? { method, path, status, duration: str3(o.duration) } : void 0;
  const error = errorOf(o);
  const req = requestLogMessages(o);
  let level = toLevel(o.level ?? o.severity ?? o.lvl) ?? "info";
  if (req.level) level = maxLevel(level, req.level);
  if (http?.status !== void 0 && http.status >= 500) level = maxLevel(level, "error");
  if (error && !o.level) level = maxLevel(level, "error");
  const step2 = str3(o.step) ?? str3(o.workflow);
  const attempt2 = num(o.attempt);
  const maxAttempts = num(o.maxAttempts);
  const parts = [];
  if (http) parts.push([method, path, status].filter((x) => x !== void 0).join(" "));
  const own = str3(o.message) ?? str3(o.msg);
  if (own) parts.push(own);
  else if (!http && step2) parts.push(step2);
  if (req.messages.length && (http || !own)) parts.push(req.messages[req.messages.length - 1]);
  if (error) {
    const e = [error.name, error.message].filter(Boolean).join(": ");
    if (e && !parts.some((p) => p.includes(error.message ?? "\0"))) parts.push(e);
  }
  if (parts.length === 0) parts.push(truncate2(raw, 200));
  return {
    // The source's time (what the window was read by) wins; the line's own is the fallback.
    time: line.time ?? parseTime(o.timestamp ?? o.time ?? o.ts ?? o["@timestamp"]),
    level,
    message: parts.join(" \xB7 "),
    http,
    error,
    step: step2,
    attempt: attempt2,
    maxAttempts,
    json: true,
    raw,
    cut: line.cut
  };
}
var ISO_PREFIX = /^\s*(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2}| ?UTC| ?GMT)?)\s*/;
var LEVEL_WORD = /(?:^|[\s[|\t])(FATAL|PANIC|ERROR|ERR|WARNING|WARN|INFO|LOG|DEBUG|NOTICE|error|warn|info|debug|fatal)(?=[\]:\s|\t]|$)/;
function fromPlain(raw, line) {
  let rest = raw;
  let time2 = line.time;
  const m = ISO_PREFIX.exec(rest);
  if (m?.[1]) {
    const t = Date.parse(m[1].replace(" UTC", "Z").replace(" GMT", "Z").replace(",", "."));
    if (!Number.isNaN(t)) time2 ??= new Date(t);
    rest = rest.slice(m[0].length);
  }
  let level = "info";
  const jl = /"level"\s*:\s*"(\w+)"/.exec(rest.slice(0, 2e3));
  const lw = jl ?? LEVEL_WORD.exec(rest.slice(0, 120));
  if (lw?.[1]) level = toLevel(lw[1]) ?? level;
  else if (/^\s*(\w+)?Error\b|^\s*at\s|Unhandled|uncaught|panic:/i.test(rest)) level = "error";
  else if (/\bOOM\b|out of memory|OutOfMemory/i.test(rest)) level = "error";
  if (/^\d+:[CMSX] \d{2} \w{3} \d{4} [\d:.]+ #/.test(rest)) level = "warn";
  return { time: time2, level, message: truncate2(rest.trim(), 500) || "(empty line)", json: false, raw, cut: line.cut };
}
function truncate2(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}\u2026` : s;
}

// src/logs/analyse.ts
var MAX_GROUPS = 500;
function createAccumulator(opts) {
  const { filter } = opts;
  const grep = filter.grep?.toLowerCase();
  const minLevel = filter.level ? levelRank(filter.level) : -1;
  const only = filter.signal ? opts.signals?.get(filter.signal) : void 0;
  const levels = Object.fromEntries(LEVELS.map((l) => [l, 0]));
  const groups = /* @__PURE__ */ new Map();
  const signalCounts = /* @__PURE__ */ new Map();
  let read = 0;
  let matched = 0;
  let cut = 0;
  let plain2 = 0;
  let dropped = 0;
  const add = (line) => {
    read++;
    const e = parseLine(line);
    if (e.cut) cut++;
    if (!e.json) plain2++;
    if (levelRank(e.level) < minLevel) return;
    if (grep && !e.raw.toLowerCase().includes(grep)) return;
    if (only && !only.test(e)) return;
    const names = signalsOf(e, opts.signals);
    matched++;
    levels[e.level]++;
    const fp = fingerprint(e);
    let g = groups.get(fp);
    if (!g) {
      if (groups.size >= MAX_GROUPS) {
        dropped++;
      } else {
        g = {
          fingerprint: fp,
          level: e.level,
          count: 0,
          first: e.time,
          sample: opts.redact(sampleOf(e)),
          signals: names,
          http: e.http ? { method: e.http.method, path: e.http.path, status: e.http.status } : void 0
        };
        groups.set(fp, g);
      }
    }
    if (g) {
      g.count++;
      if (e.time && (!g.first || e.time < g.first)) g.first = e.time;
      if (e.time && (!g.last || e.time > g.last)) g.last = e.time;
    }
    for (const n of names) {
      const s = signalCounts.get(n) ?? { count: 0, groups: /* @__PURE__ */ new Map() };
      s.count++;
      if (e.time && (!s.last || e.time > s.last)) s.last = e.time;
      if (g) s.groups.set(fp, (s.groups.get(fp) ?? 0) + 1);
      signalCounts.set(n, s);
    }
  };
  const result = () => {
    const sorted = [...groups.values()].sort(
      (a, b) => levelRank(b.level) - levelRank(a.level) || b.count - a.count || a.fingerprint.localeCompare(b.fingerprint)
    );
    const top = opts.top ?? 5;
    const signals = [];
    for (const [name, s] of signalCounts) {
      const topFp = [...s.groups.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      signals.push({
        name,
        title: opts.signals?.get(name)?.title ?? name,
        count: s.count,
        last: s.last,
        top: topFp ? groups.get(topFp)?.sample : void 0
      });
    }
    signals.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return {
      read,
      matched,
      cut,
      plain: plain2,
      levels,
      signals,
      groups: sorted.slice(0, top),
      moreGroups: Math.max(0, sorted.length - top) + (dropped > 0 ? 1 : 0)
    };
  };
  return { add, result };
}
function sampleOf(e) {
  const cause = e.error?.cause && !e.message.includes(e.error.cause) ? ` (cause: ${e.error.cause})` : "";
  const retry = e.attempt !== void 0 ? ` [attempt ${e.attempt}${e.maxAttempts ? `/${e.maxAttempts}` : ""}]` : "";
  const text2 = `${e.message}${cause}${retry}`;
  return text2.length > 400 ? `${text2.slice(0, 399)}\u2026` : text2;
}

// src/logs/redact.ts
var MASK = "[redacted]";
var LOG_PATTERNS = [
  // "Authorization: Bearer \u2026", "authorization":"Basic \u2026", also Proxy-Authorization.
  [/((?:proxy-)?authorization["']?\s*[:=]\s*["']?)[^"'\n,}]+/gi, `$1${MASK}`],
  [/((?:set-)?cookie["']?\s*[:=]\s*["']?)[^"'\n}]+/gi, `$1${MASK}`],
  [/\b(x-api-key|x-auth-token|api-key)(["']?\s*[:=]\s*["']?)[^"'\s,}]+/gi, `$1$2${MASK}`],
  // Session cookies by name wherever they appear.
  [/\b((?:__Secure-|__Host-)?(?:better-auth|session)[\w.-]*=)[^;\s"']+/gi, `$1${MASK}`]
];
var EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi;
function createLogRedactor(redactor, opts) {
  return (text2) => {
    let out = text2;
    for (const [re, rep] of LOG_PATTERNS) out = out.replace(re, rep);
    out = redactor.scrub(out);
    if (opts.maskEmails) out = out.replace(EMAIL, (m) => m.includes("[redacted]") ? m : "<email>");
    return out;
  };
}

// src/logs/source.ts
var SourceUnavailable = class extends Error {
  constructor(message, fix) {
    super(message);
    this.fix = fix;
    this.name = "SourceUnavailable";
  }
  fix;
};
async function readBounded(source, q, limits, onLine) {
  const ac = new AbortController();
  let stopped;
  const timer = setTimeout(() => {
    stopped = "deadline";
    ac.abort(new Error("deadline"));
  }, limits.deadlineMs);
  timer.unref();
  let lines = 0;
  let bytes = 0;
  try {
    for await (const line of source.read({ ...q, signal: ac.signal })) {
      lines++;
      bytes += Buffer.byteLength(line.text) + 1;
      onLine(line);
      if (lines >= limits.maxLines) {
        stopped = "lines";
        break;
      }
      if (bytes >= limits.maxBytes) {
        stopped = "bytes";
        break;
      }
    }
  } catch (err) {
    if (stopped !== "deadline") throw err;
  } finally {
    clearTimeout(timer);
    if (!ac.signal.aborted) ac.abort();
  }
  return { stopped, lines, bytes };
}

// src/logs/lines.ts
var LineSplitter = class {
  constructor(maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }
  maxLineBytes;
  parts = [];
  size = 0;
  cut = false;
  push(chunk) {
    const out = [];
    let start = 0;
    for (; ; ) {
      const nl = chunk.indexOf(10, start);
      const end = nl === -1 ? chunk.length : nl;
      this.take(chunk.subarray(start, end));
      if (nl === -1) break;
      out.push(this.flushLine());
      start = nl + 1;
    }
    return out;
  }
  /** What is left at the end of the stream (a last line without a newline). */
  end() {
    return this.size > 0 || this.cut ? [this.flushLine()] : [];
  }
  take(part) {
    if (part.length === 0) return;
    const room = this.maxLineBytes - this.size;
    if (room <= 0) {
      this.cut = true;
      return;
    }
    const kept = part.length > room ? part.subarray(0, room) : part;
    if (part.length > room) this.cut = true;
    this.parts.push(Buffer.from(kept));
    this.size += kept.length;
  }
  flushLine() {
    const line = { text: Buffer.concat(this.parts).toString("utf8"), cut: this.cut };
    this.parts = [];
    this.size = 0;
    this.cut = false;
    return line;
  }
};
function splitText(text2, maxLineBytes) {
  const s = new LineSplitter(maxLineBytes);
  return [...s.push(Buffer.from(text2)), ...s.end()].map((l) => ({ text: l.text, cut: l.cut || void 0 }));
}
function splitTimestamp(line) {
  const sp = line.indexOf(" ");
  if (sp < 20 || sp > 40) return { text: line };
  const t = Date.parse(line.slice(0, sp).replace(/(\.\d{3})\d+/, "$1"));
  return Number.isNaN(t) ? { text: line } : { time: new Date(t), text: line.slice(sp + 1) };
}

// src/logs/sources/http.ts
import { readFileSync as readFileSync2 } from "node:fs";
var undiciModule = lazyRequire("undici");
function defaultReadFile(path) {
  return readFileSync2(path, "utf8");
}
function tlsAgent(opts) {
  return new (undiciModule()).Agent({
    connect: {
      ...opts.socketPath ? { socketPath: opts.socketPath } : {},
      ...opts.ca ? { ca: opts.ca } : {},
      ...opts.cert ? { cert: opts.cert } : {},
      ...opts.key ? { key: opts.key } : {}
    },
    // Logs stream for as long as they are read; the reader's deadline aborts them.
    bodyTimeout: 0,
    headersTimeout: 1e4
  });
}
async function get(dispatcher, url, target, opts) {
  let res;
  try {
    res = await requestUrl(dispatcher, url, { method: "GET", headers: opts.headers, signal: opts.signal });
  } catch (err) {
    if (opts.signal.aborted) throw err;
    throw new SourceUnavailable(describeFailure(classifyError(err), target));
  }
  if (res.statusCode < 200 || res.statusCode >= 300) {
    const text2 = (await res.body.text().catch(() => "")).slice(0, 300).replace(/\s+/g, " ").trim();
    throw new SourceUnavailable(
      `${target} answered HTTP ${res.statusCode}${text2 ? `: ${text2}` : ""}`,
      opts.hint?.(res.statusCode)
    );
  }
  return { body: res.body, headers: res.headers };
}
async function getJson(dispatcher, url, target, opts) {
  const { body: body2 } = await get(dispatcher, url, target, opts);
  try {
    return await body2.json();
  } catch (err) {
    if (opts.signal.aborted) throw err;
    throw new SourceUnavailable(`${target} answered something that is not JSON`);
  }
}

// src/logs/sources/docker.ts
function dockerSource(cfg, deps) {
  const socketPath = cfg.url ? void 0 : cfg.socket ?? "/var/run/docker.sock";
  const base = cfg.url ? cfg.url.replace(/\/$/, "") : "http://docker";
  const target = cfg.url ? `the Docker Engine API at ${new URL(cfg.url).host}` : `the Docker socket ${socketPath}`;
  let dispatcher;
  const agent = () => {
    dispatcher ??= tlsAgent({
      socketPath,
      ca: cfg.ca ? deps.readFile(cfg.ca) : void 0,
      cert: cfg.cert ? deps.readFile(cfg.cert) : void 0,
      key: cfg.key ? deps.readSecretFile(cfg.key) : void 0
    });
    return dispatcher;
  };
  const hint = (status) => status === 403 ? "the socket proxy refuses it: allow CONTAINERS=1 (GET only) in docker-socket-proxy" : status === 404 ? "the container went away while it was read" : void 0;
  return {
    kind: "docker",
    describe: () => cfg.url ? new URL(cfg.url).origin : `unix:${socketPath}`,
    async *read(q) {
      const service = cfg.services[q.component] ?? q.component;
      const labels = [`com.docker.compose.service=${service}`];
      if (cfg.project) labels.push(`com.docker.compose.project=${cfg.project}`);
      const filters = encodeURIComponent(JSON.stringify({ label: labels }));
      const list = await getJson(agent(), `${base}/containers/json?all=1&filters=${filters}`, target, {
        signal: q.signal,
        hint
      });
      if (!Array.isArray(list)) throw new SourceUnavailable(`${target} answered a container list that is not a list`);
      if (list.length === 0)
        throw new SourceUnavailable(
          `no container of Compose service "${service}"${cfg.project ? ` in project "${cfg.project}"` : ""}`,
          `set logs.sources.${q.env}.docker.services.${q.component} to the service's name in compose.yml`
        );
      const since = (q.since.getTime() / 1e3).toFixed(3);
      const until = (q.until.getTime() / 1e3).toFixed(3);
      for (const c of list) {
        if (typeof c.Id !== "string" || !/^[a-f0-9]{12,64}$/i.test(c.Id)) continue;
        const inspect = await getJson(agent(), `${base}/containers/${c.Id}/json`, target, {
          signal: q.signal,
          hint
        });
        const tty = inspect?.Config?.Tty === true;
        const { body: body2 } = await get(
          agent(),
          `${base}/containers/${c.Id}/logs?stdout=1&stderr=1&timestamps=1&since=${since}&until=${until}`,
          target,
          { signal: q.signal, hint }
        );
        yield* tty ? rawLines(body2, q.maxLineBytes) : demultiplex(body2, q.maxLineBytes);
      }
    }
  };
}
function toRaw(l, stream) {
  const { time: time2, text: text2 } = splitTimestamp(l.text);
  return { text: text2, time: time2, stream, cut: l.cut || void 0 };
}
async function* rawLines(body2, maxLineBytes) {
  const s = new LineSplitter(maxLineBytes);
  for await (const chunk of body2) for (const l of s.push(chunk)) yield toRaw(l);
  for (const l of s.end()) yield toRaw(l);
}
async function* demultiplex(body2, maxLineBytes) {
  const splitters = { stdout: new LineSplitter(maxLineBytes), stderr: new LineSplitter(maxLineBytes) };
  let pending = Buffer.alloc(0);
  let need = 0;
  let stream = "stdout";
  for await (const chunk of body2) {
    let buf = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    pending = Buffer.alloc(0);
    while (buf.length > 0) {
      if (need === 0) {
        if (buf.length < 8) {
          pending = Buffer.from(buf);
          break;
        }
        const type = buf[0];
        if (type !== 0 && type !== 1 && type !== 2 || buf[1] !== 0 || buf[2] !== 0 || buf[3] !== 0)
          throw new SourceUnavailable("the Docker log stream is not in the multiplexed format it announced");
        stream = type === 2 ? "stderr" : "stdout";
        need = buf.readUInt32BE(4);
        buf = buf.subarray(8);
        continue;
      }
      const take = Math.min(need, buf.length);
      for (const l of splitters[stream].push(buf.subarray(0, take))) yield toRaw(l, stream);
      need -= take;
      buf = buf.subarray(take);
    }
  }
  for (const s of ["stdout", "stderr"]) for (const l of splitters[s].end()) yield toRaw(l, s);
}

// src/logs/sources/kubernetes.ts
import { existsSync } from "node:fs";
var IN_CLUSTER_CA = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt";
function kubernetesSource(cfg, deps) {
  const base = cfg.url.replace(/\/$/, "");
  const target = `the Kubernetes API at ${new URL(cfg.url).host}`;
  const ns = encodeURIComponent(cfg.namespace);
  let dispatcher;
  const agent = () => {
    const caFile = cfg.caFile ?? (existsSync(IN_CLUSTER_CA) ? IN_CLUSTER_CA : void 0);
    dispatcher ??= tlsAgent({ ca: caFile ? deps.readFile(caFile) : void 0 });
    return dispatcher;
  };
  const token = () => {
    try {
      return deps.readSecretFile(cfg.tokenFile).trim();
    } catch {
      throw new SourceUnavailable(
        `cannot read the service-account token file ${cfg.tokenFile}`,
        "mount a token of a service account allowed to get/list pods and get pods/log, or set tokenFile"
      );
    }
  };
  const hint = (status) => status === 401 ? "the token was refused: check tokenFile" : status === 403 ? `the service account needs a Role in namespace ${cfg.namespace} with get/list on pods and get on pods/log` : void 0;
  return {
    kind: "kubernetes",
    describe: () => `${new URL(cfg.url).origin} namespace ${cfg.namespace}`,
    async *read(q) {
      const headers = { authorization: `Bearer ${token()}`, accept: "application/json" };
      const selector = cfg.selectors[q.component] ?? `app.kubernetes.io/component=${q.component}`;
      const list = await getJson(
        agent(),
        `${base}/api/v1/namespaces/${ns}/pods?labelSelector=${encodeURIComponent(selector)}`,
        target,
        { headers, signal: q.signal, hint }
      );
      const pods = (list?.items ?? []).map((p) => p.metadata?.name).filter((n) => typeof n === "string");
      if (pods.length === 0)
        throw new SourceUnavailable(
          `no pod in namespace ${cfg.namespace} matches ${selector}`,
          `set logs.sources.${q.env}.kubernetes.selectors.${q.component}`
        );
      const sinceSeconds = Math.max(1, Math.ceil((Date.now() - q.since.getTime()) / 1e3));
      const container = cfg.containers[q.component];
      for (const pod of pods) {
        const params = new URLSearchParams({ sinceSeconds: String(sinceSeconds), timestamps: "true" });
        if (container) params.set("container", container);
        const { body: body2 } = await get(
          agent(),
          `${base}/api/v1/namespaces/${ns}/pods/${encodeURIComponent(pod)}/log?${params}`,
          target,
          { headers, signal: q.signal, hint }
        );
        const s = new LineSplitter(q.maxLineBytes);
        const keep = (l) => {
          const { time: time2, text: text2 } = splitTimestamp(l.text);
          if (time2 && (time2 < q.since || time2 > q.until)) return null;
          return { text: text2, time: time2, cut: l.cut || void 0 };
        };
        for await (const chunk of body2)
          for (const l of s.push(chunk)) {
            const r = keep(l);
            if (r) yield r;
          }
        for (const l of s.end()) {
          const r = keep(l);
          if (r) yield r;
        }
      }
    }
  };
}

// src/logs/sources/loki.ts
function lokiSource(cfg, deps) {
  const base = cfg.url.replace(/\/$/, "");
  const target = `Loki at ${new URL(cfg.url).host}`;
  let dispatcher;
  const headers = () => {
    const h = { accept: "application/json" };
    if (cfg.tenant) h["x-scope-orgid"] = cfg.tenant;
    if (cfg.tokenFile) h.authorization = `Bearer ${deps.readSecretFile(cfg.tokenFile).trim()}`;
    else if (cfg.username)
      h.authorization = `Basic ${Buffer.from(`${cfg.username}:${cfg.passwordFile ? deps.readSecretFile(cfg.passwordFile).trim() : ""}`).toString("base64")}`;
    return h;
  };
  const hint = (status) => status === 401 || status === 403 ? "check the read-only token (tokenFile) or username/passwordFile, and the tenant" : status === 400 ? "Loki rejected the query: check the LogQL selector in logs.sources.<env>.loki.selectors" : void 0;
  return {
    kind: "loki",
    describe: () => new URL(cfg.url).origin,
    async *read(q) {
      dispatcher ??= tlsAgent({});
      const template = cfg.selectors[q.component] ?? cfg.selector;
      const query = template.replace(/\{component\}/g, q.component).replace(/\{env\}/g, q.env);
      let start = BigInt(q.since.getTime()) * 1000000n;
      const end = BigInt(q.until.getTime()) * 1000000n;
      for (let page = 0; page < 1e4 && start < end; page++) {
        const params = new URLSearchParams({
          query,
          start: String(start),
          end: String(end),
          limit: String(cfg.pageSize),
          direction: "forward"
        });
        const body2 = await getJson(dispatcher, `${base}/loki/api/v1/query_range?${params}`, target, {
          headers: headers(),
          signal: q.signal,
          hint
        });
        if (body2?.status !== "success" || body2.data?.resultType !== "streams" || !Array.isArray(body2.data.result))
          throw new SourceUnavailable(`${target} answered a query_range result that is not streams`);
        const entries = [];
        for (const s of body2.data.result)
          for (const v of Array.isArray(s.values) ? s.values : [])
            if (Array.isArray(v) && typeof v[0] === "string" && /^\d+$/.test(v[0]) && typeof v[1] === "string")
              entries.push([BigInt(v[0]), v[1]]);
        entries.sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
        for (const [ns, text2] of entries) {
          const time2 = new Date(Number(ns / 1000000n));
          for (const l of splitText(text2, q.maxLineBytes)) yield { ...l, time: time2 };
        }
        if (entries.length < cfg.pageSize) return;
        const last = entries[entries.length - 1]?.[0] ?? end;
        start = last + 1n;
      }
    }
  };
}

// src/logs/sources/index.ts
function createSource(cfg, deps) {
  if (cfg.docker) return dockerSource(cfg.docker, deps);
  if (cfg.loki) return lokiSource(cfg.loki, deps);
  if (cfg.kubernetes) return kubernetesSource(cfg.kubernetes, deps);
  return null;
}

// src/logs/reader.ts
function createLogReader(opts) {
  const { config, catalog, redactor } = opts;
  const deps = opts.deps ?? {
    readFile: defaultReadFile,
    readSecretFile(path) {
      const v = defaultReadFile(path);
      redactor.add(v.trim());
      return v;
    }
  };
  const redact = createLogRedactor(redactor, { maskEmails: config.maskEmails });
  const sources = /* @__PURE__ */ new Map();
  for (const [env, cfg] of Object.entries(config.sources)) {
    const s = createSource(cfg, deps);
    if (s) sources.set(env, s);
  }
  return {
    catalog,
    configured: (env) => sources.has(env),
    components: () => [...catalog.keys()],
    async read(req) {
      const until = req.until ?? opts.now();
      const since = new Date(until.getTime() - req.windowMs);
      const filter = req.filter ?? {};
      const base = { env: req.env, component: req.component, since, until, filter };
      const source = sources.get(req.env);
      if (!source)
        return {
          ...base,
          unavailable: {
            message: `no log source is configured for ${req.env}`,
            fix: `add logs.sources.${req.env} (docker, loki or kubernetes) to ctx-ops.yml`
          }
        };
      const acc = createAccumulator({ signals: catalog.get(req.component), filter, redact, top: req.top });
      try {
        const r = await readBounded(
          source,
          { env: req.env, component: req.component, since, until, maxLineBytes: config.maxLineBytes },
          { maxBytes: config.maxBytes, maxLines: config.maxLines, deadlineMs: config.deadlineSeconds * 1e3 },
          (line) => acc.add(line)
        );
        return { ...base, source: source.describe(), analysis: acc.result(), stopped: r.stopped };
      } catch (err) {
        const e = err instanceof SourceUnavailable ? { message: redact(err.message), fix: err.fix } : { message: redact(`reading failed: ${err.message}`) };
        opts.log.warn(
          { env: req.env, component: req.component, source: source.kind, reason: e.message },
          "logs unavailable"
        );
        return { ...base, source: source.describe(), unavailable: e };
      }
    }
  };
}

// src/logs/feature.ts
var logsFeature = (core) => {
  const log = core.log.child({ feature: "logs" });
  const cfg = core.config.logs;
  const loaded = loadConfiguredSignals(core.config);
  if (loaded.problems.length) throw new ConfigError(loaded.problems);
  const reader = createLogReader({
    config: cfg,
    catalog: loaded.catalog,
    redactor: core.redactor,
    log,
    now: () => core.now()
  });
  let rt = null;
  const groups = createGroupResolver({ client: () => rt?.slack?.client ?? null, log });
  const deps = { config: core.config, reader, groups };
  core.services.register("logs", createLogsService(reader, core.config));
  return {
    name: "logs",
    handlers: [createLogsHandler(deps)],
    actions: [createLogsPostAction(deps)],
    start(runtime) {
      rt = runtime;
    }
  };
};
function createLogsService(reader, config) {
  return {
    hasSignal: (component, signal) => reader.catalog.get(component)?.has(signal) ?? false,
    components: (env) => reader.configured(env) ? reader.components() : [],
    async signalCounts(req) {
      const report = await reader.read({ env: req.env, component: req.component, windowMs: req.windowMs, top: 0 });
      if (report.unavailable || !report.analysis)
        return {
          outcome: "unavailable",
          reason: report.unavailable?.message ?? "nothing was read",
          ...report.unavailable?.fix ? { fix: report.unavailable.fix } : {}
        };
      return {
        outcome: "read",
        read: report.analysis.read,
        counts: Object.fromEntries(report.analysis.signals.map((c) => [c.name, c.count]))
      };
    },
    async evidence(req) {
      const until = /* @__PURE__ */ new Date();
      const base = {
        env: req.env,
        component: req.component,
        signal: req.signal,
        count: 0,
        samples: [],
        read: 0,
        since: new Date(until.getTime() - req.windowMs),
        until
      };
      if (req.signal && !reader.catalog.get(req.component)?.has(req.signal))
        return { ...base, outcome: "unavailable", reason: `${req.component} has no signal "${req.signal}"` };
      if (!stepAllowed(config.logs, config, req.env, req.channel))
        return {
          ...base,
          outcome: "unavailable",
          reason: `${req.env}'s logs are not shown in this channel`,
          fix: `add this channel to logs.access.${req.env}.channels`
        };
      const report = await reader.read({
        env: req.env,
        component: req.component,
        windowMs: req.windowMs,
        filter: req.signal ? { signal: req.signal } : { level: "error" },
        top: 3
      });
      if (report.unavailable || !report.analysis)
        return {
          ...base,
          since: report.since,
          until: report.until,
          source: report.source,
          outcome: "unavailable",
          reason: report.unavailable?.message ?? "nothing was read",
          fix: report.unavailable?.fix
        };
      const a = report.analysis;
      return {
        ...base,
        since: report.since,
        until: report.until,
        source: report.source,
        outcome: a.matched > 0 ? "found" : "nothing",
        count: a.matched,
        read: a.read,
        samples: a.groups.map((g) => ({ count: g.count, level: g.level, text: g.sample }))
      };
    }
  };
}

// src/app/features.ts
var featureFactories = [
  statusFeature,
  schedulesFeature,
  operationsFeature,
  logsFeature,
  incidentsFeature,
  doctorFeature
];

// src/store/store.ts
var pgModule4 = lazyRequire("pg");
function createStore(databaseUrl, log, opts = {}) {
  let made;
  const poolOf = () => {
    if (made) return made;
    made = new (pgModule4()).Pool({
      connectionString: databaseUrl,
      max: opts.max ?? 5,
      application_name: "ctx-ops-store",
      idleTimeoutMillis: 3e4,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 5e3
    });
    made.on("error", (err) => log.warn({ err: { message: err.message } }, "idle store connection failed"));
    return made;
  };
  let migrated = null;
  const ready = () => {
    migrated ??= pgModule4.soon().then(() => migrateStore(poolOf(), log)).then(
      () => void 0,
      (err) => {
        migrated = null;
        throw err;
      }
    );
    return migrated;
  };
  return {
    get pool() {
      return poolOf();
    },
    ready,
    async query(sql, params) {
      await ready();
      return poolOf().query(sql, params);
    },
    async tx(fn) {
      await ready();
      const client = await poolOf().connect();
      try {
        await client.query("BEGIN");
        const out = await fn(client);
        await client.query("COMMIT");
        return out;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {
        });
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => made?.end() ?? Promise.resolve()
  };
}

// src/util/metrics.ts
function createMetricsRelay() {
  let sink = null;
  const readers = {};
  return {
    attach(s) {
      sink = s;
      for (const [name, read] of Object.entries(readers)) s.gauge(name, read);
    },
    command: (name, outcome) => sink?.command(name, outcome),
    check: (e) => sink?.check(e),
    slackCall: (method, outcome) => sink?.slackCall(method, outcome),
    slackRateLimited: (method) => sink?.slackRateLimited(method),
    approval: (kind, outcome) => sink?.approval(kind, outcome),
    operation: (kind, outcome) => sink?.operation(kind, outcome),
    runbookSession: (runbook, event) => sink?.runbookSession(runbook, event),
    gauge(name, read) {
      readers[name] = read;
      sink?.gauge(name, read);
    }
  };
}

// src/app/app.ts
function createBotApp(config, opts) {
  const { log, redactor } = opts;
  const now = opts.now ?? (() => /* @__PURE__ */ new Date());
  const http = opts.http ?? createHttpClient();
  const store = opts.store !== void 0 ? opts.store : config.store.databaseUrl ? createStore(config.store.databaseUrl, log.child({ part: "store" })) : null;
  const pools = /* @__PURE__ */ new Map();
  const checks = opts.checks ?? composeChecks(config, () => core.services.get("logs"));
  const pgTimeout = Math.max(
    config.checks.timeoutMs,
    ...checks.map((c) => config.checks[c.id]?.timeoutMs ?? 0)
  );
  const pgFor = (env) => {
    if (!pools.has(env.name)) {
      pools.set(
        env.name,
        env.ctx.DATABASE_URL ? createPgAccess(env.ctx.DATABASE_URL, {
          connectTimeoutMs: pgTimeout,
          log: log.child({ env: env.name, part: "pg" })
        }) : null
      );
    }
    return pools.get(env.name);
  };
  const metrics = createMetricsRelay();
  const diagnostics = createDiagnostics({
    checks,
    settings: config.checks,
    environments: config.environments,
    log: log.child({ part: "diagnostics" }),
    http,
    pgFor,
    store,
    redactor,
    now,
    metrics
  });
  const listeners = [];
  const core = {
    config,
    log,
    redactor,
    diagnostics,
    store,
    http,
    now,
    services: createServiceRegistry(),
    metrics,
    onReport: (l) => listeners.push(l),
    publishReport: (r) => {
      for (const l of listeners) {
        try {
          l(r);
        } catch (err) {
          log.warn({ err }, "report listener failed");
        }
      }
    }
  };
  const features = (opts.features ?? featureFactories).map((f) => f(core));
  const handlers = features.flatMap((f) => f.handlers ?? []);
  const help = createHelp(
    () => router.handlers,
    config,
    () => mentionVerbs(events)
  );
  const router = createRouter({
    handlers: [...handlers, help.handler],
    help: help.show,
    log: log.child({ part: "router" }),
    redactor,
    metrics
  });
  const actions2 = /* @__PURE__ */ new Map();
  for (const a of features.flatMap((f) => f.actions ?? [])) {
    if (actions2.has(a.actionId)) throw new Error(`two buttons use action_id ${a.actionId}`);
    actions2.set(a.actionId, a);
  }
  const events = /* @__PURE__ */ new Map();
  for (const f of features)
    for (const [type, h] of Object.entries(f.events ?? {})) events.set(type, [...events.get(type) ?? [], h]);
  let started = false;
  return {
    core,
    router,
    actions: actions2,
    events,
    features,
    async start(rt) {
      if (started) return;
      started = true;
      store?.ready().catch(
        (err) => log.warn(
          { err: { message: err.message } },
          "ctx_ops store not ready yet; will retry on first use"
        )
      );
      for (const f of features) await f.start?.(rt);
    },
    async close() {
      for (const f of [...features].reverse())
        await Promise.resolve(f.stop?.()).catch(
          (err) => log.warn({ err, feature: f.name }, "feature did not stop cleanly")
        );
      await Promise.allSettled([...[...pools.values()].map((p) => p?.close()), http.close(), store?.close()]);
    }
  };
}

export {
  unescapeSlack,
  boltLogger,
  createSlackApi,
  observedWebClient,
  classifySlackFailure,
  describeSlackFailure,
  hostOf,
  tokenShapeProblem,
  slackProbe,
  identityOf,
  createBotApp
};
