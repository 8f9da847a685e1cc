import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  EXIT
} from "./chunk-FPWQEBDT.js";
import {
  ConfigError,
  configurableChecks,
  formatProblem,
  formatProblems,
  loadConfig
} from "./chunk-QCF2D5HU.js";

// src/app/cli-config.ts
function loadCliConfig(env, io) {
  let config;
  try {
    config = loadConfig({ env, cwd: io.cwd, checks: io.checks ?? configurableChecks });
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`${formatProblems(err.problems, err.report?.warnings)}
`);
      return { exitCode: EXIT.config };
    }
    throw err;
  }
  for (const w of config.report.warnings) io.stderr.write(`ctx-ops: warning: ${formatProblem(w)}
`);
  return { config };
}

export {
  loadCliConfig
};
