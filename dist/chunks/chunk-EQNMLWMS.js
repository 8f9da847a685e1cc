import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  createButtonBook,
  terminalConversation
} from "./chunk-ONFC4JGS.js";

// src/transports/shell.ts
import { createInterface } from "node:readline";
import { userInfo } from "node:os";
async function runShell(bot, opts) {
  const write = (s) => opts.output.write(s);
  const rl = createInterface({
    input: opts.input,
    output: opts.interactive ? opts.output : void 0,
    terminal: opts.interactive
  });
  const user = safeUser();
  const actor = opts.actor ?? { userId: `local:${user}`, userName: user };
  const buttons = createButtonBook();
  const conversation = terminalConversation({ write, redactor: bot.core.redactor, mode: "shell", buttons });
  if (opts.banner) write(`${opts.banner}
`);
  rl.setPrompt("ctx> ");
  if (opts.interactive) rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === "exit" || text === "quit" || text === "\\q") break;
    const press = /^(?:(?:click|press)\s+)?(\d+)$/.exec(text);
    if (press) {
      const b = buttons.get(Number(press[1]));
      const handler = b && bot.actions.get(b.actionId);
      if (!b || !handler) write(`no button [${press[1]}]
`);
      else {
        try {
          await handler.run({
            actionId: b.actionId,
            value: b.value,
            actor,
            message: b.message,
            conversation,
            surface: "shell"
          });
        } catch (err) {
          write(bot.core.redactor.scrub(`\u26A0\uFE0F That did not work: ${err.message}
`));
        }
      }
    } else if (text) {
      await bot.router.dispatch({ text, actor, surface: "shell", conversation });
    }
    if (opts.interactive) rl.prompt();
  }
  rl.close();
}
function safeUser() {
  try {
    return userInfo().username;
  } catch {
    return "shell";
  }
}

export {
  runShell
};
