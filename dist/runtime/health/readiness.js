/** Ready when every component is: the rule /readyz answers 200 or 503 by. */
export function decideReadiness(components) {
    const notReady = Object.entries(components)
        .filter(([, c]) => !c.ready)
        .map(([name]) => name);
    return { ready: notReady.length === 0, notReady, components };
}
/** A Slack connection's state in /readyz words (Socket Mode: the keeper's state; HTTP: listening once identified). */
export function slackComponent(info) {
    if (!info.identified)
        return { ready: false, detail: 'not connected to Slack yet (auth.test has not answered)' };
    if (info.mode === 'http')
        return { ready: true, detail: 'HTTP mode: serving /slack/events' };
    return info.socketState === 'connected'
        ? { ready: true, detail: 'Socket Mode: connected' }
        : { ready: false, detail: `Socket Mode: ${info.socketState ?? 'unknown'} (not connected)` };
}
