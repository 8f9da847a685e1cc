import type { Environment } from '../../config/types.js';
import type { GuardedActionKind } from '../../runtime/guarded.js';
import { describeRules } from '../backup/retention.js';
import type { OpsContext } from '../ops-context.js';
import { NEEDS_STORE } from '../stores.js';
import { boltTargetOf, memgraphSnapshot } from './bolt-snapshot.js';
import { falkorSnapshot, falkorTarget } from './falkordb-snapshot.js';

/** The providers whose snapshot a client can trigger; the others are answered by the command. */
export const SNAPSHOT_PROVIDERS = ['falkordb', 'memgraph'] as const;

export function snapshotRefusal(ops: OpsContext, env: Environment): string | null {
  if (!ops.stores) return NEEDS_STORE;
  const p = env.ctx.GRAPH_DB_PROVIDER;
  if (p === 'falkordb') {
    const t = falkorTarget(env);
    return 'error' in t ? t.error : null;
  }
  if (p === 'memgraph') {
    const t = boltTargetOf(env);
    return 'error' in t ? t.error : null;
  }
  return `GRAPH_DB_PROVIDER=${p} has no snapshot ctx-ops can trigger`;
}

/** `graph-snapshot`: FalkorDB BGSAVE (and, when configured, verified exports) or Memgraph CREATE SNAPSHOT. */
export function graphSnapshotKind(ops: OpsContext): GuardedActionKind<Record<string, never>> {
  const cfg = ops.config.operations.graphSnapshot;
  return {
    kind: 'graph-snapshot',
    title: (_p, env) => `Snapshot the graph database of ${env.name}`,
    confirmLabel: 'Take the snapshot',
    timeoutMs: cfg.deadlineSeconds * 1000 + 30 * 60_000,
    precheck: async (_p, env) => snapshotRefusal(ops, env),
    async preview(_p, env) {
      if (env.ctx.GRAPH_DB_PROVIDER === 'memgraph') {
        const t = boltTargetOf(env);
        return [
          `Memgraph at \`${'error' in t ? '?' : t.display}\`: \`CREATE SNAPSHOT\`, then \`SHOW SNAPSHOTS\` for its place and time`,
          'The snapshot file stays on the Memgraph host; Memgraph prunes old ones (--storage-snapshot-retention-count)',
        ];
      }
      const t = falkorTarget(env);
      return [
        `FalkorDB at \`${'error' in t ? '?' : t.display}\`: \`BGSAVE\`, followed with \`INFO persistence\` / \`LASTSAVE\` for up to ${cfg.deadlineSeconds} s`,
        cfg.export
          ? `Then each graph (\`GRAPH.LIST\`) is copied with \`DUMP\` into \`${ops.backupDir}\` with its sha256, verified by \`RESTORE\` under a scratch key (deleted afterwards) and node/edge counts; retention ${describeRules(ops.config.operations.retention)}`
          : 'The snapshot file stays on the FalkorDB host (no copy held by ctx-ops: operations.graphSnapshot.export is off)',
      ];
    },
    async run(ctx) {
      if (ctx.env.ctx.GRAPH_DB_PROVIDER === 'memgraph') return memgraphSnapshot(ops, ctx.env, { runId: ctx.runId });
      return falkorSnapshot(ops, ctx.env, {
        signal: ctx.signal,
        ...(ctx.runId !== undefined ? { runId: ctx.runId } : {}),
        ...(ctx.track ? { track: ctx.track } : {}),
      });
    },
  };
}
