import type { Logger } from 'pino';
import type { Outbox } from '../contracts.js';
import { renderAlert, renderReminder, renderResolvedNote, type AlertView } from '../render/alert.js';
import type { Store } from '../store/store.js';
import { getAlert, setAlertMessage, type PlannedAlert } from './alert-store.js';

export interface AlerterDeps {
  store: Store;
  outbox: Outbox;
  /** channels.alerts (or watch.channel); without it alerts are recorded only. */
  channel?: string;
  titles: Readonly<Record<string, string>>;
  timeZone: string;
  failureThreshold: number;
  log: Logger;
  now(): Date;
}

/**
 * Says what the alert state machine decided: a new alert in the alerts channel, reminders
 * and the resolution in its thread, an escalation as an update of the message itself.
 * Silenced alerts were recorded by the store and are not posted.
 *
 * Actions are queued per alert, in order, and the watch does not wait for them: a Slack
 * outage (the outbox retries for minutes) must not stall the checks and the history.
 */
export function createAlerter(deps: AlerterDeps) {
  const chains = new Map<string, Promise<void>>();
  const log = deps.log.child({ part: 'alerter' });
  const view = (p: PlannedAlert, extra: Partial<AlertView> = {}): AlertView => ({
    env: p.alert.env,
    check: p.alert.check,
    title: deps.titles[p.alert.check] ?? p.alert.check,
    severity: p.alert.severity,
    summary: p.result.summary,
    since: p.alert.since,
    dependents: p.dependents.map((d) => deps.titles[d] ?? d),
    ...(p.result.runbook ? { runbook: p.result.runbook } : {}),
    timeZone: deps.timeZone,
    failureThreshold: deps.failureThreshold,
    ...extra,
  });

  const postNew = async (p: PlannedAlert, extra: Partial<AlertView> = {}) => {
    if (!deps.channel) return;
    const msg = renderAlert(view(p, extra));
    const { channel, ts } = await deps.outbox.post({ channel: deps.channel, text: msg.text, blocks: msg.blocks });
    await setAlertMessage(deps.store, p.alert.id, channel, ts);
  };

  const perform = async (planned: PlannedAlert): Promise<void> => {
    // Where the alert was posted is known only once its first post went through: read it now.
    const fresh = planned.action.kind === 'open' ? null : await getAlert(deps.store, planned.alert.id).catch(() => null);
    const p: PlannedAlert = fresh ? { ...planned, alert: { ...planned.alert, channel: fresh.channel, ts: fresh.ts } } : planned;
    const { action, alert } = p;
    const alog = log.child({ env: alert.env, check: alert.check, alert: alert.id, action: action.kind });
    try {
      switch (action.kind) {
        case 'open':
          if (action.silenced) return alog.info({ silencedBy: alert.silencedBy }, 'alert recorded, not posted (silenced)');
          if (!deps.channel) return alog.warn('alert recorded, not posted: no alerts channel is configured');
          return await postNew(p);
        case 'post':
          return await postNew(p, { lateBecause: 'a silence or maintenance window' });
        case 'escalate':
          if (alert.channel && alert.ts) {
            const msg = renderAlert(view(p, { severity: 'fail', escalatedAt: deps.now() }));
            await deps.outbox.update({ channel: alert.channel, ts: alert.ts, text: msg.text, blocks: msg.blocks });
          }
          return;
        case 'remind':
          if (alert.channel && alert.ts) {
            const msg = renderReminder(view(p), deps.now());
            await deps.outbox.post({ channel: alert.channel, thread_ts: alert.ts, text: msg.text, blocks: msg.blocks });
          }
          return;
        case 'resolve': {
          if (!action.posted || !alert.channel || !alert.ts) return alog.info('resolved; it was never posted, so nothing is said');
          const resolved = { at: alert.resolvedAt ?? deps.now(), downtimeMs: action.downtimeMs };
          const note = renderResolvedNote({ ...view(p), resolved });
          await deps.outbox.post({ channel: alert.channel, thread_ts: alert.ts, text: note.text, blocks: note.blocks });
          const msg = renderAlert(view(p, { resolved }));
          await deps.outbox.update({ channel: alert.channel, ts: alert.ts, text: msg.text, blocks: msg.blocks });
          return;
        }
      }
    } catch (err) {
      // The outbox has logged the Slack side; the alert itself stays recorded.
      alog.error({ err: { message: (err as Error).message } }, 'could not say what the alert state machine decided');
    }
  };

  return {
    /** Queues the action behind earlier ones of the same alert; returns at once. */
    enqueue(p: PlannedAlert): void {
      const next = (chains.get(p.alert.id) ?? Promise.resolve()).then(() => perform(p));
      chains.set(p.alert.id, next);
      void next.finally(() => {
        if (chains.get(p.alert.id) === next) chains.delete(p.alert.id);
      });
    },
    /** Resolves when every queued action has been said (or given up on). */
    async idle(): Promise<void> {
      while (chains.size) await Promise.allSettled([...chains.values()]);
    },
  };
}
export type Alerter = ReturnType<typeof createAlerter>;
