/** Bolt's logger interface on top of pino, so Bolt's own lines are JSON and scrubbed too. */
export function boltLogger(log, opts = {}) {
    let name = 'bolt';
    const child = log.child({ part: 'bolt' });
    const join = (msgs) => msgs.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : safeJson(m))).join(' ');
    const emit = (level, msgs) => {
        const text = join(msgs);
        opts.observe?.(level, text);
        child[opts.quiet ? 'debug' : level]({ name }, text);
    };
    return {
        debug: (...m) => emit('debug', m),
        info: (...m) => emit('info', m),
        warn: (...m) => emit('warn', m),
        error: (...m) => emit('error', m),
        setLevel: () => { },
        // Bolt's LogLevel values, without loading Bolt for one enum (the CLI never needs Bolt).
        getLevel: () => (child.isLevelEnabled('debug') ? 'debug' : 'info'),
        setName: (n) => {
            name = n;
        },
    };
}
function safeJson(v) {
    try {
        return JSON.stringify(v);
    }
    catch {
        return String(v);
    }
}
