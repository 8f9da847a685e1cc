import { headline } from '../diagnostics/status-rules.js';
import { dayTime } from '../util/format.js';
import { context, divider, escapeKeepingMentions, escapeMrkdwn, header, md } from '../ui/blocks.js';
import { chunkLines, fitBlocks } from '../ui/limits.js';
import { STATUS_EMOJI } from '../ui/status.js';
const who = (id) => (/^[UW][A-Z0-9]+$/.test(id) ? `<@${id}>` : escapeMrkdwn(id));
/** The App Home tab: each environment's status, the last digest, open alerts, silences. */
export function renderHome(d, titles) {
    const t = (id) => titles[id] ?? id;
    const blocks = [header('ctx| deployment status')];
    const envLines = d.envs.map((e) => {
        if (!e.report)
            return `⚪ *${escapeMrkdwn(e.env)}*: no result yet${e.error ? ` (${escapeMrkdwn(e.error)})` : ''}`;
        const bad = e.report.checks
            .filter((c) => c.status === 'fail' || c.status === 'warn')
            .map((c) => `${STATUS_EMOJI[c.status]} ${escapeMrkdwn(t(c.id))}: ${escapeMrkdwn(c.summary)}`);
        return [
            `${STATUS_EMOJI[e.report.overall]} *${escapeMrkdwn(headline(e.report, titles))}*  _checked ${dayTime(new Date(e.report.checkedAt), d.timeZone)}_`,
            ...bad.map((b) => `      ${b}`),
        ].join('\n');
    });
    blocks.push(...chunkLines(envLines.length ? envLines : ['No environments are configured.']).map(md));
    if (d.selfCheck !== undefined)
        blocks.push(divider(), ...selfCheckBlocks(d.selfCheck, d.timeZone));
    blocks.push(divider(), md('*Open alerts*'));
    blocks.push(...chunkLines(d.openAlerts.length
        ? d.openAlerts.map((a) => `${a.severity === 'fail' ? '🔴' : '⚠️'} ${escapeMrkdwn(t(a.check))} on *${escapeMrkdwn(a.env)}* since ${dayTime(a.since, d.timeZone)}: ${escapeMrkdwn(a.summary)}${a.silencedBy ? ` _(silenced: ${escapeMrkdwn(a.silencedBy)})_` : a.channel ? ` in <#${a.channel}>` : ''}`)
        : ['None.']).map(md));
    blocks.push(divider(), md('*Silences and maintenance*'));
    const quiet = [
        ...d.silences.map((s) => `🔕 #${s.id} ${s.check === '*' ? 'every check' : escapeMrkdwn(t(s.check))} on ${s.env ? escapeMrkdwn(s.env) : 'every environment'} until ${dayTime(s.endsAt, d.timeZone)} by ${who(s.createdBy)}${s.reason ? `: ${escapeMrkdwn(s.reason)}` : ''}`),
        ...d.maintenance.map((w) => `🛠 ${w.checks?.length ? w.checks.map((c) => escapeMrkdwn(t(c))).join(', ') : 'every check'} on ${w.environments?.length ? escapeMrkdwn(w.environments.join(', ')) : 'every environment'} ${dayTime(new Date(w.from), d.timeZone)} – ${dayTime(new Date(w.to), d.timeZone)}${w.reason ? `: ${escapeMrkdwn(w.reason)}` : ''}`),
    ];
    blocks.push(...chunkLines(quiet.length ? quiet : ['None.']).map(md));
    blocks.push(divider());
    const ld = d.lastDigest;
    blocks.push(md(ld?.postedAt
        ? `*Last digest:* ${dayTime(ld.postedAt, d.timeZone)} in <#${ld.channel}> (${escapeMrkdwn(ld.schedule)})${ld.overall ? ` · ${STATUS_EMOJI[ld.overall] ?? ''} ${escapeMrkdwn(ld.overall)}` : ''}`
        : '*Last digest:* none posted yet'));
    blocks.push(context(`Status as of the last check shown above; this tab refreshes when something changes. \`/ctx status\` checks now · \`/ctx digest preview\` · \`/ctx silences\``, ...d.notes.map((n) => `_${escapeMrkdwn(n)}_`)));
    return { type: 'home', blocks: fitBlocks(blocks) };
}
/** At most this many self-check problems on the tab; `/ctx doctor` has them all. */
const SELF_CHECK_LINES = 8;
function selfCheckBlocks(sc, timeZone) {
    if (!sc)
        return [md('*Self-check*\n⚪ not run yet; `/ctx doctor` runs it now')];
    const when = dayTime(new Date(sc.checkedAt), timeZone);
    if (!sc.problems.length)
        return [md(`*Self-check*\n✅ nothing to fix (${sc.checks} checks, ${when})`)];
    const lines = sc.problems
        .slice(0, SELF_CHECK_LINES)
        .map((p) => `${STATUS_EMOJI[p.status]} *${escapeMrkdwn(p.title)}*: ${escapeKeepingMentions(p.seen)}${p.fix ? `\n      ↳ ${escapeKeepingMentions(p.fix.split('\n')[0])}` : ''}`);
    const more = sc.problems.length > SELF_CHECK_LINES ? [`_${sc.problems.length - SELF_CHECK_LINES} more_`] : [];
    return [
        ...chunkLines([`*Self-check* (${when})`, ...lines, ...more]).map(md),
        context('`/ctx doctor` shows every self-check and what to do'),
    ];
}
