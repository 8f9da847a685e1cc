/**
 * How the bot process stops (SIGTERM from `docker stop` or Kubernetes, SIGINT from Ctrl-C):
 *
 *   1. the first signal starts the orderly stop the caller gives (no new commands from Slack,
 *      commands already received answered, running operations finished or marked interrupted
 *      with their thread told, leadership released, pools closed) and exits 0 when it is done;
 *   2. if that takes longer than the timeout (shutdown.timeoutSeconds), it exits 1: what was
 *      left is marked interrupted by the next start's recovery pass;
 *   3. a second signal exits at once (128 + the signal's number, as a shell reports it).
 */
export interface ShutdownOptions {
  /** The orderly stop. */
  stop: () => Promise<void>;
  timeoutMs: number;
  exit: (code: number) => void;
  /** One line for a person (stderr). */
  say: (line: string) => void;
}

const SIGNAL_NUMBER: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export interface Shutdown {
  /** Call on every signal received. */
  onSignal(signal: string): void;
  /** The exit code, once decided. */
  readonly exited: Promise<number>;
}

export function createShutdown(o: ShutdownOptions): Shutdown {
  let started = false;
  let decided = false;
  let timer: NodeJS.Timeout | undefined;
  let resolveExited!: (code: number) => void;
  const exited = new Promise<number>((r) => (resolveExited = r));
  const finish = (code: number) => {
    if (decided) return;
    decided = true;
    clearTimeout(timer);
    resolveExited(code);
    o.exit(code);
  };
  const seconds = Math.round(o.timeoutMs / 100) / 10;
  return {
    exited,
    onSignal(signal) {
      if (started) {
        o.say(`ctx-ops: second ${signal}: exiting now`);
        finish(128 + (SIGNAL_NUMBER[signal] ?? 15));
        return;
      }
      started = true;
      o.say(`ctx-ops: ${signal}: stopping (at most ${seconds} s; ${signal} again exits at once)`);
      timer = setTimeout(() => {
        o.say(`ctx-ops: did not stop within ${seconds} s; exiting (the next start marks what was left interrupted)`);
        finish(1);
      }, o.timeoutMs);
      timer.unref();
      o.stop().then(
        () => finish(0),
        (err: unknown) => {
          o.say(`ctx-ops: stopping failed: ${(err as Error)?.message ?? String(err)}`);
          finish(1);
        },
      );
    },
  };
}

/** Registers the handlers on the process; returns a function that removes them. */
export function installShutdown(
  proc: { on(e: string, f: (s: string) => void): unknown; off(e: string, f: (s: string) => void): unknown },
  o: ShutdownOptions,
): Shutdown & { uninstall(): void } {
  const s = createShutdown(o);
  const handler = (signal: string) => s.onSignal(signal);
  for (const sig of SHUTDOWN_SIGNALS) proc.on(sig, handler);
  return { ...s, uninstall: () => SHUTDOWN_SIGNALS.forEach((sig) => proc.off(sig, handler)) };
}

/**
 * Counts commands being handled, so a stop can let the ones that arrived before it finish
 * (their answers go out over Slack's Web API, which outlives the socket).
 */
export function trackInFlight<A extends unknown[], R>(
  target: { dispatch: (...args: A) => Promise<R> },
  now: () => number = Date.now,
): { count(): number; drain(ms: number): Promise<number> } {
  const original = target.dispatch.bind(target);
  const running = new Set<Promise<unknown>>();
  target.dispatch = (...args: A) => {
    const p = original(...args);
    const tracked = p.catch(() => {}).finally(() => running.delete(tracked));
    running.add(tracked);
    return p;
  };
  return {
    count: () => running.size,
    /** Waits for the commands in flight, at most `ms`; returns how many were still running. */
    async drain(ms) {
      const deadline = now() + ms;
      while (running.size > 0 && now() < deadline) {
        let t: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...running]),
          new Promise((r) => (t = setTimeout(r, Math.max(0, deadline - now())))),
        ]);
        clearTimeout(t);
      }
      return running.size;
    },
  };
}
