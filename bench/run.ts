import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process (so memory figures are
 * its own) and prints their figures. Benchmarks report; they never pass or fail on time.
 * `npm run bench -- status` runs only the files whose name contains "status".
 */
const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
let failed = 0;
for (const f of files) {
  process.stdout.write(`\n=== ${f} ===\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${f}`], {
    stdio: 'inherit',
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
  });
  if (r.status !== 0) {
    failed++;
    process.stdout.write(`(${f} did not finish: exit ${r.status ?? r.signal})\n`);
  }
}
process.exitCode = failed ? 1 : 0;
