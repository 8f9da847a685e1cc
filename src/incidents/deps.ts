import type { Logger } from 'pino';
import type { Config } from '../config/types.js';
import type { Diagnostics } from '../diagnostics/runner.js';
import type { Actor, Surface } from '../contracts/chat.js';
import type { Catalog } from './runbooks/catalog.js';
import type { Engine } from './runbooks/engine.js';
import type { Incidents } from './incidents.js';
import type { Places } from './places.js';
import type { IncidentStore } from './store.js';

/** What the incident and runbook commands, buttons and mentions are built from. */
export interface RunbookDeps {
  config: Config;
  catalog: Catalog;
  diagnostics: Diagnostics;
  log: Logger;
  now(): Date;
  /** Null when the bot has no store: runbooks can be listed, but nothing can run. */
  live: { db: IncidentStore; engine: Engine; incidents: Incidents; places: Places } | null;
}

export const NO_STORE =
  "Incidents and runbooks keep their state in the bot's own Postgres schema, and no store is configured: set CTX_OPS_DATABASE_URL (or DATABASE_URL).";

/** The channel a request came from; the terminal is one channel of its own. */
export const channelOf = (actor: Actor, surface: Surface) => actor.channelId || (surface === 'slack' ? '' : 'terminal');
