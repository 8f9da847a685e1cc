import { clock, dayTime, formatDuration } from '../util/format.js';
import { context, escapeMrkdwn, md } from '../ui/blocks.js';
import { LIMITS } from '../ui/limits.js';
import { truncate } from '../util/text.js';
const word = (s) => (s === 'fail' ? 'failing' : 'degraded');
const emoji = (s) => (s === 'fail' ? '🔴' : '⚠️');
/** The alert's own message; the same builder renders its escalated and resolved versions (chat.update). */
export function renderAlert(v) {
    const head = v.resolved
        ? `✅ Resolved: ${v.title} on ${v.env} (was ${word(v.severity)} for ${formatDuration(v.resolved.downtimeMs)})`
        : `${emoji(v.severity)} ${v.title} ${word(v.severity)} on ${v.env}`;
    const lines = [`*${escapeMrkdwn(head)}*`];
    if (!v.resolved)
        lines.push(escapeMrkdwn(v.summary));
    if (v.dependents.length)
        lines.push(`Also ${v.resolved ? 'affected' : 'failing'} because of it: ${escapeMrkdwn(v.dependents.join(', '))}`);
    const meta = [
        `since ${dayTime(v.since, v.timeZone)}`,
        ...(v.resolved
            ? [`resolved ${dayTime(v.resolved.at, v.timeZone)}`]
            : [`${v.failureThreshold} bad checks in a row`]),
        ...(v.escalatedAt && !v.resolved ? [`escalated from warning ${clock(v.escalatedAt, v.timeZone)}`] : []),
        ...(v.lateBecause ? [`held back by ${v.lateBecause}, which has ended`] : []),
    ];
    const hints = v.resolved
        ? []
        : [
            ...(v.runbook ? [`runbook \`/ctx runbook ${v.runbook}\``] : []),
            `details \`/ctx check ${v.check} ${v.env}\``,
            `mute \`/ctx silence ${v.check} 1h ${v.env}\``,
        ];
    const blocks = [md(lines.join('\n')), context(meta.join(' · '))];
    if (hints.length)
        blocks.push(context(hints.join(' · ')));
    const text = [
        head,
        ...(v.resolved ? [] : [v.summary]),
        ...(v.dependents.length ? [`also: ${v.dependents.join(', ')}`] : []),
    ].join(' — ');
    return { text: truncate(text, LIMITS.fallbackText), blocks };
}
/** In the alert's thread while it is still bad. */
export function renderReminder(v, now) {
    const text = `${emoji(v.severity)} Still ${word(v.severity)} after ${formatDuration(now.getTime() - v.since.getTime())}: ${v.summary}`;
    return { text, blocks: [md(escapeMrkdwn(text))] };
}
/** In the alert's thread when it recovered. */
export function renderResolvedNote(v) {
    const text = `✅ Resolved: ${v.title} on ${v.env} is healthy again after ${formatDuration(v.resolved.downtimeMs)} of downtime (${clock(v.since, v.timeZone)} – ${clock(new Date(v.since.getTime() + v.resolved.downtimeMs), v.timeZone)})`;
    return { text, blocks: [md(escapeMrkdwn(text))] };
}
