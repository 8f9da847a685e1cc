import type { Config, Environment } from '../../config/types.js';
import type { Actor, Surface } from '../../contracts/chat.js';
import { describeGroupProblem, mention, type GroupProblem, type GroupResolver } from '../../slack/user-groups.js';
import { checkMembership, isLocal, type PrincipalList, resolveChannelRef } from '../../slack/principals.js';
import type { ApprovalState } from './approval-states.js';
import { alreadyUsedText } from './approval-states.js';

/**
 * Who may request and who may confirm a guarded operation, per environment
 * (`permissions.<env>` in ctx-ops.yml). The decisions are pure functions over what was
 * looked up (membership, the approval's row), so every rule is table-tested.
 *
 * Defaults, chosen to fail closed where it matters:
 * - production environment without a `permissions` entry: nobody (the answer shows the YAML to add);
 * - other environment without an entry: anyone, in any channel, no two-person rule;
 * - `request` absent → the `approve` list, and the other way round; both absent → anyone
 *   (non-production) or nobody (production);
 * - `twoPerson` defaults to the environment's `production` flag;
 * - local users (the shell) match only `local:<user>` or `local:*`, except in a
 *   non-production environment without an entry; the CLI cannot confirm, so it cannot request.
 */

export interface EnvPolicy {
  env: string;
  production: boolean;
  /** A `permissions.<env>` entry exists. */
  configured: boolean;
  request: PrincipalList;
  approve: PrincipalList;
  /** Slack channel ids where operations are allowed; null = anywhere. */
  channels: string[] | null;
  twoPerson: boolean;
}

export type RefusalCode =
  | 'cli'
  | 'no-policy'
  | 'unauthorised'
  | 'wrong-channel'
  | 'same-person'
  | 'expired'
  | 'already-used'
  | 'tampered'
  | 'groups-unavailable'
  | 'unknown';

export interface Refusal {
  code: RefusalCode;
  message: string;
}

export function policyFor(
  config: Pick<Config, 'permissions' | 'channels'>,
  env: Pick<Environment, 'name' | 'production'>,
): EnvPolicy {
  const entry = config.permissions[env.name];
  if (!entry) {
    const open: PrincipalList = env.production ? { mode: 'nobody' } : { mode: 'anyone' };
    return {
      env: env.name,
      production: env.production,
      configured: false,
      request: open,
      approve: open,
      channels: null,
      twoPerson: env.production,
    };
  }
  const req = entry.request ?? entry.approve;
  const app = entry.approve ?? entry.request;
  const fallback: PrincipalList = env.production ? { mode: 'nobody' } : { mode: 'anyone' };
  const list = (l: string[] | undefined): PrincipalList => (l ? { mode: 'listed', principals: l } : fallback);
  return {
    env: env.name,
    production: env.production,
    configured: true,
    request: list(req),
    approve: list(app),
    channels: entry.channels?.length ? entry.channels.map((c) => resolveChannelRef(config, c)) : null,
    twoPerson: entry.twoPerson ?? env.production,
  };
}

export function describeList(list: PrincipalList): string {
  if (list.mode === 'anyone') return 'anyone';
  if (list.mode === 'nobody') return 'nobody';
  return list.principals.map(mention).join(', ');
}

export function yamlHint(env: string): string {
  return [
    'permissions:',
    `  ${env}:`,
    '    request: [S0ONCALL]     # Slack user (U…/W…) or user-group (S…) ids; local:<user> for the shell',
    '    approve: [S0LEADS]',
    '    channels: [C0OPS]       # where operations may be asked for and confirmed',
    '    twoPerson: true         # confirmer must differ from requester (default for production)',
  ].join('\n');
}

function noPolicy(policy: EnvPolicy, what: 'request' | 'approve'): Refusal {
  const why = policy.configured
    ? `\`permissions.${policy.env}\` lists nobody who may ${what} (set \`${what}\`)`
    : `*${policy.env}* is marked production and has no \`permissions.${policy.env}\` entry, so nobody may run operations there`;
  return {
    code: 'no-policy',
    message: `Operations on *${policy.env}* are turned off: ${why}. Add to ctx-ops.yml:\n\`\`\`\n${yamlHint(policy.env)}\n\`\`\``,
  };
}

function channelRefusal(policy: EnvPolicy, surface: Surface, channelId: string | undefined): Refusal | null {
  if (surface !== 'slack' || !policy.channels) return null;
  if (channelId && policy.channels.includes(channelId)) return null;
  return {
    code: 'wrong-channel',
    message: `Operations on *${policy.env}* are allowed only in ${policy.channels.map((c) => `<#${c}>`).join(', ')}.`,
  };
}

export interface RequestDecisionInput {
  policy: EnvPolicy;
  actor: Actor;
  surface: Surface;
  /** The actor matches the request list (resolved beforehand, user groups included). */
  mayRequest: boolean;
  /** User groups of the list whose members could not be read: a "no" is then not the person's fault. */
  groupProblems?: GroupProblem[];
}

export function decideRequest(i: RequestDecisionInput): Refusal | null {
  if (i.surface === 'cli') {
    return {
      code: 'cli',
      message:
        'Guarded operations need a confirmation button: ask for them in Slack or in the local shell (`ctx-ops shell`), not the one-shot CLI.',
    };
  }
  if (i.policy.request.mode === 'nobody') return noPolicy(i.policy, 'request');
  const wrong = channelRefusal(i.policy, i.surface, i.actor.channelId);
  if (wrong) return wrong;
  if (!i.mayRequest) {
    if (i.groupProblems?.length) return groupsRefusal(i.policy, 'request', i.groupProblems);
    const local = isLocal(i.actor) ? ` Local users need \`${i.actor.userId}\` or \`local:*\` in the list.` : '';
    return {
      code: 'unauthorised',
      message: `You may not request operations on *${i.policy.env}*: \`permissions.${i.policy.env}.request\` allows ${describeList(i.policy.request)}.${local}`,
    };
  }
  return null;
}

export interface ConfirmDecisionInput {
  policy: EnvPolicy;
  actor: Actor;
  surface: Surface;
  approval: {
    state: ApprovalState;
    expiresAt: Date;
    requesterId: string;
    confirmerName?: string | null;
    hashOk: boolean;
  } | null;
  now: Date;
  /** The actor matches the approve list. */
  mayApprove: boolean;
  groupProblems?: GroupProblem[];
}

/** Checked in this order: the row, its binding, its state, its age, the place, the person. */
export function decideConfirm(i: ConfirmDecisionInput): Refusal | null {
  const a = i.approval;
  if (!a)
    return { code: 'unknown', message: 'This confirmation is unknown (it may belong to another bot installation).' };
  if (!a.hashOk)
    return {
      code: 'tampered',
      message: 'This approval no longer matches what was requested (its parameters changed); nothing runs. Ask again.',
    };
  if (a.state !== 'requested')
    return {
      code: 'already-used',
      message: `This confirmation cannot be used: ${alreadyUsedText(a.state, a.confirmerName)}.`,
    };
  if (a.expiresAt.getTime() <= i.now.getTime())
    return { code: 'expired', message: 'This confirmation has expired; nothing ran. Ask again.' };
  if (i.surface === 'cli') return { code: 'cli', message: 'Confirmations cannot be given from the one-shot CLI.' };
  if (i.policy.approve.mode === 'nobody') return noPolicy(i.policy, 'approve');
  const wrong = channelRefusal(i.policy, i.surface, i.actor.channelId);
  if (wrong) return wrong;
  if (!i.mayApprove) {
    if (i.groupProblems?.length) return groupsRefusal(i.policy, 'approve', i.groupProblems);
    const local = isLocal(i.actor) ? ` Local users need \`${i.actor.userId}\` or \`local:*\` in the list.` : '';
    return {
      code: 'unauthorised',
      message: `You may not confirm operations on *${i.policy.env}*: \`permissions.${i.policy.env}.approve\` allows ${describeList(i.policy.approve)}.${local}`,
    };
  }
  if (i.policy.twoPerson && a.requesterId === i.actor.userId) {
    const local = isLocal(i.actor)
      ? ' One local user cannot meet it alone: confirm from Slack, or turn `twoPerson` off for this environment.'
      : '';
    return {
      code: 'same-person',
      message: `The two-person rule is on for *${i.policy.env}*: the person who asked cannot confirm; another approver must.${local}`,
    };
  }
  return null;
}

export interface CancelDecisionInput {
  actor: Actor;
  approval: { state: ApprovalState; requesterId: string; confirmerName?: string | null } | null;
  mayApprove: boolean;
  policy: EnvPolicy;
}

/** The requester may withdraw a request; an approver may turn it down. */
export function decideCancel(i: CancelDecisionInput): Refusal | null {
  const a = i.approval;
  if (!a) return { code: 'unknown', message: 'This request is unknown.' };
  if (a.state !== 'requested')
    return {
      code: 'already-used',
      message: `This request cannot be cancelled: ${alreadyUsedText(a.state, a.confirmerName)}.`,
    };
  if (a.requesterId === i.actor.userId || i.mayApprove) return null;
  return {
    code: 'unauthorised',
    message: `Only the person who asked or an approver (${describeList(i.policy.approve)}) can cancel this.`,
  };
}

function groupsRefusal(policy: EnvPolicy, what: 'request' | 'approve', problems: GroupProblem[]): Refusal {
  const key = `permissions.${policy.env}.${what}`;
  const parts = problems.map((p) => describeGroupProblem(p, key));
  const seen = [...new Set(parts.map((x) => x.seen))].join('; ');
  const fix = [...new Set(parts.map((x) => x.fix))].join('; ');
  const verb = what === 'request' ? 'request' : 'confirm';
  return {
    code: 'groups-unavailable',
    message: `Could not check whether you may ${verb} operations on *${policy.env}*: ${seen}. To fix: ${fix}.`,
  };
}

export async function matches(list: PrincipalList, actor: Actor, groups: GroupResolver): Promise<boolean> {
  return (await checkMembership(list, actor, groups)).matched;
}
