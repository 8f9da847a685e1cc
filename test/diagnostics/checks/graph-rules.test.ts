import { describe, expect, it } from 'vitest';
import { budgetMs } from '../../../src/diagnostics/graph/budget.js';
import { classifyBoltError, classifyRedisError, describeGraphFailure } from '../../../src/diagnostics/graph/errors.js';
import { parseCountReply } from '../../../src/diagnostics/graph/falkordb-reply.js';
import {
  agentMismatch,
  capNote,
  orgGraphStatus,
  type GraphEngine,
  type OrgGraphState,
} from '../../../src/diagnostics/graph/status-rules.js';
import {
  boltTarget,
  displayUri,
  nearMissVariable,
  orgUriVariables,
  redisTarget,
  tenancyOf,
} from '../../../src/diagnostics/graph/target.js';

const none = { repositories: 0, ingested: 0 };
const ingested = { repositories: 3, ingested: 2 };
const present = (nodes: number | null): OrgGraphState => ({ kind: 'present', nodes });

describe('orgGraphStatus', () => {
  it.each<[GraphEngine, OrgGraphState, typeof none | null, string]>([
    ['falkordb', present(10), ingested, 'ok'],
    ['falkordb', present(0), none, 'ok'],
    ['falkordb', present(0), ingested, 'warn'],
    ['falkordb', present(null), ingested, 'ok'],
    ['falkordb', { kind: 'missing' }, none, 'ok'],
    ['falkordb', { kind: 'missing' }, ingested, 'fail'],
    ['falkordb', { kind: 'missing' }, null, 'warn'],
    ['bolt', { kind: 'missing' }, none, 'fail'],
    ['bolt', { kind: 'missing' }, null, 'fail'],
    ['bolt', present(0), ingested, 'warn'],
    ['bolt', { kind: 'no-uri' }, none, 'fail'],
    ['bolt', { kind: 'error' }, none, 'fail'],
    ['falkordb', { kind: 'not-probed' }, none, 'warn'],
  ])('%s %j with ingestion %j → %s', (engine, state, ing, expected) => {
    expect(orgGraphStatus(engine, state, ing)).toBe(expected);
  });
});

describe('agentMismatch', () => {
  it.each([
    ['neo4j-enterprise', 'Neo4j/5.26.0', undefined],
    ['neo4j-community', 'Neo4j/4.4.30', undefined],
    ['memgraph', 'Memgraph/2.19.0', undefined],
    ['memgraph', 'Neo4j/5.26.0', 'GRAPH_DB_PROVIDER is memgraph but the server is Neo4j/5.26.0'],
    ['neo4j-enterprise', 'Memgraph/2.19.0', 'set GRAPH_DB_PROVIDER=memgraph'],
    ['neo4j-enterprise', 'FalkorDB/4.2', 'neither Neo4j nor Memgraph'],
    ['neptune', 'Neptune/1.3', undefined],
    ['neptune', 'anything', undefined],
  ])('%s with agent %s', (provider, agent, expected) => {
    const got = agentMismatch(provider, agent);
    if (expected === undefined) expect(got).toBeUndefined();
    else expect(got).toContain(expected);
  });
});

describe('parseCountReply (FalkorDB result set [header, rows, stats])', () => {
  const stats = ['Cached execution: 0', 'Query internal execution time: 0.1 milliseconds'];
  it.each<[string, unknown, number | null]>([
    ['compact', [[[1, 'count(n)']], [[[3, 42]]], stats], 42],
    ['verbose', [['count(n)'], [[42]], stats], 42],
    ['verbose, number as string', [['count(n)'], [['7']], stats], 7],
    ['compact zero', [[[1, 'count(n)']], [[[3, 0]]], stats], 0],
    ['compact, not an integer type', [[[1, 'count(n)']], [[[2, 'x']]], stats], null],
    ['no rows', [['count(n)'], [], stats], null],
    ['two rows', [['count(n)'], [[1], [2]], stats], null],
    ['statistics only (a write)', [stats], null],
    ['not an array', 'OK', null],
    ['negative', [['c'], [[-1]], stats], null],
  ])('%s', (_name, reply, expected) => {
    expect(parseCountReply(reply)).toBe(expected);
  });
});

describe('URIs and credentials', () => {
  it.each([
    ['redis://default:s3cret@falkordb:6379', 'redis://falkordb:6379'],
    ['rediss://user:pw@host.example:6380/2', 'rediss://host.example:6380/2'],
    ['bolt://neo4j:pw@neo4j.internal:7687', 'bolt://neo4j.internal:7687'],
    ['neo4j+s://db.example', 'neo4j+s://db.example'],
    ['redis://[::1]:6379', 'redis://[::1]:6379'],
    ['not a uri with:secret@stuff', '(not a valid URI)'],
  ])('displayUri(%s) → %s', (uri, shown) => {
    expect(displayUri(uri)).toBe(shown);
  });

  it('redisTarget: defaults, URI credentials over GRAPH_DB_*, database number, TLS', () => {
    expect(redisTarget('redis://falkordb:6379', {})).toMatchObject({
      host: 'falkordb',
      port: 6379,
      db: 0,
      tls: false,
      username: 'default',
      passwordFrom: 'none',
    });
    expect(redisTarget('redis://falkordb', { GRAPH_DB_USER: 'ctx', GRAPH_DB_PASSWORD: 'pw' })).toMatchObject({
      port: 6379,
      username: 'ctx',
      password: 'pw',
      passwordFrom: 'GRAPH_DB_PASSWORD',
    });
    expect(redisTarget('rediss://u%40x:p%3Aw@h:1/3', { GRAPH_DB_USER: 'ctx', GRAPH_DB_PASSWORD: 'env' })).toMatchObject(
      { username: 'u@x', password: 'p:w', passwordFrom: 'GRAPH_DB_URI', tls: true, db: 3, port: 1 },
    );
    expect(redisTarget('redis://[::1]:6379', {})).toMatchObject({ host: '::1' });
    expect(redisTarget('bolt://h:7687', {})).toEqual({
      error: expect.stringContaining('FalkorDB is reached with the Redis protocol'),
    });
    expect(redisTarget('redis://h:6379/x', {})).toEqual({
      error: expect.stringContaining('not a Redis database number'),
    });
  });

  it('boltTarget: Bolt schemes only; userinfo is dropped and flagged', () => {
    expect(boltTarget('bolt://neo4j:pw@h:7687', 'GRAPH_DB_URI')).toMatchObject({
      uri: 'bolt://h:7687',
      tls: false,
      routing: false,
      userinfoIgnored: true,
      display: 'bolt://h:7687',
    });
    expect(boltTarget('neo4j+s://h', 'GRAPH_DB_URI')).toMatchObject({ tls: true, routing: true, port: 7687 });
    expect(boltTarget('bolt+ssc://h:7000', 'X')).toMatchObject({ tls: true, port: 7000 });
    expect(boltTarget('redis://h:6379', 'GRAPH_DB_URI_acme')).toEqual({
      error: expect.stringContaining('GRAPH_DB_URI_acme uses redis:// but this provider is reached over Bolt'),
    });
  });

  it('tenancy follows the provider, as upstream infers it', () => {
    expect(
      ['falkordb', 'neo4j-enterprise', 'memgraph', 'neo4j-community', 'neptune'].map((p) => tenancyOf(p as never)),
    ).toEqual([
      'database-per-tenant',
      'database-per-tenant',
      'database-per-tenant',
      'instance-per-tenant',
      'instance-per-tenant',
    ]);
  });

  it('per-org URI variables are read verbatim; near misses are named', () => {
    const vars = orgUriVariables({
      GRAPH_DB_URI: 'bolt://x',
      GRAPH_DB_URI_acme: 'bolt://a',
      GRAPH_DB_URI_my_org: 'bolt://m',
      GRAPH_DB_URI_empty: ' ',
      GRAPH_DB_URI_: 'bolt://z',
    });
    expect([...vars.keys()]).toEqual(['acme', 'my_org']);
    expect(nearMissVariable('my-org', vars.keys())).toBe('GRAPH_DB_URI_my_org');
    expect(nearMissVariable('ACME', ['acme'])).toBe('GRAPH_DB_URI_acme');
    expect(nearMissVariable('acme', ['acme'])).toBeUndefined();
    expect(nearMissVariable('globex', vars.keys())).toBeUndefined();
  });
});

describe('failures told apart', () => {
  it.each<[string, unknown, unknown, string]>([
    ['WRONGPASS', new Error('WRONGPASS invalid username-password pair or user is disabled.'), undefined, 'auth'],
    ['old-style invalid password', new Error('ERR invalid password'), undefined, 'auth'],
    ['NOAUTH', new Error('NOAUTH Authentication required.'), undefined, 'auth'],
    ['NOPERM', new Error("NOPERM User ctxops has no permissions to run the 'graph.list' command"), undefined, 'noperm'],
    [
      'module missing',
      new Error("ERR unknown command 'GRAPH.LIST', with args beginning with: "),
      undefined,
      'module-missing',
    ],
    ['other unknown command', new Error("ERR unknown command 'FOO'"), undefined, 'other'],
    [
      'refused behind "Connection is closed."',
      new Error('Connection is closed.'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      'refused',
    ],
    [
      'DNS behind "Connection is closed."',
      new Error('Connection is closed.'),
      Object.assign(new Error('getaddrinfo ENOTFOUND x.invalid'), { code: 'ENOTFOUND' }),
      'dns',
    ],
    [
      'TLS',
      new Error('Connection is closed.'),
      Object.assign(new Error('wrong version number'), { code: 'ERR_SSL_WRONG_VERSION_NUMBER' }),
      'tls',
    ],
    ['closed, no cause', new Error('Connection is closed.'), undefined, 'reset'],
  ])('redis: %s', (_name, err, socketErr, kind) => {
    expect(classifyRedisError(err, socketErr).kind).toBe(kind);
  });

  const neo = (code: string, message: string) => Object.assign(new Error(message), { code });
  const caused = (cause: string) =>
    neo(
      'ServiceUnavailable',
      `Failed to connect to server. Please ensure that your database is listening on the correct host and port and that you have compatible encryption settings both on Neo4j server and driver. Note that the default encryption setting has changed in Neo4j 4.0. Caused by: ${cause}`,
    );
  it.each<[string, unknown, string]>([
    [
      'unauthorized',
      neo('Neo.ClientError.Security.Unauthorized', 'The client is unauthorized due to authentication failure.'),
      'auth',
    ],
    ['rate limited', neo('Neo.ClientError.Security.AuthenticationRateLimit', 'too many attempts'), 'auth'],
    ['forbidden', neo('Neo.ClientError.Security.Forbidden', 'Read operations are not allowed'), 'noperm'],
    ['refused', caused('connect ECONNREFUSED 127.0.0.1:7687'), 'refused'],
    ['dns', caused('getaddrinfo ENOTFOUND neo4j.invalid'), 'dns'],
    ['tls certificate', caused('self-signed certificate in certificate chain'), 'tls'],
    ['tls code', caused('SELF_SIGNED_CERT_IN_CHAIN'), 'tls'],
    [
      'acquisition timeout',
      neo(
        'N/A',
        'Connection acquisition timed out in 1000 ms. Pool status: Active conn count = 0, Idle conn count = 0.',
      ),
      'timeout',
    ],
    [
      'http port',
      neo('ServiceUnavailable', 'Server responded HTTP. Make sure you are not trying to connect to the http endpoint'),
      'not-bolt',
    ],
    ['closed', neo('ServiceUnavailable', 'Connection was closed by server'), 'reset'],
  ])('bolt: %s', (_name, err, kind) => {
    expect(classifyBoltError(err).kind).toBe(kind);
  });

  it('a DatabaseNotFound keeps its Neo4j code for the caller', () => {
    expect(
      classifyBoltError(
        neo('Neo.ClientError.Database.DatabaseNotFound', "Database does not exist. Database name: 'org_x'."),
      ).neo4jCode,
    ).toBe('Neo.ClientError.Database.DatabaseNotFound');
  });

  it('describes module-missing and auth failures in their own words', () => {
    expect(
      describeGraphFailure(
        { kind: 'module-missing', message: "ERR unknown command 'GRAPH.LIST', with args beginning with: " },
        'redis://r:6379',
      ),
    ).toBe(
      "redis://r:6379 speaks Redis but does not know GRAPH.* commands (ERR unknown command 'GRAPH.LIST'): this is Redis without the FalkorDB module",
    );
    expect(
      describeGraphFailure(
        { kind: 'auth', code: 'WRONGPASS', message: 'WRONGPASS invalid username-password pair' },
        'redis://r:6379',
      ),
    ).toContain('authentication to redis://r:6379 failed (WRONGPASS)');
  });
});

describe('limits', () => {
  it.each([
    [50, 49, 'none'],
    [50, 50, 'none'],
    [50, 51, 'capped'],
  ])('capNote(%i probed of %i)', (probed, total, expected) => {
    const note = capNote(Math.min(probed, total), total, 'maxOrgs');
    if (expected === 'none') expect(note).toBeUndefined();
    else
      expect(note).toBe(
        '51 organizations; only the first 50 (oldest) were probed (raise checks.graph.maxOrgs to probe more)',
      );
  });

  it.each([
    [5000, 4500],
    [800, 640],
    [100, 80],
    [10, 50],
    [60000, 59500],
  ])('a %i ms check lets its probes spend %i ms', (timeout, budget) => {
    expect(budgetMs(timeout)).toBe(budget);
  });
});
