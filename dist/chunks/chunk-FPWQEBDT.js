import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);

// src/app/exit-codes.ts
var EXIT = { ok: 0, failing: 1, config: 2 };

export {
  EXIT
};
