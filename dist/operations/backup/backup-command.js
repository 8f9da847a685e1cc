import { extractFlags } from '../../util/tokenize.js';
import { renderNotice } from '../render.js';
import { chooseEnvironment, leftoverProblem } from '../../runtime/preambles.js';
/** `/ctx backup [env]`: the preview with Confirm / Cancel; the backup runs on an authorised confirmation. */
export function createBackupHandler(deps) {
    return {
        name: 'backup',
        usage: 'backup [env]',
        summary: 'Back up the database (pg_dump, verified by a trial restore) after a confirmation',
        async run(req) {
            const { flags, rest, errors } = extractFlags(req.args, { withValue: ['env'] });
            const choice = chooseEnvironment(rest, flags.env, deps.config);
            const problem = errors[0] ??
                choice.error ??
                (choice.all ? '`backup` takes one environment' : leftoverProblem(choice.rest, deps.config));
            if (problem)
                return { usageProblem: problem };
            const out = await deps.approvals.request({
                kind: 'backup',
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
