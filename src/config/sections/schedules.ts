import { validate as validCron } from 'node-cron';
import * as z from 'zod';
import { channelRef, ianaTimezone, isoDate, nonNegativeInt, positiveInt } from './common.js';

// Owned by the schedules/digest/alerts feature (issue 4).

/** Five fields (minute…weekday) or six (with seconds first), as node-cron reads them. */
const cronExpression = z
  .string()
  .min(1)
  .refine((v) => validCron(v), { message: 'is not a cron expression node-cron accepts (e.g. "0 9 * * 1-5")' });

const scheduleSchema = z
  .object({
    /** Shown in the digest and used as its idempotency key: keep it stable. */
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, ".", "_" and "-" (at most 64)'),
    cron: cronExpression,
    kind: z.enum(['digest']).default('digest'),
    /** A channel id (C…) or a role from `channels` (digest, alerts, incidents); default channels.digest. */
    channel: channelRef.optional(),
    /** Default: the top-level `timezone`. */
    timezone: ianaTimezone.optional(),
    /** Default: every environment. */
    environments: z.array(z.string()).min(1).optional(),
  })
  .strict();

export const schedulesSection = {
  /** Absent: one digest at 09:00 on weekdays (timezone) to channels.digest. `[]`: no digests. */
  schedules: z
    .array(scheduleSchema)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((s, i) => {
        if (seen.has(s.name))
          ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `"${s.name}" is used by two schedules` });
        seen.add(s.name);
      });
    })
    .optional(),
  watch: z
    .object({
      enabled: z.boolean().default(true),
      intervalSeconds: positiveInt.default(60),
      failureThreshold: positiveInt.default(3),
      successThreshold: positiveInt.default(2),
      /** 0: no reminders. */
      remindEveryMinutes: nonNegativeInt.default(60),
      /** Warnings alert too (after the same threshold); a later failure escalates the alert. */
      alertOnWarn: z.boolean().default(true),
      /** Environments checked at the same time during one watch cycle. */
      concurrency: positiveInt.max(64).default(8),
      /** Default: channels.alerts. */
      channel: channelRef.optional(),
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
  history: z
    .object({ retentionDays: positiveInt.max(3650).default(30) })
    .strict()
    .prefault({}),
  /** What happens to alerts and digests Slack refuses (issue 10: nothing is lost). */
  delivery: z
    .object({
      /**
       * Where an alert goes at once while the alerts channel refuses it: channel ids
       * (C…/G…), a role from `channels`, or user ids (U…/W…: a direct message).
       */
      fallback: z.array(channelRef).max(10).default([]),
      /** When a channel works again: owed alerts posted one by one, at most this many; the rest in one summary. */
      replayMax: positiveInt.max(50).default(10),
      /** Refused posts are retried with a backoff that grows to this. */
      retryMaxSeconds: positiveInt.max(3600).default(300),
    })
    .strict()
    .prefault({}),
};
