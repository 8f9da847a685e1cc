import { z } from 'zod';
import { nonNegativeInt, positiveInt } from './common.js';
/**
 * `checks:` is assembled from the check definitions: every check owns the options it
 * accepts, so a new check brings its YAML keys with it and a misspelt one is reported.
 */
export function checksSection(checks) {
    const perCheck = Object.fromEntries(checks.map((c) => [
        c.id,
        z
            .object({ enabled: z.boolean().default(true), timeoutMs: positiveInt.optional(), ...(c.options ?? {}) })
            .strict()
            .prefault({}),
    ]));
    return {
        checks: z
            .object({ timeoutMs: positiveInt.default(5000), cacheMs: nonNegativeInt.default(10000), ...perCheck })
            .strict()
            .prefault({}),
    };
}
