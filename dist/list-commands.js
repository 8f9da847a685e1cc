import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  createBotApp
} from "./chunks/chunk-JAXE5IPB.js";
import {
  createRedactor
} from "./chunks/chunk-VYYYKJ3T.js";
import {
  configurableChecks,
  loadConfig
} from "./chunks/chunk-QCF2D5HU.js";
import {
  require_pino
} from "./chunks/chunk-CBVNJ6RH.js";
import {
  mentionVerbs
} from "./chunks/chunk-MCI4FFTB.js";
import "./chunks/chunk-YHMI6ZHD.js";
import "./chunks/chunk-QSRIQDF5.js";
import {
  __toESM
} from "./chunks/chunk-55LKJ45A.js";

// src/list-commands.ts
var import_pino = __toESM(require_pino(), 1);

// src/app/command-list.ts
function commandList(bot2) {
  const entry = (e) => ({ usage: e.usage, summary: e.summary });
  return {
    commands: bot2.router.handlers.map((h) => ({
      usage: h.usage,
      summary: h.summary,
      ...h.hidden ? { hidden: true } : {},
      ...h.subcommands?.length ? { subcommands: h.subcommands.map(entry) } : {}
    })),
    mentions: mentionVerbs(bot2.events).map(entry)
  };
}

// src/list-commands.ts
var config = loadConfig({ env: {}, cwd: process.cwd(), checks: configurableChecks });
var bot = createBotApp(config, {
  log: (0, import_pino.default)({ level: "silent" }),
  redactor: createRedactor(config.secrets),
  store: null
});
process.stdout.write(`${JSON.stringify(commandList(bot))}
`);
await bot.close();
