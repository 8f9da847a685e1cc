import { resolveChannel, resolveScheduleSettings } from '../../config/schedules.js';
import { item } from '../types.js';
/** Every channel in ctx-ops.yml (roles resolved), each once, with all its purposes. */
export function configuredChannels(config) {
    const uses = new Map();
    const add = (ref, purpose, posts) => {
        if (!ref)
            return;
        const u = uses.get(ref) ?? { ref, purposes: [], postsOnItsOwn: false };
        if (!u.purposes.includes(purpose))
            u.purposes.push(purpose);
        u.postsOnItsOwn ||= posts;
        uses.set(ref, u);
    };
    const roles = config.channels;
    add(roles.alerts, 'alerts', true);
    add(roles.digest, 'digest', true);
    add(roles.incidents, 'incidents', true);
    const s = resolveScheduleSettings(config);
    for (const d of s.digests)
        add(d.channel, `schedule "${d.name}"`, true);
    if (s.watch.enabled)
        add(s.watch.channel, 'alerts', true);
    const rt = config.operations.restoreTest;
    if (rt?.enabled !== false)
        add(resolveChannel(rt?.channel ?? 'digest', config.channels), 'restore tests', true);
    for (const [env, p] of Object.entries(config.permissions))
        for (const c of p.channels ?? [])
            add(resolveChannel(c, config.channels), `operations on ${env}`, false);
    // User ids in delivery.fallback are direct messages: no membership to check.
    for (const f of config.delivery.fallback) {
        const ref = resolveChannel(f, config.channels);
        if (ref && !/^[UW][A-Z0-9]+$/.test(ref))
            add(ref, 'fallback for refused alerts', true);
    }
    return [...uses.values()];
}
export const CHANNEL_ID = /^[CGD][A-Z0-9]{6,}$/;
/**
 * @param botName the bot's name for `/invite @…`
 * @param publicPosting chat:write.public is granted: public channels need no invite
 */
export function channelItem(use, f, ctx) {
    const label = f.state === 'found' ? `#${f.name}` : use.ref;
    const t = (status, seen, fix) => item('channels', `channel.${use.ref}`, label, status, seen, fix);
    const purposes = use.purposes.join(', ');
    const invite = (where) => `type \`/invite @${ctx.botName}\` in ${where}`;
    switch (f.state) {
        case 'no-slack':
            return t('skip', `used for ${purposes}; not checked without Slack`);
        case 'missing-scope':
            return t('warn', `used for ${purposes}; cannot be checked: the app lacks the ${f.needed} scope`, `add \`${f.needed}\` under OAuth & Permissions → Bot Token Scopes and reinstall the app`);
        case 'error':
            return t('warn', `used for ${purposes}; could not be checked: ${f.seen}`);
        case 'not-found':
            if (!CHANNEL_ID.test(use.ref)) {
                return t('fail', `"${use.ref}" (used for ${purposes}) is not a channel id, and Slack knows no such channel`, "channels are configured by id (C…): open the channel's details; the id is at the bottom of About");
            }
            return t('fail', `Slack cannot find channel ${use.ref} (used for ${purposes}): it is private and @${ctx.botName} is not in it, or the id is wrong`, `${invite('that channel')}, or check the id in ctx-ops.yml (channel details → About)`);
        case 'found': {
            if (f.isArchived)
                return t('fail', `#${f.name} is archived (used for ${purposes}): nothing can be posted there`, `unarchive it, or configure another channel for ${purposes}`);
            if (f.isMember)
                return t('ok', `@${ctx.botName} is a member (${purposes})`);
            if (!f.isPrivate && ctx.publicPosting)
                return t('ok', `@${ctx.botName} is not a member, but chat:write.public lets it post in this public channel (${purposes})`);
            const lost = use.postsOnItsOwn
                ? `: what it posts there on its own (${purposes}) is refused by Slack (not_in_channel)`
                : ` (${purposes}): answers there go through the command's response_url, but follow-up posts in threads are refused`;
            return t(use.postsOnItsOwn ? 'fail' : 'warn', `@${ctx.botName} is not in #${f.name}${lost}`, invite(`#${f.name}`));
        }
    }
}
