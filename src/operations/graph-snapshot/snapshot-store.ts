import type { Store } from '../../store/store.js';

/** What the bot recorded about each graph snapshot: server-side ones and the exports it holds. */
export type GraphSnapshotKind = 'server' | 'export';
export type GraphSnapshotState = 'done' | 'verified' | 'failed' | 'removed';

export interface GraphSnapshotRow {
  id: number;
  env: string;
  runId: number | null;
  provider: string;
  kind: GraphSnapshotKind;
  state: GraphSnapshotState;
  graph: string | null;
  fileName: string | null;
  path: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  serverTime: Date | null;
  detail: string;
  startedAt: Date;
  finishedAt: Date;
  removedAt: Date | null;
}

export type NewGraphSnapshot = Omit<GraphSnapshotRow, 'id' | 'removedAt'>;

function fromRow(r: Record<string, unknown>): GraphSnapshotRow {
  return {
    id: r.id as number,
    env: r.env as string,
    runId: (r.run_id as number) ?? null,
    provider: r.provider as string,
    kind: r.kind as GraphSnapshotKind,
    state: r.state as GraphSnapshotState,
    graph: (r.graph as string) ?? null,
    fileName: (r.file_name as string) ?? null,
    path: (r.path as string) ?? null,
    sizeBytes: r.size_bytes === null || r.size_bytes === undefined ? null : Number(r.size_bytes),
    sha256: (r.sha256 as string) ?? null,
    serverTime: (r.server_time as Date) ?? null,
    detail: r.detail as string,
    startedAt: r.started_at as Date,
    finishedAt: r.finished_at as Date,
    removedAt: (r.removed_at as Date) ?? null,
  };
}

export function createGraphSnapshotStore(store: Store) {
  return {
    async record(s: NewGraphSnapshot): Promise<number> {
      const { rows } = await store.query<{ id: number }>(
        `INSERT INTO ctx_ops.graph_snapshots (env, run_id, provider, kind, state, graph, file_name, path, size_bytes, sha256, server_time, detail, started_at, finished_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          s.env,
          s.runId,
          s.provider,
          s.kind,
          s.state,
          s.graph,
          s.fileName,
          s.path,
          s.sizeBytes,
          s.sha256,
          s.serverTime,
          s.detail,
          s.startedAt,
          s.finishedAt,
        ],
      );
      return rows[0]!.id;
    },

    async list(env: string | undefined, limit: number): Promise<GraphSnapshotRow[]> {
      const { rows } = await store.query(
        `SELECT * FROM ctx_ops.graph_snapshots WHERE ($1::text IS NULL OR env = $1) ORDER BY finished_at DESC, id DESC LIMIT $2`,
        [env ?? null, limit],
      );
      return rows.map(fromRow);
    },

    /** The newest snapshot that worked (a server snapshot done, or an export verified). */
    async lastGood(env: string): Promise<GraphSnapshotRow | null> {
      const { rows } = await store.query(
        `SELECT * FROM ctx_ops.graph_snapshots WHERE env = $1 AND state IN ('done', 'verified') ORDER BY finished_at DESC, id DESC LIMIT 1`,
        [env],
      );
      return rows[0] ? fromRow(rows[0]) : null;
    },

    /** Verified exports of one graph key, for retention. */
    async verifiedExports(env: string, graph: string): Promise<GraphSnapshotRow[]> {
      const { rows } = await store.query(
        `SELECT * FROM ctx_ops.graph_snapshots WHERE env = $1 AND graph = $2 AND kind = 'export' AND state = 'verified' ORDER BY finished_at DESC`,
        [env, graph],
      );
      return rows.map(fromRow);
    },

    async markRemoved(id: number, at: Date): Promise<boolean> {
      const { rowCount } = await store.query(
        `UPDATE ctx_ops.graph_snapshots SET state = 'removed', removed_at = $2 WHERE id = $1 AND state = 'verified'`,
        [id, at],
      );
      return (rowCount ?? 0) > 0;
    },
  };
}

export type GraphSnapshotStore = ReturnType<typeof createGraphSnapshotStore>;
