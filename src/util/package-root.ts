import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding ctx-ops's package.json. Found by walking up from this file because the
 * same code runs from src/ (tsx, tests) and bundled into dist/ (a chunk one level down), so
 * a fixed `../..` would point to different places.
 */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(`ctx-ops: cannot find its package.json above ${from}`);
}

/** A path inside the package (shipped runbooks, SQL migrations, signal files). */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
