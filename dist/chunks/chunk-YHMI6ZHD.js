import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);

// src/ui/plain-text.ts
function displayWidth(s) {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    if (cp === 65039 || cp === 8205) continue;
    w += cp >= 126976 || cp >= 9728 && cp <= 10175 || cp >= 4352 && cp <= 4447 || cp >= 11904 && cp <= 42191 || cp >= 44032 && cp <= 55203 ? 2 : 1;
  }
  return w;
}
var pad = (s, width, right = false) => {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
};
function plainTable(rows, opts = {}) {
  const widths = [];
  for (const r of rows) r.forEach((cell, i) => widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell)));
  const indent = " ".repeat(opts.indent ?? 0);
  return rows.map(
    (r) => indent + r.map(
      (cell, i) => i === r.length - 1 && !opts.alignRight?.includes(i) ? cell : pad(cell, widths[i], opts.alignRight?.includes(i))
    ).join("  ").trimEnd()
  ).join("\n");
}
function mrkdwnToPlain(text) {
  return text.replace(/<(https?:[^|>]+)\|([^>]+)>/g, "$2 ($1)").replace(/<(https?:[^>]+)>/g, "$1").replace(/<@([A-Z0-9]+)>/g, "@$1").replace(/<#([A-Z0-9]+)(\|[^>]*)?>/g, "#$1").replace(/<!(here|channel|everyone)>/g, "@$1").replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/g, "$1$2").replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])/g, "$1$2").replace(/`([^`\n]+)`/g, "$1").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
function blocksToPlain(blocks) {
  const out = [];
  for (const b of blocks) {
    switch (b.type) {
      case "header":
        out.push(b.text.text.toUpperCase());
        break;
      case "section": {
        if (b.text) out.push(mrkdwnToPlain(b.text.text));
        for (const f of b.fields ?? []) out.push(`  ${mrkdwnToPlain(f.text)}`);
        const acc = b.accessory;
        if (acc?.type === "button" && acc.text) out[out.length - 1] += `   [${acc.text.text}]`;
        break;
      }
      case "context":
        out.push(
          `  ${b.elements.map((e) => "text" in e && typeof e.text === "string" ? mrkdwnToPlain(e.text) : "").filter(Boolean).join("  ")}`
        );
        break;
      case "divider":
        out.push("\u2500".repeat(40));
        break;
      case "actions":
        out.push(
          `  ${b.elements.map(
            (e) => "text" in e && e.text && typeof e.text === "object" && "text" in e.text ? `[${e.text.text}]` : ""
          ).filter(Boolean).join(" ")}`
        );
        break;
      default:
        break;
    }
  }
  return out.join("\n");
}

export {
  plainTable,
  mrkdwnToPlain,
  blocksToPlain
};
