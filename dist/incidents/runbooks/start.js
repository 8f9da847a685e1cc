import { who } from '../format.js';
/**
 * Where a runbook starts: in the thread of the incident named by the button, else of the
 * newest incident open in this channel for the same environment, else in a thread of its own.
 */
export async function startRunbook(deps, live, o) {
    let incident = null;
    let env = o.env;
    if (o.incidentId !== null) {
        incident = await live.db.getIncident(o.incidentId);
        if (incident?.status !== 'open') {
            await o.conversation.ephemeral({
                text: `Incident #${o.incidentId} is closed; \`/ctx runbook ${o.runbook.id}\` starts the runbook on its own.`,
            });
            return;
        }
        if (!incident.rootTs) {
            await o.conversation.ephemeral({
                text: `Incident #${incident.id} is still being opened; press again in a moment.`,
            });
            return;
        }
        env = incident.env;
    }
    else {
        const place = await live.places.byChannel(o.channel, o.surface);
        if (place.incident?.env === env && place.incident.rootTs)
            incident = place.incident;
    }
    const out = await live.engine.start({
        runbook: o.runbook,
        env,
        actor: o.actor,
        surface: o.surface,
        conversation: o.conversation,
        channel: incident?.channel ?? o.channel,
        incident,
    });
    if ('already' in out) {
        const s = out.already;
        const how = o.surface === 'slack' ? '`@ctx-ops next` in its thread' : '`runbook next`';
        await o.conversation.ephemeral({
            text: `Runbook \`${s.runbookId}\` is already running here on ${s.env} (started by ${who(s.startedBy)}): ${how} shows its current step.`,
        });
        return;
    }
    if (incident && o.surface === 'slack') {
        await o.conversation
            .ephemeral({ text: `Started runbook \`${o.runbook.id}\` in the thread of incident #${incident.id}.` })
            .catch(() => { });
    }
    deps.log.info({ runbook: o.runbook.id, env, session: out.started.id, incident: incident?.id }, 'runbook started');
}
