import type { FeatureFactory } from '../features.js';
import { createCheckDetailsAction, createCheckHandler, createCheckRerunAction } from '../handlers/check.js';
import { createStatusHandler, createStatusRerunAction, type StatusDeps } from '../handlers/status.js';

/** `/ctx status`, `/ctx check` and their buttons. */
export const statusFeature: FeatureFactory = (core) => {
  const deps: StatusDeps = { config: core.config, diagnostics: core.diagnostics, onReport: (r) => core.publishReport(r) };
  return {
    name: 'status',
    handlers: [createStatusHandler(deps), createCheckHandler(deps)],
    actions: [createStatusRerunAction(deps), createCheckDetailsAction(deps), createCheckRerunAction(deps)],
  };
};
