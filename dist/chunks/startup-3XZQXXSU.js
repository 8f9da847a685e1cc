import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  boot
} from "./chunk-SFXXPYVT.js";
import "./chunk-UJLLSX33.js";
import {
  EXIT
} from "./chunk-FPWQEBDT.js";
import "./chunk-LKVTDLFS.js";
import {
  describeEnvironments
} from "./chunk-STKVCBPJ.js";
import "./chunk-N2THWAWF.js";
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
