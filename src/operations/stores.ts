import type { Redactor } from '../log/redactor.js';
import type { Store } from '../store/store.js';
import { createApprovalStore, type ApprovalStore } from './approvals/approval-store.js';
import { createAuditLog, type AuditLog } from './audit/audit.js';
import { createBackupStore, type BackupStore } from './backup/backup-store.js';
import { createRunStore, type RunStore } from './approvals/run-store.js';
import { createGraphSnapshotStore, type GraphSnapshotStore } from './graph-snapshot/snapshot-store.js';

/** The operations' tables in ctx_ops, built once per bot (absent without a store). */
export interface OpsStores {
  store: Store;
  approvals: ApprovalStore;
  runs: RunStore;
  backups: BackupStore;
  audit: AuditLog;
  graphSnapshots: GraphSnapshotStore;
}

export function createOpsStores(store: Store, redactor: Redactor, now: () => Date): OpsStores {
  return {
    store,
    approvals: createApprovalStore(store),
    runs: createRunStore(store),
    backups: createBackupStore(store),
    audit: createAuditLog(store, redactor, now),
    graphSnapshots: createGraphSnapshotStore(store),
  };
}

export const NEEDS_STORE =
  "Guarded operations need the bot's store (Postgres schema `ctx_ops`) to record approvals and the audit log: set `CTX_OPS_DATABASE_URL` or `store.databaseUrl` in ctx-ops.yml (the default environment's DATABASE_URL is used when neither is set).";
