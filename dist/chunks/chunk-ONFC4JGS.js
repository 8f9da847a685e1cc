import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  blocksToPlain,
  mrkdwnToPlain
} from "./chunk-YHMI6ZHD.js";

// src/transports/terminal-conversation.ts
function toPlain(msg) {
  return msg.plain ?? (msg.blocks ? blocksToPlain(msg.blocks) : mrkdwnToPlain(msg.text));
}
function createButtonBook() {
  const buttons = /* @__PURE__ */ new Map();
  let next = 1;
  return {
    add(b) {
      const n = next++;
      buttons.set(n, { ...b, n });
      return n;
    },
    get: (n) => buttons.get(n)
  };
}
function collectButtons(blocks) {
  const out = [];
  for (const b of blocks) {
    if (b.type === "actions") {
      for (const e of b.elements)
        if (e.type === "button" && !e.url)
          out.push({ label: e.text.text, actionId: e.action_id ?? "", value: e.value ?? "" });
    } else if (b.type === "section" && b.accessory?.type === "button" && !b.accessory.url) {
      const about = /\*([^*]+)\*/.exec(b.text?.text ?? "")?.[1];
      out.push({
        label: `${b.accessory.text.text}${about ? ` (${mrkdwnToPlain(about)})` : ""}`,
        actionId: b.accessory.action_id ?? "",
        value: b.accessory.value ?? ""
      });
    }
  }
  return out;
}
function terminalConversation(opts) {
  let n = 0;
  const emit = (msg, ref, prefix = "") => {
    if (opts.collect) {
      if (!msg.transient) opts.collect.push(msg);
      return;
    }
    if (opts.mode === "cli" && msg.transient) return;
    let text = prefix + toPlain(msg);
    if (opts.buttons && msg.blocks) {
      const found = collectButtons(msg.blocks);
      if (found.length) {
        text = text.replace(/\n\s*(\[[^\]\n]+\]\s*)+$/, "");
        text += `
  ${found.map((b) => `[${opts.buttons.add({ ...b, message: ref })}] ${b.label}`).join("   ")}  (type the number to press)`;
      }
    }
    opts.write(`${opts.redactor.scrub(text)}
`);
  };
  return {
    async post(msg, o) {
      const ref = {
        channel: "terminal",
        ts: String(++n),
        ...o?.thread ? { threadTs: o.thread.ts } : {}
      };
      emit(msg, ref, o?.thread ? "  \u21B3 " : "");
      return ref;
    },
    async update(ref, msg) {
      emit(msg, ref);
    },
    async ephemeral(msg) {
      emit(msg, { channel: "terminal", ts: String(++n) });
    }
  };
}

export {
  toPlain,
  createButtonBook,
  terminalConversation
};
