import * as z from 'zod';

/**
 * The part every step has: what to do, optional help, and the upstream point it covers.
 * A step with nothing else is done by hand; the people in the thread say Done, Skip or Failed.
 */
export const manualShape = {
  /** The instruction, one line, imperative ("Confirm AUTH_BASE_URL matches the browser origin"). */
  text: z.string().trim().min(1).max(300),
  /** How to do it: commands, where to look (Slack mrkdwn; `{env}` is filled in). */
  help: z.string().trim().min(1).max(2500).optional(),
  /** The point of the upstream operations guide (or another source) this step covers. */
  covers: z.string().trim().min(1).max(300).optional(),
};

/** `{env}` and `{AUTH_BASE_URL}` in a step's text and help are the environment's. */
export function fillText(text: string, vars: { env: string; baseUrl?: string }): string {
  return text.replace(/\{env\}/g, vars.env).replace(/\{AUTH_BASE_URL\}/g, (m) => vars.baseUrl ?? m);
}
