import { rerunMaxAge } from '../diagnostics/runner.js';
import { extractFlags } from '../util/tokenize.js';
import { ACTION_STATUS_RERUN, renderStatus, STATUS_EMOJI, statusJson } from '../ui/status.js';
import { worst, headline } from '../diagnostics/status-rules.js';
import { chooseEnvironment, leftoverProblem, postWhenReady } from '../runtime/preambles.js';
import { context, escapeMrkdwn, md } from '../ui/blocks.js';
import { fitBlocks } from '../ui/limits.js';
import { describeFreshness } from '../runtime/backup-freshness.js';
/** The freshness of the environment's backups, or null when not tracked or not readable in time. */
async function freshnessOf(deps, env) {
    const svc = deps.backups?.();
    if (!svc?.freshness)
        return null;
    let timer;
    const late = new Promise((r) => (timer = setTimeout(() => r(null), 3_000)));
    return Promise.race([svc.freshness(env).catch(() => null), late]).finally(() => clearTimeout(timer));
}
/** Adds "Backups: Postgres backup 5 h ago · graph snapshot … · restore test …" under a status message. */
export function withFreshness(msg, f, now) {
    // Nothing tracked yet (no backup, snapshot or restore test ever): no line; the digest says so.
    if (!f || (!f.postgres && !f.graph && !f.restoreTest))
        return msg;
    const line = `Backups: ${describeFreshness(f, now)}`;
    return {
        ...msg,
        text: `${msg.text}\n${line}`,
        ...(msg.blocks ? { blocks: fitBlocks([...msg.blocks, context(escapeMrkdwn(line))]) } : {}),
        ...(msg.plain !== undefined ? { plain: `${msg.plain}\n${line}` } : {}),
    };
}
const checking = (what, count) => ({
    text: `⏳ Checking ${what} (${count} checks)…`,
    blocks: [md(`⏳ Checking *${what}* (${count} checks)…`)],
    transient: true,
});
export function createStatusHandler(deps) {
    return {
        name: 'status',
        aliases: ['st'],
        usage: 'status [env|all]',
        summary: 'Check every component now: one line each, root cause first',
        async run(req) {
            const { flags, rest, errors } = extractFlags(req.args, { withValue: ['env'] });
            const choice = chooseEnvironment(rest, flags.env, deps.config);
            const problem = errors[0] ?? choice.error ?? leftoverProblem(choice.rest, deps.config);
            if (problem)
                return { usageProblem: problem };
            const count = deps.diagnostics.checks.length;
            if (choice.all) {
                const names = deps.config.environments.map((e) => e.name);
                const work = Promise.all(names.map((n) => deps.diagnostics.run(n)));
                const { value: reports } = await postWhenReady(req.conversation, checking(`${names.length} environments`, count * names.length), work, (rs) => renderMultiStatus(rs, deps.diagnostics.titles));
                reports.forEach((r) => deps.onReport?.(r));
                return { status: worst(...reports.map((r) => r.overall)) };
            }
            const { value: [report], } = await postWhenReady(req.conversation, checking(choice.env, count), Promise.all([deps.diagnostics.run(choice.env), freshnessOf(deps, choice.env)]), ([r, f]) => withFreshness(renderStatus(r, { titles: deps.diagnostics.titles, timeZone: deps.config.timezone }), f, deps.now?.() ?? new Date()));
            deps.onReport?.(report);
            return { status: report.overall };
        },
    };
}
export function createStatusRerunAction(deps) {
    return {
        actionId: ACTION_STATUS_RERUN,
        async run(req) {
            const { env } = parseValue(req.value);
            const known = deps.config.environments.some((e) => e.name === env);
            const report = await deps.diagnostics.run(known ? env : deps.config.defaultEnvironment, {
                maxAgeMs: rerunMaxAge(deps.config.checks.cacheMs),
            });
            deps.onReport?.(report);
            const msg = renderStatus(report, {
                titles: deps.diagnostics.titles,
                timeZone: deps.config.timezone,
                requestedBy: req.surface === 'slack' ? req.actor.userId : undefined,
            });
            if (req.message)
                await req.conversation.update(req.message, msg);
            else
                await req.conversation.post(msg);
        },
    };
}
export function parseValue(value) {
    try {
        const v = JSON.parse(value);
        return { env: typeof v.env === 'string' ? v.env : '', id: typeof v.id === 'string' ? v.id : undefined };
    }
    catch {
        return { env: '' };
    }
}
/** `/ctx status all`: one verdict per environment, the failing checks named under it. */
export function renderMultiStatus(reports, titles) {
    const blocks = [];
    const plain = [];
    for (const r of reports) {
        const line = `${STATUS_EMOJI[r.overall]} ${headline(r, titles)}`;
        const bad = r.checks.filter((c) => c.status === 'fail' || c.status === 'warn');
        const sub = bad.map((c) => `${STATUS_EMOJI[c.status]} ${titles[c.id] ?? c.id}: ${c.summary}`);
        blocks.push(md(`*${escapeMrkdwn(line)}*${sub.length ? `\n${sub.map(escapeMrkdwn).join('\n')}` : ''}`));
        plain.push(line, ...sub.map((s) => `    ${s}`));
    }
    blocks.push(context(`\`/ctx status &lt;env&gt;\` shows one environment in full`));
    return {
        text: reports.map((r) => `${STATUS_EMOJI[r.overall]} ${headline(r, titles)}`).join('\n'),
        blocks: fitBlocks(blocks),
        plain: plain.join('\n'),
        json: reports.map(statusJson),
    };
}
