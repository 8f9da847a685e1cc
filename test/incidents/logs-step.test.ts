import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendCheck } from '../../src/diagnostics/checks/backend.js';
import { startFakeBackend, type FakeBackend } from '../support/fake-backend.js';
import { createLogStore, type FakeDocker, type LogStore, startFakeDocker } from '../support/fake-logs.js';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';
import { buttons, quietStore, text, threadOf } from './support.js';

/**
 * A runbook step of kind `logs` in an incident thread: the bot reads the backend's logs
 * through the Docker Engine API fake when the step is posted (nothing yet), the backend
 * then starts logging the signal, Re-check finds it and posts the evidence, redacted.
 */
const LOGS_RUNBOOK = `id: sign-in-logs
title: Sign-in broken
when:
  - backend
steps:
  - text: Check the backend logs for Better Auth errors
    logs: { component: backend, signal: auth-failures, window: 30m }
  - text: Check the graph database's logs
    logs: { component: graph, signal: connection }
`;
const PLANTED = 'planted-cookie-secret-98765';

let slack: FakeSlack;
let backend: FakeBackend;
let db: TestDatabase;
let store: LogStore;
let docker: FakeDocker;
let bot: SlackHarness;

const OPS = 'C0OPS0001';
const INCIDENTS = 'C0INCID01';

beforeAll(async () => {
  store = createLogStore();
  store.emit('backend', '{"method":"GET","path":"/.status","status":200,"level":"info"}', {
    time: new Date(Date.now() - 60_000),
  });
  [slack, backend, db, docker] = await Promise.all([
    startFakeSlack(),
    startFakeBackend(),
    createTestDatabase('logsstep'),
    startFakeDocker(store, [{ id: 'feedface0123456789abcdef', project: 'ctx', service: 'backend' }]),
  ]);
  backend.setStatus('status500'); // failing from the first check on: the runbook is suggested
  bot = await startSlackBot(slack, {
    env: { AUTH_BASE_URL: backend.url, DATABASE_URL: db.url, LOG_LEVEL: 'silent' },
    yaml: [
      'channels: { incidents: C0INCID01 }',
      'checks: { cacheMs: 0 }',
      'runbooks: { dirs: [team] }',
      'logs:',
      `  sources: { default: { docker: { socket: "${docker.socketPath}", project: ctx } } }`,
    ].join('\n'),
    files: { 'team/sign-in-logs.yml': LOGS_RUNBOOK },
    checks: [backendCheck],
    app: { store: quietStore(db.url) },
  });
});
afterAll(async () => {
  await bot.close();
  await Promise.all([slack.close(), backend.close(), db.drop(), docker.close()]);
});

const after = (n: number) => [...slack.messages.values()].slice(n);

describe('a logs step in an incident thread', () => {
  it('reads nothing at first, finds the signal once the component logs it, and marks the step', async () => {
    const before = slack.messages.size;
    const cmd = slack.slashCommand('incident Sign-in fails', { channel: OPS });
    // Until the bot says where the incident is, it is still being opened (its Start buttons answer so).
    await slack.waitFor(() => slack.responses.find((r) => r.id === cmd.responseUrl.split('/').pop()));
    const isStart = (b: { actionId: string; value: string }) =>
      b.actionId.startsWith('ctx.runbook.start') && JSON.parse(b.value).id === 'sign-in-logs';
    // The root message gets its suggestions once the status is in (it may be updated after its first post).
    const root = await slack.waitFor(() =>
      after(before).find((m) => m.channel === INCIDENTS && !m.threadTs && buttons(m).some(isStart)),
    );
    const start = buttons(root).find(isStart);
    expect(start).toBeDefined();
    await slack.click({ ...root }, start!.actionId, { value: start!.value }).acked;

    const step1 = await slack.waitFor(() => threadOf(slack, root.ts).find((m) => m.text.startsWith('Step 1 of')));
    expect(text(step1)).toContain('✅ *backend auth-failures logs*: nothing found in the last 30 min (1 line read)');
    const firstEvidence = await slack.waitFor(() =>
      threadOf(slack, root.ts).find((m) => m.text.startsWith('backend auth-failures: nothing found')),
    );
    expect(firstEvidence).toBeDefined();
    expect(buttons(step1).map((b) => b.label)).toContain('🔄 Re-check');

    // The backend starts failing sign-ins.
    store.emit('backend', '\u001b[31mERROR\u001b[0m [Better Auth]: Invalid origin: https://evil.example.com');
    store.emit(
      'backend',
      `{"method":"POST","path":"/.auth/api/v1/auth/sign-in/social","status":500,"level":"error","message":"Failed to decrypt account token","headers":{"cookie":"better-auth.session_token=${PLANTED}"},"user":"ada@example.com"}`,
    );
    const updates = step1.updates;
    const recheck = buttons(step1).find((b) => b.label === '🔄 Re-check')!;
    await slack.click({ ...step1 }, recheck.actionId, { value: recheck.value }).acked;
    await slack.waitFor(() => step1.updates > updates && text(step1).includes('🔎'));
    expect(text(step1)).toContain('🔎 *backend auth-failures logs*: found 2 lines in the last 30 min');
    const evidence: StoredMessage = await slack.waitFor(() =>
      threadOf(slack, root.ts).find((m) => m.text.startsWith('backend auth-failures: found 2 lines')),
    );
    expect(text(evidence)).toContain('Invalid origin');
    expect(text(evidence)).toContain('Failed to decrypt account token');
    expect(text(evidence)).toContain(`from unix:${docker.socketPath}`);
    expect(slack.everything()).not.toContain(PLANTED);
    expect(slack.everything()).not.toContain('ada@example.com');

    // Done: step 2 names a component the source cannot find: source unavailable, with the fix.
    const done = buttons(step1).find((b) => b.label === '✅ Done')!;
    await slack.click({ ...step1 }, done.actionId, { value: done.value }).acked;
    const step2 = await slack.waitFor(() => threadOf(slack, root.ts).find((m) => m.text.startsWith('Step 2 of')));
    expect(step2.text).toContain(
      '❔ graph connection logs: source unavailable (no container of Compose service "graph" in project "ctx")',
    );
    const ev2 = await slack.waitFor(() =>
      threadOf(slack, root.ts).find((m) => m.text.startsWith('graph connection: source unavailable')),
    );
    expect(text(ev2)).toContain('logs.sources.default.docker.services.graph');
  });
});
