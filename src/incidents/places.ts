import type { Place } from './incidents.js';
import type { IncidentStore } from './store.js';

/**
 * Finds what is open where people type. A mention knows its thread; a slash command (and
 * the shell) only knows its channel, so there the newest open incident and the runbooks
 * running in that channel are meant.
 */
export function createPlaces(db: IncidentStore) {
  const byChannel = async (channel: string, surface: string): Promise<Place> => {
    const [incidents, sessions] = await Promise.all([
      db.openIncidents({ channel, surface }),
      db.activeSessions({ channel, surface }),
    ]);
    return { incident: incidents[0] ?? null, sessions };
  };
  return {
    byChannel,
    /** The incident or runbook whose thread this is; falls back to the channel. */
    async byThread(channel: string, threadTs: string, surface: string): Promise<Place & { inThread: boolean }> {
      const [incident, sessions] = await Promise.all([
        db.incidentByThread(channel, threadTs),
        db.activeSessions({ channel, threadTs }),
      ]);
      if (incident || sessions.length)
        return { incident: incident?.status === 'open' ? incident : null, sessions, inThread: true };
      return { ...(await byChannel(channel, surface)), inThread: false };
    },
    /** `#12` names an incident. */
    async named(word: string | undefined) {
      const m = /^#(\d{1,12})$/.exec(word ?? '');
      return m ? db.getIncident(Number(m[1])) : undefined;
    },
  };
}
export type Places = ReturnType<typeof createPlaces>;

export const isIncidentRef = (word: string | undefined) => /^#\d{1,12}$/.test(word ?? '');
