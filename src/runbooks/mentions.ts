import type { EventHandler, EventRequest } from '../handlers/types.js';
import { NO_STORE, type RunbookDeps } from './deps.js';

/** Strips the leading `<@U…>` mentions (the bot's, and any before it) from a message. */
export function stripMentions(text: string): string {
  return text.replace(/^\s*(?:<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*)+/i, '').trim();
}

export const MENTION_HELP =
  'In an incident or runbook thread: `@ctx-ops status` · `@ctx-ops next` (the current step again) · `@ctx-ops note <text>` · `@ctx-ops skip <reason>` · `@ctx-ops stop` (the runbook) · `@ctx-ops close [summary]` (the incident)';

/**
 * `@ctx-ops <command>` in a thread: the thread says which incident or runbook is meant.
 * Answers go into the same thread (the transport's conversation replies there).
 */
export function createMentionHandler(deps: RunbookDeps): EventHandler {
  return async (req: EventRequest) => {
    const e = req.event as { text?: string; channel?: string; ts?: string; thread_ts?: string; bot_id?: string; subtype?: string };
    if (e.bot_id || e.subtype || !e.channel || !e.ts) return;
    const live = deps.live;
    const [word = '', ...rest] = stripMentions(e.text ?? '').split(/\s+/);
    const command = word.toLowerCase();
    const argText = rest.join(' ').trim();
    const reply = (text: string) => req.conversation.ephemeral({ text });
    if (!live) return void (await reply(NO_STORE));
    const threadTs = e.thread_ts ?? e.ts;
    const place = await live.places.byThread(e.channel, threadTs, 'slack');
    const thread = { channel: e.channel, ts: threadTs };
    const session = place.sessions[0];

    switch (command) {
      case 'status': {
        const env = place.incident?.env ?? session?.env ?? deps.config.defaultEnvironment;
        await live.incidents.status({ place, env, actor: req.actor, conversation: req.conversation, thread });
        return;
      }
      case 'next': {
        if (!session) return void (await reply('No runbook is running in this thread. Start one with the buttons on the incident, or `/ctx runbook <id>`.'));
        const said = await live.engine.next({ session, conversation: req.conversation });
        if (said) await reply(said);
        return;
      }
      case 'note':
        if (!argText) return void (await reply('What should the note say? `@ctx-ops note <text>`'));
        await reply(await live.incidents.note({ place, actor: req.actor, text: argText }));
        return;
      case 'skip': {
        if (!argText) return void (await reply('Skipping needs a reason: `@ctx-ops skip <reason>`'));
        const out = await live.engine.skipWithReason({ sessions: place.sessions, actor: req.actor, reason: argText, conversation: req.conversation });
        if (!out.ok) await reply(out.message);
        return;
      }
      case 'stop':
        if (!session) return void (await reply('No runbook is running in this thread.'));
        await live.engine.stop({ session, actor: req.actor, conversation: req.conversation });
        return;
      case 'close': {
        if (!place.incident) return void (await reply('There is no open incident in this thread.'));
        const out = await live.incidents.close({ incident: place.incident, actor: req.actor, summary: argText || null, conversation: req.conversation });
        if (!out.ok) await reply(out.message);
        return;
      }
      default:
        await reply(`${command ? `I do not know \`${command}\`. ` : ''}${MENTION_HELP}`);
    }
  };
}
