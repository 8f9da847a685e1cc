export function createMetricsRelay() {
    let sink = null;
    const readers = {};
    return {
        attach(s) {
            sink = s;
            for (const [name, read] of Object.entries(readers))
                s.gauge(name, read);
        },
        command: (name, outcome) => sink?.command(name, outcome),
        check: (e) => sink?.check(e),
        slackCall: (method, outcome) => sink?.slackCall(method, outcome),
        slackRateLimited: (method) => sink?.slackRateLimited(method),
        approval: (kind, outcome) => sink?.approval(kind, outcome),
        operation: (kind, outcome) => sink?.operation(kind, outcome),
        runbookSession: (runbook, event) => sink?.runbookSession(runbook, event),
        gauge(name, read) {
            readers[name] = read;
            sink?.gauge(name, read);
        },
    };
}
