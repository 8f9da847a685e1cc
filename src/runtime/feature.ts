import type { Logger } from 'pino';
import type { Config } from '../config/types.js';
import type { Diagnostics } from '../diagnostics/runner.js';
import type { StatusReport } from '../contracts/checks.js';
import type { HttpClient } from '../diagnostics/http-client.js';
import type { ActionHandler, EventHandler, Handler, Surface } from '../contracts/chat.js';
import type { Redactor } from '../log/redactor.js';
import type { Store } from '../store/store.js';
import type { SlackApi } from '../slack/slack-api.js';
import type {
  BackupsInfo,
  DeliveryHealth,
  IncidentsInfo,
  LogsInfo,
  Outbox,
  SelfCheck,
  SlackConnectionInfo,
} from '../contracts/services.js';
import type { Approvals } from './guarded.js';
import type { MetricsRelay } from '../util/metrics.js';

/** What every feature is built from; created once in app.ts and passed down. */
export interface CoreServices {
  config: Config;
  log: Logger;
  redactor: Redactor;
  diagnostics: Diagnostics;
  /** Null when no database is configured for the bot's own schema. */
  store: Store | null;
  http: HttpClient;
  now(): Date;
  /** Every report produced on demand is announced here (history, App Home, alerts listen). */
  onReport(listener: (report: StatusReport) => void): void;
  publishReport(report: StatusReport): void;
  /**
   * Services one feature offers another, typed by ServiceMap (e.g. `services.get('approvals')`).
   * Features are built in the order of app/features.ts, so a feature finds what earlier ones
   * registered; use `get` lazily (at run time) when unsure.
   */
  services: ServiceRegistry;
  /** Counters and gauges for /metrics (docs/metrics.md); records nothing until a sink is attached. */
  metrics: MetricsRelay;
}

/**
 * The services one feature offers others, by name. A feature reaches another only through
 * these (and contracts/), never by importing it. Each is optional at run time: a consumer
 * must work (and say "not available") when the feature offering it is not in the bot.
 */
export interface ServiceMap {
  /** Guarded operations' approvals (operations), used by runbook action steps. */
  approvals: Approvals;
  /** The newest verified backup (operations), for the digest. */
  backups: BackupsInfo;
  /** Open incidents (incidents), for the digest. */
  incidents: IncidentsInfo;
  /** Component logs read and matched against signals (logs), for runbook steps and the digest. */
  logs: LogsInfo;
  /** Paced, retried channel posts (app/schedules.ts). */
  outbox: Outbox;
  /** What the bot could not post, and why (app/schedules.ts), for doctor, App Home, the digest. */
  delivery: DeliveryHealth;
  /** The bot's latest check of itself (doctor), for App Home. */
  selfCheck: SelfCheck;
  /** How the bot is connected to Slack (transports/slack), for doctor. */
  slackConnection: SlackConnectionInfo;
}

export interface ServiceRegistry {
  register<K extends keyof ServiceMap>(name: K, service: ServiceMap[K]): void;
  get<K extends keyof ServiceMap>(name: K): ServiceMap[K] | undefined;
}

export function createServiceRegistry(): ServiceRegistry {
  const map = new Map<keyof ServiceMap, unknown>();
  return {
    register(name, service) {
      if (map.has(name)) throw new Error(`service "${name}" is registered twice`);
      map.set(name, service);
    },
    get: <K extends keyof ServiceMap>(name: K) => map.get(name) as ServiceMap[K] | undefined,
  };
}

/** What a feature gets once a transport is up. */
export interface Runtime {
  surface: Surface;
  /** Present under Socket Mode and HTTP; null in the shell and the CLI. */
  slack: SlackApi | null;
}

/**
 * A slice of the bot: its commands, buttons, Slack events and background work. A new
 * capability is a feature factory added to src/features/index.ts.
 */
export interface Feature {
  name: string;
  handlers?: Handler[];
  actions?: ActionHandler[];
  /** Slack event type → handler (app_home_opened, app_mention, …). */
  events?: Record<string, EventHandler>;
  /** Starts background work (schedules, watch); runs once the transport is ready. */
  start?(rt: Runtime): Promise<void> | void;
  stop?(): Promise<void> | void;
}

export type FeatureFactory = (core: CoreServices) => Feature;
