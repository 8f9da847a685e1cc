import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drizzleMigrate, writeMigration } from '../../support/drizzle.js';
import { buildBot, type Harness } from '../../support/harness.js';
import { createTestDatabase, type TestDatabase } from '../../support/pg.js';

let db: TestDatabase;
let dir: string;
let h: Harness | undefined;

beforeEach(async () => {
  db = await createTestDatabase('migr');
  dir = mkdtempSync(join(tmpdir(), 'ctx-migrations-'));
  writeMigration(dir, '20260101000000_init', 'CREATE TABLE organizations (id text PRIMARY KEY, name text, slug text);');
  writeMigration(dir, '20260102000000_repos', 'CREATE TABLE repositories (id text PRIMARY KEY, org_id text);');
});
afterEach(async () => {
  await h?.close();
  h = undefined;
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function check(env: Record<string, string>) {
  h = buildBot({ env: { DATABASE_URL: db.url, ...env } });
  const report = await h.bot.core.diagnostics.run('default', { only: ['migrations'], maxAgeMs: 0 });
  return report.checks.find((c) => c.id === 'migrations')!;
}

describe('migrations check against drizzle\'s real table', () => {
  it('fails with "migrations never ran" when drizzle\'s table is missing', async () => {
    const r = await check({ CTX_MIGRATIONS_DIR: dir });
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('migrations never ran');
    expect(r.runbook).toBe('migration-failed');
  });

  it('is up to date after the real drizzle migrator applied the folder', async () => {
    await drizzleMigrate(db.url, dir);
    const r = await check({ CTX_MIGRATIONS_DIR: dir });
    expect(r.status).toBe('ok');
    expect(r.summary).toBe('up to date (2 applied)');
    expect(r.details.join('\n')).toMatch(/last 20260102000000_repos at \d{4}-/);
  });

  it('lists pending migrations by folder name', async () => {
    await drizzleMigrate(db.url, dir);
    writeMigration(dir, '20260103000000_graph', 'ALTER TABLE repositories ADD COLUMN index_ready boolean;');
    writeMigration(dir, '20260104000000_jobs', 'CREATE TABLE jobs (id int);');
    const r = await check({ CTX_MIGRATIONS_DIR: dir });
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('2 pending (2 applied)');
    expect(r.details.join('\n')).toContain('2 pending: 20260103000000_graph, 20260104000000_jobs');
  });

  it('flags an applied migration whose migration.sql changed afterwards', async () => {
    await drizzleMigrate(db.url, dir);
    writeFileSync(join(dir, '20260101000000_init', 'migration.sql'), 'CREATE TABLE organizations (id text PRIMARY KEY); -- edited');
    const r = await check({ CTX_MIGRATIONS_DIR: dir });
    expect(r.status).toBe('fail');
    expect(r.details.join('\n')).toMatch(/sha256 mismatch\): 20260101000000_init/);
  });

  it('without CTX_MIGRATIONS_DIR reports the count and the last applied migration', async () => {
    await drizzleMigrate(db.url, dir);
    const r = await check({});
    expect(r.status).toBe('ok');
    expect(r.summary).toBe('2 applied, last 20260102000000_repos');
  });

  it('warns when the database holds migrations the folder does not know', async () => {
    await drizzleMigrate(db.url, dir);
    rmSync(join(dir, '20260102000000_repos'), { recursive: true });
    const r = await check({ CTX_MIGRATIONS_DIR: dir });
    expect(r.status).toBe('warn');
    expect(r.summary).toMatch(/1 unknown to the code/);
  });
});
