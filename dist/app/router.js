import { escapeMrkdwn } from '../ui/blocks.js';
import { userWord } from '../ui/user-text.js';
import { closest, tokenize } from '../util/tokenize.js';
export function createRouter(opts) {
    const table = new Map();
    for (const h of opts.handlers) {
        for (const name of [h.name, ...(h.aliases ?? [])]) {
            if (table.has(name))
                throw new Error(`two commands are called "${name}"`);
            table.set(name, h);
        }
    }
    return {
        handlers: opts.handlers,
        find: (name) => table.get(name.toLowerCase()),
        async dispatch({ text, actor, surface, conversation }) {
            const words = tokenize(text.trim().replace(/^\/?ctx\s*/i, ''));
            const name = (words[0] ?? '').toLowerCase();
            const req = { name, args: words.slice(1), text, actor, surface, conversation };
            const handler = table.get(name);
            const log = opts.log.child({ command: name || 'help', user: actor.userId, surface });
            try {
                if (!handler) {
                    if (!name)
                        return (await opts.help(req)) ?? {};
                    const guess = closest(name, [...table.keys()]);
                    await opts.help(req, `Unknown command ${userWord(name)}.${guess ? ` Did you mean \`${guess}\`?` : ''}`);
                    return { usageError: true };
                }
                const started = performance.now();
                const outcome = (await handler.run(req)) ?? {};
                if (outcome.usageProblem) {
                    await conversation.ephemeral({
                        text: `${outcome.usageProblem}. Usage: \`/ctx ${escapeMrkdwn(handler.usage)}\``,
                    });
                    return { ...outcome, usageError: true };
                }
                log.info({ durationMs: Math.round(performance.now() - started), status: outcome.status }, 'command handled');
                return outcome;
            }
            catch (err) {
                log.error({ err }, 'command failed');
                const message = opts.redactor.scrub(err?.message ?? String(err));
                await conversation
                    .ephemeral({ text: `⚠️ \`/ctx ${name}\` failed: ${message}` })
                    .catch((e) => log.warn({ err: e }, 'could not report the failure'));
                return { status: 'fail' };
            }
        },
    };
}
