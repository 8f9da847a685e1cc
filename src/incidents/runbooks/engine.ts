import type { Environment } from '../../config/types.js';
import type { Actor, Conversation, Surface } from '../../contracts/chat.js';
import type { GuardedActionContext, GuardedActionResult } from '../../runtime/guarded.js';
import { escapeMrkdwn } from '../../ui/blocks.js';
import { who } from '../format.js';
import { clock } from '../../util/format.js';
import { countsText, renderSessionFinished, renderSessionHeader } from './render.js';
import { rerunMaxAge } from '../../diagnostics/runner.js';
import type { Runbook } from './loader.js';
import { currentStep, openState, threadOf } from './session-rules.js';
import { fillText } from './steps/manual.js';
import { evidenceRefs } from './steps/logs.js';
import { createStepMessages, type EngineDeps } from './step-messages.js';

export type { EngineDeps };
import {
  AlreadyRunningError,
  type IncidentRow,
  type RunbookSnapshot,
  type SessionRow,
  type StepRow,
  type StepState,
} from '../store.js';

export { currentStep, ownerOf } from './session-rules.js';

export type StartOutcome = { started: SessionRow } | { already: SessionRow };

/**
 * A runbook session: its header message, one message per step posted as the previous one
 * is resolved, and every change made through one conditional statement in the store.
 * Nothing about a session lives in memory, so any replica, before or after a restart,
 * handles any button.
 */
export function createEngine(deps: EngineDeps) {
  const tz = deps.config.timezone;
  const envOf = (name: string): Environment | undefined => deps.config.environments.find((e) => e.name === name);
  const { postStep, updateHeader, updateStepMessage, headerView, runStepCheck, runStepLogs, postEvidence } =
    createStepMessages(deps);
  const freshSession = (id: number) => deps.db.getSession(id);
  const snapshotOf = (rb: Runbook): RunbookSnapshot => ({
    id: rb.id,
    title: rb.title,
    steps: rb.steps,
    file: rb.file,
    unavailable: rb.unavailable,
  });

  /** After a step is resolved: post the next one, or finish the runbook. */
  async function advance(session: SessionRow, conversation: Conversation): Promise<void> {
    const rows = await deps.db.steps(session.id);
    const next = currentStep(rows);
    if (next) {
      if (next.messageTs === null) await postStep(session, next.idx, conversation);
      return;
    }
    const finished = await deps.db.finishSession(session.id);
    if (!finished) return;
    await deps.db.addTimeline({
      incidentId: finished.incidentId,
      sessionId: finished.id,
      actor: null,
      kind: 'runbook',
      text: `🏁 runbook \`${finished.runbookId}\` finished: ${countsText(rows.map((r) => r.state))}`,
    });
    await conversation.post(
      renderSessionFinished({
        title: finished.runbook.title,
        runbookId: finished.runbookId,
        states: rows.map((r) => r.state),
        startedAt: finished.startedAt,
        finishedAt: finished.finishedAt ?? deps.now(),
        incidentId: finished.incidentId,
      }),
      { thread: threadOf(finished) },
    );
    await updateHeader(finished, conversation);
  }

  // People's words are escaped as they are stored: the timeline is Slack mrkdwn, and a
  // reason must not turn into a <!channel> ping in the postmortem.
  const verb = (to: StepState, reason: string | null) => {
    const why = reason ? ` (${escapeMrkdwn(reason)})` : '';
    return to === 'done'
      ? 'marked step {n} done'
      : to === 'skipped'
        ? `skipped step {n}${why}`
        : `marked step {n} failed${why}`;
  };

  function describeState(row: StepRow): string {
    const at = row.at ? ` at ${clock(row.at, tz, { seconds: true })}` : '';
    return row.state === 'pending'
      ? 'still to do'
      : `already ${row.state === 'failed' ? 'marked failed' : row.state} by ${who(row.actor)}${at}`;
  }

  const api = {
    snapshotOf,
    postStep,
    updateHeader,
    headerView,

    /**
     * Starts a runbook: a header message (in the incident's thread, or a new message whose
     * thread holds the steps), then the first step with its check already run.
     */
    async start(o: {
      runbook: Runbook;
      env: string;
      actor: Actor;
      surface: Surface;
      conversation: Conversation;
      channel: string;
      incident: IncidentRow | null;
    }): Promise<StartOutcome> {
      let session: SessionRow;
      try {
        session = await deps.db.createSession({
          incidentId: o.incident?.id ?? null,
          runbook: snapshotOf(o.runbook),
          env: o.env,
          surface: o.surface,
          channel: o.channel,
          threadTs: o.incident?.rootTs ?? null,
          startedBy: o.actor.userId,
        });
      } catch (err) {
        if (err instanceof AlreadyRunningError) return { already: err.session };
        throw err;
      }
      try {
        const rows = await deps.db.steps(session.id);
        const inThread = o.incident?.rootTs
          ? { thread: { channel: o.incident.channel, ts: o.incident.rootTs } }
          : undefined;
        const ref = await o.conversation.post(renderSessionHeader(headerView(session, rows)), inThread);
        if (!ref.ts)
          throw new Error(
            'this channel does not let me post messages I can thread under: invite me with `/invite @ctx-ops`',
          );
        const threadTs = ref.threadTs ?? ref.ts;
        await deps.db.setSessionRefs(session.id, { threadTs, headerTs: ref.ts });
        session = { ...session, channel: ref.channel, threadTs, headerTs: ref.ts };
      } catch (err) {
        await deps.db.deleteSession(session.id).catch(() => {});
        throw err;
      }
      await deps.db.addTimeline({
        incidentId: session.incidentId,
        sessionId: session.id,
        actor: o.actor.userId,
        kind: 'runbook',
        text: `started runbook \`${session.runbookId}\` (${session.runbook.title}) on ${session.env}`,
      });
      await postStep(session, 0, o.conversation);
      return { started: session };
    },

    /** Done, Skip (with its reason) or Failed: registers once however many people press it. */
    async transition(o: {
      sessionId: number;
      idx: number;
      to: StepState;
      actor: Actor;
      reason: string | null;
      conversation: Conversation;
    }): Promise<{ ok: boolean; message: string }> {
      const session = await freshSession(o.sessionId);
      const step = session?.runbook.steps[o.idx];
      if (!session || !step) return { ok: false, message: 'This runbook step no longer exists.' };
      const text = `${verb(o.to, o.reason).replace('{n}', String(o.idx + 1))}: ${fillText(step.text, { env: session.env })}`;
      const row = await deps.db.transitionStep({
        sessionId: session.id,
        idx: o.idx,
        to: o.to,
        actor: o.actor.userId,
        reason: o.reason,
        text,
      });
      if (!row) {
        const cur = await deps.db.step(session.id, o.idx);
        const why =
          session.status !== 'active' ? `the runbook is ${session.status}` : cur ? describeState(cur) : 'unknown';
        return { ok: false, message: `Step ${o.idx + 1} of ${session.runbook.title} is ${why}; nothing changed.` };
      }
      await updateStepMessage(session, o.idx, o.conversation);
      if (o.to !== 'failed') await advance(session, o.conversation);
      const latest = (await freshSession(session.id)) ?? session;
      if (latest.status === 'active') await updateHeader(latest, o.conversation);
      return { ok: true, message: text };
    },

    /** Re-check: runs the step's check now and shows the result in place. */
    async recheck(o: { sessionId: number; idx: number; actor: Actor; conversation: Conversation }): Promise<void> {
      const session = await freshSession(o.sessionId);
      const step = session?.runbook.steps[o.idx];
      if (session && step && evidenceRefs(step.logs).length) {
        await postEvidence(session, o.idx, await runStepLogs(session, o.idx), o.conversation);
        if (!step.check) {
          await updateStepMessage(session, o.idx, o.conversation);
          return;
        }
      }
      if (!session?.runbook.steps[o.idx]?.check) return;
      await runStepCheck(
        session,
        o.idx,
        { actor: o.actor.userId, text: `re-check of step ${o.idx + 1} by ${who(o.actor.userId)}` },
        rerunMaxAge(deps.config.checks.cacheMs),
      );
      await updateStepMessage(session, o.idx, o.conversation);
    },

    async requestSkip(o: { sessionId: number; idx: number; actor: Actor }): Promise<SessionRow | null> {
      const session = await freshSession(o.sessionId);
      if (!session) return null;
      await deps.db.requestSkip(session.id, o.idx, o.actor.userId);
      return session;
    },

    /** `skip <reason>`: the step this person pressed Skip on, else the current step of the newest session. */
    async skipWithReason(o: {
      sessions: SessionRow[];
      actor: Actor;
      reason: string;
      conversation: Conversation;
    }): Promise<{ ok: boolean; message: string }> {
      if (!o.sessions.length) return { ok: false, message: 'No runbook is running here.' };
      const requested = await deps.db.skipRequestOf(
        o.sessions.map((s) => s.id),
        o.actor.userId,
      );
      let target: { sessionId: number; idx: number } | undefined = requested
        ? { sessionId: requested.sessionId, idx: requested.idx }
        : undefined;
      if (!target) {
        const rows = await deps.db.steps(o.sessions[0]!.id);
        const cur = currentStep(rows);
        if (!cur) return { ok: false, message: 'Every step of this runbook is resolved already.' };
        target = { sessionId: o.sessions[0]!.id, idx: cur.idx };
      }
      return api.transition({
        ...target,
        to: 'skipped',
        actor: o.actor,
        reason: o.reason,
        conversation: o.conversation,
      });
    },

    /** `next`: posts the current step again at the bottom of the thread. */
    async next(o: { session: SessionRow; conversation: Conversation }): Promise<string | null> {
      const rows = await deps.db.steps(o.session.id);
      const cur = currentStep(rows);
      if (!cur) return `Every step of ${o.session.runbook.title} is resolved.`;
      await postStep(o.session, cur.idx, o.conversation, { again: true });
      return null;
    },

    async stop(o: { session: SessionRow; actor: Actor; conversation: Conversation; why?: string }): Promise<boolean> {
      const stopped = await deps.db.abandonSession(o.session.id);
      if (!stopped) return false;
      await deps.db.addTimeline({
        incidentId: stopped.incidentId,
        sessionId: stopped.id,
        actor: o.actor.userId,
        kind: 'runbook',
        text: `stopped runbook \`${stopped.runbookId}\`${o.why ? ` (${o.why})` : ''}`,
      });
      await updateHeader(stopped, o.conversation);
      const rows = await deps.db.steps(stopped.id);
      const cur = currentStep(rows);
      if (cur?.messageTs) await updateStepMessage(stopped, cur.idx, o.conversation).catch(() => {});
      return true;
    },

    /** A step's Run button: asks the approvals service, which posts Confirm / Cancel in the thread. */
    async run(o: {
      sessionId: number;
      idx: number;
      params: Record<string, unknown>;
      actor: Actor;
      surface: Surface;
      conversation: Conversation;
    }): Promise<{ ok: boolean; message: string }> {
      const session = await freshSession(o.sessionId);
      const ref = session?.runbook.steps[o.idx]?.action;
      const kind = ref && deps.actionKinds.get(ref.kind);
      if (!session || !ref || !kind) return { ok: false, message: 'This step has no action.' };
      const row = await deps.db.step(session.id, o.idx);
      if (session.status !== 'active' || !row || !openState(row.state))
        return { ok: false, message: `Step ${o.idx + 1} is ${row ? describeState(row) : 'gone'}; nothing to run.` };
      const approvals = deps.approvals();
      const env = envOf(session.env);
      if (!approvals || !env)
        return {
          ok: false,
          message: `Guarded operations are not available in this bot. By hand: ${env ? kind.manual(env) : ''}`,
        };
      const outcome = await approvals.request({
        kind: kind.kind,
        env: env.name,
        params: o.params,
        requester: o.actor,
        conversation: o.conversation,
        thread: threadOf(session),
        surface: o.surface,
      });
      if (!outcome.requested) return { ok: false, message: outcome.reason };
      const label = ref.label ?? kind.label;
      await deps.db.setActionNote(
        session.id,
        o.idx,
        `⏳ ${label} requested by ${who(o.actor.userId)} at ${clock(deps.now(), tz, { seconds: true })}: waiting for confirmation`,
      );
      await deps.db.addTimeline({
        incidentId: session.incidentId,
        sessionId: session.id,
        actor: o.actor.userId,
        kind: 'action',
        text: `asked to run ${label}${Object.keys(o.params).length ? ` for ${escapeMrkdwn(Object.values(o.params).join(', '))}` : ''} (step ${o.idx + 1})`,
      });
      await updateStepMessage(session, o.idx, o.conversation);
      return { ok: true, message: `${label} requested: it runs once someone allowed to confirms.` };
    },

    /**
     * Called when one of this feature's guarded actions ran for a runbook thread: records it
     * and, when it succeeded, resolves the step that asked for it.
     */
    async actionRan(
      kind: string,
      ctx: GuardedActionContext<Record<string, unknown>>,
      result: GuardedActionResult,
    ): Promise<void> {
      const threadTs = ctx.thread.threadTs ?? ctx.thread.ts;
      const sessions = await deps.db.activeSessions({ channel: ctx.thread.channel, threadTs });
      for (const session of sessions) {
        const rows = await deps.db.steps(session.id);
        const row = rows.find((r) => openState(r.state) && session.runbook.steps[r.idx]?.action?.kind === kind);
        if (!row) continue;
        const label = session.runbook.steps[row.idx]!.action!.label ?? deps.actionKinds.get(kind)?.label ?? kind;
        const summary = escapeMrkdwn(result.summary);
        await deps.db.setActionNote(
          session.id,
          row.idx,
          `${result.ok ? '▶' : '✗'} ${label} ${result.ok ? 'ran' : 'failed'} (confirmed by ${who(ctx.confirmer.userId)} at ${clock(deps.now(), tz, { seconds: true })}): ${summary}`,
        );
        await deps.db.addTimeline({
          incidentId: session.incidentId,
          sessionId: session.id,
          actor: ctx.confirmer.userId,
          kind: 'action',
          text: `${result.ok ? 'ran' : 'tried to run'} ${label}: ${summary}`,
        });
        if (result.ok) {
          const out = await api.transition({
            sessionId: session.id,
            idx: row.idx,
            to: 'done',
            actor: ctx.confirmer,
            reason: null,
            conversation: ctx.conversation,
          });
          if (out.ok) return;
        }
        await updateStepMessage(session, row.idx, ctx.conversation).catch(() => {});
        return;
      }
    },

    /** At start: a step whose message was never posted (a crash mid-advance) is posted now. */
    async resume(conversation: Conversation, surface: Surface): Promise<{ sessions: number; posted: number }> {
      const sessions = (await deps.db.activeSessions({ surface })).filter((s) => s.threadTs);
      let posted = 0;
      for (const s of sessions) {
        const rows = await deps.db.steps(s.id);
        const cur = currentStep(rows);
        if (!cur) {
          await advance(s, conversation).catch(() => {});
          continue;
        }
        if (cur.messageTs === '') await deps.db.releaseStepPost(s.id, cur.idx);
        if (!cur.messageTs && (await postStep(s, cur.idx, conversation).catch(() => false))) posted++;
      }
      return { sessions: sessions.length, posted };
    },
  };
  return api;
}

export type Engine = ReturnType<typeof createEngine>;
