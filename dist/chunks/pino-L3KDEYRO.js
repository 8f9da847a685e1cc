import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  require_pino
} from "./chunk-CBVNJ6RH.js";
import "./chunk-55LKJ45A.js";
export default require_pino();
