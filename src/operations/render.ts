import type { Block, OutMessage } from '../contracts/chat.js';
import { actions, context, escapeMrkdwn, header, md } from '../ui/blocks.js';
import { chunkLines, fitBlocks, LIMITS } from '../ui/limits.js';
import { truncate } from '../util/text.js';
import { dateTime, dayTime, formatBytes, formatElapsed } from '../util/format.js';

/** Messages of guarded operations: the confirmation, its outcome, progress and results. */
export const ACTION_APPROVAL_CONFIRM = 'ctx.approval.confirm';
export const ACTION_APPROVAL_CANCEL = 'ctx.approval.cancel';

/** A person in mrkdwn: a Slack mention, or the local user's name. */
export const who = (id: string | null | undefined) =>
  !id ? 'someone' : id.startsWith('local:') ? `\`${id}\`` : `<@${id}>`;

export interface ApprovalView {
  id: string;
  kind: string;
  env: string;
  title: string;
  preview: string[];
  requesterId: string;
  expiresAt: Date;
  /** Who may confirm, already in mrkdwn. */
  approvers: string;
  twoPerson: boolean;
  paramsHash: string;
  confirmLabel?: string;
  /** The configured zone every time is shown in. */
  timeZone: string;
}

const bullets = (lines: string[]) => lines.map((l) => `• ${l}`);

function body(v: ApprovalView): Block[] {
  return [header(`🛡️ ${v.title}`), ...chunkLines(bullets(v.preview)).map(md)];
}

function meta(v: ApprovalView, now?: Date): string {
  const mins = now ? Math.max(0, Math.round((v.expiresAt.getTime() - now.getTime()) / 60000)) : undefined;
  return [
    `Requested by ${who(v.requesterId)}`,
    `confirm: ${v.approvers}${v.twoPerson ? ' (two-person rule: not the requester)' : ''}`,
    `expires ${dayTime(v.expiresAt, v.timeZone)}${mins !== undefined ? ` (in ${mins} min)` : ''}`,
    `approval \`${v.id}\` · parameters sha256 \`${v.paramsHash.slice(0, 12)}\``,
  ].join(' · ');
}

export function renderApprovalRequest(v: ApprovalView, now: Date): OutMessage {
  const blocks = fitBlocks([
    ...body(v),
    context(meta(v, now)),
    actions(
      { text: v.confirmLabel ?? 'Confirm', actionId: ACTION_APPROVAL_CONFIRM, value: v.id, style: 'primary' },
      { text: 'Cancel', actionId: ACTION_APPROVAL_CANCEL, value: v.id },
    ),
  ]);
  const text = `${v.title}? ${v.confirmLabel ?? 'Confirm'} or Cancel (requested by ${v.requesterId}; expires ${dayTime(v.expiresAt, v.timeZone)})\n${v.preview.join('\n')}`;
  return {
    text: truncate(text, LIMITS.fallbackText),
    blocks,
    json: {
      approval: v.id,
      kind: v.kind,
      env: v.env,
      title: v.title,
      preview: v.preview,
      expiresAt: v.expiresAt.toISOString(),
      state: 'requested',
    },
  };
}

export type DecidedState = 'running' | 'succeeded' | 'failed' | 'interrupted' | 'cancelled' | 'expired';

const STATE_LINE: Record<DecidedState, string> = {
  running: '⏳ Confirmed by {by}, running; progress in the thread',
  succeeded: '✅ Confirmed by {by}; succeeded',
  failed: '❌ Confirmed by {by}; failed',
  interrupted: '⚠️ Confirmed by {by}; interrupted',
  cancelled: '🚫 Cancelled by {by}',
  expired: '⌛ Expired: nobody confirmed in time; nothing ran',
};

/** The confirmation message once decided: the buttons are gone, the outcome is in their place. */
export function renderApprovalDecided(
  v: ApprovalView,
  s: { state: DecidedState; by?: string | null; at: Date; summary?: string },
): OutMessage {
  const line = `${STATE_LINE[s.state].replace('{by}', who(s.by))} · ${dateTime(s.at, v.timeZone)}${s.summary ? `\n${escapeMrkdwn(s.summary)}` : ''}`;
  const blocks = fitBlocks([...body(v), md(line), context(meta(v))]);
  return {
    text: `${v.title}: ${s.state}${s.summary ? `: ${s.summary}` : ''}`,
    blocks,
    json: { approval: v.id, kind: v.kind, env: v.env, state: s.state, by: s.by ?? null, summary: s.summary ?? null },
  };
}

/** Refusals and notes for the clicker only. */
export function renderNotice(text: string): OutMessage {
  return { text, blocks: chunkLines([text]).map(md) };
}

export interface RunResultView {
  ok: boolean;
  /** 'interrupted' reads differently from a failure. */
  interrupted?: boolean;
  title: string;
  summary: string;
  details?: string[];
  /** Output tail, shown in a code block. */
  tail?: string[];
  durationMs?: number;
  checksum?: string;
  by?: string | null;
}

export function renderRunResult(r: RunResultView): OutMessage {
  const icon = r.ok ? '✅' : r.interrupted ? '⚠️' : '❌';
  const blocks: Block[] = [md(`${icon} *${escapeMrkdwn(r.title)}*: ${escapeMrkdwn(r.summary)}`)];
  if (r.details?.length) blocks.push(...chunkLines(r.details).map(md));
  if (r.tail?.length) {
    const tail = r.tail.slice(-25).map((l) => l.replace(/```/g, "'''"));
    const text = truncate(tail.join('\n'), LIMITS.sectionText - 20);
    blocks.push(md(`Output (last ${tail.length} lines):\n\`\`\`\n${text}\n\`\`\``));
  }
  const ctx = [
    r.durationMs !== undefined ? `took ${formatElapsed(r.durationMs)}` : '',
    r.checksum ? `sha256 \`${r.checksum}\`` : '',
    r.by ? `confirmed by ${who(r.by)}` : '',
  ].filter(Boolean);
  if (ctx.length) blocks.push(context(ctx.join(' · ')));
  const text = [
    `${icon} ${r.title}: ${r.summary}`,
    ...(r.details ?? []),
    ...(r.tail?.length ? ['output:', ...r.tail.slice(-25)] : []),
  ].join('\n');
  return {
    text: truncate(text, LIMITS.fallbackText),
    blocks: fitBlocks(blocks),
    json: {
      ok: r.ok,
      interrupted: r.interrupted ?? false,
      title: r.title,
      summary: r.summary,
      details: r.details ?? [],
      tail: r.tail ?? [],
      durationMs: r.durationMs,
      checksum: r.checksum,
    },
  };
}

export function renderBackupProgress(
  env: string,
  p: { phase: 'start' | 'dump' | 'verify'; bytes: number; elapsedMs: number },
): OutMessage {
  const text =
    p.phase === 'start'
      ? `⏳ Backing up *${env}*: starting pg_dump…`
      : p.phase === 'dump'
        ? `⏳ Backing up *${env}*: ${formatBytes(p.bytes)} written · ${formatElapsed(p.elapsedMs)} elapsed`
        : `🔎 Verifying the backup of *${env}* (${formatBytes(p.bytes)}): trial restore into a scratch database · ${formatElapsed(p.elapsedMs)} elapsed`;
  return { text: text.replace(/\*/g, ''), blocks: [md(text)], transient: true };
}

export function renderMigrateProgress(env: string, command: string, tail: string[], elapsedMs: number): OutMessage {
  const shown = tail.slice(-15).map((l) => l.replace(/```/g, "'''"));
  const head = `🚚 Migrating *${env}*: \`${escapeMrkdwn(command)}\` · ${formatElapsed(elapsedMs)} elapsed`;
  const blocks = [
    md(head),
    ...(shown.length ? [md(`\`\`\`\n${truncate(shown.join('\n'), LIMITS.sectionText - 20)}\n\`\`\``)] : []),
  ];
  return { text: [head.replace(/\*/g, ''), ...shown].join('\n'), blocks, transient: true };
}
