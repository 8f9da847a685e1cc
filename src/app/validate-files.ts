import pino from 'pino';
import type { ConfigProblem } from '../config/problems.js';
import type { Config } from '../config/types.js';
import { createHttpClient } from '../diagnostics/http-client.js';
import type { Check } from '../diagnostics/types.js';
import { loadConfiguredRunbooks, runbookActionKinds } from '../incidents/runbooks/files.js';
import { loadConfiguredSignals } from '../logs/signals.js';
import { composeChecks } from './checks.js';

/**
 * What the features read and validate at start besides the configuration (the signals
 * file, then the runbooks, which may name signals and checks), read the same way they read
 * it, without building the bot: `ctx-ops config` says whether a start would succeed.
 */
export function validateFeatureFiles(config: Config, checks?: readonly Check[]): ConfigProblem[] {
  const signals = loadConfiguredSignals(config);
  if (signals.problems.length) return signals.problems;
  const runbooks = loadConfiguredRunbooks(config, {
    checkIds: new Set((checks ?? composeChecks(config, () => undefined)).map((c) => c.id)),
    // Only their names and parameter rules are used here: nothing is connected or run.
    actionKinds: runbookActionKinds({ log: pino({ level: 'silent' }), http: createHttpClient() }),
    hasSignal: (component, signal) => signals.catalog.get(component)?.has(signal) ?? false,
  });
  return runbooks.problems;
}
