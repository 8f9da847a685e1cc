import * as z from 'zod';
import { nonNegativeInt, positiveInt } from './common.js';

/**
 * What config needs to know of a check: its id and the options it accepts. Every Check
 * (diagnostics/types.ts) is one; config never imports diagnostics.
 */
export interface CheckOptionsSpec {
  id: string;
  /** Extra keys accepted under `checks.<id>` in ctx-ops.yml, with their defaults. */
  options?: z.ZodRawShape;
}

/**
 * `checks:` is assembled from the check definitions: every check owns the options it
 * accepts, so a new check brings its YAML keys with it and a misspelt one is reported.
 */
export function checksSection(checks: readonly CheckOptionsSpec[]) {
  const perCheck = Object.fromEntries(
    checks.map((c) => [
      c.id,
      z
        .object({ enabled: z.boolean().default(true), timeoutMs: positiveInt.optional(), ...(c.options ?? {}) })
        .strict()
        .prefault({}),
    ]),
  );
  return {
    checks: z
      .object({ timeoutMs: positiveInt.default(5000), cacheMs: nonNegativeInt.default(10000), ...perCheck })
      .strict()
      .prefault({}),
  };
}

export interface ChecksConfig {
  timeoutMs: number;
  cacheMs: number;
  [id: string]: unknown;
}
