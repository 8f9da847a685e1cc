import { extractFlags } from '../../util/tokenize.js';
import { describeRules } from './retention.js';
import { NEEDS_STORE } from '../stores.js';
import { renderBackups } from '../lists.js';
import { renderNotice } from '../render.js';
import { chooseEnvironment, leftoverProblem } from '../../runtime/preambles.js';
/** `/ctx backups [env|all]`: Postgres backups and graph snapshots, newest first: kind, size, age, sha256, verification, restore test. */
export function createBackupsHandler(deps) {
    return {
        name: 'backups',
        usage: 'backups [env|all]',
        summary: 'List Postgres backups and graph snapshots: kind, size, age, sha256, verification, restore test',
        async run(req) {
            const { flags, rest, errors } = extractFlags(req.args, { withValue: ['env'] });
            const choice = chooseEnvironment(rest, flags.env, deps.config);
            const problem = errors[0] ?? choice.error ?? leftoverProblem(choice.rest, deps.config);
            if (problem)
                return { usageProblem: problem };
            if (!deps.backups) {
                await req.conversation.ephemeral(renderNotice(NEEDS_STORE));
                return { status: 'fail' };
            }
            // No environment named: every environment (a list is more useful than the default's alone).
            const env = choice.named ? choice.env : undefined;
            const rows = await deps.backups.list(env, 30);
            const graphs = (await deps.graphSnapshots?.list(env, 30)) ?? [];
            await req.conversation.post(renderBackups(rows, {
                now: deps.now(),
                scope: env ?? 'all environments',
                backupDir: deps.backupDir,
                retention: describeRules(deps.config.operations.retention),
                timeZone: deps.config.timezone,
            }, graphs));
            return {};
        },
    };
}
