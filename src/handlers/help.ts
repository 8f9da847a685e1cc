import type { Config } from '../config/types.js';
import { context, escapeMrkdwn, md } from '../render/blocks.js';
import { plainTable } from '../render/text.js';
import type { CommandRequest, Handler, HandlerOutcome, OutMessage } from './types.js';

export function renderHelp(handlers: readonly Handler[], config: Pick<Config, 'environments' | 'defaultEnvironment'>, note?: string): OutMessage {
  const visible = handlers.filter((h) => !h.hidden);
  const envs = config.environments.map((e) => (e.name === config.defaultEnvironment ? `${e.name} (default)` : e.name)).join(', ');
  const lines = visible.map((h) => `\`/ctx ${h.usage}\`  ${h.summary}`);
  const blocks = [
    ...(note ? [md(`⚠️ ${note}`)] : []),
    md(`*ctx-ops* keeps watch over your ctx| deployment. Commands:\n${lines.join('\n')}`),
    context(`Environments: ${escapeMrkdwn(envs || 'none configured')}`),
  ];
  const plain = [
    ...(note ? [`⚠ ${note.replace(/`/g, '')}`, ''] : []),
    'ctx-ops commands (type them with or without /ctx):',
    plainTable(visible.map((h) => [h.usage, h.summary]), { indent: 2 }),
    '',
    `  Environments: ${envs || 'none configured'}`,
  ].join('\n');
  return { text: [note, 'ctx-ops commands:', ...visible.map((h) => `/ctx ${h.usage}: ${h.summary}`)].filter(Boolean).join('\n'), blocks, plain };
}

export function createHelp(getHandlers: () => readonly Handler[], config: Pick<Config, 'environments' | 'defaultEnvironment'>) {
  const show = async (req: CommandRequest, note?: string): Promise<HandlerOutcome> => {
    await req.conversation.ephemeral(renderHelp(getHandlers(), config, note));
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
