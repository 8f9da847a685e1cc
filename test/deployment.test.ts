import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { allChecks } from '../src/diagnostics/registry.js';
import { ago, insertRepo, insertRun } from './support/ctx-schema.js';
import { writeMigration } from './support/drizzle.js';
import { DEPLOYMENT_SECRETS, startFakeDeployment, type FakeDeployment } from './support/fake-deployment.js';
import { closedPort } from './support/net.js';

/**
 * Issue 3's acceptance: `ctx-ops status --json` against a whole fake deployment reports
 * every check healthy, and each planted fault turns exactly the right checks red, with the
 * right root cause and runbook. Runs the real CLI (config, store, runner, all checks).
 */
let d: FakeDeployment;
beforeAll(async () => {
  d = await startFakeDeployment();
});
afterAll(() => d.close());

interface Json {
  overall: string;
  checks: Array<{ id: string; status: string; summary: string; details: string[]; rootCause?: string; runbook?: string }>;
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
  const code = await runCli(['status', '--json'], { ...d.env, ...env, LOG_LEVEL: 'silent' }, { cwd: d.migrationsDir, stdin, stdout, stderr });
  return { code, json: JSON.parse(out) as Json, out, err };
}

/** "id:status<rootCause#runbook" for every check that is not ok or skipped. */
const red = (j: Json) => j.checks.filter((c) => c.status !== 'ok' && c.status !== 'skip').map((c) => `${c.id}:${c.status}${c.rootCause ? `<${c.rootCause}` : ''}${c.runbook ? `#${c.runbook}` : ''}`);

describe('a whole fake deployment', () => {
  it('reports all twelve checks ok and exits 0', async () => {
    const { code, json } = await status();
    expect(json.checks.map((c) => c.id)).toEqual(allChecks.map((c) => c.id));
    expect(json.checks).toHaveLength(12);
    expect(json.checks.filter((c) => c.status !== 'ok').map((c) => `${c.id}: ${c.summary}`)).toEqual([]);
    expect(json.overall).toBe('ok');
    expect(code).toBe(0);
  });

  type Fault = { plant: () => Promise<Record<string, string> | void>; undo?: () => Promise<void> | void; red: string[]; exit: number };
  const faults: Record<string, Fault> = {
    'backend down': {
      plant: async () => ({ AUTH_BASE_URL: `http://127.0.0.1:${await closedPort()}` }),
      red: ['backend:fail', 'ui:fail<backend', 'auth:fail<backend#sign-in-fails', 'mcp:fail<backend'],
      exit: 1,
    },
    'postgres down': {
      plant: async () => ({ DATABASE_URL: `postgres://postgres@127.0.0.1:${await closedPort()}/ctx` }),
      red: ['postgres:fail', 'migrations:fail<postgres', 'indexing:fail<postgres', 'worker:fail<postgres', 'confluence:fail<postgres'],
      exit: 1,
    },
    'UI proxy refused': { plant: async () => d.backend.setUi('proxyRefused'), undo: () => d.backend.setUi('healthy'), red: ['ui:fail'], exit: 1 },
    'AUTH_SECRET changed since the keys were made': {
      plant: async () => d.auth.set({ session: 'decryptFailed' }),
      undo: () => d.auth.set({ session: 'healthy' }),
      red: ['auth:fail#auth-secret-changed'],
      exit: 1,
    },
    'MCP metadata names the wrong resource': { plant: async () => d.auth.set({ mcp: 'wrongResource' }), undo: () => d.auth.set({ mcp: 'healthy' }), red: ['mcp:fail#sign-in-fails'], exit: 1 },
    'codesearch has another AUTH_SECRET': {
      plant: async () => d.codesearch.configure({ secret: 'another-secret-entirely-0123456789abcdef' }),
      undo: () => d.codesearch.configure({ secret: DEPLOYMENT_SECRETS.AUTH_SECRET }),
      red: ['codesearch:fail#repo-not-indexed'],
      exit: 1,
    },
    'Zoekt down': { plant: async () => d.codesearch.setFault('zoektDown'), undo: () => d.codesearch.setFault('healthy'), red: ['codesearch:fail#repo-not-indexed'], exit: 1 },
    'graph password wrong': { plant: async () => ({ GRAPH_DB_PASSWORD: 'wrong-password-xyz' }), red: ['graph:fail#graph-fails'], exit: 1 },
    'graph is plain Redis (module missing)': { plant: async () => ({ GRAPH_DB_URI: 'redis://127.0.0.1:6379', GRAPH_DB_PASSWORD: '' }), red: ['graph:fail#graph-fails'], exit: 1 },
    'a repository failed to index': {
      plant: async () => void (await insertRepo(d.db, { orgId: d.orgId, name: 'acme/broken', indexingStatus: 'failed', indexingError: 'clone failed' })),
      undo: async () => void (await d.db.query("DELETE FROM repositories WHERE name = 'acme/broken'")),
      red: ['indexing:fail#repo-not-indexed'],
      exit: 1,
    },
    'the worker stalled': {
      plant: async () => void (await insertRun(d.db, { workflowName: 'ingest-repository', status: 'pending', availableAt: ago({ hours: 1 }) } as Parameters<typeof insertRun>[1])),
      undo: async () => void (await d.db.query("DELETE FROM openworkflow.workflow_runs WHERE workflow_name = 'ingest-repository'")),
      red: ['worker:fail#repo-not-indexed'],
      exit: 1,
    },
    'Forge provisioning failed': {
      plant: async () =>
        void (await d.db.query(`UPDATE connections SET config = config || '{"status":"pending","provisionStatus":"failed","provisionErrorCode":"forge_auth_failed"}'::jsonb WHERE id = $1`, [d.connectionId])),
      undo: async () =>
        void (await d.db.query(`UPDATE connections SET config = config || '{"status":"installed","provisionStatus":"succeeded","provisionErrorCode":null}'::jsonb WHERE id = $1`, [d.connectionId])),
      red: ['confluence:fail#confluence-stalls'],
      exit: 1,
    },
    'OTLP logs endpoint down': { plant: async () => ({ OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: `http://127.0.0.1:${await closedPort()}/v1/logs` }), red: ['telemetry:fail'], exit: 1 },
  };

  it.each(Object.entries(faults))('%s turns exactly the right checks red', async (_name, fault) => {
    const env = (await fault.plant()) ?? {};
    try {
      const { code, json } = await status(env);
      expect(red(json)).toEqual(fault.red);
      expect(code).toBe(fault.exit);
    } finally {
      await fault.undo?.();
    }
  });

  it('a pending migration is a warning, not a failure (exit 0)', async () => {
    writeMigration(d.migrationsDir, '20260301000000_next', 'SELECT 1;');
    const { code, json } = await status();
    expect(red(json)).toEqual(['migrations:warn']);
    expect(json.checks.find((c) => c.id === 'migrations')!.summary).toBe('1 pending (2 applied)');
    expect(code).toBe(0);
  });

  it('never prints a deployment secret', async () => {
    const { out, err } = await status({ GRAPH_DB_PASSWORD: 'wrong-password-xyz' });
    for (const secret of [...Object.values(DEPLOYMENT_SECRETS), 'wrong-password-xyz', 'saved-on-connection-secret', 'github-client-secret-9f9f']) {
      expect(out + err).not.toContain(secret);
    }
  });
});
