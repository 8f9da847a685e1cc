import { closest } from '../../util/tokenize.js';
import { extractFlags } from '../../util/tokenize.js';
import { escapeMrkdwn } from '../../ui/blocks.js';
import { renderRunbookList } from './render.js';
import { userWord } from '../../ui/user-text.js';
import { channelOf, NO_STORE } from '../deps.js';
import { startRunbook } from './start.js';
import { chooseEnvironment, leftoverProblem } from '../../runtime/preambles.js';
/** Words after `/ctx runbook` that act on the runbook running here (how the shell moves through one). */
export const RUNBOOK_SUBCOMMANDS = [
    { word: 'list', usage: 'runbook list', summary: 'The runbooks (same as `runbook` alone)' },
    { word: 'next', usage: 'runbook next', summary: 'The current step of the runbook running here, again' },
    { word: 'status', usage: 'runbook status', summary: 'Same as `runbook next`' },
    { word: 'skip', usage: 'runbook skip <reason>', summary: 'Skip the current step, with the reason' },
    { word: 'note', usage: 'runbook note <text>', summary: 'A note in the timeline' },
    { word: 'stop', usage: 'runbook stop', summary: 'Stop the runbook running here' },
];
const USAGE = `\`/ctx runbook\` lists runbooks · \`/ctx runbook <id> [env]\` starts one · ${RUNBOOK_SUBCOMMANDS.filter((s) => s.word !== 'list')
    .map((s) => `\`/ctx ${s.usage}\``)
    .join(' · ')}`;
/** Longest skip reason or note kept. */
const MAX_NOTE = 2000;
/**
 * `/ctx runbook [id]`: lists the runbooks or starts one in a thread. The words next, skip,
 * stop and note act on the newest runbook running in this channel, which is how the shell
 * (where nobody can mention the bot) moves through a runbook.
 */
export function createRunbookHandler(deps) {
    const usage = async (req, problem) => {
        await req.conversation.ephemeral({ text: `${problem.replace(/\.$/, '')}. ${escapeMrkdwn(USAGE)}` });
        return { usageError: true };
    };
    return {
        name: 'runbook',
        aliases: ['rb'],
        usage: 'runbook [id] [env]',
        summary: 'List the runbooks, or start one in a thread that leads through its steps',
        subcommands: RUNBOOK_SUBCOMMANDS.filter((s) => s.word !== 'list').map(({ usage, summary }) => ({ usage, summary })),
        async run(req) {
            const { flags, rest, errors } = extractFlags(req.args, { withValue: ['env'] });
            if (errors[0])
                return usage(req, errors[0]);
            const [word, ...more] = rest;
            const env = chooseEnvironment(more, flags.env, deps.config);
            if (!word || word === 'list') {
                await req.conversation.ephemeral(renderRunbookList(deps.catalog.listItems(deps.diagnostics.titles), { env: env.env }));
                return {};
            }
            const live = deps.live;
            if (RUNBOOK_SUBCOMMANDS.some((s) => s.word === word)) {
                if (!live)
                    return usage(req, NO_STORE);
                const place = await live.places.byChannel(channelOf(req.actor, req.surface), req.surface);
                const session = place.sessions[0];
                if (word === 'note') {
                    if (!more.length)
                        return usage(req, 'What should the note say?');
                    await req.conversation.ephemeral({
                        text: await live.incidents.note({ place, actor: req.actor, text: more.join(' ').slice(0, MAX_NOTE) }),
                    });
                    return {};
                }
                if (!session)
                    return usage(req, 'No runbook is running here');
                if (word === 'next' || word === 'status') {
                    const said = await live.engine.next({ session, conversation: req.conversation });
                    if (said)
                        await req.conversation.ephemeral({ text: said });
                    return {};
                }
                if (word === 'stop') {
                    const stopped = await live.engine.stop({ session, actor: req.actor, conversation: req.conversation });
                    await req.conversation.ephemeral({
                        text: stopped ? `Stopped runbook ${session.runbookId}.` : `Runbook ${session.runbookId} is not running.`,
                    });
                    return {};
                }
                if (!more.length)
                    return usage(req, 'Skipping needs a reason: `runbook skip <reason>`');
                const out = await live.engine.skipWithReason({
                    sessions: place.sessions,
                    actor: req.actor,
                    reason: more.join(' ').slice(0, MAX_NOTE),
                    conversation: req.conversation,
                });
                if (!out.ok)
                    await req.conversation.ephemeral({ text: out.message });
                return {};
            }
            const runbook = deps.catalog.get(word);
            if (!runbook) {
                const guess = closest(word, deps.catalog.list().map((r) => r.id));
                return usage(req, `There is no runbook ${userWord(word)}${guess ? ` (did you mean \`${guess}\`?)` : ''}; \`/ctx runbook\` lists them`);
            }
            const problem = env.error ?? (env.all ? 'a runbook runs against one environment' : leftoverProblem(env.rest, deps.config));
            if (problem)
                return usage(req, problem);
            if (!live)
                return usage(req, NO_STORE);
            await startRunbook(deps, live, {
                runbook,
                env: env.env,
                actor: req.actor,
                surface: req.surface,
                conversation: req.conversation,
                channel: channelOf(req.actor, req.surface),
                incidentId: null,
            });
            return {};
        },
    };
}
