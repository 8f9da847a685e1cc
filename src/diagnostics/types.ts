import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Environment } from '../config/types.js';
import type { HttpClient } from './http-client.js';
import type { PgAccess } from '../postgres/pg-access.js';
import type { Store } from '../store/store.js';
import type { CheckOutcome } from '../contracts/checks.js';

export interface CheckContext<O = Record<string, unknown>> {
  env: Environment;
  /** This check's options from `checks.<id>` in ctx-ops.yml, defaults applied. */
  options: O & { timeoutMs: number };
  log: Logger;
  http: HttpClient;
  /** Null when the environment has no DATABASE_URL. */
  pg: PgAccess | null;
  /** The bot's own store, when one is configured (fingerprints, history). */
  store: Store | null;
  now(): Date;
}

export interface Check<O = any> {
  id: string;
  /** Human name shown beside the status emoji. */
  title: string;
  dependsOn: string[];
  /**
   * Checks whose failure would likely explain this one's, with the reason: not a dependency
   * of every path (the backend's /.status works without Postgres), so they are named as the
   * cause only when this check fails in a way they can cause (its outcome is not
   * `independent`) and they fail themselves. They run along when this check is asked for.
   */
  likelyCauses?: Readonly<Record<string, string>>;
  /** Extra keys accepted under `checks.<id>` in ctx-ops.yml, with their defaults. */
  options?: z.ZodRawShape;
  run(ctx: CheckContext<O>, signal: AbortSignal): Promise<CheckOutcome>;
}
