import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queueVerdict, runProblemStatus, workerRunbook } from '../../../src/diagnostics/checks/worker.js';
import { runProblem, type RunProblem } from '../../../src/diagnostics/openworkflow-runs.js';
import {
  ago,
  createCtxTables,
  createOpenWorkflowTables,
  fromNow,
  insertForgeConnection,
  insertOrg,
  insertRepo,
  insertRun,
  insertStepAttempt,
  truncateCtxTables,
  withRole,
} from '../../support/ctx-schema.js';
import { createJwkssTable, insertJwk, makeJwk } from '../../support/better-auth-keys.js';
import { buildBot, type Harness } from '../../support/harness.js';
import { migrateOpenWorkflow, runFailingIngestion } from '../../support/openworkflow.js';
import { closedPort, startSilentTcp } from '../../support/net.js';
import { createTestDatabase, type TestDatabase } from '../../support/pg.js';

/** The GRANTs of docs/checks-postgres.md, verbatim but for the names. */
const DOCUMENTED_GRANTS = [
  'GRANT CONNECT ON DATABASE {db} TO {role}',
  'GRANT USAGE ON SCHEMA public, drizzle, openworkflow TO {role}',
  'GRANT SELECT ON public.organizations, public.repositories, public.connections, public.confluence_sync_targets TO {role}',
  'GRANT SELECT ON public.jwkss TO {role}',
  'GRANT SELECT ON drizzle.__drizzle_migrations TO {role}',
  'GRANT SELECT ON openworkflow.workflow_runs, openworkflow.step_attempts TO {role}',
  'GRANT pg_monitor TO {role}',
];

const MIN = 60_000;
const H = 60 * MIN;

describe('worker rules', () => {
  it.each<[number | null, number, 'ok' | 'warn' | 'fail']>([
    [null, 0, 'ok'],
    [5 * MIN, 0, 'ok'],
    [10 * MIN, 0, 'fail'],
    [3 * H, 0, 'fail'],
    [25 * MIN, 4, 'warn'],
  ])('oldest due %s ms with %i live leases → %s (stalled after 10 min)', (due, leases, expected) => {
    expect(queueVerdict(due, leases, 10 * MIN)).toBe(expected);
  });

  const T = { overdueMs: 10 * MIN, longRunningMs: 6 * H };
  const run = (r: Partial<Parameters<typeof runProblem>[0]>) => ({
    status: 'running',
    workerId: 'w',
    overdueMs: -20_000,
    pastDeadlineMs: null,
    runningMs: MIN,
    ...r,
  });
  it.each<[string, ReturnType<typeof run>, RunProblem | null]>([
    ['a running run with a live lease', run({}), null],
    ['pending, due 2 min ago', run({ status: 'pending', workerId: null, overdueMs: 2 * MIN, runningMs: null }), null],
    [
      'pending, due 25 min ago',
      run({ status: 'pending', workerId: null, overdueMs: 25 * MIN, runningMs: null }),
      'waiting',
    ],
    [
      'pending, retry scheduled in an hour',
      run({ status: 'pending', workerId: null, overdueMs: -H, runningMs: null }),
      null,
    ],
    ['running, lease expired 20 min ago', run({ overdueMs: 20 * MIN }), 'lease-expired'],
    ['parked (no worker), wake-up 20 min ago', run({ workerId: null, overdueMs: 20 * MIN }), 'not-resumed'],
    [
      'deprecated sleeping, wake-up 20 min ago',
      run({ status: 'sleeping', workerId: null, overdueMs: 20 * MIN }),
      'not-resumed',
    ],
    ['past its deadline', run({ pastDeadlineMs: 5 * MIN }), 'past-deadline'],
    [
      'past its deadline and overdue: the deadline tells more',
      run({ status: 'pending', overdueMs: H, pastDeadlineMs: MIN }),
      'past-deadline',
    ],
    ['running for 7 h under a live lease', run({ runningMs: 7 * H }), 'long-running'],
  ])('%s → %s', (_n, r, expected) => expect(runProblem(r, T)).toBe(expected));

  it.each<[RunProblem, string]>([
    ['past-deadline', 'fail'],
    ['long-running', 'warn'],
    ['waiting', 'info'],
    ['lease-expired', 'info'],
    ['not-resumed', 'info'],
  ])('a %s run is reported as %s', (p, expected) => expect(runProblemStatus(p)).toBe(expected));
});

describe("worker check against OpenWorkflow's tables (real Postgres)", () => {
  let db: TestDatabase;
  let h: Harness | undefined;
  beforeAll(async () => {
    db = await createTestDatabase('worker');
    await createCtxTables(db);
  });
  afterEach(async () => {
    await h?.close();
    h = undefined;
    await truncateCtxTables(db);
  });
  afterAll(() => db.drop());

  const check = async (opts: { yaml?: string; env?: Record<string, string>; url?: string } = {}) => {
    h = buildBot({ env: { DATABASE_URL: opts.url ?? db.url, ...opts.env }, yaml: opts.yaml ?? '' });
    const report = await h.bot.core.diagnostics.run('default', { only: ['worker'], maxAgeMs: 0 });
    return { r: report.checks.find((c) => c.id === 'worker')!, report };
  };

  it('is ok while runs are picked up and nothing failed', async () => {
    await insertRun(db, { workflowName: 'repository-ingestion', status: 'completed', createdAt: ago({ hours: 2 }) });
    await insertRun(db, { workflowName: 'repository-ingestion', status: 'running' });
    await insertRun(db, {
      workflowName: 'confluence-sync-content',
      status: 'pending',
      availableAt: fromNow({ minutes: 5 }),
    });
    await insertRun(db, { workflowName: 'repository-index', status: 'pending', availableAt: ago({ minutes: 1 }) });
    const { r } = await check();
    expect(r.status).toBe('ok');
    expect(r.summary).toBe('1 running, 2 pending');
    expect(r.details).toContain(
      '· schema openworkflow: 2 pending, 1 running or parked; 1 held under live leases by 1 worker(s)',
    );
    expect(r.details).toContain('✓ no run failed in the last 24 h');
    expect(r.details.join('\n')).toMatch(
      /✓ the longest-due run waited (under a minute|1 min) \(stalled after 10 min\): repository-index waiting to be picked up/,
    );
  });

  it('says so when the queue is idle, because that proves no worker either way', async () => {
    const { r } = await check();
    expect(r.status).toBe('ok');
    expect(r.details.join('\n')).toMatch(
      /no run is due or leased, so the queue cannot show whether a worker process is up/,
    );
  });

  it('fails as stalled when a run waits past the threshold and no worker holds a lease', async () => {
    await insertRun(db, {
      workflowName: 'repository-ingestion-orchestrator',
      status: 'pending',
      availableAt: ago({ minutes: 25 }),
      createdAt: ago({ minutes: 25 }),
    });
    await insertRun(db, { workflowName: 'forge-provision', status: 'pending', availableAt: ago({ minutes: 12 }) });
    const { r } = await check();
    expect(r.status).toBe('fail');
    expect(r.summary).toBe(
      'stalled: repository-ingestion-orchestrator waiting to be picked up for 25 min, no live worker',
    );
    expect(r.details.join('\n')).toContain(
      '✗ the worker looks stalled: repository-ingestion-orchestrator waiting to be picked up for 25 min and no worker holds a live lease; 2 run(s) overdue',
    );
  });

  it('takes the stall threshold from checks.worker.stalledMinutes', async () => {
    await insertRun(db, { workflowName: 'repository-ingestion', status: 'pending', availableAt: ago({ minutes: 25 }) });
    const { r } = await check({ yaml: 'checks:\n  worker:\n    stalledMinutes: 30\n' });
    expect(r.status).toBe('ok');
  });

  it("fails as stalled when a running run's worker stopped heartbeating, naming the step it was in", async () => {
    const run = await insertRun(db, {
      workflowName: 'repository-ingestion',
      status: 'running',
      workerId: 'worker-7f3a',
      availableAt: ago({ minutes: 20 }),
      startedAt: ago({ minutes: 31 }),
    });
    await insertStepAttempt(db, {
      workflowRunId: run,
      stepName: 'load-repository',
      status: 'completed',
      createdAt: ago({ minutes: 30 }),
    });
    await insertStepAttempt(db, {
      workflowRunId: run,
      stepName: 'clone-repository',
      status: 'running',
      createdAt: ago({ minutes: 29 }),
    });
    const { r } = await check();
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('stalled: repository-ingestion held under an expired lease for 20 min, no live worker');
    expect(r.details.join('\n')).toContain(
      `· repository-ingestion run ${run.slice(0, 8)} held by worker worker-7f3a, whose lease expired 20 min ago: that worker stopped heartbeating (in step clone-repository)`,
    );
  });

  it('warns (busy, not stalled) when runs wait while a worker holds live leases', async () => {
    await insertRun(db, { workflowName: 'repository-ingestion', status: 'running' });
    await insertRun(db, {
      workflowName: 'confluence-sync-space',
      status: 'pending',
      availableAt: ago({ minutes: 40 }),
    });
    const { r } = await check();
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('1 running, 1 pending; busy: confluence-sync-space waiting to be picked up for 40 min');
    expect(r.details.join('\n')).toMatch(
      /⚠ 1 run\(s\) overdue .* while 1 run\(s\) are held by live workers: the worker is busy at its concurrency limit/,
    );
  });

  it('groups failures of the last 24 h by workflow with the latest error and its step, credentials stripped', async () => {
    const token = 'ghs_WorkerSecret0123456789abcdef';
    for (const hours of [5, 3]) {
      await insertRun(db, {
        workflowName: 'repository-ingestion',
        status: 'failed',
        finishedAt: ago({ hours }),
        error: { message: `older failure ${hours}` },
      });
    }
    const latest = await insertRun(db, {
      workflowName: 'repository-ingestion',
      status: 'failed',
      finishedAt: ago({ hours: 2 }),
      error: {
        name: 'Error',
        message: `git clone https://x-access-token:${token}@github.com/acme/api.git failed: exit 128`,
        stack: 'Error: at secret-stack-frame',
      },
    });
    await insertStepAttempt(db, {
      workflowRunId: latest,
      stepName: 'clone-repository',
      status: 'failed',
      error: { message: 'exit 128' },
    });
    await insertRun(db, {
      workflowName: 'forge-provision',
      status: 'failed',
      finishedAt: ago({ minutes: 30 }),
      error: { message: 'Unknown forge connection for org' },
    });
    await insertRun(db, {
      workflowName: 'repository-ingestion',
      status: 'failed',
      finishedAt: ago({ hours: 30 }),
      error: { message: 'too old to count' },
    });
    await insertRun(db, { workflowName: 'repository-ingestion', status: 'completed' });
    const { r } = await check();
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('0 running, 0 pending; 4 failed in 24 h (repository-ingestion ×3, forge-provision ×1)');
    const details = r.details.join('\n');
    expect(details).toContain(
      '⚠ repository-ingestion: 3 failed in 24 h; latest 2 h ago in step clone-repository: git clone https://github.com/acme/api.git failed: exit 128',
    );
    expect(details).toContain(
      '⚠ forge-provision: 1 failed in 24 h; latest 30 min ago: Unknown forge connection for org',
    );
    expect(details).not.toContain('too old to count');
    const everything = JSON.stringify(r) + h!.logs.join('');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('secret-stack-frame');
  });

  it('warns about a run that keeps failing and retrying, with its error and its repository (0.8 layout)', async () => {
    const org = await insertOrg(db, { slug: 'acme' });
    const repo = await insertRepo(db, { orgId: org, name: 'acme/api', indexingStatus: 'running' });
    const run = await insertRun(db, {
      workflowName: 'repository-ingestion',
      status: 'running',
      input: { repositoryId: repo, orgId: org },
      error: { message: 'resolve-ref failed to fetch' },
    });
    for (const minutes of [9, 7, 5, 3, 1]) {
      await insertStepAttempt(db, {
        workflowRunId: run,
        stepName: 'resolve-ref',
        status: 'failed',
        error: { message: 'resolve-ref failed to fetch' },
        createdAt: ago({ minutes }),
      });
    }
    // An old failure outside the window counts in the total only.
    await insertStepAttempt(db, {
      workflowRunId: run,
      stepName: 'resolve-ref',
      status: 'failed',
      error: { message: 'older' },
      createdAt: ago({ hours: 3 }),
    });
    const { r } = await check();
    expect(r.status).toBe('warn');
    expect(r.runbook).toBe('repo-not-indexed');
    expect(r.summary).toBe(
      '1 running, 0 pending; 1 retrying after failed steps (repository-ingestion: resolve-ref failed to fetch)',
    );
    const details = r.details.join('\n');
    expect(details).toContain(
      `⚠ repository-ingestion run ${run.slice(0, 8)} for repository acme/api (org acme) keeps failing and is being retried: 5 failed step attempts in the last 60 min (6 in all) (first 9 min ago, latest 1 min ago, step resolve-ref): resolve-ref failed to fetch; the run is running`,
    );
    expect(details).toContain('✓ no run failed for good in the last 24 h (the retrying runs above may still)');
    expect(details).not.toContain('no run failed in the last 24 h');
  });

  it('fails on a run past its deadline: the claim loop would have failed it, so no worker polled', async () => {
    const id = await insertRun(db, {
      workflowName: 'confluence-sync-content',
      status: 'pending',
      availableAt: fromNow({ hours: 1 }),
      deadlineAt: ago({ hours: 2 }),
    });
    const { r } = await check();
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('0 running, 1 pending; 1 past deadline');
    expect(r.details.join('\n')).toContain(
      `✗ confluence-sync-content run ${id.slice(0, 8)} is pending 2 h past its deadline_at: a polling worker fails such runs at once, so none has polled since`,
    );
  });

  it('warns about a run running longer than checks.worker.runningHours', async () => {
    const id = await insertRun(db, {
      workflowName: 'repository-ingestion',
      status: 'running',
      startedAt: ago({ hours: 7 }),
      createdAt: ago({ hours: 7 }),
    });
    await insertStepAttempt(db, {
      workflowRunId: id,
      stepName: 'extract-graph',
      status: 'running',
      createdAt: ago({ hours: 6 }),
    });
    const { r } = await check();
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('1 running, 0 pending; 1 running > 6 h');
    expect(r.details).toContain(
      `⚠ repository-ingestion run ${id.slice(0, 8)} running for 7 h (step extract-graph) on worker w-1`,
    );
    await h!.close();
    const again = await check({ yaml: 'checks:\n  worker:\n    runningHours: 8\n' });
    expect(again.r.status).toBe('ok');
  });

  it('reads the schema named by OPENWORKFLOW_POSTGRES_SCHEMA', async () => {
    await createOpenWorkflowTables(db, 'jobs');
    try {
      await insertRun(
        db,
        { workflowName: 'repository-ingestion', status: 'pending', availableAt: ago({ hours: 1 }) },
        'jobs',
      );
      const { r } = await check({ env: { OPENWORKFLOW_POSTGRES_SCHEMA: 'jobs' } });
      expect(r.status).toBe('fail');
      expect(r.details[0]).toMatch(/^· schema jobs: 1 pending/);
    } finally {
      await db.query('DROP SCHEMA jobs CASCADE');
    }
  });

  it('warns when OPENWORKFLOW_POSTGRES_SCHEMA names a missing schema while the runs are in openworkflow, and reads those', async () => {
    await insertRun(db, { workflowName: 'repository-ingestion', status: 'running' });
    const { r } = await check({ env: { OPENWORKFLOW_POSTGRES_SCHEMA: 'ow_custom' } });
    expect(r.status).toBe('warn');
    expect(r.details[0]).toMatch(
      /^⚠ OPENWORKFLOW_POSTGRES_SCHEMA=ow_custom names no schema, but the runs are in schema openworkflow: ctx\|'s backend and worker always use openworkflow/,
    );
    expect(r.details).toContain(
      '· schema openworkflow: 0 pending, 1 running or parked; 1 held under live leases by 1 worker(s)',
    );
  });

  it('rejects a schema name that is not an identifier', async () => {
    const { r } = await check({ env: { OPENWORKFLOW_POSTGRES_SCHEMA: 'x"; DROP TABLE y; --' } });
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('invalid OPENWORKFLOW_POSTGRES_SCHEMA');
  });

  it('fails with "the worker never started" when the OpenWorkflow schema does not exist', async () => {
    const bare = await createTestDatabase('worker_bare');
    try {
      await createCtxTables(bare, { openworkflowSchema: false });
      const { r } = await check({ url: bare.url });
      expect(r.status).toBe('fail');
      expect(r.summary).toBe('the worker never started: schema openworkflow does not exist');
      expect(r.details[0]).toMatch(/OpenWorkflow creates it when ctx\|'s backend or worker first connects/);
    } finally {
      await h?.close();
      h = undefined;
      await bare.drop();
    }
  });

  it('carries rootCause postgres when Postgres is down', async () => {
    const port = await closedPort();
    const { r, report } = await check({ url: `postgres://postgres@127.0.0.1:${port}/ctx` });
    expect(report.checks.map((c) => c.id)).toEqual(['postgres', 'worker']);
    expect(r.status).toBe('fail');
    expect(r.rootCause).toBe('postgres');
  });

  it('times out against a server that never answers', async () => {
    const silent = await startSilentTcp();
    try {
      const started = Date.now();
      const { r } = await check({
        url: `postgres://postgres@127.0.0.1:${silent.port}/ctx`,
        yaml: 'checks:\n  postgres:\n    timeoutMs: 300\n  worker:\n    timeoutMs: 300\n',
      });
      expect(Date.now() - started).toBeLessThan(4000);
      expect(r.status).toBe('fail');
      expect(r.summary).toMatch(/timed out: no answer within 300 ms/);
      expect(r.rootCause).toBe('postgres');
    } finally {
      await silent.close();
    }
  });

  it('needs no more than the read-only role documented in docs/checks-postgres.md', async () => {
    await db.query(`CREATE SCHEMA IF NOT EXISTS drizzle`);
    await db.query(
      `CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id serial PRIMARY KEY, hash text NOT NULL, created_at bigint, name text, applied_at timestamptz)`,
    );
    await createJwkssTable(db);
    await insertJwk(db, await makeJwk('documented-role-auth-secret-0123456789abcdef'));
    const org = await insertOrg(db, { slug: 'acme' });
    await insertRepo(db, { orgId: org, name: 'acme/api' });
    await insertForgeConnection(db, {
      orgId: org,
      config: {
        status: 'installed',
        provisionStatus: 'succeeded',
        atlassianOAuthClientId: 'cid',
        atlassianOAuthClientSecret: 'csecret',
      },
    });
    const run = await insertRun(db, {
      workflowName: 'confluence-sync-content',
      status: 'failed',
      error: { message: 'boom' },
    });
    await insertStepAttempt(db, { workflowRunId: run, stepName: 'fetch-pages', status: 'failed' });
    try {
      // Exactly the statements of the docs.
      const report = await withRole(db, DOCUMENTED_GRANTS, async (url) => {
        const closed = `http://127.0.0.1:${await closedPort()}`;
        h = buildBot({
          env: {
            DATABASE_URL: url,
            CONFLUENCE_FORGE_INSTALL_URL: 'https://developer.atlassian.com/console/install/x',
            AUTH_SECRET: 'documented-role-auth-secret-0123456789abcdef',
            AUTH_BASE_URL: closed,
            CODESEARCH_URL: closed,
          },
        });
        try {
          return await h.bot.core.diagnostics.run('default', {
            only: ['postgres', 'migrations', 'indexing', 'worker', 'confluence', 'auth'],
            maxAgeMs: 0,
          });
        } finally {
          await h.close();
          h = undefined;
        }
      });
      expect(JSON.stringify(report.checks)).not.toMatch(/permission denied|insufficient privilege/i);
      const status = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
      expect(status).toMatchObject({
        postgres: 'ok',
        migrations: 'ok',
        indexing: 'ok',
        worker: 'warn',
        confluence: 'warn',
      });
      // The signing keys were read with the documented GRANT (the backend itself is not running here).
      expect(report.checks.find((c) => c.id === 'auth')!.details.join('\n')).toMatch(
        /ctx-ops's AUTH_SECRET opens the newest signing key in jwkss/,
      );
      expect(report.checks.find((c) => c.id === 'confluence')!.details.join('\n')).toContain(
        'confluence-sync-content: 1 failed in 24 h; latest',
      );
    } finally {
      await db.query('DROP SCHEMA drizzle CASCADE');
    }
  });

  it('names the missing GRANT when the role may not read the queue', async () => {
    const report = await withRole(db, [`GRANT CONNECT ON DATABASE {db} TO {role}`], async (url) => {
      h = buildBot({ env: { DATABASE_URL: url } });
      try {
        return await h.bot.core.diagnostics.run('default', { only: ['worker'], maxAgeMs: 0 });
      } finally {
        await h.close();
        h = undefined;
      }
    });
    const r = report.checks.find((c) => c.id === 'worker')!;
    expect(r.status).toBe('fail');
    expect(r.details[0]).toMatch(/permission denied .*grant the bot's role SELECT on it/);
  });
});

describe("worker and indexing checks against OpenWorkflow 0.9's own schema and worker", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('worker_ow09');
    await createCtxTables(db, { openworkflowSchema: false });
    await migrateOpenWorkflow(db.url);
  });
  afterAll(() => db.drop());

  it('sees a repository whose ingestion keeps failing while the table says running', async () => {
    const org = await insertOrg(db, { slug: 'acme' });
    await insertRepo(db, { orgId: org, name: 'acme/web' });
    const repo = await insertRepo(db, {
      orgId: org,
      name: 'acme/api',
      indexingStatus: 'queued',
      indexReady: false,
      lastIngestedAt: null,
    });
    const { runId, failed } = await runFailingIngestion(db.url, { repositoryId: repo, orgId: org, failures: 5 });
    expect(failed).toBeGreaterThanOrEqual(5);
    // The rows are OpenWorkflow's own: the run is active, not failed, and keeps the error.
    const run = (
      await db.query("SELECT status, error->>'message' AS message FROM openworkflow.workflow_runs WHERE id = $1", [
        runId,
      ])
    ).rows[0]!;
    expect(['pending', 'running']).toContain(run.status);
    expect(run.message).toBe('resolve-ref failed to fetch');

    const h = buildBot({ env: { DATABASE_URL: db.url } });
    try {
      const report = await h.bot.core.diagnostics.run('default', { only: ['worker', 'indexing'], maxAgeMs: 0 });
      const worker = report.checks.find((c) => c.id === 'worker')!;
      const indexing = report.checks.find((c) => c.id === 'indexing')!;
      expect(worker.status).toBe('warn');
      expect(worker.runbook).toBe('repo-not-indexed');
      expect(worker.details.join('\n')).toMatch(
        new RegExp(
          `⚠ repository-ingestion run ${runId.slice(0, 8)} for repository acme/api \\(org acme\\) keeps failing and is being retried: \\d+ failed step attempts in the last 60 min .*step resolve-ref\\): resolve-ref failed to fetch`,
        ),
      );
      expect(indexing.status).toBe('fail');
      expect(indexing.runbook).toBe('repo-not-indexed');
      expect(indexing.summary).toBe('1 ready, 1 failing while running (ingestion retrying)');
      expect(indexing.details.join('\n')).toMatch(
        /✗ acme\/api \(org acme\) running, but its repository-ingestion run \S+ keeps failing: \d+ failed step attempts in the last 60 min .*: resolve-ref failed to fetch/,
      );
      expect(indexing.details.join('\n')).not.toMatch(/indexing now, with progress/);
    } finally {
      await h.close();
    }
  });
});

describe('workerRunbook', () => {
  it.each([
    [['ingest-repository'], 'repo-not-indexed'],
    [['forge-provision', 'confluence-sync-content'], 'confluence-stalls'],
    [['forge-provision', 'ingest-repository'], 'repo-not-indexed'],
    [[], 'repo-not-indexed'],
  ])('%j → %s', (workflows, runbook) => expect(workerRunbook(workflows)).toBe(runbook));
});
