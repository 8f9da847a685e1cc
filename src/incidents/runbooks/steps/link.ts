import * as z from 'zod';
import { logComponents, type LogsEntry } from './logs.js';

/**
 * Links on a step: `logs: backend` (or a list) fills the `logLinks` template of that
 * component from ctx-ops.yml; `link: {text, url}` is a link written in the runbook. Both
 * accept {env}, {component}, {since} and {sinceMs}; every value is URL-encoded.
 */
export const linkShape = {
  link: z
    .object({
      text: z.string().trim().min(1).max(75),
      url: z.string().refine((u) => /^https?:\/\//i.test(u), { message: 'must start with http:// or https://' }),
    })
    .strict()
    .optional(),
};

export interface LinkVars {
  env: string;
  /** Start of the window a log query should cover. */
  since: Date;
  now: Date;
}

export type StepLink = { text: string; url: string } | { text: string; hint: string };

/** Fills a template; only the known placeholders are replaced, so LogQL braces survive. */
export function fillTemplate(template: string, vars: LinkVars & { component?: string }): string {
  const values: Record<string, string> = {
    env: vars.env,
    component: vars.component ?? '',
    since: vars.since.toISOString(),
    sinceMs: String(vars.since.getTime()),
  };
  return template.replace(/\{(env|component|since|sinceMs)\}/g, (_, k: string) => encodeURIComponent(values[k] ?? ''));
}

/**
 * The links a step shows. A component without a template still gets a hint, so the step
 * says where to look even before anyone configures `logLinks`.
 */
export function stepLinks(
  step: { logs?: LogsEntry[]; link?: { text: string; url: string } },
  logLinks: Readonly<Record<string, string>>,
  vars: LinkVars,
): StepLink[] {
  const out: StepLink[] = [];
  const minutes = Math.max(1, Math.ceil((vars.now.getTime() - vars.since.getTime()) / 60_000));
  for (const component of logComponents(step.logs)) {
    const template = logLinks[component] ?? logLinks.default;
    if (template) out.push({ text: `${component} logs`, url: fillTemplate(template, { ...vars, component }) });
    else out.push({ text: `${component} logs`, hint: `docker compose logs --since ${minutes}m ${component}` });
  }
  if (step.link) out.push({ text: step.link.text, url: fillTemplate(step.link.url, vars) });
  return out;
}
