import { z } from 'zod';

// Owned by the incidents/runbooks feature (issue 6).
export const runbooksSection = {
  runbooks: z.object({ dirs: z.array(z.string().min(1)).default([]) }).strict().prefault({}),
  /** Per-component log query templates; `{env}` and `{component}` are filled in. */
  logLinks: z.record(z.string(), z.string()).default({}),
};
