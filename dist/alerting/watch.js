import pLimit from 'p-limit';
import { createAlertMemory } from './alert-memory.js';
import { reconcileMemory } from './alert-reconcile.js';
import { openAlerts } from '../store/alerts.js';
import { applyResultsTracked } from './alert-store.js';
import { recordReport } from '../diagnostics/history.js';
import { silencedBy } from '../config/maintenance.js';
import { activeSilences } from '../store/silences.js';
import { within } from '../util/deadline.js';
import { createOutageLog } from './store-outage.js';
/** env/check of bad results, for the debug line of a cycle (bounded). */
const MAX_LISTED = 20;
/**
 * Every interval, the leader runs every check of every environment (fresh, bypassing the
 * cache), a bounded number of environments at a time; records the results; feeds them
 * through the alert state machine; and says what it decided. A cycle that overruns the
 * interval delays the next one instead of overlapping it.
 *
 * When the store is unreachable the cycle goes on: the same rules run on state kept in
 * memory (from the last store cycle), with the silences known at the last successful
 * read; alerts are posted as usual (the outbox needs no store), history is skipped. Once
 * the leader holds the lock again, the first cycle writes what was decided in memory to
 * the store before anything else, then carries on normally.
 */
export function createWatch(deps) {
    const log = deps.log.child({ part: 'watch' });
    const memory = createAlertMemory();
    const locations = deps.alerter.locations;
    const outage = createOutageLog(log, deps.now);
    const storeMs = deps.storeTimeoutMs ?? Math.min(10_000, Math.max(2_000, deps.intervalMs));
    let silences = [];
    let silencesSaid = false;
    let timer;
    let current = null;
    let stopped = true;
    let leading = false;
    const currentSilences = async (at, useStore) => {
        if (!useStore)
            return silences;
        try {
            silences = await within(activeSilences(deps.store, at), storeMs, 'silences');
            silencesSaid = false;
        }
        catch (err) {
            if (!silencesSaid)
                log.warn({ err: { message: err.message }, known: silences.length }, 'cannot read silences; the ones known at the last read stay in force');
            silencesSaid = true;
        }
        return silences;
    };
    /** Recovery: what memory decided goes to the store first. False while it cannot. */
    const reconcile = async () => {
        try {
            const outcome = await within(reconcileMemory(deps.store, memory, locations), storeMs * 3, 'writing the alert state kept in memory');
            if (outage.active())
                outage.ended(outcome, memory.dropped());
            return true;
        }
        catch (err) {
            outage.reconcileFailed(err);
            return false;
        }
    };
    const runCycle = async () => {
        const started = performance.now();
        const at = deps.now();
        const degraded = deps.isDegraded?.() ?? false;
        if (degraded)
            outage.begin('the leader lock was lost with the store');
        if (!degraded && (memory.pending() || outage.active()))
            await reconcile();
        const useStore = !degraded && !memory.pending() && !outage.active();
        // A location a failed write left behind (usually none).
        if (useStore)
            await within(locations.flush(deps.store), storeMs, 'alert locations').catch(() => { });
        const cycleSilences = await currentSilences(at, useStore);
        const limit = pLimit(deps.concurrency);
        const failed = [];
        const bad = [];
        // One log line per cycle, however many environments hit the same problem.
        const problems = [];
        let checks = 0;
        let inMemory = !useStore;
        const planned = await Promise.all(deps.envs.map((env) => limit(async () => {
            let step = 'checks';
            try {
                const report = await deps.diagnostics.run(env, { maxAgeMs: 0 });
                checks += report.checks.length;
                for (const c of report.checks)
                    if (c.status === 'fail' || c.status === 'warn')
                        bad.push(`${env}/${c.id}`);
                deps.onReport?.(report);
                const when = new Date(report.checkedAt);
                const silencedFor = (check) => silencedBy(env, check, when, cycleSilences, deps.maintenance);
                // Once the store failed under this cycle, the other environments do not wait for it too.
                if (useStore && !outage.active()) {
                    step = 'history';
                    let storeError = null;
                    await within(recordReport(deps.store, report, 'watch'), storeMs, 'history').catch((err) => (storeError = err));
                    if (!storeError) {
                        step = 'alert state';
                        try {
                            const { planned: out, states } = await within(applyResultsTracked(deps.store, report, when, deps.rules, silencedFor), storeMs, 'alert state');
                            memory.remember(env, states);
                            return out;
                        }
                        catch (err) {
                            storeError = err;
                        }
                    }
                    else {
                        outage.skip(report.checks.length);
                    }
                    // The store failed under this cycle: decide in memory, as during an outage.
                    problems.push({ env, step, message: storeError.message });
                    outage.begin(storeError.message);
                    inMemory = true;
                }
                else {
                    outage.skip(report.checks.length);
                }
                return memory.apply(report, when, deps.rules, silencedFor);
            }
            catch (err) {
                failed.push(env);
                problems.push({ env, step, message: err.message });
                return [];
            }
        })));
        if (problems.length)
            log.warn({ count: problems.length, first: problems.slice(0, 3) }, 'watch cycle: some environments could not be recorded or alerted on');
        // Said in the background, in order per alert: a slow or unreachable Slack never delays the checks.
        const all = planned.flat();
        for (const p of all)
            deps.alerter.enqueue(p);
        if (useStore && !inMemory) {
            // Where open alerts were posted, so their threads are found should the store go away.
            await within(openAlerts(deps.store, deps.envs), storeMs, 'open alerts')
                .then((open) => locations.seed(open))
                .catch(() => { });
        }
        const summary = {
            envs: deps.envs.length,
            checks,
            alerts: all.length,
            durationMs: Math.round(performance.now() - started),
            failed,
            storeUnreachable: inMemory,
        };
        log.debug({
            ...summary,
            bad: bad.slice(0, MAX_LISTED),
            ...(bad.length > MAX_LISTED ? { moreBad: bad.length - MAX_LISTED } : {}),
        }, 'watch cycle done');
        if (summary.durationMs > deps.intervalMs)
            log.warn({ durationMs: summary.durationMs, intervalMs: deps.intervalMs }, 'a watch cycle took longer than watch.intervalSeconds; raise watch.concurrency or the interval');
        return summary;
    };
    /** No longer leading: the next leader starts from the store. What only memory knows is said in its thread. */
    const stepDown = () => {
        const orphans = memory.openInMemory();
        if (memory.pending() || orphans.length) {
            log.warn({ alertsRaisedInMemory: orphans.length }, "stepped down with alert state the store never got (raised during a store outage); a note goes into each open alert's thread");
        }
        for (const o of orphans)
            deps.alerter.handOver(o);
        locations.forgetMemory(new Set(orphans.map((o) => o.id)));
        memory.clear();
        outage.reset();
    };
    const loop = async () => {
        if (stopped)
            return;
        const started = Date.now();
        const isLeader = deps.isLeader();
        if (leading && !isLeader)
            stepDown();
        leading = isLeader;
        if (isLeader) {
            const cycle = runCycle().then(async (s) => {
                await deps.afterCycle?.(s);
            });
            current = cycle;
            await cycle.catch((err) => log.error({ err }, 'watch cycle failed'));
            current = null;
        }
        if (stopped)
            return;
        timer = setTimeout(() => void loop(), Math.max(0, deps.intervalMs - (Date.now() - started)));
        timer.unref();
    };
    return {
        runCycle,
        start() {
            if (!stopped)
                return;
            stopped = false;
            void loop();
        },
        async stop() {
            stopped = true;
            clearTimeout(timer);
            await current?.catch(() => { });
        },
        /** Resolves once every alert action queued so far has been said (tests, shutdown). */
        settled: () => deps.alerter.idle(),
    };
}
