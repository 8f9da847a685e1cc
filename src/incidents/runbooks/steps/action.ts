import * as z from 'zod';
import type { StepProblem, ValidateContext } from './types.js';

/**
 * A guarded action on a step (reindex a repository, reset the signing keys, take a
 * backup). The step's Run button only asks: the operations feature's approvals service
 * posts Confirm / Cancel under the same rules as `/ctx backup` and `/ctx migrate`, and
 * nothing runs until an authorised person confirms.
 */
export const actionRefSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { kind: v } : v),
  z
    .object({
      kind: z.string().min(1),
      /** Fixed parameters; without them the kind offers its own targets (e.g. the repositories that failed). */
      params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
      /** Button text; defaults to the kind's. */
      label: z.string().trim().min(1).max(40).optional(),
    })
    .strict(),
);
export type ActionRef = z.infer<typeof actionRefSchema>;

export const actionShape = { action: actionRefSchema.optional() };

export function validateActionRef(ref: ActionRef, ctx: ValidateContext, at: PropertyKey[]): StepProblem[] {
  const kind = ctx.actionKinds.get(ref.kind);
  if (!kind)
    return [
      {
        path: [...at, 'kind'],
        message: `names unknown action "${ref.kind}" (known: ${[...ctx.actionKinds.keys()].join(', ')})`,
        missing: true,
      },
    ];
  const problem = ref.params && kind.validateParams?.(ref.params);
  return problem ? [{ path: [...at, 'params'], message: problem }] : [];
}

/** One button per target; a value carries ids only, so an old button keeps working after a restart. */
export interface ActionTarget {
  label: string;
  params: Record<string, string | number | boolean>;
}
