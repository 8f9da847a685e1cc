import type { Logger } from 'pino';
import type { LogsConfig } from '../config/sections/logs.js';
import type { Redactor } from '../log/redactor.js';
import { createAccumulator, type LogAnalysis, type LogFilter } from './analyse.js';
import { createLogRedactor } from './redact.js';
import type { SignalCatalog } from './signals.js';
import { type LogSource, readBounded, SourceUnavailable, type StopReason } from './source.js';
import { createSource } from './sources/index.js';
import { defaultReadFile, type SourceDeps } from './sources/http.js';

export interface LogReadRequest {
  env: string;
  component: string;
  windowMs: number;
  /** End of the window (default now): a button replays the exact window it was shown. */
  until?: Date;
  filter?: LogFilter;
  /** Groups returned (default 5). */
  top?: number;
}

/** One read of one component's logs, as data: what was found, or why nothing could be read. */
export interface LogReport {
  env: string;
  component: string;
  since: Date;
  until: Date;
  /** Where the lines came from ("unix:/var/run/docker.sock"); absent when not configured. */
  source?: string;
  filter: LogFilter;
  analysis?: LogAnalysis;
  /** Why reading stopped before the window was read whole. */
  stopped?: StopReason;
  unavailable?: { message: string; fix?: string };
}

export interface LogReader {
  read(req: LogReadRequest): Promise<LogReport>;
  /** Components with signals (shipped or the team's), for help and validation. */
  components(): string[];
  catalog: SignalCatalog;
  configured(env: string): boolean;
}

export function createLogReader(opts: {
  config: LogsConfig;
  catalog: SignalCatalog;
  redactor: Redactor;
  log: Logger;
  now: () => Date;
  /** Tests give their own; default reads files and teaches the redactor every secret read. */
  deps?: SourceDeps;
}): LogReader {
  const { config, catalog, redactor } = opts;
  const deps: SourceDeps = opts.deps ?? {
    readFile: defaultReadFile,
    readSecretFile(path) {
      const v = defaultReadFile(path);
      redactor.add(v.trim());
      return v;
    },
  };
  const redact = createLogRedactor(redactor, { maskEmails: config.maskEmails });
  const sources = new Map<string, LogSource>();
  for (const [env, cfg] of Object.entries(config.sources)) {
    const s = createSource(cfg, deps);
    if (s) sources.set(env, s);
  }

  return {
    catalog,
    configured: (env) => sources.has(env),
    components: () => [...catalog.keys()],
    async read(req) {
      const until = req.until ?? opts.now();
      const since = new Date(until.getTime() - req.windowMs);
      const filter = req.filter ?? {};
      const base: LogReport = { env: req.env, component: req.component, since, until, filter };
      const source = sources.get(req.env);
      if (!source)
        return {
          ...base,
          unavailable: {
            message: `no log source is configured for ${req.env}`,
            fix: `add logs.sources.${req.env} (docker, loki or kubernetes) to ctx-ops.yml`,
          },
        };
      const acc = createAccumulator({ signals: catalog.get(req.component), filter, redact, top: req.top });
      try {
        const r = await readBounded(
          source,
          { env: req.env, component: req.component, since, until, maxLineBytes: config.maxLineBytes },
          { maxBytes: config.maxBytes, maxLines: config.maxLines, deadlineMs: config.deadlineSeconds * 1000 },
          (line) => acc.add(line),
        );
        return { ...base, source: source.describe(), analysis: acc.result(), stopped: r.stopped };
      } catch (err) {
        const e =
          err instanceof SourceUnavailable
            ? { message: redact(err.message), fix: err.fix }
            : { message: redact(`reading failed: ${(err as Error).message}`) };
        opts.log.warn(
          { env: req.env, component: req.component, source: source.kind, reason: e.message },
          'logs unavailable',
        );
        return { ...base, source: source.describe(), unavailable: e };
      }
    },
  };
}
