import { createApprovalStore } from './approvals/approval-store.js';
import { createAuditLog } from './audit/audit.js';
import { createBackupStore } from './backup/backup-store.js';
import { createRunStore } from './approvals/run-store.js';
import { createGraphSnapshotStore } from './graph-snapshot/snapshot-store.js';
export function createOpsStores(store, redactor, now) {
    return {
        store,
        approvals: createApprovalStore(store),
        runs: createRunStore(store),
        backups: createBackupStore(store),
        audit: createAuditLog(store, redactor, now),
        graphSnapshots: createGraphSnapshotStore(store),
    };
}
export const NEEDS_STORE = "Guarded operations need the bot's store (Postgres schema `ctx_ops`) to record approvals and the audit log: set `CTX_OPS_DATABASE_URL` or `store.databaseUrl` in ctx-ops.yml (the default environment's DATABASE_URL is used when neither is set).";
