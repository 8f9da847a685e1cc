import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe } from 'vitest';
import { findPgTool, type PgTool } from '../../src/postgres/pg-tools.js';
import type { TestDatabase } from '../support/pg.js';

/** The environment spawned tools get in tests: PATH only, like config.toolEnv would give. */
export const TOOL_ENV: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin' };

/**
 * pg_dump and pg_restore are not part of the embedded Postgres the suite falls back to on a
 * machine with only Node: there, the tests that need them are skipped, and say why.
 */
const tools = await Promise.all([
  findPgTool('pg_dump', { minMajor: 0, env: TOOL_ENV }),
  findPgTool('pg_restore', { minMajor: 0, env: TOOL_ENV }),
]);
export const HAVE_PG_TOOLS = tools.every((t) => t.tool);
if (!HAVE_PG_TOOLS)
  process.stderr.write(
    'operations tests: pg_dump/pg_restore not installed (apt-get install postgresql-client); skipping the tests that need them\n',
  );
export const describeWithPgTools = HAVE_PG_TOOLS ? describe : describe.skip;

export const silentLog = pino({ level: 'silent' });

export async function realTool(name: 'pg_dump' | 'pg_restore'): Promise<PgTool> {
  const found = await findPgTool(name, { minMajor: 0, env: TOOL_ENV });
  if (!found.tool) throw new Error(`${name} is not installed`);
  return found.tool;
}

/** A temp folder removed by the returned function. */
export function tempDir(prefix: string): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), `ctx-ops-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An executable bash script standing in for pg_dump/pg_restore (it may call the real one). */
export function script(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/bash\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** A few of ctx|'s tables with the same names, filled with generate_series. */
export async function seedCtx(db: TestDatabase, repos = 500): Promise<Record<string, number>> {
  await db.query(`
    CREATE TABLE organizations (id text PRIMARY KEY, name text, slug text UNIQUE, created_at timestamptz DEFAULT now());
    CREATE TABLE repositories (id text PRIMARY KEY, org_id text REFERENCES organizations (id), name text, index_ready boolean DEFAULT false);
    CREATE TABLE connections (id text PRIMARY KEY, org_id text REFERENCES organizations (id), type text, config jsonb);
    CREATE INDEX repositories_org ON repositories (org_id);
    INSERT INTO organizations (id, name, slug) SELECT 'org_' || g, 'Org ' || g, 'org-' || g FROM generate_series(1, 3) g;
    INSERT INTO repositories (id, org_id, name, index_ready) SELECT 'repo_' || g, 'org_' || (1 + g % 3), 'repo-' || g, g % 2 = 0 FROM generate_series(1, ${repos}) g;
    INSERT INTO connections (id, org_id, type, config) SELECT 'conn_' || g, 'org_1', 'forge', jsonb_build_object('status', 'installed', 'n', g) FROM generate_series(1, 7) g;
  `);
  return { organizations: 3, repositories: repos, connections: 7 };
}

export async function counts(db: Pick<TestDatabase, 'query'>, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables)
    out[t] = Number((await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${t}`)).rows[0]!.n);
  return out;
}
