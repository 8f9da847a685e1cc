/** Errors after which posting as the bot cannot work in this channel, but a response_url can. */
const CANNOT_POST = new Set([
    'not_in_channel',
    'channel_not_found',
    'is_archived',
    'restricted_action',
    'ekm_access_denied',
]);
function slackErrorCode(err) {
    return err.data?.error;
}
/**
 * Answers in the channel as the bot (so the message can be updated and threaded). Where
 * the bot may not post (a private channel it was not invited to, a DM), the command's
 * response_url still can: the answer goes there instead of failing.
 */
export function slackConversation(o) {
    const respond = async (args) => {
        if (!o.respond)
            throw new Error('no response_url to answer through');
        await o.respond(o.redactor.scrubDeep(args));
    };
    const body = (msg) => ({ text: msg.text, ...(msg.blocks ? { blocks: msg.blocks } : {}) });
    return {
        async post(msg, opts) {
            const thread = opts?.thread?.threadTs ?? opts?.thread?.ts ?? o.threadTs;
            try {
                const res = await o.slack.post({
                    channel: opts?.thread?.channel ?? o.channel,
                    ...body(msg),
                    ...(thread ? { thread_ts: thread } : {}),
                });
                return { channel: res.channel, ts: res.ts, ...(thread ? { threadTs: thread } : {}) };
            }
            catch (err) {
                if (!o.respond || !CANNOT_POST.has(slackErrorCode(err) ?? '') || thread)
                    throw err;
                await respond({ response_type: 'in_channel', ...body(msg) });
                return { channel: o.channel, ts: '', responseUrl: 'response_url' };
            }
        },
        async update(ref, msg) {
            if (ref.responseUrl || !ref.ts)
                await respond({ replace_original: true, ...body(msg) });
            else
                await o.slack.update({ channel: ref.channel, ts: ref.ts, ...body(msg) });
        },
        async ephemeral(msg) {
            if (o.respond)
                await respond({ response_type: 'ephemeral', replace_original: false, ...body(msg) });
            else
                await o.slack.postEphemeral({
                    channel: o.channel,
                    user: o.userId,
                    ...body(msg),
                    ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
                });
        },
    };
}
