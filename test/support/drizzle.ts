import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';

/** Writes a drizzle v1 migrations folder: <YYYYMMDDHHMMSS>_<name>/migration.sql. */
export function writeMigration(dir: string, name: string, sql: string): void {
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, 'migration.sql'), sql);
  writeFileSync(join(dir, name, 'snapshot.json'), '{}');
}

/** Applies a folder with the real drizzle-orm v1 migrator, as ctx|'s migrate.ts does. */
export async function drizzleMigrate(databaseUrl: string, migrationsFolder: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await migrate(drizzle({ client: pool }), { migrationsFolder });
  } finally {
    await pool.end();
  }
}
