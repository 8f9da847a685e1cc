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
            // Counted by the handler's own name (an alias counts as its command); unknown words are not labels.
            const count = (outcome) => opts.metrics?.command(handler?.name ?? 'help', outcome);
            try {
                if (!handler) {
                    if (!name) {
                        const shown = (await opts.help(req)) ?? {};
                        count('ok');
                        return shown;
                    }
                    const guess = closest(name, [...table.keys()]);
                    await opts.help(req, `Unknown command ${userWord(name)}.${guess ? ` Did you mean \`${guess}\`?` : ''}`);
                    count('unknown');
                    return { usageError: true };
                }
                const started = performance.now();
                const outcome = (await handler.run(req)) ?? {};
                if (outcome.usageProblem) {
                    await conversation.ephemeral({
                        text: `${outcome.usageProblem}. Usage: \`/ctx ${escapeMrkdwn(handler.usage)}\``,
                    });
                    count('usage');
                    return { ...outcome, usageError: true };
                }
                count(outcome.usageError ? 'usage' : outcome.status === 'warn' || outcome.status === 'fail' ? outcome.status : 'ok');
                log.info({ durationMs: Math.round(performance.now() - started), status: outcome.status }, 'command handled');
                return outcome;
            }
            catch (err) {
                log.error({ err }, 'command failed');
                count('error');
                const message = opts.redactor.scrub(err?.message ?? String(err));
                await conversation
                    .ephemeral({ text: `⚠️ \`/ctx ${name}\` failed: ${message}` })
                    .catch((e) => log.warn({ err: e }, 'could not report the failure'));
                return { status: 'fail' };
            }
        },
    };
}
