import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);

// src/util/text.ts
function truncate(text, max) {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}\u2026`;
}
var EXCERPT_CHARS = 160;
function stripCredentials(text) {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@'"<>]+@/gi, "$1").replace(/([?&](?:access_token|token|api[_-]?key|key|sig|signature|password|secret)=)[^\s&#'"]+/gi, "$1[redacted]");
}
function oneLine(text) {
  return text.replace(/\s+/g, " ").trim();
}
function excerpt(text, max = EXCERPT_CHARS) {
  if (!text) return "";
  return truncate(oneLine(stripCredentials(text)), max);
}
function listSome(items, max = 5) {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

export {
  truncate,
  excerpt,
  listSome
};
