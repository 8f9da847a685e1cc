import { dirname } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../../config/types.js';
import type { HttpClient } from '../../diagnostics/http-client.js';
import { OPERATIONS_KINDS, type RunbookActionKind } from './actions/kinds.js';
import { reindexRepositoryKind } from './actions/reindex-repository.js';
import { resetJwksKind } from './actions/reset-jwks.js';
import { loadRunbooks, type LoadResult } from './loader.js';
import type { ValidateContext } from './steps/types.js';

/** Every guarded action a runbook step may offer, in the order runbooks list them. */
export function runbookActionKinds(deps: { log: Logger; http: HttpClient }): RunbookActionKind[] {
  return [resetJwksKind(deps.log), reindexRepositoryKind(deps), ...OPERATIONS_KINDS];
}

/**
 * The runbooks a configuration names (shipped, minus `runbooks.disable`, plus each folder of
 * `runbooks.dirs`), read and validated: the one call the incidents feature makes at start and
 * `ctx-ops config` makes to say whether that start would succeed.
 */
export function loadConfiguredRunbooks(
  config: Pick<Config, 'runbooks' | 'configFile'>,
  ctx: Omit<ValidateContext, 'actionKinds'> & { actionKinds: readonly RunbookActionKind[] },
): LoadResult {
  return loadRunbooks({
    dirs: config.runbooks.dirs,
    disable: config.runbooks.disable,
    baseDir: config.configFile ? dirname(config.configFile) : '.',
    checkIds: ctx.checkIds,
    actionKinds: new Map(ctx.actionKinds.map((k) => [k.kind, k])),
    ...(ctx.hasSignal ? { hasSignal: ctx.hasSignal } : {}),
  });
}
