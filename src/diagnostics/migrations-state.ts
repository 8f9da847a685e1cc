import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';

/**
 * What the deployment's migrations folder holds versus what drizzle recorded in
 * drizzle.__drizzle_migrations. Drizzle v1 names each migration by its folder
 * (`<YYYYMMDDHHMMSS>_<name>/migration.sql`) and stores the sha256 of that file's text.
 * Shared by the `migrations` check and the `/ctx migrate` operation.
 */
export interface LocalMigration {
  name: string;
  hash: string;
}

export interface AppliedMigration {
  id: number;
  name: string | null;
  hash: string;
  createdAt: number | null;
  appliedAt: Date | null;
}

export interface MigrationComparison {
  pending: string[];
  /** Applied, but the file's sha256 differs from what was recorded. */
  changed: string[];
  /** Recorded in the database but absent from the folder (database newer than the code?). */
  unknown: string[];
  appliedCount: number;
}

export const MIGRATIONS_TABLE = 'drizzle.__drizzle_migrations';

export function readMigrationFolder(dir: string): LocalMigration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort() // code-unit order: the timestamped folder names sort as drizzle applies them
    .map((name) => ({
      name,
      hash: createHash('sha256')
        .update(readFileSync(join(dir, name, 'migration.sql')).toString())
        .digest('hex'),
    }));
}

/** Null when the table does not exist: migrations never ran against this database. */
export async function readAppliedMigrations(client: Pick<pg.ClientBase, 'query'>): Promise<AppliedMigration[] | null> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('${MIGRATIONS_TABLE}')::text AS t`);
  if (!exists.rows[0]?.t) return null;
  const cols = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'drizzle' AND table_name = '__drizzle_migrations'`,
  );
  const have = new Set(cols.rows.map((r) => r.column_name));
  // Older drizzle layouts lack name/applied_at; read what is there.
  const sql = `SELECT id, hash, created_at, ${have.has('name') ? 'name' : 'NULL::text AS name'}, ${
    have.has('applied_at') ? 'applied_at' : 'NULL::timestamptz AS applied_at'
  } FROM ${MIGRATIONS_TABLE} ORDER BY id`;
  const { rows } = await client.query<{
    id: number;
    hash: string;
    created_at: string | null;
    name: string | null;
    applied_at: Date | null;
  }>(sql);
  return rows.map((r) => ({
    id: r.id,
    hash: r.hash,
    name: r.name,
    createdAt: r.created_at === null ? null : Number(r.created_at),
    appliedAt: r.applied_at,
  }));
}

export function compareMigrations(local: LocalMigration[], applied: AppliedMigration[]): MigrationComparison {
  const appliedByName = new Map(applied.filter((a) => a.name).map((a) => [a.name!, a]));
  const localNames = new Set(local.map((l) => l.name));
  return {
    pending: local.filter((l) => !appliedByName.has(l.name)).map((l) => l.name),
    changed: local
      .filter((l) => appliedByName.has(l.name) && appliedByName.get(l.name)!.hash !== l.hash)
      .map((l) => l.name),
    unknown: [...appliedByName.keys()].filter((n) => !localNames.has(n)),
    appliedCount: applied.length,
  };
}
