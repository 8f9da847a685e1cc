import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { allChecks } from '../src/diagnostics/registry.js';
import { headline } from '../src/diagnostics/status-rules.js';
import { ago, insertRepo, insertRun } from './support/ctx-schema.js';
import { writeMigration } from './support/drizzle.js';
import { DEPLOYMENT_SECRETS, startFakeDeployment, type FakeDeployment } from './support/fake-deployment.js';
import { closedPort } from './support/net.js';
import { runFailingIngestion } from './support/openworkflow.js';
import { withDatabase } from './support/pg.js';

/**
 * Issue 3's acceptance: `ctx-ops status --json` against a whole fake deployment reports
 * every check healthy, and each planted fault turns exactly the right checks red, with the
 * right root cause and runbook. Runs the real CLI (config, store, runner, all checks).
 * Issue 9 adds the faults seen on the real stack: the database lost behind a running
 * backend, a closed pool, a backend that exits without its database, which copy of
 * AUTH_SECRET is wrong, ingestion failing while it retries, and a hash edited after a
 * migration ran.
 */
const ROTATED = 'rotated-deployment-secret-9876543210-zyxwvutsrq';
const STALE = 'stale-ctx-ops-copy-of-the-secret-0123456789ab';
const SECRETS = [
  ...Object.values(DEPLOYMENT_SECRETS),
  ROTATED,
  STALE,
  'wrong-password-xyz',
  'saved-on-connection-secret',
  'github-client-secret-9f9f',
];
/** SHA-256 of AUTH_SECRET is the key of the signing keys: it must not appear either. */
const HASHES = [DEPLOYMENT_SECRETS.AUTH_SECRET, ROTATED, STALE].flatMap((s) =>
  (['hex', 'base64', 'base64url'] as const).map((e) => createHash('sha256').update(s).digest(e).slice(0, 16)),
);
const titles = Object.fromEntries(allChecks.map((c) => [c.id, c.title]));
let d: FakeDeployment;
beforeAll(async () => {
  d = await startFakeDeployment();
});
afterAll(() => d.close());

interface Json {
  overall: string;
  checks: Array<{
    id: string;
    status: string;
    summary: string;
    details: string[];
    rootCause?: string;
    runbook?: string;
  }>;
}

async function status(env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (x) => (out += x));
  stderr.on('data', (x) => (err += x));
  const stdin = new PassThrough();
  stdin.end();
  const code = await runCli(
    ['status', '--json'],
    { ...d.env, ...env, LOG_LEVEL: 'silent' },
    { cwd: d.migrationsDir, stdin, stdout, stderr },
  );
  return { code, json: JSON.parse(out) as Json, out, err };
}

/** "id:status<rootCause#runbook" for every check that is not ok or skipped. */
const red = (j: Json) =>
  j.checks
    .filter((c) => c.status !== 'ok' && c.status !== 'skip')
    .map((c) => `${c.id}:${c.status}${c.rootCause ? `<${c.rootCause}` : ''}${c.runbook ? `#${c.runbook}` : ''}`);

describe('a whole fake deployment', () => {
  it('reports all twelve checks ok and exits 0', async () => {
    const { code, json } = await status();
    expect(json.checks.map((c) => c.id)).toEqual(allChecks.map((c) => c.id));
    expect(json.checks).toHaveLength(12);
    expect(json.checks.filter((c) => c.status !== 'ok').map((c) => `${c.id}: ${c.summary}`)).toEqual([]);
    expect(json.overall).toBe('ok');
    expect(code).toBe(0);
  });

  type Fault = {
    plant: () => Promise<Record<string, string> | void>;
    undo?: () => Promise<void> | void;
    red: string[];
    exit: number;
    /** What the one-line headline starts with: the named cause leads. */
    headline?: string;
    /** Text the named cause's result must carry (summary or a detail). */
    says?: Record<string, RegExp[]>;
    /** Text no result may carry (no false claim, no destructive advice). */
    never?: RegExp[];
  };
  const goneDb = () => withDatabase(d.db.url, 'ctxops_deployment_db_is_gone');
  const faults: Record<string, Fault> = {
    'backend down': {
      plant: async () => ({ AUTH_BASE_URL: `http://127.0.0.1:${await closedPort()}` }),
      red: ['backend:fail', 'ui:fail<backend', 'auth:fail<backend#sign-in-fails', 'mcp:fail<backend'],
      exit: 1,
      headline: 'default: Backend failing (also breaks UI, Sign-in, MCP / OAuth) (4 failing)',
    },
    'postgres down': {
      plant: async () => ({ DATABASE_URL: `postgres://postgres@127.0.0.1:${await closedPort()}/ctx` }),
      red: [
        'postgres:fail',
        'migrations:fail<postgres',
        'indexing:fail<postgres',
        'worker:fail<postgres',
        'confluence:fail<postgres',
      ],
      exit: 1,
    },
    'database lost behind a running backend (/.status stays 200)': {
      plant: async () => {
        await d.auth.setDatabase(goneDb());
        return { DATABASE_URL: goneDb() };
      },
      undo: () => d.auth.setDatabase(d.db.url),
      red: [
        'backend:fail<postgres',
        'auth:fail<postgres#sign-in-fails',
        'mcp:fail<postgres#sign-in-fails',
        'postgres:fail',
        'migrations:fail<postgres',
        'indexing:fail<postgres',
        'worker:fail<postgres',
        'confluence:fail<postgres',
      ],
      exit: 1,
      headline:
        'default: Postgres failing (also breaks Backend, Sign-in, MCP / OAuth, Migrations and 3 more) (8 failing)',
      says: {
        backend: [
          /^up, but cannot use its database: "database \\"ctxops_deployment_db_is_gone\\" does not exist"$/,
          /likely cause: Postgres is failing; the ctx\| backend exits at start/,
        ],
        auth: [/✗ GET \/\.auth\/api\/v1\/auth\/jwks → 500 \(empty body\)/],
        mcp: [/✗ jwks_uri \S+ → HTTP 500/],
      },
      never: [/ready for OAuth/, /sessions and signing keys are readable/],
    },
    'backend pool closed after SIGTERM, process still serving': {
      plant: async () => d.auth.closePool(),
      undo: () => d.auth.setDatabase(d.db.url),
      red: ['backend:fail', 'auth:fail<backend#sign-in-fails', 'mcp:fail<backend#sign-in-fails'],
      exit: 1,
      headline: 'default: Backend failing (also breaks Sign-in, MCP / OAuth) (3 failing)',
      says: {
        backend: [
          /^up, but cannot use its database: "Cannot use a pool after calling end on the pool"$/,
          /✓ GET \/\.status → 200/,
        ],
      },
    },
    'backend down because its database is missing': {
      plant: async () => ({ AUTH_BASE_URL: `http://127.0.0.1:${await closedPort()}`, DATABASE_URL: goneDb() }),
      red: [
        'backend:fail<postgres',
        'ui:fail<postgres',
        'auth:fail<postgres#sign-in-fails',
        'mcp:fail<postgres',
        'postgres:fail',
        'migrations:fail<postgres',
        'indexing:fail<postgres',
        'worker:fail<postgres',
        'confluence:fail<postgres',
      ],
      exit: 1,
      headline: 'default: Postgres failing (also breaks Backend, UI, Sign-in, MCP / OAuth and 4 more) (9 failing)',
      says: {
        postgres: [/database "ctxops_deployment_db_is_gone" does not exist/],
        backend: [
          /likely cause: Postgres is failing; the ctx\| backend exits at start when its database is missing or unreachable/,
        ],
      },
    },
    'UI proxy refused': {
      plant: async () => d.backend.setUi('proxyRefused'),
      undo: () => d.backend.setUi('healthy'),
      red: ['ui:fail'],
      exit: 1,
    },
    'UI serves its HTML but not the script it names': {
      plant: async () => d.backend.setUi('assetsMissing'),
      undo: () => d.backend.setUi('healthy'),
      red: ['ui:fail'],
      exit: 1,
      says: { ui: [/^the page loads but its script answers HTTP 404$/] },
    },
    'AUTH_SECRET rotated on the deployment after the keys were made': {
      plant: async () => {
        d.auth.set({ authSecret: ROTATED });
        d.codesearch.configure({ secret: ROTATED });
        return { AUTH_SECRET: ROTATED };
      },
      undo: () => {
        d.auth.set({ authSecret: DEPLOYMENT_SECRETS.AUTH_SECRET });
        d.codesearch.configure({ secret: DEPLOYMENT_SECRETS.AUTH_SECRET });
      },
      red: ['auth:fail#auth-secret-changed'],
      exit: 1,
      headline: 'default: Sign-in failing (1 failing)',
      says: {
        auth: [
          /^AUTH_SECRET changed after the signing keys were made$/,
          /does not open the newest signing key in jwkss.*codesearch accepts a token signed with it/,
          /signs everyone out and invalidates the tokens of every MCP client/,
        ],
      },
    },
    "only ctx-ops's own copy of AUTH_SECRET is stale": {
      plant: async () => ({ AUTH_SECRET: STALE }),
      red: ['auth:warn', 'codesearch:warn'],
      exit: 0,
      says: {
        auth: [
          /^ctx-ops's copy of AUTH_SECRET is stale$/,
          /fix ctx-ops's configuration; nothing in ctx\| needs changing/,
        ],
        codesearch: [/^not verified: ctx-ops's AUTH_SECRET is not the deployment's/],
      },
      never: [
        /DELETE FROM jwkss/,
        /AUTH_SECRET differs between backend and codesearch/,
        /codesearch's AUTH_SECRET differs/,
        /auth-secret-changed/,
      ],
    },
    'MCP metadata names the wrong resource': {
      plant: async () => d.auth.set({ mcp: 'wrongResource' }),
      undo: () => d.auth.set({ mcp: 'healthy' }),
      red: ['mcp:fail#sign-in-fails'],
      exit: 1,
    },
    'codesearch has another AUTH_SECRET': {
      plant: async () => d.codesearch.configure({ secret: 'another-secret-entirely-0123456789abcdef' }),
      undo: () => d.codesearch.configure({ secret: DEPLOYMENT_SECRETS.AUTH_SECRET }),
      red: ['codesearch:fail#repo-not-indexed'],
      exit: 1,
      says: {
        codesearch: [/^codesearch's AUTH_SECRET differs from the backend's$/],
        auth: [/codesearch's AUTH_SECRET is the one that differs .*sign-in is not affected/],
      },
      never: [/DELETE FROM jwkss/],
    },
    'Zoekt down': {
      plant: async () => d.codesearch.setFault('zoektDown'),
      undo: () => d.codesearch.setFault('healthy'),
      red: ['codesearch:fail#repo-not-indexed'],
      exit: 1,
    },
    'graph password wrong': {
      plant: async () => ({ GRAPH_DB_PASSWORD: 'wrong-password-xyz' }),
      red: ['graph:fail#graph-fails'],
      exit: 1,
    },
    'graph is plain Redis (module missing)': {
      plant: async () => ({ GRAPH_DB_URI: 'redis://127.0.0.1:6379', GRAPH_DB_PASSWORD: '' }),
      red: ['graph:fail#graph-fails'],
      exit: 1,
    },
    'a repository failed to index': {
      plant: async () =>
        void (await insertRepo(d.db, {
          orgId: d.orgId,
          name: 'acme/broken',
          indexingStatus: 'failed',
          indexingError: 'clone failed',
        })),
      undo: async () => void (await d.db.query("DELETE FROM repositories WHERE name = 'acme/broken'")),
      red: ['indexing:fail#repo-not-indexed'],
      exit: 1,
    },
    'ingestion failing step after step while the repository shows running': {
      plant: async () => {
        const repositoryId = await insertRepo(d.db, {
          orgId: d.orgId,
          name: 'acme/flaky',
          indexingStatus: 'queued',
          indexReady: false,
          lastIngestedAt: null,
        });
        await runFailingIngestion(d.db.url, { repositoryId, orgId: d.orgId, failures: 5 });
      },
      undo: async () => {
        await d.db.query("DELETE FROM openworkflow.workflow_runs WHERE workflow_name = 'repository-ingestion'");
        await d.db.query("DELETE FROM repositories WHERE name = 'acme/flaky'");
      },
      red: ['indexing:fail#repo-not-indexed', 'worker:warn#repo-not-indexed'],
      exit: 1,
      says: {
        indexing: [
          /^2 ready, 1 failing while running \(ingestion retrying\)$/,
          /acme\/flaky \(org acme\) running, but its repository-ingestion run \S+ keeps failing: \d+ failed step attempts .*: resolve-ref failed to fetch/,
        ],
        worker: [
          /retrying after failed steps \(repository-ingestion: resolve-ref failed to fetch\)/,
          /for repository acme\/flaky \(org acme\) keeps failing/,
        ],
      },
      never: [/no run failed in the last 24 h/, /indexing now, with progress/],
    },
    'the worker stalled': {
      plant: async () =>
        void (await insertRun(d.db, {
          workflowName: 'ingest-repository',
          status: 'pending',
          availableAt: ago({ hours: 1 }),
        } as Parameters<typeof insertRun>[1])),
      undo: async () =>
        void (await d.db.query("DELETE FROM openworkflow.workflow_runs WHERE workflow_name = 'ingest-repository'")),
      red: ['worker:fail#repo-not-indexed'],
      exit: 1,
    },
    "a migration's recorded hash edited after it ran": {
      plant: async () =>
        void (await d.db.query(
          "UPDATE drizzle.__drizzle_migrations SET hash = 'x' || hash WHERE name = '20260102000000_settings'",
        )),
      undo: async () =>
        void (await d.db.query(
          "UPDATE drizzle.__drizzle_migrations SET hash = substr(hash, 2) WHERE name = '20260102000000_settings'",
        )),
      red: ['migrations:warn'],
      exit: 0,
      says: {
        migrations: [
          /Either the file was edited after it ran, or the row in drizzle\.__drizzle_migrations was; the migrator decides by name, so it will not run them again/,
        ],
      },
      never: [/the files were edited after they ran/],
    },
    'Forge provisioning failed': {
      plant: async () =>
        void (await d.db.query(
          `UPDATE connections SET config = config || '{"status":"pending","provisionStatus":"failed","provisionErrorCode":"forge_auth_failed"}'::jsonb WHERE id = $1`,
          [d.connectionId],
        )),
      undo: async () =>
        void (await d.db.query(
          `UPDATE connections SET config = config || '{"status":"installed","provisionStatus":"succeeded","provisionErrorCode":null}'::jsonb WHERE id = $1`,
          [d.connectionId],
        )),
      red: ['confluence:fail#confluence-stalls'],
      exit: 1,
    },
    'OTLP logs endpoint down': {
      plant: async () => ({ OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: `http://127.0.0.1:${await closedPort()}/v1/logs` }),
      red: ['telemetry:fail'],
      exit: 1,
    },
  };

  it.each(Object.entries(faults))(
    '%s turns exactly the right checks red, names the cause, and prints no secret',
    async (_name, fault) => {
      const env = (await fault.plant()) ?? {};
      try {
        const { code, json, out, err } = await status(env);
        expect(red(json)).toEqual(fault.red);
        expect(code).toBe(fault.exit);
        if (fault.headline)
          expect(headline(json as unknown as Parameters<typeof headline>[0], titles)).toBe(fault.headline);
        for (const [id, patterns] of Object.entries(fault.says ?? {})) {
          const c = json.checks.find((x) => x.id === id)!;
          // An anchored pattern is about the summary line; the others may match any line.
          const text = [c.summary, ...c.details].join('\n');
          for (const p of patterns) expect(p.source.startsWith('^') ? c.summary : text, `${id}: ${p}`).toMatch(p);
        }
        for (const p of fault.never ?? []) expect(out).not.toMatch(p);
        for (const secret of [...SECRETS, ...HASHES]) expect(out + err).not.toContain(secret);
      } finally {
        await fault.undo?.();
      }
    },
  );

  it('a pending migration is a warning, not a failure (exit 0)', async () => {
    writeMigration(d.migrationsDir, '20260301000000_next', 'SELECT 1;');
    const { code, json } = await status();
    expect(red(json)).toEqual(['migrations:warn']);
    expect(json.checks.find((c) => c.id === 'migrations')!.summary).toBe('1 pending (2 applied)');
    expect(code).toBe(0);
  });

  it('never prints a deployment secret', async () => {
    const { out, err } = await status({ GRAPH_DB_PASSWORD: 'wrong-password-xyz' });
    for (const secret of [...SECRETS, ...HASHES]) expect(out + err).not.toContain(secret);
  });
});
