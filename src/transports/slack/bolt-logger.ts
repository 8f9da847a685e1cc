import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

/** Bolt's logger interface on top of pino, so Bolt's own lines are JSON and scrubbed too. */
export function boltLogger(log: Logger): BoltLogger {
  let name = 'bolt';
  const child = log.child({ part: 'bolt' });
  const join = (msgs: unknown[]) =>
    msgs.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : safeJson(m))).join(' ');
  return {
    debug: (...m: unknown[]) => child.debug({ name }, join(m)),
    info: (...m: unknown[]) => child.info({ name }, join(m)),
    warn: (...m: unknown[]) => child.warn({ name }, join(m)),
    error: (...m: unknown[]) => child.error({ name }, join(m)),
    setLevel: () => {},
    getLevel: () => (child.isLevelEnabled('debug') ? LogLevel.DEBUG : LogLevel.INFO),
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
