import * as z from 'zod';

// The health and metrics listener (issue 13): /healthz, /readyz, /metrics.

export const DEFAULT_HEALTH_PORT = 8081;

export const healthSection = {
  health: z
    .object({
      /** Port of /healthz, /readyz and /metrics in the bot (every transport); 0 turns it off. CTX_OPS_HEALTH_PORT wins. */
      port: z.number().int().min(0).max(65535).default(DEFAULT_HEALTH_PORT),
      /** Address it listens on; CTX_OPS_HEALTH_HOST wins. */
      host: z.string().min(1).default('0.0.0.0'),
    })
    .strict()
    .prefault({}),
};
