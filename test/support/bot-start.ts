import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The node options the bot is started with, as `npm start` gives them (package.json): the
 * image's CMD must give the same ones (tests/deploy/manifests.test.ts) and the benchmarks
 * start the bot with them, so their figures are the bot's as shipped.
 */
export function botNodeFlags(): string[] {
  const start = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { start: string } }).scripts
    .start;
  const m = /(?:^|&&\s*)node\s+((?:--\S+\s+)*)dist\/bot\.js\s*$/.exec(start);
  if (!m) throw new Error(`package.json "start" does not end with node [options] dist/bot.js: ${start}`);
  return m[1]!.split(/\s+/).filter(Boolean);
}
