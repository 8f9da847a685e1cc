import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { PREBUILT_YAML_FILE, prebuiltYamlValue, yamlHash } from '../../src/config/prebuilt-yaml.js';
import { readYaml } from '../../src/config/yaml-source.js';
import { allChecks } from '../../src/diagnostics/registry.js';
import { loadRunbooks, SHIPPED_DIR } from '../../src/incidents/runbooks/loader.js';
import { packagePath } from '../../src/util/package-root.js';

/**
 * Issue 14: the shipped runbooks and signals are parsed at build time (dist/shipped-yaml.json)
 * so a one-shot command does not run a cold YAML parser. What a user would notice if this
 * went wrong: a runbook or signal different from its file, or a problem without its line.
 */
const shipped = [
  ...readdirSync(SHIPPED_DIR).map((f) => join(SHIPPED_DIR, f)),
  ...readdirSync(packagePath('signals')).map((f) => packagePath('signals', f)),
].filter((f) => f.endsWith('.yml'));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('shipped YAML parsed at build time', () => {
  it('holds every shipped runbook and signal file, each equal to a full parse of the file as it is now', () => {
    const table = JSON.parse(readFileSync(PREBUILT_YAML_FILE, 'utf8')) as { files: Record<string, string> };
    expect(shipped.length).toBeGreaterThanOrEqual(9);
    for (const file of shipped) {
      const text = readFileSync(file, 'utf8');
      const json = table.files[yamlHash(text)];
      expect(json, `${file} is not in dist/shipped-yaml.json: run npm run build`).toBeDefined();
      expect(JSON.parse(json!), file).toEqual(parseDocument(text).toJS());
    }
  });

  it('serves a file only for exactly the text it was built from', () => {
    const text = readFileSync(join(SHIPPED_DIR, 'sign-in-fails.yml'), 'utf8');
    expect(prebuiltYamlValue(text)).toMatchObject({ id: 'sign-in-fails' });
    const edited = text.replace(/^title: .*$/m, 'title: Edited by the team');
    expect(prebuiltYamlValue(edited)).toBeUndefined();
    // An edited copy is parsed as before, so the edit is what the bot shows.
    expect(readYaml(edited, 'x.yml').value).toMatchObject({ id: 'sign-in-fails', title: 'Edited by the team' });
  });

  it('hands out a fresh copy each time, so one reader cannot change what the next one sees', () => {
    const text = readFileSync(join(SHIPPED_DIR, 'sign-in-fails.yml'), 'utf8');
    const a = readYaml(text, 'a.yml').value as { title: string };
    a.title = 'changed';
    expect((readYaml(text, 'b.yml').value as { title: string }).title).not.toBe('changed');
  });

  it('still names the line of a problem in a file served from the build', () => {
    // A team folder holding a copy of a shipped runbook: the copy's text is in the table,
    // and its id clashes with the shipped one, which is reported at the copy's line.
    const base = mkdtempSync(join(tmpdir(), 'ctx-prebuilt-'));
    dirs.push(base);
    mkdirSync(join(base, 'team'));
    const text = readFileSync(join(SHIPPED_DIR, 'graph-fails.yml'), 'utf8');
    expect(prebuiltYamlValue(text)).toBeDefined();
    writeFileSync(join(base, 'team', 'copy.yml'), text);
    const idLine = text.split('\n').findIndex((l) => l.startsWith('id:')) + 1;
    const r = loadRunbooks({
      dirs: ['team'],
      baseDir: base,
      checkIds: new Set(allChecks.map((c) => c.id)),
      actionKinds: new Map([
        ['reset-jwks', {}],
        ['reindex-repository', {}],
        ['backup', {}],
      ]),
      hasSignal: () => true,
    });
    expect(r.problems).toEqual([
      {
        source: `team/copy.yml:${idLine}`,
        key: 'id',
        message: `duplicate runbook id "graph-fails" (already defined in runbooks/graph-fails.yml:${idLine})`,
      },
    ]);
  });
});
