import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  createHelp,
  mentionVerbs,
  renderHelp
} from "./chunk-MCI4FFTB.js";
import "./chunk-YHMI6ZHD.js";
import "./chunk-QSRIQDF5.js";
import "./chunk-55LKJ45A.js";
export {
  createHelp,
  mentionVerbs,
  renderHelp
};
