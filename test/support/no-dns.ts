import dns from 'node:dns';

/**
 * Tests talk only to loopback. A check given a default or made-up host name (the default
 * GRAPH_DB_URI redis://falkordb:6379, a `.invalid` name) would otherwise ask the machine's
 * DNS server, which is not on loopback. This answers "no such host" locally for every name
 * but localhost, exactly as a resolver would (ENOTFOUND), so DNS failures are still tested.
 * Loaded by vitest (setupFiles) and by every bot process a test spawns (--import).
 */
const LOCAL = new Set(['localhost', 'localhost.', 'ip6-localhost']);
const isLocal = (host: string) => LOCAL.has(host.toLowerCase()) || host.toLowerCase().endsWith('.localhost');

const notFound = (hostname: string) =>
  Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: 'ENOTFOUND',
    errno: -3008,
    syscall: 'getaddrinfo',
    hostname,
  });

const realLookup = dns.lookup;
const guardedLookup = function (this: unknown, hostname: string, options: unknown, callback?: unknown) {
  const cb = (typeof options === 'function' ? options : callback) as (err: Error | null, ...rest: unknown[]) => void;
  if (typeof hostname === 'string' && !isLocal(hostname) && !/^[\d.]+$|:/.test(hostname)) {
    process.nextTick(() => cb(notFound(hostname)));
    return {};
  }
  return (realLookup as (...a: unknown[]) => unknown).apply(
    this,
    [hostname, options, callback].filter((a) => a !== undefined),
  );
};
dns.lookup = guardedLookup as typeof dns.lookup;

const realPromiseLookup = dns.promises.lookup;
dns.promises.lookup = (async (hostname: string, options?: unknown) => {
  if (!isLocal(hostname) && !/^[\d.]+$|:/.test(hostname)) throw notFound(hostname);
  return realPromiseLookup(hostname, options as dns.LookupOptions);
}) as typeof dns.promises.lookup;

for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveSrv', 'resolveTxt'] as const) {
  (dns as unknown as Record<string, unknown>)[name] = (host: string, ...rest: unknown[]) => {
    const cb = rest.find((r) => typeof r === 'function') as ((e: Error) => void) | undefined;
    process.nextTick(() => cb?.(notFound(host)));
  };
}

export const NO_DNS_MODULE = new URL(import.meta.url).pathname;
