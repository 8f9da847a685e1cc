import type { Store } from '../../store/store.js';

/** What the bot knows about each backup it took: where, how big, its sha256, whether it restores. */
export type BackupState = 'running' | 'verified' | 'failed' | 'interrupted' | 'removed';

export interface BackupRow {
  id: number;
  env: string;
  runId: number | null;
  fileName: string;
  path: string;
  state: BackupState;
  sizeBytes: number | null;
  sha256: string | null;
  database: string | null;
  serverVersion: string | null;
  pgDumpVersion: string | null;
  verification: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  removedAt: Date | null;
  restoreTestedAt: Date | null;
  restoreTestOk: boolean | null;
  restoreTestSummary: string | null;
}

function fromRow(r: Record<string, unknown>): BackupRow {
  return {
    id: r.id as number,
    env: r.env as string,
    runId: (r.run_id as number) ?? null,
    fileName: r.file_name as string,
    path: r.path as string,
    state: r.state as BackupState,
    sizeBytes: r.size_bytes === null || r.size_bytes === undefined ? null : Number(r.size_bytes),
    sha256: (r.sha256 as string) ?? null,
    database: (r.database as string) ?? null,
    serverVersion: (r.server_version as string) ?? null,
    pgDumpVersion: (r.pg_dump_version as string) ?? null,
    verification: (r.verification as string) ?? null,
    startedAt: r.started_at as Date,
    finishedAt: (r.finished_at as Date) ?? null,
    removedAt: (r.removed_at as Date) ?? null,
    restoreTestedAt: (r.restore_tested_at as Date) ?? null,
    restoreTestOk: (r.restore_test_ok as boolean) ?? null,
    restoreTestSummary: (r.restore_test_summary as string) ?? null,
  };
}

export function createBackupStore(store: Store) {
  return {
    async start(b: {
      env: string;
      runId: number | null;
      fileName: string;
      path: string;
      startedAt: Date;
      database: string;
      serverVersion: string;
      pgDumpVersion: string;
    }): Promise<number> {
      const { rows } = await store.query<{ id: number }>(
        `INSERT INTO ctx_ops.backups (env, run_id, file_name, path, state, started_at, database, server_version, pg_dump_version)
         VALUES ($1, $2, $3, $4, 'running', $5, $6, $7, $8) RETURNING id`,
        [b.env, b.runId, b.fileName, b.path, b.startedAt, b.database, b.serverVersion, b.pgDumpVersion],
      );
      return rows[0]!.id;
    },

    async finish(
      id: number,
      f: {
        state: 'verified' | 'failed' | 'interrupted';
        finishedAt: Date;
        sizeBytes?: number;
        sha256?: string;
        verification: string;
      },
    ): Promise<void> {
      await store.query(
        `UPDATE ctx_ops.backups SET state = $2, finished_at = $3, size_bytes = $4, sha256 = $5, verification = $6 WHERE id = $1 AND state = 'running'`,
        [id, f.state, f.finishedAt, f.sizeBytes ?? null, f.sha256 ?? null, f.verification],
      );
    },

    async interruptRun(runId: number, finishedAt: Date, why: string): Promise<void> {
      await store.query(
        `UPDATE ctx_ops.backups SET state = 'interrupted', finished_at = $2, verification = $3 WHERE run_id = $1 AND state = 'running'`,
        [runId, finishedAt, why],
      );
    },

    async list(env: string | undefined, limit: number): Promise<BackupRow[]> {
      const { rows } = await store.query(
        `SELECT * FROM ctx_ops.backups WHERE ($1::text IS NULL OR env = $1) ORDER BY started_at DESC, id DESC LIMIT $2`,
        [env ?? null, limit],
      );
      return rows.map(fromRow);
    },

    async lastVerified(env: string): Promise<BackupRow | null> {
      const { rows } = await store.query(
        `SELECT * FROM ctx_ops.backups WHERE env = $1 AND state = 'verified' ORDER BY finished_at DESC, id DESC LIMIT 1`,
        [env],
      );
      return rows[0] ? fromRow(rows[0]) : null;
    },

    async verified(env: string): Promise<BackupRow[]> {
      const { rows } = await store.query(
        `SELECT * FROM ctx_ops.backups WHERE env = $1 AND state = 'verified' ORDER BY finished_at DESC`,
        [env],
      );
      return rows.map(fromRow);
    },

    async get(id: number): Promise<BackupRow | null> {
      const { rows } = await store.query('SELECT * FROM ctx_ops.backups WHERE id = $1', [id]);
      return rows[0] ? fromRow(rows[0]) : null;
    },

    async markRemoved(id: number, at: Date): Promise<boolean> {
      const { rowCount } = await store.query(
        `UPDATE ctx_ops.backups SET state = 'removed', removed_at = $2 WHERE id = $1 AND state = 'verified'`,
        [id, at],
      );
      return (rowCount ?? 0) > 0;
    },

    async recordRestoreTest(id: number, ok: boolean, summary: string, at: Date): Promise<void> {
      await store.query(
        'UPDATE ctx_ops.backups SET restore_tested_at = $2, restore_test_ok = $3, restore_test_summary = $4 WHERE id = $1',
        [id, at, ok, summary],
      );
    },
  };
}

export type BackupStore = ReturnType<typeof createBackupStore>;
