/**
 * Diagnostic preload for bench/bot.bench.ts (BENCH_BOT_GC=1; needs --expose-gc): on
 * SIGWINCH, runs a full GC and appends the process's memory before and after it to the
 * file named by BENCH_GC_PROBE_FILE, one JSON line. It tells memory the bot still holds
 * from heap V8 has not collected yet (RSS alone cannot).
 */
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_GC_PROBE_FILE;
process.on('SIGWINCH', () => {
  const before = process.memoryUsage();
  globalThis.gc?.();
  globalThis.gc?.();
  const after = process.memoryUsage();
  if (file) appendFileSync(file, `${JSON.stringify({ before, after })}\n`);
});
