import type { GaugeReaders, MetricsRecorder } from '../contracts/metrics.js';

/**
 * The recorder every part of the bot is given (core.metrics). It forwards to a sink once
 * one is attached (the Prometheus registry, when the health listener is on) and drops
 * everything before that, so the CLI and tests without a listener pay nothing. Gauge
 * readers are kept, so a sink attached late still reads them.
 */
export interface MetricsRelay extends MetricsRecorder {
  attach(sink: MetricsRecorder): void;
}

export function createMetricsRelay(): MetricsRelay {
  let sink: MetricsRecorder | null = null;
  const readers: Partial<GaugeReaders> = {};
  return {
    attach(s) {
      sink = s;
      for (const [name, read] of Object.entries(readers) as Array<[keyof GaugeReaders, never]>) s.gauge(name, read);
    },
    command: (name, outcome) => sink?.command(name, outcome),
    check: (e) => sink?.check(e),
    slackCall: (method, outcome) => sink?.slackCall(method, outcome),
    slackRateLimited: (method) => sink?.slackRateLimited(method),
    approval: (kind, outcome) => sink?.approval(kind, outcome),
    operation: (kind, outcome) => sink?.operation(kind, outcome),
    runbookSession: (runbook, event) => sink?.runbookSession(runbook, event),
    gauge(name, read) {
      (readers as Record<string, unknown>)[name] = read;
      sink?.gauge(name, read);
    },
  };
}
