import { z } from 'zod';
import { channelRef, isoDate, nonNegativeInt, positiveInt } from './common.js';

// Owned by the schedules/digest/alerts feature (issue 4).
export const schedulesSection = {
  schedules: z
    .array(
      z
        .object({
          name: z.string().min(1),
          cron: z.string().min(1),
          kind: z.enum(['digest']).default('digest'),
          channel: channelRef.optional(),
          timezone: z.string().optional(),
          environments: z.array(z.string()).optional(),
        })
        .strict(),
    )
    .optional(),
  watch: z
    .object({
      enabled: z.boolean().default(true),
      intervalSeconds: positiveInt.default(60),
      failureThreshold: positiveInt.default(3),
      successThreshold: positiveInt.default(2),
      remindEveryMinutes: nonNegativeInt.default(60),
    })
    .strict()
    .prefault({}),
  maintenance: z
    .array(
      z
        .object({
          environments: z.array(z.string()).optional(),
          checks: z.array(z.string()).optional(),
          from: isoDate,
          to: isoDate,
          reason: z.string().optional(),
        })
        .strict(),
    )
    .default([]),
  history: z.object({ retentionDays: positiveInt.default(30) }).strict().prefault({}),
};
