import { createInterface } from 'node:readline';
import { userInfo } from 'node:os';
import type { BotApp } from '../app.js';
import { terminalConversation } from './terminal-conversation.js';

export interface ShellOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Show a prompt and a banner (a person at a terminal) or just answer (piped input). */
  interactive: boolean;
  banner?: string;
}

/**
 * A local prompt that works like the slash command, for trying the bot without Slack
 * (like Hubot's shell adapter). Lines are handled one at a time, in order.
 */
export async function runShell(bot: BotApp, opts: ShellOptions): Promise<void> {
  const write = (s: string) => opts.output.write(s);
  const rl = createInterface({ input: opts.input, output: opts.interactive ? opts.output : undefined, terminal: opts.interactive });
  const user = safeUser();
  const conversation = terminalConversation({ write, redactor: bot.core.redactor, mode: 'shell' });
  if (opts.banner) write(`${opts.banner}\n`);
  rl.setPrompt('ctx> ');
  if (opts.interactive) rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === 'exit' || text === 'quit' || text === '\\q') break;
    if (text) {
      await bot.router.dispatch({ text, actor: { userId: `local:${user}`, userName: user }, surface: 'shell', conversation });
    }
    if (opts.interactive) rl.prompt();
  }
  rl.close();
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'shell';
  }
}
