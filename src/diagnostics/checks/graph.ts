import * as z from 'zod';
import { findings } from '../findings.js';
import { probeBoltPerInstance, probeBoltShared } from '../graph/bolt.js';
import { createBudget } from '../graph/budget.js';
import { probeFalkorDb } from '../graph/falkordb.js';
import { loadOrgs } from '../graph/orgs.js';
import { tenancyOf } from '../graph/target.js';
import type { Check } from '../types.js';

export interface GraphOptions {
  maxOrgs: number;
}

/**
 * The knowledge-graph database, by GRAPH_DB_PROVIDER, the way ctx| reaches it. The
 * connection part needs nothing but the graph database; the per-org part reads the
 * organizations from Postgres, hence the dependency (and it is skipped, not failed, when
 * Postgres is down, so the graph's own state stays visible).
 */
export const graphCheck: Check<GraphOptions> = {
  id: 'graph',
  title: 'Graph DB',
  dependsOn: ['postgres'],
  options: {
    maxOrgs: z.number().int().positive().max(1000).default(50),
  },
  async run(ctx, signal) {
    const f = findings();
    const env = ctx.env.ctx;
    const provider = env.GRAPH_DB_PROVIDER;
    const budget = createBudget(ctx.options.timeoutMs, signal);
    f.info(`GRAPH_DB_PROVIDER=${provider} (${tenancyOf(provider)})`);
    // Postgres is read while the graph database is being reached, not after.
    const orgs = loadOrgs(ctx.pg, budget.signal, ctx.options.maxOrgs);
    const deps = { f, budget, log: ctx.log, orgs, maxOrgs: ctx.options.maxOrgs };
    const summary =
      provider === 'falkordb'
        ? await probeFalkorDb(env, deps)
        : tenancyOf(provider) === 'database-per-tenant'
          ? await probeBoltShared(env, provider, deps)
          : await probeBoltPerInstance(env, provider, deps);
    await orgs; // never rejects; settles the Postgres read before the connection returns to the pool
    // Postgres only feeds the per-org part, which is skipped (not failed) without it: a
    // failure here is always the graph database's own.
    return { ...f.done(summary, f.status === 'fail' ? { runbook: 'graph-fails' } : {}), independent: true };
  },
};
