import type { Environment } from '../../../config/types.js';
import type { GuardedActionKind } from '../../../runtime/guarded.js';
import type { ActionTarget } from '../steps/action.js';

/**
 * A guarded action a runbook step can offer. The approvals service runs it; the runbook
 * adds the button text, the targets to offer when the step fixes no parameters, and what
 * to do by hand when guarded operations are not available.
 */
export interface RunbookActionKind<P extends Record<string, unknown> = Record<string, unknown>> {
  kind: string;
  label: string;
  validateParams?(params: Record<string, unknown>): string | null;
  targets?(env: Environment, signal: AbortSignal): Promise<ActionTarget[]>;
  /** The same thing done by hand (mrkdwn). */
  manual(env: Environment): string;
  /** A line shown on the step while it is open (e.g. "back up first": the newest backup is too old). */
  note?(env: Environment): Promise<string | null>;
  /** Present for kinds this feature implements; absent for the operations feature's own. */
  guarded?: GuardedActionKind<P>;
}

/**
 * Kinds the operations feature registers itself that a step may ask for without
 * parameters. (`migrate` needs the pending list and a backup id that `/ctx migrate`
 * works out, so runbooks point at that command instead.)
 */
export const OPERATIONS_KINDS: RunbookActionKind[] = [
  {
    kind: 'backup',
    label: 'Back up Postgres',
    manual: (env) => `\`/ctx backup ${env.name}\`, or \`pg_dump --format=custom\` of DATABASE_URL`,
  },
];
