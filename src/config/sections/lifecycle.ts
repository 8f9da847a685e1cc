import * as z from 'zod';

/**
 * How the bot stops (SIGTERM, SIGINT): it stops taking commands, lets running work finish
 * or marks it interrupted, and exits within `timeoutSeconds` (CTX_OPS_SHUTDOWN_TIMEOUT_SECONDS
 * wins). Keep it below the platform's grace period (Docker: `stop_grace_period`, 10 s by
 * default; Kubernetes: `terminationGracePeriodSeconds`, 30 s).
 */
export const lifecycleSection = {
  shutdown: z
    .object({ timeoutSeconds: z.number().int().min(1).max(600).default(10) })
    .strict()
    .prefault({}),
};
