import type { Config, Environment } from '../../config/types.js';
import { findEnvironment } from '../../config/types.js';
import type { ActionRequest, Conversation, MessageRef, OutMessage } from '../../contracts/chat.js';
import type { Logger } from '../../log/logger.js';
import type { Redactor } from '../../log/redactor.js';
import { ago } from '../../util/format.js';
import {
  renderApprovalDecided,
  renderApprovalRequest,
  renderNotice,
  renderRunResult,
  who,
  type ApprovalView,
  type DecidedState,
} from '../render.js';
import type { ApprovalEvent } from './approval-states.js';
import { paramsHash, type ApprovalRow } from './approval-store.js';
import type { AuditEntry } from '../audit/audit.js';
import type {
  ApprovalOutcome,
  ApprovalRequest,
  Approvals,
  GuardedActionContext,
  GuardedActionKind,
  GuardedActionResult,
  RunTracker,
} from '../../runtime/guarded.js';
import { checkMembership } from '../../slack/principals.js';
import {
  decideCancel,
  decideConfirm,
  decideRequest,
  describeList,
  matches,
  policyFor,
  type EnvPolicy,
  type Refusal,
} from './permissions.js';
import type { GroupResolver } from '../../slack/user-groups.js';
import { openLease, type RunLease } from './run-store.js';
import { NEEDS_STORE, type OpsStores } from '../stores.js';

/**
 * The approvals service: the only way a guarded action runs. A request checks the
 * requester's rights and posts Confirm / Cancel; a click is checked against the rules
 * (pure, in permissions.ts) and then wins or loses one conditional UPDATE in Postgres.
 * The winner takes a lease (its own connection holding the run's advisory lock, and the
 * environment's), runs the action, and records the outcome with conditional UPDATEs too,
 * so nothing is reported as succeeded that did not succeed.
 */
export interface ApprovalsDeps {
  config: Pick<Config, 'environments' | 'permissions' | 'channels' | 'operations' | 'timezone'>;
  log: Logger;
  redactor: Redactor;
  now: () => Date;
  stores: OpsStores | null;
  groups: GroupResolver;
  /** Identifies this process in runs.runner. */
  runner: string;
}

export interface ApprovalsService extends Approvals {
  readonly kinds: ReadonlyMap<string, GuardedActionKind<any>>;
  confirm(req: ActionRequest): Promise<void>;
  cancel(req: ActionRequest): Promise<void>;
  /** Aborts the running actions (shutdown) and waits, bounded, for them to record it. */
  stop(waitMs?: number): Promise<void>;
  /** Runs in progress in this process. */
  active(): number;
  view(row: ApprovalRow): ApprovalView | null;
}

const DEFAULT_TIMEOUT_MS = 30 * 60_000;
const CHECK_TIMEOUT_MS = 20_000;
const FINAL_EVENT: Record<'succeeded' | 'failed' | 'interrupted', ApprovalEvent> = {
  succeeded: 'succeed',
  failed: 'fail',
  interrupted: 'interrupt',
};

class LostRecord extends Error {}

async function inTx<T>(db: RunLease['db'], fn: () => Promise<T>): Promise<T> {
  await db.query('BEGIN');
  try {
    const out = await fn();
    await db.query('COMMIT');
    return out;
  } catch (err) {
    await db.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

export function createApprovals(d: ApprovalsDeps): ApprovalsService {
  const kinds = new Map<string, GuardedActionKind<any>>();
  const running = new Map<number, { controller: AbortController; done: Promise<void> }>();
  const log = d.log.child({ part: 'approvals' });
  const s = d.stores;
  const scrub = (t: string) => d.redactor.scrub(t);
  const errText = (err: unknown) => scrub((err as Error)?.message ?? String(err));

  const auditSafe = async (e: AuditEntry) => {
    try {
      await s?.audit.append(e);
    } catch (err) {
      log.error(
        { err: { message: errText(err) }, event: e.event, approval: e.approvalId },
        'could not write the audit log',
      );
    }
  };

  const viewOf = (
    row: ApprovalRow,
    kind: GuardedActionKind<any>,
    env: Environment,
    policy: EnvPolicy,
  ): ApprovalView => ({
    id: row.id,
    kind: row.kind,
    env: row.env,
    title: kind.title(row.params, env),
    preview: row.preview,
    requesterId: row.requesterId,
    expiresAt: row.expiresAt,
    approvers: describeList(policy.approve),
    twoPerson: row.twoPerson,
    paramsHash: row.paramsHash,
    confirmLabel: kind.confirmLabel,
    timeZone: d.config.timezone,
  });

  const lookup = (row: ApprovalRow | null) => {
    const env = row ? findEnvironment(d.config, row.env) : undefined;
    const kind = row ? kinds.get(row.kind) : undefined;
    return row && env && kind ? { row, env, kind, policy: policyFor(d.config, env) } : null;
  };

  const rootOf = (req: ActionRequest, row: ApprovalRow): MessageRef | undefined => {
    if (row.messageChannel && row.messageTs && (!req.message || row.messageChannel === req.message.channel))
      return { channel: row.messageChannel, ts: row.messageTs, ...(row.threadTs ? { threadTs: row.threadTs } : {}) };
    return req.message;
  };

  const safely = async (what: string, p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      log.warn({ err: { message: errText(err) } }, `could not ${what}`);
    }
  };

  async function refuseClick(req: ActionRequest, refusal: Refusal, row: ApprovalRow | null) {
    await auditSafe({
      event: 'refused',
      env: row?.env,
      kind: row?.kind,
      approvalId: row?.id,
      actorId: req.actor.userId,
      actorName: req.actor.userName,
      reason: refusal.code,
      detail: refusal.message,
      paramsHash: row?.paramsHash,
    });
    await safely('explain a refusal', req.conversation.ephemeral(renderNotice(`🚫 ${refusal.message}`)));
  }

  async function expire(row: ApprovalRow, v: ApprovalView | null, update: (m: OutMessage) => Promise<void>) {
    const moved = await s!.approvals.transition(row.id, 'requested', 'expire', { decidedAt: d.now() });
    if (!moved) return;
    await auditSafe({ event: 'expired', env: row.env, kind: row.kind, approvalId: row.id, paramsHash: row.paramsHash });
    if (v)
      await safely(
        'mark the confirmation expired',
        update(renderApprovalDecided(v, { state: 'expired', at: d.now() })),
      );
  }

  async function execute(
    req: ActionRequest,
    row: ApprovalRow,
    kind: GuardedActionKind<any>,
    env: Environment,
    v: ApprovalView,
  ) {
    const conv: Conversation = req.conversation;
    const root = rootOf(req, row);
    const confirmer = req.actor;
    const updateRoot = (state: DecidedState, summary?: string) =>
      root
        ? safely(
            'update the confirmation',
            conv.update(root, renderApprovalDecided(v, { state, by: confirmer.userId, at: d.now(), summary })),
          )
        : Promise.resolve();
    const postInThread = (msg: OutMessage) =>
      safely('post in the thread', conv.post(msg, root ? { thread: root } : undefined));
    const base = {
      env: env.name,
      kind: row.kind,
      approvalId: row.id,
      actorId: confirmer.userId,
      actorName: confirmer.userName,
      paramsHash: row.paramsHash,
    };

    await updateRoot('running');

    const notStarted = async (summary: string) => {
      await s!.approvals.transition(row.id, 'confirmed', 'fail', { summary, finishedAt: d.now() });
      await auditSafe({ ...base, event: 'failed', detail: summary });
      await updateRoot('failed', summary);
      await postInThread(renderRunResult({ ok: false, title: v.title, summary }));
    };

    let lease: RunLease;
    try {
      const got = await openLease(s!.store, { exclusiveEnv: env.name });
      if ('busy' in got)
        return notStarted(`another operation is running on ${env.name}; nothing ran. Ask again when it has finished.`);
      lease = got.lease;
    } catch (err) {
      return notStarted(`could not start (the store is unreachable: ${errText(err)}); nothing ran`);
    }
    const runId = lease.runId;
    try {
      const startedAt = d.now();
      const started = await inTx(lease.db, async () => {
        const run = await s!.runs.insert(lease.db, {
          id: runId,
          kind: row.kind,
          env: env.name,
          approvalId: row.id,
          runner: d.runner,
          startedAt,
          threadChannel: root?.channel,
          threadTs: root ? (root.threadTs ?? root.ts) : undefined,
        });
        const moved = await s!.approvals.transition(row.id, 'confirmed', 'start', { runId }, { db: lease.db });
        if (!run || !moved) throw new LostRecord();
        return true;
      }).catch((err) => (err instanceof LostRecord ? false : Promise.reject(err)));
      if (!started) {
        await postInThread(renderNotice('⚠️ This approval changed state before its run could start; nothing ran.'));
        return;
      }
      await auditSafe({ ...base, event: 'started', runId, detail: v.title });

      const controller = new AbortController();
      const timeoutMs = kind.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const timer = setTimeout(() => controller.abort('timeout'), timeoutMs);
      const track: RunTracker = {
        partialFile: (p) => s!.runs.track(runId, 'partial_path', p),
        scratchDatabase: (n) => s!.runs.track(runId, 'scratch_db', n),
      };
      const ctx: GuardedActionContext<Record<string, unknown>> = {
        env,
        params: row.params,
        thread: root ?? { channel: '', ts: '' },
        conversation: conv,
        log: log.child({ approval: row.id, run: runId, kind: row.kind, env: env.name }),
        signal: controller.signal,
        requester: { userId: row.requesterId, ...(row.requesterName ? { userName: row.requesterName } : {}) },
        confirmer,
        track,
        runId,
      };
      const t0 = performance.now();
      const done = (async () => {
        let result: GuardedActionResult;
        try {
          result = await kind.run(ctx);
        } catch (err) {
          result = { ok: false, summary: `failed: ${errText(err)}` };
        } finally {
          clearTimeout(timer);
        }
        const durationMs = Math.round(performance.now() - t0);
        const reason = controller.signal.aborted ? controller.signal.reason : undefined;
        const final = result.ok ? 'succeeded' : reason === 'shutdown' ? 'interrupted' : 'failed';
        const summary = scrub(
          reason === 'timeout' && !result.ok
            ? `${result.summary} (stopped after ${Math.round(timeoutMs / 60000)} min)`
            : result.summary,
        );
        const finishedAt = d.now();
        let recorded: 'yes' | 'lost' | 'error' = 'yes';
        try {
          await inTx(lease.db, async () => {
            const r1 = await s!.runs.finish(lease.db, runId, final, {
              finishedAt,
              durationMs,
              exitStatus: result.exitStatus,
              summary,
              checksum: result.checksum,
            });
            const r2 = await s!.approvals.transition(
              row.id,
              'running',
              FINAL_EVENT[final],
              { summary, finishedAt },
              { db: lease.db },
            );
            if (!r1 || !r2) throw new LostRecord();
          });
        } catch (err) {
          recorded = err instanceof LostRecord ? 'lost' : 'error';
          log.error({ run: runId, err: { message: errText(err) } }, 'could not record the outcome of a run');
        }
        if (recorded === 'lost') {
          // Another replica decided this run was orphaned; do not contradict the record.
          const note = `⚠️ ${v.title}: this run was already marked interrupted (its connection to the store was lost) before it finished; its own result was "${summary}". Check with \`/ctx backups\` or \`/ctx migrate\` before relying on it.`;
          await auditSafe({
            ...base,
            event: 'interrupted',
            runId,
            detail: `record lost; the run reported: ${summary}`,
            durationMs,
          });
          await postInThread(renderNotice(note));
          return;
        }
        await auditSafe({
          ...base,
          event: final,
          runId,
          detail: summary,
          exitStatus: result.exitStatus,
          durationMs,
          checksum: result.checksum,
        });
        const shown = recorded === 'error' ? `${summary} (the store could not record this outcome)` : summary;
        await updateRoot(final, shown);
        const details = [
          ...(result.details ?? []),
          ...(final === 'interrupted' ? ['The bot was shutting down; the run was stopped and cleaned up.'] : []),
        ];
        await postInThread(
          renderRunResult({
            ok: result.ok,
            interrupted: final === 'interrupted',
            title: v.title,
            summary: shown,
            details: details.map(scrub),
            tail: result.output?.map(scrub),
            durationMs,
            checksum: result.checksum,
            by: confirmer.userId,
          }),
        );
      })();
      running.set(runId, { controller, done });
      await done;
    } finally {
      running.delete(runId);
      await lease.release();
    }
  }

  const service: ApprovalsService = {
    kinds,
    registerKind(kind) {
      if (kinds.has(kind.kind)) throw new Error(`guarded action kind "${kind.kind}" is registered twice`);
      kinds.set(kind.kind, kind);
    },

    async request(r: ApprovalRequest): Promise<ApprovalOutcome> {
      const surface = r.surface ?? (r.requester.userId.startsWith('local:') ? 'shell' : 'slack');
      const kind = kinds.get(r.kind);
      if (!kind) return { requested: false, reason: `There is no operation "${r.kind}".` };
      const env = findEnvironment(d.config, r.env);
      if (!env)
        return {
          requested: false,
          reason: `There is no environment "${r.env}" (known: ${d.config.environments.map((e) => e.name).join(', ')}).`,
        };
      if (!s) return { requested: false, reason: NEEDS_STORE };
      const actor = r.requester;
      const refuse = async (code: string, reason: string): Promise<ApprovalOutcome> => {
        await auditSafe({
          event: 'request-refused',
          env: env.name,
          kind: r.kind,
          actorId: actor.userId,
          actorName: actor.userName,
          reason: code,
          detail: reason,
        });
        return { requested: false, reason };
      };
      const policy = policyFor(d.config, env);
      const membership = await checkMembership(policy.request, actor, d.groups);
      const refusal = decideRequest({
        policy,
        actor,
        surface,
        mayRequest: membership.matched,
        groupProblems: membership.groupProblems,
      });
      if (refusal) return refuse(refusal.code, refusal.message);
      const busy = await s.runs.runningFor(env.name);
      if (busy)
        return refuse(
          'busy',
          `A ${busy.kind} is already running on *${env.name}* (started ${ago(busy.startedAt, d.now())}); ask again when it has finished.`,
        );

      const signal = AbortSignal.timeout(CHECK_TIMEOUT_MS);
      let pre: string | null;
      try {
        pre = (await kind.precheck?.(r.params, env, signal)) ?? null;
      } catch (err) {
        pre = `Could not check whether this can run: ${errText(err)}`;
      }
      if (pre) return refuse('precheck', pre);
      let preview: string[];
      try {
        preview = (await kind.preview?.(r.params, env, signal)) ?? [];
      } catch (err) {
        preview = [`(preview unavailable: ${errText(err)})`];
      }
      const now = d.now();
      const row = await s.approvals.create({
        kind: r.kind,
        env: env.name,
        params: r.params,
        preview: preview.map(scrub),
        requesterId: actor.userId,
        requesterName: actor.userName ?? null,
        twoPerson: policy.twoPerson,
        surface,
        channelId: actor.channelId ?? null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + d.config.operations.approvalExpiresMinutes * 60_000),
      });
      const v = viewOf(row, kind, env, policy);
      await s.audit.append({
        event: 'requested',
        env: env.name,
        kind: r.kind,
        approvalId: row.id,
        actorId: actor.userId,
        actorName: actor.userName,
        detail: v.title,
        paramsHash: row.paramsHash,
      });
      const ref = await r.conversation.post(renderApprovalRequest(v, now), r.thread ? { thread: r.thread } : undefined);
      await s.approvals.setMessage(row.id, ref);
      log.info({ approval: row.id, kind: r.kind, env: env.name, user: actor.userId }, 'approval requested');
      return { requested: true, approvalId: row.id, ref };
    },

    async confirm(req) {
      if (!s) return void (await safely('answer', req.conversation.ephemeral(renderNotice(NEEDS_STORE))));
      const row = await s.approvals.get(req.value.trim());
      const found = lookup(row);
      const now = d.now();
      const membership = found
        ? await checkMembership(found.policy.approve, req.actor, d.groups)
        : { matched: false, groupProblems: [] };
      const mayApprove = membership.matched;
      const refusal = decideConfirm({
        groupProblems: membership.groupProblems,
        policy: found?.policy ?? policyFor(d.config, { name: '', production: true }),
        actor: req.actor,
        surface: req.surface,
        approval: found
          ? {
              state: found.row.state,
              expiresAt: found.row.expiresAt,
              requesterId: found.row.requesterId,
              confirmerName: found.row.confirmerId ? who(found.row.confirmerId) : null,
              hashOk: paramsHash(found.row.kind, found.row.env, found.row.params) === found.row.paramsHash,
            }
          : null,
        now,
        mayApprove,
      });
      if (refusal || !found) {
        if (refusal?.code === 'expired' && found) {
          const root = rootOf(req, found.row);
          await expire(found.row, viewOf(found.row, found.kind, found.env, found.policy), (m) =>
            root ? req.conversation.update(root, m) : Promise.resolve(),
          );
        }
        return refuseClick(req, refusal ?? { code: 'unknown', message: 'This confirmation is unknown.' }, row);
      }
      const confirmed = await s.approvals.transition(
        found.row.id,
        'requested',
        'confirm',
        { confirmerId: req.actor.userId, confirmerName: req.actor.userName ?? null, decidedAt: now },
        { unexpiredAt: now },
      );
      if (!confirmed) {
        // Someone else's click (or another replica) won the UPDATE, or it expired meanwhile.
        const fresh = (await s.approvals.get(found.row.id)) ?? found.row;
        const again = decideConfirm({
          policy: found.policy,
          actor: req.actor,
          surface: req.surface,
          approval: {
            state: fresh.state,
            expiresAt: fresh.expiresAt,
            requesterId: fresh.requesterId,
            confirmerName: fresh.confirmerId ? who(fresh.confirmerId) : null,
            hashOk: true,
          },
          now,
          mayApprove: true,
        });
        return refuseClick(
          req,
          again ?? { code: 'already-used', message: 'This confirmation was already used.' },
          fresh,
        );
      }
      await s.audit.append({
        event: 'confirmed',
        env: confirmed.env,
        kind: confirmed.kind,
        approvalId: confirmed.id,
        actorId: req.actor.userId,
        actorName: req.actor.userName,
        detail: found.kind.title(confirmed.params, found.env),
        paramsHash: confirmed.paramsHash,
      });
      log.info(
        { approval: confirmed.id, kind: confirmed.kind, env: confirmed.env, user: req.actor.userId },
        'approval confirmed',
      );
      await execute(req, confirmed, found.kind, found.env, viewOf(confirmed, found.kind, found.env, found.policy));
    },

    async cancel(req) {
      if (!s) return void (await safely('answer', req.conversation.ephemeral(renderNotice(NEEDS_STORE))));
      const row = await s.approvals.get(req.value.trim());
      const found = lookup(row);
      const mayApprove = found ? await matches(found.policy.approve, req.actor, d.groups) : false;
      const refusal = decideCancel({
        actor: req.actor,
        approval: found
          ? {
              state: found.row.state,
              requesterId: found.row.requesterId,
              confirmerName: found.row.confirmerId ? who(found.row.confirmerId) : null,
            }
          : null,
        mayApprove,
        policy: found?.policy ?? policyFor(d.config, { name: '', production: true }),
      });
      if (refusal || !found)
        return refuseClick(req, refusal ?? { code: 'unknown', message: 'This request is unknown.' }, row);
      const now = d.now();
      const cancelled = await s.approvals.transition(found.row.id, 'requested', 'cancel', {
        confirmerId: req.actor.userId,
        confirmerName: req.actor.userName ?? null,
        decidedAt: now,
      });
      if (!cancelled)
        return refuseClick(req, { code: 'already-used', message: 'This request was already decided.' }, found.row);
      await auditSafe({
        event: 'cancelled',
        env: found.row.env,
        kind: found.row.kind,
        approvalId: found.row.id,
        actorId: req.actor.userId,
        actorName: req.actor.userName,
        paramsHash: found.row.paramsHash,
      });
      const root = rootOf(req, found.row);
      if (root)
        await safely(
          'update the confirmation',
          req.conversation.update(
            root,
            renderApprovalDecided(viewOf(cancelled, found.kind, found.env, found.policy), {
              state: 'cancelled',
              by: req.actor.userId,
              at: now,
            }),
          ),
        );
    },

    async stop(waitMs = 20_000) {
      const all = [...running.values()];
      for (const r of all) r.controller.abort('shutdown');
      if (!all.length) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled(all.map((r) => r.done)),
        new Promise((res) => (timer = setTimeout(res, waitMs))),
      ]);
      clearTimeout(timer);
    },

    active: () => running.size,

    view(row) {
      const found = lookup(row);
      return found ? viewOf(found.row, found.kind, found.env, found.policy) : null;
    },
  };
  return service;
}
