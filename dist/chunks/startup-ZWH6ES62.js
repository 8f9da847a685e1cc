import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  boot
} from "./chunk-JSMMVUDD.js";
import "./chunk-UDZQIXZD.js";
import {
  EXIT
} from "./chunk-FPWQEBDT.js";
import "./chunk-JAXE5IPB.js";
import {
  describeEnvironments
} from "./chunk-VYYYKJ3T.js";
import "./chunk-QCF2D5HU.js";
import "./chunk-CBVNJ6RH.js";
import "./chunk-MCI4FFTB.js";
import "./chunk-YHMI6ZHD.js";
import "./chunk-QSRIQDF5.js";
import "./chunk-55LKJ45A.js";
export {
  EXIT,
  boot,
  describeEnvironments
};
