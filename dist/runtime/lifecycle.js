const SIGNAL_NUMBER = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'];
export function createShutdown(o) {
    let started = false;
    let decided = false;
    let timer;
    let resolveExited;
    const exited = new Promise((r) => (resolveExited = r));
    const finish = (code) => {
        if (decided)
            return;
        decided = true;
        clearTimeout(timer);
        resolveExited(code);
        o.exit(code);
    };
    const seconds = Math.round(o.timeoutMs / 100) / 10;
    return {
        exited,
        onSignal(signal) {
            if (started) {
                o.say(`ctx-ops: second ${signal}: exiting now`);
                finish(128 + (SIGNAL_NUMBER[signal] ?? 15));
                return;
            }
            started = true;
            o.say(`ctx-ops: ${signal}: stopping (at most ${seconds} s; ${signal} again exits at once)`);
            timer = setTimeout(() => {
                o.say(`ctx-ops: did not stop within ${seconds} s; exiting (the next start marks what was left interrupted)`);
                finish(1);
            }, o.timeoutMs);
            timer.unref();
            o.stop().then(() => finish(0), (err) => {
                o.say(`ctx-ops: stopping failed: ${err?.message ?? String(err)}`);
                finish(1);
            });
        },
    };
}
/** Registers the handlers on the process; returns a function that removes them. */
export function installShutdown(proc, o) {
    const s = createShutdown(o);
    const handler = (signal) => s.onSignal(signal);
    for (const sig of SHUTDOWN_SIGNALS)
        proc.on(sig, handler);
    return { ...s, uninstall: () => SHUTDOWN_SIGNALS.forEach((sig) => proc.off(sig, handler)) };
}
/**
 * Counts commands being handled, so a stop can let the ones that arrived before it finish
 * (their answers go out over Slack's Web API, which outlives the socket).
 */
export function trackInFlight(target, now = Date.now) {
    const original = target.dispatch.bind(target);
    const running = new Set();
    target.dispatch = (...args) => {
        const p = original(...args);
        const tracked = p.catch(() => { }).finally(() => running.delete(tracked));
        running.add(tracked);
        return p;
    };
    return {
        count: () => running.size,
        /** Waits for the commands in flight, at most `ms`; returns how many were still running. */
        async drain(ms) {
            const deadline = now() + ms;
            while (running.size > 0 && now() < deadline) {
                let t;
                await Promise.race([
                    Promise.allSettled([...running]),
                    new Promise((r) => (t = setTimeout(r, Math.max(0, deadline - now())))),
                ]);
                clearTimeout(t);
            }
            return running.size;
        },
    };
}
