import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  MARK,
  PARSE_ONCE,
  _enum,
  array,
  backendUrl,
  boolean,
  componentName,
  createPgAccess,
  describeFailure,
  describeTarget,
  displayPath,
  formatProblem,
  keysWords,
  number,
  object,
  packagePath,
  parseDuration,
  pathToKey,
  preprocess,
  readSigningKeys,
  readYaml,
  record,
  secretSetFor,
  string,
  union,
  worst,
  zodProblems
} from "./chunk-QCF2D5HU.js";

// src/config/describe.ts
var TRANSPORT = {
  socket: "Socket Mode (connects out to Slack)",
  http: "HTTP (Slack posts to /slack/events)",
  shell: "local shell (no Slack tokens found)"
};
var ROLE = {
  dotenv: "the bot's own .env",
  deployment: "the deployment's .env",
  environment: "an environment's envFile"
};
function fileLine(f) {
  const what = f.role === "environment" ? `envFile of ${f.environment}` : ROLE[f.role];
  return `${f.display} (${what}; ${f.variables.length} variable${f.variables.length === 1 ? "" : "s"})`;
}
function transportLine(r) {
  if (!r.mode) return "transport: not decided (see the problems)";
  const names = r.mode === "socket" ? ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"] : r.mode === "http" ? ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "PORT"] : [];
  const from = names.filter((n) => r.slackSources[n]).map((n) => `${n} from ${r.slackSources[n]}`);
  if (r.slackSources.SLACK_API_URL) from.push(`SLACK_API_URL from ${r.slackSources.SLACK_API_URL}`);
  const looked = r.mode === "shell" ? ` \xB7 looked in: process environment${r.envFiles.filter((f) => f.role !== "environment").map((f) => `, ${f.display}`).join("")}` : "";
  return `transport: ${TRANSPORT[r.mode]}${from.length ? ` \xB7 ${from.join(", ")}` : ""}${looked}`;
}
function describeSources(r) {
  return [
    r.configFile ? `ctx-ops.yml: ${displayPath(r.configFile, r.cwd)}` : `ctx-ops.yml: none (looked for ${displayPath(r.configLooked, r.cwd)}; every setting has its default)`,
    `env files: ${r.envFiles.length ? r.envFiles.map(fileLine).join(", ") : "none (no .env here, no CTX_OPS_ENV_FILE, no envFile)"}`,
    transportLine(r)
  ];
}
function describeWarnings(warnings) {
  return warnings.length ? ["warnings:", ...warnings.map((w) => `  - ${formatProblem(w)}`)] : [];
}
function describeEnvironments(config) {
  return config.environments.map((e) => {
    const missing = ["DATABASE_URL", "AUTH_SECRET"].filter((k) => !e.ctx.raw[k]);
    return `  ${e.name}${e.name === config.defaultEnvironment ? " (default)" : ""}: ${e.ctx.AUTH_BASE_URL} \xB7 variables from ${e.source}${missing.length ? ` \xB7 not set: ${missing.join(", ")}` : ""}`;
  });
}
function describeConfig(config) {
  return [
    "configuration OK",
    ...describeSources(config.report),
    `store: ${config.store.databaseUrl ? "ctx_ops schema in the configured database" : "none (no database configured)"}`,
    "environments:",
    ...describeEnvironments(config),
    ...describeWarnings(config.report.warnings)
  ];
}
function configJson(input) {
  const r = input.config?.report ?? input.report;
  const c = input.config;
  return {
    ok: !input.problems?.length,
    configFile: r?.configFile ?? null,
    configLooked: r?.configLooked ?? null,
    envFiles: (r?.envFiles ?? []).map((f) => ({
      path: f.path,
      role: f.role,
      ...f.environment ? { environment: f.environment } : {},
      variables: f.variables,
      ignored: f.ignored
    })),
    transport: r ? { mode: r.mode ?? null, sources: r.slackSources } : null,
    store: c ? { configured: Boolean(c.store.databaseUrl) } : null,
    defaultEnvironment: c?.defaultEnvironment ?? null,
    environments: (c?.environments ?? []).map((e) => ({
      name: e.name,
      default: e.name === c.defaultEnvironment,
      production: e.production,
      authBaseUrl: e.ctx.AUTH_BASE_URL,
      source: e.source,
      notSet: ["DATABASE_URL", "AUTH_SECRET"].filter((k) => !e.ctx.raw[k])
    })),
    problems: input.problems ?? [],
    warnings: r?.warnings ?? []
  };
}

// src/log/redactor.ts
var MASK = "[redacted]";
var WELL_KNOWN = /* @__PURE__ */ new Set([
  "postgres",
  "password",
  "admin",
  "root",
  "secret",
  "changeme",
  "neo4j",
  "default",
  "falkordb",
  "redis",
  "test",
  "example",
  "memgraph",
  "guest"
]);
var PATTERNS = [
  // user:password@ in any URI; keeps the user so people can still tell which account.
  [/\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/?#@]*):([^\s/?#@]+)@/gi, `$1$2:${MASK}@`],
  [/\bxox[abposre]-[A-Za-z0-9-]{6,}/g, MASK],
  [/\bxapp-[A-Za-z0-9-]{6,}/g, MASK],
  // GitHub tokens, also as the bare user of a clone URL (https://ghp_\u2026@github.com/\u2026).
  [/\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, MASK],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, MASK],
  // "Basic Information" is the Slack settings page where app-level tokens live, not a credential.
  [/\b(Bearer|Basic)\s+(?!Information\b)[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${MASK}`],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, MASK],
  [/\b(password|passwd|pwd|secret|token|api[_-]?key)(["']?\s*[=:]\s*["']?)([^\s"'&,;]{4,})/gi, `$1$2${MASK}`]
];
function createRedactor(initial = []) {
  const secrets = /* @__PURE__ */ new Set();
  let ordered = [];
  const add = (s) => {
    if (!s || s.length < 4 || WELL_KNOWN.has(s.toLowerCase())) return;
    const forms = [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)];
    let changed = false;
    for (const f of forms) {
      if (!secrets.has(f)) {
        secrets.add(f);
        changed = true;
      }
    }
    if (changed) ordered = [...secrets].sort((a, b) => b.length - a.length);
  };
  for (const s of initial) add(s);
  const scrub = (text) => {
    let out = text;
    for (const s of ordered) if (out.includes(s)) out = out.split(s).join(MASK);
    for (const [re, rep] of PATTERNS) out = out.replace(re, rep);
    return out;
  };
  const scrubDeep = (value) => {
    if (typeof value === "string") return scrub(value);
    if (Array.isArray(value)) return value.map(scrubDeep);
    if (value && typeof value === "object") {
      const out = {};
      for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v);
      return out;
    }
    return value;
  };
  return { scrub, scrubDeep, add };
}

// src/incidents/runbooks/files.ts
import { dirname } from "node:path";

// src/incidents/runbooks/actions/kinds.ts
var OPERATIONS_KINDS = [
  {
    kind: "backup",
    label: "Back up Postgres",
    manual: (env) => `\`/ctx backup ${env.name}\`, or \`pg_dump --format=custom\` of DATABASE_URL`
  }
];

// src/incidents/runbooks/actions/ctx-db.ts
async function withCtxDb(env, log, signal, fn) {
  if (!env.ctx.DATABASE_URL) throw new Error("DATABASE_URL is not set for this environment");
  const access = createPgAccess(env.ctx.DATABASE_URL, {
    connectTimeoutMs: 1e4,
    log,
    max: 1,
    applicationName: "ctx-ops-runbook"
  });
  try {
    return await access.withClient(signal, fn);
  } finally {
    await access.close().catch(() => {
    });
  }
}
function pgCode(err) {
  return err.code;
}

// src/incidents/runbooks/actions/reindex-repository.ts
var API_KEY_VARIABLE = "CTX_OPS_API_KEY";
var apiKeyOf = (env) => env.ctx.raw[API_KEY_VARIABLE]?.trim() || void 0;
var REPO_COLS_SELECT = "r.id, r.name, o.slug, r.indexing_status::text AS status, r.index_ready, r.indexing_error AS error, r.indexing_failed_at AS failed_at";
var REPO_FROM = "FROM repositories r LEFT JOIN organizations o ON o.id = r.org_id";
async function findRepository(c, ref) {
  return (await c.query(
    `SELECT ${REPO_COLS_SELECT} ${REPO_FROM} WHERE r.id = $1 OR r.name = $1 ORDER BY (r.id = $1) DESC, o.slug LIMIT 5`,
    [ref]
  )).rows;
}
var statusText = (r) => r.status ?? (r.index_ready ? "ready" : "not indexed");
function reindexRepositoryKind(deps) {
  const resolve3 = async (env, ref, signal) => {
    const rows = await withCtxDb(env, deps.log, signal, (c) => findRepository(c, ref));
    if (!rows.length) return `no repository with id or name "${ref}" on ${env.name}`;
    if (rows.length > 1 && rows[0].id !== ref)
      return `"${ref}" names ${rows.length} repositories (${rows.map((r) => `${r.slug}/${r.name} = ${r.id}`).join(", ")}): use the id`;
    const repo = rows[0];
    if (!repo.slug) return `repository ${repo.name} belongs to no organisation this bot can find`;
    return repo;
  };
  return {
    kind: "reindex-repository",
    label: "Reindex",
    validateParams: (p) => typeof p.repository === "string" && p.repository && Object.keys(p).length === 1 ? null : "reindex-repository takes { repository: <id or name> }",
    manual: () => "open the repository in the ctx| UI and press Reindex, or `POST /&lt;orgSlug&gt;/api/v1/repositories/&lt;id&gt;/reindex` with an API key in `x-api-key`",
    async targets(env, signal) {
      const rows = await withCtxDb(
        env,
        deps.log,
        signal,
        async (c) => (await c.query(
          `SELECT * FROM (
               SELECT ${REPO_COLS_SELECT}, r.last_ingested_at,
                      CASE WHEN r.indexing_status = 'failed' THEN 0
                           WHEN NOT r.index_ready AND r.indexing_status IS NULL THEN 1
                           WHEN r.indexing_status = 'queued' AND r.updated_at < now() - interval '30 minutes' THEN 2
                           WHEN r.indexing_status = 'running' AND r.updated_at < now() - interval '6 hours' THEN 2
                           WHEN r.indexing_status IN ('queued', 'running', 'unindexing') THEN 9
                           ELSE 3 END AS rank
                 ${REPO_FROM}) t
              WHERE rank < 9
              ORDER BY rank, failed_at DESC NULLS LAST, last_ingested_at ASC NULLS FIRST, name
              LIMIT 5`
        )).rows
      );
      return rows.map((r) => ({
        label: `Reindex ${r.slug ?? "?"}/${r.name} (${statusText(r)})`,
        params: { repository: r.id }
      }));
    },
    guarded: {
      kind: "reindex-repository",
      title: (p, env) => `Reindex repository ${p.repository} on ${env.name}`,
      async precheck(p, env, signal) {
        if (!apiKeyOf(env))
          return `reindexing needs a ctx| API key: set ${API_KEY_VARIABLE} in the variables of ${env.name} (an API key of a member of the repository's organisation)`;
        const repo = await resolve3(env, p.repository, signal);
        return typeof repo === "string" ? repo : null;
      },
      async preview(p, env, signal) {
        const repo = await resolve3(env, p.repository, signal);
        if (typeof repo === "string") return [repo];
        return [
          `POST ${backendUrl(env, `/${repo.slug}/api/v1/repositories/${repo.id}/reindex`)} with the API key from ${API_KEY_VARIABLE}`,
          `${repo.slug}/${repo.name}: ${statusText(repo)}${repo.failed_at ? ` since ${repo.failed_at.toISOString()}` : ""}${repo.error ? `: ${repo.error.slice(0, 200)}` : ""}`,
          "The worker then clones and indexes it again; `/ctx check indexing` shows how far it got",
          "Uses one of the API key's requests (upstream allows 10 per 24 h per key by default)"
        ];
      },
      async run(ctx) {
        const key = apiKeyOf(ctx.env);
        if (!key) return { ok: false, summary: `${API_KEY_VARIABLE} is not set for ${ctx.env.name}` };
        const repo = await resolve3(ctx.env, ctx.params.repository, ctx.signal);
        if (typeof repo === "string") return { ok: false, summary: repo };
        const url = backendUrl(
          ctx.env,
          `/${encodeURIComponent(repo.slug)}/api/v1/repositories/${encodeURIComponent(repo.id)}/reindex`
        );
        const out = await deps.http.request(url, {
          method: "POST",
          signal: ctx.signal,
          headers: { "x-api-key": key, accept: "application/json" }
        });
        const name = `${repo.slug}/${repo.name}`;
        if (!out.ok)
          return {
            ok: false,
            summary: `Reindex of ${name} not sent: ${describeFailure(out.failure, "AUTH_BASE_URL")}`
          };
        const status = out.res.status;
        if (status === 202 || status === 200)
          return {
            ok: true,
            summary: `Reindex of ${name} accepted (HTTP ${status}); the worker queues a new ingestion`
          };
        const why = {
          401: `the API key in ${API_KEY_VARIABLE} was refused`,
          403: "the API key has no access to this organisation",
          404: "the backend does not know this repository (or the key's user is not a member of its organisation)",
          429: "the API key is rate limited (upstream allows 10 requests per 24 h per key by default)"
        };
        return {
          ok: false,
          summary: `Reindex of ${name} refused: HTTP ${status}${why[status] ? `: ${why[status]}` : ""}`
        };
      }
    }
  };
}

// src/incidents/runbooks/actions/reset-jwks.ts
var RESTART = "`docker compose --profile deploy restart backend` (or restart the backend service on your platform)";
function resetJwksKind(log) {
  return {
    kind: "reset-jwks",
    label: "Reset signing keys",
    validateParams: (p) => Object.keys(p).length ? "reset-jwks takes no parameters" : null,
    manual: () => `run \`DELETE FROM jwkss;\` against the ctx| database (e.g. \`psql "$DATABASE_URL" -c 'DELETE FROM jwkss;'\`), then restart the backend: ${RESTART}`,
    guarded: {
      kind: "reset-jwks",
      title: (_p, env) => `Delete the signing keys (jwkss) on ${env.name}`,
      async precheck(_p, env) {
        return env.ctx.DATABASE_URL ? null : `DATABASE_URL is not set for ${env.name}`;
      },
      async preview(_p, env, signal) {
        const where = describeTarget(env.ctx.DATABASE_URL ?? "");
        const secrets = secretSetFor(env.ctx);
        const { keys, evidence } = await withCtxDb(env, log, signal, async (c) => {
          try {
            const { rows } = await c.query(
              "SELECT count(*)::text AS n, max(created_at) AS newest FROM jwkss"
            );
            const evidence2 = secrets && !("error" in secrets) ? await readSigningKeys(c, secrets) : null;
            return { keys: rows[0], evidence: evidence2 };
          } catch (err) {
            if (pgCode(err) === "42P01") return { keys: null, evidence: null };
            throw err;
          }
        });
        const opens = evidence?.kind === "read" && evidence.latest.result === "opens";
        return [
          keys ? `Runs \`DELETE FROM jwkss;\` on ${where}: ${keys.n} key pair(s)${keys.newest ? `, newest created ${keys.newest.toISOString()}` : ""}` : `Table jwkss does not exist on ${where}: there is nothing to delete`,
          ...evidence ? [
            `Evidence: ${keysWords(evidence)}${opens ? ". The keys open with the AUTH_SECRET this environment has, so deleting them is not what repairs sign-in: if the backend fails to decrypt them, it runs with another value; give it this one back instead" : ""}`
          ] : [],
          "Everyone is signed out; sessions and tokens signed with these keys stop working",
          "Do this only when AUTH_SECRET changed on purpose; if it changed by accident, put the old value back and restart instead",
          `Afterwards restart the backend so it creates new keys: ${RESTART}`
        ];
      },
      async run(ctx) {
        try {
          const deleted = await withCtxDb(
            ctx.env,
            ctx.log,
            ctx.signal,
            async (c) => (await c.query("DELETE FROM jwkss")).rowCount ?? 0
          );
          return {
            ok: true,
            summary: `Deleted ${deleted} signing key pair(s) from jwkss on ${ctx.env.name}. Now restart the backend: ${RESTART}; people sign in again`,
            details: [`DELETE FROM jwkss \u2192 ${deleted} row(s)`]
          };
        } catch (err) {
          if (pgCode(err) === "42P01")
            return { ok: false, summary: `Table jwkss does not exist on ${ctx.env.name}: nothing was deleted` };
          return { ok: false, summary: `DELETE FROM jwkss failed on ${ctx.env.name}: ${err.message}` };
        }
      }
    }
  };
}

// src/incidents/runbooks/loader.ts
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

// src/incidents/runbooks/conditions.ts
var REGEX_FORM = /^\/(.+)\/([a-z]*)$/s;
function parsePattern(source) {
  const m = REGEX_FORM.exec(source);
  if (!m) return { pattern: { kind: "substring", text: source.toLowerCase() } };
  const [, body, flags] = m;
  if (!/^[imsu]*$/.test(flags)) return { error: `regular expression flags may be i, m, s and u (got "${flags}")` };
  try {
    return { pattern: { kind: "regex", re: new RegExp(body, flags) } };
  } catch (err) {
    return { error: `is not a valid regular expression: ${err.message}` };
  }
}
function matches(pattern2, line) {
  return pattern2.kind === "substring" ? line.toLowerCase().includes(pattern2.text) : pattern2.re.test(line);
}
function lineStatus(line) {
  const mark = line.trimStart()[0];
  if (mark === MARK.ok) return "ok";
  if (mark === MARK.warn) return "warn";
  if (mark === MARK.fail) return "fail";
  return "info";
}
function evaluateCondition(result, pattern2) {
  if (result.status === "skip") return { status: "skip", lines: result.details.filter((l) => matches(pattern2, l)) };
  const lines = result.details.filter((l) => matches(pattern2, l));
  if (!lines.length) {
    return matches(pattern2, result.summary) ? { status: result.status, lines: [] } : { status: "unseen", lines: [] };
  }
  const verdicts = lines.map(lineStatus).filter((s) => s !== "info");
  return { status: verdicts.length ? worst(...verdicts) : "info", lines };
}

// src/incidents/runbooks/steps/action.ts
var actionRefSchema = preprocess(
  (v) => typeof v === "string" ? { kind: v } : v,
  object({
    kind: string().min(1),
    /** Fixed parameters; without them the kind offers its own targets (e.g. the repositories that failed). */
    params: record(string(), union([string(), number(), boolean()])).optional(),
    /** Button text; defaults to the kind's. */
    label: string().trim().min(1).max(40).optional()
  }).strict()
);
var actionShape = { action: actionRefSchema.optional() };
function validateActionRef(ref, ctx, at) {
  const kind = ctx.actionKinds.get(ref.kind);
  if (!kind)
    return [
      {
        path: [...at, "kind"],
        message: `names unknown action "${ref.kind}" (known: ${[...ctx.actionKinds.keys()].join(", ")})`,
        missing: true
      }
    ];
  const problem = ref.params && kind.validateParams?.(ref.params);
  return problem ? [{ path: [...at, "params"], message: problem }] : [];
}

// src/incidents/runbooks/steps/check.ts
var checkRefSchema = preprocess(
  (v) => typeof v === "string" ? { id: v } : v,
  object({
    id: string().min(1),
    match: string().min(1).optional()
  }).strict()
);
var checkShape = { check: checkRefSchema.optional() };
function validateCheckRef(ref, ctx, at) {
  const out = [];
  if (!ctx.checkIds.has(ref.id)) {
    out.push({
      path: [...at, "id"],
      message: `names unknown check "${ref.id}" (known: ${[...ctx.checkIds].join(", ")})`,
      missing: true
    });
  }
  if (ref.match !== void 0) {
    const p = parsePattern(ref.match);
    if ("error" in p) out.push({ path: [...at, "match"], message: p.error });
  }
  return out;
}
async function evaluateStepCheck(diagnostics, env, ref, opts = {}) {
  if (!diagnostics.checks.some((c) => c.id === ref.id)) return null;
  const report = await diagnostics.run(env, {
    only: [ref.id],
    ...opts.maxAgeMs !== void 0 ? { maxAgeMs: opts.maxAgeMs } : {}
  });
  const result = report.checks.find((c) => c.id === ref.id);
  if (!result) return null;
  if (!ref.match) return { ref, result, status: result.status, checkedAt: report.checkedAt, report };
  const parsed = parsePattern(ref.match);
  if ("error" in parsed) return { ref, result, status: result.status, checkedAt: report.checkedAt, report };
  const condition = evaluateCondition(result, parsed.pattern);
  return { ref, result, condition, status: condition.status, checkedAt: report.checkedAt, report };
}

// src/incidents/runbooks/steps/logs.ts
var evidenceSchema = object({
  component: componentName,
  signal: string().regex(/^[a-z][a-z0-9-]{0,39}$/).optional(),
  window: string().refine((w) => {
    const ms = parseDuration(w);
    return ms !== void 0 && ms <= 7 * 864e5;
  }, "is a duration up to 7d (15m, 2h)").optional()
}).strict();
var entry = union([componentName, evidenceSchema]);
var toList = (v) => v === void 0 || Array.isArray(v) ? v : [v];
var logsShape = {
  logs: preprocess(toList, array(entry).min(1).max(5)).optional()
};
function logComponents(logs) {
  return (logs ?? []).map((l) => typeof l === "string" ? l : l.component);
}
function evidenceRefs(logs) {
  return (logs ?? []).filter((l) => typeof l !== "string");
}
function validateLogsRefs(logs, ctx, at) {
  if (!ctx.hasSignal) return [];
  const out = [];
  (logs ?? []).forEach((l, i) => {
    if (typeof l === "string" || !l.signal) return;
    if (!ctx.hasSignal?.(l.component, l.signal))
      out.push({
        path: [...at, i, "signal"],
        message: `names unknown signal "${l.signal}" of ${l.component} (signals/logs.yml or logs.signalsFile)`,
        missing: true
      });
  });
  return out;
}

// src/incidents/runbooks/steps/link.ts
var linkShape = {
  link: object({
    text: string().trim().min(1).max(75),
    url: string().refine((u) => /^https?:\/\//i.test(u), { message: "must start with http:// or https://" })
  }).strict().optional()
};
function fillTemplate(template, vars) {
  const values = {
    env: vars.env,
    component: vars.component ?? "",
    since: vars.since.toISOString(),
    sinceMs: String(vars.since.getTime())
  };
  return template.replace(/\{(env|component|since|sinceMs)\}/g, (_, k) => encodeURIComponent(values[k] ?? ""));
}
function stepLinks(step, logLinks, vars) {
  const out = [];
  const minutes = Math.max(1, Math.ceil((vars.now.getTime() - vars.since.getTime()) / 6e4));
  for (const component of logComponents(step.logs)) {
    const template = logLinks[component] ?? logLinks.default;
    if (template) out.push({ text: `${component} logs`, url: fillTemplate(template, { ...vars, component }) });
    else out.push({ text: `${component} logs`, hint: `docker compose logs --since ${minutes}m ${component}` });
  }
  if (step.link) out.push({ text: step.link.text, url: fillTemplate(step.link.url, vars) });
  return out;
}

// src/incidents/runbooks/steps/manual.ts
var manualShape = {
  /** The instruction, one line, imperative ("Confirm AUTH_BASE_URL matches the browser origin"). */
  text: string().trim().min(1).max(300),
  /** How to do it: commands, where to look (Slack mrkdwn; `{env}` is filled in). */
  help: string().trim().min(1).max(2500).optional(),
  /** The point of the upstream operations guide (or another source) this step covers. */
  covers: string().trim().min(1).max(300).optional()
};
function fillText(text, vars) {
  return text.replace(/\{env\}/g, vars.env).replace(/\{AUTH_BASE_URL\}/g, (m) => vars.baseUrl ?? m);
}

// src/incidents/runbooks/schema.ts
var RESERVED_IDS = ["list", "next", "skip", "note", "status", "help", "close", "start"];
var stepSchema = object({ ...manualShape, ...checkShape, ...linkShape, ...logsShape, ...actionShape }).strict();
var whenSchema = preprocess(
  (v) => typeof v === "string" ? { check: v } : v,
  object({
    check: string().min(1),
    match: string().min(1).optional(),
    status: _enum(["fail", "warn"]).default("fail")
  }).strict()
);
var runbookFileSchema = object({
  id: string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "ids are lower-case letters, digits and -, 2 to 63 characters").refine((id) => !RESERVED_IDS.includes(id), {
    message: `is a command word (${RESERVED_IDS.join(", ")}) and cannot be a runbook id`
  }),
  title: string().trim().min(1).max(150),
  summary: string().trim().min(1).max(1e3).optional(),
  /** The upstream source this runbook follows (a guide and section), shown in the docs. */
  source: string().trim().min(1).max(300).optional(),
  when: array(whenSchema).default([]),
  steps: array(stepSchema).min(1).max(40)
}).strict();
function crossCheck(rb, ctx) {
  const out = [];
  rb.when.forEach((w, i) => {
    out.push(...validateCheckRef({ id: w.check, match: w.match }, ctx, ["when", i]).map(renameIdToCheck));
  });
  rb.steps.forEach((s, i) => {
    if (s.check) out.push(...validateCheckRef(s.check, ctx, ["steps", i, "check"]));
    if (s.action) out.push(...validateActionRef(s.action, ctx, ["steps", i, "action"]));
    if (s.logs) out.push(...validateLogsRefs(s.logs, ctx, ["steps", i, "logs"]));
  });
  return out;
}
function renameIdToCheck(p) {
  const last = p.path[p.path.length - 1];
  return last === "id" ? { ...p, path: [...p.path.slice(0, -1), "check"] } : p;
}

// src/incidents/runbooks/loader.ts
var SHIPPED_DIR = packagePath("runbooks");
var YAML_FILE = /\.ya?ml$/i;
function loadRunbooks(opts) {
  const problems = [];
  const warnings = [];
  const runbooks = [];
  const seen = /* @__PURE__ */ new Map();
  const shippedDir = opts.shippedDir ?? SHIPPED_DIR;
  const disabled = new Set(opts.disable ?? []);
  const shippedIds = /* @__PURE__ */ new Set();
  const readFolder = (dir, label, shipped) => {
    for (const name of readdirSync(dir).filter((f) => YAML_FILE.test(f)).sort()) {
      const path = join(dir, name);
      if (!statSync(path).isFile()) continue;
      const rb = readRunbookFile(readFileSync(path, "utf8"), label(name), shipped, opts, problems, warnings);
      if (!rb) continue;
      if (shipped) shippedIds.add(rb.runbook.id);
      if (shipped && disabled.has(rb.runbook.id)) continue;
      const first = seen.get(rb.runbook.id);
      if (first) {
        problems.push({
          source: rb.idLine(),
          key: "id",
          message: `duplicate runbook id "${rb.runbook.id}" (already defined in ${first.line()})`
        });
        continue;
      }
      seen.set(rb.runbook.id, { file: rb.runbook.file, line: rb.idLine });
      runbooks.push(rb.runbook);
    }
  };
  if (existsSync(shippedDir)) readFolder(shippedDir, (f) => `runbooks/${f}`, true);
  (opts.disable ?? []).forEach((id, i) => {
    if (!shippedIds.has(id)) {
      problems.push({
        source: "ctx-ops.yml",
        key: `runbooks.disable[${i}]`,
        message: `names no shipped runbook "${id}"`
      });
    }
  });
  opts.dirs.forEach((dir, i) => {
    const abs = resolve(opts.baseDir, dir);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) {
      problems.push({ source: "ctx-ops.yml", key: `runbooks.dirs[${i}]`, message: `folder not found: ${abs}` });
      return;
    }
    readFolder(abs, (f) => relativeLabel(opts.baseDir, join(abs, f), dir, f), false);
  });
  return { runbooks, problems, warnings };
}
function relativeLabel(baseDir, abs, dir, file) {
  const rel = relative(baseDir, abs);
  return rel.startsWith("..") ? join(dir, file) : rel;
}
function readRunbookFile(text, label, shipped, ctx, problems, warnings) {
  const src = readYaml(text, label);
  if (src.problems.length) {
    problems.push(...src.problems);
    return null;
  }
  const parsed = runbookFileSchema.safeParse(src.value ?? {}, PARSE_ONCE);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, label, src.locate));
    return null;
  }
  const rb = parsed.data;
  const unavailable = /* @__PURE__ */ new Set();
  const steps = rb.steps.map((s) => ({ ...s }));
  let broken = false;
  for (const p of crossCheck(rb, ctx)) {
    if (shipped && p.missing) {
      warnings.push(`${src.locate(p.path)}: ${pathToKey(p.path)}: ${p.message}; done by hand instead`);
      const step = p.path[0] === "steps" ? steps[p.path[1]] : void 0;
      if (step?.check && p.path[2] === "check") unavailable.add(step.check.id);
      if (step && p.path[2] === "action") delete step.action;
      continue;
    }
    broken = true;
    problems.push({ source: src.locate(p.path), key: pathToKey(p.path), message: p.message });
  }
  if (broken) return null;
  const when = shipped ? rb.when.filter((w) => ctx.checkIds.has(w.check)) : rb.when;
  return {
    runbook: { ...rb, when, steps, file: label, shipped, unavailable: [...unavailable] },
    // Only a duplicate id needs the line, and finding it parses the document (see readYaml).
    idLine: () => src.locate(["id"])
  };
}

// src/incidents/runbooks/files.ts
function runbookActionKinds(deps) {
  return [resetJwksKind(deps.log), reindexRepositoryKind(deps), ...OPERATIONS_KINDS];
}
function loadConfiguredRunbooks(config, ctx) {
  return loadRunbooks({
    dirs: config.runbooks.dirs,
    disable: config.runbooks.disable,
    baseDir: config.configFile ? dirname(config.configFile) : ".",
    checkIds: ctx.checkIds,
    actionKinds: new Map(ctx.actionKinds.map((k) => [k.kind, k])),
    ...ctx.hasSignal ? { hasSignal: ctx.hasSignal } : {}
  });
}

// src/logs/signals.ts
import { existsSync as existsSync2, readFileSync as readFileSync2 } from "node:fs";
import { dirname as dirname2, resolve as resolve2 } from "node:path";

// src/logs/entry.ts
var LEVELS = ["debug", "info", "warn", "error", "fatal"];
function levelRank(level) {
  return LEVELS.indexOf(level);
}
function maxLevel(a, b) {
  return levelRank(a) >= levelRank(b) ? a : b;
}

// src/logs/signals.ts
var pattern = string().min(1).max(300).refine(
  (p) => {
    try {
      new RegExp(p, "i");
      return true;
    } catch {
      return false;
    }
  },
  { message: "is not a valid regular expression" }
);
var statusSpec = union([
  number().int().min(100).max(599),
  string().regex(/^[1-5]xx$/, "is a status (503) or a class (5xx)")
]);
var matcherSchema = object({
  /** The message, error name/message/cause and the line itself. */
  message: pattern.optional(),
  /** HTTP path of a wide event. */
  path: pattern.optional(),
  status: preprocess((v) => Array.isArray(v) ? v : v === void 0 ? v : [v], array(statusSpec).min(1)).optional(),
  /** The line's level or above. */
  level: _enum(LEVELS).optional(),
  /** evlog step or workflow. */
  step: pattern.optional(),
  /** Only lines that are one attempt of a retried step (`attempt` field). */
  retry: boolean().optional()
}).strict().refine((m) => Object.keys(m).length > 0, { message: "a matcher needs at least one field" });
var signalSchema = object({
  title: string().trim().min(1).max(80),
  /** What the guide says it means, shown in help and the README. */
  about: string().trim().min(1).max(300).optional(),
  any: array(matcherSchema).min(1).max(20)
}).strict();
var nameSchema = string().regex(/^[a-z][a-z0-9-]{0,39}$/, "names are lower-case letters, digits and -");
var signalsFileSchema = record(nameSchema, record(nameSchema, signalSchema));
var SHIPPED_SIGNALS = packagePath("signals", "logs.yml");
function compileMatcher(m) {
  const message = m.message ? new RegExp(m.message, "i") : void 0;
  const path = m.path ? new RegExp(m.path, "i") : void 0;
  const step = m.step ? new RegExp(m.step, "i") : void 0;
  const statuses = m.status;
  const min = m.level ? levelRank(m.level) : void 0;
  return (e) => {
    if (min !== void 0 && levelRank(e.level) < min) return false;
    if (m.retry !== void 0 && e.attempt !== void 0 !== m.retry) return false;
    if (path && !(e.http?.path && path.test(e.http.path))) return false;
    if (step && !(e.step && step.test(e.step))) return false;
    if (statuses) {
      const s = e.http?.status;
      if (s === void 0 || !statuses.some((spec) => statusMatches(spec, s))) return false;
    }
    if (message) {
      const texts = [e.message, e.error?.name, e.error?.message, e.error?.cause, e.raw.slice(0, 4e3)];
      if (!texts.some((t) => t !== void 0 && message.test(t))) return false;
    }
    return true;
  };
}
function statusMatches(spec, status) {
  return typeof spec === "number" ? spec === status : Math.floor(status / 100) === Number(spec[0]);
}
function readSignalsFile(text, label, problems) {
  const src = readYaml(text, label);
  if (src.problems.length) {
    problems.push(...src.problems);
    return null;
  }
  const parsed = signalsFileSchema.safeParse(src.value ?? {}, PARSE_ONCE);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, label, src.locate));
    return null;
  }
  const out = /* @__PURE__ */ new Map();
  for (const [component, signals] of Object.entries(parsed.data)) {
    const byName = /* @__PURE__ */ new Map();
    for (const [name, s] of Object.entries(signals)) {
      const tests = s.any.map(compileMatcher);
      byName.set(name, {
        component,
        name,
        title: s.title,
        about: s.about,
        test: (e) => tests.some((t) => t(e)),
        // A getter: finding a line parses the document, which a shipped file read from the
        // build's prebuilt values (config/prebuilt-yaml.ts) otherwise never needs.
        get source() {
          return src.locate([component, name]);
        }
      });
    }
    out.set(component, byName);
  }
  return out;
}
function loadSignals(opts) {
  const problems = [];
  const shippedPath = opts.shippedFile ?? SHIPPED_SIGNALS;
  const catalog = /* @__PURE__ */ new Map();
  const merge = (m) => {
    for (const [component, signals] of m ?? []) {
      const into = catalog.get(component) ?? /* @__PURE__ */ new Map();
      for (const [name, s] of signals) into.set(name, s);
      catalog.set(component, into);
    }
  };
  if (existsSync2(shippedPath)) merge(readSignalsFile(readFileSync2(shippedPath, "utf8"), "signals/logs.yml", problems));
  if (opts.userFile) {
    if (!existsSync2(opts.userFile))
      problems.push({ source: "ctx-ops.yml", key: "logs.signalsFile", message: `file not found: ${opts.userFile}` });
    else merge(readSignalsFile(readFileSync2(opts.userFile, "utf8"), opts.userFile, problems));
  }
  return { catalog, problems };
}
function signalsOf(entry2, signals) {
  const out = [];
  for (const s of signals?.values() ?? []) if (s.test(entry2)) out.push(s.name);
  return out;
}
function loadConfiguredSignals(config) {
  const file = config.logs.signalsFile;
  const baseDir = config.configFile ? dirname2(config.configFile) : ".";
  return loadSignals({ userFile: file ? resolve2(baseDir, file) : void 0 });
}

export {
  parsePattern,
  matches,
  evaluateStepCheck,
  evidenceRefs,
  stepLinks,
  fillText,
  runbookActionKinds,
  loadConfiguredRunbooks,
  LEVELS,
  levelRank,
  maxLevel,
  signalsOf,
  loadConfiguredSignals,
  describeSources,
  describeEnvironments,
  describeConfig,
  configJson,
  createRedactor
};
