import type { Logger } from 'pino';
import type { StatusReport } from '../../contracts/checks.js';
import type { CheckChange, IncidentStore, Owner, SeenState } from '../store.js';

/**
 * Which checks changed state while an incident (or a runbook outside one) was open. Every
 * report for its environment is compared with the last one recorded, whoever produced it:
 * a step's Re-check, `/ctx status`, the watch loop.
 */
export function createCheckRecorder(deps: {
  db: IncidentStore;
  titles: Readonly<Record<string, string>>;
  log: Logger;
}) {
  const text = (c: CheckChange, via?: string) =>
    `${deps.titles[c.check] ?? c.check}: ${c.from} → ${c.to}${via ? ` (${via})` : ''}`;
  const statusOf = (report: StatusReport) => Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
  /** The first record of a report (an incident opening). */
  const statesOf = (report: StatusReport): Record<string, SeenState> =>
    Object.fromEntries(report.checks.map((c) => [c.id, { status: c.status, at: report.checkedAt }]));

  const record = (owner: Owner, report: StatusReport, via?: { actor?: string; text: string }) =>
    deps.db.recordChecks(owner, statusOf(report), report.checkedAt, (c) => ({
      text: text(c, via?.text),
      actor: via?.actor ?? null,
    }));

  /** For every open incident and every runbook outside one on the report's environment. */
  const recordEverywhere = async (report: StatusReport) => {
    const [incidents, sessions] = await Promise.all([
      deps.db.openIncidents({ env: report.environment }),
      deps.db.activeSessions(),
    ]);
    const owners: Owner[] = [
      ...incidents.map((i) => ({ incidentId: i.id })),
      ...sessions
        .filter((s) => s.env === report.environment && s.incidentId === null)
        .map((s) => ({ sessionId: s.id })),
    ];
    for (const o of owners) await record(o, report);
  };

  // Reports arrive from several places at once; one at a time keeps the order they came in.
  let chain: Promise<unknown> = Promise.resolve();
  const listener = (report: StatusReport) => {
    chain = chain
      .then(() => recordEverywhere(report))
      .catch((err) =>
        deps.log.debug({ err: { message: (err as Error).message } }, 'could not record check states for incidents'),
      );
  };

  return { record, listener, statesOf, settled: () => chain };
}
export type CheckRecorder = ReturnType<typeof createCheckRecorder>;
