import type { Logger } from 'pino';
import { createRouter, type Router } from './router.js';
import type { Config, Environment } from '../config/types.js';
import { createHttpClient, type HttpClient } from '../diagnostics/http-client.js';
import { createPgAccess, type PgAccess } from '../postgres/pg-access.js';
import { composeChecks } from './checks.js';
import { createDiagnostics } from '../diagnostics/runner.js';
import type { Check } from '../diagnostics/types.js';
import type { StatusReport } from '../contracts/checks.js';
import {
  createServiceRegistry,
  type CoreServices,
  type Feature,
  type FeatureFactory,
  type Runtime,
} from '../runtime/feature.js';
import { featureFactories as defaultFeatures } from './features.js';
import { createHelp, mentionVerbs } from './help.js';
import type { ActionHandler, EventHandler, Handler } from '../contracts/chat.js';
import type { Redactor } from '../log/redactor.js';
import { createStore, type Store } from '../store/store.js';
import { createMetricsRelay } from '../util/metrics.js';

export interface BotApp {
  core: CoreServices;
  router: Router;
  actions: ReadonlyMap<string, ActionHandler>;
  events: ReadonlyMap<string, EventHandler[]>;
  features: readonly Feature[];
  /** Starts each feature's background work for the given transport. */
  start(rt: Runtime): Promise<void>;
  /** Stops features and closes every pool and socket. */
  close(): Promise<void>;
}

export interface BotAppOptions {
  log: Logger;
  redactor: Redactor;
  checks?: readonly Check[];
  features?: FeatureFactory[];
  now?: () => Date;
  /** Injected in tests; otherwise built from config.store.databaseUrl. */
  store?: Store | null;
  http?: HttpClient;
}

/** Builds the whole bot from a parsed config: the one place where parts are wired. */
export function createBotApp(config: Config, opts: BotAppOptions): BotApp {
  const { log, redactor } = opts;
  const now = opts.now ?? (() => new Date());
  const http = opts.http ?? createHttpClient();
  const store =
    opts.store !== undefined
      ? opts.store
      : config.store.databaseUrl
        ? createStore(config.store.databaseUrl, log.child({ part: 'store' }))
        : null;

  const pools = new Map<string, PgAccess | null>();
  // The logs check reads through the logs service, registered when the features are built.
  const checks = opts.checks ?? composeChecks(config, () => core.services.get('logs'));
  const pgTimeout = Math.max(
    config.checks.timeoutMs,
    ...checks.map((c) => (config.checks[c.id] as { timeoutMs?: number } | undefined)?.timeoutMs ?? 0),
  );
  const pgFor = (env: Environment): PgAccess | null => {
    if (!pools.has(env.name)) {
      pools.set(
        env.name,
        env.ctx.DATABASE_URL
          ? createPgAccess(env.ctx.DATABASE_URL, {
              connectTimeoutMs: pgTimeout,
              log: log.child({ env: env.name, part: 'pg' }),
            })
          : null,
      );
    }
    return pools.get(env.name)!;
  };

  const metrics = createMetricsRelay();
  const diagnostics = createDiagnostics({
    checks,
    settings: config.checks,
    environments: config.environments,
    log: log.child({ part: 'diagnostics' }),
    http,
    pgFor,
    store,
    redactor,
    now,
    metrics,
  });

  const listeners: Array<(r: StatusReport) => void> = [];
  const core: CoreServices = {
    config,
    log,
    redactor,
    diagnostics,
    store,
    http,
    now,
    services: createServiceRegistry(),
    metrics,
    onReport: (l) => listeners.push(l),
    publishReport: (r) => {
      for (const l of listeners) {
        try {
          l(r);
        } catch (err) {
          log.warn({ err }, 'report listener failed');
        }
      }
    },
  };

  const features = (opts.features ?? defaultFeatures).map((f) => f(core));
  const handlers: Handler[] = features.flatMap((f) => f.handlers ?? []);
  const help = createHelp(
    () => router.handlers,
    config,
    () => mentionVerbs(events),
  );
  const router = createRouter({
    handlers: [...handlers, help.handler],
    help: help.show,
    log: log.child({ part: 'router' }),
    redactor,
    metrics,
  });

  const actions = new Map<string, ActionHandler>();
  for (const a of features.flatMap((f) => f.actions ?? [])) {
    if (actions.has(a.actionId)) throw new Error(`two buttons use action_id ${a.actionId}`);
    actions.set(a.actionId, a);
  }
  const events = new Map<string, EventHandler[]>();
  for (const f of features)
    for (const [type, h] of Object.entries(f.events ?? {})) events.set(type, [...(events.get(type) ?? []), h]);

  let started = false;
  return {
    core,
    router,
    actions,
    events,
    features,
    async start(rt) {
      if (started) return;
      started = true;
      store
        ?.ready()
        .catch((err) =>
          log.warn(
            { err: { message: (err as Error).message } },
            'ctx_ops store not ready yet; will retry on first use',
          ),
        );
      for (const f of features) await f.start?.(rt);
    },
    async close() {
      for (const f of [...features].reverse())
        await Promise.resolve(f.stop?.()).catch((err) =>
          log.warn({ err, feature: f.name }, 'feature did not stop cleanly'),
        );
      await Promise.allSettled([...[...pools.values()].map((p) => p?.close()), http.close(), store?.close()]);
    },
  };
}
