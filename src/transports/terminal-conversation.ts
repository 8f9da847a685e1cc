import type { Conversation, MessageRef, OutMessage } from '../handlers/types.js';
import type { Redactor } from '../log/redactor.js';
import { blocksToPlain } from '../render/text.js';

export function toPlain(msg: OutMessage): string {
  return msg.plain ?? (msg.blocks ? blocksToPlain(msg.blocks) : msg.text);
}

/**
 * The shell's and CLI's stand-in for a Slack channel. A terminal cannot edit what it
 * printed, so an update prints the new version; the CLI (`final`) prints only final
 * answers and leaves placeholders out so its output can be piped.
 */
export function terminalConversation(opts: {
  write: (text: string) => void;
  redactor: Redactor;
  mode: 'shell' | 'cli';
  /** CLI: collect final messages instead of printing (for --json). */
  collect?: OutMessage[];
}): Conversation {
  let n = 0;
  const emit = (msg: OutMessage, prefix = '') => {
    if (opts.collect) {
      if (!msg.transient) opts.collect.push(msg);
      return;
    }
    if (opts.mode === 'cli' && msg.transient) return;
    opts.write(opts.redactor.scrub(prefix + toPlain(msg)) + '\n');
  };
  return {
    async post(msg, o) {
      emit(msg, o?.thread ? '  ↳ ' : '');
      return { channel: 'terminal', ts: String(++n), ...(o?.thread ? { threadTs: o.thread.ts } : {}) } satisfies MessageRef;
    },
    async update(_ref, msg) {
      emit(msg);
    },
    async ephemeral(msg) {
      emit(msg);
    },
  };
}
