import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { closest } from '../util/tokenize.js';
import { ctxEnvSchema } from './ctx-env.js';
import { parseEnvFile, type ParsedEnvFile } from './env-file.js';
import type { ConfigProblem } from './problems.js';
import { readSecretFiles } from './secret-files.js';
import { botEnvSchema } from './schema.js';

/**
 * Where the process-level variables come from, strongest first:
 *
 *   1. the process environment;
 *   2. `.env` in the working directory (the bot's own file, as with any Node app);
 *   3. the file CTX_OPS_ENV_FILE names (the ctx| deployment's `.env`).
 *
 * A deployment's file is ctx|'s, not the bot's: ctx| uses SLACK_SIGNING_SECRET for its own
 * Slack app, and PORT / LOG_LEVEL are names its services may use. From such a file the bot
 * takes only names ctx| never uses (SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_API_URL,
 * CTX_OPS_*) besides ctx|'s own variables. `.env` in the working directory counts as the
 * deployment's file when it is the same file CTX_OPS_ENV_FILE or an environment's envFile
 * names, or when it is recognisably ctx|'s (COMPOSE_PROJECT_NAME, CTXPIPE_*, ctx|'s
 * SLACK_CLIENT_* settings): the bot was started in the deployment's folder.
 */
export const BOT_VARIABLES: ReadonlySet<string> = new Set(Object.keys(botEnvSchema.shape));
/** Bot variables a deployment's file never provides (they mean something else to ctx|). */
export const NOT_FROM_DEPLOYMENT: Readonly<Record<string, string>> = {
  SLACK_SIGNING_SECRET: "in the deployment's file this name belongs to ctx|'s own Slack app, not to ctx-ops",
  PORT: "in the deployment's file this name belongs to ctx|'s services, not to ctx-ops",
  LOG_LEVEL: "in the deployment's file this name belongs to ctx|'s services, not to ctx-ops",
};
const CTX_VARIABLES: ReadonlySet<string> = new Set(Object.keys(ctxEnvSchema.shape));
const KNOWN = new Set([...BOT_VARIABLES, ...CTX_VARIABLES]);
/** Variables that hold a path: relative values resolve against the folder of the file that sets them. */
const PATH_VARIABLES = ['CTX_OPS_CONFIG', 'CTX_OPS_ENV_FILE', 'CTX_MIGRATIONS_DIR', 'CTX_OPS_BACKUP_DIR'];

export type EnvFileRole = 'dotenv' | 'deployment' | 'environment';

/** What one env file gave, by name only (values never leave this module in a report). */
export interface EnvFileReport {
  path: string;
  /** The path as people should read it: relative to the working directory when inside it. */
  display: string;
  role: EnvFileRole;
  /** The environment whose envFile it is (role `environment`). */
  environment?: string;
  /** Every variable it sets. */
  variables: string[];
  /** Variables it sets that were not used, and why. */
  ignored: Array<{ name: string; why: string }>;
}

export interface ProcessLayer {
  /** The bot's own variables, from every layer (strongest wins). */
  botVars: Record<string, string | undefined>;
  /** Where each bot variable that is set came from (a display path or "process environment"). */
  botSources: Record<string, string>;
  /** Every variable of every layer: ctx| variables for environments read from the process. */
  ctxVars: Record<string, string>;
  /** Human label of the layers, strongest first. */
  ctxSource: string;
  files: EnvFileReport[];
}

export const PROCESS = 'process environment';

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? `./${rel}` : path;
}

interface ReadFile {
  path: string;
  display: string;
  parsed: ParsedEnvFile;
  real: string;
}

/** Reads an env file; problems (missing, unreadable) and malformed lines are reported, never thrown. */
export function readEnvFile(
  path: string,
  cwd: string,
  named: { source: string; key: string },
  problems: ConfigProblem[],
  warnings: ConfigProblem[],
): ReadFile | undefined {
  const display = displayPath(path, cwd);
  let text: string;
  try {
    if (statSync(path).isDirectory()) {
      problems.push({
        ...named,
        message: `${display} is a directory; name the env file itself (e.g. ${displayPath(resolve(path, '.env'), cwd)})`,
      });
      return undefined;
    }
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    problems.push({
      ...named,
      message: code === 'ENOENT' ? `file not found: ${display}` : `cannot read ${display} (${code ?? 'error'})`,
    });
    return undefined;
  }
  const parsed = parseEnvFile(text, { knownNames: KNOWN });
  for (const i of parsed.issues) warnings.push({ source: `${display}:${i.line}`, key: '', message: i.message });
  // Relative paths inside the file mean "next to this file".
  for (const k of PATH_VARIABLES) {
    const v = parsed.vars[k];
    if (v?.trim() && !isAbsolute(v)) parsed.vars[k] = resolve(dirname(path), v);
  }
  return { path, display, parsed, real: realOf(path) };
}

export function realOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

const LOOKS_LIKE_CTX =
  /^(COMPOSE_PROJECT_NAME|CTXPIPE_[A-Z0-9_]+|SLACK_CLIENT_ID|SLACK_CLIENT_SECRET|SLACK_REDIRECT_URI)$/;

/**
 * Phase one: `.env` in the working directory and CTX_OPS_ENV_FILE, read once. The YAML
 * file (which CTX_OPS_CONFIG, possibly set in `.env`, names) is read after this.
 */
export function readProcessFiles(
  env: Record<string, string | undefined>,
  cwd: string,
  problems: ConfigProblem[],
  warnings: ConfigProblem[],
) {
  const processVars = definedOnly(env);
  for (const k of PATH_VARIABLES) {
    const v = processVars[k];
    if (v?.trim() && !isAbsolute(v)) processVars[k] = resolve(cwd, v);
  }
  readSecretFiles(processVars, cwd, problems);
  const dotenvPath = resolve(cwd, '.env');
  let dotenv: ReadFile | undefined;
  try {
    if (statSync(dotenvPath).isFile())
      dotenv = readEnvFile(dotenvPath, cwd, { source: PROCESS, key: '.env' }, problems, warnings);
  } catch {
    // No .env here: nothing to read.
  }
  const named = nonEmpty(processVars.CTX_OPS_ENV_FILE) ?? nonEmpty(dotenv?.parsed.vars.CTX_OPS_ENV_FILE);
  const namedBy = nonEmpty(processVars.CTX_OPS_ENV_FILE) ? PROCESS : (dotenv?.display ?? PROCESS);
  let deployment: ReadFile | undefined;
  if (named) {
    deployment =
      dotenv && realOf(named) === dotenv.real
        ? dotenv
        : readEnvFile(named, cwd, { source: namedBy, key: 'CTX_OPS_ENV_FILE' }, problems, warnings);
  }
  return { processVars, dotenv, deployment };
}

/** Phase two: layers the files into the bot's variables and the process-level ctx| variables. */
export function layerProcess(
  files: ReturnType<typeof readProcessFiles>,
  _cwd: string,
  environmentFiles: ReadonlySet<string>,
): ProcessLayer {
  const { processVars, dotenv, deployment } = files;
  const dotenvIsDeployment =
    dotenv !== undefined &&
    (dotenv === deployment ||
      environmentFiles.has(dotenv.real) ||
      Object.keys(dotenv.parsed.vars).some((k) => LOOKS_LIKE_CTX.test(k)));

  const botVars: Record<string, string | undefined> = {};
  const botSources: Record<string, string> = {};
  const ctxVars: Record<string, string> = {};
  const reports: EnvFileReport[] = [];
  const labels: string[] = [PROCESS];

  // Weakest first, so stronger layers overwrite.
  const layers: Array<{ file?: ReadFile; vars: Record<string, string>; asDeployment: boolean; label: string }> = [];
  if (deployment && deployment !== dotenv)
    layers.push({ file: deployment, vars: deployment.parsed.vars, asDeployment: true, label: deployment.display });
  if (dotenv)
    layers.push({ file: dotenv, vars: dotenv.parsed.vars, asDeployment: dotenvIsDeployment, label: dotenv.display });
  layers.push({ vars: processVars, asDeployment: false, label: PROCESS });

  for (const layer of layers) {
    const ignored: Array<{ name: string; why: string }> = [];
    for (const [k, v] of Object.entries(layer.vars)) {
      ctxVars[k] = v;
      if (!BOT_VARIABLES.has(k)) continue;
      if (layer.asDeployment && NOT_FROM_DEPLOYMENT[k]) {
        ignored.push({ name: k, why: NOT_FROM_DEPLOYMENT[k]! });
        continue;
      }
      botVars[k] = v;
      if (v.trim() !== '') botSources[k] = layer.file ? `${layer.label}:${layer.file.parsed.lines[k]}` : layer.label;
      else delete botSources[k];
    }
    if (layer.file) {
      if (!layer.asDeployment) {
        // The bot's own file: a near miss of a known name is most likely a typo.
        for (const k of Object.keys(layer.vars)) {
          if (KNOWN.has(k)) continue;
          const guess = closest(k, [...KNOWN]);
          if (guess) ignored.push({ name: k, why: `not a variable ctx-ops reads; did you mean ${guess}?` });
        }
      }
      reports.push({
        path: layer.file.path,
        display: layer.file.display,
        role: layer.asDeployment ? 'deployment' : 'dotenv',
        variables: Object.keys(layer.vars).sort(),
        ignored,
      });
    }
  }
  // Strongest first in reports and labels, as people read precedence.
  reports.reverse();
  for (const r of reports) labels.push(r.display);
  return {
    botVars,
    botSources,
    ctxVars,
    ctxSource: labels.length === 1 ? PROCESS : `${labels.join(', ')} (first wins)`,
    files: reports,
  };
}

const nonEmpty = (v: string | undefined) => (v?.trim() ? v : undefined);

export function definedOnly(vars: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(vars)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Bot variables found in an environment's envFile: that file feeds one environment's ctx| variables only. */
export function botVariablesInEnvironmentFile(vars: Record<string, string>): Array<{ name: string; why: string }> {
  return Object.keys(vars)
    .filter(
      (k) => BOT_VARIABLES.has(k) && !NOT_FROM_DEPLOYMENT[k] && vars[k]!.trim() !== '' && k !== 'CTX_OPS_ENV_FILE',
    )
    .map((name) => ({
      name,
      why: "an environment's envFile gives that environment's ctx| variables only; set the bot's own variables in the process environment, ./.env or CTX_OPS_ENV_FILE",
    }));
}
