import { formatProblem } from './problems.js';
import { displayPath } from './sources.js';
/**
 * What `ctx-ops config` (and `/ctx config`) shows: which files were read, where the Slack
 * settings came from, each environment, and every warning. Names and paths only: no value
 * of any variable is ever part of it.
 */
const TRANSPORT = {
    socket: 'Socket Mode (connects out to Slack)',
    http: 'HTTP (Slack posts to /slack/events)',
    shell: 'local shell (no Slack tokens found)',
};
const ROLE = {
    dotenv: "the bot's own .env",
    deployment: "the deployment's .env",
    environment: "an environment's envFile",
};
function fileLine(f) {
    const what = f.role === 'environment' ? `envFile of ${f.environment}` : ROLE[f.role];
    return `${f.display} (${what}; ${f.variables.length} variable${f.variables.length === 1 ? '' : 's'})`;
}
function transportLine(r) {
    if (!r.mode)
        return 'transport: not decided (see the problems)';
    const names = r.mode === 'socket'
        ? ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN']
        : r.mode === 'http'
            ? ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'PORT']
            : [];
    const from = names.filter((n) => r.slackSources[n]).map((n) => `${n} from ${r.slackSources[n]}`);
    if (r.slackSources.SLACK_API_URL)
        from.push(`SLACK_API_URL from ${r.slackSources.SLACK_API_URL}`);
    const looked = r.mode === 'shell'
        ? ` · looked in: process environment${r.envFiles
            .filter((f) => f.role !== 'environment')
            .map((f) => `, ${f.display}`)
            .join('')}`
        : '';
    return `transport: ${TRANSPORT[r.mode]}${from.length ? ` · ${from.join(', ')}` : ''}${looked}`;
}
/** The part every form shares: files and transport. */
export function describeSources(r) {
    return [
        r.configFile
            ? `ctx-ops.yml: ${displayPath(r.configFile, r.cwd)}`
            : `ctx-ops.yml: none (looked for ${displayPath(r.configLooked, r.cwd)}; every setting has its default)`,
        `env files: ${r.envFiles.length ? r.envFiles.map(fileLine).join(', ') : 'none (no .env here, no CTX_OPS_ENV_FILE, no envFile)'}`,
        transportLine(r),
    ];
}
export function describeWarnings(warnings) {
    return warnings.length ? ['warnings:', ...warnings.map((w) => `  - ${formatProblem(w)}`)] : [];
}
/** One line per environment: where its variables came from and what is missing. */
export function describeEnvironments(config) {
    return config.environments.map((e) => {
        const missing = ['DATABASE_URL', 'AUTH_SECRET'].filter((k) => !e.ctx.raw[k]);
        return `  ${e.name}${e.name === config.defaultEnvironment ? ' (default)' : ''}: ${e.ctx.AUTH_BASE_URL} · variables from ${e.source}${missing.length ? ` · not set: ${missing.join(', ')}` : ''}`;
    });
}
export function describeConfig(config) {
    return [
        'configuration OK',
        ...describeSources(config.report),
        `store: ${config.store.databaseUrl ? 'ctx_ops schema in the configured database' : 'none (no database configured)'}`,
        'environments:',
        ...describeEnvironments(config),
        ...describeWarnings(config.report.warnings),
    ];
}
/** `ctx-ops config --json`: the same facts for scripts, with the problems when there are any. */
export function configJson(input) {
    const r = input.config?.report ?? input.report;
    const c = input.config;
    return {
        ok: !input.problems?.length,
        configFile: r?.configFile ?? null,
        configLooked: r?.configLooked ?? null,
        envFiles: (r?.envFiles ?? []).map((f) => ({
            path: f.path,
            role: f.role,
            ...(f.environment ? { environment: f.environment } : {}),
            variables: f.variables,
            ignored: f.ignored,
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
            notSet: ['DATABASE_URL', 'AUTH_SECRET'].filter((k) => !e.ctx.raw[k]),
        })),
        problems: input.problems ?? [],
        warnings: r?.warnings ?? [],
    };
}
