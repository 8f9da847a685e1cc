import type { Logger } from 'pino';
import type { Config, Environment } from '../../config/types.js';
import type { Diagnostics } from '../../diagnostics/runner.js';
import type { StatusReport } from '../../contracts/checks.js';
import type { Approvals } from '../../runtime/guarded.js';
import type { RunbookActionKind } from './actions/kinds.js';
import type { CheckRecorder } from './check-states.js';
import { backendBase } from '../../diagnostics/ctx-urls.js';
import type { Conversation } from '../../contracts/chat.js';
import { renderSessionHeader, renderStep, type SessionHeaderView, type StepView } from './render.js';
import { ownerOf, threadOf, openState } from './session-rules.js';
import type { ActionTarget } from './steps/action.js';
import { evaluateStepCheck } from './steps/check.js';
import { stepLinks } from './steps/link.js';
import { fillText } from './steps/manual.js';
import { evidenceRefs } from './steps/logs.js';
import { evidenceToCheck, renderEvidence } from './steps/logs-evidence.js';
import type { LogEvidence, LogsInfo } from '../../contracts/services.js';
import { parseDuration } from '../../util/format.js';
import type { IncidentStore, SessionRow, StepRow, StepState, StoredCheck } from '../store.js';

/** What the engine and its step messages are built from (declared here: the engine uses this file, not the reverse). */
export interface EngineDeps {
  db: IncidentStore;
  config: Pick<Config, 'environments' | 'timezone' | 'logLinks' | 'runbooks' | 'checks'>;
  diagnostics: Diagnostics;
  recorder: CheckRecorder;
  log: Logger;
  now(): Date;
  publishReport(report: StatusReport): void;
  /** The operations feature's approvals service, looked up when a button is pressed. */
  approvals(): Approvals | undefined;
  actionKinds: ReadonlyMap<string, RunbookActionKind>;
  /** The logs feature's service, for steps of kind `logs`; absent: those steps say so. */
  logs?(): LogsInfo | undefined;
}

/**
 * The messages of a session: its header and one message per step, rendered from the
 * store (and the step's check, run when the step is posted or re-checked).
 */
export function createStepMessages(deps: EngineDeps) {
  const tz = deps.config.timezone;
  const envOf = (name: string): Environment | undefined => deps.config.environments.find((e) => e.name === name);

  async function since(session: SessionRow): Promise<Date> {
    const incident = session.incidentId ? await deps.db.getIncident(session.incidentId) : null;
    const from = incident?.openedAt ?? session.startedAt;
    return new Date(from.getTime() - deps.config.runbooks.logLookbackMinutes * 60_000);
  }

  async function actionPart(session: SessionRow, idx: number, state: StepState): Promise<StepView['action']> {
    const ref = session.runbook.steps[idx]?.action;
    if (!ref) return null;
    const kind = deps.actionKinds.get(ref.kind);
    if (!kind) return null;
    const env = envOf(session.env);
    const available = Boolean(deps.approvals());
    const manual = env ? kind.manual(env) : '';
    const label = ref.label ?? kind.label;
    let targets: ActionTarget[] = [];
    if (available && openState(state) && env) {
      if (ref.params) targets = [{ label, params: ref.params }];
      else if (kind.targets) {
        try {
          targets = await kind.targets(env, AbortSignal.timeout(5_000));
        } catch (err) {
          deps.log.warn(
            { err: { message: (err as Error).message }, kind: kind.kind },
            'could not list targets for a runbook action',
          );
        }
      } else targets = [{ label, params: {} }];
    }
    let note: string | null = null;
    if (kind.note && env && openState(state))
      note = await kind.note(env).catch((err: Error) => {
        deps.log.warn({ err: { message: err.message }, kind: kind.kind }, 'could not work out a runbook action note');
        return null;
      });
    return { label, targets, manual, available, ...(note ? { note } : {}) };
  }

  async function viewOf(session: SessionRow, row: StepRow, extra: Partial<StepView> = {}): Promise<StepView> {
    const step = session.runbook.steps[row.idx]!;
    const env = envOf(session.env);
    const vars = { env: session.env, ...(env ? { baseUrl: backendBase(env) } : {}) };
    const filled = {
      ...step,
      text: fillText(step.text, vars),
      ...(step.help ? { help: fillText(step.help, vars) } : {}),
    };
    return {
      sessionId: session.id,
      idx: row.idx,
      total: session.runbook.steps.length,
      env: session.env,
      step: filled,
      state: row.state,
      actor: row.actor,
      at: row.at,
      reason: row.reason,
      check: row.checkResult,
      checkedAt: row.checkedAt,
      checkUnavailable: Boolean(step.check && !deps.diagnostics.checks.some((c) => c.id === step.check!.id)),
      links: stepLinks(step, deps.config.logLinks, { env: session.env, since: await since(session), now: deps.now() }),
      action: await actionPart(session, row.idx, row.state),
      actionNote: row.actionNote,
      sessionStatus: session.status,
      timeZone: tz,
      ...extra,
    };
  }

  /** Runs the step's check and keeps what the step shows; records state changes in the timeline. */
  async function runStepCheck(
    session: SessionRow,
    idx: number,
    via?: { actor?: string; text: string },
    maxAgeMs?: number,
  ): Promise<void> {
    const ref = session.runbook.steps[idx]?.check;
    if (!ref) return;
    const outcome = await evaluateStepCheck(
      deps.diagnostics,
      session.env,
      ref,
      maxAgeMs !== undefined ? { maxAgeMs } : {},
    );
    if (!outcome) return;
    const title = deps.diagnostics.titles[ref.id] ?? ref.id;
    const stored: StoredCheck = {
      title,
      status: outcome.status,
      summary: outcome.result.summary,
      lines: outcome.condition
        ? outcome.condition.lines
        : outcome.result.status === 'ok'
          ? []
          : outcome.result.details.filter((l) => !l.startsWith('✓')),
    };
    await deps.db.setStepCheck(session.id, idx, stored, new Date(outcome.checkedAt));
    // Recorded before it is announced, so the change carries who caused it (the listener would record it bare).
    await deps.recorder.record(ownerOf(session), outcome.report, via);
    deps.publishReport(outcome.report);
  }

  /** Reads the logs a `logs` step names; keeps only the outcome on the step. */
  async function runStepLogs(session: SessionRow, idx: number): Promise<LogEvidence[] | null> {
    const refs = evidenceRefs(session.runbook.steps[idx]?.logs);
    if (!refs.length) return null;
    const service = deps.logs?.();
    const from = await since(session);
    const now = deps.now();
    const list: LogEvidence[] = await Promise.all(
      refs.map((r) =>
        service
          ? service.evidence({
              env: session.env,
              component: r.component,
              signal: r.signal,
              windowMs:
                (r.window ? parseDuration(r.window) : undefined) ?? Math.max(60_000, now.getTime() - from.getTime()),
              channel: session.channel,
            })
          : Promise.resolve<LogEvidence>({
              env: session.env,
              component: r.component,
              signal: r.signal,
              outcome: 'unavailable',
              reason: 'this bot does not read logs (the logs feature is not part of it)',
              count: 0,
              samples: [],
              read: 0,
              since: from,
              until: now,
            }),
      ),
    );
    // A step with a check shows the check's result; its logs outcome is in the evidence message.
    if (!session.runbook.steps[idx]?.check) await deps.db.setStepCheck(session.id, idx, evidenceToCheck(list), now);
    return list;
  }

  async function postEvidence(
    session: SessionRow,
    idx: number,
    list: LogEvidence[] | null,
    conversation: Conversation,
  ) {
    if (!list?.length) return;
    await conversation.post(renderEvidence(list, { idx }, tz), { thread: threadOf(session) });
  }

  async function updateHeader(session: SessionRow, conversation: Conversation): Promise<void> {
    if (!session.headerTs) return;
    const rows = await deps.db.steps(session.id);
    await conversation
      .update({ channel: session.channel, ts: session.headerTs }, renderSessionHeader(headerView(session, rows)))
      .catch((err) =>
        deps.log.warn(
          { err: { message: (err as Error).message }, session: session.id },
          'could not update a runbook header',
        ),
      );
  }

  function headerView(session: SessionRow, rows: StepRow[]): SessionHeaderView {
    return {
      sessionId: session.id,
      runbookId: session.runbookId,
      title: session.runbook.title,
      env: session.env,
      file: session.runbook.file,
      startedBy: session.startedBy,
      startedAt: session.startedAt,
      status: session.status,
      finishedAt: session.finishedAt,
      states: rows.map((r) => r.state),
      incidentId: session.incidentId,
      timeZone: tz,
      unavailable: session.runbook.unavailable,
      now: deps.now(),
    };
  }

  async function updateStepMessage(session: SessionRow, idx: number, conversation: Conversation): Promise<void> {
    const row = await deps.db.step(session.id, idx);
    if (!row?.messageTs || !row.messageChannel) return;
    await conversation.update(
      { channel: row.messageChannel, ts: row.messageTs, ...(session.threadTs ? { threadTs: session.threadTs } : {}) },
      renderStep(await viewOf(session, row)),
    );
  }

  /** Posts a step into the session's thread (again, when it was posted before: the old copy points down). */
  async function postStep(
    session: SessionRow,
    idx: number,
    conversation: Conversation,
    opts: { again?: boolean } = {},
  ): Promise<boolean> {
    const before = await deps.db.step(session.id, idx);
    if (!before) return false;
    if (!opts.again && !(await deps.db.claimStepPost(session.id, idx))) return false;
    try {
      await runStepCheck(session, idx).catch((err) =>
        deps.log.warn({ err: { message: (err as Error).message } }, 'step check failed to run'),
      );
      const evidence = await runStepLogs(session, idx).catch((err) => {
        deps.log.warn({ err: { message: (err as Error).message } }, 'step logs could not be read');
        return null;
      });
      const row = (await deps.db.step(session.id, idx))!;
      const ref = await conversation.post(renderStep(await viewOf(session, row)), { thread: threadOf(session) });
      await deps.db.setStepMessage(session.id, idx, ref.channel, ref.ts);
      await postEvidence(session, idx, evidence, conversation).catch((err) =>
        deps.log.warn({ err: { message: (err as Error).message } }, 'could not post log evidence'),
      );
      if (opts.again && before.messageTs && before.messageChannel) {
        await conversation
          .update(
            { channel: before.messageChannel, ts: before.messageTs },
            renderStep(await viewOf(session, row, { moved: true })),
          )
          .catch(() => {});
      }
      return true;
    } catch (err) {
      if (!opts.again) await deps.db.releaseStepPost(session.id, idx);
      throw err;
    }
  }

  return { viewOf, runStepCheck, runStepLogs, postEvidence, updateHeader, headerView, updateStepMessage, postStep };
}
