import type { Config } from '../config/types.js';
import { context, escapeMrkdwn, md } from '../ui/blocks.js';
import { chunkLines, fitBlocks } from '../ui/limits.js';
import { mrkdwnToPlain, plainTable } from '../ui/plain-text.js';
import type {
  CommandRequest,
  EventHandler,
  Handler,
  HandlerOutcome,
  HelpEntry,
  OutMessage,
} from '../contracts/chat.js';

/** The verbs of every registered app_mention handler. */
export function mentionVerbs(events: ReadonlyMap<string, readonly EventHandler[]>): HelpEntry[] {
  return (events.get('app_mention') ?? []).flatMap((h) => [...(h.verbs ?? [])]);
}

/**
 * Help is built from what is registered: every command, each of its subcommands, and the
 * verbs the mention handler answers. A new command (or verb) appears here by existing.
 */
/** What help shows of a command: everything but how it runs (see command-list.ts). */
export type Listed = Pick<Handler, 'usage' | 'summary' | 'hidden' | 'subcommands'>;

export function renderHelp(
  handlers: readonly Listed[],
  config: Pick<Config, 'environments' | 'defaultEnvironment'>,
  note?: string,
  mentions: readonly HelpEntry[] = [],
): OutMessage {
  const visible = handlers.filter((h) => !h.hidden);
  const envs = config.environments
    .map((e) => (e.name === config.defaultEnvironment ? `${e.name} (default)` : e.name))
    .join(', ');
  // Usages hold <placeholders>: escaped, or Slack would read them as links.
  const line = (prefix: string, e: HelpEntry) => `\`${prefix}${escapeMrkdwn(e.usage)}\`  ${escapeMrkdwn(e.summary)}`;
  const commandLines = visible.flatMap((h) => [
    line('/ctx ', h),
    ...(h.subcommands ?? []).map((s) => `   ↳ ${line('/ctx ', s)}`),
  ]);
  const mentionLines = mentions.map((m) => line('@ctx-ops ', m));
  const blocks = fitBlocks([
    ...(note ? [md(`⚠️ ${note}`)] : []),
    ...chunkLines(['*ctx-ops* keeps watch over your ctx| deployment. Commands:', ...commandLines]).map(md),
    ...(mentionLines.length
      ? chunkLines(['*In an incident or runbook thread*, mention the bot:', ...mentionLines]).map(md)
      : []),
    context(`Environments: ${envs || 'none configured'}`),
  ]);
  const rows = visible.flatMap((h) => [
    [h.usage, h.summary],
    ...(h.subcommands ?? []).map((s) => [`  ${s.usage}`, s.summary]),
  ]);
  const plain = [
    ...(note ? [`⚠ ${mrkdwnToPlain(note)}`, ''] : []),
    'ctx-ops commands (type them with or without /ctx):',
    plainTable(rows, { indent: 2 }),
    ...(mentions.length
      ? [
          '',
          'In Slack, in an incident or runbook thread, mention the bot:',
          plainTable(
            mentions.map((m) => [`@ctx-ops ${m.usage}`, m.summary]),
            { indent: 2 },
          ),
        ]
      : []),
    '',
    `  Environments: ${envs || 'none configured'}`,
  ].join('\n');
  const text = [
    note,
    'ctx-ops commands:',
    ...visible.flatMap((h) => [
      `/ctx ${h.usage}: ${h.summary}`,
      ...(h.subcommands ?? []).map((s) => `/ctx ${s.usage}: ${s.summary}`),
    ]),
    ...mentions.map((m) => `@ctx-ops ${m.usage}: ${m.summary}`),
  ]
    .filter(Boolean)
    .join('\n');
  return { text, blocks, plain };
}

export function createHelp(
  getHandlers: () => readonly Handler[],
  config: Pick<Config, 'environments' | 'defaultEnvironment'>,
  getMentions: () => readonly HelpEntry[] = () => [],
) {
  const show = async (req: CommandRequest, note?: string): Promise<HandlerOutcome> => {
    await req.conversation.ephemeral(renderHelp(getHandlers(), config, note, getMentions()));
    return note ? { usageError: true } : {};
  };
  const handler: Handler = {
    name: 'help',
    aliases: ['?', '-h', '--help'],
    usage: 'help',
    summary: 'This list',
    run: (req) => show(req),
  };
  return { show, handler };
}
