import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  loadCliConfig
} from "./chunk-UDZQIXZD.js";
import {
  EXIT
} from "./chunk-FPWQEBDT.js";
import {
  createBotApp
} from "./chunk-JAXE5IPB.js";
import {
  createRedactor
} from "./chunk-VYYYKJ3T.js";
import {
  ConfigError,
  formatProblems
} from "./chunk-QCF2D5HU.js";
import {
  require_pino
} from "./chunk-CBVNJ6RH.js";
import {
  __toESM
} from "./chunk-55LKJ45A.js";

// src/log/logger.ts
var import_pino = __toESM(require_pino(), 1);
function createLogger({ level, redactor, destination }) {
  return (0, import_pino.pino)(
    {
      level,
      base: { app: "ctx-ops" },
      timestamp: import_pino.pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          "password",
          "token",
          "secret",
          "authorization",
          "*.password",
          "*.token",
          "*.secret",
          "*.authorization",
          "headers.authorization",
          "req.headers.authorization",
          "config.secrets"
        ],
        censor: "[redacted]"
      },
      hooks: { streamWrite: (line) => redactor.scrub(line) },
      serializers: { err: import_pino.pino.stdSerializers.err }
    },
    destination ?? import_pino.pino.destination({ fd: 1, sync: false })
  );
}

// src/app/startup.ts
function boot(env, io) {
  const loaded = loadCliConfig(env, { cwd: io.cwd, stderr: io.stderr, checks: io.app?.checks });
  if ("exitCode" in loaded) return loaded;
  const { config } = loaded;
  const redactor = createRedactor(config.secrets);
  const log = createLogger({ level: config.logLevel, redactor, destination: io.logDestination?.(config) });
  let bot;
  try {
    bot = createBotApp(config, { log, redactor, ...io.app });
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`${formatProblems(err.problems)}
`);
      return { exitCode: EXIT.config };
    }
    throw err;
  }
  return { config, redactor, log, bot };
}

export {
  boot
};
