import type { Logger } from 'pino';
import type { Config } from './config/types.js';
import type { Diagnostics } from './diagnostics/runner.js';
import type { StatusReport } from './diagnostics/types.js';
import type { HttpClient } from './diagnostics/http-client.js';
import type { ActionHandler, EventHandler, Handler, Surface } from './handlers/types.js';
import type { Redactor } from './log/redactor.js';
import type { Store } from './store/store.js';
import type { SlackApi } from './transports/slack/slack-api.js';

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
