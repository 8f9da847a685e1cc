/** One part the bot needs to serve commands, as /readyz reports it. */
export interface ComponentState {
  ready: boolean;
  /** In words, for whoever reads the probe's body: what is wrong, or what it is. */
  detail: string;
}

export interface Readiness {
  ready: boolean;
  /** The names of the parts that are not ready, in the order they were asked. */
  notReady: string[];
  components: Record<string, ComponentState>;
}

/** Ready when every component is: the rule /readyz answers 200 or 503 by. */
export function decideReadiness(components: Record<string, ComponentState>): Readiness {
  const notReady = Object.entries(components)
    .filter(([, c]) => !c.ready)
    .map(([name]) => name);
  return { ready: notReady.length === 0, notReady, components };
}

/** A Slack connection's state in /readyz words (Socket Mode: the keeper's state; HTTP: listening once identified). */
export function slackComponent(info: {
  mode: 'socket' | 'http';
  identified: boolean;
  socketState?: string;
}): ComponentState {
  if (!info.identified) return { ready: false, detail: 'not connected to Slack yet (auth.test has not answered)' };
  if (info.mode === 'http') return { ready: true, detail: 'HTTP mode: serving /slack/events' };
  return info.socketState === 'connected'
    ? { ready: true, detail: 'Socket Mode: connected' }
    : { ready: false, detail: `Socket Mode: ${info.socketState ?? 'unknown'} (not connected)` };
}
