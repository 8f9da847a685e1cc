import { ago } from '../../util/format.js';
import type { GuardedActionKind } from '../../runtime/guarded.js';
import type { OpsContext } from '../ops-context.js';
import { checkBackupTools } from '../../postgres/pg-tools.js';
import { backupPreview, performBackup } from '../backup/backup-kind.js';
import { migrateCommandLines, migratePrecheck, pendingLines, performMigrate } from './migrate-kind.js';

/**
 * `backup-then-migrate`: one confirmation for both, offered when no verified backup is
 * recent enough. The migration runs only if the backup was written and verified.
 */
export interface BackupThenMigrateParams extends Record<string, unknown> {
  pending: string[];
}

export function backupThenMigrateKind(ops: OpsContext): GuardedActionKind<BackupThenMigrateParams> {
  const o = ops.config.operations;
  return {
    kind: 'backup-then-migrate',
    title: (p, env) =>
      `Back up ${env.name}, then apply ${p.pending.length} migration${p.pending.length === 1 ? '' : 's'}`,
    confirmLabel: 'Back up, then migrate',
    timeoutMs: o.backupTimeoutMinutes * 60_000 + o.migrate.timeoutSeconds * 1000 + 180_000,
    async precheck(_p, env) {
      const m = migratePrecheck(env);
      if (m) return m;
      const t = await checkBackupTools(ops, env);
      return t.ok ? null : t.reason;
    },
    async preview(p, env) {
      const last = await ops.stores?.backups.lastVerified(env.name);
      return [
        `No verified backup younger than ${o.requireBackupWithinMinutes} min (last: ${last ? `${last.fileName}, ${ago(last.finishedAt, ops.now())}` : 'none'}), so this backs up first`,
        ...(await backupPreview(ops, env)),
        `Then, only if the backup is verified, migrates. Pending (${p.pending.length}):\n${pendingLines(p.pending).join('\n')}`,
        ...migrateCommandLines(ops),
      ];
    },
    async run(ctx) {
      const b = await performBackup(ops, ctx.env, ctx);
      if (!b.ok) return { ...b.result, summary: `backup ${b.result.summary}; the migration did not run` };
      if (ctx.signal.aborted)
        return {
          ok: false,
          summary: 'stopped after the backup; the migration did not run',
          checksum: b.backup.sha256 ?? undefined,
        };
      const m = await performMigrate(ops, ctx.env, ctx.params.pending, b.backup, ctx);
      return {
        ...m,
        summary: `backup ${b.result.summary}; migration: ${m.summary}`,
        details: [...(b.result.details ?? []), ...(m.details ?? [])],
        ...(b.backup.sha256 ? { checksum: b.backup.sha256 } : {}),
      };
    },
  };
}
