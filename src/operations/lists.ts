import type { OutMessage } from '../contracts/chat.js';
import type { AuditRow } from './audit/audit.js';
import type { BackupRow } from './backup/backup-store.js';
import type { GraphSnapshotRow } from './graph-snapshot/snapshot-store.js';
import { context, escapeMrkdwn, md } from '../ui/blocks.js';
import { chunkLines, fitBlocks } from '../ui/limits.js';
import { ago, dateTime, formatBytes, formatDuration, shortHash } from '../util/format.js';
import { who } from './render.js';
import { plainTable } from '../ui/plain-text.js';

/** `/ctx backups` and `/ctx audit`: lists that read in Slack, a terminal and --json. */

const STATE_MARK: Record<BackupRow['state'], string> = {
  verified: '✅',
  running: '⏳',
  failed: '❌',
  interrupted: '⚠️',
  removed: '🗑️',
};

function restoreTestText(b: BackupRow, now: Date): string {
  if (!b.restoreTestedAt) return '';
  return `restore test ${b.restoreTestOk ? 'passed' : 'FAILED'} ${ago(b.restoreTestedAt, now)}`;
}

/** "2026-11-28 04:00 CET (5 h 1 min ago)": when the backup finished (or started). */
const when = (b: BackupRow, timeZone: string, now: Date) => {
  const at = b.finishedAt ?? b.startedAt;
  return `${dateTime(at, timeZone)} (${ago(at, now)})`;
};

const GRAPH_MARK: Record<GraphSnapshotRow['state'], string> = {
  done: '✅',
  verified: '✅',
  failed: '❌',
  removed: '🗑️',
};

/** "FalkorDB export org_a", "Memgraph snapshot (on the server)". */
export function graphKindText(g: GraphSnapshotRow): string {
  const provider = g.provider === 'falkordb' ? 'FalkorDB' : g.provider === 'memgraph' ? 'Memgraph' : g.provider;
  return g.kind === 'export' ? `${provider} export ${g.graph ?? ''}`.trim() : `${provider} snapshot (on the server)`;
}

function graphVerifiedText(g: GraphSnapshotRow): string {
  if (g.state === 'failed') return 'failed';
  if (g.kind === 'export') return g.state === 'verified' ? 'verified by RESTORE' : g.state;
  return 'completed on the server (not verified by ctx-ops)';
}

type Entry = { at: Date; pg?: BackupRow; graph?: GraphSnapshotRow };

/** Postgres backups and graph snapshots in one list, newest first. */
export function renderBackups(
  rows: BackupRow[],
  opts: { now: Date; scope: string; backupDir: string; retention: string; timeZone: string },
  graphs: GraphSnapshotRow[] = [],
): OutMessage {
  const { now } = opts;
  if (!rows.length && !graphs.length) {
    const text = `No backups yet for ${opts.scope}. Take one with \`/ctx backup\` (they go to ${opts.backupDir}).`;
    return { text, blocks: [md(text)], json: { backups: [], graphSnapshots: [] } };
  }
  const entries: Entry[] = [
    ...rows.map((b) => ({ at: b.finishedAt ?? b.startedAt, pg: b })),
    ...graphs.map((g) => ({ at: g.finishedAt, graph: g })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  const whenAt = (at: Date) => `${dateTime(at, opts.timeZone)} (${ago(at, now)})`;
  const lines = entries.map(({ pg: b, graph: g }) => {
    if (b) {
      const parts = [
        `${STATE_MARK[b.state]} Postgres *${escapeMrkdwn(b.fileName)}*`,
        b.state === 'verified' || b.state === 'removed' ? formatBytes(b.sizeBytes) : b.state,
        when(b, opts.timeZone, now),
        b.sha256 ? `sha256 \`${shortHash(b.sha256)}\`` : '',
        b.verification ? escapeMrkdwn(b.verification) : '',
        restoreTestText(b, now),
      ].filter(Boolean);
      return parts.join(' · ');
    }
    const x = g!;
    return [
      `${GRAPH_MARK[x.state]} ${escapeMrkdwn(graphKindText(x))}${x.fileName ? ` *${escapeMrkdwn(x.fileName)}*` : ''}`,
      x.sizeBytes !== null ? formatBytes(x.sizeBytes) : '',
      whenAt(x.finishedAt),
      x.sha256 ? `sha256 \`${shortHash(x.sha256)}\`` : '',
      escapeMrkdwn(graphVerifiedText(x)),
    ]
      .filter(Boolean)
      .join(' · ');
  });
  const blocks = fitBlocks([
    md(`*Backups of ${escapeMrkdwn(opts.scope)}* (Postgres and graph, newest first)`),
    ...chunkLines(lines).map(md),
    context(`Folder ${escapeMrkdwn(opts.backupDir)} · retention ${escapeMrkdwn(opts.retention)}`),
  ]);
  const plain = [
    `Backups of ${opts.scope} (Postgres and graph, newest first):`,
    plainTable(
      entries.map(({ pg: b, graph: g }) =>
        b
          ? [
              b.state,
              'postgres',
              b.fileName,
              b.sizeBytes === null ? '' : formatBytes(b.sizeBytes),
              when(b, opts.timeZone, now),
              b.sha256 ? shortHash(b.sha256) : '',
              [b.verification ?? '', restoreTestText(b, now)].filter(Boolean).join('; '),
            ]
          : [
              g!.state,
              graphKindText(g!),
              g!.fileName ?? '',
              g!.sizeBytes === null ? '' : formatBytes(g!.sizeBytes),
              whenAt(g!.finishedAt),
              g!.sha256 ? shortHash(g!.sha256) : '',
              graphVerifiedText(g!),
            ],
      ),
      { indent: 2 },
    ),
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
    graphSnapshots: graphs.map((g) => ({
      env: g.env,
      provider: g.provider,
      kind: g.kind,
      graph: g.graph,
      file: g.fileName,
      path: g.path,
      state: g.state,
      sizeBytes: g.sizeBytes,
      sha256: g.sha256,
      serverTime: g.serverTime?.toISOString() ?? null,
      detail: g.detail,
      finishedAt: g.finishedAt.toISOString(),
    })),
  };
  return {
    text: [
      `Backups of ${opts.scope}:`,
      ...entries.map(({ pg: b, graph: g }) =>
        b
          ? `${b.state} ${b.fileName} ${formatBytes(b.sizeBytes)} ${b.sha256 ?? ''}`
          : `${g!.state} ${graphKindText(g!)} ${g!.fileName ?? ''} ${g!.sizeBytes === null ? '' : formatBytes(g!.sizeBytes)} ${g!.sha256 ?? ''}`,
      ),
    ].join('\n'),
    blocks,
    plain,
    json,
  };
}

function auditLine(r: AuditRow, timeZone: string): string {
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

export function renderAudit(rows: AuditRow[], timeZone: string): OutMessage {
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
    plainTable(
      rows.map((r) => [
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
      ]),
      { indent: 2 },
    ),
  ].join('\n');
  return {
    text: rows
      .map(
        (r) =>
          `${dateTime(r.at, timeZone, { seconds: true })} ${r.event} ${r.kind ?? ''} ${r.env ?? ''} ${r.actorId ?? ''} ${r.detail ?? ''}`,
      )
      .join('\n'),
    blocks,
    plain,
    json: { audit: rows.map((r) => ({ ...r, at: r.at.toISOString() })) },
  };
}
