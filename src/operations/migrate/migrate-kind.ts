import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { Environment } from '../../config/types.js';
import type { MessageRef } from '../../contracts/chat.js';
import { md } from '../../ui/blocks.js';
import { ago, formatBytes, shellWord, shortHash } from '../../util/format.js';
import { renderMigrateProgress } from '../render.js';
import type { BackupRow } from '../backup/backup-store.js';
import { describeExit } from '../../postgres/child-process.js';
import type { GuardedActionKind, GuardedActionResult } from '../../runtime/guarded.js';
import { runMigrateCommand } from './migrate-runner.js';
import type { OpsContext, RunIo } from '../ops-context.js';
import { readPending, samePending } from './pending-migrations.js';
import { manualRestoreCommand } from '../backup/trial-restore.js';

/** `migrate`: the migrate command after a verified backup, then the re-check that nothing is pending. */
export interface MigrateParams extends Record<string, unknown> {
  pending: string[];
  /** The verified backup this migration relies on (bound into the approval's hash). */
  backupId: number;
}

export const commandText = (argv: string[]) => argv.map(shellWord).join(' ');

export function migrateCwd(ops: OpsContext): string | undefined {
  const cwd = ops.config.operations.migrate.cwd;
  if (!cwd) return undefined;
  return isAbsolute(cwd) ? cwd : resolve(ops.config.configFile ? resolve(ops.config.configFile, '..') : '.', cwd);
}

export function migratePrecheck(env: Environment): string | null {
  if (!env.ctx.DATABASE_URL) return `DATABASE_URL is not set for ${env.name}.`;
  if (!env.ctx.AUTH_SECRET) {
    return `AUTH_SECRET is not set for ${env.name}: upstream's migrate script parses the whole ctx| environment and refuses to start without it. Set it in the environment's env file.`;
  }
  return null;
}

export function pendingLines(pending: string[], max = 20): string[] {
  return [
    ...pending.slice(0, max).map((p) => `  \`${p}\``),
    ...(pending.length > max ? [`  … and ${pending.length - max} more`] : []),
  ];
}

export function migrateCommandLines(ops: OpsContext): string[] {
  const m = ops.config.operations.migrate;
  const cwd = migrateCwd(ops);
  return [
    `Runs \`${commandText(m.command)}\`${cwd ? ` in \`${cwd}\`` : ''} with DATABASE_URL and AUTH_SECRET, stopped after ${m.timeoutSeconds} s; then checks that nothing is pending`,
  ];
}

export function backupLine(b: BackupRow, now: Date): string {
  return `Backup: \`${b.fileName}\` (${formatBytes(b.sizeBytes)}, verified ${ago(b.finishedAt, now)}, sha256 \`${shortHash(b.sha256)}\`)`;
}

export async function performMigrate(
  ops: OpsContext,
  env: Environment,
  expected: string[],
  backup: BackupRow,
  io: RunIo,
): Promise<GuardedActionResult> {
  const restore = manualRestoreCommand(backup.path, ops.config.operations.pgRestorePath ?? 'pg_restore');
  const before = await readPending(env, ops.redactor.scrub);
  if (!before.ok) return { ok: false, summary: `nothing ran: ${before.reason}` };
  if (!samePending(before.pending, expected)) {
    return {
      ok: false,
      summary: `nothing ran: the pending migrations changed since the request (now ${before.pending.length ? before.pending.join(', ') : 'none'}). Ask again with /ctx migrate ${env.name}.`,
    };
  }
  try {
    await stat(backup.path);
  } catch {
    return {
      ok: false,
      summary: `nothing ran: the backup file ${backup.path} is not there any more. Take a new backup first.`,
    };
  }
  const m = ops.config.operations.migrate;
  const cmd = commandText(m.command);
  let progress: MessageRef | undefined;
  try {
    progress = await io.conversation.post(renderMigrateProgress(env.name, cmd, [], 0), { thread: io.thread });
  } catch (err) {
    io.log.warn({ err: { message: ops.redactor.scrub((err as Error).message) } }, 'could not post migrate progress');
  }
  const res = await runMigrateCommand({
    argv: m.command,
    cwd: migrateCwd(ops),
    ctx: env.ctx,
    toolEnv: ops.toolEnv,
    timeoutMs: m.timeoutSeconds * 1000,
    signal: io.signal,
    clean: ops.redactor.scrub,
    progressIntervalMs: ops.progressIntervalMs,
    onOutput: (tail, elapsedMs) => {
      if (progress)
        void io.conversation.update(progress, renderMigrateProgress(env.name, cmd, tail, elapsedMs)).catch(() => {});
    },
  });
  const exit = describeExit(res, m.timeoutSeconds * 1000);
  const show = async (text: string) => {
    if (progress)
      await io.conversation.update(progress, { text: text.replace(/[*`]/g, ''), blocks: [md(text)] }).catch(() => {});
  };
  const restoreLines = [`To go back to the backup taken before (stop backend and worker first): \`${restore}\``];
  if (res.code !== 0) {
    await show(`❌ \`${cmd}\` ${exit}`);
    return {
      ok: false,
      summary: `the migrate command ${exit}`,
      details: restoreLines,
      output: res.tail,
      ...(res.code !== null ? { exitStatus: res.code } : {}),
    };
  }
  const after = await readPending(env, ops.redactor.scrub);
  if (!after.ok) {
    await show(`⚠️ \`${cmd}\` exited 0, but the re-check failed`);
    return {
      ok: false,
      summary: `the migrate command exited 0, but the re-check failed: ${after.reason}`,
      details: restoreLines,
      output: res.tail,
      exitStatus: 0,
    };
  }
  if (after.pending.length) {
    await show(`❌ \`${cmd}\` exited 0, but ${after.pending.length} still pending`);
    return {
      ok: false,
      summary: `the migrate command exited 0, but ${after.pending.length} migration(s) are still pending: ${after.pending.join(', ')}`,
      details: restoreLines,
      output: res.tail,
      exitStatus: 0,
    };
  }
  await show(`✅ \`${cmd}\` exited 0; nothing pending`);
  return {
    ok: true,
    summary: `applied ${expected.length} migration(s); none pending (${after.appliedCount} applied, last ${after.last ?? '?'})`,
    details: [`Applied: ${expected.join(', ')}`, `Backup taken before: \`${backup.path}\``],
    output: res.tail,
    exitStatus: 0,
    ...(backup.sha256 ? { checksum: backup.sha256 } : {}),
  };
}

export function migrateKind(ops: OpsContext): GuardedActionKind<MigrateParams> {
  return {
    kind: 'migrate',
    title: (p, env) => `Migrate ${env.name}: apply ${p.pending.length} migration${p.pending.length === 1 ? '' : 's'}`,
    timeoutMs: ops.config.operations.migrate.timeoutSeconds * 1000 + 120_000,
    async precheck(_p, env) {
      return migratePrecheck(env);
    },
    async preview(p, _env) {
      const b = await ops.stores?.backups.get(p.backupId);
      return [
        `Pending (${p.pending.length}):\n${pendingLines(p.pending).join('\n')}`,
        ...(b ? [backupLine(b, ops.now())] : []),
        ...migrateCommandLines(ops),
      ];
    },
    async run(ctx) {
      const b = await ops.stores!.backups.get(ctx.params.backupId);
      if (b?.state !== 'verified')
        return {
          ok: false,
          summary: 'nothing ran: the verified backup this migration relies on is gone. Ask again with /ctx migrate.',
        };
      return performMigrate(ops, ctx.env, ctx.params.pending, b, ctx);
    },
  };
}
