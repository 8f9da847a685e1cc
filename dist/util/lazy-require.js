import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const loaders = [];
/**
 * A CommonJS dependency loaded the first time it is used, not when this module is imported:
 * `ctx-ops help` never pays for pg, undici, ioredis, neo4j-driver or Slack's SDK, and a
 * status loads only the drivers its checks reach. Synchronous, so constructors stay where
 * they are (`new (pgModule().Pool)(…)`); pair it with `import type` for the types.
 */
export function lazyRequire(id) {
    let loaded;
    const load = () => (loaded ??= require(id));
    loaders.push(load);
    return load;
}
/**
 * The long-running bot loads every lazy dependency once it is up, so the first slash
 * command after a start does not wait while a driver is read from disk (a burst of 300
 * commands would otherwise be acked only after the first loaded undici and pg).
 */
export function preloadLazy() {
    for (const load of loaders) {
        try {
            load();
        }
        catch {
            // Not installed or broken: the command that needs it will say so.
        }
    }
}
