import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { createAuditHandler } from './audit/audit-command.js';
import { createBackupHandler } from './backup/backup-command.js';
import { createBackupsHandler } from './backup/backups-command.js';
import { createRestoreTestHandler } from './backup/restore-test-command.js';
import { restoreTestKind } from './backup/restore-test-kind.js';
import { readFreshness } from './backup/freshness.js';
import { createGraphSnapshotHandler } from './graph-snapshot/graph-snapshot-command.js';
import { graphSnapshotKind } from './graph-snapshot/graph-snapshot-kind.js';
import { createMigrateHandler } from './migrate/migrate-command.js';
import { createApprovals } from './approvals/approvals.js';
import { backupThenMigrateKind } from './migrate/backup-then-migrate.js';
import { backupKind } from './backup/backup-kind.js';
import { migrateKind } from './migrate/migrate-kind.js';
import { createBackgroundPoster } from './notify.js';
import { createGroupResolver } from '../slack/user-groups.js';
import { recover } from './approvals/recovery.js';
import { reportRestoreTest, runRestoreTest, scheduleRestoreTests, } from './backup/restore-test.js';
import { createOpsStores } from './stores.js';
import { countedApprovalStore } from './approvals/approval-metrics.js';
import { ACTION_APPROVAL_CANCEL, ACTION_APPROVAL_CONFIRM } from './render.js';
/**
 * `/ctx backup`, `/ctx backups`, `/ctx migrate`, `/ctx audit`, the Confirm / Cancel
 * buttons, the approvals service other features use ("approvals"), the backups view the
 * digest uses ("backups"), restore tests on a schedule, and clean-up after a restart.
 */
export function createOperationsFeature(opts = {}) {
    return (core) => {
        const log = core.log.child({ feature: 'operations' });
        const built = core.store ? createOpsStores(core.store, core.redactor, core.now) : null;
        const stores = built && { ...built, approvals: countedApprovalStore(built.approvals, core.metrics) };
        let rt = null;
        const baseDir = core.config.configFile ? dirname(core.config.configFile) : process.cwd();
        const ops = {
            config: core.config,
            log,
            redactor: core.redactor,
            now: core.now,
            stores,
            backupDir: resolve(baseDir, core.config.operations.backupDir),
            toolEnv: { ...(core.config.toolEnv ?? {}) },
            progressIntervalMs: opts.progressIntervalMs ?? 3000,
            poster: createBackgroundPoster({
                services: core.services,
                slack: () => rt?.slack ?? null,
                redactor: core.redactor,
                log,
            }),
        };
        const approvals = createApprovals({
            config: core.config,
            log,
            redactor: core.redactor,
            now: core.now,
            stores,
            groups: createGroupResolver({ client: () => rt?.slack?.client ?? null, log, ttlMs: opts.groupCacheMs }),
            runner: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
        });
        approvals.registerKind(backupKind(ops));
        approvals.registerKind(migrateKind(ops));
        approvals.registerKind(backupThenMigrateKind(ops));
        approvals.registerKind(restoreTestKind(ops));
        approvals.registerKind(graphSnapshotKind(ops));
        core.services.register('approvals', approvals);
        const backupsInfo = {
            async lastVerified(env) {
                const b = await stores?.backups.lastVerified(env);
                return b?.finishedAt
                    ? { finishedAt: b.finishedAt, file: b.fileName, sizeBytes: b.sizeBytes ?? 0, sha256: b.sha256 ?? '' }
                    : null;
            },
        };
        if (stores)
            backupsInfo.freshness = (env) => readFreshness(stores, env);
        core.services.register('backups', backupsInfo);
        let recovering = Promise.resolve();
        const recoverOnce = () => (recovering = recover(ops, approvals).catch((err) => {
            log.warn({ err: { message: core.redactor.scrub(err.message) } }, 'could not look for interrupted operations (will retry)');
            return { interrupted: 0, expired: 0 };
        }));
        let timer;
        let cron = null;
        return {
            name: 'operations',
            approvals,
            ops,
            handlers: [
                createBackupHandler({ config: core.config, approvals }),
                createBackupsHandler({
                    config: core.config,
                    backups: stores?.backups ?? null,
                    graphSnapshots: stores?.graphSnapshots ?? null,
                    backupDir: ops.backupDir,
                    now: core.now,
                }),
                createMigrateHandler({
                    config: core.config,
                    approvals,
                    backups: stores?.backups ?? null,
                    scrub: core.redactor.scrub,
                    now: core.now,
                }),
                createRestoreTestHandler({ config: core.config, approvals }),
                createGraphSnapshotHandler({ config: core.config, approvals, ops }),
                createAuditHandler({ audit: stores?.audit ?? null, timeZone: core.config.timezone }),
            ],
            actions: createApprovalActions(approvals),
            recover: () => recoverOnce(),
            recovered: () => recovering,
            async restoreTestNow(env, slot) {
                const out = await runRestoreTest(ops, env, slot ? { slot } : {});
                await reportRestoreTest(ops, out);
                return out;
            },
            start(runtime) {
                rt = runtime;
                if (!stores)
                    return;
                void recoverOnce();
                timer = setInterval(() => void recoverOnce(), opts.recoverEveryMs ?? 60_000);
                timer.unref();
                // The shell has no channel to report to; restore tests run where Slack is connected.
                if (runtime.surface === 'slack')
                    cron = scheduleRestoreTests(ops);
            },
            async stop() {
                clearInterval(timer);
                await Promise.resolve(cron?.task.destroy());
                // A restore test in progress is allowed to finish and report (bounded).
                let wait;
                await Promise.race([cron?.idle(), new Promise((r) => (wait = setTimeout(r, 30_000)))]);
                clearTimeout(wait);
                await approvals.stop();
                await recovering;
            },
        };
    };
}
export const operationsFeature = createOperationsFeature();
/**
 * The two buttons of every confirmation. Their value is the approval id and nothing else:
 * what runs is read from Postgres, where it is bound by the parameters' hash.
 */
export function createApprovalActions(approvals) {
    return [
        { actionId: ACTION_APPROVAL_CONFIRM, run: (req) => approvals.confirm(req) },
        { actionId: ACTION_APPROVAL_CANCEL, run: (req) => approvals.cancel(req) },
    ];
}
