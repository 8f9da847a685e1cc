/**
 * Finds what is open where people type. A mention knows its thread; a slash command (and
 * the shell) only knows its channel, so there the newest open incident and the runbooks
 * running in that channel are meant.
 */
export function createPlaces(db) {
    const byChannel = async (channel, surface) => {
        const [incidents, sessions] = await Promise.all([
            db.openIncidents({ channel, surface }),
            db.activeSessions({ channel, surface }),
        ]);
        return { incident: incidents[0] ?? null, sessions };
    };
    return {
        byChannel,
        /** The incident or runbook whose thread this is; falls back to the channel. */
        async byThread(channel, threadTs, surface) {
            const [incident, sessions] = await Promise.all([
                db.incidentByThread(channel, threadTs),
                db.activeSessions({ channel, threadTs }),
            ]);
            if (incident || sessions.length)
                return { incident: incident?.status === 'open' ? incident : null, sessions, inThread: true };
            return { ...(await byChannel(channel, surface)), inThread: false };
        },
        /** `#12` names an incident. */
        async named(word) {
            const m = /^#(\d{1,12})$/.exec(word ?? '');
            return m ? db.getIncident(Number(m[1])) : undefined;
        },
    };
}
export const isIncidentRef = (word) => /^#\d{1,12}$/.test(word ?? '');
