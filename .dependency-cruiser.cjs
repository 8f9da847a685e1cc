/**
 * The project's layering, checked by `npm run deps` (dependency-cruiser) in CI.
 * docs/architecture.md explains each layer; this file is the rule.
 *
 * LAYERS lists src/'s top-level folders from the bottom up. A file may import its own
 * folder, a folder of its own layer (except feature slices, see below) and any lower
 * layer, never a higher one. Tests, benchmarks and scripts are outside the layering but
 * inside the cycle check.
 */
const LAYERS = [
  { name: 'contracts', folders: ['contracts'] }, // types only: the chat contract, check results, service views
  { name: 'util', folders: ['util', 'log'] }, // pure helpers, logger and redactor
  { name: 'config', folders: ['config'] },
  { name: 'io', folders: ['store', 'postgres', 'slack'] }, // the bot's own schema, ctx|'s Postgres, Slack's Web API
  { name: 'diagnostics', folders: ['diagnostics'] },
  { name: 'ui', folders: ['ui'] }, // shared presentation (Block Kit, status view)
  { name: 'runtime', folders: ['runtime'] }, // what features are built on
  {
    name: 'features',
    folders: ['status', 'alerting', 'digest', 'home', 'operations', 'incidents', 'doctor', 'logs'],
    slices: true,
  },
  { name: 'app', folders: ['app', 'transports'] },
];
// src/bot.ts and src/cli.ts (the entry points) sit above every layer.

const alt = (folders) => `(${folders.join('|')})`;
const above = (i) => LAYERS.slice(i + 1).flatMap((l) => l.folders);

const layerRules = LAYERS.flatMap((layer, i) => {
  const higher = above(i);
  const rules = [];
  if (higher.length) {
    rules.push({
      name: `layer-${layer.name}`,
      comment: `${layer.folders.join(', ')} may import only lower layers (${
        LAYERS.slice(0, i)
          .map((l) => l.name)
          .join(', ') || 'nothing'
      }), never ${higher.join(', ')} or the entry points`,
      severity: 'error',
      from: { path: `^src/${alt(layer.folders)}/` },
      to: { path: [`^src/${alt(higher)}/`, '^src/(bot|cli)\\.ts$'] },
    });
  }
  if (layer.slices) {
    rules.push({
      name: 'feature-slices-independent',
      comment:
        'a feature slice reaches another only through contracts/ and runtime services (core.services), never by import',
      severity: 'error',
      from: { path: `^src/${alt(layer.folders)}/` },
      to: { path: `^src/${alt(layer.folders)}/`, pathNot: '^src/$1/' },
    });
  }
  return rules;
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no import cycles, between files or folders (type-only imports included)',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'contracts-are-a-leaf',
      comment: 'contracts/ holds types every layer shares; it imports nothing of ours but itself',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: '^src/', pathNot: '^src/contracts/' },
    },
    {
      name: 'transports-stay-apart',
      comment: 'app/ builds the bot for any transport: it never imports one (transports import app/)',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/transports/' },
    },
    ...layerRules,
    {
      name: 'src-not-to-tests',
      comment: 'shipped code never imports test or benchmark code',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'every import resolves (a typo or a missing dependency)',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-dev-deps-in-src',
      comment: 'shipped code uses only runtime dependencies',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
