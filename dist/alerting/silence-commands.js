import { extractFlags } from '../util/tokenize.js';
import { escapeMrkdwn, md } from '../ui/blocks.js';
import { chunkLines } from '../ui/limits.js';
import { dayTime, formatDuration, MAX_SILENCE_MS, parseDuration } from '../util/format.js';
import { ALL_CHECKS, relevantWindows } from '../config/maintenance.js';
import { activeSilences, createSilence, liftSilence } from '../store/silences.js';
import { userWord } from '../ui/user-text.js';
import { chooseEnvironment } from '../runtime/preambles.js';
const NEEDS_STORE = {
    text: "Silences are kept in the bot's own database (schema ctx_ops), and none is configured: set CTX_OPS_DATABASE_URL (or DATABASE_URL) and restart.",
};
const who = (id) => (/^[UW][A-Z0-9]+$/.test(id) ? `<@${id}>` : id);
const what = (s, titles) => `${s.check === ALL_CHECKS ? 'every check' : `*${escapeMrkdwn(titles[s.check] ?? s.check)}*`} on ${s.env ? `*${escapeMrkdwn(s.env)}*` : 'every environment'}`;
const SILENCE_USAGE = 'silence <check|all> <duration> [reason] [env|all]';
/**
 * `/ctx silence graph 2h FalkorDB upgrade prod`: alerts for that check are recorded but
 * not posted until the silence ends or is lifted. Said in the channel, so the team knows.
 * Without an environment it covers the default one; `all` covers every environment.
 */
export function createSilenceHandler(deps) {
    return {
        name: 'silence',
        aliases: ['mute'],
        usage: SILENCE_USAGE,
        summary: 'Hold back alerts for a check for a while, e.g. silence graph 2h upgrade prod',
        async run(req) {
            const { flags, rest, errors } = extractFlags(req.args, { withValue: ['env'] });
            const [checkWord, durationWord, ...more] = rest;
            const check = checkWord === 'all' || checkWord === '*' ? ALL_CHECKS : checkWord;
            const duration = durationWord ? parseDuration(durationWord) : undefined;
            const choice = chooseEnvironment(more, flags.env, deps.config);
            const problem = errors[0] ??
                (!check ? 'which check?' : undefined) ??
                (check !== ALL_CHECKS && !deps.checkIds.includes(check)
                    ? `there is no check ${userWord(check)} (known: ${deps.checkIds.join(', ')}, or all)`
                    : undefined) ??
                (!durationWord ? 'for how long? (e.g. 30m, 2h, 1d)' : undefined) ??
                (duration === undefined
                    ? `${userWord(durationWord)} is not a duration (e.g. 30m, 2h, 1h30m, 1d)`
                    : undefined) ??
                (duration > MAX_SILENCE_MS
                    ? `at most ${formatDuration(MAX_SILENCE_MS)}: a longer silence is forgotten and hides real outages`
                    : undefined) ??
                choice.error;
            if (problem)
                return { usageProblem: problem };
            if (!deps.store) {
                await req.conversation.ephemeral(NEEDS_STORE);
                return {};
            }
            const now = deps.now();
            const reason = choice.rest.join(' ').trim().slice(0, 300) || undefined;
            const s = await createSilence(deps.store, {
                env: choice.all ? null : choice.env,
                check: check,
                ...(reason ? { reason } : {}),
                createdBy: req.actor.userId,
                createdAt: now,
                endsAt: new Date(now.getTime() + duration),
            });
            const text = `🔕 ${who(req.actor.userId)} silenced ${what(s, deps.titles)} for ${formatDuration(duration)} (until ${dayTime(s.endsAt, deps.config.timezone)})${reason ? `: ${escapeMrkdwn(reason)}` : ''}. Alerts are recorded, not posted. \`/ctx unsilence ${s.id}\` lifts it.`;
            await req.conversation.post({ text, blocks: [md(text)] });
            return {};
        },
    };
}
export function createSilencesHandler(deps) {
    return {
        name: 'silences',
        usage: 'silences',
        summary: 'Active silences and maintenance windows',
        async run(req) {
            if (req.args.length)
                return { usageProblem: `unexpected ${userWord(req.args.join(' '))}` };
            const now = deps.now();
            const windows = relevantWindows(deps.maintenance, now, 7 * 86_400_000);
            if (!deps.store && !windows.length) {
                await req.conversation.ephemeral(NEEDS_STORE);
                return {};
            }
            const silences = deps.store ? await activeSilences(deps.store, now) : [];
            const tz = deps.config.timezone;
            const lines = [
                ...silences.map((s) => `🔕 #${s.id} ${what(s, deps.titles)} until ${dayTime(s.endsAt, tz)} by ${who(s.createdBy)}${s.reason ? `: ${escapeMrkdwn(s.reason)}` : ''} · \`/ctx unsilence ${s.id}\``),
                ...windows.map((w) => `🛠 maintenance: ${w.checks?.length ? w.checks.map((c) => deps.titles[c] ?? c).join(', ') : 'every check'} on ${w.environments?.length ? w.environments.join(', ') : 'every environment'}, ${dayTime(new Date(w.from), tz)} – ${dayTime(new Date(w.to), tz)}${w.reason ? `: ${escapeMrkdwn(w.reason)}` : ''} (ctx-ops.yml)`),
            ];
            if (!lines.length)
                lines.push('Nothing is silenced: every alert will be posted.');
            await req.conversation.ephemeral({ text: lines.join('\n'), blocks: chunkLines(lines).map(md) });
            return {};
        },
    };
}
export function createUnsilenceHandler(deps) {
    return {
        name: 'unsilence',
        usage: 'unsilence <id>',
        summary: 'Lift a silence early (ids are in silences)',
        async run(req) {
            const id = (req.args[0] ?? '').replace(/^#/, '');
            if (!/^\d+$/.test(id) || req.args.length !== 1) {
                await req.conversation.ephemeral({
                    text: 'which silence? Usage: `/ctx unsilence &lt;id&gt;` (ids are in `/ctx silences`)',
                });
                return { usageError: true };
            }
            if (!deps.store) {
                await req.conversation.ephemeral(NEEDS_STORE);
                return {};
            }
            const s = await liftSilence(deps.store, id, req.actor.userId, deps.now());
            if (!s) {
                await req.conversation.ephemeral({ text: `There is no active silence #${id}. \`/ctx silences\` lists them.` });
                return { usageError: true };
            }
            const text = `🔔 ${who(req.actor.userId)} lifted silence #${s.id} (${what(s, deps.titles)}): its alerts are posted again.`;
            await req.conversation.post({ text, blocks: [md(text)] });
            return {};
        },
    };
}
