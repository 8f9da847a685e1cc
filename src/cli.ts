#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { userInfo } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { BotAppOptions } from './app/app.js';
import type { OutMessage } from './contracts/chat.js';
import { EXIT } from './app/exit-codes.js';

// Everything else is imported where a command needs it (`await import()`): `ctx-ops help`
// and `ctx-ops config` never load Bolt, pg, undici or the graph drivers, and a status
// loads only what its checks use (see bench/cli.bench.ts).

const USAGE = `usage: ctx-ops <command> [args] [--env NAME] [--json]

  ctx-ops status [--env NAME|all] [--json]   check every component; exit 1 if any fails
  ctx-ops check <id> [--env NAME] [--json]   one check with every condition
  ctx-ops config [--json]                    validate the configuration and show what was read from where (offline)
  ctx-ops doctor [--json]                    the bot checks itself: tokens, scopes, channels, store, tools, clock
  ctx-ops shell                              the local prompt
  ctx-ops help                               every command

Exit codes: 0 nothing fails, 1 a check fails, 2 bad configuration or usage.`;

/**
 * The same handlers as Slack, for scripts, cron and CI. `--json` prints the
 * machine-readable form; without it the output is the shell's text.
 */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined>,
  io: {
    cwd: string;
    stdin: NodeJS.ReadableStream & { isTTY?: boolean };
    stdout: NodeJS.WritableStream;
    stderr: NodeJS.WritableStream;
  },
  app: Partial<BotAppOptions> = {},
): Promise<number> {
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  const [command] = args;
  if (!command || command === '--help' || command === '-h') {
    io.stdout.write(`${USAGE}\n`);
    return command ? EXIT.ok : EXIT.config;
  }
  // `config` reports what was read also when the configuration is invalid, so it runs before boot.
  if (command === 'config') {
    const { runConfigCommand } = await import('./app/config-command.js');
    return runConfigCommand(env, io, { json, app });
  }
  if (command === 'help') {
    // The built program lists its commands from dist/commands.json without building the bot.
    const { helpFromList } = await import('./app/help-from-list.js');
    const code = helpFromList(env, io, USAGE);
    if (code !== undefined) return code;
  }
  const [{ boot }, { default: pino }] = await Promise.all([import('./app/startup.js'), import('pino')]);
  const booted = boot(env, {
    cwd: io.cwd,
    stderr: io.stderr,
    logDestination: () => pino.destination({ fd: 2, sync: true }),
    // help reads only what is registered: no store (and no Postgres driver) for it.
    app: command === 'help' ? { store: null, ...app } : app,
  });
  if ('exitCode' in booted) return booted.exitCode;
  const { bot, config, redactor } = booted;
  try {
    const { toPlain, terminalConversation } = await import('./transports/terminal-conversation.js');
    if (command === 'shell') {
      const { runShell } = await import('./transports/shell.js');
      await bot.start({ surface: 'shell', slack: null });
      await runShell(bot, { input: io.stdin, output: io.stdout, interactive: Boolean(io.stdin.isTTY) });
      return EXIT.ok;
    }
    if (command === 'help') {
      const { mentionVerbs, renderHelp } = await import('./app/help.js');
      io.stdout.write(
        `${USAGE}\n\n${toPlain(renderHelp(bot.router.handlers, config, undefined, mentionVerbs(bot.events)))}\n`,
      );
      return EXIT.ok;
    }
    const collected: OutMessage[] = [];
    const conversation = terminalConversation({
      write: (s) => io.stdout.write(s),
      redactor,
      mode: 'cli',
      collect: json ? collected : undefined,
    });
    const user = (() => {
      try {
        return userInfo().username;
      } catch {
        return 'cli';
      }
    })();
    const text = args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ');
    const outcome = await bot.router.dispatch({
      text,
      actor: { userId: `local:${user}`, userName: user },
      surface: 'cli',
      conversation,
    });
    if (json) {
      const payloads = collected.map((m) => m.json ?? { text: m.text });
      io.stdout.write(`${redactor.scrub(JSON.stringify(payloads.length === 1 ? payloads[0] : payloads, null, 2))}\n`);
    }
    if (outcome.usageError) return EXIT.config;
    return outcome.status === 'fail' ? EXIT.failing : EXIT.ok;
  } finally {
    await bot.close();
  }
}

function isMain(): boolean {
  if (!process.argv[1]) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  // Whatever escapes: one line, not a stack trace.
  const fatal = (err: unknown) => {
    process.stderr.write(`ctx-ops: unexpected error: ${(err as Error)?.message ?? String(err)}\n`);
    process.exit(1);
  };
  process.on('unhandledRejection', fatal);
  process.on('uncaughtException', fatal);
  runCli(process.argv.slice(2), process.env, {
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`ctx-ops: ${(err as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
