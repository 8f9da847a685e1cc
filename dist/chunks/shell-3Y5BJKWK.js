import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  runShell
} from "./chunk-EQNMLWMS.js";
import "./chunk-ONFC4JGS.js";
import "./chunk-YHMI6ZHD.js";
import "./chunk-55LKJ45A.js";
export {
  runShell
};
