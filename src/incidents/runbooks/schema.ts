import * as z from 'zod';
import { parsePattern } from './conditions.js';
import { actionShape, validateActionRef } from './steps/action.js';
import { checkRefSchema, checkShape, validateCheckRef } from './steps/check.js';
import { linkShape } from './steps/link.js';
import { logsShape, validateLogsRefs } from './steps/logs.js';
import { manualShape } from './steps/manual.js';
import type { StepProblem, ValidateContext } from './steps/types.js';

/** Words the commands use after `/ctx runbook` and `@ctx-ops`, so they cannot be runbook ids. */
export const RESERVED_IDS = ['list', 'next', 'skip', 'note', 'status', 'help', 'close', 'start'] as const;

export const stepSchema = z
  .object({ ...manualShape, ...checkShape, ...linkShape, ...logsShape, ...actionShape })
  .strict();

/**
 * When a runbook is suggested: a check failing (or, with `status: warn`, degraded),
 * optionally only when one of its lines matches `match`.
 */
export const whenSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { check: v } : v),
  z
    .object({
      check: z.string().min(1),
      match: z.string().min(1).optional(),
      status: z.enum(['fail', 'warn']).default('fail'),
    })
    .strict(),
);

export const runbookFileSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'ids are lower-case letters, digits and -, 2 to 63 characters')
      .refine((id) => !(RESERVED_IDS as readonly string[]).includes(id), {
        message: `is a command word (${RESERVED_IDS.join(', ')}) and cannot be a runbook id`,
      }),
    title: z.string().trim().min(1).max(150),
    summary: z.string().trim().min(1).max(1000).optional(),
    /** The upstream source this runbook follows (a guide and section), shown in the docs. */
    source: z.string().trim().min(1).max(300).optional(),
    when: z.array(whenSchema).default([]),
    steps: z.array(stepSchema).min(1).max(40),
  })
  .strict();

export type RunbookFile = z.infer<typeof runbookFileSchema>;
export type RunbookStep = z.infer<typeof stepSchema>;
export type WhenClause = z.infer<typeof whenSchema>;

/** References a file makes to checks and actions, checked against what this build has. */
export function crossCheck(rb: RunbookFile, ctx: ValidateContext): StepProblem[] {
  const out: StepProblem[] = [];
  rb.when.forEach((w, i) => {
    out.push(...validateCheckRef({ id: w.check, match: w.match }, ctx, ['when', i]).map(renameIdToCheck));
  });
  rb.steps.forEach((s, i) => {
    if (s.check) out.push(...validateCheckRef(s.check, ctx, ['steps', i, 'check']));
    if (s.action) out.push(...validateActionRef(s.action, ctx, ['steps', i, 'action']));
    if (s.logs) out.push(...validateLogsRefs(s.logs, ctx, ['steps', i, 'logs']));
  });
  return out;
}

// In `when:` the key is `check`, not `id`.
function renameIdToCheck(p: StepProblem): StepProblem {
  const last = p.path[p.path.length - 1];
  return last === 'id' ? { ...p, path: [...p.path.slice(0, -1), 'check'] } : p;
}

export { checkRefSchema, parsePattern };
