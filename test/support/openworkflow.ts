import { OpenWorkflow, defineWorkflow } from 'openworkflow';
import { BackendPostgres } from 'openworkflow/postgres';
import pg from 'pg';

/**
 * The real OpenWorkflow (0.9, what the registry has of the 0.8 → 0.9 line ctx| ships) on the
 * test Postgres: its own migrations create the `openworkflow` schema, and its own worker runs
 * a workflow shaped like ctx|'s repository-ingestion, so the rows the checks read are the
 * rows OpenWorkflow writes, not a transcription.
 */
export async function migrateOpenWorkflow(url: string, schema = 'openworkflow'): Promise<void> {
  const backend = await BackendPostgres.connect(url, { schema });
  await backend.stop();
}

export interface FailingIngestion {
  repositoryId: string;
  orgId: string;
  /** Failed attempts to wait for before the worker stops. */
  failures?: number;
  message?: string;
  schema?: string;
}

/**
 * Runs `repository-ingestion` on a real worker: its first step marks the repository running
 * (as upstream's mark-running does), the next fails the way upstream's resolve-ref does when
 * codesearch is unreachable ("resolve-ref failed to fetch"), and OpenWorkflow retries it with
 * backoff. Once `failures` attempts have failed the worker stops, leaving the run active
 * (pending until its next attempt), as a deployment looks while ingestion keeps failing.
 */
export async function runFailingIngestion(
  url: string,
  o: FailingIngestion,
): Promise<{ runId: string; failed: number }> {
  const schema = o.schema ?? 'openworkflow';
  const failures = o.failures ?? 5;
  const backend = await BackendPostgres.connect(url, { schema });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const ow = new OpenWorkflow({ backend });
  const wf = defineWorkflow({ name: 'repository-ingestion' }, async ({ input, step }) => {
    const { repositoryId } = input as { repositoryId: string };
    await step.run({ name: 'mark-running' }, async () => {
      await db.query(`UPDATE repositories SET indexing_status = 'running', updated_at = now() WHERE id = $1`, [
        repositoryId,
      ]);
      return true;
    });
    await step.run(
      // Short first intervals so the test waits a second or two; the fifth retry is seconds away.
      {
        name: 'resolve-ref',
        retryPolicy: { initialInterval: '20ms', backoffCoefficient: 4, maximumInterval: '10m', maximumAttempts: 10 },
      },
      async () => {
        throw new Error(o.message ?? 'resolve-ref failed to fetch');
      },
    );
  });
  ow.implementWorkflow(wf.spec, wf.fn);
  const worker = ow.newWorker({ concurrency: 1 });
  let failed = 0;
  try {
    await worker.start();
    const handle = await ow.runWorkflow(wf.spec, { repositoryId: o.repositoryId, orgId: o.orgId });
    const runId = handle.workflowRun.id;
    const until = Date.now() + 20_000;
    while (Date.now() < until) {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${schema}".step_attempts WHERE workflow_run_id = $1 AND status = 'failed'`,
        [runId],
      );
      failed = rows[0]!.n;
      if (failed >= failures) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return { runId, failed };
  } finally {
    await worker.stop();
    await backend.stop();
    await db.end();
  }
}
