import type { Logger } from 'pino';
import type { Environment } from '../config/types.js';
import type { Redactor } from '../log/redactor.js';
import type { Store } from '../store/store.js';
import type { HttpClient } from './http-client.js';
import type { PgAccess } from '../postgres/pg-access.js';
import { attributeLikelyCauses, attributeRootCauses, overallStatus } from './status-rules.js';
import type { Check } from './types.js';
import type { CheckResult, StatusReport } from '../contracts/checks.js';
import type { MetricsRecorder } from '../contracts/metrics.js';

/** A Re-run (a button, a runbook re-check) reuses a result this young (never older than checks.cacheMs), so a burst of clicks probes once. */
export const RERUN_MAX_AGE_MS = 2000;
export const rerunMaxAge = (cacheMs: number) => Math.min(RERUN_MAX_AGE_MS, cacheMs);

export interface ChecksSettings {
  timeoutMs: number;
  cacheMs: number;
  [id: string]: unknown;
}

export interface DiagnosticsDeps {
  checks: readonly Check[];
  settings: ChecksSettings;
  environments: readonly Environment[];
  log: Logger;
  http: HttpClient;
  pgFor(env: Environment): PgAccess | null;
  store: Store | null;
  redactor: Redactor;
  now?: () => Date;
  metrics?: MetricsRecorder;
}

export interface RunOptions {
  /** Only these checks (and what they depend on); default all. */
  only?: string[];
  /** Reuse a result at most this old; defaults to checks.cacheMs. 0 forces a fresh run. */
  maxAgeMs?: number;
}

export interface Diagnostics {
  readonly checks: readonly Check[];
  run(environment: string, opts?: RunOptions): Promise<StatusReport>;
  titles: Readonly<Record<string, string>>;
}

type RawResult = CheckResult & { independent?: boolean; local?: boolean };

interface CacheEntry {
  promise: Promise<RawResult>;
  startedAt: number;
  settledAt?: number;
}

export class DeadlineError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'DeadlineError';
  }
}

/**
 * Why a finished check's signal is aborted (to release what it left open). One shared
 * reason: an abort() without one builds a DOMException with a stack for every check of
 * every watch cycle, which showed in the profile of a 1,200-check cycle.
 */
const FINISHED = Object.freeze(Object.assign(new Error('the check finished'), { name: 'AbortError' }));

/**
 * Runs checks in parallel, each under its own deadline. Concurrent requests for the same
 * check share one run and recent results are reused, so a burst of `/ctx status` costs
 * the deployment one probe per component.
 */
export function createDiagnostics(deps: DiagnosticsDeps): Diagnostics {
  const now = deps.now ?? (() => new Date());
  const byId = new Map(deps.checks.map((c) => [c.id, c]));
  const dependsOn = Object.fromEntries(deps.checks.map((c) => [c.id, c.dependsOn]));
  const titles = Object.fromEntries(deps.checks.map((c) => [c.id, c.title]));
  const likely = Object.fromEntries(deps.checks.map((c) => [c.id, c.likelyCauses ?? {}]));
  const cache = new Map<string, CacheEntry>();
  // One child logger per environment and check, made on its first run: a pino child
  // serialises its bindings (through the redaction paths) when made, which was a
  // measurable share of a watch cycle when made for every check of every run. Bounded by
  // the configured environments × checks.
  const loggers = new Map<string, Logger>();
  const loggerFor = (env: Environment, check: Check): Logger => {
    const key = `${env.name}\u0000${check.id}`;
    let log = loggers.get(key);
    if (!log) loggers.set(key, (log = deps.log.child({ check: check.id, env: env.name })));
    return log;
  };

  const optionsFor = (id: string) => {
    const o = (deps.settings[id] ?? {}) as { timeoutMs?: number; enabled?: boolean };
    return { ...o, timeoutMs: o.timeoutMs ?? deps.settings.timeoutMs, enabled: o.enabled ?? true };
  };

  const withDependencies = (ids: string[]): Check[] => {
    const wanted = new Set<string>();
    const visit = (id: string) => {
      if (wanted.has(id) || !byId.has(id)) return;
      wanted.add(id);
      for (const d of dependsOn[id] ?? []) visit(d);
      for (const d of Object.keys(likely[id] ?? {})) visit(d);
    };
    ids.forEach(visit);
    return deps.checks.filter((c) => wanted.has(c.id));
  };

  const execute = async (env: Environment, check: Check): Promise<RawResult> => {
    const options = optionsFor(check.id);
    const log = loggerFor(env, check);
    const started = performance.now();
    const finish = (
      r: Omit<CheckResult, 'id' | 'durationMs'> & { independent?: boolean; local?: boolean },
    ): RawResult => ({
      id: check.id,
      ...r,
      summary: deps.redactor.scrub(r.summary),
      details: r.details.map((d) => deps.redactor.scrub(d)),
      durationMs: Math.round(performance.now() - started),
    });
    if (!options.enabled)
      return finish({
        status: 'skip',
        summary: `disabled in ctx-ops.yml (checks.${check.id}.enabled: false)`,
        details: [],
      });

    const controller = new AbortController();
    // Made when the deadline passes, not for every check that finishes in time.
    let deadline: DeadlineError | undefined;
    // The runner answers at the deadline even if a check ignores its signal.
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        deadline = new DeadlineError(options.timeoutMs);
        controller.abort(deadline);
        reject(deadline);
      }, options.timeoutMs);
    });
    try {
      const ctx = { env, options, log, http: deps.http, pg: deps.pgFor(env), store: deps.store, now };
      const outcome = await Promise.race([check.run(ctx, controller.signal), timedOut]);
      const result = finish(outcome);
      log.debug({ status: result.status, durationMs: result.durationMs }, 'check finished');
      return result;
    } catch (err) {
      if ((deadline && err === deadline) || controller.signal.aborted) {
        log.warn({ timeoutMs: options.timeoutMs }, 'check timed out');
        return finish({
          status: 'fail',
          summary: `timed out: no answer within ${options.timeoutMs} ms`,
          details: [
            `✗ ${check.title} did not finish within its ${options.timeoutMs} ms deadline (checks.${check.id}.timeoutMs); its connections were closed`,
          ],
        });
      }
      log.error({ err }, 'check crashed');
      return finish({
        status: 'fail',
        summary: `the check itself failed: ${(err as Error).message ?? String(err)}`,
        details: [],
      });
    } finally {
      clearTimeout(timer);
      controller.abort(FINISHED); // release anything the check left open
      timedOut.catch(() => {});
    }
  };

  const measured = async (env: Environment, check: Check): Promise<RawResult> => {
    const r = await execute(env, check);
    deps.metrics?.check({ check: check.id, environment: env.name, status: r.status, durationMs: r.durationMs });
    return r;
  };

  const runCached = (env: Environment, check: Check, maxAgeMs: number): CacheEntry => {
    const key = `${env.name}\u0000${check.id}`;
    const hit = cache.get(key);
    const t = Date.now();
    if (hit && (hit.settledAt === undefined || t - hit.settledAt < maxAgeMs)) return hit;
    const entry: CacheEntry = { startedAt: t, promise: measured(env, check) };
    entry.promise.then(() => (entry.settledAt = Date.now()));
    cache.set(key, entry);
    return entry;
  };

  return {
    checks: deps.checks,
    titles,
    async run(environment, opts = {}) {
      const env = deps.environments.find((e) => e.name === environment);
      if (!env) throw new Error(`unknown environment "${environment}"`);
      const selected = withDependencies(opts.only ?? deps.checks.map((c) => c.id));
      const maxAge = opts.maxAgeMs ?? deps.settings.cacheMs;
      const entries = selected.map((c) => runCached(env, c, maxAge));
      const results = await Promise.all(entries.map((e) => e.promise));
      const attributed = attributeLikelyCauses(attributeRootCauses(results, dependsOn), likely, titles);
      const checks = attributed.map(({ independent: _own, local: _local, ...r }) =>
        r.rootCauseReason
          ? {
              ...r,
              details: [
                ...r.details,
                `· likely cause: ${titles[r.rootCause!] ?? r.rootCause} is failing; ${r.rootCauseReason}`,
              ],
            }
          : r,
      );
      const oldest = Math.min(...entries.map((e) => e.startedAt));
      return {
        environment: env.name,
        checkedAt: new Date(Number.isFinite(oldest) ? oldest : Date.now()).toISOString(),
        overall: overallStatus(checks),
        checks,
      };
    },
  };
}
