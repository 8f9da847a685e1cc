import { chooseEnvironment, leftoverProblem } from '../runtime/preambles.js';
import { renderStatus } from '../ui/status.js';
import { unescapeSlack, userWord } from '../ui/user-text.js';
import { NO_STORE } from './deps.js';
/** Strips the leading `<@U…>` mentions (the bot's, and any before it) from a message. */
export function stripMentions(text) {
    return text.replace(/^\s*(?:<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*)+/i, '').trim();
}
/** Longest note, skip reason or close summary kept. */
const MAX_TEXT = 2000;
const where = async (c) => c.deps.live.places.byThread(c.thread.channel, c.thread.ts, 'slack');
/**
 * What `@ctx-ops <verb>` does in a thread; help lists these, and the messages that
 * advertise a verb (runbook steps, incident roots) name one of them.
 */
const VERBS = [
    {
        word: 'status',
        usage: 'status [env]',
        summary: "The checks now, in this thread (the incident's environment unless one is named)",
        async run(c) {
            const words = c.args.filter((a) => !/^<@[A-Z0-9]+(\|[^>]*)?>$/i.test(a));
            const choice = chooseEnvironment(words, undefined, c.deps.config);
            const problem = choice.all
                ? 'one environment at a time here (`/ctx status all` shows every one)'
                : leftoverProblem(choice.rest, c.deps.config);
            if (problem)
                return c.reply(`${problem}. \`@ctx-ops status [env]\``);
            const live = c.deps.live;
            if (!live) {
                // Without a store there is no incident to record it in, but the status itself still works.
                const report = await c.deps.diagnostics.run(choice.env);
                await c.req.conversation.post(renderStatus(report, { titles: c.deps.diagnostics.titles, timeZone: c.deps.config.timezone }), { thread: c.thread });
                return;
            }
            const place = await where(c);
            const env = choice.named
                ? choice.env
                : (place.incident?.env ?? place.sessions[0]?.env ?? c.deps.config.defaultEnvironment);
            await live.incidents.status({
                place,
                env,
                actor: c.req.actor,
                conversation: c.req.conversation,
                thread: c.thread,
            });
        },
    },
    {
        word: 'next',
        usage: 'next',
        summary: 'The current step of the runbook, again',
        async run(c) {
            const session = (await where(c)).sessions[0];
            if (!session)
                return c.reply('No runbook is running in this thread. Start one with the buttons on the incident, or `/ctx runbook &lt;id&gt;`.');
            const said = await c.deps.live.engine.next({ session, conversation: c.req.conversation });
            if (said)
                await c.reply(said);
        },
    },
    {
        word: 'note',
        usage: 'note <text>',
        summary: 'A note in the timeline',
        async run(c) {
            if (!c.argText)
                return c.reply('What should the note say? `@ctx-ops note &lt;text&gt;`');
            await c.reply(await c.deps.live.incidents.note({
                place: await where(c),
                actor: c.req.actor,
                text: c.argText.slice(0, MAX_TEXT),
            }));
        },
    },
    {
        word: 'skip',
        usage: 'skip <reason>',
        summary: 'Skip the current step, with the reason',
        async run(c) {
            if (!c.argText)
                return c.reply('Skipping needs a reason: `@ctx-ops skip &lt;reason&gt;`');
            const out = await c.deps.live.engine.skipWithReason({
                sessions: (await where(c)).sessions,
                actor: c.req.actor,
                reason: c.argText.slice(0, MAX_TEXT),
                conversation: c.req.conversation,
            });
            if (!out.ok)
                await c.reply(out.message);
        },
    },
    {
        word: 'stop',
        usage: 'stop',
        summary: 'Stop the runbook',
        async run(c) {
            const session = (await where(c)).sessions[0];
            if (!session)
                return c.reply('No runbook is running in this thread.');
            await c.deps.live.engine.stop({ session, actor: c.req.actor, conversation: c.req.conversation });
        },
    },
    {
        word: 'close',
        usage: 'close [summary]',
        summary: 'Close the incident and post its timeline',
        async run(c) {
            const incident = (await where(c)).incident;
            if (!incident)
                return c.reply('There is no open incident in this thread.');
            const out = await c.deps.live.incidents.close({
                incident,
                actor: c.req.actor,
                summary: c.argText.slice(0, MAX_TEXT) || null,
                conversation: c.req.conversation,
            });
            if (!out.ok)
                await c.reply(out.message);
        },
    },
    {
        word: 'help',
        usage: 'help',
        summary: 'These verbs',
        run: (c) => c.reply(mentionHelp()),
    },
];
export const MENTION_VERBS = VERBS.map(({ usage, summary }) => ({ usage, summary }));
const escapeUsage = (u) => u.replace(/</g, '&lt;').replace(/>/g, '&gt;');
function mentionHelp() {
    return `In an incident or runbook thread: ${VERBS.map((v) => `\`@ctx-ops ${escapeUsage(v.usage)}\``).join(' · ')}`;
}
/**
 * `@ctx-ops <verb>` in a thread: the thread says which incident or runbook is meant.
 * Answers go into the same thread (the transport's conversation replies there). The verb
 * is read as people type it: any case, with trailing punctuation (`Next.`, `skip: …`).
 */
export function createMentionHandler(deps) {
    const handler = async (req) => {
        const e = req.event;
        if (e.bot_id || e.subtype || !e.channel || !e.ts)
            return;
        const typed = stripMentions(unescapeSlack(e.text ?? ''));
        const [first = '', ...rest] = typed.split(/\s+/);
        const command = first.toLowerCase().replace(/[.,:;!?]+$/, '');
        const reply = (text) => req.conversation.ephemeral({ text });
        const verb = VERBS.find((v) => v.word === command);
        if (!verb)
            return void (await reply(`${command ? `I do not know ${userWord(command)}. ` : ''}${mentionHelp()}`));
        if (!deps.live && verb.word !== 'status' && verb.word !== 'help')
            return void (await reply(NO_STORE));
        const argText = typed
            .slice(first.length)
            .replace(/^[\s.,:;!?]+/, '')
            .trim();
        await verb.run({
            req,
            deps,
            args: rest.filter(Boolean),
            argText,
            thread: { channel: e.channel, ts: e.thread_ts ?? e.ts },
            reply,
        });
    };
    handler.verbs = MENTION_VERBS;
    return handler;
}
