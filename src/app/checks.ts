import type { Config } from '../config/types.js';
import type { LogsInfo } from '../contracts/services.js';
import { allChecks } from '../diagnostics/registry.js';
import type { Check } from '../diagnostics/types.js';
import { createLogsCheck } from '../logs/logs-check.js';

/**
 * Every check whose options `checks.<id>` ctx-ops.yml may hold: the twelve component checks and
 * the optional `logs` check, which lives in the logs slice (it reads through the logs service).
 * The config schema is built from this list before anything runs, so no service is needed.
 */
export const configurableChecks: readonly Check[] = [...allChecks, createLogsCheck(() => undefined)];

/** The checks that run: the logs check only when `checks.logs.enabled` is true. */
export function composeChecks(config: Pick<Config, 'checks'>, logs: () => LogsInfo | undefined): readonly Check[] {
  const wanted = (config.checks.logs as { enabled?: boolean } | undefined)?.enabled === true;
  return wanted ? [...allChecks, createLogsCheck(logs)] : allChecks;
}
