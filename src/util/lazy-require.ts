import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS dependency loaded the first time it is used, not when this module is imported:
 * `ctx-ops help` never pays for pg, undici, ioredis, neo4j-driver or Slack's SDK, and a
 * status loads only the drivers its checks reach. Synchronous, so constructors stay where
 * they are (`new (pgModule().Pool)(…)`); pair it with `import type` for the types.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
