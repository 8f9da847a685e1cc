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

describe("migrations check against drizzle's real table", () => {
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

  it("warns (not fails) when an applied migration's file changed afterwards, and the real migrator indeed leaves it alone", async () => {
    await drizzleMigrate(db.url, dir);
    writeFileSync(
      join(dir, '20260101000000_init', 'migration.sql'),
      'CREATE TABLE organizations (id text PRIMARY KEY); -- edited',
    );
    const r = await check({ CTX_MIGRATIONS_DIR: dir });
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('up to date, 1 with a different hash (file or row edited) (2 applied)');
    const text = r.details.join('\n');
    expect(text).toMatch(/recorded hash that differs from the sha256 of their migration\.sql: 20260101000000_init/);
    expect(text).toMatch(/Either the file was edited after it ran, or the row in drizzle\.__drizzle_migrations was/);
    expect(text).toMatch(/will not run them again/);
    expect(r.runbook).toBeUndefined();
    // What the warning promises: the real migrator exits cleanly and re-runs nothing.
    await drizzleMigrate(db.url, dir);
    const rows = await db.query('SELECT name FROM drizzle.__drizzle_migrations ORDER BY id');
    expect(rows.rows.map((x) => x.name)).toEqual(['20260101000000_init', '20260102000000_repos']);
  });

  it("warns the same way when the row's hash was edited in the database", async () => {
    await drizzleMigrate(db.url, dir);
    await db.query(
      "UPDATE drizzle.__drizzle_migrations SET hash = repeat('0', 64) WHERE name = '20260102000000_repos'",
    );
    const r = await check({ CTX_MIGRATIONS_DIR: dir });
    expect(r.status).toBe('warn');
    expect(r.details.join('\n')).toMatch(/differs from the sha256 of their migration\.sql: 20260102000000_repos/);
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
