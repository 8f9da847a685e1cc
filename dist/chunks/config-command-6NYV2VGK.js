import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  configJson,
  createRedactor,
  describeConfig,
  describeSources,
  loadConfiguredRunbooks,
  loadConfiguredSignals,
  runbookActionKinds
} from "./chunk-VYYYKJ3T.js";
import {
  ConfigError,
  composeChecks,
  configurableChecks,
  createHttpClient,
  formatProblems,
  loadConfig
} from "./chunk-QCF2D5HU.js";
import {
  require_pino
} from "./chunk-CBVNJ6RH.js";
import "./chunk-QSRIQDF5.js";
import {
  __toESM
} from "./chunk-55LKJ45A.js";

// src/app/validate-files.ts
var import_pino = __toESM(require_pino(), 1);
function validateFeatureFiles(config, checks) {
  const signals = loadConfiguredSignals(config);
  if (signals.problems.length) return signals.problems;
  const runbooks = loadConfiguredRunbooks(config, {
    checkIds: new Set((checks ?? composeChecks(config, () => void 0)).map((c) => c.id)),
    // Only their names and parameter rules are used here: nothing is connected or run.
    actionKinds: runbookActionKinds({ log: (0, import_pino.default)({ level: "silent" }), http: createHttpClient() }),
    hasSignal: (component, signal) => signals.catalog.get(component)?.has(signal) ?? false
  });
  return runbooks.problems;
}

// src/app/config-command.ts
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
  const problems = validateFeatureFiles(config, opts.app?.checks);
  if (problems.length) {
    if (opts.json) io.stdout.write(`${redactor.scrub(JSON.stringify(configJson({ config, problems }), null, 2))}
`);
    else {
      io.stdout.write(`${redactor.scrub(describeSources(config.report).join("\n"))}
`);
      io.stderr.write(`${formatProblems(problems)}
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
