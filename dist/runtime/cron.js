import { schedule } from 'node-cron';
/**
 * node-cron tasks for the given jobs, with their own time zone each (DST is node-cron's
 * business: a 09:00 job fires once at local 09:00 on both change days). A job still
 * running when its next slot comes is not started twice (noOverlap).
 */
export function startCron(jobs, log) {
    const tasks = new Map();
    const running = new Set();
    for (const job of jobs) {
        const jlog = log.child({ schedule: job.name });
        const task = schedule(job.cron, async (ctx) => {
            const p = job.run(ctx.date).catch((err) => jlog.error({ err }, 'scheduled job failed'));
            running.add(p);
            await p.finally(() => running.delete(p));
        }, {
            name: `ctx-ops:${job.name}`,
            timezone: job.timezone,
            noOverlap: true,
            // A busy event loop may fire a little late; that is still the same tick.
            missedExecutionTolerance: 60_000,
            logger: cronLogger(jlog),
        });
        tasks.set(job.name, task);
        jlog.info({ cron: job.cron, timezone: job.timezone, next: task.getNextRun()?.toISOString() }, 'schedule started');
    }
    return {
        nextRuns: (name, count) => tasks.get(name)?.getNextRuns(count) ?? [],
        async stop() {
            for (const t of tasks.values())
                await t.destroy();
            tasks.clear();
        },
        async idle() {
            await Promise.allSettled([...running]);
        },
    };
}
function cronLogger(log) {
    const text = (m) => (m instanceof Error ? m.message : m);
    return {
        info: (m) => log.debug(m),
        warn: (m) => log.warn(m),
        error: (m, err) => log.error({ err: err ?? (m instanceof Error ? m : undefined) }, text(m)),
        debug: (m) => log.debug(text(m)),
    };
}
