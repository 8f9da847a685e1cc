#!/usr/bin/env node
import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  EXIT
} from "./chunks/chunk-FPWQEBDT.js";
import "./chunks/chunk-55LKJ45A.js";

// src/cli.ts
import { realpathSync } from "node:fs";
import { userInfo } from "node:os";
import { pathToFileURL } from "node:url";
var USAGE = `usage: ctx-ops <command> [args] [--env NAME] [--json]

  ctx-ops status [--env NAME|all] [--json]   check every component; exit 1 if any fails
  ctx-ops check <id> [--env NAME] [--json]   one check with every condition
  ctx-ops config [--json]                    validate the configuration and show what was read from where (offline)
  ctx-ops doctor [--json]                    the bot checks itself: tokens, scopes, channels, store, tools, clock
  ctx-ops shell                              the local prompt
  ctx-ops help                               every command

Exit codes: 0 nothing fails, 1 a check fails, 2 bad configuration or usage.`;
async function runCli(argv, env, io, app = {}) {
  const json = argv.includes("--json");
  const args = argv.filter((a) => a !== "--json");
  const [command] = args;
  if (!command || command === "--help" || command === "-h") {
    io.stdout.write(`${USAGE}
`);
    return command ? EXIT.ok : EXIT.config;
  }
  if (command === "config") {
    const { runConfigCommand } = await import("./chunks/config-command-6NYV2VGK.js");
    return runConfigCommand(env, io, { json, app });
  }
  if (command === "help") {
    const { helpFromList } = await import("./chunks/help-from-list-CW7OST7P.js");
    const code = helpFromList(env, io, USAGE);
    if (code !== void 0) return code;
  }
  const [{ boot }, { default: pino }] = await Promise.all([import("./chunks/startup-ZWH6ES62.js"), import("./chunks/pino-L3KDEYRO.js")]);
  const booted = boot(env, {
    cwd: io.cwd,
    stderr: io.stderr,
    logDestination: () => pino.destination({ fd: 2, sync: true }),
    // help reads only what is registered: no store (and no Postgres driver) for it.
    app: command === "help" ? { store: null, ...app } : app
  });
  if ("exitCode" in booted) return booted.exitCode;
  const { bot, config, redactor } = booted;
  try {
    const { toPlain, terminalConversation } = await import("./chunks/terminal-conversation-55AUP7BA.js");
    if (command === "shell") {
      const { runShell } = await import("./chunks/shell-3Y5BJKWK.js");
      await bot.start({ surface: "shell", slack: null });
      await runShell(bot, { input: io.stdin, output: io.stdout, interactive: Boolean(io.stdin.isTTY) });
      return EXIT.ok;
    }
    if (command === "help") {
      const { mentionVerbs, renderHelp } = await import("./chunks/help-3XMNRRD5.js");
      io.stdout.write(
        `${USAGE}

${toPlain(renderHelp(bot.router.handlers, config, void 0, mentionVerbs(bot.events)))}
`
      );
      return EXIT.ok;
    }
    const collected = [];
    const conversation = terminalConversation({
      write: (s) => io.stdout.write(s),
      redactor,
      mode: "cli",
      collect: json ? collected : void 0
    });
    const user = (() => {
      try {
        return userInfo().username;
      } catch {
        return "cli";
      }
    })();
    const text = args.map((a) => /\s/.test(a) ? `"${a}"` : a).join(" ");
    const outcome = await bot.router.dispatch({
      text,
      actor: { userId: `local:${user}`, userName: user },
      surface: "cli",
      conversation
    });
    if (json) {
      const payloads = collected.map((m) => m.json ?? { text: m.text });
      io.stdout.write(`${redactor.scrub(JSON.stringify(payloads.length === 1 ? payloads[0] : payloads, null, 2))}
`);
    }
    if (outcome.usageError) return EXIT.config;
    return outcome.status === "fail" ? EXIT.failing : EXIT.ok;
  } finally {
    await bot.close();
  }
}
function isMain() {
  if (!process.argv[1]) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}
if (isMain()) {
  const fatal = (err) => {
    process.stderr.write(`ctx-ops: unexpected error: ${err?.message ?? String(err)}
`);
    process.exit(1);
  };
  process.on("unhandledRejection", fatal);
  process.on("uncaughtException", fatal);
  runCli(process.argv.slice(2), process.env, {
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`ctx-ops: ${err.message}
`);
      process.exitCode = 1;
    }
  );
}
export {
  runCli
};
