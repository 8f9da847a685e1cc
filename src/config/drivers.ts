import type { Config } from './types.js';

/**
 * The npm drivers a running bot will use with this configuration: HTTP probes and Postgres
 * always, Slack's Web API, and the graph driver of each environment's GRAPH_DB_PROVIDER
 * (FalkorDB speaks Redis; Neo4j, Memgraph and Neptune speak Bolt).
 */
export function driversInUse(config: Pick<Config, 'environments'>): string[] {
  const graph = config.environments.map((e) => (e.ctx.GRAPH_DB_PROVIDER === 'falkordb' ? 'ioredis' : 'neo4j-driver'));
  return [...new Set(['undici', 'pg', '@slack/web-api', ...graph])];
}
