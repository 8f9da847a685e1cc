import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { GaugeReaders, LeaderRoleValue, MetricsRecorder } from '../../contracts/metrics.js';

export const LEADER_ROLES: readonly LeaderRoleValue[] = ['leader', 'degraded', 'follower', 'none'];

export interface PromMetrics extends MetricsRecorder {
  readonly registry: Registry;
  /** The Prometheus text exposition of every metric, gauges read now. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

/**
 * The bot's metrics in its own prom-client Registry (never the global one, so two bots in
 * one process, as in tests, never share counters). docs/metrics.md lists each of them.
 */
export function createPromMetrics(opts: { defaultMetrics?: boolean } = {}): PromMetrics {
  const registry = new Registry();
  if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'ctx_ops_' });
  const registers = [registry];
  const readers: Partial<GaugeReaders> = {};

  const commands = new Counter({
    name: 'ctx_ops_commands_total',
    help: 'Commands answered (Slack and the shell), by command and outcome (ok, warn, fail, usage, unknown, error).',
    labelNames: ['command', 'outcome'] as const,
    registers,
  });
  const checkDuration = new Histogram({
    name: 'ctx_ops_check_duration_seconds',
    help: 'How long each check ran (cached answers are not counted again), by check and environment.',
    labelNames: ['check', 'environment'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const checkResults = new Counter({
    name: 'ctx_ops_check_results_total',
    help: 'Check results, by check, environment and status (ok, warn, fail, skip).',
    labelNames: ['check', 'environment', 'status'] as const,
    registers,
  });
  const slackCalls = new Counter({
    name: 'ctx_ops_slack_api_calls_total',
    help: 'Slack Web API calls made by the bot, by method and outcome (ok, error, rate_limited).',
    labelNames: ['method', 'outcome'] as const,
    registers,
  });
  const slackErrors = new Counter({
    name: 'ctx_ops_slack_api_errors_total',
    help: 'Slack Web API calls that failed (refused, network, or given up after a 429), by method.',
    labelNames: ['method'] as const,
    registers,
  });
  const slack429 = new Counter({
    name: 'ctx_ops_slack_rate_limited_total',
    help: 'HTTP 429 answers from Slack, by method, including those waited out and retried.',
    labelNames: ['method'] as const,
    registers,
  });
  const approvals = new Counter({
    name: 'ctx_ops_approvals_total',
    help: 'Guarded-action approvals, by kind and outcome (requested, confirmed, cancelled, expired).',
    labelNames: ['kind', 'outcome'] as const,
    registers,
  });
  const operations = new Counter({
    name: 'ctx_ops_operations_total',
    help: 'Guarded operations that ended, by kind and outcome (succeeded, failed, interrupted).',
    labelNames: ['kind', 'outcome'] as const,
    registers,
  });
  const sessions = new Counter({
    name: 'ctx_ops_runbook_sessions_total',
    help: 'Runbook sessions, by runbook and event (started, finished, abandoned).',
    labelNames: ['runbook', 'event'] as const,
    registers,
  });
  new Gauge({
    name: 'ctx_ops_runbook_sessions_active',
    help: 'Runbook sessions active now (read from the store at scrape; absent when it cannot be read).',
    registers,
    async collect() {
      this.reset();
      const n = await readers.runbookSessionsActive?.();
      if (typeof n === 'number') this.set(n);
    },
  });
  new Gauge({
    name: 'ctx_ops_outbox_pending',
    help: "Posts and updates waiting in this replica's outbox.",
    registers,
    collect() {
      this.set(readers.outboxPending?.() ?? 0);
    },
  });
  new Gauge({
    name: 'ctx_ops_outbox_oldest_age_seconds',
    help: 'How long the oldest write in the outbox has waited (0 when it is empty).',
    registers,
    collect() {
      this.set(readers.outboxOldestAgeSeconds?.() ?? 0);
    },
  });
  new Gauge({
    name: 'ctx_ops_leader',
    help: "This replica's part in the leader election: 1 for its role (leader, degraded, follower, none), 0 for the others.",
    labelNames: ['role'] as const,
    registers,
    collect() {
      const role = readers.leaderRole?.() ?? 'none';
      for (const r of LEADER_ROLES) this.set({ role: r }, r === role ? 1 : 0);
    },
  });

  return {
    registry,
    command: (command, outcome) => commands.inc({ command, outcome }),
    check({ check, environment, status, durationMs }) {
      checkDuration.observe({ check, environment }, durationMs / 1000);
      checkResults.inc({ check, environment, status });
    },
    slackCall(method, outcome) {
      slackCalls.inc({ method, outcome });
      if (outcome !== 'ok') slackErrors.inc({ method });
    },
    slackRateLimited: (method) => slack429.inc({ method }),
    approval: (kind, outcome) => approvals.inc({ kind, outcome }),
    operation: (kind, outcome) => operations.inc({ kind, outcome }),
    runbookSession: (runbook, event) => sessions.inc({ runbook, event }),
    gauge(name, read) {
      (readers as Record<string, unknown>)[name] = read;
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
