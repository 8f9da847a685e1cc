import { ConfigError, loadConfig } from '../config/load.js';
import { formatProblem, formatProblems } from '../config/problems.js';
import type { Config } from '../config/types.js';
import type { CheckOptionsSpec } from '../config/sections/checks.js';
import { configurableChecks } from './checks.js';
import { EXIT } from './exit-codes.js';

/**
 * The configuration as every command reads it: parsed once; when invalid, every problem is
 * printed (they name keys and files, never values) and the answer is exit code 2; warnings
 * (a skipped env-file line, a variable found where it is not used) are printed, never fatal.
 */
export function loadCliConfig(
  env: Record<string, string | undefined>,
  io: { cwd: string; stderr: NodeJS.WritableStream; checks?: readonly CheckOptionsSpec[] },
): { config: Config } | { exitCode: number } {
  let config: Config;
  try {
    config = loadConfig({ env, cwd: io.cwd, checks: io.checks ?? configurableChecks });
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`${formatProblems(err.problems, err.report?.warnings)}\n`);
      return { exitCode: EXIT.config };
    }
    throw err;
  }
  for (const w of config.report.warnings) io.stderr.write(`ctx-ops: warning: ${formatProblem(w)}\n`);
  return { config };
}
