import type { Config } from '../config/types.js';
import type { Actor } from '../contracts/chat.js';
import type { GroupProblem, GroupResolver } from './user-groups.js';

/**
 * Who a setting names: anyone, nobody, or a list of Slack user ids, user-group ids (S…) and
 * local users (`local:<user>`, `local:*` for the shell). Guarded operations
 * (`permissions.<env>`) and log reading (`logs.access.<env>`) both decide with it.
 */
export type PrincipalList = { mode: 'anyone' } | { mode: 'nobody' } | { mode: 'listed'; principals: string[] };

export const isLocal = (actor: Pick<Actor, 'userId'>) => actor.userId.startsWith('local:');

/** Channel roles (digest, alerts, incidents) resolve through `channels:`; ids pass through. */
export function resolveChannelRef(config: Pick<Config, 'channels'>, ref: string): string {
  const roles = config.channels as Record<string, string | undefined>;
  return roles[ref] ?? ref;
}

/**
 * Whether an actor is in a principal list; user groups are resolved only when needed. A
 * group whose members could not be read is a problem, returned so the answer can say why.
 */
export async function checkMembership(
  list: PrincipalList,
  actor: Actor,
  groups: GroupResolver,
): Promise<{ matched: boolean; groupProblems: GroupProblem[] }> {
  const no = { matched: false, groupProblems: [] as GroupProblem[] };
  if (list.mode === 'anyone') return { matched: true, groupProblems: [] };
  if (list.mode === 'nobody') return no;
  const id = actor.userId;
  if (isLocal(actor))
    return { matched: list.principals.includes(id) || list.principals.includes('local:*'), groupProblems: [] };
  if (list.principals.includes(id)) return { matched: true, groupProblems: [] };
  const groupProblems: GroupProblem[] = [];
  for (const p of list.principals) {
    if (!p.startsWith('S')) continue;
    const r = await groups.lookup(p);
    if (r.ok && r.members.has(id)) return { matched: true, groupProblems: [] };
    if (!r.ok) groupProblems.push(r.problem);
  }
  return { matched: false, groupProblems };
}
