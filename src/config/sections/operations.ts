import { z } from 'zod';
import { channelRef, positiveInt, slackPrincipal } from './common.js';

// Owned by the guarded-operations feature (issue 5).
export const operationsSection = {
  operations: z
    .object({
      backupDir: z.string().min(1).default('./backups'),
      retention: z.object({ keepLast: positiveInt.optional(), keepDays: positiveInt.optional() }).strict().prefault({}),
      pgDumpPath: z.string().min(1).optional(),
      pgRestorePath: z.string().min(1).optional(),
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
      restoreTest: z.object({ cron: z.string().default('0 4 * * 0'), enabled: z.boolean().default(true) }).strict().prefault({}),
    })
    .strict()
    .prefault({}),
  permissions: z
    .record(
      z.string(),
      z
        .object({
          request: z.array(slackPrincipal).optional(),
          approve: z.array(slackPrincipal).optional(),
          twoPerson: z.boolean().optional(),
          channels: z.array(channelRef).optional(),
        })
        .strict(),
    )
    .default({}),
};
