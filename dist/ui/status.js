import { headline, rootsFirst } from '../diagnostics/status-rules.js';
import { actions, context, escapeMrkdwn, md, mdWithButton } from './blocks.js';
import { fitBlocks, LIMITS } from './limits.js';
import { truncate } from '../util/text.js';
import { dateTime, formatLatency } from '../util/format.js';
import { plainTable } from './plain-text.js';
export const STATUS_EMOJI = { ok: '✅', warn: '⚠️', fail: '🔴', skip: '⚪' };
export const ACTION_STATUS_RERUN = 'ctx.status.rerun';
export const ACTION_CHECK_DETAILS = 'ctx.check.details';
/** Starts a runbook in a thread (served by the incidents feature); value {env, id}. */
export const ACTION_RUNBOOK_START = 'ctx.runbook.start';
/** Slack wants action_ids unique within a block: the n-th button of a row gets a suffix. */
export const MAX_RUNBOOK_BUTTONS = 5;
export const nthActionId = (base, n) => (n === 0 ? base : `${base}.${n + 1}`);
/** The JSON contract of `ctx-ops status --json` (documented in the README). */
export function statusJson(report) {
    return {
        environment: report.environment,
        checkedAt: report.checkedAt,
        overall: report.overall,
        checks: report.checks.map((c) => ({
            id: c.id,
            status: c.status,
            summary: c.summary,
            details: c.details,
            durationMs: c.durationMs,
            ...(c.rootCause ? { rootCause: c.rootCause } : {}),
            ...(c.rootCauseReason ? { rootCauseReason: c.rootCauseReason } : {}),
            ...(c.runbook ? { runbook: c.runbook } : {}),
        })),
    };
}
const timing = formatLatency;
const checked = (iso, timeZone) => `checked ${dateTime(new Date(iso), timeZone, { seconds: true })}`;
function lineFor(c, titles) {
    const cause = c.rootCause ? ` ↳ because *${titles[c.rootCause] ?? c.rootCause}* is failing` : '';
    const runbook = c.runbook && !c.rootCause && c.status !== 'ok' ? `  · runbook \`${c.runbook}\`` : '';
    return `${STATUS_EMOJI[c.status]} *${titles[c.id] ?? c.id}*  ${escapeMrkdwn(c.summary)}  _${timing(c.durationMs)}_${cause}${runbook}`;
}
export function renderStatus(report, opts) {
    const { titles } = opts;
    const verdict = `${STATUS_EMOJI[report.overall]} ${headline(report, titles)}`;
    const slowest = Math.max(0, ...report.checks.map((c) => c.durationMs));
    const meta = `${checked(report.checkedAt, opts.timeZone)} · ${report.checks.length} checks in ${timing(slowest)}${opts.requestedBy ? ` · re-run by <@${opts.requestedBy}>` : ''}`;
    const blocks = [md(`*${escapeMrkdwn(verdict)}*`), context(meta)];
    const roots = rootsFirst(report.checks).filter((c) => c.status === 'fail' && report.checks.some((d) => d.rootCause === c.id));
    for (const r of roots) {
        blocks.push(md(`*Root cause:* ${titles[r.id] ?? r.id}: ${escapeMrkdwn(r.summary)}${r.runbook ? `\nRunbook: \`/ctx runbook ${r.runbook}\`` : ''}`));
    }
    for (const c of report.checks) {
        const text = lineFor(c, titles);
        blocks.push(c.status === 'ok' || c.status === 'skip'
            ? md(text)
            : mdWithButton(text, {
                text: 'Details',
                actionId: ACTION_CHECK_DETAILS,
                value: { env: report.environment, id: c.id },
            }));
    }
    // A section holds one accessory (Details), so the runbooks of failing lines go beside
    // Re-run in the one actions block, which is also the block fitBlocks always keeps.
    const runbooks = [
        ...new Set(report.checks
            .filter((c) => c.runbook && !c.rootCause && c.status !== 'ok' && c.status !== 'skip')
            .map((c) => c.runbook)),
    ];
    blocks.push(actions({ text: '🔄 Re-run', actionId: ACTION_STATUS_RERUN, value: { env: report.environment } }, ...runbooks.slice(0, MAX_RUNBOOK_BUTTONS).map((id, n) => ({
        text: `📘 Runbook ${id}`,
        actionId: nthActionId(ACTION_RUNBOOK_START, n),
        value: { env: report.environment, id },
    }))));
    const fallback = [
        verdict,
        ...report.checks.map((c) => `${STATUS_EMOJI[c.status]} ${titles[c.id] ?? c.id}: ${c.summary}`),
    ].join('\n');
    return {
        text: truncate(fallback, LIMITS.fallbackText),
        blocks: fitBlocks(blocks),
        plain: renderStatusPlain(report, titles, opts.timeZone),
        json: statusJson(report),
    };
}
export function renderStatusPlain(report, titles, timeZone) {
    const verdict = `${STATUS_EMOJI[report.overall]} ${headline(report, titles)}`;
    const slowest = Math.max(0, ...report.checks.map((c) => c.durationMs));
    const rows = report.checks.map((c) => [
        STATUS_EMOJI[c.status],
        titles[c.id] ?? c.id,
        c.summary +
            (c.rootCause ? `  ↳ because ${titles[c.rootCause] ?? c.rootCause} is failing` : '') +
            (c.runbook && c.status !== 'ok' && !c.rootCause ? `  [runbook: ${c.runbook}]` : ''),
        timing(c.durationMs),
    ]);
    return [
        verdict,
        `  ${checked(report.checkedAt, timeZone)} · ${report.checks.length} checks in ${timing(slowest)}`,
        '',
        plainTable(rows, { indent: 2, alignRight: [3] }),
    ].join('\n');
}
/** Every condition one check looked at, for `/ctx check <id>` and the Details button. */
export function renderCheckDetail(report, id, titles, timeZone) {
    const c = report.checks.find((x) => x.id === id);
    if (!c)
        return { text: `No result for ${id}` };
    const title = titles[c.id] ?? c.id;
    const head = `${STATUS_EMOJI[c.status]} ${title} on ${report.environment}: ${c.summary}`;
    const cause = c.rootCause ? report.checks.find((x) => x.id === c.rootCause) : undefined;
    const lines = c.details.length ? c.details : ['(no conditions recorded)'];
    const blocks = [md(`*${escapeMrkdwn(head)}*`)];
    for (const chunk of chunkDetails(lines))
        blocks.push(md(chunk));
    if (cause)
        blocks.push(md(`*Root cause:* ${titles[cause.id] ?? cause.id} is failing: ${escapeMrkdwn(cause.summary)}${c.rootCauseReason ? `\n_Why:_ ${escapeMrkdwn(c.rootCauseReason)}` : ''}`));
    const meta = [checked(report.checkedAt, timeZone), `took ${timing(c.durationMs)}`, `id \`${c.id}\``];
    if (c.runbook)
        meta.push(`runbook: \`/ctx runbook ${c.runbook}\``);
    blocks.push(context(meta.join(' · ')));
    blocks.push(actions({ text: '🔄 Re-check', actionId: 'ctx.check.rerun', value: { env: report.environment, id: c.id } }));
    const plain = [
        head,
        ...lines.map((l) => `  ${l}`),
        ...(cause ? [`  root cause: ${titles[cause.id] ?? cause.id} is failing: ${cause.summary}`] : []),
        `  ${meta.join(' · ').replace(/`/g, '')}`,
    ].join('\n');
    const single = { ...report, checks: [c] };
    return {
        text: truncate([head, ...lines].join('\n'), LIMITS.fallbackText),
        blocks: fitBlocks(blocks),
        plain,
        json: statusJson(single).checks[0],
    };
}
function chunkDetails(lines) {
    const escaped = lines.map((l) => escapeMrkdwn(l));
    const out = [];
    let cur = '';
    for (const l of escaped) {
        const line = truncate(l, LIMITS.sectionText - 10);
        if (cur && cur.length + line.length + 1 > LIMITS.sectionText - 10) {
            out.push(cur);
            cur = line;
        }
        else
            cur = cur ? `${cur}\n${line}` : line;
    }
    if (cur)
        out.push(cur);
    return out;
}
