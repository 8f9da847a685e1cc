import { describeGroupProblem } from '../../slack/user-groups.js';
import { item } from '../types.js';
/** A user group named in permissions: can its members be read? */
export function groupItem(group, keys, f) {
    const t = (status, seen, fix) => item('slack', `group.${group}`, `User group ${group}`, status, seen, fix);
    const where = keys.map((k) => `\`${k}\``).join(', ');
    if (f.state === 'no-slack')
        return t('skip', `named in ${where}; members are read from Slack, which is not connected here`);
    if (f.state === 'ok')
        return t(f.members ? 'ok' : 'warn', `${f.members} member${f.members === 1 ? '' : 's'} (named in ${where})`, f.members ? undefined : 'add people to the group in Slack, or list user ids instead');
    const w = describeGroupProblem(f.problem, keys[0] ?? 'permissions');
    return t('fail', w.seen, w.fix);
}
