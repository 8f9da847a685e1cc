import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createStore, type Store } from '../../src/store/store.js';
import { BOT_USER_ID, TEAM_ID, type FakeSlack, type StoredMessage } from '../support/fake-slack.js';

/** A team runbook for the end-to-end tests: every step kind, with checks the fakes can drive. */
export const BACKEND_DOWN = `id: backend-down
title: Backend down
summary: The backend answers errors on /.status.
when:
  - backend
steps:
  - text: Confirm the backend answers /.status again
    check: backend
    logs: backend
    covers: "team: backend health"
  - text: Restart the backend on {env}
    help: "\`docker compose restart backend\`"
    covers: "team: restart"
  - text: Confirm the UI loads through the backend
    check: ui
    covers: "team: UI"
`;

export const quietStore = (url: string): Store => createStore(url, pino({ level: 'silent' }));

let tsCounter = 1_800_000_000_000;
/** Sends `@ctx-ops <text>` the way Slack's Events API does, in a thread when threadTs is given. */
export function mention(slack: FakeSlack, o: { text: string; channel: string; threadTs?: string; user?: string }) {
  const ts = `${String(++tsCounter).slice(0, 10)}.${String(tsCounter).slice(10)}000`;
  return slack.sendEnvelope('events_api', {
    token: 'verification-token',
    team_id: TEAM_ID,
    api_app_id: 'A0APP0001',
    type: 'event_callback',
    event_id: `Ev${randomUUID().replace(/-/g, '').slice(0, 12)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    event: {
      type: 'app_mention',
      user: o.user ?? 'U0ALICE01',
      text: `<@${BOT_USER_ID}> ${o.text}`,
      ts,
      channel: o.channel,
      event_ts: ts,
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    },
  });
}

interface Element {
  action_id?: string;
  value?: string;
  text?: { text: string };
}

/** Every button in a message: action id, value and label. */
export function buttons(m: StoredMessage): Array<{ actionId: string; value: string; label: string }> {
  const out: Array<{ actionId: string; value: string; label: string }> = [];
  for (const b of m.blocks as Array<{ type: string; elements?: Element[]; accessory?: Element }>) {
    for (const e of [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]) {
      if (e.action_id) out.push({ actionId: e.action_id, value: e.value ?? '', label: e.text?.text ?? '' });
    }
  }
  return out;
}

export const text = (m: StoredMessage) => `${m.text}\n${JSON.stringify(m.blocks)}`;

export function threadOf(slack: FakeSlack, rootTs: string): StoredMessage[] {
  return [...slack.messages.values()].filter((m) => m.threadTs === rootTs);
}

/** Ephemeral answers (response_url posts and chat.postEphemeral calls) as text, oldest first. */
export function ephemerals(slack: FakeSlack): string[] {
  return [
    ...slack.responses
      .filter((r) => r.body.response_type === 'ephemeral')
      .map((r) => ({ at: r.at, text: String(r.body.text) })),
    ...slack.calls
      .filter((c) => c.method === 'chat.postEphemeral')
      .map((c) => ({ at: c.at, text: String(c.args.text) })),
  ]
    .sort((a, b) => a.at - b.at)
    .map((e) => e.text);
}
