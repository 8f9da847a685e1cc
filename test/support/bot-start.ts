import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * How the bot is started, as `npm start` starts it (package.json): the variables set before
 * `node`, and node's options. The image's ENV and CMD must give the same ones
 * (test/deploy/manifests.test.ts), and the benchmarks start the bot with them, so their
 * figures are the bot's as shipped.
 */
export function botLaunch(): { env: Record<string, string>; flags: string[] } {
  const start = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { start: string } }).scripts
    .start;
  const m = /(?:^|&&\s*)((?:[A-Z_]+=\S+\s+)*)node\s+((?:--\S+\s+)*)dist\/bot\.js\s*$/.exec(start);
  if (!m) throw new Error(`package.json "start" does not end with [VAR=value …] node [options] dist/bot.js: ${start}`);
  const env = Object.fromEntries(
    m[1]!
      .split(/\s+/)
      .filter(Boolean)
      .map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]),
  );
  return { env, flags: m[2]!.split(/\s+/).filter(Boolean) };
}
