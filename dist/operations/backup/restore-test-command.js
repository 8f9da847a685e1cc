import { extractFlags } from '../../util/tokenize.js';
import { renderNotice } from '../render.js';
import { chooseEnvironment, leftoverProblem } from '../../runtime/preambles.js';
/** `/ctx restore-test [env]`: restores the newest verified backup into a scratch database after a confirmation. */
export function createRestoreTestHandler(deps) {
    return {
        name: 'restore-test',
        usage: 'restore-test [env]',
        summary: 'Restore the newest verified backup into a scratch database and compare row counts with live',
        async run(req) {
            const { flags, rest, errors } = extractFlags(req.args, { withValue: ['env'] });
            const choice = chooseEnvironment(rest, flags.env, deps.config);
            const problem = errors[0] ??
                choice.error ??
                (choice.all ? '`restore-test` takes one environment' : leftoverProblem(choice.rest, deps.config));
            if (problem)
                return { usageProblem: problem };
            const out = await deps.approvals.request({
                kind: 'restore-test',
                env: choice.env,
                params: {},
                requester: req.actor,
                conversation: req.conversation,
                surface: req.surface,
            });
            if (!out.requested) {
                await req.conversation.ephemeral(renderNotice(`🚫 ${out.reason}`));
                return { status: 'fail' };
            }
            return {};
        },
    };
}
