/** What each configured channel is for, and the key that names it (for the fix sentences). */
export function targetRoles(config, settings) {
    const out = new Map();
    const add = (channel, role) => {
        if (!channel)
            return;
        const had = out.get(channel);
        out.set(channel, had ? { purpose: `${had.purpose}, ${role.purpose}`, configKey: had.configKey } : role);
    };
    add(settings.watch.channel, {
        purpose: 'alerts',
        configKey: config.watch.channel ? 'watch.channel' : 'channels.alerts',
    });
    for (const d of settings.digests)
        add(d.channel, {
            purpose: 'digest',
            configKey: d.channel === config.channels.digest ? 'channels.digest' : `schedules[${d.name}].channel`,
        });
    add(config.channels.incidents, { purpose: 'incidents', configKey: 'channels.incidents' });
    for (const f of settings.delivery.fallback)
        add(f, { purpose: 'fallback', configKey: 'delivery.fallback' });
    return out;
}
/**
 * The bot's name and user id (for "/invite @ctx-ops" and to recognise its own
 * member_joined_channel), and the configured channels' names (for "#alerts"). Best
 * effort and bounded: without channels:read the ids are shown instead.
 */
export async function learnSlackNames(slack, into, channels, log) {
    const work = (async () => {
        const me = (await slack.client.auth.test().catch(() => null));
        if (me?.user)
            into.bot = me.user;
        if (me?.user_id)
            into.botUserId = me.user_id;
        for (const channel of channels.filter((c) => !/^[UW]/.test(c))) {
            const info = (await slack.client.conversations.info({ channel }).catch(() => null));
            if (info?.channel?.name)
                into.channels.set(channel, info.channel.name);
        }
    })();
    await Promise.race([work, new Promise((r) => setTimeout(r, 3_000).unref())]).catch((err) => log.debug({ err: { message: err.message } }, 'could not read channel names'));
}
