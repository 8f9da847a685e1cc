import { actions, context, escapeMrkdwn, header, md } from '../ui/blocks.js';
import { chunkLines, fitBlocks, LIMITS } from '../ui/limits.js';
import { truncate } from '../util/text.js';
import { dateTime, dayTime, formatBytes, formatElapsed } from '../util/format.js';
/** Messages of guarded operations: the confirmation, its outcome, progress and results. */
export const ACTION_APPROVAL_CONFIRM = 'ctx.approval.confirm';
export const ACTION_APPROVAL_CANCEL = 'ctx.approval.cancel';
/** A person in mrkdwn: a Slack mention, or the local user's name. */
export const who = (id) => !id ? 'someone' : id.startsWith('local:') ? `\`${id}\`` : `<@${id}>`;
const bullets = (lines) => lines.map((l) => `• ${l}`);
function body(v) {
    return [header(`🛡️ ${v.title}`), ...chunkLines(bullets(v.preview)).map(md)];
}
function meta(v, now) {
    const mins = now ? Math.max(0, Math.round((v.expiresAt.getTime() - now.getTime()) / 60000)) : undefined;
    return [
        `Requested by ${who(v.requesterId)}`,
        `confirm: ${v.approvers}${v.twoPerson ? ' (two-person rule: not the requester)' : ''}`,
        `expires ${dayTime(v.expiresAt, v.timeZone)}${mins !== undefined ? ` (in ${mins} min)` : ''}`,
        `approval \`${v.id}\` · parameters sha256 \`${v.paramsHash.slice(0, 12)}\``,
    ].join(' · ');
}
export function renderApprovalRequest(v, now) {
    const blocks = fitBlocks([
        ...body(v),
        context(meta(v, now)),
        actions({ text: v.confirmLabel ?? 'Confirm', actionId: ACTION_APPROVAL_CONFIRM, value: v.id, style: 'primary' }, { text: 'Cancel', actionId: ACTION_APPROVAL_CANCEL, value: v.id }),
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
const STATE_LINE = {
    running: '⏳ Confirmed by {by}, running; progress in the thread',
    succeeded: '✅ Confirmed by {by}; succeeded',
    failed: '❌ Confirmed by {by}; failed',
    interrupted: '⚠️ Confirmed by {by}; interrupted',
    cancelled: '🚫 Cancelled by {by}',
    expired: '⌛ Expired: nobody confirmed in time; nothing ran',
};
/** The confirmation message once decided: the buttons are gone, the outcome is in their place. */
export function renderApprovalDecided(v, s) {
    const line = `${STATE_LINE[s.state].replace('{by}', who(s.by))} · ${dateTime(s.at, v.timeZone)}${s.summary ? `\n${escapeMrkdwn(s.summary)}` : ''}`;
    const blocks = fitBlocks([...body(v), md(line), context(meta(v))]);
    return {
        text: `${v.title}: ${s.state}${s.summary ? `: ${s.summary}` : ''}`,
        blocks,
        json: { approval: v.id, kind: v.kind, env: v.env, state: s.state, by: s.by ?? null, summary: s.summary ?? null },
    };
}
/** Refusals and notes for the clicker only. */
export function renderNotice(text) {
    return { text, blocks: chunkLines([text]).map(md) };
}
export function renderRunResult(r) {
    const icon = r.ok ? '✅' : r.interrupted ? '⚠️' : '❌';
    const blocks = [md(`${icon} *${escapeMrkdwn(r.title)}*: ${escapeMrkdwn(r.summary)}`)];
    if (r.details?.length)
        blocks.push(...chunkLines(r.details).map(md));
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
    if (ctx.length)
        blocks.push(context(ctx.join(' · ')));
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
export function renderBackupProgress(env, p) {
    const text = p.phase === 'start'
        ? `⏳ Backing up *${env}*: starting pg_dump…`
        : p.phase === 'dump'
            ? `⏳ Backing up *${env}*: ${formatBytes(p.bytes)} written · ${formatElapsed(p.elapsedMs)} elapsed`
            : `🔎 Verifying the backup of *${env}* (${formatBytes(p.bytes)}): trial restore into a scratch database · ${formatElapsed(p.elapsedMs)} elapsed`;
    return { text: text.replace(/\*/g, ''), blocks: [md(text)], transient: true };
}
export function renderMigrateProgress(env, command, tail, elapsedMs) {
    const shown = tail.slice(-15).map((l) => l.replace(/```/g, "'''"));
    const head = `🚚 Migrating *${env}*: \`${escapeMrkdwn(command)}\` · ${formatElapsed(elapsedMs)} elapsed`;
    const blocks = [
        md(head),
        ...(shown.length ? [md(`\`\`\`\n${truncate(shown.join('\n'), LIMITS.sectionText - 20)}\n\`\`\``)] : []),
    ];
    return { text: [head.replace(/\*/g, ''), ...shown].join('\n'), blocks, transient: true };
}
