import * as z from 'zod';
import { channelRef, ianaTimezone } from './common.js';

export const environmentSchema = z
  .object({
    /** The deployment's `.env` (the same file docker compose reads). */
    envFile: z.string().min(1).optional(),
    /** Inline variables; they win over envFile. */
    env: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)).optional(),
    production: z.boolean().default(false),
    /** The origin people open in their browser (defaults to AUTH_BASE_URL). */
    publicUrl: z.url().optional(),
    /** The deployment's apps/backend/migrations folder; same as CTX_MIGRATIONS_DIR. */
    migrationsDir: z.string().min(1).optional(),
    /** Organisation slug used by probes that need one (MCP); defaults to the first organisation found. */
    probeOrg: z.string().min(1).optional(),
  })
  .strict();

export const coreSection = {
  timezone: ianaTimezone.default('UTC'),
  defaultEnvironment: z.string().min(1).optional(),
  channels: z
    .object({ digest: channelRef.optional(), alerts: channelRef.optional(), incidents: channelRef.optional() })
    .strict()
    .prefault({}),
  environments: z
    .record(
      z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'environment names are lower-case letters, digits, - and _'),
      environmentSchema,
    )
    .optional(),
  store: z
    .object({
      /** Postgres for the bot's own schema `ctx_ops`; CTX_OPS_DATABASE_URL wins over it. */
      databaseUrl: z.string().optional(),
    })
    .strict()
    .prefault({}),
};
