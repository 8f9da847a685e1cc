import * as z from 'zod';
import type { Diagnostics } from '../../../diagnostics/runner.js';
import type { CheckResult, StatusReport } from '../../../contracts/checks.js';
import { evaluateCondition, parsePattern, type ConditionOutcome } from '../conditions.js';
import type { StepProblem, ValidateContext } from './types.js';

/**
 * An automated check on a step: a diagnostic id, or one condition of it (`match`, a
 * substring or `/regex/` of its detail lines). Its current result is shown on the step
 * before anyone decides; Re-check runs it again.
 */
export const checkRefSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { id: v } : v),
  z
    .object({
      id: z.string().min(1),
      match: z.string().min(1).optional(),
    })
    .strict(),
);
export type CheckRef = z.infer<typeof checkRefSchema>;

export const checkShape = { check: checkRefSchema.optional() };

export function validateCheckRef(ref: CheckRef, ctx: ValidateContext, at: PropertyKey[]): StepProblem[] {
  const out: StepProblem[] = [];
  if (!ctx.checkIds.has(ref.id)) {
    out.push({
      path: [...at, 'id'],
      message: `names unknown check "${ref.id}" (known: ${[...ctx.checkIds].join(', ')})`,
      missing: true,
    });
  }
  if (ref.match !== undefined) {
    const p = parsePattern(ref.match);
    if ('error' in p) out.push({ path: [...at, 'match'], message: p.error });
  }
  return out;
}

export interface StepCheckOutcome {
  ref: CheckRef;
  /** The whole check's result. */
  result: CheckResult;
  /** Present when the step names one condition. */
  condition?: ConditionOutcome;
  /** The status the step shows: the condition's, else the check's. */
  status: ConditionOutcome['status'];
  checkedAt: string;
  report: StatusReport;
}

/** Runs the step's check (and what it depends on) through the diagnostics runner. */
export async function evaluateStepCheck(
  diagnostics: Diagnostics,
  env: string,
  ref: CheckRef,
  opts: { maxAgeMs?: number } = {},
): Promise<StepCheckOutcome | null> {
  if (!diagnostics.checks.some((c) => c.id === ref.id)) return null;
  const report = await diagnostics.run(env, {
    only: [ref.id],
    ...(opts.maxAgeMs !== undefined ? { maxAgeMs: opts.maxAgeMs } : {}),
  });
  const result = report.checks.find((c) => c.id === ref.id);
  if (!result) return null;
  if (!ref.match) return { ref, result, status: result.status, checkedAt: report.checkedAt, report };
  const parsed = parsePattern(ref.match);
  if ('error' in parsed) return { ref, result, status: result.status, checkedAt: report.checkedAt, report };
  const condition = evaluateCondition(result, parsed.pattern);
  return { ref, result, condition, status: condition.status, checkedAt: report.checkedAt, report };
}
