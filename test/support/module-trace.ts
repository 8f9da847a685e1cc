import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Loaded with `--import` into a ctx-ops process a test spawns (startProcess's `trace`):
 * when the process exits it writes to CTX_OPS_TRACE_FILE the npm packages it loaded (every
 * CommonJS module, whether imported statically, with `import()` or required lazily, is in
 * the shared require cache) and whether it ended by running out of work ('beforeExit':
 * nothing left open) rather than by process.exit(). Bolt, pg, undici, ioredis and
 * neo4j-driver are all CommonJS, so none of them can load unseen.
 */
const file = process.env.CTX_OPS_TRACE_FILE;
if (file) {
  const require = createRequire(import.meta.url);
  let drained = false;
  process.once('beforeExit', () => {
    drained = true;
  });
  process.once('exit', () => {
    const packages = new Set<string>();
    for (const path of Object.keys(require.cache)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
      if (m) packages.add(m[1]!);
    }
    writeFileSync(file, JSON.stringify({ packages: [...packages].sort(), drained }));
  });
}
