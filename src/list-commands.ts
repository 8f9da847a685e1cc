import pino from 'pino';
import { createBotApp } from './app/app.js';
import { commandList } from './app/command-list.js';
import { loadConfig } from './config/load.js';
import { configurableChecks } from './app/checks.js';
import { createRedactor } from './log/redactor.js';

/**
 * Run by `npm run build` (scripts/dist.mjs) on the freshly built bundle: prints, as JSON, every
 * command and mention verb the built bot registers, which the build saves as dist/commands.json
 * for `ctx-ops help` (src/app/help-from-list.ts). Commands do not depend on the configuration,
 * so an empty one (run in an empty folder) lists them all.
 */
const config = loadConfig({ env: {}, cwd: process.cwd(), checks: configurableChecks });
const bot = createBotApp(config, {
  log: pino({ level: 'silent' }),
  redactor: createRedactor(config.secrets),
  store: null,
});
process.stdout.write(`${JSON.stringify(commandList(bot))}\n`);
await bot.close();
