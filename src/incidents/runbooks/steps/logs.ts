import * as z from 'zod';
import { componentName } from '../../../config/sections/runbooks.js';
import { parseDuration } from '../../../util/format.js';
import type { StepProblem, ValidateContext } from './types.js';

/**
 * A step of kind `logs`: `logs: backend` (or a list) only links the component's logs;
 * `logs: {component: backend, signal: auth-failures, window: 30m}` (or a list of those)
 * makes the bot read them when the step is posted, show the evidence in the thread and
 * mark the step: found, nothing found, or source unavailable. Without `signal`, errors
 * are looked for; without `window`, the window starts `runbooks.logLookbackMinutes` before
 * the incident (or the runbook) started.
 */
const evidenceSchema = z
  .object({
    component: componentName,
    signal: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,39}$/)
      .optional(),
    window: z
      .string()
      .refine((w) => {
        const ms = parseDuration(w);
        return ms !== undefined && ms <= 7 * 86_400_000;
      }, 'is a duration up to 7d (15m, 2h)')
      .optional(),
  })
  .strict();

export type LogsEvidenceRef = z.infer<typeof evidenceSchema>;
const entry = z.union([componentName, evidenceSchema]);
const toList = (v: unknown) => (v === undefined || Array.isArray(v) ? v : [v]);

export const logsShape = {
  logs: z.preprocess(toList, z.array(entry).min(1).max(5)).optional(),
};

export type LogsEntry = z.infer<typeof entry>;

/** The components a step links to (every entry). */
export function logComponents(logs: readonly LogsEntry[] | undefined): string[] {
  return (logs ?? []).map((l) => (typeof l === 'string' ? l : l.component));
}

/** The entries the bot reads (objects). */
export function evidenceRefs(logs: readonly LogsEntry[] | undefined): LogsEvidenceRef[] {
  return (logs ?? []).filter((l): l is LogsEvidenceRef => typeof l !== 'string');
}

export function validateLogsRefs(
  logs: readonly LogsEntry[] | undefined,
  ctx: ValidateContext,
  at: PropertyKey[],
): StepProblem[] {
  if (!ctx.hasSignal) return [];
  const out: StepProblem[] = [];
  (logs ?? []).forEach((l, i) => {
    if (typeof l === 'string' || !l.signal) return;
    if (!ctx.hasSignal?.(l.component, l.signal))
      out.push({
        path: [...at, i, 'signal'],
        message: `names unknown signal "${l.signal}" of ${l.component} (signals/logs.yml or logs.signalsFile)`,
        missing: true,
      });
  });
  return out;
}
