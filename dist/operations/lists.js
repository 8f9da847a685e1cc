import { context, escapeMrkdwn, md } from '../ui/blocks.js';
import { chunkLines, fitBlocks } from '../ui/limits.js';
import { ago, dateTime, formatBytes, formatDuration, shortHash } from '../util/format.js';
import { who } from './render.js';
import { plainTable } from '../ui/plain-text.js';
/** `/ctx backups` and `/ctx audit`: lists that read in Slack, a terminal and --json. */
const STATE_MARK = {
    verified: '✅',
    running: '⏳',
    failed: '❌',
    interrupted: '⚠️',
    removed: '🗑️',
};
function restoreTestText(b, now) {
    if (!b.restoreTestedAt)
        return '';
    return `restore test ${b.restoreTestOk ? 'passed' : 'FAILED'} ${ago(b.restoreTestedAt, now)}`;
}
/** "2026-11-28 04:00 CET (5 h 1 min ago)": when the backup finished (or started). */
const when = (b, timeZone, now) => {
    const at = b.finishedAt ?? b.startedAt;
    return `${dateTime(at, timeZone)} (${ago(at, now)})`;
};
export function renderBackups(rows, opts) {
    const { now } = opts;
    if (!rows.length) {
        const text = `No backups yet for ${opts.scope}. Take one with \`/ctx backup\` (they go to ${opts.backupDir}).`;
        return { text, blocks: [md(text)], json: { backups: [] } };
    }
    const lines = rows.map((b) => {
        const parts = [
            `${STATE_MARK[b.state]} *${escapeMrkdwn(b.fileName)}*`,
            b.state === 'verified' || b.state === 'removed' ? formatBytes(b.sizeBytes) : b.state,
            when(b, opts.timeZone, now),
            b.sha256 ? `sha256 \`${shortHash(b.sha256)}\`` : '',
            b.verification ? escapeMrkdwn(b.verification) : '',
            restoreTestText(b, now),
        ].filter(Boolean);
        return parts.join(' · ');
    });
    const blocks = fitBlocks([
        md(`*Backups of ${escapeMrkdwn(opts.scope)}* (newest first)`),
        ...chunkLines(lines).map(md),
        context(`Folder ${escapeMrkdwn(opts.backupDir)} · retention ${escapeMrkdwn(opts.retention)}`),
    ]);
    const plain = [
        `Backups of ${opts.scope} (newest first):`,
        plainTable(rows.map((b) => [
            b.state,
            b.fileName,
            b.sizeBytes === null ? '' : formatBytes(b.sizeBytes),
            when(b, opts.timeZone, now),
            b.sha256 ? shortHash(b.sha256) : '',
            [b.verification ?? '', restoreTestText(b, now)].filter(Boolean).join('; '),
        ]), { indent: 2 }),
        `  folder ${opts.backupDir} · retention ${opts.retention}`,
    ].join('\n');
    const json = {
        backups: rows.map((b) => ({
            env: b.env,
            file: b.fileName,
            path: b.path,
            state: b.state,
            sizeBytes: b.sizeBytes,
            sha256: b.sha256,
            verification: b.verification,
            startedAt: b.startedAt.toISOString(),
            finishedAt: b.finishedAt?.toISOString() ?? null,
            restoreTest: b.restoreTestedAt
                ? { at: b.restoreTestedAt.toISOString(), ok: b.restoreTestOk, summary: b.restoreTestSummary }
                : null,
        })),
    };
    return {
        text: [
            `Backups of ${opts.scope}:`,
            ...rows.map((b) => `${b.state} ${b.fileName} ${formatBytes(b.sizeBytes)} ${b.sha256 ?? ''}`),
        ].join('\n'),
        blocks,
        plain,
        json,
    };
}
function auditLine(r, timeZone) {
    const what = [r.kind, r.env].filter(Boolean).join(' ');
    const extra = [
        r.reason ? `(${r.reason})` : '',
        r.detail ? escapeMrkdwn(r.detail) : '',
        r.exitStatus !== undefined ? `exit ${r.exitStatus}` : '',
        r.durationMs !== undefined ? formatDuration(r.durationMs) : '',
        r.checksum ? `sha256 \`${shortHash(r.checksum)}\`` : '',
    ].filter(Boolean);
    return `\`${dateTime(r.at, timeZone, { seconds: true })}\` *${r.event}* ${escapeMrkdwn(what)}${r.actorId ? ` by ${who(r.actorId)}` : ''}${extra.length ? ` · ${extra.join(' · ')}` : ''}`;
}
export function renderAudit(rows, timeZone) {
    if (!rows.length) {
        const text = 'The audit log is empty: no guarded operation has been requested yet.';
        return { text, blocks: [md(text)], json: { audit: [] } };
    }
    const blocks = fitBlocks([
        md(`*Audit log* (newest first, ${rows.length} entries)`),
        ...chunkLines(rows.map((r) => auditLine(r, timeZone))).map(md),
    ]);
    const plain = [
        `Audit log (newest first, ${rows.length} entries):`,
        plainTable(rows.map((r) => [
            dateTime(r.at, timeZone, { seconds: true }),
            r.event,
            [r.kind, r.env].filter(Boolean).join(' '),
            r.actorId ?? '',
            [
                r.reason ? `(${r.reason})` : '',
                r.detail ?? '',
                r.exitStatus !== undefined ? `exit ${r.exitStatus}` : '',
                r.checksum ? `sha256 ${shortHash(r.checksum)}` : '',
            ]
                .filter(Boolean)
                .join(' '),
        ]), { indent: 2 }),
    ].join('\n');
    return {
        text: rows
            .map((r) => `${dateTime(r.at, timeZone, { seconds: true })} ${r.event} ${r.kind ?? ''} ${r.env ?? ''} ${r.actorId ?? ''} ${r.detail ?? ''}`)
            .join('\n'),
        blocks,
        plain,
        json: { audit: rows.map((r) => ({ ...r, at: r.at.toISOString() })) },
    };
}
