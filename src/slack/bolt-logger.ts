import type { LogLevel, Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

export interface BoltLoggerOptions {
  /**
   * Everything at debug: for the Socket Mode client and start-up probes, whose failures
   * ctx-ops reports itself, once and in words (their own lines would repeat every retry).
   */
  quiet?: boolean;
  /** Sees every line before it is logged (the HTTP receiver's refusals are counted from here). */
  observe?: (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;
}

/** Bolt's logger interface on top of pino, so Bolt's own lines are JSON and scrubbed too. */
export function boltLogger(log: Logger, opts: BoltLoggerOptions = {}): BoltLogger {
  let name = 'bolt';
  const child = log.child({ part: 'bolt' });
  const join = (msgs: unknown[]) =>
    msgs.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : safeJson(m))).join(' ');
  const emit = (level: 'debug' | 'info' | 'warn' | 'error', msgs: unknown[]) => {
    const text = join(msgs);
    opts.observe?.(level, text);
    child[opts.quiet ? 'debug' : level]({ name }, text);
  };
  return {
    debug: (...m: unknown[]) => emit('debug', m),
    info: (...m: unknown[]) => emit('info', m),
    warn: (...m: unknown[]) => emit('warn', m),
    error: (...m: unknown[]) => emit('error', m),
    setLevel: () => {},
    // Bolt's LogLevel values, without loading Bolt for one enum (the CLI never needs Bolt).
    getLevel: () => (child.isLevelEnabled('debug') ? 'debug' : 'info') as LogLevel,
    setName: (n: string) => {
      name = n;
    },
  };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
