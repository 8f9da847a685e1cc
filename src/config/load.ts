import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Check } from '../diagnostics/types.js';
import { ctxEnvSchema, SECRET_NAME, type CtxEnv } from './ctx-env.js';
import { parseEnvFile } from './env-file.js';
import { parseOtelHeaders } from './otel-headers.js';
import { ConfigError, zodProblems, type ConfigProblem } from './problems.js';
import { botEnvSchema, buildYamlSchema, type BotEnv, type YamlConfig } from './schema.js';
import type { Config, Environment, SlackConfig } from './types.js';
import { readYaml } from './yaml-source.js';

export interface LoadOptions {
  env: Record<string, string | undefined>;
  cwd: string;
  checks: readonly Check[];
}

/**
 * Parses everything once: the bot's own variables, the optional ctx-ops.yml and each
 * environment's ctx| variables. Collects every problem before failing, so a person can
 * fix them all in one go.
 */
export function loadConfig({ env, cwd, checks }: LoadOptions): Config {
  const problems: ConfigProblem[] = [];

  const botParsed = botEnvSchema.safeParse(env);
  if (!botParsed.success) problems.push(...zodProblems(botParsed.error, 'environment'));
  const bot: BotEnv = botParsed.success ? botParsed.data : botEnvSchema.parse({});

  const { yaml, configFile } = readConfigFile(env, cwd, checks, problems);
  const baseDir = configFile ? dirname(configFile) : cwd;

  const environments = buildEnvironments(yaml, env, bot, baseDir, problems);
  const slack = resolveSlack(bot, problems);

  const defaultEnvironment = yaml.defaultEnvironment ?? environments[0]?.name ?? 'default';
  if (environments.length && !environments.some((e) => e.name === defaultEnvironment)) {
    problems.push({ source: configFile ?? 'ctx-ops.yml', key: 'defaultEnvironment', message: `names no environment (known: ${environments.map((e) => e.name).join(', ')})` });
  }
  crossCheck(yaml, environments, checks, configFile ?? 'ctx-ops.yml', problems);

  if (problems.length) throw new ConfigError(problems);

  const storeUrl = bot.CTX_OPS_DATABASE_URL ?? yaml.store.databaseUrl ?? environments.find((e) => e.name === defaultEnvironment)?.ctx.DATABASE_URL;
  const { environments: _e, defaultEnvironment: _d, store: _s, ...rest } = yaml;
  return {
    ...rest,
    slack,
    logLevel: bot.LOG_LEVEL ?? (slack.mode === 'shell' ? 'warn' : 'info'),
    environments,
    defaultEnvironment,
    store: { databaseUrl: storeUrl },
    secrets: collectSecrets(env, environments, storeUrl),
    toolEnv: pickToolEnv(env),
    configFile,
  };
}

function readConfigFile(env: LoadOptions['env'], cwd: string, checks: readonly Check[], problems: ConfigProblem[]) {
  const schema = buildYamlSchema(checks);
  const explicit = env.CTX_OPS_CONFIG?.trim();
  const path = explicit ? resolve(cwd, explicit) : resolve(cwd, 'ctx-ops.yml');
  if (!existsSync(path)) {
    if (explicit) problems.push({ source: 'environment', key: 'CTX_OPS_CONFIG', message: `file not found: ${path}` });
    return { yaml: schema.parse({}), configFile: undefined };
  }
  const label = explicit ?? 'ctx-ops.yml';
  const src = readYaml(readFileSync(path, 'utf8'), label);
  if (src.problems.length) {
    problems.push(...src.problems);
    return { yaml: schema.parse({}), configFile: path };
  }
  const parsed = schema.safeParse(src.value ?? {});
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, label, src.locate));
    return { yaml: schema.parse({}), configFile: path };
  }
  return { yaml: parsed.data as YamlConfig, configFile: path };
}

function buildEnvironments(yaml: YamlConfig, env: LoadOptions['env'], bot: BotEnv, baseDir: string, problems: ConfigProblem[]): Environment[] {
  const fromProcess = (): { vars: Record<string, string | undefined>; source: string } => {
    if (!bot.CTX_OPS_ENV_FILE) return { vars: env, source: 'process environment' };
    const file = readEnvFile(resolve(baseDir, bot.CTX_OPS_ENV_FILE), 'CTX_OPS_ENV_FILE', 'environment', problems);
    // Like docker compose and dotenv, variables set in the process win over the file.
    return { vars: { ...file, ...definedOnly(env) }, source: `${bot.CTX_OPS_ENV_FILE} + process environment` };
  };

  const entries = Object.entries(yaml.environments ?? {});
  if (!entries.length) {
    const { vars, source } = fromProcess();
    const ctx = parseCtxEnv(vars, source, '', problems);
    return ctx ? [makeEnvironment('default', ctx, source, {})] : [];
  }
  const out: Environment[] = [];
  for (const [name, e] of entries) {
    let vars: Record<string, string | undefined>;
    let source: string;
    if (!e.envFile && !e.env) {
      ({ vars, source } = fromProcess());
    } else {
      const file = e.envFile ? readEnvFile(resolve(baseDir, e.envFile), `environments.${name}.envFile`, 'ctx-ops.yml', problems) : {};
      vars = { ...file, ...(e.env ?? {}) };
      source = e.envFile ?? 'ctx-ops.yml';
    }
    const ctx = parseCtxEnv(vars, source, `environments.${name}.`, problems);
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

function readEnvFile(path: string, key: string, source: string, problems: ConfigProblem[]): Record<string, string> {
  try {
    return parseEnvFile(readFileSync(path, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    problems.push({ source, key, message: code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path} (${code ?? 'error'})` });
    return {};
  }
}

function parseCtxEnv(vars: Record<string, string | undefined>, source: string, prefix: string, problems: ConfigProblem[]): CtxEnv | undefined {
  const parsed = ctxEnvSchema.safeParse(vars);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, source).map((p) => ({ ...p, key: `${prefix}${p.key}` })));
    return undefined;
  }
  return { ...parsed.data, raw: Object.freeze(definedOnly(vars)) };
}

function resolveSlack(bot: BotEnv, problems: ConfigProblem[]): SlackConfig {
  const base = { botToken: bot.SLACK_BOT_TOKEN, appToken: bot.SLACK_APP_TOKEN, signingSecret: bot.SLACK_SIGNING_SECRET, apiUrl: bot.SLACK_API_URL, port: bot.PORT };
  const mode = bot.CTX_OPS_MODE ?? (bot.SLACK_BOT_TOKEN ? (bot.SLACK_APP_TOKEN ? 'socket' : bot.SLACK_SIGNING_SECRET ? 'http' : undefined) : 'shell');
  const need = (key: string, why: string) => problems.push({ source: 'environment', key, message: why });
  if (!mode) {
    need('SLACK_BOT_TOKEN', 'is set, but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is; set one, or unset SLACK_BOT_TOKEN for the local shell');
    return { mode: 'shell', ...base };
  }
  if (mode === 'socket') {
    if (!bot.SLACK_BOT_TOKEN) need('SLACK_BOT_TOKEN', 'is required for Socket Mode');
    if (!bot.SLACK_APP_TOKEN) need('SLACK_APP_TOKEN', 'is required for Socket Mode (an app-level token with connections:write)');
  }
  if (mode === 'http') {
    if (!bot.SLACK_BOT_TOKEN) need('SLACK_BOT_TOKEN', 'is required for HTTP mode');
    if (!bot.SLACK_SIGNING_SECRET) need('SLACK_SIGNING_SECRET', 'is required for HTTP mode (requests are verified with it)');
  }
  if (mode === 'shell' && !bot.SLACK_BOT_TOKEN && bot.SLACK_APP_TOKEN) {
    need('SLACK_APP_TOKEN', 'is set without SLACK_BOT_TOKEN; set both for Socket Mode');
  }
  return { mode, ...base };
}

function crossCheck(yaml: YamlConfig, envs: Environment[], checks: readonly Check[], file: string, problems: ConfigProblem[]) {
  const envNames = new Set(envs.map((e) => e.name));
  const checkIds = new Set(checks.map((c) => c.id));
  const unknownEnv = (key: string, names: string[] | undefined) => {
    for (const n of names ?? []) if (!envNames.has(n)) problems.push({ source: file, key, message: `names unknown environment "${n}" (known: ${[...envNames].join(', ')})` });
  };
  (yaml.schedules ?? []).forEach((s, i) => unknownEnv(`schedules[${i}].environments`, s.environments));
  yaml.maintenance.forEach((m, i) => {
    unknownEnv(`maintenance[${i}].environments`, m.environments);
    for (const c of m.checks ?? []) if (!checkIds.has(c)) problems.push({ source: file, key: `maintenance[${i}].checks`, message: `names unknown check "${c}"` });
    if (Date.parse(m.to) <= Date.parse(m.from)) problems.push({ source: file, key: `maintenance[${i}].to`, message: 'must be after `from`' });
  });
  unknownEnv('permissions', Object.keys(yaml.permissions));
}

function definedOnly(vars: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(vars)) if (typeof v === 'string') out[k] = v;
  return out;
}

const TOOL_ENV = /^(PATH|HOME|USER|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|DOCKER_HOST|DOCKER_CONTEXT|DOCKER_CONFIG|XDG_RUNTIME_DIR)$/;
function pickToolEnv(env: LoadOptions['env']): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && TOOL_ENV.test(e[0])));
}

/** Every secret value: named secrets, credentials inside URLs, Slack credentials. */
function collectSecrets(env: LoadOptions['env'], envs: Environment[], storeUrl: string | undefined): string[] {
  const out = new Set<string>();
  const add = (v: string | undefined) => {
    if (v && v.length >= 4) out.add(v);
  };
  const scan = (vars: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(vars)) {
      if (!v) continue;
      if (SECRET_NAME.test(k)) add(v);
      // "<version>:<secret>,…": each secret is a secret on its own too.
      if (k === 'BETTER_AUTH_SECRETS') for (const entry of v.split(',')) add(entry.slice(entry.indexOf(':') + 1).trim());
      // "key=value,…": the telemetry check sends these values to the collector, so each is masked too.
      if (k === 'OTEL_EXPORTER_OTLP_HEADERS') for (const value of Object.values(parseOtelHeaders(v))) add(value);
      for (const cred of urlCredentials(v)) add(cred);
    }
  };
  scan(env);
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
