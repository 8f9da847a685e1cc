#!/usr/bin/env node
// The built JavaScript in dist/ is committed (README, "Production install"): `npm ci --omit=dev`
// installs no compiler, so a fresh clone must already hold what `node dist/bot.js` runs.
// dist/.source-hash records which sources it was built from.
//
//   node scripts/dist.mjs build    compile src/ into a fresh dist/ (nothing stale left behind)
//   node scripts/dist.mjs ensure   `npm start`: rebuild only when src/ changed since the build
//   node scripts/dist.mjs check    CI and `npm pack`: fail when dist/ does not match src/
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.source-hash');
/** What the output depends on besides src/. */
const INPUTS = ['tsconfig.json', 'tsconfig.build.json'];

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** SHA-256 over every source path and content (line endings normalised), in a stable order. */
export function sourceHash(root = ROOT) {
  const h = createHash('sha256');
  const list = [...files(join(root, 'src')), ...INPUTS.map((f) => join(root, f))]
    .map((f) => relative(root, f).split('\\').join('/'))
    .sort();
  for (const rel of list) {
    h.update(rel).update('\0');
    h.update(readFileSync(join(root, rel), 'utf8').replace(/\r\n/g, '\n')).update('\0');
  }
  return h.digest('hex');
}

function builtFrom() {
  try {
    return readFileSync(STAMP, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function compiler() {
  try {
    return createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

function build() {
  const tsc = compiler();
  if (!tsc) {
    process.stderr.write('ctx-ops: cannot build: typescript is not installed (run `npm ci` with dev dependencies)\n');
    return 1;
  }
  const hash = sourceHash();
  const tmp = join(ROOT, '.dist-build');
  rmSync(tmp, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', tmp], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    return r.status ?? 1;
  }
  writeFileSync(join(tmp, '.source-hash'), `${hash}\n`);
  rmSync(DIST, { recursive: true, force: true });
  renameSync(tmp, DIST);
  return 0;
}

function main(command) {
  // An installed package (npm pack, the image) ships dist/ without src/: dist/ is what runs.
  if (command === 'ensure' && !existsSync(join(ROOT, 'src'))) return 0;
  const current = builtFrom() === sourceHash();
  if (command === 'build') return build();
  if (command === 'check') {
    if (current) return 0;
    process.stderr.write(
      `ctx-ops: dist/ ${existsSync(STAMP) ? 'is older than src/' : 'is missing'}: run \`npm run build\` and commit dist/\n`,
    );
    return 1;
  }
  if (command === 'ensure') {
    if (current) return 0;
    if (compiler()) return build();
    if (existsSync(join(DIST, 'bot.js'))) {
      process.stderr.write(
        'ctx-ops: src/ changed since dist/ was built and typescript is absent: running dist/ as built\n',
      );
      return 0;
    }
    return build();
  }
  process.stderr.write('usage: node scripts/dist.mjs build|ensure|check\n');
  return 2;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv[2]);
