import { extractFlags } from '../util/tokenize.js';
import { md } from '../ui/blocks.js';
import { renderDigest } from './render.js';
import { userWord } from '../ui/user-text.js';
import { chooseEnvironment, leftoverProblem } from '../runtime/preambles.js';
import { postWhenReady } from '../runtime/preambles.js';
const USAGE = 'digest preview|now [env|all]';
/**
 * `/ctx digest preview` shows the digest only to the caller; `/ctx digest now` posts it in
 * the channel where it was typed (the person asking is there; the team's digest channel
 * keeps its schedule). Without an environment both cover every environment.
 */
export function createDigestHandler(deps) {
    return {
        name: 'digest',
        usage: USAGE,
        summary: 'The health digest: preview it privately, or post it here now',
        async run(req) {
            const { flags, rest, errors } = extractFlags(req.args, { withValue: ['env'] });
            // `/ctx digest prod` reads as a preview of prod.
            const envWord = (w) => w === 'all' || deps.config.environments.some((e) => e.name === w);
            const [mode, ...more] = rest[0] === undefined || envWord(rest[0]) ? ['preview', ...rest] : rest;
            const choice = chooseEnvironment(more, flags.env, deps.config);
            const problem = errors[0] ??
                (mode !== 'preview' && mode !== 'now'
                    ? `${userWord(mode)} is not preview, now or an environment (known: ${deps.config.environments.map((e) => e.name).join(', ')})`
                    : undefined) ??
                choice.error ??
                leftoverProblem(choice.rest, deps.config);
            if (problem)
                return { usageProblem: problem };
            const envs = choice.named ? [choice.env] : deps.config.environments.map((e) => e.name);
            if (mode === 'preview') {
                const digest = await deps.build(envs);
                await req.conversation.ephemeral(renderDigest(digest, deps.titles));
                return { status: digest.overall };
            }
            const placeholder = { text: '⏳ Building the digest…', blocks: [md('⏳ Building the digest…')], transient: true };
            const { value: digest, ref } = await postWhenReady(req.conversation, placeholder, deps.build(envs), (d) => renderDigest(d, deps.titles));
            if (req.surface === 'slack' && ref.ts)
                await deps.recordPosted?.(digest, ref, req.actor.userId);
            return { status: digest.overall };
        },
    };
}
