import type { Conversation, MessageRef, OutMessage } from '../../src/contracts/chat.js';

/** A Conversation that records what a handler said, for handler-level tests. */
export function recordingConversation() {
  const posted: Array<{ ref: MessageRef; msg: OutMessage; thread?: MessageRef }> = [];
  const updates: Array<{ ref: MessageRef; msg: OutMessage }> = [];
  const ephemerals: OutMessage[] = [];
  let n = 0;
  const conversation: Conversation = {
    async post(msg, opts) {
      const ref = { channel: 'C0TEST', ts: `${++n}.000`, ...(opts?.thread ? { threadTs: opts.thread.ts } : {}) };
      posted.push({ ref, msg, thread: opts?.thread });
      return ref;
    },
    async update(ref, msg) {
      updates.push({ ref, msg });
    },
    async ephemeral(msg) {
      ephemerals.push(msg);
    },
  };
  /** The latest version of each message, in posting order. */
  const final = () => posted.map((p) => [...updates].reverse().find((u) => u.ref.ts === p.ref.ts)?.msg ?? p.msg);
  return { conversation, posted, updates, ephemerals, final };
}
