import { runDoctor } from './doctor.js';
import { renderDoctor } from './render.js';
/**
 * `/ctx doctor` and `ctx-ops doctor`, and the same check in the background under Slack:
 * after connecting (never on the ack path), then every 30 minutes. Each problem is logged
 * once, when it appears or changes status, and once more when it is gone.
 */
export function createDoctorFeature(opts = {}) {
    return (core) => {
        const log = core.log.child({ feature: 'doctor' });
        let surface = 'cli';
        let latest = null;
        let logged = new Map();
        let background = Promise.resolve();
        let timer;
        const run = async (s = surface) => {
            const report = await runDoctor({
                config: core.config,
                store: core.store,
                services: core.services,
                log: core.log,
                redactor: core.redactor,
                surface: s,
                timeoutMs: opts.timeoutMs,
                now: core.now,
            });
            latest = report;
            return report;
        };
        const logChanges = (r) => {
            const current = new Map();
            for (const i of r.items) {
                if (i.status !== 'fail' && i.status !== 'warn')
                    continue;
                current.set(i.id, i.status);
                if (logged.get(i.id) === i.status)
                    continue;
                const line = `doctor: ${i.title}: ${i.seen}${i.fix ? `. To fix: ${i.fix.split('\n').join(' ')}` : ''}`;
                if (i.status === 'fail')
                    log.error({ check: i.id }, line);
                else
                    log.warn({ check: i.id }, line);
            }
            for (const id of logged.keys())
                if (!current.has(id))
                    log.info({ check: id }, `doctor: ${id} is fine again`);
            logged = current;
        };
        let busy = false;
        const inBackground = () => {
            // A run still going (a slow store, Slack timing out) is not overlapped by the next one.
            if (busy)
                return background;
            busy = true;
            return (background = run()
                .then(logChanges)
                .catch((err) => log.warn({ err: { message: core.redactor.scrub(err.message) } }, 'doctor could not run'))
                .finally(() => (busy = false)));
        };
        const service = {
            run,
            report: () => latest,
            settled: () => background,
            latest() {
                if (!latest)
                    return null;
                const problems = latest.items
                    .filter((i) => i.status === 'fail' || i.status === 'warn')
                    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1))
                    .map(({ status, title, seen, fix }) => ({ status, title, seen, ...(fix ? { fix } : {}) }));
                return {
                    checkedAt: latest.checkedAt,
                    overall: latest.overall,
                    checks: latest.items.filter((i) => i.status !== 'skip').length,
                    problems,
                };
            },
        };
        core.services.register('selfCheck', service);
        return {
            name: 'doctor',
            handlers: [createDoctorHandler({ run, timeZone: core.config.timezone })],
            start(rt) {
                surface = rt.surface;
                if (rt.surface !== 'slack' || opts.atStart === false)
                    return;
                // After the transport is up, off the start-up path: the first ack never waits for it.
                background = new Promise((r) => setImmediate(r)).then(inBackground);
                timer = setInterval(() => void inBackground(), opts.everyMs ?? 30 * 60_000);
                timer.unref();
            },
            async stop() {
                clearInterval(timer);
                await background;
            },
        };
    };
}
export const doctorFeature = createDoctorFeature();
/**
 * `/ctx doctor`: the bot checks itself. In Slack the answer is private (it names channels,
 * scopes and database roles); in the shell and the CLI it is printed. The CLI's exit code
 * is 1 when something fails.
 */
export function createDoctorHandler(deps) {
    return {
        name: 'doctor',
        aliases: ['selfcheck'],
        usage: 'doctor',
        summary: 'The bot checks itself: tokens, scopes, channel membership, its store, backup tools, folders, clock, delivery',
        async run(req) {
            if (req.args.length)
                return { usageProblem: `\`doctor\` takes no arguments (got "${req.args.join(' ')}")` };
            const report = await deps.run(req.surface);
            const msg = renderDoctor(report, { timeZone: deps.timeZone });
            if (req.surface === 'slack')
                await req.conversation.ephemeral(msg);
            else
                await req.conversation.post(msg);
            return { status: report.overall };
        },
    };
}
