import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  boot
} from "./chunk-RJ6CZXCO.js";
import "./chunk-6CYDOIEN.js";
import {
  EXIT
} from "./chunk-FPWQEBDT.js";
import "./chunk-76JHB5IA.js";
import {
  describeEnvironments
} from "./chunk-X6RL5EFE.js";
import "./chunk-3AS7H7ZJ.js";
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
