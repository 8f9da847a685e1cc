#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { boot, describeEnvironments, type Booted } from './app/startup.js';
import type { HealthOptions } from './runtime/health/health.js';
import { runShell } from './transports/shell.js';
import { SlackStartError } from './transports/slack/start-checks.js';
import { createSlackTransport } from './transports/slack/transport.js';
import { installShutdown, trackInFlight } from './runtime/lifecycle.js';
import { applyBotMemoryPolicy } from './runtime/memory-policy.js';

export interface RunningBot {
  stop(): Promise<void>;
  /** HTTP mode: the port Slack's requests are served on. */
  port?: number;
  /** shutdown.timeoutSeconds: how long a stop may take before the process exits anyway. */
  shutdownTimeoutMs: number;
  /** Masks every configured secret in a line for the terminal. */
  scrub?: (s: string) => string;
  /** The health and metrics listener's port (/healthz, /readyz, /metrics), when it is on. */
  healthPort?: number;
}

/** The health and metrics listener, loaded only when health.port is not 0 (the one-shot CLI never loads it). */
async function startHealth(booted: Booted, opts: HealthOptions) {
  if (booted.config.health.port === 0) return null;
  const { startHealth: start } = await import('./runtime/health/health.js');
  return start(booted.bot.core, opts);
}

/**
 * Starts ctx-ops the way `npm start` does: Socket Mode when SLACK_BOT_TOKEN and
 * SLACK_APP_TOKEN are set, HTTP when SLACK_SIGNING_SECRET is, otherwise a local shell.
 */
export async function startBot(
  env: Record<string, string | undefined>,
  io: {
    cwd: string;
    stdin: NodeJS.ReadableStream & { isTTY?: boolean };
    stdout: NodeJS.WritableStream;
    stderr: NodeJS.WritableStream;
    /** The local shell is running: how to stop it (main installs the signal handlers with it). */
    onShellStart?: (running: RunningBot) => void;
  },
): Promise<RunningBot | { exitCode: number }> {
  const booted = boot(env, {
    cwd: io.cwd,
    stderr: io.stderr,
    // In the shell, answers own stdout; logs go to stderr.
    logDestination: (c) => (c.slack.mode === 'shell' ? pino.destination({ fd: 2, sync: true }) : undefined),
  });
  if ('exitCode' in booted) return booted;
  const { config, bot, log } = booted;

  if (config.slack.mode === 'shell') {
    const interactive = Boolean(io.stdin.isTTY);
    await bot.start({ surface: 'shell', slack: null });
    let shellRunning = true;
    const health = await startHealth(booted, { surface: 'shell', shellRunning: () => shellRunning });
    io.onShellStart?.({
      stop: async () => {
        shellRunning = false;
        await bot.close();
        await health?.close();
      },
      shutdownTimeoutMs: config.shutdown.timeoutSeconds * 1000,
      scrub: booted.redactor.scrub,
      ...(health ? { healthPort: health.port } : {}),
    });
    await runShell(bot, {
      input: io.stdin,
      output: io.stdout,
      interactive,
      banner: interactive
        ? [
            'ctx-ops local shell: no Slack tokens are set, so commands run here (see README, "Slack app").',
            ...describeEnvironments(config),
            'Type `status`, `check <id>`, `help`; Ctrl-D or `exit` to leave.',
          ].join('\n')
        : undefined,
    });
    shellRunning = false;
    await health?.close();
    await bot.close();
    return { exitCode: 0 };
  }

  // Commands that arrived before a stop are answered before the pools close.
  const inFlight = trackInFlight(bot.router);
  const shutdownTimeoutMs = config.shutdown.timeoutSeconds * 1000;
  const transport = createSlackTransport(bot, config.slack);
  let server: Awaited<ReturnType<typeof transport.start>>;
  try {
    server = await transport.start();
    await bot.start({ surface: 'slack', slack: transport.slack });
  } catch (err) {
    // One line a person can act on; the stack only at LOG_LEVEL=debug.
    const known = err instanceof SlackStartError;
    io.stderr.write(
      `ctx-ops: ${booted.redactor.scrub(known ? err.message : `could not start: ${(err as Error)?.message ?? String(err)}`)}\n`,
    );
    log.debug({ err }, 'start-up failed');
    await transport.stop().catch(() => {});
    await bot.close().catch(() => {});
    return { exitCode: known ? err.exitCode : 1 };
  }
  const health = await startHealth(booted, { surface: 'slack' });
  const address = server?.address();
  const port = address && typeof address === 'object' ? address.port : undefined;
  log.info(
    { mode: config.slack.mode, port, environments: config.environments.map((e) => e.name) },
    'ctx-ops is connected to Slack',
  );
  let stopping: Promise<void> | undefined;
  return {
    port,
    ...(health ? { healthPort: health.port } : {}),
    shutdownTimeoutMs,
    scrub: booted.redactor.scrub,
    stop: () =>
      (stopping ??= (async () => {
        // No new commands; then the ones in flight (half the time at most); then running
        // operations are stopped and marked interrupted, leadership released, pools closed.
        // The health listener closes last, so probes see the process alive while it drains.
        await transport.stop().catch((err) => log.warn({ err }, 'slack transport did not stop cleanly'));
        const left = await inFlight.drain(shutdownTimeoutMs / 2);
        if (left) log.warn({ commands: left }, 'commands still running at shutdown');
        await bot.close();
        await health?.close();
        log.info('ctx-ops stopped');
      })()),
  };
}

async function main() {
  applyBotMemoryPolicy();
  const onSignals = (running: RunningBot) =>
    installShutdown(process, {
      stop: running.stop,
      timeoutMs: running.shutdownTimeoutMs,
      exit: (code) => process.exit(code),
      say: (line) => process.stderr.write(`${running.scrub ? running.scrub(line) : line}\n`),
    });
  const running = await startBot(process.env, {
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    onShellStart: onSignals,
  });
  if ('exitCode' in running) {
    process.exitCode = running.exitCode;
    // Whatever still holds the event loop (a keep-alive socket) must not keep a failed start alive.
    setTimeout(() => process.exit(running.exitCode), 2_000).unref();
    return;
  }
  onSignals(running);
}

/** Anything unexpected: one line on stderr (the stack only at LOG_LEVEL=debug), exit 1. */
function fatal(what: string, err: unknown): never {
  const e = err as Error | undefined;
  process.stderr.write(`ctx-ops: ${what}: ${e?.message ?? String(err)}\n`);
  if (/^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '') && e?.stack) process.stderr.write(`${e.stack}\n`);
  process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.on('unhandledRejection', (err) => fatal('unexpected error', err));
  process.on('uncaughtException', (err) => fatal('unexpected error', err));
  main().catch((err) => fatal('could not start', err));
}
