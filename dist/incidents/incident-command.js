import { extractFlags } from '../util/tokenize.js';
import { escapeMrkdwn } from '../ui/blocks.js';
import { renderIncidentList } from './render.js';
import { channelOf, NO_STORE } from './deps.js';
import { isIncidentRef } from './places.js';
import { chooseEnvironment } from '../runtime/preambles.js';
/** The words after `/ctx incident` that act on an incident instead of opening one. */
export const INCIDENT_SUBCOMMANDS = [
    { word: 'list', usage: 'incident list', summary: 'The open incidents' },
    { word: 'status', usage: 'incident status [#id]', summary: "The checks now, in the incident's thread" },
    { word: 'note', usage: 'incident note [#id] <text>', summary: 'A note in the timeline' },
    {
        word: 'close',
        usage: 'incident close [#id] [summary]',
        summary: 'Close it and post the timeline as a postmortem skeleton',
    },
];
const USAGE = `\`/ctx incident <title> [--sev 1-4] [--env E]\` opens one · ${INCIDENT_SUBCOMMANDS.map((s) => `\`/ctx ${s.usage}\``).join(' · ')}`;
/** Longest title: it heads the incident (Slack's header block holds 150 characters). */
export const MAX_TITLE = 120;
/** Longest note or summary kept: a timeline line, not a document. */
export const MAX_NOTE = 2000;
/** `--sev 2`, `--sev sev2`, `--sev SEV2`. */
export function parseSeverity(value, fallback) {
    if (value === undefined)
        return fallback;
    const m = typeof value === 'string' ? /^(?:sev)?([1-4])$/i.exec(value.trim()) : null;
    return m ? Number(m[1]) : null;
}
/**
 * `/ctx incident`: opens an incident thread, or acts on one (close, note, status). Without
 * `#id` it means the newest incident open in this channel: a slash command does not know
 * which thread it was typed in.
 */
export function createIncidentHandler(deps) {
    const usage = async (req, problem) => {
        await req.conversation.ephemeral({ text: `${problem.replace(/\.$/, '')}. ${escapeMrkdwn(USAGE)}` });
        return { usageError: true };
    };
    return {
        name: 'incident',
        aliases: ['inc'],
        usage: 'incident <title> [--sev 1-4] [--env E]',
        summary: 'Open an incident thread with the status and the runbooks to follow',
        subcommands: INCIDENT_SUBCOMMANDS.map(({ usage, summary }) => ({ usage, summary })),
        async run(req) {
            const live = deps.live;
            const { flags, rest, errors } = extractFlags(req.args, { withValue: ['sev', 'env'] });
            if (errors[0])
                return usage(req, errors[0]);
            const [word, ...more] = rest;
            if (word === 'list') {
                if (!live)
                    return usage(req, NO_STORE);
                await req.conversation.ephemeral(renderIncidentList(await live.db.openIncidents(), deps.config.timezone, deps.now()));
                return {};
            }
            if (!live)
                return usage(req, NO_STORE);
            const channel = channelOf(req.actor, req.surface);
            if (INCIDENT_SUBCOMMANDS.some((s) => s.word === word)) {
                const named = isIncidentRef(more[0]) ? await live.places.named(more[0]) : undefined;
                const args = isIncidentRef(more[0]) ? more.slice(1) : more;
                if (named === null)
                    return usage(req, `There is no incident ${more[0]}`);
                const place = await live.places.byChannel(channel, req.surface);
                const incident = named ?? place.incident;
                if (!incident)
                    return usage(req, 'There is no open incident in this channel; name one with `#id` (`/ctx incident list`)');
                if (!named) {
                    const open = await live.db.openIncidents({ channel, surface: req.surface });
                    if (open.length > 1 && word === 'close')
                        return usage(req, `${open.length} incidents are open here (${open.map((i) => `#${i.id}`).join(', ')}): name the one to close`);
                }
                if (word === 'close') {
                    const out = await live.incidents.close({
                        incident,
                        actor: req.actor,
                        summary: args.join(' ').slice(0, MAX_NOTE) || null,
                        conversation: req.conversation,
                    });
                    if (!out.ok)
                        await req.conversation.ephemeral({ text: out.message });
                    return {};
                }
                const here = { incident, sessions: await live.db.activeSessions({ incidentId: incident.id }) };
                if (word === 'note') {
                    if (!args.length)
                        return usage(req, 'What should the note say?');
                    await req.conversation.ephemeral({
                        text: await live.incidents.note({ place: here, actor: req.actor, text: args.join(' ').slice(0, MAX_NOTE) }),
                    });
                    return {};
                }
                await live.incidents.status({
                    place: here,
                    env: incident.env,
                    actor: req.actor,
                    conversation: req.conversation,
                    ...(incident.rootTs ? { thread: { channel: incident.channel, ts: incident.rootTs } } : {}),
                });
                return {};
            }
            const severity = parseSeverity(flags.sev, deps.config.runbooks.defaultSeverity);
            if (severity === null)
                return usage(req, '--sev takes 1 (most severe) to 4');
            const env = chooseEnvironment([], flags.env, deps.config);
            if (env.error || env.all)
                return usage(req, env.error ?? 'an incident concerns one environment');
            const title = rest.join(' ').replace(/\s+/g, ' ').trim();
            if (!title)
                return usage(req, 'An incident needs a title, e.g. `/ctx incident Sign-in broken --sev 2`');
            if (title.length > MAX_TITLE)
                return usage(req, `Keep the title under ${MAX_TITLE} characters (this one has ${title.length}); add details with \`@ctx-ops note\``);
            const { incident, elsewhere } = await live.incidents.open({
                title,
                severity,
                env: env.env,
                actor: req.actor,
                surface: req.surface,
                conversation: req.conversation,
                channel,
            });
            if (elsewhere)
                await req.conversation.ephemeral({
                    text: `🚨 Opened incident #${incident.id} in <#${incident.channel}>; follow it in its thread.`,
                });
            return {};
        },
    };
}
