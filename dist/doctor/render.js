import { context, escapeKeepingMentions, header, md } from '../ui/blocks.js';
import { chunkLines, fitBlocks } from '../ui/limits.js';
import { STATUS_EMOJI } from '../ui/status.js';
import { mrkdwnToPlain, plainTable } from '../ui/plain-text.js';
import { dayTime } from '../util/format.js';
import { AREA_TITLES } from './types.js';
const plain = (text) => mrkdwnToPlain(text.replace(/<!subteam\^(S[A-Z0-9]+)>/g, '@$1'));
export function summaryLine(r) {
    const n = (s) => r.items.filter((i) => i.status === s).length;
    const [fails, warns, oks, skips] = [n('fail'), n('warn'), n('ok'), n('skip')];
    const pass = `${oks} pass${skips ? `, ${skips} skipped` : ''}`;
    if (!fails && !warns)
        return `nothing to fix (${pass})`;
    const parts = [
        fails ? `${fails} problem${fails === 1 ? '' : 's'}` : '',
        warns ? `${warns} warning${warns === 1 ? '' : 's'}` : '',
    ].filter(Boolean);
    return `${parts.join(', ')} (${pass})`;
}
function byArea(items) {
    const out = new Map();
    for (const i of items)
        out.set(i.area, [...(out.get(i.area) ?? []), i]);
    return [...out];
}
/** A fix of several lines (SQL to run) is shown as a code block. */
function mrkdwnFix(fix) {
    const [first, ...rest] = fix.split('\n');
    return rest.length ? `${escapeKeepingMentions(first)}\n\`\`\`${rest.join('\n')}\`\`\`` : escapeKeepingMentions(fix);
}
/**
 * Block Kit for Slack (within its limits, with a text fallback), aligned text for the
 * shell and the CLI, and the report itself for `--json`.
 */
export function renderDoctor(r, opts) {
    const when = dayTime(new Date(r.checkedAt), opts.timeZone, { seconds: true });
    const head = `${STATUS_EMOJI[r.overall]} ctx-ops doctor: ${summaryLine(r)}`;
    const problems = r.items.filter((i) => i.status === 'fail' || i.status === 'warn');
    const blocks = [header('ctx-ops doctor'), md(`*${escapeKeepingMentions(head)}*`)];
    for (const [area, items] of byArea(r.items)) {
        const lines = items.map((i) => `${STATUS_EMOJI[i.status]} *${escapeKeepingMentions(i.title)}*: ${escapeKeepingMentions(i.seen)}${i.fix && i.status !== 'ok' ? `\n      ↳ ${mrkdwnFix(i.fix)}` : ''}`);
        blocks.push(...chunkLines([`*${AREA_TITLES[area]}*`, ...lines]).map(md));
    }
    blocks.push(context(`checked ${when} in ${r.durationMs} ms · \`/ctx doctor\` runs it again · \`ctx-ops doctor --json\` for scripts`));
    const text = [
        head,
        ...problems.map((i) => `${STATUS_EMOJI[i.status]} ${i.title}: ${i.seen}${i.fix ? ` → ${i.fix.split('\n').join(' ')}` : ''}`),
    ].join('\n');
    const out = [head, `  checked ${when} in ${r.durationMs} ms`];
    for (const [area, items] of byArea(r.items)) {
        out.push('', AREA_TITLES[area]);
        const rows = [];
        for (const i of items) {
            rows.push([STATUS_EMOJI[i.status], i.title, plain(i.seen)]);
            if (i.fix && i.status !== 'ok')
                for (const [n, line] of i.fix.split('\n').entries())
                    rows.push(['', '', `${n === 0 ? '→ ' : '  '}${plain(line)}`]);
        }
        out.push(plainTable(rows, { indent: 2 }));
    }
    return { text, blocks: fitBlocks(blocks), plain: out.join('\n'), json: r };
}
