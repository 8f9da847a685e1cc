import { createRouter } from './router.js';
import { createHttpClient } from '../diagnostics/http-client.js';
import { createPgAccess } from '../postgres/pg-access.js';
import { allChecks } from '../diagnostics/registry.js';
import { createDiagnostics } from '../diagnostics/runner.js';
import { createServiceRegistry, } from '../runtime/feature.js';
import { featureFactories as defaultFeatures } from './features.js';
import { createHelp, mentionVerbs } from './help.js';
import { createStore } from '../store/store.js';
import { createMetricsRelay } from '../util/metrics.js';
/** Builds the whole bot from a parsed config: the one place where parts are wired. */
export function createBotApp(config, opts) {
    const { log, redactor } = opts;
    const now = opts.now ?? (() => new Date());
    const http = opts.http ?? createHttpClient();
    const store = opts.store !== undefined
        ? opts.store
        : config.store.databaseUrl
            ? createStore(config.store.databaseUrl, log.child({ part: 'store' }))
            : null;
    const pools = new Map();
    const checks = opts.checks ?? allChecks;
    const pgTimeout = Math.max(config.checks.timeoutMs, ...checks.map((c) => config.checks[c.id]?.timeoutMs ?? 0));
    const pgFor = (env) => {
        if (!pools.has(env.name)) {
            pools.set(env.name, env.ctx.DATABASE_URL
                ? createPgAccess(env.ctx.DATABASE_URL, {
                    connectTimeoutMs: pgTimeout,
                    log: log.child({ env: env.name, part: 'pg' }),
                })
                : null);
        }
        return pools.get(env.name);
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
    const listeners = [];
    const core = {
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
                }
                catch (err) {
                    log.warn({ err }, 'report listener failed');
                }
            }
        },
    };
    const features = (opts.features ?? defaultFeatures).map((f) => f(core));
    const handlers = features.flatMap((f) => f.handlers ?? []);
    const help = createHelp(() => router.handlers, config, () => mentionVerbs(events));
    const router = createRouter({
        handlers: [...handlers, help.handler],
        help: help.show,
        log: log.child({ part: 'router' }),
        redactor,
        metrics,
    });
    const actions = new Map();
    for (const a of features.flatMap((f) => f.actions ?? [])) {
        if (actions.has(a.actionId))
            throw new Error(`two buttons use action_id ${a.actionId}`);
        actions.set(a.actionId, a);
    }
    const events = new Map();
    for (const f of features)
        for (const [type, h] of Object.entries(f.events ?? {}))
            events.set(type, [...(events.get(type) ?? []), h]);
    let started = false;
    return {
        core,
        router,
        actions,
        events,
        features,
        async start(rt) {
            if (started)
                return;
            started = true;
            store
                ?.ready()
                .catch((err) => log.warn({ err: { message: err.message } }, 'ctx_ops store not ready yet; will retry on first use'));
            for (const f of features)
                await f.start?.(rt);
        },
        async close() {
            for (const f of [...features].reverse())
                await Promise.resolve(f.stop?.()).catch((err) => log.warn({ err, feature: f.name }, 'feature did not stop cleanly'));
            await Promise.allSettled([...[...pools.values()].map((p) => p?.close()), http.close(), store?.close()]);
        },
    };
}
