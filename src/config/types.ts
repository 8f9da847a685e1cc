import type { CtxEnv } from './ctx-env.js';
import type { YamlConfig } from './schema.js';
import type { ChecksConfig } from './sections/checks.js';
import type { ConfigProblem } from './problems.js';
import type { EnvFileReport } from './sources.js';

export type TransportMode = 'socket' | 'http' | 'shell';

/** One ctx| deployment the bot watches. */
export interface Environment {
  name: string;
  production: boolean;
  /** The origin people open in the browser: YAML publicUrl, else AUTH_BASE_URL. */
  publicUrl: string;
  ctx: CtxEnv;
  migrationsDir?: string;
  probeOrg?: string;
  /** Where its variables came from, for humans ("process environment", a file path). */
  source: string;
}

export interface SlackConfig {
  mode: TransportMode;
  botToken?: string;
  appToken?: string;
  signingSecret?: string;
  apiUrl: string;
  port: number;
}

/** What was read from where (names and paths only, never values), for `ctx-ops config` and start-up logs. */
export interface ConfigReport {
  /** The ctx-ops.yml that was read (absolute), if any. */
  configFile?: string;
  /** Where ctx-ops.yml was looked for. */
  configLooked: string;
  /** The working directory paths are shown relative to. */
  cwd: string;
  /** Every env file read, strongest first: `.env`, CTX_OPS_ENV_FILE, then each environment's envFile. */
  envFiles: EnvFileReport[];
  /** Where each of the bot's Slack settings came from ("process environment", "./.env:3"). */
  slackSources: Record<string, string>;
  /** Not fatal, but worth fixing: malformed env-file lines, variables found where they are not used. */
  warnings: ConfigProblem[];
  /** Absent when the Slack settings are contradictory (then a problem says why). */
  mode?: TransportMode;
}

export type Config = Omit<YamlConfig, 'environments' | 'defaultEnvironment' | 'store' | 'checks'> & {
  checks: ChecksConfig;
  slack: SlackConfig;
  logLevel: string;
  environments: Environment[];
  defaultEnvironment: string;
  store: { databaseUrl?: string };
  /** Every secret value found in any source, so the redactor can scrub it anywhere. */
  secrets: string[];
  /**
   * The few process variables a spawned tool (pg_dump, the migrate command) inherits: PATH,
   * HOME, locale, TZ, TMPDIR and Docker's. Nothing else of the bot's environment (Slack
   * tokens) reaches a child process.
   */
  toolEnv?: Readonly<Record<string, string>>;
  configFile?: string;
  report: ConfigReport;
};

export function findEnvironment(config: Pick<Config, 'environments'>, name: string): Environment | undefined {
  return config.environments.find((e) => e.name === name);
}
