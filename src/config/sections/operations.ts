import { validate as validCron } from 'node-cron';
import * as z from 'zod';
import { channelRef, positiveInt } from './common.js';

// Owned by the guarded-operations feature (issue 5). Every key is documented in docs/operations.md.

/**
 * Who may request or confirm: a Slack user (U…/W…) or user group (S…), or a local user of
 * the shell (`local:<os user>`, `local:*` for any). Local principals exist so that the
 * shell can be allowed explicitly rather than by accident.
 */
export const operationsPrincipal = z
  .string()
  .regex(
    /^(?:[UWS][A-Z0-9]{2,}|local:(?:\*|[A-Za-z0-9._-]+))$/,
    'must be a Slack user id (U…/W…), a user-group id (S…), or local:<user> / local:* for the shell',
  );

const cronExpression = z
  .string()
  .refine((v) => validCron(v), { message: 'is not a valid cron expression (5 or 6 fields)' });

/** Tables counted after a trial restore; a missing table is reported, not an error. */
export const DEFAULT_KEY_TABLES = ['organizations', 'repositories', 'connections', 'drizzle.__drizzle_migrations'];

export const operationsSection = {
  operations: z
    .object({
      /** Where backups are written; relative paths are resolved against the config file's folder. */
      backupDir: z.string().min(1).default('./backups'),
      retention: z.object({ keepLast: positiveInt.optional(), keepDays: positiveInt.optional() }).strict().prefault({}),
      pgDumpPath: z.string().min(1).optional(),
      pgRestorePath: z.string().min(1).optional(),
      /** A backup (dump + verification) that takes longer is stopped and reported as failed. */
      backupTimeoutMinutes: positiveInt.default(240),
      /**
       * pg_dump's zlib level (`--compress`); unset: pg_dump's default (6). It sets most of a
       * backup's time: on the benchmark's gigabyte, level 1 dumped 2× faster than 6 for a 5 %
       * larger file. The trial restore reads either at about the same speed.
       */
      backupCompression: z.number().int().min(0).max(9).optional(),
      keyTables: z
        .array(
          z
            .string()
            .regex(/^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$]*)?$/, 'must be a table name, optionally schema-qualified'),
        )
        .default(DEFAULT_KEY_TABLES),
      migrate: z
        .object({
          command: z.array(z.string().min(1)).min(1).default(['bun', 'run', 'apps/backend/src/db/migrate.ts']),
          cwd: z.string().optional(),
          timeoutSeconds: positiveInt.default(900),
        })
        .strict()
        .prefault({}),
      requireBackupWithinMinutes: positiveInt.default(60),
      approvalExpiresMinutes: positiveInt.default(10),
      restoreTest: z
        .object({
          cron: cronExpression.default('0 4 * * 0'),
          enabled: z.boolean().default(true),
          /** Where a passing restore test is reported (a failing one always goes to channels.alerts). */
          channel: channelRef.optional(),
          /**
           * On-demand restore tests (`/ctx restore-test`) compare each table's rows in the restored
           * backup with the live database: a table passes when the two differ by at most this many
           * rows, or by at most `rowTolerancePercent` of the restored count, whichever is larger
           * (the live database keeps changing after the backup was taken).
           */
          rowToleranceRows: z.number().int().min(0).default(100),
          rowTolerancePercent: z.number().min(0).max(1000).default(10),
        })
        .strict()
        .prefault({}),
      /** Graph database snapshots (`/ctx graph-snapshot`); see README "Graph snapshots". */
      graphSnapshot: z
        .object({
          /** FalkorDB: also DUMP each graph into backupDir (verified by RESTORE under a scratch key). */
          export: z.boolean().default(false),
          /** How long to follow a BGSAVE / CREATE SNAPSHOT before reporting it unfinished. */
          deadlineSeconds: z.number().positive().default(600),
          /** How often INFO persistence is read while a BGSAVE runs. */
          pollMilliseconds: positiveInt.default(1000),
        })
        .strict()
        .prefault({}),
      /**
       * Before risky changes (runbooks that rotate secrets or change connectors, `migrate`), the
       * bot offers "back up first" when the newest verified backup is older than this.
       */
      freshWithinHours: z.number().positive().default(24),
    })
    .strict()
    .prefault({}),
  permissions: z
    .record(
      z.string(),
      z
        .object({
          request: z.array(operationsPrincipal).optional(),
          approve: z.array(operationsPrincipal).optional(),
          twoPerson: z.boolean().optional(),
          channels: z.array(channelRef).optional(),
        })
        .strict(),
    )
    .default({}),
};
