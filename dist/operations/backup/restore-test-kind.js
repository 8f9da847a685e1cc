import { ago, formatBytes } from '../../util/format.js';
import { NEEDS_STORE } from '../stores.js';
import { describeMismatch } from './row-comparison.js';
import { reportRestoreTest, runRestoreTest } from './restore-test.js';
/** The tolerance of on-demand restore tests, from operations.restoreTest. */
export function restoreTolerance(ops) {
    const rt = ops.config.operations.restoreTest;
    return { rows: rt.rowToleranceRows, percent: rt.rowTolerancePercent };
}
async function refusal(ops, env) {
    if (!ops.stores)
        return NEEDS_STORE;
    if (!env.ctx.DATABASE_URL)
        return `DATABASE_URL is not set for ${env.name} (a scratch database needs the server)`;
    const b = await ops.stores.backups.lastVerified(env.name);
    return b
        ? null
        : `there is no verified backup of ${env.name} to test yet (take one with \`/ctx backup ${env.name}\`)`;
}
/**
 * `restore-test`: the newest verified backup, checked against its sha256, restored into a
 * scratch database (dropped afterwards), and every table's rows compared with the live
 * database. Recorded like the scheduled test (the backup's restore-test columns, a run, the
 * audit log); a failure is also posted to channels.alerts.
 */
export function restoreTestKind(ops) {
    return {
        kind: 'restore-test',
        title: (_p, env) => `Restore-test the latest backup of ${env.name}`,
        confirmLabel: 'Run the restore test',
        timeoutMs: ops.config.operations.backupTimeoutMinutes * 60_000 + 120_000,
        precheck: (_p, env) => refusal(ops, env),
        async preview(_p, env) {
            const b = await ops.stores?.backups.lastVerified(env.name);
            const t = restoreTolerance(ops);
            return [
                b
                    ? `Backup: \`${b.fileName}\` (${formatBytes(b.sizeBytes)}, taken ${ago(b.finishedAt, ops.now())}), checked against its sha256 first`
                    : 'No verified backup yet',
                'Restored with pg_restore into a scratch database on the same server, which is dropped afterwards; the live database is only read',
                `Every table's rows are compared with the live database: a table passes when they differ by at most ${t.rows} rows or ${t.percent}% (the live database keeps changing after a backup)`,
            ];
        },
        async run(ctx) {
            const out = await runRestoreTest(ops, ctx.env.name, { signal: ctx.signal, compare: restoreTolerance(ops) });
            if (out.status === 'failed')
                await reportRestoreTest(ops, out).catch(() => { });
            const b = out.backup;
            const details = [
                ...(b
                    ? [`Backup: \`${b.fileName}\` (${formatBytes(b.sizeBytes)}, taken ${ago(b.finishedAt, ops.now())})`]
                    : []),
                ...(out.comparison?.mismatches.map((m) => `Differs: ${describeMismatch(m)}`) ?? []),
            ];
            return {
                ok: out.status === 'passed',
                summary: out.status === 'taken'
                    ? 'nothing ran: another restore test holds the lock'
                    : out.status === 'skipped'
                        ? `nothing ran: ${out.summary}`
                        : out.summary,
                details,
                ...(b?.sha256 ? { checksum: b.sha256 } : {}),
            };
        },
    };
}
