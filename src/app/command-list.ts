import type { HelpEntry } from '../contracts/chat.js';
import type { BotApp } from './app.js';
import { mentionVerbs, type Listed } from './help.js';

/**
 * Every command and mention verb the bot registers, as data: what `ctx-ops help` prints. The
 * build writes it to dist/commands.json from the built bot itself (scripts/dist.mjs), so the
 * built `ctx-ops help` prints the registered commands without building every feature (which
 * was half of its start-up); from src/ help always asks the live bot.
 */
export interface CommandList {
  commands: Listed[];
  mentions: HelpEntry[];
}

export function commandList(bot: Pick<BotApp, 'router' | 'events'>): CommandList {
  const entry = (e: HelpEntry): HelpEntry => ({ usage: e.usage, summary: e.summary });
  return {
    commands: bot.router.handlers.map((h) => ({
      usage: h.usage,
      summary: h.summary,
      ...(h.hidden ? { hidden: true } : {}),
      ...(h.subcommands?.length ? { subcommands: h.subcommands.map(entry) } : {}),
    })),
    mentions: mentionVerbs(bot.events).map(entry),
  };
}
