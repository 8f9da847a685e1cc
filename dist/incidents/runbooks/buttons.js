import { ACTION_RUNBOOK_START, ACTION_STEP_DONE, ACTION_STEP_FAILED, ACTION_STEP_RECHECK, ACTION_STEP_RUN, ACTION_STEP_SKIP, MAX_RUNBOOK_BUTTONS, nthActionId, } from './render.js';
import { channelOf, NO_STORE } from '../deps.js';
import { startRunbook } from './start.js';
function parseJson(value) {
    try {
        const v = JSON.parse(value);
        return v && typeof v === 'object' ? v : {};
    }
    catch {
        return {};
    }
}
export function parseStepValue(value) {
    const v = parseJson(value);
    if (!Number.isSafeInteger(v.s) || !Number.isSafeInteger(v.i))
        return null;
    const p = v.p && typeof v.p === 'object' ? v.p : undefined;
    return { s: v.s, i: v.i, ...(p ? { p } : {}) };
}
const numbered = (base, run) => Array.from({ length: MAX_RUNBOOK_BUTTONS }, (_, n) => ({ actionId: nthActionId(base, n), run }));
/**
 * The buttons of runbooks and incidents. Values carry ids only (session, step, runbook),
 * so a button on a message posted before a restart does the same thing after it.
 */
export function createRunbookButtons(deps) {
    const withLive = (fn) => async (req) => {
        if (!deps.live)
            return void (await req.conversation.ephemeral({ text: NO_STORE }));
        await fn(deps.live, req);
    };
    const step = (fn) => withLive(async (live, req) => {
        const v = parseStepValue(req.value);
        if (!v)
            return;
        await fn(live, req, v);
    });
    const start = withLive(async (live, req) => {
        const v = parseJson(req.value);
        const runbook = typeof v.id === 'string' ? deps.catalog.get(v.id) : undefined;
        if (!runbook)
            return void (await req.conversation.ephemeral({
                text: `There is no runbook "${String(v.id)}" any more; \`/ctx runbook\` lists them.`,
            }));
        const env = typeof v.env === 'string' && deps.config.environments.some((e) => e.name === v.env)
            ? v.env
            : deps.config.defaultEnvironment;
        const incidentId = Number.isSafeInteger(v.inc) ? v.inc : null;
        const channel = req.message?.channel || channelOf(req.actor, req.surface);
        await startRunbook(deps, live, {
            runbook,
            env,
            actor: req.actor,
            surface: req.surface,
            conversation: req.conversation,
            channel,
            incidentId,
        });
    });
    const transition = (to) => step(async (live, req, v) => {
        const out = await live.engine.transition({
            sessionId: v.s,
            idx: v.i,
            to,
            actor: req.actor,
            reason: null,
            conversation: req.conversation,
        });
        if (!out.ok)
            await req.conversation.ephemeral({ text: out.message });
    });
    const run = step(async (live, req, v) => {
        const out = await live.engine.run({
            sessionId: v.s,
            idx: v.i,
            params: v.p ?? {},
            actor: req.actor,
            surface: req.surface,
            conversation: req.conversation,
        });
        if (!out.ok)
            await req.conversation.ephemeral({ text: out.message });
    });
    return [
        ...numbered(ACTION_RUNBOOK_START, start),
        { actionId: ACTION_STEP_DONE, run: transition('done') },
        { actionId: ACTION_STEP_FAILED, run: transition('failed') },
        {
            actionId: ACTION_STEP_SKIP,
            // A reason is required; a prompt keeps it simple (no modal, which the shell could not show).
            run: step(async (live, req, v) => {
                const session = await live.engine.requestSkip({ sessionId: v.s, idx: v.i, actor: req.actor });
                if (!session)
                    return;
                const how = req.surface === 'slack' ? '`@ctx-ops skip &lt;reason&gt;` in this thread' : '`runbook skip &lt;reason&gt;`';
                await req.conversation.ephemeral({
                    text: `To skip step ${v.i + 1} of ${session.runbook.title}, say why: ${how}. The reason goes into the timeline.`,
                });
            }),
        },
        {
            actionId: ACTION_STEP_RECHECK,
            run: step(async (live, req, v) => live.engine.recheck({ sessionId: v.s, idx: v.i, actor: req.actor, conversation: req.conversation })),
        },
        ...numbered(ACTION_STEP_RUN, run),
    ];
}
