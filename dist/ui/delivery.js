import { clock, dayTime, formatDuration } from '../util/format.js';
import { context, escapeMrkdwn, md } from './blocks.js';
import { chunkLines, fitBlocks, LIMITS } from './limits.js';
import { truncate } from '../util/text.js';
/** Alerts named one by one in a summary; the rest are counted. */
export const SUMMARY_LISTED = 15;
/** A channel or user as Slack renders it (its name, for whoever reads it). */
export const mention = (id) => (/^[UW][A-Z0-9]+$/.test(id) ? `<@${id}>` : `<#${id}>`);
const time = (at, tz) => clock(at, tz);
/** On an alert posted late to its own channel. */
export function lateNote(o) {
    const copies = o.fallback.length
        ? ` A copy went to ${o.fallback.map((f) => `${mention(f.target)} at ${time(new Date(f.at), o.timeZone)}`).join(', ')}.`
        : '';
    return `📬 Posted late: I could not post here from ${time(o.since, o.timeZone)} (${escapeMrkdwn(o.error)}).${copies}`;
}
/** On the copy of an alert posted to a fallback target. */
export function fallbackNote(o) {
    return `⚠️ Posted here because I could not post to ${mention(o.primary)} (${escapeMrkdwn(o.error)}). Fix: ${escapeMrkdwn(o.fix)}. It goes to ${mention(o.primary)} as soon as that works.`;
}
/** On the fallback copy once the alert reached its own channel. */
export function movedNote(primary) {
    return `➡️ Posting to ${mention(primary)} works again: this alert is there now, and its follow-ups go there.`;
}
function listed(alerts, line) {
    const shown = alerts.slice(0, SUMMARY_LISTED).map(line);
    return `${shown.join(' · ')}${alerts.length > SUMMARY_LISTED ? ` · and ${alerts.length - SUMMARY_LISTED} more` : ''}`;
}
/**
 * One message for everything that happened while the channel refused and is not posted
 * one by one: alerts that opened and resolved meanwhile, and open alerts beyond the replay
 * bound (their reminders and resolutions then go into this message's thread).
 */
export function renderDeliverySummary(o) {
    const t = (a) => `${o.titles[a.check] ?? a.check} on ${a.env}`;
    const head = `📬 While I could not post here (from ${dayTime(o.since, o.timeZone)}: ${o.error})`;
    const lines = [];
    const plain = [];
    if (o.resolved.length) {
        const n = o.resolved.length;
        const item = (a) => {
            const end = a.resolvedAt ?? new Date(a.since.getTime() + (a.downtimeMs ?? 0));
            return `${t(a)} (${time(a.since, o.timeZone)}–${time(end, o.timeZone)}, ${formatDuration(a.downtimeMs ?? end.getTime() - a.since.getTime())})`;
        };
        lines.push(`*${n} alert${n === 1 ? '' : 's'} opened and resolved:* ${escapeMrkdwn(listed(o.resolved, item))}`);
        plain.push(`${n} alert${n === 1 ? '' : 's'} opened and resolved: ${listed(o.resolved, item)}`);
    }
    if (o.open.length) {
        const n = o.open.length;
        const item = (a) => `${t(a)} ${a.severity === 'fail' ? 'failing' : 'degraded'} since ${dayTime(a.since, o.timeZone)}: ${a.summary}`;
        lines.push(`*${n} more alert${n === 1 ? ' is' : 's are'} still open* (reminders and resolutions go into this thread): ${escapeMrkdwn(listed(o.open, item))}`);
        plain.push(`${n} more alert${n === 1 ? ' is' : 's are'} still open: ${listed(o.open, item)}`);
    }
    const copies = [...o.resolved, ...o.open].filter((a) => a.fallback?.length);
    const meta = [
        '`/ctx status all` shows the current state',
        ...(copies.length
            ? [
                `copies went to ${[...new Set(copies.flatMap((a) => a.fallback.map((f) => mention(f.target))))].join(', ')} meanwhile`,
            ]
            : []),
    ];
    const blocks = [md(`*${escapeMrkdwn(head)}*`), ...chunkLines(lines).map(md), context(meta.join(' · '))];
    return { text: truncate([head, ...plain].join(' — '), LIMITS.fallbackText), blocks: fitBlocks(blocks) };
}
/** The digest's lines about channels the bot cannot post to (Slack mrkdwn and plain text). */
export function deliveryProblemLines(problems, timeZone, now) {
    const mdl = [];
    const plain = [];
    for (const p of problems) {
        const since = now.getTime() - p.since.getTime() >= 86_400_000 ? dayTime(p.since, timeZone) : clock(p.since, timeZone);
        const waiting = p.waiting ? ` (${p.waiting} waiting)` : '';
        mdl.push(`⚠️ could not post to ${mention(p.channel)} (${escapeMrkdwn(p.purpose)}) since ${since}: ${escapeMrkdwn(p.error)} — ${escapeMrkdwn(p.fix)}${waiting}`);
        plain.push(`⚠ could not post to ${p.channel} (${p.purpose}) since ${since}: ${p.error} — ${p.fix}${waiting}`);
    }
    return { md: mdl, plain };
}
