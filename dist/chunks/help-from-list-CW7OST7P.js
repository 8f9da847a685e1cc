import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  loadCliConfig
} from "./chunk-UDZQIXZD.js";
import {
  EXIT
} from "./chunk-FPWQEBDT.js";
import {
  packagePath
} from "./chunk-QCF2D5HU.js";
import {
  renderHelp
} from "./chunk-MCI4FFTB.js";
import "./chunk-YHMI6ZHD.js";
import "./chunk-QSRIQDF5.js";
import "./chunk-55LKJ45A.js";

// src/app/help-from-list.ts
import { readFileSync } from "node:fs";
var COMMANDS_FILE = packagePath("dist", "commands.json");
function helpFromList(env, io, usage) {
  if (false) return void 0;
  let list;
  try {
    list = JSON.parse(readFileSync(COMMANDS_FILE, "utf8"));
  } catch {
    return void 0;
  }
  const loaded = loadCliConfig(env, io);
  if ("exitCode" in loaded) return loaded.exitCode;
  io.stdout.write(`${usage}

${renderHelp(list.commands, loaded.config, void 0, list.mentions).plain}
`);
  return EXIT.ok;
}
export {
  COMMANDS_FILE,
  helpFromList
};
