import type { Logger } from 'pino';
import type { Redactor } from '../log/redactor.js';
import type { Actor, CommandRequest, Conversation, Handler, HandlerOutcome, Surface } from '../contracts/chat.js';
import type { CommandOutcome, MetricsRecorder } from '../contracts/metrics.js';
import { escapeMrkdwn } from '../ui/blocks.js';
import { userWord } from '../ui/user-text.js';
import { closest, tokenize } from '../util/tokenize.js';

export interface Router {
  readonly handlers: readonly Handler[];
  find(name: string): Handler | undefined;
  /** Runs `/ctx <text>`; unknown or empty commands get help. Never throws. */
  dispatch(input: {
    text: string;
    actor: Actor;
    surface: Surface;
    conversation: Conversation;
  }): Promise<HandlerOutcome>;
}

export function createRouter(opts: {
  handlers: readonly Handler[];
  help: (req: CommandRequest, note?: string) => Promise<HandlerOutcome | void>;
  log: Logger;
  redactor: Redactor;
  metrics?: MetricsRecorder;
}): Router {
  const table = new Map<string, Handler>();
  for (const h of opts.handlers) {
    for (const name of [h.name, ...(h.aliases ?? [])]) {
      if (table.has(name)) throw new Error(`two commands are called "${name}"`);
      table.set(name, h);
    }
  }
  return {
    handlers: opts.handlers,
    find: (name) => table.get(name.toLowerCase()),
    async dispatch({ text, actor, surface, conversation }) {
      const words = tokenize(text.trim().replace(/^\/?ctx\s*/i, ''));
      const name = (words[0] ?? '').toLowerCase();
      const req: CommandRequest = { name, args: words.slice(1), text, actor, surface, conversation };
      const handler = table.get(name);
      const log = opts.log.child({ command: name || 'help', user: actor.userId, surface });
      // Counted by the handler's own name (an alias counts as its command); unknown words are not labels.
      const count = (outcome: CommandOutcome) => opts.metrics?.command(handler?.name ?? 'help', outcome);
      try {
        if (!handler) {
          if (!name) {
            const shown = (await opts.help(req)) ?? {};
            count('ok');
            return shown;
          }
          const guess = closest(name, [...table.keys()]);
          await opts.help(req, `Unknown command ${userWord(name)}.${guess ? ` Did you mean \`${guess}\`?` : ''}`);
          count('unknown');
          return { usageError: true };
        }
        const started = performance.now();
        const outcome = (await handler.run(req)) ?? {};
        if (outcome.usageProblem) {
          await conversation.ephemeral({
            text: `${outcome.usageProblem}. Usage: \`/ctx ${escapeMrkdwn(handler.usage)}\``,
          });
          count('usage');
          return { ...outcome, usageError: true };
        }
        count(
          outcome.usageError ? 'usage' : outcome.status === 'warn' || outcome.status === 'fail' ? outcome.status : 'ok',
        );
        log.info({ durationMs: Math.round(performance.now() - started), status: outcome.status }, 'command handled');
        return outcome;
      } catch (err) {
        log.error({ err }, 'command failed');
        count('error');
        const message = opts.redactor.scrub((err as Error)?.message ?? String(err));
        await conversation
          .ephemeral({ text: `⚠️ \`/ctx ${name}\` failed: ${message}` })
          .catch((e) => log.warn({ err: e }, 'could not report the failure'));
        return { status: 'fail' };
      }
    },
  };
}
