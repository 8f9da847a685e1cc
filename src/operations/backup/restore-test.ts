import { schedule, type ScheduledTask } from 'node-cron';
import { findEnvironment } from '../../config/types.js';
import type { OutMessage } from '../../contracts/chat.js';
import { context, md } from '../../ui/blocks.js';
import { ago, formatBytes, formatDuration } from '../../util/format.js';
import { sha256File } from './backup-runner.js';
import type { BackupRow } from './backup-store.js';
import type { OpsContext } from '../ops-context.js';
import { countRows, describeCounts } from '../../postgres/pg-conn.js';
import {
  compareRowCounts,
  describeComparison,
  listTables,
  type RowComparison,
  type RowTolerance,
} from './row-comparison.js';
import { resolveChannelRef } from '../../slack/principals.js';
import { findPgTool, parsePgVersion, toolRefusal } from '../../postgres/pg-tools.js';
import { openLease } from '../approvals/run-store.js';
import { trialRestore } from './trial-restore.js';

/**
 * The scheduled proof that backups restore: the latest verified backup of each
 * environment is checked against its sha256, restored into a scratch database, its key
 * tables counted, and the scratch database dropped. A failure is an alert. Each
 * scheduled slot runs once across replicas: the run claims `restore-test:<env>:<slot>`.
 */
export type RestoreTestStatus = 'passed' | 'failed' | 'skipped' | 'taken';

export interface RestoreTestOutcome {
  env: string;
  status: RestoreTestStatus;
  summary: string;
  backup?: BackupRow;
  /** On-demand tests: every table's rows, restored vs live (`compare`). */
  comparison?: RowComparison;
}

export async function runRestoreTest(
  ops: OpsContext,
  envName: string,
  opts: { slot?: Date; signal?: AbortSignal; compare?: RowTolerance } = {},
): Promise<RestoreTestOutcome> {
  const s = ops.stores;
  const env = findEnvironment(ops.config, envName);
  if (!s || !env) return { env: envName, status: 'skipped', summary: s ? 'unknown environment' : 'no store' };
  if (!env.ctx.DATABASE_URL)
    return {
      env: env.name,
      status: 'skipped',
      summary: 'DATABASE_URL is not set (a scratch database needs the server)',
    };
  const backup = await s.backups.lastVerified(env.name);
  if (!backup)
    return {
      env: env.name,
      status: 'skipped',
      summary: `no verified backup of ${env.name} to test yet (take one with /ctx backup ${env.name})`,
    };

  const got = await openLease(s.store);
  if ('busy' in got) return { env: env.name, status: 'taken', summary: 'busy' };
  const lease = got.lease;
  try {
    const startedAt = ops.now();
    const slot = opts.slot ? `restore-test:${env.name}:${opts.slot.toISOString()}` : undefined;
    const run = await s.runs.insert(lease.db, {
      id: lease.runId,
      kind: 'restore-test',
      env: env.name,
      runner: 'restore-test',
      startedAt,
      ...(slot ? { slot } : {}),
    });
    if (!run) return { env: env.name, status: 'taken', summary: 'another replica runs this slot' };
    const t0 = performance.now();
    const signal = opts.signal ?? AbortSignal.timeout(ops.config.operations.backupTimeoutMinutes * 60_000);
    const outcome = await test(ops, env.name, env.ctx.DATABASE_URL, backup, lease.runId, signal, opts.compare).catch(
      (err: Error) => ({
        env: env.name,
        status: 'failed' as const,
        summary: `could not run: ${ops.redactor.scrub(err.message)}`,
      }),
    );
    const durationMs = Math.round(performance.now() - t0);
    const ok = outcome.status === 'passed';
    await s.runs.finish(lease.db, lease.runId, ok ? 'succeeded' : 'failed', {
      finishedAt: ops.now(),
      durationMs,
      summary: outcome.summary,
      ...(backup.sha256 ? { checksum: backup.sha256 } : {}),
    });
    await s.backups.recordRestoreTest(backup.id, ok, outcome.summary, ops.now());
    await s.audit.append({
      event: ok ? 'restore-test-passed' : 'restore-test-failed',
      env: env.name,
      kind: 'restore-test',
      runId: lease.runId,
      detail: `${backup.fileName}: ${outcome.summary}`,
      durationMs,
      ...(backup.sha256 ? { checksum: backup.sha256 } : {}),
    });
    return { ...outcome, backup };
  } finally {
    await lease.release();
  }
}

async function test(
  ops: OpsContext,
  env: string,
  url: string,
  b: BackupRow,
  runId: number,
  signal: AbortSignal,
  compare?: RowTolerance,
): Promise<Omit<RestoreTestOutcome, 'backup'>> {
  const fail = (summary: string) => ({ env, status: 'failed' as const, summary });
  let sha: string;
  try {
    sha = await sha256File(b.path);
  } catch (err) {
    return fail(
      `the backup file ${b.path} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
  if (b.sha256 && sha !== b.sha256)
    return fail(
      `${b.fileName} changed since it was verified: sha256 ${sha.slice(0, 12)}… instead of ${b.sha256.slice(0, 12)}…`,
    );
  const dumpMajor = parsePgVersion(`(PostgreSQL) ${b.pgDumpVersion ?? '0'}`)?.major ?? 0;
  const search = await findPgTool('pg_restore', {
    configured: ops.config.operations.pgRestorePath,
    minMajor: dumpMajor,
    env: ops.toolEnv,
  });
  const refusal = toolRefusal('pg_restore', search, dumpMajor, `pg_dump ${b.pgDumpVersion}, which wrote the backup`);
  if (refusal || !search.tool) return fail(refusal ?? 'pg_restore not found');
  const s = ops.stores!;
  const tables = compare ? [...new Set([...(await listTables(url)), ...ops.config.operations.keyTables])] : [];
  const r = await trialRestore({
    databaseUrl: url,
    file: b.path,
    pgRestore: search.tool,
    toolEnv: ops.toolEnv,
    keyTables: compare ? tables : ops.config.operations.keyTables,
    signal,
    tag: `t${runId}`,
    clean: ops.redactor.scrub,
    track: { partialFile: async () => {}, scratchDatabase: (n) => s.runs.track(runId, 'scratch_db', n) },
  });
  if (!r.ok) return fail(`${r.reason}${r.tail.length ? `: ${r.tail.slice(-3).join(' / ')}` : ''}`);
  if (compare) {
    // Counted after the restore, so the live side includes every write since the backup.
    const live = await countRows(url, tables);
    const comparison = compareRowCounts(r.counts, live.counts, compare);
    const summary = `restored in ${formatDuration(r.durationMs)}; ${describeComparison(comparison, compare)}`;
    return comparison.ok
      ? { env, status: 'passed', summary, comparison }
      : { env, status: 'failed', summary: `row counts differ: ${summary}`, comparison };
  }
  return { env, status: 'passed', summary: `restored in ${formatDuration(r.durationMs)}; ${describeCounts(r)}` };
}

export function renderRestoreTest(o: RestoreTestOutcome, now: Date): OutMessage {
  const b = o.backup;
  const about = b ? `\`${b.fileName}\` (${formatBytes(b.sizeBytes)}, taken ${ago(b.finishedAt, now)})` : '';
  const text =
    o.status === 'passed'
      ? `✅ Restore test of *${o.env}* passed: ${about} ${o.summary}`
      : o.status === 'failed'
        ? `🔴 Restore test of *${o.env}* FAILED: ${about}: ${o.summary}. The latest backup may not restore; take a new one (\`/ctx backup ${o.env}\`) and find out why: \`/ctx runbook backup-failed ${o.env}\`.`
        : `ℹ️ Restore test of *${o.env}* skipped: ${o.summary}`;
  return {
    text: text.replace(/[*`]/g, ''),
    blocks: [
      md(text),
      context(
        'Scheduled restore test: the latest verified backup, restored into a scratch database that is dropped afterwards',
      ),
    ],
  };
}

/** Posts each result: failures to channels.alerts, the rest to restoreTest.channel (else channels.digest). */
export async function reportRestoreTest(ops: OpsContext, o: RestoreTestOutcome): Promise<void> {
  if (o.status === 'taken') return;
  const c = ops.config;
  const ref = o.status === 'failed' ? c.channels.alerts : (c.operations.restoreTest.channel ?? c.channels.digest);
  const log = ops.log.child({ part: 'restore-test', env: o.env });
  if (o.status === 'failed') log.error({ summary: ops.redactor.scrub(o.summary) }, 'restore test failed');
  else log.info({ status: o.status, summary: ops.redactor.scrub(o.summary) }, 'restore test');
  if (!ref) return;
  await ops.poster.post(resolveChannelRef(c, ref), renderRestoreTest(o, ops.now()));
}

/** The schedule; one slot tests every environment in turn. `idle` resolves when no test is running. */
export function scheduleRestoreTests(ops: OpsContext): { task: ScheduledTask; idle(): Promise<void> } | null {
  const rt = ops.config.operations.restoreTest;
  if (!rt.enabled || !ops.stores) return null;
  let inFlight: Promise<void> = Promise.resolve();
  const task = schedule(rt.cron, (ctx) => (inFlight = testAll(ctx.date)), {
    timezone: ops.config.timezone,
    name: 'ctx-ops-restore-test',
    noOverlap: true,
  });
  async function testAll(slot: Date) {
    for (const env of ops.config.environments) {
      try {
        await reportRestoreTest(ops, await runRestoreTest(ops, env.name, { slot }));
      } catch (err) {
        ops.log.error(
          { env: env.name, err: { message: ops.redactor.scrub((err as Error).message) } },
          'restore test could not run',
        );
        await reportRestoreTest(ops, {
          env: env.name,
          status: 'failed',
          summary: `could not run: ${ops.redactor.scrub((err as Error).message)}`,
        });
      }
    }
  }
  return { task, idle: () => inFlight.catch(() => {}) };
}
