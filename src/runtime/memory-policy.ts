import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full GC, in percent.
 * V8 picks a factor for throughput (up to 4×): under a burst of 600 `/ctx status` a second,
 * the bot's RSS went from ~110 to ~200 MB, all of it garbage. 10 % keeps it near what the
 * bot holds (~125 MB in the same burst) for ~14 % more CPU per status during the burst, and
 * the ack stays well under Slack's 3 s (bench/bot.bench.ts, bench/status.bench.ts).
 */
export const HEAP_GROWING_PERCENT = 10;

/**
 * The long-running bot's memory policy. V8 reads this flag at every full GC, so setting it
 * once the process runs works; the young generation's size is fixed at start instead, so
 * `npm start` and the image's CMD give it as a node option (--max-semi-space-size). A V8
 * that did not know the flag would print a warning and carry on with its default.
 */
export function applyBotMemoryPolicy(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
