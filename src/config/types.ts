import type { CtxEnv } from './ctx-env.js';
import type { YamlConfig } from './schema.js';
import type { ChecksConfig } from './sections/checks.js';

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
};

export function findEnvironment(config: Pick<Config, 'environments'>, name: string): Environment | undefined {
  return config.environments.find((e) => e.name === name);
}
