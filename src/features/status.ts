import type { FeatureFactory } from '../features.js';
import { createConfigHandler } from '../handlers/config.js';
import { createCheckDetailsAction, createCheckHandler, createCheckRerunAction } from '../handlers/check.js';
import { createStatusHandler, createStatusRerunAction, type StatusDeps } from '../handlers/status.js';

/** `/ctx status`, `/ctx check`, their buttons, and `/ctx config` (what the bot read). */
export const statusFeature: FeatureFactory = (core) => {
  const deps: StatusDeps = { config: core.config, diagnostics: core.diagnostics, onReport: (r) => core.publishReport(r) };
  return {
    name: 'status',
    handlers: [createStatusHandler(deps), createCheckHandler(deps), createConfigHandler({ config: core.config })],
    actions: [createStatusRerunAction(deps), createCheckDetailsAction(deps), createCheckRerunAction(deps)],
  };
};
