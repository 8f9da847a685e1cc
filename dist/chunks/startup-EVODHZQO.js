import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  boot
} from "./chunk-57SDHIOX.js";
import "./chunk-2H6X6W4A.js";
import {
  EXIT
} from "./chunk-FPWQEBDT.js";
import "./chunk-XW7DBEIH.js";
import {
  describeEnvironments
} from "./chunk-FP4ZYF66.js";
import "./chunk-UQ5E2DAY.js";
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
