import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { CheckOptionsSpec } from './sections/checks.js';
import { ctxEnvSchema, SECRET_NAME, type CtxEnv } from './ctx-env.js';
import { closest } from '../util/tokenize.js';
import { parseOtelHeaders } from './otel-headers.js';
import { keySuggestions, PARSE_ONCE, zodProblems, type ConfigProblem } from './problems.js';
import { botEnvSchema, buildYamlSchema, type BotEnv, type YamlConfig } from './schema.js';
import {
  botVariablesInEnvironmentFile,
  definedOnly,
  displayPath,
  layerProcess,
  PROCESS,
  readEnvFile,
  readProcessFiles,
  realOf,
  type EnvFileReport,
  type ProcessLayer,
} from './sources.js';
import type { Config, ConfigReport, Environment, SlackConfig } from './types.js';
import { readYaml } from './yaml-source.js';

/** Loading failed: every problem found, and what was read from where as far as loading got. */
export class ConfigError extends Error {
  /** What was read from where, as far as loading got (for `ctx-ops config --json`). */
  readonly report?: ConfigReport;
  constructor(
    readonly problems: ConfigProblem[],
    report?: ConfigReport,
  ) {
    super(`invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'})`);
    this.name = 'ConfigError';
    if (report) this.report = report;
  }
}

export interface LoadOptions {
  env: Record<string, string | undefined>;
  cwd: string;
  checks: readonly CheckOptionsSpec[];
}

/** Commands use `all` for every environment, so no environment may be called that. */
export const RESERVED_ENVIRONMENT = 'all';

/**
 * Parses everything once: the bot's own variables (process environment, `.env`,
 * CTX_OPS_ENV_FILE), the optional ctx-ops.yml and each environment's ctx| variables.
 * Collects every problem before failing, so a person can fix them all in one go; the
 * report of what was read from where travels with the config or the error.
 */
export function loadConfig({ env, cwd, checks }: LoadOptions): Config {
  const problems: ConfigProblem[] = [];
  const warnings: ConfigProblem[] = [];

  const processFiles = readProcessFiles(env, cwd, problems, warnings);
  // CTX_OPS_CONFIG may be set in `.env` as well as in the process.
  const fromProcess = processFiles.processVars.CTX_OPS_CONFIG?.trim() || undefined;
  const fromDotenv = processFiles.dotenv?.parsed.vars.CTX_OPS_CONFIG?.trim() || undefined;
  const configPath = fromProcess ?? fromDotenv;
  const namedBy =
    fromProcess || !processFiles.dotenv
      ? PROCESS
      : `${processFiles.dotenv.display}:${processFiles.dotenv.parsed.lines.CTX_OPS_CONFIG}`;
  const { yaml, configFile, label, locate, view } = readConfigFile(configPath, namedBy, cwd, checks, problems);
  const baseDir = configFile ? dirname(configFile) : cwd;
  resolveYamlPaths(yaml, baseDir);

  const envFileReals = new Set(
    Object.values(yaml.environments ?? {}).flatMap((e) => (e.envFile ? [realOf(e.envFile)] : [])),
  );
  const layer = layerProcess(processFiles, cwd, envFileReals);

  const botParsed = botEnvSchema.safeParse(layer.botVars, PARSE_ONCE);
  if (!botParsed.success)
    problems.push(
      ...zodProblems(botParsed.error, PROCESS).map((p) => ({ ...p, source: layer.botSources[p.key] ?? PROCESS })),
    );
  const bot: BotEnv = botParsed.success ? botParsed.data : botEnvSchema.parse({});

  const envFiles: EnvFileReport[] = [...layer.files];
  const environments = buildEnvironments(yaml, layer, cwd, label, locate, envFiles, problems, warnings);
  const before = problems.length;
  const slack = resolveSlack(bot, layer, problems);
  const slackDecided = problems.length === before;

  const defaultEnvironment = yaml.defaultEnvironment ?? environmentNames(yaml)[0] ?? 'default';
  crossCheck(view, checks, locate, problems);

  for (const f of envFiles)
    for (const i of f.ignored) warnings.push({ source: f.display, key: i.name, message: `not used: ${i.why}` });

  const report: ConfigReport = {
    configFile,
    configLooked: configFile ?? (configPath ? resolve(cwd, configPath) : resolve(cwd, 'ctx-ops.yml')),
    cwd,
    envFiles,
    slackSources: Object.fromEntries(
      ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_API_URL', 'PORT', 'CTX_OPS_MODE'].flatMap(
        (k) => (layer.botSources[k] ? [[k, layer.botSources[k]!]] : []),
      ),
    ),
    warnings,
    ...(slackDecided ? { mode: slack.mode } : {}),
  };
  if (problems.length) throw new ConfigError(byLine(problems), report);

  const storeUrl =
    bot.CTX_OPS_DATABASE_URL ??
    yaml.store.databaseUrl ??
    environments.find((e) => e.name === defaultEnvironment)?.ctx.DATABASE_URL;
  const { environments: _e, defaultEnvironment: _d, store: _s, ...rest } = yaml;
  return {
    ...rest,
    operations: bot.CTX_OPS_BACKUP_DIR
      ? { ...rest.operations, backupDir: resolve(cwd, bot.CTX_OPS_BACKUP_DIR) }
      : rest.operations,
    shutdown: { timeoutSeconds: bot.CTX_OPS_SHUTDOWN_TIMEOUT_SECONDS ?? rest.shutdown.timeoutSeconds },
    slack,
    logLevel: bot.LOG_LEVEL ?? (slack.mode === 'shell' ? 'warn' : 'info'),
    environments,
    defaultEnvironment,
    store: { databaseUrl: storeUrl },
    health: { port: bot.CTX_OPS_HEALTH_PORT ?? yaml.health.port, host: bot.CTX_OPS_HEALTH_HOST ?? yaml.health.host },
    secrets: collectSecrets(env, layer, environments, storeUrl),
    toolEnv: pickToolEnv(env),
    configFile,
    report,
  };
}

type Locate = (path: PropertyKey[]) => string;

function readConfigFile(
  explicit: string | undefined,
  namedBy: string,
  cwd: string,
  checks: readonly CheckOptionsSpec[],
  problems: ConfigProblem[],
) {
  const schema = buildYamlSchema(checks);
  const path = explicit ? resolve(cwd, explicit) : resolve(cwd, 'ctx-ops.yml');
  const label = explicit ? displayPath(path, cwd) : 'ctx-ops.yml';
  const none = (configFile?: string) => ({
    yaml: schema.parse({}) as YamlConfig,
    configFile,
    label,
    locate: (() => label) as Locate,
    view: {} as CrossView,
  });
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    if (explicit) problems.push({ source: namedBy, key: 'CTX_OPS_CONFIG', message: `file not found: ${path}` });
    return none();
  }
  if (isDir) {
    const inside = resolve(path, 'ctx-ops.yml');
    const hint = existsFile(inside)
      ? `; did you mean ${inside}?`
      : '; point it at the YAML file itself (e.g. …/ctx-ops.yml)';
    problems.push({
      source: explicit ? namedBy : path,
      key: explicit ? 'CTX_OPS_CONFIG' : '',
      message: `${path} is a directory, not a ctx-ops.yml file${hint}`,
    });
    return none();
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    problems.push({
      source: explicit ? namedBy : path,
      key: explicit ? 'CTX_OPS_CONFIG' : '',
      message: `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    });
    return none();
  }
  const src = readYaml(text, label);
  if (src.problems.length) {
    problems.push(...src.problems);
    return none(path);
  }
  const value = src.value ?? {};
  const parsed = schema.safeParse(value, PARSE_ONCE);
  if (!parsed.success) {
    const suggested = keySuggestions(parsed.error, schema);
    problems.push(...zodProblems(parsed.error, label, src.locate, suggested));
    // Cross-references are still checked, reading a misspelt top-level key as the one it resembles.
    const view: Record<string, unknown> = isRecord(value) ? { ...value } : {};
    const renamed = new Map<string, string>();
    for (const [key, guess] of suggested) {
      if (key.includes('.') || key.includes('[') || guess in view) continue;
      view[guess] = view[key];
      renamed.set(guess, key);
    }
    const locate: Locate = (p) =>
      src.locate(typeof p[0] === 'string' && renamed.has(p[0]) ? [renamed.get(p[0])!, ...p.slice(1)] : p);
    return { ...none(path), locate, view: view as CrossView };
  }
  return {
    yaml: parsed.data as YamlConfig,
    configFile: path,
    label,
    locate: src.locate,
    view: parsed.data as CrossView,
  };
}

function existsFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Relative paths in ctx-ops.yml mean "next to ctx-ops.yml": resolved once, here. */
function resolveYamlPaths(yaml: YamlConfig, baseDir: string): void {
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(baseDir, p));
  for (const e of Object.values(yaml.environments ?? {})) {
    if (e.envFile) e.envFile = abs(e.envFile);
    if (e.migrationsDir) e.migrationsDir = abs(e.migrationsDir);
    if (e.env?.CTX_MIGRATIONS_DIR) e.env.CTX_MIGRATIONS_DIR = abs(e.env.CTX_MIGRATIONS_DIR);
  }
  const ops = yaml.operations;
  ops.backupDir = abs(ops.backupDir);
  if (ops.migrate.cwd) ops.migrate.cwd = abs(ops.migrate.cwd);
  // A bare tool name is looked up on PATH; a path with a slash is a file next to ctx-ops.yml.
  if (ops.pgDumpPath?.includes('/')) ops.pgDumpPath = abs(ops.pgDumpPath);
  if (ops.pgRestorePath?.includes('/')) ops.pgRestorePath = abs(ops.pgRestorePath);
  yaml.runbooks.dirs = yaml.runbooks.dirs.map(abs);
}

function buildEnvironments(
  yaml: YamlConfig,
  layer: ProcessLayer,
  cwd: string,
  label: string,
  locate: Locate,
  envFiles: EnvFileReport[],
  problems: ConfigProblem[],
  warnings: ConfigProblem[],
): Environment[] {
  const entries = Object.entries(yaml.environments ?? {});
  if (!entries.length) {
    const ctx = parseCtxEnv(layer.ctxVars, layer.ctxSource, '', problems);
    return ctx ? [makeEnvironment('default', ctx, layer.ctxSource, {})] : [];
  }
  const out: Environment[] = [];
  for (const [name, e] of entries) {
    let vars: Record<string, string | undefined>;
    let source: string;
    let read: ReturnType<typeof readEnvFile>;
    if (!e.envFile && !e.env) {
      vars = layer.ctxVars;
      source = layer.ctxSource;
    } else {
      const key = `environments.${name}.envFile`;
      read = e.envFile
        ? readEnvFile(e.envFile, cwd, { source: locate(['environments', name, 'envFile']), key }, problems, warnings)
        : undefined;
      const file = read?.parsed.vars ?? {};
      if (read) {
        envFiles.push({
          path: read.path,
          display: read.display,
          role: 'environment',
          environment: name,
          variables: Object.keys(file).sort(),
          ignored: botVariablesInEnvironmentFile(file),
        });
      }
      vars = { ...file, ...(e.env ?? {}) };
      source =
        [e.env ? `${label} (inline env)` : '', read ? read.display : ''].filter(Boolean).join(', ') +
        (e.env && read ? ' (first wins)' : '');
    }
    // A broken inline value is reported at its line; one from a file, with the file.
    const where = (key: string) =>
      e.env && key in e.env ? locate(['environments', name, 'env', key]) : (read?.display ?? source);
    const ctx = parseCtxEnv(vars, where, `environments.${name}.`, problems);
    if (ctx) out.push(makeEnvironment(name, ctx, source, e));
  }
  return out;
}

function makeEnvironment(
  name: string,
  ctx: CtxEnv,
  source: string,
  e: { production?: boolean; publicUrl?: string; migrationsDir?: string; probeOrg?: string },
): Environment {
  return {
    name,
    production: e.production ?? false,
    publicUrl: e.publicUrl ?? ctx.AUTH_BASE_URL,
    ctx,
    migrationsDir: e.migrationsDir ?? ctx.CTX_MIGRATIONS_DIR,
    probeOrg: e.probeOrg,
    source,
  };
}

function parseCtxEnv(
  vars: Record<string, string | undefined>,
  source: string | ((key: string) => string),
  prefix: string,
  problems: ConfigProblem[],
): CtxEnv | undefined {
  const parsed = ctxEnvSchema.safeParse(vars, PARSE_ONCE);
  if (!parsed.success) {
    const where = typeof source === 'string' ? () => source : source;
    problems.push(
      ...zodProblems(parsed.error, '').map((p) => ({ ...p, source: where(p.key), key: `${prefix}${p.key}` })),
    );
    return undefined;
  }
  return { ...parsed.data, raw: Object.freeze(definedOnly(vars)) };
}

function resolveSlack(bot: BotEnv, layer: ProcessLayer, problems: ConfigProblem[]): SlackConfig {
  const base = {
    botToken: bot.SLACK_BOT_TOKEN,
    appToken: bot.SLACK_APP_TOKEN,
    signingSecret: bot.SLACK_SIGNING_SECRET,
    apiUrl: bot.SLACK_API_URL,
    port: bot.PORT,
  };
  const mode =
    bot.CTX_OPS_MODE ??
    (bot.SLACK_BOT_TOKEN ? (bot.SLACK_APP_TOKEN ? 'socket' : bot.SLACK_SIGNING_SECRET ? 'http' : undefined) : 'shell');
  const from = (key: string) => layer.botSources[key] ?? PROCESS;
  const need = (key: string, why: string, source = PROCESS) => problems.push({ source, key, message: why });
  // The one likely reason a signing secret seems missing: it sits in the deployment's file, where it is ctx|'s.
  const skippedSecret = layer.files.find((f) => f.ignored.some((i) => i.name === 'SLACK_SIGNING_SECRET'));
  const secretNote = skippedSecret
    ? ` (SLACK_SIGNING_SECRET in ${skippedSecret.display} is ctx|'s own Slack app's and is not used)`
    : '';
  if (!mode) {
    need(
      'SLACK_BOT_TOKEN',
      `is set, but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is${secretNote}; set one, or unset SLACK_BOT_TOKEN for the local shell`,
      from('SLACK_BOT_TOKEN'),
    );
    return { mode: 'shell', ...base };
  }
  if (mode === 'socket') {
    if (!bot.SLACK_BOT_TOKEN) need('SLACK_BOT_TOKEN', 'is required for Socket Mode');
    if (!bot.SLACK_APP_TOKEN)
      need('SLACK_APP_TOKEN', 'is required for Socket Mode (an app-level token with connections:write)');
  }
  if (mode === 'http') {
    if (!bot.SLACK_BOT_TOKEN) need('SLACK_BOT_TOKEN', 'is required for HTTP mode');
    if (!bot.SLACK_SIGNING_SECRET)
      need('SLACK_SIGNING_SECRET', `is required for HTTP mode (requests are verified with it)${secretNote}`);
  }
  if (mode === 'shell' && !bot.SLACK_BOT_TOKEN && bot.SLACK_APP_TOKEN) {
    need('SLACK_APP_TOKEN', `is set without SLACK_BOT_TOKEN; set both for Socket Mode`, from('SLACK_APP_TOKEN'));
  }
  return { mode, ...base };
}

/** The parts of ctx-ops.yml that refer to each other, read tolerantly (also from a file the schema rejected). */
interface CrossView {
  environments?: Record<string, unknown>;
  defaultEnvironment?: unknown;
  schedules?: unknown;
  maintenance?: unknown;
  permissions?: unknown;
  logs?: unknown;
}

function environmentNames(view: CrossView): string[] {
  const keys = isRecord(view.environments) ? Object.keys(view.environments) : [];
  return keys.length ? keys : ['default'];
}

/**
 * References between sections, by the names written in ctx-ops.yml (an environment whose
 * variables are broken is still an environment here, so it is not reported twice). Runs
 * even when the schema rejected the file, so one pass reports everything.
 */
function crossCheck(view: CrossView, checks: readonly CheckOptionsSpec[], locate: Locate, problems: ConfigProblem[]) {
  const names = environmentNames(view);
  const envNames = new Set(names);
  const checkIds = checks.map((c) => c.id);
  const known = `known: ${names.join(', ')}`;
  const unknownEnv = (path: PropertyKey[], name: string) => {
    const guess = closest(name, names);
    problems.push({
      source: locate(path),
      key: keyOf(path),
      message: `names no environment \`${name}\` (${known})${guess ? `; did you mean \`${guess}\`?` : ''}`,
    });
  };
  const envList = (path: PropertyKey[], list: unknown) => {
    if (!Array.isArray(list)) return;
    list.forEach((n, j) => typeof n === 'string' && !envNames.has(n) && unknownEnv([...path, j], n));
  };
  if (isRecord(view.environments) && RESERVED_ENVIRONMENT in view.environments) {
    problems.push({
      source: locate(['environments', RESERVED_ENVIRONMENT]),
      key: `environments.${RESERVED_ENVIRONMENT}`,
      message:
        '`all` is reserved: commands use it to mean every environment (`/ctx status all`); give the environment another name',
    });
  }
  if (typeof view.defaultEnvironment === 'string' && !envNames.has(view.defaultEnvironment))
    unknownEnv(['defaultEnvironment'], view.defaultEnvironment);
  if (Array.isArray(view.schedules))
    view.schedules.forEach((s, i) => isRecord(s) && envList(['schedules', i, 'environments'], s.environments));
  if (Array.isArray(view.maintenance)) {
    view.maintenance.forEach((m, i) => {
      if (!isRecord(m)) return;
      envList(['maintenance', i, 'environments'], m.environments);
      if (Array.isArray(m.checks)) {
        m.checks.forEach((c, j) => {
          if (typeof c !== 'string' || checkIds.includes(c)) return;
          const guess = closest(c, checkIds);
          problems.push({
            source: locate(['maintenance', i, 'checks', j]),
            key: `maintenance[${i}].checks`,
            message: `names no check \`${c}\` (known: ${checkIds.join(', ')})${guess ? `; did you mean \`${guess}\`?` : ''}`,
          });
        });
      }
      const from = typeof m.from === 'string' ? Date.parse(m.from) : NaN;
      const to = typeof m.to === 'string' ? Date.parse(m.to) : NaN;
      if (to <= from)
        problems.push({
          source: locate(['maintenance', i, 'to']),
          key: `maintenance[${i}].to`,
          message: `must be after \`from\` (${String(m.from)} → ${String(m.to)})`,
        });
    });
  }
  if (isRecord(view.permissions))
    for (const n of Object.keys(view.permissions)) if (!envNames.has(n)) unknownEnv(['permissions', n], n);
  if (isRecord(view.logs))
    for (const part of ['sources', 'access'] as const) {
      const m = view.logs[part];
      if (isRecord(m)) for (const n of Object.keys(m)) if (!envNames.has(n)) unknownEnv(['logs', part, n], n);
    }
}

/** Problems of one file in the order of its lines (people fix a file top to bottom); sources keep their first-seen order. */
function byLine(problems: ConfigProblem[]): ConfigProblem[] {
  const file = (p: ConfigProblem) => p.source.replace(/:\d+$/, '');
  const line = (p: ConfigProblem) => Number(/:(\d+)$/.exec(p.source)?.[1] ?? 0);
  const order = [...new Set(problems.map(file))];
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => order.indexOf(file(a.p)) - order.indexOf(file(b.p)) || line(a.p) - line(b.p) || a.i - b.i)
    .map((x) => x.p);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `maintenance[0].environments` for a path that ends in the list index. */
const keyOf = (path: PropertyKey[]) =>
  path
    .filter((p, i) => !(typeof p === 'number' && i === path.length - 1))
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');

const TOOL_ENV =
  /^(PATH|HOME|USER|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|DOCKER_HOST|DOCKER_CONTEXT|DOCKER_CONFIG|XDG_RUNTIME_DIR)$/;
function pickToolEnv(env: LoadOptions['env']): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && TOOL_ENV.test(e[0])),
  );
}

/** Every secret value: named secrets, credentials inside URLs, Slack credentials (from every file read). */
function collectSecrets(
  env: LoadOptions['env'],
  layer: ProcessLayer,
  envs: Environment[],
  storeUrl: string | undefined,
): string[] {
  const out = new Set<string>();
  const add = (v: string | undefined) => {
    if (v && v.length >= 4) out.add(v);
  };
  const scan = (vars: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(vars)) {
      if (!v) continue;
      if (SECRET_NAME.test(k)) add(v);
      // "<version>:<secret>,…": each secret is a secret on its own too.
      if (k === 'BETTER_AUTH_SECRETS')
        for (const entry of v.split(',')) add(entry.slice(entry.indexOf(':') + 1).trim());
      // "key=value,…": the telemetry check sends these values to the collector, so each is masked too.
      if (k === 'OTEL_EXPORTER_OTLP_HEADERS') for (const value of Object.values(parseOtelHeaders(v))) add(value);
      for (const cred of urlCredentials(v)) add(cred);
    }
  };
  scan(env);
  scan(layer.ctxVars);
  for (const e of envs) scan(e.ctx.raw);
  for (const cred of urlCredentials(storeUrl ?? '')) add(cred);
  return [...out]; // the redactor orders them (longest first)
}

function urlCredentials(value: string): string[] {
  if (!value.includes('://') || !URL.canParse(value)) return [];
  const u = new URL(value);
  const pw = u.password ? [u.password, decodeURIComponent(u.password)] : [];
  return pw;
}
