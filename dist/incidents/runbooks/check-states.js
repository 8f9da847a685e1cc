/**
 * Which checks changed state while an incident (or a runbook outside one) was open. Every
 * report for its environment is compared with the last one recorded, whoever produced it:
 * a step's Re-check, `/ctx status`, the watch loop.
 */
export function createCheckRecorder(deps) {
    const text = (c, via) => `${deps.titles[c.check] ?? c.check}: ${c.from} → ${c.to}${via ? ` (${via})` : ''}`;
    const statusOf = (report) => Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
    /** The first record of a report (an incident opening). */
    const statesOf = (report) => Object.fromEntries(report.checks.map((c) => [c.id, { status: c.status, at: report.checkedAt }]));
    const record = (owner, report, via) => deps.db.recordChecks(owner, statusOf(report), report.checkedAt, (c) => ({
        text: text(c, via?.text),
        actor: via?.actor ?? null,
    }));
    /** For every open incident and every runbook outside one on the report's environment. */
    const recordEverywhere = async (report) => {
        const [incidents, sessions] = await Promise.all([
            deps.db.openIncidents({ env: report.environment }),
            deps.db.activeSessions(),
        ]);
        const owners = [
            ...incidents.map((i) => ({ incidentId: i.id })),
            ...sessions
                .filter((s) => s.env === report.environment && s.incidentId === null)
                .map((s) => ({ sessionId: s.id })),
        ];
        for (const o of owners)
            await record(o, report);
    };
    // Reports arrive from several places at once; one at a time keeps the order they came in.
    let chain = Promise.resolve();
    const listener = (report) => {
        chain = chain
            .then(() => recordEverywhere(report))
            .catch((err) => deps.log.debug({ err: { message: err.message } }, 'could not record check states for incidents'));
    };
    return { record, listener, statesOf, settled: () => chain };
}
