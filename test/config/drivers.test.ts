import { describe, expect, it } from 'vitest';
import { driversInUse } from '../../src/config/drivers.js';
import type { Config } from '../../src/config/types.js';
import { lazyIds } from '../../src/util/lazy-require.js';
import '../../src/diagnostics/http-client.js';
import '../../src/diagnostics/graph/bolt-client.js';
import '../../src/diagnostics/graph/falkordb.js';
import '../../src/postgres/pg-access.js';
import '../../src/slack/paced.js';

/** The drivers the bot loads at start: those its environments reach, not every one it knows. */
const envs = (...providers: string[]) =>
  ({ environments: providers.map((p) => ({ ctx: { GRAPH_DB_PROVIDER: p } })) }) as unknown as Pick<
    Config,
    'environments'
  >;

describe('driversInUse', () => {
  it.each([
    ['FalkorDB only: no Bolt driver (~20 MB)', envs('falkordb'), ['undici', 'pg', '@slack/web-api', 'ioredis']],
    ['Neo4j only: no Redis client', envs('neo4j-enterprise'), ['undici', 'pg', '@slack/web-api', 'neo4j-driver']],
    [
      'Memgraph and Neptune speak Bolt',
      envs('memgraph', 'neptune'),
      ['undici', 'pg', '@slack/web-api', 'neo4j-driver'],
    ],
    [
      'one environment of each: both',
      envs('falkordb', 'neo4j-community'),
      ['undici', 'pg', '@slack/web-api', 'ioredis', 'neo4j-driver'],
    ],
  ])('%s', (_what, config, expected) => {
    expect(driversInUse(config)).toEqual(expected);
  });

  it('names only drivers that are loaded lazily (a typo would preload nothing)', () => {
    for (const id of driversInUse(envs('falkordb', 'memgraph'))) expect(lazyIds()).toContain(id);
  });
});
