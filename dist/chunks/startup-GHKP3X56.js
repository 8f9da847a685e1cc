import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  boot
} from "./chunk-CIYVO7FM.js";
import "./chunk-VQMOYI63.js";
import {
  EXIT
} from "./chunk-FPWQEBDT.js";
import {
  describeEnvironments
} from "./chunk-T2CU2XJE.js";
import "./chunk-6MMCNGPV.js";
import "./chunk-CBVNJ6RH.js";
import "./chunk-WROWKKMA.js";
import "./chunk-YHMI6ZHD.js";
import "./chunk-55LKJ45A.js";
export {
  EXIT,
  boot,
  describeEnvironments
};
