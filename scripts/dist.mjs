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
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.source-hash');
/** What the output depends on besides src/ (the shipped YAML: see shippedYaml()). */
// package-lock.json: dist/vendor/ holds bundled copies of the locked driver versions.
const INPUTS = ['tsconfig.json', 'scripts/dist.mjs', 'package-lock.json'];
const YAML_DIRS = ['runbooks', 'signals'];
const yamlFiles = (root) =>
  YAML_DIRS.flatMap((d) =>
    existsSync(join(root, d))
      ? readdirSync(join(root, d))
          .filter((f) => /\.ya?ml$/i.test(f))
          .map((f) => join(root, d, f))
      : [],
  );

function files(dir, name = /\.ts$/) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), name) : name.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** SHA-256 over every source path and content (line endings normalised), in a stable order. */
export function sourceHash(root = ROOT) {
  const h = createHash('sha256');
  const list = [...files(join(root, 'src')), ...INPUTS.map((f) => join(root, f)), ...yamlFiles(root)]
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

/** The entry points a user runs; everything they import is bundled with them. */
const ENTRIES = ['src/cli.ts', 'src/bot.ts', 'src/healthcheck.ts', 'src/list-commands.ts'];
/**
 * Left to node_modules: drivers loaded lazily or only by the bot (Slack's SDK, pg, ioredis,
 * neo4j-driver, undici, prom-client). Small pure-JS libraries (zod, yaml, jose, pino, …) are
 * bundled: resolving and linking their hundreds of modules was most of `ctx-ops help`'s
 * start-up. (pino is bundled because ctx-ops uses no pino transport: those run in worker
 * threads that load files by path, which a bundle cannot give them.)
 */
const EXTERNAL = ['@slack/*', 'pg', 'ioredis', 'neo4j-driver', 'undici', 'prom-client'];
/**
 * The drivers a `ctx-ops status` loads (src/util/lazy-require.ts), each bundled on its own into
 * dist/vendor/<name>.cjs from the version in node_modules: Node then reads one file instead of
 * resolving and compiling dozens (undici alone is ~100). Still loaded only when first used.
 */
const VENDORED = ['undici', 'pg', 'ioredis'];
/**
 * Where a vendored file holds less than the package's own entry point. undici's index loads
 * fetch, WebSocket, EventSource, caches and mocks (~20 ms of a status, half of undici's
 * load); ctx-ops uses only its Agent and the request API on it (src/util/undici-request.ts).
 */
const VENDOR_ENTRY = {
  undici: [
    "'use strict';",
    "const Dispatcher = require('undici/lib/dispatcher/dispatcher');",
    "Object.assign(Dispatcher.prototype, require('undici/lib/api'));",
    "module.exports = { Agent: require('undici/lib/dispatcher/agent') };",
  ].join('\n'),
};

/**
 * Every built file made pure ASCII. esbuild escapes strings and templates but leaves comments
 * it keeps (JSDoc inside object literals) and regular expressions as written, and V8 holds a
 * source with a single non-Latin-1 character ("…", "—", "→") as two bytes per character, for as
 * long as the process runs: the two big chunks took 2.6 MB of the bot's heap instead of 1.3.
 * A \uXXXX escape means the same in a comment, a string, a regular expression or a name; only
 * a tagged template's raw text would change, so one of those with such a character stops the
 * build instead. Returns a problem, or undefined.
 */
function asciiOnly(dir) {
  for (const file of files(dir, /\.c?js$/)) {
    const text = readFileSync(file, 'utf8');
    if (!/[\u0080-\uffff]/.test(text)) continue;
    const tagged = taggedTemplatesWithNonAscii(text);
    if (tagged.length)
      return `${relative(dir, file)} has a tagged template with a non-ASCII character (write it as \\u{…} in the source): ${tagged[0]}`;
    writeFileSync(
      file,
      text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    );
  }
  return undefined;
}

/** The tagged templates of a script that hold a non-ASCII character (TypeScript's parser; dev dependency, as esbuild is). */
function taggedTemplatesWithNonAscii(text) {
  const ts = createRequire(join(ROOT, 'package.json'))('typescript');
  const found = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && /[\u0080-\uffff]/.test(node.template.getText()))
      found.push(node.getText().slice(0, 80));
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('built.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS));
  return found;
}

function bundler() {
  try {
    return createRequire(join(ROOT, 'package.json'))('esbuild');
  } catch {
    return undefined;
  }
}

/**
 * dist/shipped-yaml.json: each shipped runbook and signal file parsed now, keyed by the
 * SHA-256 of its text (src/config/prebuilt-yaml.ts reads it). Parsed with the options of
 * src/config/yaml-source.ts; a file with errors, or a value JSON cannot carry exactly (.inf,
 * .nan), is left out and parsed at run time like any other.
 */
function shippedYaml(esbuildRequire) {
  const YAML = esbuildRequire('yaml');
  const out = {};
  for (const file of yamlFiles(ROOT)) {
    const text = readFileSync(file, 'utf8');
    const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length) continue;
    const value = doc.toJS() ?? {};
    const json = JSON.stringify(value);
    if (!isDeepStrictEqual(JSON.parse(json), value)) continue;
    out[createHash('sha256').update(text).digest('hex')] = json;
  }
  return { about: 'shipped runbooks and signals, parsed at build time (src/config/prebuilt-yaml.ts)', files: out };
}

function build() {
  const esbuild = bundler();
  if (!esbuild) {
    process.stderr.write('ctx-ops: cannot build: esbuild is not installed (run `npm ci` with dev dependencies)\n');
    return 1;
  }
  const hash = sourceHash();
  const tmp = join(ROOT, '.dist-build');
  rmSync(tmp, { recursive: true, force: true });
  try {
    esbuild.buildSync({
      absWorkingDir: ROOT,
      entryPoints: ENTRIES,
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: EXTERNAL,
      // Bundled CommonJS code calls require(); ESM has none, so give it one.
      banner: {
        js: "import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);",
      },
      chunkNames: 'chunks/[name]-[hash]',
      define: { __CTX_OPS_VENDORED__: JSON.stringify(VENDORED.join(',')), __CTX_OPS_BUNDLED__: 'true' },
      legalComments: 'none',
      logLevel: 'warning',
    });
    for (const name of VENDORED)
      esbuild.buildSync({
        absWorkingDir: ROOT,
        ...(VENDOR_ENTRY[name]
          ? {
              stdin: { contents: VENDOR_ENTRY[name], resolveDir: ROOT, sourcefile: `vendor-${name}.cjs`, loader: 'js' },
            }
          : { entryPoints: [createRequire(join(ROOT, 'package.json')).resolve(name)] }),
        outfile: join(tmp, 'vendor', `${name}.cjs`),
        bundle: true,
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        // pg's optional native binding, tried in a try/catch.
        external: ['pg-native'],
        legalComments: 'eof',
        logLevel: 'warning',
      });
  } catch {
    rmSync(tmp, { recursive: true, force: true });
    return 1;
  }
  const unescapable = asciiOnly(tmp);
  if (unescapable) {
    process.stderr.write(`ctx-ops: cannot build: ${unescapable}\n`);
    rmSync(tmp, { recursive: true, force: true });
    return 1;
  }
  writeFileSync(
    join(tmp, 'shipped-yaml.json'),
    `${JSON.stringify(shippedYaml(createRequire(join(ROOT, 'package.json'))))}\n`,
  );
  // What `ctx-ops help` lists (src/app/help-from-list.ts), taken from the built bot itself in
  // an empty folder with an empty environment (commands do not depend on the configuration).
  const empty = mkdtempSync(join(tmpdir(), 'ctx-ops-build-'));
  const listed = spawnSync(process.execPath, [join(tmp, 'list-commands.js')], {
    cwd: empty,
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
  });
  rmSync(empty, { recursive: true, force: true });
  if (listed.status !== 0) {
    process.stderr.write(`ctx-ops: cannot build: listing the commands failed:\n${listed.stderr}\n`);
    rmSync(tmp, { recursive: true, force: true });
    return 1;
  }
  writeFileSync(join(tmp, 'commands.json'), listed.stdout);
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
    if (bundler()) return build();
    if (existsSync(join(DIST, 'bot.js'))) {
      process.stderr.write(
        'ctx-ops: src/ changed since dist/ was built and esbuild is absent: running dist/ as built\n',
      );
      return 0;
    }
    return build();
  }
  process.stderr.write('usage: node scripts/dist.mjs build|ensure|check\n');
  return 2;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv[2]);
