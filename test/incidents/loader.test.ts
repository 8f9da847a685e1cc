import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConfigProblem } from '../../src/config/problems.js';
import { ConfigError } from '../../src/config/load.js';
import { allChecks } from '../../src/diagnostics/registry.js';
import { loadRunbooks, SHIPPED_DIR } from '../../src/incidents/runbooks/loader.js';
import { boot, EXIT } from '../../src/app/startup.js';
import { buildBot } from '../support/harness.js';

const checkIds = new Set(allChecks.map((c) => c.id));
const actionKinds = new Map<string, { validateParams?(p: Record<string, unknown>): string | null }>([
  ['reset-jwks', { validateParams: (p) => (Object.keys(p).length ? 'reset-jwks takes no parameters' : null) }],
  ['reindex-repository', {}],
  ['backup', {}],
]);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ctx-rb-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'team'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'team', name), text);
  return dir;
}

/** Only the team's folder (no shipped runbooks), so each case sees its own problems. */
const load = (files: Record<string, string>, extra: { disable?: string[]; shippedDir?: string } = {}) =>
  loadRunbooks({
    dirs: ['team'],
    baseDir: folder(files),
    shippedDir: extra.shippedDir ?? '/nonexistent',
    checkIds,
    actionKinds,
    disable: extra.disable,
  });

const VALID = `id: db-slow
title: Database slow
when:
  - postgres
  - { check: backend, match: "/HTTP 5\\\\d\\\\d/", status: warn }
steps:
  - text: Look at the slow queries
    check: { id: postgres, match: long-running }
    logs: [postgres, backend]
    covers: "ours: slow queries"
  - text: Restart the backend
    action: { kind: reset-jwks }
    link: { text: Dashboard, url: "https://grafana.example.com/d/pg?var-env={env}" }
`;

const line = (p: ConfigProblem) => p.source;

describe('runbook files', () => {
  it('loads every shipped runbook with no problem against the checks this build runs', () => {
    const r = loadRunbooks({ dirs: [], baseDir: '.', checkIds, actionKinds });
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.runbooks.map((x) => x.id).sort()).toEqual(
      [
        'auth-secret-changed',
        'backup-failed',
        'confluence-stalls',
        'graph-fails',
        'migration-failed',
        'repo-not-indexed',
        'sign-in-fails',
        'weak-context',
      ].sort(),
    );
    expect(readdirSync(SHIPPED_DIR).filter((f) => f.endsWith('.yml'))).toHaveLength(8);
    for (const rb of r.runbooks) {
      expect(rb.shipped).toBe(true);
      expect(rb.file).toBe(`runbooks/${rb.id}.yml`);
      // Every step says which upstream point it covers (the docs list them).
      for (const s of rb.steps) expect(s.covers, `${rb.id}: ${s.text}`).toBeTruthy();
      expect(rb.unavailable).toEqual([]);
    }
  });

  it('are documented step by step with the upstream point each covers (docs/runbooks.md)', () => {
    const doc = readFileSync(new URL('../../docs/runbooks.md', import.meta.url), 'utf8');
    const esc = (t: string) => t.replace(/\|/g, '\\|');
    for (const rb of loadRunbooks({ dirs: [], baseDir: '.', checkIds, actionKinds }).runbooks) {
      expect(doc).toContain(`#### \`${rb.id}\`: ${rb.title}`);
      rb.steps.forEach((st, i) => expect(doc).toContain(`| ${i + 1} | ${esc(st.text)} |`));
      for (const st of rb.steps) expect(doc).toContain(`| ${esc(st.covers!)} |`);
    }
  });

  it('loads a valid team runbook with its shorthands expanded', () => {
    const r = load({ 'db-slow.yml': VALID });
    expect(r.problems).toEqual([]);
    const [rb] = r.runbooks;
    expect(rb!.file).toBe('team/db-slow.yml');
    expect(rb!.when).toEqual([
      { check: 'postgres', status: 'fail' },
      { check: 'backend', match: '/HTTP 5\\d\\d/', status: 'warn' },
    ]);
    expect(rb!.steps[0]).toMatchObject({
      check: { id: 'postgres', match: 'long-running' },
      logs: ['postgres', 'backend'],
    });
    expect(rb!.steps[1]!.action).toEqual({ kind: 'reset-jwks' });
  });

  it.each([
    ['an unknown key', VALID.replace('    covers:', '    cover:'), 'team/x.yml:10', 'steps[0].cover', /unknown key/],
    ['a missing id', VALID.replace('id: db-slow\n', ''), 'team/x.yml:1', 'id', /required/],
    [
      'an unknown check in when',
      VALID.replace('  - postgres', '  - postgress'),
      'team/x.yml:4',
      'when[0].check',
      /unknown check "postgress"/,
    ],
    [
      'an unknown check in a step',
      VALID.replace('id: postgres, match', 'id: pg, match'),
      'team/x.yml:8',
      'steps[0].check.id',
      /unknown check "pg"/,
    ],
    [
      'an invalid regular expression',
      VALID.replace('/HTTP 5\\\\d\\\\d/', '/HTTP (5/'),
      'team/x.yml:5',
      'when[1].match',
      /not a valid regular expression/,
    ],
    [
      'an unknown action',
      VALID.replace('kind: reset-jwks', 'kind: nuke'),
      'team/x.yml:12',
      'steps[1].action.kind',
      /unknown action "nuke"/,
    ],
    [
      'parameters an action refuses',
      VALID.replace('kind: reset-jwks }', 'kind: reset-jwks, params: { all: true } }'),
      'team/x.yml:12',
      'steps[1].action.params',
      /takes no parameters/,
    ],
    ['no steps', 'id: empty\ntitle: Empty\nsteps: []\n', 'team/x.yml:3', 'steps', /at least 1|>=1/],
    ['a command word as id', VALID.replace('id: db-slow', 'id: next'), 'team/x.yml:1', 'id', /command word/],
    [
      'a log link that is not a URL',
      VALID.replace('url: "https://', 'url: "ftp://'),
      'team/x.yml:13',
      'steps[1].link.url',
      /http/,
    ],
  ])('reports %s with the file, the line and the key', (_what, text, source, key, message) => {
    const r = load({ 'x.yml': text });
    expect(r.runbooks).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ source, key });
    expect(r.problems[0]!.message).toMatch(message);
  });

  it('reports bad YAML with its line', () => {
    const r = load({ 'bad.yml': 'id: x\ntitle: [unclosed\nsteps:\n  - text: a\n' });
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0]!.source).toMatch(/^team\/bad\.yml:\d+$/);
  });

  it('reports a duplicate id at the second file, naming the first', () => {
    const r = load({ 'a.yml': VALID, 'b.yml': `# same id\n${VALID}` });
    expect(r.runbooks).toHaveLength(1);
    expect(r.problems).toEqual([
      {
        source: 'team/b.yml:2',
        key: 'id',
        message: 'duplicate runbook id "db-slow" (already defined in team/a.yml:1)',
      },
    ]);
  });

  it('reports a team runbook reusing a shipped id, unless the shipped one is disabled', () => {
    const mine = VALID.replace('id: db-slow', 'id: sign-in-fails');
    const clash = load({ 'sign-in.yml': mine }, { shippedDir: SHIPPED_DIR });
    expect(clash.problems).toEqual([
      expect.objectContaining({
        source: 'team/sign-in.yml:1',
        message: expect.stringContaining('runbooks/sign-in-fails.yml:'),
      }),
    ]);
    const replaced = load({ 'sign-in.yml': mine }, { shippedDir: SHIPPED_DIR, disable: ['sign-in-fails'] });
    expect(replaced.problems).toEqual([]);
    expect(replaced.runbooks.find((r) => r.id === 'sign-in-fails')?.file).toBe('team/sign-in.yml');
    expect(load({}, { shippedDir: SHIPPED_DIR, disable: ['no-such'] }).problems).toEqual([
      { source: 'ctx-ops.yml', key: 'runbooks.disable[0]', message: 'names no shipped runbook "no-such"' },
    ]);
  });

  it('collects every problem of every file in one go', () => {
    const r = load({
      'a.yml': VALID.replace('  - postgres', '  - nope'),
      'b.yml': 'title: no id\nsteps:\n  - text: x\n    frobnicate: 1\n',
    });
    expect(r.problems.map(line).sort()).toEqual(['team/a.yml:4', 'team/b.yml:1', 'team/b.yml:4']);
  });

  it('keeps a shipped runbook naming a check this build lacks, as a step done by hand', () => {
    const shipped = folder({ 'x.yml': VALID });
    const r = loadRunbooks({
      dirs: [],
      baseDir: '.',
      shippedDir: join(shipped, 'team'),
      checkIds: new Set(['backend']),
      actionKinds,
    });
    expect(r.problems).toEqual([]);
    expect(r.warnings.join('\n')).toMatch(/unknown check "postgres"/);
    expect(r.runbooks[0]!.unavailable).toEqual(['postgres']);
    expect(r.runbooks[0]!.when.map((w) => w.check)).toEqual(['backend']);
  });
});

describe('a broken runbook at start', () => {
  it('is a configuration problem: the bot is not built and the CLI exits 2 naming file and line', () => {
    const dir = folder({ 'x.yml': VALID.replace('  - postgres', '  - postgress') });
    writeFileSync(join(dir, 'ctx-ops.yml'), 'runbooks:\n  dirs: [team]\n');
    let err = '';
    const stderr = new PassThrough();
    stderr.on('data', (d) => (err += d));
    const out = boot({ LOG_LEVEL: 'silent' }, { cwd: dir, stderr });
    expect(out).toEqual({ exitCode: EXIT.config });
    expect(err).toContain('team/x.yml:4: when[0].check: names unknown check "postgress"');
    expect(() => buildBot({ yaml: 'runbooks:\n  dirs: [team]\n', files: { 'team/x.yml': 'id: x\n' } })).toThrow(
      ConfigError,
    );
  });

  it('checks logLinks templates with the rest of ctx-ops.yml', () => {
    expect(() =>
      buildBot({ yaml: 'logLinks:\n  backend: "ftp://logs/{component}"\n  Bad_Name: "https://x"\n' }),
    ).toThrow(ConfigError);
    try {
      buildBot({ yaml: 'logLinks:\n  backend: "ftp://logs/{component}"\n  Bad_Name: "https://x"\n' });
    } catch (e) {
      expect((e as ConfigError).problems.map((p) => `${p.source} ${p.key}`).sort()).toEqual([
        'ctx-ops.yml:2 logLinks.backend',
        'ctx-ops.yml:3 logLinks.Bad_Name',
      ]);
    }
  });

  it('names a configured folder that does not exist', () => {
    expect(() => buildBot({ yaml: 'runbooks:\n  dirs: [./nowhere]\n' })).toThrow(/invalid configuration/);
    try {
      buildBot({ yaml: 'runbooks:\n  dirs: [./nowhere]\n' });
    } catch (e) {
      expect((e as ConfigError).problems[0]).toMatchObject({
        key: 'runbooks.dirs[0]',
        message: expect.stringContaining('folder not found'),
      });
    }
  });
});
