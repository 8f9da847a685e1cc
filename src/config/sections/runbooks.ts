import * as z from 'zod';
import { positiveInt } from './common.js';

// Owned by the incidents/runbooks feature (issue 6).

/** A component name as used in `logs:` of a runbook step (backend, worker, codesearch, …) or `default`. */
export const componentName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'component names are lower-case letters, digits and -');

/** The placeholders a log link may use; values are URL-encoded when filled in. */
export const LINK_PLACEHOLDERS = ['env', 'component', 'since', 'sinceMs'] as const;

const linkTemplate = z
  .string()
  .min(1)
  .refine((t) => /^https?:\/\//i.test(t), { message: 'must start with http:// or https://' })
  .refine((t) => URL.canParse(t.replace(/\{(env|component|since|sinceMs)\}/g, 'x')), {
    message: 'is not a URL once its placeholders are filled in',
  });

export const runbooksSection = {
  runbooks: z
    .object({
      /** Folders with the team's own runbook files (*.yml, *.yaml), relative to ctx-ops.yml. */
      dirs: z.array(z.string().min(1)).default([]),
      /** Shipped runbooks to leave out, e.g. to replace one with a team version of the same id. */
      disable: z.array(z.string().min(1)).default([]),
      /** How far before the incident (or runbook) started a log link's {since} points. */
      logLookbackMinutes: positiveInt.default(15),
      /** Severity of `/ctx incident` without --sev (1 = most severe … 4). */
      defaultSeverity: z.number().int().min(1).max(4).default(3),
    })
    .strict()
    .prefault({}),
  /**
   * Per-component log query templates used by runbook steps (`logs: backend`). Placeholders
   * {env}, {component}, {since} (ISO-8601) and {sinceMs} (epoch ms) are filled in and
   * URL-encoded; any other brace (a LogQL selector) is left as written. `default` serves
   * components without their own template.
   */
  logLinks: z.record(componentName, linkTemplate).default({}),
};
