export function createBackgroundPoster(opts) {
    const reachable = (channel) => Boolean(channel) && channel !== 'terminal';
    return {
        async post(channel, msg, threadTs) {
            const outbox = opts.services.get('outbox');
            const slack = opts.slack();
            // The outbox writes through the same Slack connection; without one there is nowhere to post.
            if (!reachable(channel) || !slack) {
                opts.log.info({ channel, text: opts.redactor.scrub(msg.text) }, 'not posted (no Slack connection here)');
                return null;
            }
            const body = opts.redactor.scrubDeep({
                channel,
                text: msg.text,
                ...(msg.blocks ? { blocks: msg.blocks } : {}),
                ...(threadTs ? { thread_ts: threadTs } : {}),
            });
            try {
                return outbox ? await outbox.post(body) : await slack.post(body);
            }
            catch (err) {
                opts.log.warn({ channel, err: { message: opts.redactor.scrub(err.message) } }, 'background post failed');
                return null;
            }
        },
        async update(channel, ts, msg) {
            const outbox = opts.services.get('outbox');
            const slack = opts.slack();
            if (!reachable(channel) || !ts || !slack)
                return;
            const body = opts.redactor.scrubDeep({
                channel,
                ts,
                text: msg.text,
                ...(msg.blocks ? { blocks: msg.blocks } : {}),
            });
            try {
                await (outbox ? outbox.update(body) : slack.update(body));
            }
            catch (err) {
                opts.log.warn({ channel, err: { message: opts.redactor.scrub(err.message) } }, 'background update failed');
            }
        },
    };
}
