import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';
import type { Logger } from 'pino';
import { packagePath } from '../util/package-root.js';

/** sql/ctx_ops at the package root; the same path from src/ (tsx) and the bundled dist/ (node). */
export const MIGRATIONS_DIR = packagePath('sql', 'ctx_ops');

export interface StoreMigration {
  name: string;
  sql: string;
}

export function readStoreMigrations(dir = MIGRATIONS_DIR): StoreMigration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/\.sql$/, ''), sql: readFileSync(`${dir}/${f}`, 'utf8') }));
}

// Any fixed 64-bit number; it only has to differ from other users of advisory locks.
/** The advisory lock that serialises migrations across replicas. */
export const MIGRATION_LOCK = 0x63_74_78_6f_70_73_01n;

/**
 * Brings schema ctx_ops up to date. Safe to run from several replicas at once: a
 * transaction-level advisory lock serialises them and applied names are skipped.
 */
export async function migrateStore(pool: pg.Pool, log: Logger, migrations = readStoreMigrations()): Promise<string[]> {
  // Nearly always the schema is up to date: one read says so, instead of the seven round
  // trips of the locked path below (a one-shot `ctx-ops status` pays them before answering).
  if (await upToDate(pool, migrations)) return [];
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    await client.query('CREATE SCHEMA IF NOT EXISTS ctx_ops');
    await client.query(
      'CREATE TABLE IF NOT EXISTS ctx_ops.schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ name: string }>('SELECT name FROM ctx_ops.schema_migrations');
    const done = new Set(rows.map((r) => r.name));
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO ctx_ops.schema_migrations (name) VALUES ($1)', [m.name]);
      applied.push(m.name);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  if (applied.length) log.info({ applied }, 'ctx_ops store migrated');
  return applied;
}

/** True when every migration is recorded as applied; false when unsure (no table yet, no access). */
async function upToDate(pool: pg.Pool, migrations: readonly StoreMigration[]): Promise<boolean> {
  try {
    const { rows } = await pool.query<{ name: string }>('SELECT name FROM ctx_ops.schema_migrations');
    const done = new Set(rows.map((r) => r.name));
    return migrations.every((m) => done.has(m.name));
  } catch {
    return false;
  }
}
