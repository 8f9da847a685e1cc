import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPgTool, parsePgVersion, probeTool, toolRefusal } from '../../src/postgres/pg-tools.js';
import { HAVE_PG_TOOLS, script, tempDir, TOOL_ENV } from './helpers.js';

const tmp = tempDir('pgtools');
afterAll(() => tmp.cleanup());
const fakeVersion = (name: string, version: string, dir = tmp.dir) =>
  script(dir, name, `echo "${name.replace(/-.*/, '')} (PostgreSQL) ${version}"`);

describe('pg tool versions', () => {
  it.each([
    ['pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)', '15.20', 15],
    ['pg_dump (PostgreSQL) 17.2', '17.2', 17],
    ['pg_restore (PostgreSQL) 9.6.24', '9.6.24', 9],
    ['pg_dump (PostgreSQL) 18beta1', '18', 18],
    ['something else', null, null],
  ])('%s → %s', (out, version, major) => {
    const v = parsePgVersion(out);
    expect(v?.version ?? null).toBe(version);
    expect(v?.major ?? null).toBe(major);
  });

  it.skipIf(!HAVE_PG_TOOLS)('finds the installed pg_dump on PATH and reads its real version', async () => {
    const found = await findPgTool('pg_dump', { minMajor: 15, env: TOOL_ENV });
    expect(found.tool?.major).toBe(15);
    expect(toolRefusal('pg_dump', found, 15, 'the server')).toBeNull();
  });

  it('refuses a pg_dump older than the server, naming both fixes', async () => {
    const old = fakeVersion('pg_dump-old', '13.14');
    const found = await findPgTool('pg_dump', { configured: old, minMajor: 15, env: TOOL_ENV });
    expect(found.tool?.version).toBe('13.14'); // a configured path is used as is, and judged
    const refusal = toolRefusal('pg_dump', found, 15, 'the server (PostgreSQL 15.20)');
    expect(refusal).toContain(`pg_dump 13.14 (${old}) is older than the server (PostgreSQL 15.20) (major 15)`);
    expect(refusal).toContain('refuses to dump a server of a newer major version');
    expect(refusal).toContain('apt-get install postgresql-client-15');
    expect(refusal).toContain('`operations.pgDumpPath`');
  });

  it('refuses a pg_restore that cannot read what pg_dump writes', async () => {
    const r = await findPgTool('pg_restore', {
      configured: fakeVersion('pg_restore-old', '14.1'),
      minMajor: 17,
      env: TOOL_ENV,
    });
    expect(toolRefusal('pg_restore', r, 17, 'pg_dump 17.2, which writes the backup')).toMatch(
      /pg_restore 14.1 .* cannot read an archive written by a newer pg_dump.*operations.pgRestorePath/,
    );
  });

  it('says what it tried when nothing usable exists', async () => {
    const r = await findPgTool('pg_dump', { configured: join(tmp.dir, 'missing'), minMajor: 15, env: TOOL_ENV });
    expect(r.tool).toBeUndefined();
    expect(toolRefusal('pg_dump', r, 15, 'the server')).toMatch(/No usable pg_dump was found \(.*missing: not found\)/);
  });

  it.skipIf(!HAVE_PG_TOOLS)(
    'looks in /usr/lib/postgresql/<major>/bin when PATH has one that is too old (Compose: server 17, bookworm client 15)',
    async () => {
      const lib = join(tmp.dir, 'lib');
      for (const m of ['16', '17']) {
        mkdirSync(join(lib, m, 'bin'), { recursive: true });
        script(join(lib, m, 'bin'), 'pg_dump', `echo "pg_dump (PostgreSQL) ${m}.3"`);
      }
      const found = await findPgTool('pg_dump', { minMajor: 17, env: TOOL_ENV, libDir: lib });
      expect(found.tool).toMatchObject({ path: join(lib, '17', 'bin', 'pg_dump'), major: 17 });
      expect(found.tried[0]).toMatchObject({ major: 15 }); // PATH's was looked at first
    },
  );

  it('reports a tool that does not answer like pg_dump', async () => {
    const odd = script(tmp.dir, 'odd', 'echo hello');
    expect(await probeTool('pg_dump', odd)).toMatchObject({
      error: expect.stringMatching(/unrecognised version output "hello"/),
    });
  });
});
