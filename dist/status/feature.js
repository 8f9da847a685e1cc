import { createConfigHandler } from './config-command.js';
import { createCheckDetailsAction, createCheckHandler, createCheckRerunAction } from './check-command.js';
import { createStatusHandler, createStatusRerunAction } from './status-command.js';
/** `/ctx status`, `/ctx check`, their buttons, and `/ctx config` (what the bot read). */
export const statusFeature = (core) => {
    const deps = {
        config: core.config,
        diagnostics: core.diagnostics,
        onReport: (r) => core.publishReport(r),
        backups: () => core.services.get('backups'),
        now: () => core.now(),
    };
    return {
        name: 'status',
        handlers: [createStatusHandler(deps), createCheckHandler(deps), createConfigHandler({ config: core.config })],
        actions: [createStatusRerunAction(deps), createCheckDetailsAction(deps), createCheckRerunAction(deps)],
    };
};
