import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { allChecks } from '../../src/diagnostics/registry.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the documented example configuration', () => {
  const example = readFileSync(join(ROOT, 'ctx-ops.example.yml'), 'utf8');

  it('is the one shown in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const body = example.split('\n').slice(1).join('\n');
    expect(readme).toContain(`\`\`\`yaml\n${body}\`\`\``);
  });

  it('loads without a single problem (every key exists and every value is valid)', () => {
    // The example names /srv/… paths; put them under a temp dir so they exist here.
    const dir = mkdtempSync(join(tmpdir(), 'ctx-ops-example-'));
    try {
      const yaml = example.replaceAll('/srv/', `${dir}/srv/`);
      for (const env of ['ctx', 'ctx-staging']) {
        mkdirSync(join(dir, 'srv', env), { recursive: true });
        writeFileSync(
          join(dir, 'srv', env, '.env'),
          'DATABASE_URL=postgres://ctx:pw@db:5432/ctx\nAUTH_BASE_URL=https://ctx.example.com\n',
        );
      }
      writeFileSync(join(dir, 'ctx-ops.yml'), yaml);
      const config = loadConfig({ env: {}, cwd: dir, checks: allChecks });
      expect(config.environments.map((e) => [e.name, e.production])).toEqual([
        ['prod', true],
        ['staging', false],
      ]);
      expect(config.channels.alerts).toBe('C0ALERTS');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
