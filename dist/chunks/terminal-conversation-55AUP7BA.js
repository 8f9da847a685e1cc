import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  createButtonBook,
  terminalConversation,
  toPlain
} from "./chunk-ONFC4JGS.js";
import "./chunk-YHMI6ZHD.js";
import "./chunk-55LKJ45A.js";
export {
  createButtonBook,
  terminalConversation,
  toPlain
};
