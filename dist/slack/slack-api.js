export function createSlackApi(client, redactor) {
    const clean = (v) => redactor.scrubDeep(v);
    return {
        client,
        async post(args) {
            const res = await client.chat.postMessage(clean({ unfurl_links: false, unfurl_media: false, ...args }));
            return { channel: res.channel ?? args.channel, ts: res.ts ?? '' };
        },
        async update(args) {
            await client.chat.update(clean(args));
        },
        async postEphemeral(args) {
            await client.chat.postEphemeral(clean(args));
        },
        async publishHome(userId, view) {
            await client.views.publish(clean({ user_id: userId, view }));
        },
    };
}
