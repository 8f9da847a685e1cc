import type { BotAppOptions } from './app.js';
import { validateFeatureFiles } from './validate-files.js';
import { configJson, describeConfig, describeSources } from '../config/describe.js';
import { loadConfig } from '../config/load.js';
import { formatProblems } from '../config/problems.js';
import { ConfigError } from '../config/load.js';
import type { Config } from '../config/types.js';
import { configurableChecks } from './checks.js';
import { createRedactor } from '../log/redactor.js';

/**
 * `ctx-ops config [--json]`: validates everything a start would (the configuration, then
 * the files features read at build time: signals and runbooks) and shows what was read from
 * where, also when something is wrong. Exit 0 when valid, 2 otherwise. The bot itself is not
 * built: the files are read by the same functions its features call.
 */
export async function runConfigCommand(
  env: Record<string, string | undefined>,
  io: { cwd: string; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
  opts: { json: boolean; app?: Partial<BotAppOptions> },
): Promise<number> {
  const checks = opts.app?.checks ?? configurableChecks;
  let config: Config;
  try {
    config = loadConfig({ env, cwd: io.cwd, checks });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    if (opts.json)
      io.stdout.write(`${JSON.stringify(configJson({ report: err.report, problems: err.problems }), null, 2)}\n`);
    else {
      if (err.report) io.stdout.write(`${describeSources(err.report).join('\n')}\n`);
      io.stderr.write(`${formatProblems(err.problems, err.report?.warnings)}\n`);
    }
    return 2;
  }
  const redactor = createRedactor(config.secrets);
  // What the features would reject at start (signals, runbooks), read as they read it.
  const problems = validateFeatureFiles(config, opts.app?.checks);
  if (problems.length) {
    if (opts.json) io.stdout.write(`${redactor.scrub(JSON.stringify(configJson({ config, problems }), null, 2))}\n`);
    else {
      io.stdout.write(`${redactor.scrub(describeSources(config.report).join('\n'))}\n`);
      io.stderr.write(`${formatProblems(problems)}\n`);
    }
    return 2;
  }
  io.stdout.write(
    `${redactor.scrub(opts.json ? JSON.stringify(configJson({ config }), null, 2) : describeConfig(config).join('\n'))}\n`,
  );
  return 0;
}
