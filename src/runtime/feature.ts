import type { Logger } from 'pino';
import type { Config } from '../config/types.js';
import type { Diagnostics } from '../diagnostics/runner.js';
import type { StatusReport } from '../contracts/checks.js';
import type { HttpClient } from '../diagnostics/http-client.js';
import type { ActionHandler, EventHandler, Handler, Surface } from '../contracts/chat.js';
import type { Redactor } from '../log/redactor.js';
import type { Store } from '../store/store.js';
import type { SlackApi } from '../slack/slack-api.js';

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
   * Services one feature offers another (e.g. "approvals" from operations, used by runbooks;
   * "outbox" from schedules). Features are built in the order of features/index.ts, so a
   * feature finds what earlier ones registered; use `get` lazily (at run time) when unsure.
   */
  services: ServiceRegistry;
}

export interface ServiceRegistry {
  register<T>(name: string, service: T): void;
  get<T>(name: string): T | undefined;
}

export function createServiceRegistry(): ServiceRegistry {
  const map = new Map<string, unknown>();
  return {
    register(name, service) {
      if (map.has(name)) throw new Error(`service "${name}" is registered twice`);
      map.set(name, service);
    },
    get: <T>(name: string) => map.get(name) as T | undefined,
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
