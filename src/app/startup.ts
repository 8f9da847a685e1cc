import { createBotApp, type BotApp, type BotAppOptions } from './app.js';
import { loadConfig } from '../config/load.js';
import { formatProblem, formatProblems } from '../config/problems.js';
import { ConfigError } from '../config/load.js';
import type { Config } from '../config/types.js';
import { configurableChecks } from './checks.js';
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
  let config: Config;
  try {
    config = loadConfig({ env, cwd: io.cwd, checks: io.app?.checks ?? configurableChecks });
  } catch (err) {
    if (err instanceof ConfigError) {
      // The problems name keys and files, never values, so they are safe to print.
      io.stderr.write(`${formatProblems(err.problems, err.report?.warnings)}\n`);
      return { exitCode: EXIT.config };
    }
    throw err;
  }
  const redactor = createRedactor(config.secrets);
  const log = createLogger({ level: config.logLevel, redactor, destination: io.logDestination?.(config) });
  // Not fatal, never silent: a skipped env-file line, a variable found where it is not used.
  for (const w of config.report.warnings) io.stderr.write(`ctx-ops: warning: ${formatProblem(w)}\n`);
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
