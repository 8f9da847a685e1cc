import { spawn } from 'node:child_process';
export function tailBuffer(max, clean = (l) => l) {
    const lines = [];
    let partial = '';
    const push = (line) => {
        const cleaned = clean(line.replace(/\r$/, '')).slice(0, 500);
        lines.push(cleaned);
        if (lines.length > max)
            lines.shift();
        return cleaned;
    };
    return {
        /** Adds text; returns the complete lines it contained. */
        write(text) {
            const parts = (partial + text).split('\n');
            partial = parts.pop() ?? '';
            if (partial.length > 4000) {
                parts.push(partial);
                partial = '';
            }
            return parts.map(push);
        },
        end() {
            if (!partial)
                return [];
            const l = push(partial);
            partial = '';
            return [l];
        },
        lines,
    };
}
export async function runCommand(o) {
    const started = performance.now();
    const tail = tailBuffer(o.tailLines ?? 40, o.clean);
    const [cmd, ...args] = o.argv;
    const done = (r) => ({
        ...r,
        tail: tail.lines,
        durationMs: Math.round(performance.now() - started),
    });
    if (!cmd)
        return done({ code: null, signal: null, timedOut: false, aborted: false, spawnError: 'empty command' });
    if (o.signal.aborted)
        return done({ code: null, signal: null, timedOut: false, aborted: true });
    let child;
    try {
        child = spawn(cmd, args, {
            cwd: o.cwd,
            env: o.env,
            stdio: [o.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
            detached: o.group ?? false,
        });
    }
    catch (err) {
        return done({ code: null, signal: null, timedOut: false, aborted: false, spawnError: err.message });
    }
    if (o.stdin && child.stdin) {
        child.stdin.on('error', () => { }); // EPIPE after the child exited: its exit status tells
        o.stdin(child.stdin);
    }
    let timedOut = false;
    let aborted = false;
    let killTimer;
    const kill = (sig) => {
        try {
            if (o.group && child.pid)
                process.kill(-child.pid, sig);
            else
                child.kill(sig);
        }
        catch {
            /* already gone */
        }
    };
    const stop = () => {
        kill('SIGTERM');
        killTimer ??= setTimeout(() => kill('SIGKILL'), o.killGraceMs ?? 5000);
    };
    const onAbort = () => {
        aborted = true;
        stop();
    };
    o.signal.addEventListener('abort', onAbort, { once: true });
    const deadline = o.timeoutMs
        ? setTimeout(() => {
            timedOut = true;
            stop();
        }, o.timeoutMs)
        : undefined;
    const feed = (s) => new Promise((resolve) => {
        s.setEncoding('utf8');
        s.on('data', (chunk) => {
            for (const line of tail.write(chunk))
                o.onLine?.(line);
        });
        s.on('end', resolve);
        s.on('error', () => resolve());
    });
    const outDone = o.stdout && o.stdout !== 'tail' ? o.stdout(child.stdout) : feed(child.stdout);
    const errDone = feed(child.stderr);
    const exit = await new Promise((resolve) => {
        child.once('error', (err) => resolve({
            code: null,
            signal: null,
            spawnError: err.code === 'ENOENT' ? `${cmd}: command not found` : err.message,
        }));
        child.once('close', (code, signal) => resolve({ code, signal }));
    });
    // Output handlers may still be flushing; a caller's stdout consumer reports its own errors.
    await Promise.allSettled([outDone, errDone]);
    for (const line of tail.end())
        o.onLine?.(line);
    clearTimeout(deadline);
    clearTimeout(killTimer);
    o.signal.removeEventListener('abort', onAbort);
    return done({ ...exit, timedOut, aborted });
}
/** "exit 1", "killed by SIGTERM", "timed out after 900 s", "could not start: …". */
export function describeExit(r, timeoutMs) {
    if (r.spawnError)
        return `could not start: ${r.spawnError}`;
    if (r.timedOut)
        return `timed out after ${Math.round((timeoutMs ?? 0) / 1000)} s and was stopped`;
    if (r.aborted)
        return 'stopped (the bot is shutting down)';
    if (r.signal)
        return `killed by ${r.signal}`;
    return `exit ${r.code}`;
}
