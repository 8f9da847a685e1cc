import * as z from 'zod';
import type { CheckOptionsSpec } from './sections/checks.js';
import { coreSection } from './sections/core.js';
import { checksSection } from './sections/checks.js';
import { schedulesSection } from './sections/schedules.js';
import { operationsSection } from './sections/operations.js';
import { runbooksSection } from './sections/runbooks.js';
import { lifecycleSection } from './sections/lifecycle.js';
import { healthSection } from './sections/health.js';
import { logsSection } from './sections/logs.js';

export function buildYamlSchema(checks: readonly CheckOptionsSpec[]) {
  return z
    .object({
      ...coreSection,
      ...checksSection(checks),
      ...schedulesSection,
      ...operationsSection,
      ...runbooksSection,
      ...lifecycleSection,
      ...healthSection,
      ...logsSection,
    })
    .strict();
}

export type YamlConfig = z.infer<ReturnType<typeof buildYamlSchema>>;

const emptyIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = z.preprocess(emptyIsUnset, z.string().optional());

/** The bot's own variables (everything else in the environment belongs to ctx|). */
export const botEnvSchema = z.object({
  SLACK_BOT_TOKEN: z.preprocess(
    emptyIsUnset,
    z.string().startsWith('xoxb-', 'must be a bot token (xoxb-…)').optional(),
  ),
  SLACK_APP_TOKEN: z.preprocess(
    emptyIsUnset,
    z.string().startsWith('xapp-', 'must be an app-level token (xapp-…) with connections:write').optional(),
  ),
  SLACK_SIGNING_SECRET: opt,
  SLACK_API_URL: z.preprocess(emptyIsUnset, z.url({ protocol: /^https?$/ }).default('https://slack.com/api/')),
  PORT: z.preprocess(emptyIsUnset, z.coerce.number().int().min(1).max(65535).default(3000)),
  CTX_OPS_MODE: z.preprocess(emptyIsUnset, z.enum(['socket', 'http', 'shell']).optional()),
  CTX_OPS_CONFIG: opt,
  CTX_OPS_ENV_FILE: opt,
  CTX_OPS_DATABASE_URL: z.preprocess(
    emptyIsUnset,
    z
      .string()
      .refine((v) => URL.canParse(v) && /^postgres(ql)?:$/.test(new URL(v).protocol), 'must be a postgres:// URL')
      .optional(),
  ),
  /** Wins over operations.backupDir (the image sets it to its volume, /var/lib/ctx-ops/backups). */
  CTX_OPS_BACKUP_DIR: opt,
  CTX_OPS_SHUTDOWN_TIMEOUT_SECONDS: z.preprocess(emptyIsUnset, z.coerce.number().int().min(1).max(600).optional()),
  CTX_OPS_HEALTH_PORT: z.preprocess(emptyIsUnset, z.coerce.number().int().min(0).max(65535).optional()),
  CTX_OPS_HEALTH_HOST: opt,
  // Unset: info for Slack transports, warn for the shell and the CLI (logs go to stderr there).
  LOG_LEVEL: z.preprocess(
    emptyIsUnset,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  ),
});
export type BotEnv = z.infer<typeof botEnvSchema>;
