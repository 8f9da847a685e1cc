import { describeGroupProblem, mention } from '../../slack/user-groups.js';
import { alreadyUsedText } from './approval-states.js';
/** Channel roles (digest, alerts, incidents) resolve through `channels:`; ids pass through. */
export function resolveChannelRef(config, ref) {
    const roles = config.channels;
    return roles[ref] ?? ref;
}
export function policyFor(config, env) {
    const entry = config.permissions[env.name];
    if (!entry) {
        const open = env.production ? { mode: 'nobody' } : { mode: 'anyone' };
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
    const fallback = env.production ? { mode: 'nobody' } : { mode: 'anyone' };
    const list = (l) => (l ? { mode: 'listed', principals: l } : fallback);
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
export const isLocal = (actor) => actor.userId.startsWith('local:');
export function describeList(list) {
    if (list.mode === 'anyone')
        return 'anyone';
    if (list.mode === 'nobody')
        return 'nobody';
    return list.principals.map(mention).join(', ');
}
export function yamlHint(env) {
    return [
        'permissions:',
        `  ${env}:`,
        '    request: [S0ONCALL]     # Slack user (U…/W…) or user-group (S…) ids; local:<user> for the shell',
        '    approve: [S0LEADS]',
        '    channels: [C0OPS]       # where operations may be asked for and confirmed',
        '    twoPerson: true         # confirmer must differ from requester (default for production)',
    ].join('\n');
}
function noPolicy(policy, what) {
    const why = policy.configured
        ? `\`permissions.${policy.env}\` lists nobody who may ${what} (set \`${what}\`)`
        : `*${policy.env}* is marked production and has no \`permissions.${policy.env}\` entry, so nobody may run operations there`;
    return {
        code: 'no-policy',
        message: `Operations on *${policy.env}* are turned off: ${why}. Add to ctx-ops.yml:\n\`\`\`\n${yamlHint(policy.env)}\n\`\`\``,
    };
}
function channelRefusal(policy, surface, channelId) {
    if (surface !== 'slack' || !policy.channels)
        return null;
    if (channelId && policy.channels.includes(channelId))
        return null;
    return {
        code: 'wrong-channel',
        message: `Operations on *${policy.env}* are allowed only in ${policy.channels.map((c) => `<#${c}>`).join(', ')}.`,
    };
}
export function decideRequest(i) {
    if (i.surface === 'cli') {
        return {
            code: 'cli',
            message: 'Guarded operations need a confirmation button: ask for them in Slack or in the local shell (`ctx-ops shell`), not the one-shot CLI.',
        };
    }
    if (i.policy.request.mode === 'nobody')
        return noPolicy(i.policy, 'request');
    const wrong = channelRefusal(i.policy, i.surface, i.actor.channelId);
    if (wrong)
        return wrong;
    if (!i.mayRequest) {
        if (i.groupProblems?.length)
            return groupsRefusal(i.policy, 'request', i.groupProblems);
        const local = isLocal(i.actor) ? ` Local users need \`${i.actor.userId}\` or \`local:*\` in the list.` : '';
        return {
            code: 'unauthorised',
            message: `You may not request operations on *${i.policy.env}*: \`permissions.${i.policy.env}.request\` allows ${describeList(i.policy.request)}.${local}`,
        };
    }
    return null;
}
/** Checked in this order: the row, its binding, its state, its age, the place, the person. */
export function decideConfirm(i) {
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
    if (i.surface === 'cli')
        return { code: 'cli', message: 'Confirmations cannot be given from the one-shot CLI.' };
    if (i.policy.approve.mode === 'nobody')
        return noPolicy(i.policy, 'approve');
    const wrong = channelRefusal(i.policy, i.surface, i.actor.channelId);
    if (wrong)
        return wrong;
    if (!i.mayApprove) {
        if (i.groupProblems?.length)
            return groupsRefusal(i.policy, 'approve', i.groupProblems);
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
/** The requester may withdraw a request; an approver may turn it down. */
export function decideCancel(i) {
    const a = i.approval;
    if (!a)
        return { code: 'unknown', message: 'This request is unknown.' };
    if (a.state !== 'requested')
        return {
            code: 'already-used',
            message: `This request cannot be cancelled: ${alreadyUsedText(a.state, a.confirmerName)}.`,
        };
    if (a.requesterId === i.actor.userId || i.mayApprove)
        return null;
    return {
        code: 'unauthorised',
        message: `Only the person who asked or an approver (${describeList(i.policy.approve)}) can cancel this.`,
    };
}
function groupsRefusal(policy, what, problems) {
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
/**
 * Whether an actor is in a principal list; user groups are resolved only when needed. A
 * group whose members could not be read is a problem, returned so the answer can say why.
 */
export async function checkMembership(list, actor, groups) {
    const no = { matched: false, groupProblems: [] };
    if (list.mode === 'anyone')
        return { matched: true, groupProblems: [] };
    if (list.mode === 'nobody')
        return no;
    const id = actor.userId;
    if (isLocal(actor))
        return { matched: list.principals.includes(id) || list.principals.includes('local:*'), groupProblems: [] };
    if (list.principals.includes(id))
        return { matched: true, groupProblems: [] };
    const groupProblems = [];
    for (const p of list.principals) {
        if (!p.startsWith('S'))
            continue;
        const r = await groups.lookup(p);
        if (r.ok && r.members.has(id))
            return { matched: true, groupProblems: [] };
        if (!r.ok)
            groupProblems.push(r.problem);
    }
    return { matched: false, groupProblems };
}
export async function matches(list, actor, groups) {
    return (await checkMembership(list, actor, groups)).matched;
}
