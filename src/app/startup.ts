import { createBotApp, type BotApp, type BotAppOptions } from './app.js';
import { formatProblems } from '../config/problems.js';
import { ConfigError } from '../config/load.js';
import type { Config } from '../config/types.js';
import { loadCliConfig } from './cli-config.js';
import { createLogger, type Logger } from '../log/logger.js';
import { createRedactor, type Redactor } from '../log/redactor.js';
import type { DestinationStream } from 'pino';

import { EXIT } from './exit-codes.js';

export { EXIT };

export interface Booted {
  config: Config;
  redactor: Redactor;
  log: Logger;
  bot: BotApp;
}

/**
 * Parses the configuration once and builds the bot. A bad configuration is printed as a
 * list of every problem (nothing else runs) and answered with exit code 2.
 */
export function boot(
  env: Record<string, string | undefined>,
  io: {
    cwd: string;
    stderr: NodeJS.WritableStream;
    logDestination?: (config: Config) => DestinationStream | undefined;
    app?: Partial<BotAppOptions>;
  },
): Booted | { exitCode: number } {
  const loaded = loadCliConfig(env, { cwd: io.cwd, stderr: io.stderr, checks: io.app?.checks });
  if ('exitCode' in loaded) return loaded;
  const { config } = loaded;
  const redactor = createRedactor(config.secrets);
  const log = createLogger({ level: config.logLevel, redactor, destination: io.logDestination?.(config) });
  let bot: BotApp;
  try {
    bot = createBotApp(config, { log, redactor, ...io.app });
  } catch (err) {
    // A feature may validate files of its own at build time (runbooks): same report, same exit code.
    if (err instanceof ConfigError) {
      io.stderr.write(`${formatProblems(err.problems)}\n`);
      return { exitCode: EXIT.config };
    }
    throw err;
  }
  return { config, redactor, log, bot };
}

export { describeEnvironments } from '../config/describe.js';
