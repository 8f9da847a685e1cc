import { mkdir, rm } from 'node:fs/promises';
import type { Environment } from '../../config/types.js';
import type { MessageRef } from '../../contracts/chat.js';
import { md } from '../../ui/blocks.js';
import { formatBytes, formatDuration } from '../../util/format.js';
import { renderBackupProgress } from '../render.js';
import { backupFileName, freeBackupName, runBackup } from './backup-runner.js';
import type { BackupRow } from './backup-store.js';
import type { GuardedActionKind, GuardedActionResult } from '../../runtime/guarded.js';
import { runTag, type OpsContext, type RunIo } from '../ops-context.js';
import { checkBackupTools } from '../../postgres/pg-tools.js';
import { describeCounts, parseTarget } from '../../postgres/pg-conn.js';
import { applyRetention, describeRules } from './retention.js';
import { manualRestoreCommand } from './trial-restore.js';

/** `backup`: pg_dump, trial restore, sha256, rename, retention. */
export type BackupOutcome =
  | { ok: true; backup: BackupRow; result: GuardedActionResult }
  | { ok: false; result: GuardedActionResult };

export async function backupPreview(ops: OpsContext, env: Environment): Promise<string[]> {
  const t = await checkBackupTools(ops, env);
  if (!t.ok) return [`⚠️ ${t.reason}`];
  const target = parseTarget(env.ctx.DATABASE_URL!);
  return [
    `Database: \`${target.display}\` (${formatBytes(t.server.sizeBytes)} on disk)`,
    `Server PostgreSQL ${t.server.version}; pg_dump ${t.pgDump.version} (\`${t.pgDump.path}\`), pg_restore ${t.pgRestore.version}`,
    `Writes \`${ops.backupDir}/${backupFileName(env.name, ops.now()).replace(/\d{8}T\d{6}Z/, 'YYYYMMDDTHHMMSSZ')}\` (as \`.partial\` until verified)`,
    'Verified while it is written: the same stream goes to the file and to a trial restore into a scratch database (dropped afterwards); sha256 in the same pass; then the final name',
    `Retention ${describeRules(ops.config.operations.retention)}`,
  ];
}

export async function performBackup(ops: OpsContext, env: Environment, io: RunIo): Promise<BackupOutcome> {
  const s = ops.stores!;
  const tools = await checkBackupTools(ops, env);
  if (!tools.ok) return { ok: false, result: { ok: false, summary: `nothing ran: ${tools.reason}` } };
  const startedAt = ops.now();
  await mkdir(ops.backupDir, { recursive: true, mode: 0o700 });
  const fileName = await freeBackupName(ops.backupDir, env.name, startedAt);
  const target = parseTarget(env.ctx.DATABASE_URL!);
  const id = await s.backups.start({
    env: env.name,
    runId: io.runId ?? null,
    fileName,
    path: `${ops.backupDir}/${fileName}`,
    startedAt,
    database: target.display,
    serverVersion: tools.server.version,
    pgDumpVersion: tools.pgDump.version,
  });
  let progress: MessageRef | undefined;
  try {
    progress = await io.conversation.post(renderBackupProgress(env.name, { phase: 'start', bytes: 0, elapsedMs: 0 }), {
      thread: io.thread,
    });
  } catch (err) {
    io.log.warn({ err: { message: ops.redactor.scrub((err as Error).message) } }, 'could not post backup progress');
  }
  const show = async (text: string) => {
    if (progress)
      await io.conversation.update(progress, { text: text.replace(/\*/g, ''), blocks: [md(text)] }).catch(() => {});
  };
  const o = ops.config.operations;
  const out = await runBackup({
    env: env.name,
    databaseUrl: env.ctx.DATABASE_URL!,
    backupDir: ops.backupDir,
    pgDump: tools.pgDump,
    pgRestore: tools.pgRestore,
    toolEnv: ops.toolEnv,
    keyTables: o.keyTables,
    startedAt,
    fileName,
    signal: io.signal,
    timeoutMs: o.backupTimeoutMinutes * 60_000,
    ...(o.backupCompression !== undefined ? { compression: o.backupCompression } : {}),
    progressIntervalMs: ops.progressIntervalMs,
    onProgress: async (p) => {
      if (progress) await io.conversation.update(progress, renderBackupProgress(env.name, p)).catch(() => {});
    },
    clean: ops.redactor.scrub,
    track: io.track,
    tag: runTag(io),
  });
  const finishedAt = ops.now();
  if (!out.ok) {
    await s.backups.finish(id, {
      state: out.aborted ? 'interrupted' : 'failed',
      finishedAt,
      verification: ops.redactor.scrub(out.reason),
    });
    await show(
      `❌ Backup of *${env.name}* ${out.aborted ? 'stopped' : 'failed'} (${out.stage}); no file was kept. Runbook: \`/ctx runbook backup-failed ${env.name}\``,
    );
    return {
      ok: false,
      result: {
        ok: false,
        summary: `${out.aborted ? 'stopped' : 'failed'} during ${out.stage === 'dump' ? 'pg_dump' : out.stage === 'verify' ? 'verification' : 'the final step'}: ${out.reason}; no backup file was kept`,
        output: out.tail,
        ...(out.exitStatus !== undefined ? { exitStatus: out.exitStatus } : {}),
      },
    };
  }
  const verification = `verified by trial restore: ${describeCounts(out)}`;
  await s.backups.finish(id, {
    state: 'verified',
    finishedAt,
    sizeBytes: out.sizeBytes,
    sha256: out.sha256,
    verification,
  });
  let removed: string[] = [];
  try {
    removed = await applyRetention(
      { backups: s.backups, audit: s.audit, remove: (p) => rm(p, { force: true }) },
      env.name,
      o.retention,
      finishedAt,
    );
  } catch (err) {
    io.log.warn({ err: { message: ops.redactor.scrub((err as Error).message) } }, 'retention failed');
  }
  await show(`✅ Backup of *${env.name}* written and verified: \`${out.fileName}\` (${formatBytes(out.sizeBytes)})`);
  const backup = (await s.backups.get(id))!;
  return {
    ok: true,
    backup,
    result: {
      ok: true,
      summary: `${out.fileName} (${formatBytes(out.sizeBytes)}), verified by a trial restore`,
      details: [
        `File: \`${out.path}\``,
        `sha256: \`${out.sha256}\``,
        `Dump ${formatDuration(out.dumpMs)}, verified while dumping (the trial restore finished ${formatDuration(out.verifyAfterDumpMs)} after the dump); ${describeCounts(out)}`,
        `To restore it by hand (stop backend and worker first): \`${manualRestoreCommand(out.path, tools.pgRestore.path)}\``,
        ...(removed.length ? [`Retention removed ${removed.length}: ${removed.join(', ')}`] : []),
      ],
      checksum: out.sha256,
      exitStatus: 0,
    },
  };
}

export function backupKind(ops: OpsContext): GuardedActionKind<Record<string, never>> {
  return {
    kind: 'backup',
    title: (_p, env) => `Back up ${env.name}`,
    // The child processes have their own deadline; this one only catches a hang around them.
    timeoutMs: ops.config.operations.backupTimeoutMinutes * 60_000 + 120_000,
    async precheck(_p, env) {
      const t = await checkBackupTools(ops, env);
      return t.ok ? null : t.reason;
    },
    preview: (_p, env) => backupPreview(ops, env),
    async run(ctx) {
      const out = await performBackup(ops, ctx.env, ctx);
      return out.result;
    },
  };
}
