/**
 * Slack user groups (S…) named in permissions: reading their members, and what to say when
 * Slack will not tell (missing scope, a plan without groups, an unknown id). Used by the
 * approvals (who may request or confirm) and by doctor (can the groups be read at all).
 */
/** How a principal is shown in Slack mrkdwn (mentions render as names there). */
export function mention(principal) {
    if (principal.startsWith('local:'))
        return `\`${principal}\``;
    if (principal.startsWith('S'))
        return `<!subteam^${principal}>`;
    return `<@${principal}>`;
}
const PLAN_ERRORS = new Set(['plan_upgrade_required', 'paid_only', 'paid_teams_only', 'team_not_on_paid_plan']);
export function groupProblemOf(group, err) {
    const code = err?.data?.error;
    return groupProblemFromCode(group, code, err?.message);
}
/** @param code Slack's error code; `message` describes a failure that has none (network). */
export function groupProblemFromCode(group, code, message) {
    if (code === 'missing_scope')
        return { group, kind: 'missing-scope', code };
    if (code && PLAN_ERRORS.has(code))
        return { group, kind: 'plan', code };
    if (code === 'no_such_subteam' || code === 'subteam_not_found')
        return { group, kind: 'not-found', code };
    return { group, kind: 'other', code: code ?? (message || 'unknown error') };
}
/** What is wrong and what to do, for one problem; `key` is where the group is named (`permissions.prod.request`). */
export function describeGroupProblem(p, key) {
    switch (p.kind) {
        case 'missing-scope':
            return {
                seen: `the Slack app lacks the usergroups:read scope, so the members of ${mention(p.group)} (named in \`${key}\`) cannot be read`,
                fix: 'add `usergroups:read` under OAuth & Permissions → Bot Token Scopes and reinstall the app (manifest.yml has it), or list user ids (U…) instead of the group',
            };
        case 'plan':
            return {
                seen: `this Slack workspace's plan has no user groups (Slack answered ${p.code}), so ${mention(p.group)} in \`${key}\` has no members`,
                fix: `list Slack user ids (U…) in \`${key}\` instead of user-group ids`,
            };
        case 'not-found':
            return {
                seen: `the user group ${p.group} named in \`${key}\` does not exist in this workspace (${p.code})`,
                fix: `check the id in \`${key}\` (user-group ids start with S)`,
            };
        default:
            return {
                seen: `Slack answered ${p.code} when asked for the members of ${mention(p.group)} (named in \`${key}\`)`,
                fix: "try again; `/ctx doctor` checks the app's scopes and tokens",
            };
    }
}
export function createGroupResolver(opts) {
    const ttl = opts.ttlMs ?? 60_000;
    const now = opts.now ?? Date.now;
    const cache = new Map();
    const lookup = async (groupId) => {
        const hit = cache.get(groupId);
        if (hit && now() - hit.at < ttl)
            return { ok: true, members: hit.members };
        const client = opts.client();
        if (!client)
            return {
                ok: false,
                problem: { group: groupId, kind: 'other', code: 'no Slack connection (user groups are read from Slack)' },
            };
        try {
            const res = await client.usergroups.users.list({ usergroup: groupId });
            const members = new Set(res.users ?? []);
            cache.set(groupId, { at: now(), members });
            return { ok: true, members };
        }
        catch (err) {
            const problem = groupProblemOf(groupId, err);
            opts.log.warn({ group: groupId, problem: problem.kind, code: problem.code }, 'could not list user-group members');
            return { ok: false, problem };
        }
    };
    return {
        lookup,
        async members(groupId) {
            const r = await lookup(groupId);
            return r.ok ? r.members : null;
        },
    };
}
