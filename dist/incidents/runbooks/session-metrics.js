/**
 * The incidents store, counting runbook sessions for /metrics: started when the row is
 * written, finished or abandoned when that UPDATE moved the row (once per session); the
 * number active now is read from the store when /metrics is scraped.
 */
export function countedSessions(db, metrics) {
    const counted = {
        ...db,
        async createSession(s) {
            const row = await db.createSession(s);
            metrics.runbookSession(row.runbookId, 'started');
            return row;
        },
        async finishSession(id) {
            const row = await db.finishSession(id);
            if (row)
                metrics.runbookSession(row.runbookId, 'finished');
            return row;
        },
        async abandonSession(id) {
            const row = await db.abandonSession(id);
            if (row)
                metrics.runbookSession(row.runbookId, 'abandoned');
            return row;
        },
    };
    metrics.gauge('runbookSessionsActive', async () => {
        try {
            return (await db.activeSessions()).length;
        }
        catch {
            return null;
        }
    });
    return counted;
}
