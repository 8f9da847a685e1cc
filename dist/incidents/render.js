import { headline } from '../diagnostics/status-rules.js';
import { actions, context, escapeMrkdwn, header, md } from '../ui/blocks.js';
import { severityLabel, who } from './format.js';
import { ago, clock, dateTime, formatDuration } from '../util/format.js';
import { chunkLines, fitBlocks, LIMITS } from '../ui/limits.js';
import { truncate } from '../util/text.js';
import { countsText } from './runbooks/render.js';
import { ACTION_RUNBOOK_START, MAX_RUNBOOK_BUTTONS, nthActionId, STATUS_EMOJI } from '../ui/status.js';
import { mrkdwnToPlain } from '../ui/plain-text.js';
const sev = (i) => severityLabel(i.severity);
const threadHelp = (i) => context(`In this thread: \`@ctx-ops status\` · \`@ctx-ops note &lt;text&gt;\` · \`@ctx-ops next\` · \`@ctx-ops close [summary]\` · or \`/ctx incident close #${i.id} [summary]\``);
/** The incident's root message: what, how bad, whose, the state right now, and where to start. */
export function renderIncidentRoot(v) {
    const i = v.incident;
    const closed = i.status === 'closed';
    const blocks = [header(`${closed ? '✅' : '🚨'} Incident #${i.id}${closed ? ' (closed)' : ''}: ${i.title}`)];
    blocks.push(md(`*Severity* ${sev(i)} · *Owner* ${who(i.owner)} · *Environment* ${escapeMrkdwn(i.env)} · opened ${dateTime(i.openedAt, v.timeZone)}`));
    if (closed && i.closedAt) {
        blocks.push(md(`*Closed* by ${who(i.closedBy)} at ${dateTime(i.closedAt, v.timeZone)} after ${formatDuration(i.closedAt.getTime() - i.openedAt.getTime())}${i.summary ? `\n*Summary* ${escapeMrkdwn(i.summary)}` : ''}`));
    }
    if (v.report) {
        const bad = v.report.checks.filter((c) => c.status === 'fail' || c.status === 'warn');
        const lines = bad
            .slice(0, 10)
            .map((c) => `${STATUS_EMOJI[c.status]} *${escapeMrkdwn(v.titles[c.id] ?? c.id)}* ${escapeMrkdwn(truncate(c.summary, 200))}${c.rootCause ? ` ↳ because *${escapeMrkdwn(v.titles[c.rootCause] ?? c.rootCause)}* is failing` : ''}`);
        blocks.push(md(`*Status ${closed ? 'when opened' : 'now'}:* ${STATUS_EMOJI[v.report.overall]} ${escapeMrkdwn(headline(v.report, v.titles))}${lines.length ? `\n${lines.join('\n')}` : ''}`));
    }
    else if (v.reportError) {
        blocks.push(md(`*Status:* could not be checked: ${escapeMrkdwn(v.reportError)}`));
    }
    if (!closed) {
        if (v.suggestions.length) {
            const lines = v.suggestions.map((s) => `📘 *${escapeMrkdwn(s.title)}* (\`${s.id}\`) · because ${s.because.map((c) => escapeMrkdwn(v.titles[c] ?? c)).join(', ')} ${s.because.length > 1 ? 'are' : 'is'} failing`);
            blocks.push(md(`*Suggested runbooks*\n${lines.join('\n')}`));
            blocks.push(threadHelp(i));
            blocks.push(actions(...v.suggestions.slice(0, MAX_RUNBOOK_BUTTONS).map((s, n) => ({
                text: `▶ Start ${s.title}`,
                actionId: nthActionId(ACTION_RUNBOOK_START, n),
                value: { env: i.env, id: s.id, inc: i.id },
                ...(n === 0 ? { style: 'primary' } : {}),
            }))));
        }
        else {
            blocks.push(md('*Suggested runbooks:* none from the current checks · `/ctx runbook` lists them all'));
            blocks.push(threadHelp(i));
        }
    }
    const text = `${closed ? '✅' : '🚨'} Incident #${i.id}${closed ? ' (closed)' : ''}: ${escapeMrkdwn(i.title)} · ${sev(i)} · owner ${who(i.owner)} · ${i.env}`;
    return { text, blocks: fitBlocks(blocks) };
}
export function timelineLine(e, timeZone) {
    // Checks change by themselves; the bot's own entries (a runbook finishing) carry their emoji.
    const actor = e.kind === 'check' ? '🔁 ' : e.actor ? `${who(e.actor)} ` : '';
    return `\`${clock(e.at, timeZone, { seconds: true })}\` ${actor}${e.text}`;
}
/**
 * The timeline as a postmortem skeleton: the facts the bot saw (who did what when, which
 * checks changed state, the duration), and the headings people fill in.
 */
export function renderPostmortem(v) {
    const i = v.incident;
    const end = i.closedAt ?? new Date();
    const took = formatDuration(end.getTime() - i.openedAt.getTime());
    const changes = v.timeline.filter((e) => e.kind === 'check');
    const facts = [
        `*Severity* ${sev(i)} · *Owner* ${who(i.owner)} · *Environment* ${escapeMrkdwn(i.env)}`,
        `*Opened* ${dateTime(i.openedAt, v.timeZone)} · *Closed* ${dateTime(end, v.timeZone)} by ${who(i.closedBy)} · *Duration* ${took}`,
    ];
    const sections = [
        facts,
        ['*Summary*', i.summary ? escapeMrkdwn(i.summary) : '_to be written_'],
        [`*Timeline* (${v.timeZone})`, ...v.timeline.map((e) => timelineLine(e, v.timeZone))],
        [
            '*Checks that changed state*',
            ...(changes.length
                ? changes.map((e) => `• ${e.text} at ${clock(e.at, v.timeZone, { seconds: true })}`)
                : ['_none recorded while the incident was open_']),
        ],
        [
            '*Runbooks*',
            ...(v.sessions.length
                ? v.sessions.map((s) => `• ${escapeMrkdwn(s.title)} (\`${s.runbookId}\`): ${countsText(s.states)}${s.status !== 'active' ? `, ${s.status}` : ''}${s.finishedAt ? ` after ${formatDuration(s.finishedAt.getTime() - s.startedAt.getTime())}` : ''}`)
                : ['_none started_']),
        ],
        ['*Impact*', '_who was affected, how, for how long_'],
        ['*Root cause*', '_to be written_'],
        ['*What went well · what did not*', '_to be written_'],
        ['*Action items*', '_owner · task · due date_'],
    ];
    const blocks = [header(`📝 Postmortem: Incident #${i.id}: ${i.title}`)];
    for (const s of sections)
        for (const chunk of chunkLines(s, LIMITS.sectionText))
            blocks.push(md(chunk));
    const plainLines = [
        `Postmortem: Incident #${i.id}: ${i.title}`,
        ...sections.flatMap((s) => [...s.map((l) => mrkdwnToPlain(l)), '']),
    ];
    return {
        // The fallback stays mrkdwn with its entities: Slack parses it too, and decoding them would let a note ping the channel.
        text: truncate([`Postmortem: Incident #${i.id}: ${escapeMrkdwn(i.title)}`, ...sections.flatMap((s) => [...s, ''])].join('\n'), LIMITS.fallbackText),
        blocks: fitBlocks(blocks),
        plain: plainLines.join('\n').trimEnd(),
    };
}
export function renderIncidentList(incidents, timeZone, now) {
    if (!incidents.length)
        return { text: 'No open incidents. `/ctx incident &lt;title&gt; [--sev 1-4] [--env E]` opens one.' };
    const lines = incidents.map((i) => `🚨 *#${i.id}* ${escapeMrkdwn(i.title)} · ${sev(i)} · ${escapeMrkdwn(i.env)} · owner ${who(i.owner)} · opened ${dateTime(i.openedAt, timeZone)}, ${ago(i.openedAt, now)}${i.channel && /^[CGD]/.test(i.channel) ? ` · <#${i.channel}>` : ''}`);
    return {
        text: lines.join('\n'),
        blocks: fitBlocks([md(`*Open incidents* (${incidents.length})`), ...chunkLines(lines).map(md)]),
    };
}
