import { createRequire } from 'node:module';
import { packagePath } from './package-root.js';

const require = createRequire(import.meta.url);
const loaders = new Map<string, LazyModule<unknown>>();

/**
 * In the bundle (scripts/dist.mjs), the drivers named here were bundled into one file each,
 * dist/vendor/<id>.cjs, which loads in a fraction of the time; from src/ (tsx, tests) every
 * id is required from node_modules as usual.
 */
declare const __CTX_OPS_VENDORED__: string | undefined;
const vendored = new Set(typeof __CTX_OPS_VENDORED__ === 'string' ? __CTX_OPS_VENDORED__.split(',') : []);
const resolveId = (id: string) =>
  vendored.has(id) && !alreadyLoaded(id) ? packagePath('dist', 'vendor', `${id}.cjs`) : id;

/**
 * A copy some other package already loaded from node_modules is used rather than a second
 * one (Slack's Socket Mode client loads undici for its WebSocket: two copies cost the bot
 * ~10 MB).
 */
function alreadyLoaded(id: string): boolean {
  try {
    return require.resolve(id) in require.cache;
  } catch {
    return false;
  }
}

/** A lazily loaded dependency: call it for the module (loading it now if need be). */
export interface LazyModule<T> {
  (): T;
  /**
   * The module, loaded only after the event loop has polled once. Loading a driver is 10–20 ms
   * of synchronous work; a status starts its checks together, and a socket another check has
   * just opened connects (and its request is written) only when the loop polls. Loaded on the
   * spot, pg then ioredis held the slowest probe's request back by ~40 ms; after one poll, its
   * wait covers their load instead. Already loaded: no wait.
   */
  soon(): Promise<T>;
}

const afterPoll = () =>
  // The first immediate may run before this iteration's poll phase; the second runs after it.
  new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * A CommonJS dependency loaded the first time it is used, not when this module is imported:
 * `ctx-ops help` never pays for pg, undici, ioredis, neo4j-driver or Slack's SDK, and a
 * status loads only the drivers its checks reach. Synchronous, so constructors stay where
 * they are (`new (pgModule().Pool)(…)`); pair it with `import type` for the types.
 */
export function lazyRequire<T>(id: string): LazyModule<T> {
  // One loader per id for the whole process: every caller gets the same copy, chosen once
  // (vendored or node_modules), even when another package loads it between two callers.
  let load = loaders.get(id);
  if (!load) {
    let loaded: unknown;
    const get = () => (loaded ??= require(resolveId(id)));
    load = Object.assign(get, {
      soon: async () => {
        if (loaded === undefined) await afterPoll();
        return get();
      },
    });
    loaders.set(id, load);
  }
  return load as LazyModule<T>;
}

/**
 * The long-running bot loads the lazy dependencies it will use once it is up, so the first
 * slash command after a start does not wait while a driver is read from disk (a burst of 300
 * commands would otherwise be acked only after the first loaded undici and pg). Only those
 * named: a graph driver the configuration never reaches costs ~20 MB of memory for nothing.
 */
export function preloadLazy(ids: Iterable<string>): void {
  for (const id of ids) {
    try {
      loaders.get(id)?.();
    } catch {
      // Not installed or broken: the command that needs it will say so.
    }
  }
}

/** Which lazily loaded drivers are registered (for tests). */
export function lazyIds(): string[] {
  return [...loaders.keys()];
}
