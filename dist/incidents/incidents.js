import { context, escapeMrkdwn } from '../ui/blocks.js';
import { severityLabel, who } from './format.js';
import { clock } from '../util/format.js';
import { renderIncidentRoot, renderPostmortem } from './render.js';
import { countsText } from './runbooks/render.js';
import { renderStatus } from '../ui/status.js';
import { rerunMaxAge } from '../diagnostics/runner.js';
import { ownerOf } from './runbooks/engine.js';
/**
 * Incidents: a root message with severity, owner, the status and the suggested runbooks;
 * a thread for everything after; a timeline that becomes the postmortem skeleton.
 */
export function createIncidents(deps) {
    const tz = deps.config.timezone;
    const titles = () => deps.diagnostics.titles;
    const permalink = (i) => i.surface === 'slack' && i.rootTs
        ? `https://slack.com/archives/${i.channel}/p${i.rootTs.replace('.', '')}`
        : undefined;
    async function runReport(env, maxAgeMs) {
        try {
            return { report: await deps.diagnostics.run(env, maxAgeMs !== undefined ? { maxAgeMs } : {}) };
        }
        catch (err) {
            return { report: null, error: err.message };
        }
    }
    const rootView = (incident, report, error) => ({
        incident,
        report,
        ...(error ? { reportError: error } : {}),
        titles: titles(),
        suggestions: report ? deps.catalog.suggest(report) : [],
        timeZone: tz,
        now: deps.now(),
    });
    const api = {
        /** Opens an incident: root message (incidents channel, else here), timeline, current status. */
        async open(o) {
            const { report, error } = await runReport(o.env);
            const target = o.surface === 'slack' && deps.config.channels.incidents && deps.slack() ? deps.config.channels.incidents : null;
            const channel = target ?? o.channel;
            let incident = await deps.db.createIncident({
                env: o.env,
                title: o.title,
                severity: o.severity,
                owner: o.actor.userId,
                surface: o.surface,
                channel,
                checkStates: report ? deps.recorder.statesOf(report) : {},
            });
            let root;
            try {
                const msg = renderIncidentRoot(rootView(incident, report, error));
                root = target
                    ? await deps.slack().post({ channel: target, text: msg.text, ...(msg.blocks ? { blocks: msg.blocks } : {}) })
                    : await o.conversation.post(msg);
                if (!root.ts)
                    throw new Error('this channel does not let me post messages I can thread under: invite me with `/invite @ctx-ops`');
            }
            catch (err) {
                await deps.db.deleteIncident(incident.id).catch(() => { });
                throw err;
            }
            await deps.db.setIncidentRoot(incident.id, root.channel, root.ts);
            if (report)
                deps.publishReport(report);
            incident = { ...incident, channel: root.channel, rootTs: root.ts };
            const failing = report
                ? report.checks
                    .filter((c) => c.status === 'fail' || c.status === 'warn')
                    .map((c) => `${titles()[c.id] ?? c.id} ${c.status}`)
                : [];
            await deps.db.addTimeline({
                incidentId: incident.id,
                actor: o.actor.userId,
                kind: 'opened',
                text: `opened the incident (${severityLabel(o.severity)} on ${o.env}); ${report ? (failing.length ? `failing: ${failing.join(', ')}` : 'every check healthy') : `status unknown: ${error}`}`,
            });
            return { incident, elsewhere: Boolean(target && target !== o.channel) };
        },
        /** Closes once, stops its runbooks, and posts the timeline as a postmortem skeleton. */
        async close(o) {
            const closed = await deps.db.closeIncident(o.incident.id, o.actor.userId, o.summary);
            if (!closed)
                return { ok: false, message: `Incident #${o.incident.id} is already closed.` };
            for (const s of await deps.db.activeSessions({ incidentId: closed.id })) {
                await deps.engine
                    .stop({ session: s, actor: o.actor, conversation: o.conversation, why: 'incident closed' })
                    .catch((err) => deps.log.warn({ err }, 'could not stop a runbook'));
            }
            await deps.db.addTimeline({
                incidentId: closed.id,
                actor: o.actor.userId,
                kind: 'closed',
                text: `closed the incident${o.summary ? `: ${escapeMrkdwn(o.summary)}` : ''}`,
            });
            const sessions = await deps.db.sessionsOfIncident(closed.id);
            const withStates = await Promise.all(sessions.map(async (s) => ({
                runbookId: s.runbookId,
                title: s.runbook.title,
                status: s.status,
                states: (await deps.db.steps(s.id)).map((r) => r.state),
                startedAt: s.startedAt,
                finishedAt: s.finishedAt,
            })));
            const timeline = await deps.db.timeline({ incidentId: closed.id });
            const thread = { channel: closed.channel, ts: closed.rootTs ?? '' };
            await o.conversation.post(renderPostmortem({ incident: closed, timeline, sessions: withStates, titles: titles(), timeZone: tz }), closed.rootTs ? { thread } : undefined);
            if (closed.rootTs) {
                await o.conversation
                    .update({ channel: closed.channel, ts: closed.rootTs }, renderIncidentRoot(rootView(closed, null)))
                    .catch((err) => deps.log.warn({ err: { message: err.message } }, 'could not update the incident root'));
            }
            return { ok: true, message: `Incident #${closed.id} closed.` };
        },
        /** A note in the timeline of the incident, else of the newest runbook here. */
        async note(o) {
            const owner = o.place.incident
                ? { incidentId: o.place.incident.id }
                : o.place.sessions[0]
                    ? ownerOf(o.place.sessions[0])
                    : null;
            if (!owner)
                return 'There is no open incident or running runbook here to note that in.';
            const session = 'sessionId' in owner ? owner.sessionId : null;
            await deps.db.addTimeline({
                ...('incidentId' in owner ? { incidentId: owner.incidentId } : { sessionId: session }),
                actor: o.actor.userId,
                kind: 'note',
                text: `noted: ${escapeMrkdwn(o.text)}`,
            });
            return `📝 Noted in the timeline${o.place.incident ? ` of incident #${o.place.incident.id}` : ''} at ${clock(deps.now(), tz, { seconds: true })}.`;
        },
        /** `status` in a thread: the checks now, recorded in the timeline, and how far each runbook got. */
        async status(o) {
            const { report, error } = await runReport(o.env, rerunMaxAge(deps.config.checks.cacheMs));
            if (!report) {
                await o.conversation.post({ text: `Could not check ${o.env}: ${error}` }, o.thread ? { thread: o.thread } : undefined);
                return;
            }
            const owners = o.place.incident
                ? [{ incidentId: o.place.incident.id }]
                : o.place.sessions.filter((s) => !s.incidentId).map((s) => ({ sessionId: s.id }));
            for (const owner of owners)
                await deps.recorder.record(owner, report, {
                    actor: o.actor.userId,
                    text: `status asked by ${who(o.actor.userId)}`,
                });
            deps.publishReport(report);
            const msg = renderStatus(report, { titles: titles(), timeZone: tz });
            const progress = await Promise.all(o.place.sessions.map(async (s) => `📘 ${s.runbook.title} (\`${s.runbookId}\`): ${countsText((await deps.db.steps(s.id)).map((r) => r.state))}`));
            if (progress.length)
                msg.blocks = [...(msg.blocks ?? []), context(progress.join('\n'))];
            await o.conversation.post(msg, o.thread ? { thread: o.thread } : undefined);
        },
        /** For the digest: the incidents still open. */
        info() {
            return {
                async open(env) {
                    const rows = await deps.db.openIncidents(env ? { env } : {});
                    return rows.map((i) => ({
                        id: `#${i.id}`,
                        title: i.title,
                        severity: severityLabel(i.severity),
                        openedAt: i.openedAt,
                        owner: i.owner,
                        permalink: permalink(i),
                    }));
                },
            };
        },
    };
    return api;
}
