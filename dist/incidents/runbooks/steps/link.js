import { z } from 'zod';
import { componentName } from '../../../config/sections/runbooks.js';
/**
 * Links on a step: `logs: backend` (or a list) fills the `logLinks` template of that
 * component from ctx-ops.yml; `link: {text, url}` is a link written in the runbook. Both
 * accept {env}, {component}, {since} and {sinceMs}; every value is URL-encoded.
 */
const toList = (v) => (typeof v === 'string' ? [v] : v);
export const linkShape = {
    logs: z.preprocess(toList, z.array(componentName).min(1).max(5)).optional(),
    link: z
        .object({
        text: z.string().trim().min(1).max(75),
        url: z.string().refine((u) => /^https?:\/\//i.test(u), { message: 'must start with http:// or https://' }),
    })
        .strict()
        .optional(),
};
/** Fills a template; only the known placeholders are replaced, so LogQL braces survive. */
export function fillTemplate(template, vars) {
    const values = {
        env: vars.env,
        component: vars.component ?? '',
        since: vars.since.toISOString(),
        sinceMs: String(vars.since.getTime()),
    };
    return template.replace(/\{(env|component|since|sinceMs)\}/g, (_, k) => encodeURIComponent(values[k] ?? ''));
}
/**
 * The links a step shows. A component without a template still gets a hint, so the step
 * says where to look even before anyone configures `logLinks`.
 */
export function stepLinks(step, logLinks, vars) {
    const out = [];
    const minutes = Math.max(1, Math.ceil((vars.now.getTime() - vars.since.getTime()) / 60_000));
    for (const component of step.logs ?? []) {
        const template = logLinks[component] ?? logLinks.default;
        if (template)
            out.push({ text: `${component} logs`, url: fillTemplate(template, { ...vars, component }) });
        else
            out.push({ text: `${component} logs`, hint: `docker compose logs --since ${minutes}m ${component}` });
    }
    if (step.link)
        out.push({ text: step.link.text, url: fillTemplate(step.link.url, vars) });
    return out;
}
