import { createGuardedEnvHandler, type GuardedCommandDeps } from '../guarded-command.js';
import type { Handler } from '../../contracts/chat.js';

/** `/ctx restore-test [env]`: restores the newest verified backup into a scratch database after a confirmation. */
export function createRestoreTestHandler(deps: GuardedCommandDeps): Handler {
  return createGuardedEnvHandler(
    {
      name: 'restore-test',
      kind: 'restore-test',
      summary: 'Restore the newest verified backup into a scratch database and compare row counts with live',
    },
    deps,
  );
}
