import { readdirSync } from 'node:fs';
import type { BotAppOptions } from '../../src/app/app.js';
import { createOperationsFeature, type OperationsFeature } from '../../src/operations/feature.js';
import { statusFeature } from '../../src/status/feature.js';
import type { ActionRequest, Actor, MessageRef, Surface } from '../../src/contracts/chat.js';
import { ACTION_APPROVAL_CANCEL, ACTION_APPROVAL_CONFIRM } from '../../src/operations/render.js';
import { createStore, type Store } from '../../src/store/store.js';
import { recordingConversation } from '../support/conversation.js';
import { buildBot, type ConfigFixture, type Harness } from '../support/harness.js';
import type { TestDatabase } from '../support/pg.js';
import { silentLog, TOOL_ENV } from './helpers.js';

/** A real bot with a real store on the test database and only the features operations needs. */
export interface OpsBot extends Harness {
  store: Store;
  ops: OperationsFeature;
  /** Moves the bot's clock (expiry) without touching real time. */
  advance(ms: number): void;
}

export function opsBot(
  db: TestDatabase,
  fx: ConfigFixture & { app?: Partial<BotAppOptions>; progressIntervalMs?: number } = {},
): OpsBot {
  let offset = 0;
  const store = createStore(db.url, silentLog);
  const h = buildBot({
    ...fx,
    env: { ...TOOL_ENV, ...fx.env },
    app: {
      store,
      now: () => new Date(Date.now() + offset),
      features: [
        statusFeature,
        createOperationsFeature({ progressIntervalMs: fx.progressIntervalMs ?? 200, recoverEveryMs: 3_600_000 }),
      ],
      ...fx.app,
    },
  });
  const ops = h.bot.features.find((f) => f.name === 'operations') as OperationsFeature;
  return { ...h, store, ops, advance: (ms) => void (offset += ms) };
}

export async function command(bot: OpsBot, text: string, actor: Actor, surface: Surface = 'slack') {
  const rec = recordingConversation();
  const outcome = await bot.bot.router.dispatch({ text, actor, surface, conversation: rec.conversation });
  return { ...rec, outcome };
}

/** The approval id a confirmation carries on its Confirm button. */
export function approvalIdOf(rec: ReturnType<typeof recordingConversation>): { id: string; ref: MessageRef } {
  for (const p of rec.posted) {
    const id = JSON.stringify(p.msg.blocks ?? []).match(
      /"action_id":"ctx\.approval\.confirm"[^}]*"value":"(ap_[^"]+)"/,
    )?.[1];
    if (id) return { id, ref: p.ref };
  }
  throw new Error(`no confirmation posted: ${rec.ephemerals.map((e) => e.text).join(' | ')}`);
}

export async function click(
  bot: OpsBot,
  which: 'confirm' | 'cancel',
  id: string,
  actor: Actor,
  message?: MessageRef,
  surface: Surface = 'slack',
) {
  const rec = recordingConversation();
  const req: ActionRequest = {
    actionId: which === 'confirm' ? ACTION_APPROVAL_CONFIRM : ACTION_APPROVAL_CANCEL,
    value: id,
    actor,
    message,
    conversation: rec.conversation,
    surface,
  };
  await bot.bot.actions.get(req.actionId)!.run(req);
  return rec;
}

export const files = (dir: string) => {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
};

export async function rows<T = Record<string, unknown>>(
  db: TestDatabase,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}
