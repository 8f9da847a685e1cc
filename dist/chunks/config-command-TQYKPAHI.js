import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  configJson,
  createBotApp,
  createRedactor,
  describeConfig,
  describeSources
} from "./chunk-T2CU2XJE.js";
import {
  ConfigError,
  configurableChecks,
  formatProblems,
  loadConfig
} from "./chunk-6MMCNGPV.js";
import {
  require_pino
} from "./chunk-CBVNJ6RH.js";
import "./chunk-WROWKKMA.js";
import "./chunk-YHMI6ZHD.js";
import {
  __toESM
} from "./chunk-55LKJ45A.js";

// src/app/config-command.ts
var import_pino = __toESM(require_pino(), 1);
async function runConfigCommand(env, io, opts) {
  const checks = opts.app?.checks ?? configurableChecks;
  let config;
  try {
    config = loadConfig({ env, cwd: io.cwd, checks });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    if (opts.json)
      io.stdout.write(`${JSON.stringify(configJson({ report: err.report, problems: err.problems }), null, 2)}
`);
    else {
      if (err.report) io.stdout.write(`${describeSources(err.report).join("\n")}
`);
      io.stderr.write(`${formatProblems(err.problems, err.report?.warnings)}
`);
    }
    return 2;
  }
  const redactor = createRedactor(config.secrets);
  try {
    const bot = createBotApp(config, { log: (0, import_pino.default)({ level: "silent" }), redactor, store: null, ...opts.app });
    await bot.close();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    if (opts.json)
      io.stdout.write(`${redactor.scrub(JSON.stringify(configJson({ config, problems: err.problems }), null, 2))}
`);
    else {
      io.stdout.write(`${redactor.scrub(describeSources(config.report).join("\n"))}
`);
      io.stderr.write(`${formatProblems(err.problems)}
`);
    }
    return 2;
  }
  io.stdout.write(
    `${redactor.scrub(opts.json ? JSON.stringify(configJson({ config }), null, 2) : describeConfig(config).join("\n"))}
`
  );
  return 0;
}
export {
  runConfigCommand
};
