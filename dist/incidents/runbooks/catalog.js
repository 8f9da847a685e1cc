import { suggestRunbooks } from './suggest.js';
export function createCatalog(runbooks) {
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
        listItems: (titles) => runbooks.map((r) => ({
            id: r.id,
            title: r.title,
            summary: r.summary,
            steps: r.steps.length,
            file: r.file,
            when: r.when.map((w) => `${titles[w.check] ?? w.check} ${w.status === 'warn' ? 'degraded' : 'fails'}${w.match ? ` (${w.match})` : ''}`),
        })),
    };
}
