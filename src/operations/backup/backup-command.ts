import { createGuardedEnvHandler, type GuardedCommandDeps } from '../guarded-command.js';
import type { Handler } from '../../contracts/chat.js';

/** `/ctx backup [env]`: the preview with Confirm / Cancel; the backup runs on an authorised confirmation. */
export function createBackupHandler(deps: GuardedCommandDeps): Handler {
  return createGuardedEnvHandler(
    {
      name: 'backup',
      kind: 'backup',
      summary: 'Back up the database (pg_dump, verified by a trial restore) after a confirmation',
    },
    deps,
  );
}
