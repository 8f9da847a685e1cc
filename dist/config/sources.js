import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { closest } from '../util/tokenize.js';
import { ctxEnvSchema } from './ctx-env.js';
import { parseEnvFile } from './env-file.js';
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
export const BOT_VARIABLES = new Set(Object.keys(botEnvSchema.shape));
/** Bot variables a deployment's file never provides (they mean something else to ctx|). */
export const NOT_FROM_DEPLOYMENT = {
    SLACK_SIGNING_SECRET: "in the deployment's file this name belongs to ctx|'s own Slack app, not to ctx-ops",
    PORT: "in the deployment's file this name belongs to ctx|'s services, not to ctx-ops",
    LOG_LEVEL: "in the deployment's file this name belongs to ctx|'s services, not to ctx-ops",
};
const CTX_VARIABLES = new Set(Object.keys(ctxEnvSchema.shape));
const KNOWN = new Set([...BOT_VARIABLES, ...CTX_VARIABLES]);
/** Variables that hold a path: relative values resolve against the folder of the file that sets them. */
const PATH_VARIABLES = ['CTX_OPS_CONFIG', 'CTX_OPS_ENV_FILE', 'CTX_MIGRATIONS_DIR', 'CTX_OPS_BACKUP_DIR'];
export const PROCESS = 'process environment';
export function displayPath(path, cwd) {
    const rel = relative(cwd, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? `./${rel}` : path;
}
/** Reads an env file; problems (missing, unreadable) and malformed lines are reported, never thrown. */
export function readEnvFile(path, cwd, named, problems, warnings) {
    const display = displayPath(path, cwd);
    let text;
    try {
        if (statSync(path).isDirectory()) {
            problems.push({
                ...named,
                message: `${display} is a directory; name the env file itself (e.g. ${displayPath(resolve(path, '.env'), cwd)})`,
            });
            return undefined;
        }
        text = readFileSync(path, 'utf8');
    }
    catch (err) {
        const code = err.code;
        problems.push({
            ...named,
            message: code === 'ENOENT' ? `file not found: ${display}` : `cannot read ${display} (${code ?? 'error'})`,
        });
        return undefined;
    }
    const parsed = parseEnvFile(text, { knownNames: KNOWN });
    for (const i of parsed.issues)
        warnings.push({ source: `${display}:${i.line}`, key: '', message: i.message });
    // Relative paths inside the file mean "next to this file".
    for (const k of PATH_VARIABLES) {
        const v = parsed.vars[k];
        if (v?.trim() && !isAbsolute(v))
            parsed.vars[k] = resolve(dirname(path), v);
    }
    return { path, display, parsed, real: realOf(path) };
}
export function realOf(path) {
    try {
        return realpathSync(path);
    }
    catch {
        return resolve(path);
    }
}
const LOOKS_LIKE_CTX = /^(COMPOSE_PROJECT_NAME|CTXPIPE_[A-Z0-9_]+|SLACK_CLIENT_ID|SLACK_CLIENT_SECRET|SLACK_REDIRECT_URI)$/;
/**
 * Phase one: `.env` in the working directory and CTX_OPS_ENV_FILE, read once. The YAML
 * file (which CTX_OPS_CONFIG, possibly set in `.env`, names) is read after this.
 */
export function readProcessFiles(env, cwd, problems, warnings) {
    const processVars = definedOnly(env);
    for (const k of PATH_VARIABLES) {
        const v = processVars[k];
        if (v?.trim() && !isAbsolute(v))
            processVars[k] = resolve(cwd, v);
    }
    readSecretFiles(processVars, cwd, problems);
    const dotenvPath = resolve(cwd, '.env');
    let dotenv;
    try {
        if (statSync(dotenvPath).isFile())
            dotenv = readEnvFile(dotenvPath, cwd, { source: PROCESS, key: '.env' }, problems, warnings);
    }
    catch {
        // No .env here: nothing to read.
    }
    const named = nonEmpty(processVars.CTX_OPS_ENV_FILE) ?? nonEmpty(dotenv?.parsed.vars.CTX_OPS_ENV_FILE);
    const namedBy = nonEmpty(processVars.CTX_OPS_ENV_FILE) ? PROCESS : (dotenv?.display ?? PROCESS);
    let deployment;
    if (named) {
        deployment =
            dotenv && realOf(named) === dotenv.real
                ? dotenv
                : readEnvFile(named, cwd, { source: namedBy, key: 'CTX_OPS_ENV_FILE' }, problems, warnings);
    }
    return { processVars, dotenv, deployment };
}
/** Phase two: layers the files into the bot's variables and the process-level ctx| variables. */
export function layerProcess(files, _cwd, environmentFiles) {
    const { processVars, dotenv, deployment } = files;
    const dotenvIsDeployment = dotenv !== undefined &&
        (dotenv === deployment ||
            environmentFiles.has(dotenv.real) ||
            Object.keys(dotenv.parsed.vars).some((k) => LOOKS_LIKE_CTX.test(k)));
    const botVars = {};
    const botSources = {};
    const ctxVars = {};
    const reports = [];
    const labels = [PROCESS];
    // Weakest first, so stronger layers overwrite.
    const layers = [];
    if (deployment && deployment !== dotenv)
        layers.push({ file: deployment, vars: deployment.parsed.vars, asDeployment: true, label: deployment.display });
    if (dotenv)
        layers.push({ file: dotenv, vars: dotenv.parsed.vars, asDeployment: dotenvIsDeployment, label: dotenv.display });
    layers.push({ vars: processVars, asDeployment: false, label: PROCESS });
    for (const layer of layers) {
        const ignored = [];
        for (const [k, v] of Object.entries(layer.vars)) {
            ctxVars[k] = v;
            if (!BOT_VARIABLES.has(k))
                continue;
            if (layer.asDeployment && NOT_FROM_DEPLOYMENT[k]) {
                ignored.push({ name: k, why: NOT_FROM_DEPLOYMENT[k] });
                continue;
            }
            botVars[k] = v;
            if (v.trim() !== '')
                botSources[k] = layer.file ? `${layer.label}:${layer.file.parsed.lines[k]}` : layer.label;
            else
                delete botSources[k];
        }
        if (layer.file) {
            if (!layer.asDeployment) {
                // The bot's own file: a near miss of a known name is most likely a typo.
                for (const k of Object.keys(layer.vars)) {
                    if (KNOWN.has(k))
                        continue;
                    const guess = closest(k, [...KNOWN]);
                    if (guess)
                        ignored.push({ name: k, why: `not a variable ctx-ops reads; did you mean ${guess}?` });
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
    for (const r of reports)
        labels.push(r.display);
    return {
        botVars,
        botSources,
        ctxVars,
        ctxSource: labels.length === 1 ? PROCESS : `${labels.join(', ')} (first wins)`,
        files: reports,
    };
}
const nonEmpty = (v) => (v?.trim() ? v : undefined);
export function definedOnly(vars) {
    const out = {};
    for (const [k, v] of Object.entries(vars))
        if (typeof v === 'string')
            out[k] = v;
    return out;
}
/** Bot variables found in an environment's envFile: that file feeds one environment's ctx| variables only. */
export function botVariablesInEnvironmentFile(vars) {
    return Object.keys(vars)
        .filter((k) => BOT_VARIABLES.has(k) && !NOT_FROM_DEPLOYMENT[k] && vars[k].trim() !== '' && k !== 'CTX_OPS_ENV_FILE')
        .map((name) => ({
        name,
        why: "an environment's envFile gives that environment's ctx| variables only; set the bot's own variables in the process environment, ./.env or CTX_OPS_ENV_FILE",
    }));
}
