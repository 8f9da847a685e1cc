import { extractFlags } from '../util/tokenize.js';
import { renderCheckDetail } from '../ui/status.js';
import { closest } from '../util/tokenize.js';
import { userWord } from '../ui/user-text.js';
import { chooseEnvironment, leftoverProblem } from '../runtime/preambles.js';
import { parseValue } from './status-command.js';
import { rerunMaxAge } from '../diagnostics/runner.js';
export function createCheckHandler(deps) {
    const ids = () => deps.diagnostics.checks.map((c) => c.id);
    const unknownCheck = (id) => {
        const guess = closest(id, ids());
        return `there is no check ${userWord(id)}${guess ? ` (did you mean \`${guess}\`?)` : ''}`;
    };
    const listing = () => deps.diagnostics.checks.map((c) => `\`${c.id}\` ${c.title}`).join(', ');
    return {
        name: 'check',
        usage: 'check <id> [env]',
        summary: 'One component in full: every condition checked and what was seen',
        async run(req) {
            const { flags, rest, errors } = extractFlags(req.args, { withValue: ['env'] });
            const choice = chooseEnvironment(rest, flags.env, deps.config);
            const [id, ...extra] = choice.rest;
            const problem = errors[0] ??
                choice.error ??
                (!id
                    ? 'which check?'
                    : !ids().includes(id)
                        ? unknownCheck(id)
                        : extra.length
                            ? leftoverProblem(extra, deps.config)
                            : choice.all
                                ? '`check` takes one environment'
                                : undefined);
            if (problem || !id) {
                await req.conversation.ephemeral({
                    text: `${problem}. Usage: \`/ctx check &lt;id&gt; [env]\`. Checks: ${listing()}`,
                });
                return { usageError: true };
            }
            const report = await deps.diagnostics.run(choice.env, { only: [id] });
            deps.onReport?.(report);
            await req.conversation.post(renderCheckDetail(report, id, deps.diagnostics.titles, deps.config.timezone));
            return { status: report.checks.find((c) => c.id === id)?.status };
        },
    };
}
/** "Details" beside a failing line of /ctx status: shown to the clicker only. */
export function createCheckDetailsAction(deps) {
    return {
        actionId: 'ctx.check.details',
        async run(req) {
            const { env, id } = parseValue(req.value);
            if (!id || !deps.config.environments.some((e) => e.name === env))
                return;
            const report = await deps.diagnostics.run(env, { only: [id] });
            await req.conversation.ephemeral(renderCheckDetail(report, id, deps.diagnostics.titles, deps.config.timezone));
        },
    };
}
export function createCheckRerunAction(deps) {
    return {
        actionId: 'ctx.check.rerun',
        async run(req) {
            const { env, id } = parseValue(req.value);
            if (!id || !deps.config.environments.some((e) => e.name === env))
                return;
            const report = await deps.diagnostics.run(env, { only: [id], maxAgeMs: rerunMaxAge(deps.config.checks.cacheMs) });
            deps.onReport?.(report);
            const msg = renderCheckDetail(report, id, deps.diagnostics.titles, deps.config.timezone);
            if (req.message)
                await req.conversation.update(req.message, msg);
            else
                await req.conversation.post(msg);
        },
    };
}
