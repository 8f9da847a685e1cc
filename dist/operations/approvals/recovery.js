import { rm, stat } from 'node:fs/promises';
import { findEnvironment } from '../../config/types.js';
import { renderApprovalDecided, renderRunResult } from '../render.js';
import { dropScratch } from '../../postgres/pg-conn.js';
import { sweepOrphans } from './run-store.js';
/**
 * After a crash or a replica's death: every run still marked running whose owner no
 * longer holds its lock is marked interrupted, its partial file removed, its scratch
 * database dropped, and its thread told. Confirmations that never started and requests
 * nobody answered are closed too. Runs on start and then periodically.
 */
export const STALE_CONFIRMED_MS = 2 * 60_000;
export async function recover(ops, approvals) {
    const s = ops.stores;
    if (!s)
        return { interrupted: 0, expired: 0 };
    const log = ops.log.child({ part: 'recovery' });
    const now = ops.now;
    const interrupted = await sweepOrphans(s.store, s.runs, async (run) => {
        const why = 'the bot stopped while this was running';
        const cleanup = await cleanUp(ops, run);
        const summary = `${why}; ${cleanup.join('; ') || 'nothing was left behind'}`;
        const finished = await s.runs.finish(s.store, run.id, 'interrupted', {
            finishedAt: now(),
            durationMs: now().getTime() - run.startedAt.getTime(),
            summary,
        });
        if (!finished)
            return;
        const approval = run.approvalId
            ? await s.approvals.transition(run.approvalId, 'running', 'interrupt', { summary, finishedAt: now() })
            : null;
        await s.backups.interruptRun(run.id, now(), why);
        await s.audit.append({
            event: 'interrupted',
            env: run.env,
            kind: run.kind,
            approvalId: run.approvalId ?? undefined,
            runId: run.id,
            detail: summary,
            ...(approval ? { paramsHash: approval.paramsHash } : {}),
        });
        log.warn({ run: run.id, kind: run.kind, env: run.env }, 'marked an orphaned run interrupted');
        const title = (approval && approvals.view(approval)?.title) ?? `${run.kind} on ${run.env}`;
        if (run.threadChannel && run.threadTs) {
            await ops.poster.post(run.threadChannel, renderRunResult({
                ok: false,
                interrupted: true,
                title,
                summary: `${summary}. Nothing was completed; run it again when ready.`,
            }), run.threadTs);
        }
        const v = approval ? approvals.view(approval) : null;
        if (v && approval?.messageChannel && approval.messageTs) {
            await ops.poster.update(approval.messageChannel, approval.messageTs, renderApprovalDecided(v, { state: 'interrupted', by: approval.confirmerId, at: now(), summary }));
        }
    });
    // Confirmed, but the process died before the run started: nothing ran.
    for (const a of await s.approvals.staleConfirmed(new Date(now().getTime() - STALE_CONFIRMED_MS))) {
        const summary = 'interrupted before it started: nothing ran';
        const moved = await s.approvals.transition(a.id, 'confirmed', 'interrupt', { summary, finishedAt: now() });
        if (!moved)
            continue;
        await s.audit.append({
            event: 'interrupted',
            env: a.env,
            kind: a.kind,
            approvalId: a.id,
            detail: summary,
            paramsHash: a.paramsHash,
        });
    }
    let expired = 0;
    for (const a of await s.approvals.dueForExpiry(now())) {
        const moved = await s.approvals.transition(a.id, 'requested', 'expire', { decidedAt: now() });
        if (!moved)
            continue;
        expired++;
        await s.audit.append({ event: 'expired', env: a.env, kind: a.kind, approvalId: a.id, paramsHash: a.paramsHash });
        const v = approvals.view(moved);
        if (v && a.messageChannel && a.messageTs)
            await ops.poster.update(a.messageChannel, a.messageTs, renderApprovalDecided(v, { state: 'expired', at: now() }));
    }
    return { interrupted, expired };
}
/** Removes what the run left: only a `.partial` file, only a ctx_ops scratch database. */
async function cleanUp(ops, run) {
    const notes = [];
    if (run.partialPath?.endsWith('.partial')) {
        const there = await stat(run.partialPath).then(() => true, () => false);
        await rm(run.partialPath, { force: true }).catch(() => { });
        notes.push(there ? `the partial file ${run.partialPath} was removed` : `no partial file was left at ${run.partialPath}`);
        await ops.stores.runs.track(run.id, 'partial_path', null);
    }
    if (run.scratchDb) {
        const env = findEnvironment(ops.config, run.env);
        if (env?.ctx.DATABASE_URL) {
            try {
                await dropScratch(env.ctx.DATABASE_URL, run.scratchDb);
                notes.push(`the scratch database ${run.scratchDb} was dropped`);
                await ops.stores.runs.track(run.id, 'scratch_db', null);
            }
            catch (err) {
                notes.push(`the scratch database ${run.scratchDb} could not be dropped (${ops.redactor.scrub(err.message)})`);
            }
        }
    }
    return notes;
}
