import { readFileSync } from 'node:fs';
import { packagePath } from '../util/package-root.js';
import { loadCliConfig } from './cli-config.js';
import type { CommandList } from './command-list.js';
import { EXIT } from './exit-codes.js';
import { renderHelp } from './help.js';

/** True in the bundle scripts/dist.mjs builds, whose dist/commands.json lists its commands. */
declare const __CTX_OPS_BUNDLED__: boolean | undefined;
export const COMMANDS_FILE = packagePath('dist', 'commands.json');

/**
 * `ctx-ops help` in the built program: the configuration (for its environments and its
 * problems) and the command list the build took from the built bot, without building the
 * bot. Undefined when there is no such list (from src/, where help asks the live bot).
 */
export function helpFromList(
  env: Record<string, string | undefined>,
  io: { cwd: string; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
  usage: string,
): number | undefined {
  if (typeof __CTX_OPS_BUNDLED__ === 'undefined' || !__CTX_OPS_BUNDLED__) return undefined;
  let list: CommandList;
  try {
    list = JSON.parse(readFileSync(COMMANDS_FILE, 'utf8')) as CommandList;
  } catch {
    return undefined;
  }
  const loaded = loadCliConfig(env, io);
  if ('exitCode' in loaded) return loaded.exitCode;
  // renderHelp's plain form: what the terminal transport prints for it (toPlain).
  io.stdout.write(`${usage}\n\n${renderHelp(list.commands, loaded.config, undefined, list.mentions).plain}\n`);
  return EXIT.ok;
}
