/** Small facts about sessions that the engine and the step messages share. */
/** Whose timeline a session writes to: its incident's, else its own. */
export const ownerOf = (s) => s.incidentId ? { incidentId: s.incidentId } : { sessionId: s.id };
/** The thread the session's steps live in. */
export const threadOf = (s) => ({
    channel: s.channel,
    ts: s.threadTs ?? '',
});
/** A step still to resolve: pending, or marked failed (a failed step stays current). */
export const openState = (s) => s === 'pending' || s === 'failed';
/** The step people are on: the first one not done or skipped. */
export const currentStep = (rows) => rows.find((r) => openState(r.state));
