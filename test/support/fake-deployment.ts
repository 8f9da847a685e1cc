import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertJwk, makeJwk } from './better-auth-keys.js';
import {
  createCtxTables,
  insertForgeConnection,
  insertOrg,
  insertRepo,
  insertRun,
  insertSyncTarget,
  ago,
} from './ctx-schema.js';
import { drizzleMigrate, writeMigration } from './drizzle.js';
import { addCtxAuth, type FakeCtxAuth } from './fake-ctx-auth.js';
import { startFakeBackend, type FakeBackend } from './fake-backend.js';
import { startFakeCodesearch, type FakeCodesearch } from './fake-codesearch.js';
import { startFakeHttp, type FakeHttp } from './fake-http.js';
import { migrateOpenWorkflow } from './openworkflow.js';
import { createTestDatabase, type TestDatabase } from './pg.js';
import { startRespStub, type RespStub } from './resp-stub.js';

/**
 * A whole healthy ctx| deployment on loopback: the backend (status, UI, sign-in, MCP/OAuth,
 * its database-backed routes reading the same Postgres), codesearch verifying tokens signed
 * with AUTH_SECRET, FalkorDB (RESP), an OTLP collector, and a real Postgres holding ctx|'s
 * tables, migrations applied by the real drizzle migrator, OpenWorkflow's schema created by
 * OpenWorkflow's own migrations, a signing key in jwkss encrypted the Better Auth way, one
 * organisation with an indexed repository, a live Confluence connection and a worker that
 * keeps up. `env` is the deployment's `.env` as ctx-ops reads it.
 */
export interface FakeDeployment {
  env: Record<string, string>;
  backend: FakeBackend;
  auth: FakeCtxAuth;
  codesearch: FakeCodesearch;
  falkor: RespStub;
  otlp: FakeHttp;
  db: TestDatabase;
  migrationsDir: string;
  orgId: string;
  connectionId: string;
  close(): Promise<void>;
}

export const DEPLOYMENT_SECRETS = {
  AUTH_SECRET: 'deployment-auth-secret-0123456789-abcdefghijkl',
  CONNECTION_SECRETS_ENCRYPTION_KEY: `${'c0ffee'.repeat(10)}abcd`,
  GRAPH_DB_PASSWORD: 'falkor-pass-4f8a1c',
  ATLASSIAN_CLIENT_SECRET: 'atlassian-client-secret-77aa',
} as const;

export async function startFakeDeployment(): Promise<FakeDeployment> {
  const db = await createTestDatabase('deployment');
  const migrationsDir = mkdtempSync(join(tmpdir(), 'ctx-deploy-migrations-'));
  writeMigration(
    migrationsDir,
    '20260101000000_init',
    'CREATE TABLE jwkss (id text PRIMARY KEY, public_key text NOT NULL, private_key text NOT NULL, created_at timestamp NOT NULL, expires_at timestamp);',
  );
  writeMigration(migrationsDir, '20260102000000_settings', 'CREATE TABLE settings (key text PRIMARY KEY, value text);');
  await drizzleMigrate(db.url, migrationsDir);
  await createCtxTables(db, { openworkflowSchema: false });
  await migrateOpenWorkflow(db.url);
  // Someone signed in once: the backend made its signing key with its AUTH_SECRET.
  await insertJwk(db, await makeJwk(DEPLOYMENT_SECRETS.AUTH_SECRET, { createdAt: ago({ days: 30 }) }));
  const orgId = await insertOrg(db, { slug: 'acme', name: 'Acme' });
  const repoId = await insertRepo(db, { orgId, name: 'acme/api' });
  await insertRepo(db, { orgId, name: 'acme/web' });
  const connectionId = await insertForgeConnection(db, {
    orgId,
    config: {
      status: 'installed',
      provisionStatus: 'succeeded',
      provisionErrorCode: null,
      lastProvisionAt: ago({ days: 1 }).toISOString(),
      confluenceSiteHost: 'acme.atlassian.net',
      atlassianOAuthClientId: 'oauth-client-id-1',
      atlassianOAuthClientSecret: 'saved-on-connection-secret',
    },
  });
  await insertSyncTarget(db, { orgId, connectionId, repositoryId: repoId, setupPhase: 'live' });
  await insertRun(db, { workflowName: 'confluence-sync-content', status: 'completed' });

  const backend = await startFakeBackend();
  const auth = addCtxAuth(backend, { databaseUrl: db.url, authSecret: DEPLOYMENT_SECRETS.AUTH_SECRET });
  auth.set({ providers: ['github', 'atlassian'] });
  const codesearch = await startFakeCodesearch({ secret: DEPLOYMENT_SECRETS.AUTH_SECRET });
  const falkor = await startRespStub({ password: DEPLOYMENT_SECRETS.GRAPH_DB_PASSWORD, graphs: { [orgId]: 42 } });
  const otlp = await startFakeHttp();
  for (const signal of ['traces', 'logs', 'metrics']) {
    otlp.route('POST', `/v1/${signal}`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-protobuf' });
      res.end();
    });
  }

  const env: Record<string, string> = {
    DATABASE_URL: db.url,
    CTX_MIGRATIONS_DIR: migrationsDir,
    AUTH_BASE_URL: backend.url,
    AUTH_SECRET: DEPLOYMENT_SECRETS.AUTH_SECRET,
    CONNECTION_SECRETS_ENCRYPTION_KEY: DEPLOYMENT_SECRETS.CONNECTION_SECRETS_ENCRYPTION_KEY,
    GITHUB_CLIENT_ID: 'github-client-id',
    GITHUB_CLIENT_SECRET: 'github-client-secret-9f9f',
    CODESEARCH_URL: codesearch.url,
    GRAPH_DB_PROVIDER: 'falkordb',
    GRAPH_DB_URI: falkor.url(),
    GRAPH_DB_PASSWORD: DEPLOYMENT_SECRETS.GRAPH_DB_PASSWORD,
    ATLASSIAN_CLIENT_ID: 'atlassian-client-id',
    ATLASSIAN_CLIENT_SECRET: DEPLOYMENT_SECRETS.ATLASSIAN_CLIENT_SECRET,
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${otlp.url}/v1/traces`,
    OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: `${otlp.url}/v1/logs`,
    OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `${otlp.url}/v1/metrics`,
  };

  return {
    env,
    backend,
    auth,
    codesearch,
    falkor,
    otlp,
    db,
    migrationsDir,
    orgId,
    connectionId,
    async close() {
      await auth.close();
      await Promise.all([backend.close(), codesearch.close(), falkor.close(), otlp.close()]);
      await db.drop();
      rmSync(migrationsDir, { recursive: true, force: true });
    },
  };
}
