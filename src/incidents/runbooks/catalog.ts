import type { StatusReport } from '../../contracts/checks.js';
import type { RunbookListItem } from './render.js';
import type { Runbook } from './loader.js';
import { suggestRunbooks } from './suggest.js';

/** The runbooks this bot knows, loaded and validated once at start. */
export interface Catalog {
  list(): readonly Runbook[];
  get(id: string): Runbook | undefined;
  /** Runbooks the report suggests, with their titles, best first. */
  suggest(report: StatusReport, max?: number): Array<{ id: string; title: string; because: string[] }>;
  listItems(titles: Readonly<Record<string, string>>): RunbookListItem[];
}

export function createCatalog(runbooks: readonly Runbook[]): Catalog {
  const byId = new Map(runbooks.map((r) => [r.id, r]));
  return {
    list: () => runbooks,
    get: (id) => byId.get(id),
    suggest(report, max = 5) {
      return suggestRunbooks(report, runbooks, max).flatMap((s) => {
        const rb = byId.get(s.runbookId);
        return rb ? [{ id: rb.id, title: rb.title, because: s.because }] : [];
      });
    },
    listItems: (titles) =>
      runbooks.map((r) => ({
        id: r.id,
        title: r.title,
        summary: r.summary,
        steps: r.steps.length,
        file: r.file,
        when: r.when.map(
          (w) =>
            `${titles[w.check] ?? w.check} ${w.status === 'warn' ? 'degraded' : 'fails'}${w.match ? ` (${w.match})` : ''}`,
        ),
      })),
  };
}
