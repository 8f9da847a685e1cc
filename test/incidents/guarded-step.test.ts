import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backendCheck } from '../../src/diagnostics/checks/backend.js';
import { insertJwk, makeJwk } from '../support/better-auth-keys.js';
import { createCtxTables, insertOrg, insertRepo } from '../support/ctx-schema.js';
import { startFakeBackend, type FakeBackend } from '../support/fake-backend.js';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';
import { buttons, ephemerals, quietStore, text, threadOf } from './support.js';

/**
 * A runbook step's guarded action through the operations feature's real approvals
 * service: the same Confirm / Cancel, permissions and two-person rule as backups and
 * migrations; the step resolves itself when the action ran.
 */
let slack: FakeSlack;
let backend: FakeBackend;
let db: TestDatabase;
let bot: SlackHarness | undefined;
const OPS = 'C0OPS0001';
const API_KEY = 'ctx_test_api_key_6f1e2d3c4b5a';

const RUNBOOKS = {
  'team/keys.yml': `id: keys-reset
title: Keys reset
steps:
  - text: Delete the signing keys
    action: reset-jwks
    covers: "test"
  - text: Restart the backend
    covers: "test"
`,
  'team/reindex.yml': `id: reindex-it
title: Reindex it
steps:
  - text: Reindex the failed repository
    action: reindex-repository
    covers: "test"
  - text: Watch it index
    covers: "test"
`,
};

beforeAll(async () => {
  [slack, backend, db] = await Promise.all([startFakeSlack(), startFakeBackend(), createTestDatabase('guarded')]);
  await createCtxTables(db, { openworkflowSchema: false });
  await db.query(
    'CREATE TABLE jwkss (id text PRIMARY KEY, public_key text NOT NULL, private_key text NOT NULL, created_at timestamp NOT NULL, expires_at timestamp)',
  );
  bot = await startSlackBot(slack, {
    env: {
      AUTH_BASE_URL: backend.url,
      DATABASE_URL: db.url,
      CTX_OPS_API_KEY: API_KEY,
      AUTH_SECRET: 'the-rotated-auth-secret-0123456789-abcdef',
    },
    yaml: [
      'checks: { cacheMs: 0 }',
      'runbooks: { dirs: [team] }',
      'permissions:',
      '  default: { request: [U0ALICE01, U0BOB0001], approve: [U0ALICE01, U0BOB0001], twoPerson: true }',
    ].join('\n'),
    files: RUNBOOKS,
    checks: [backendCheck],
    app: { store: quietStore(db.url) },
  });
});
afterAll(async () => {
  await bot?.close();
  await Promise.all([slack.close(), backend.close(), db.drop()]);
});
afterEach(() => {
  backend.setStatus('healthy');
});

const after = (n: number) => [...slack.messages.values()].slice(n);
async function click(m: StoredMessage, actionId: string, user: string, value?: string) {
  const c = slack.click({ ...m }, actionId, { user, ...(value !== undefined ? { value } : {}) });
  await c.acked;
  return c;
}
async function startRunbook(id: string): Promise<{ header: StoredMessage; step1: StoredMessage }> {
  const before = slack.messages.size;
  slack.slashCommand(`runbook ${id}`, { channel: OPS });
  const header = await slack.waitFor(() => after(before).find((m) => m.text.startsWith('📘 Runbook') && !m.threadTs));
  const step1 = await slack.waitFor(() => threadOf(slack, header.ts).find((m) => m.text.startsWith('Step 1 of')));
  return { header, step1 };
}

describe('a guarded action on a runbook step (real approvals service)', () => {
  it('reset-jwks: Run asks, the requester cannot confirm alone, another approver runs it once, and the step resolves', async () => {
    // Both made by Better Auth with the previous secret.
    for (const createdAt of [new Date(Date.now() - 86_400_000), new Date()])
      await insertJwk(db, await makeJwk('the-previous-auth-secret-0123456789-abcdef', { createdAt }));
    const { header, step1 } = await startRunbook('keys-reset');
    const run = buttons(step1).find((b) => b.actionId === 'ctx.runbook.run')!;
    expect(run.label).toBe('▶ Reset signing keys');

    await click(step1, run.actionId, 'U0ALICE01', run.value);
    const ask = await slack.waitFor(() =>
      threadOf(slack, header.ts).find((m) => buttons(m).some((b) => b.actionId === 'ctx.approval.confirm')),
    );
    expect(text(ask)).toContain('Delete the signing keys (jwkss) on default');
    expect(text(ask)).toContain('2 key pair(s)');
    // The confirmation says what the evidence is: the secret this environment has does not open them.
    expect(text(ask)).toMatch(
      /Evidence: ctx-ops's AUTH_SECRET does not open the newest signing key in jwkss, key \S+ \(created [^)]+\): it was encrypted with another secret; 0 of the 2 keys read open with it/,
    );
    await slack.waitFor(() => text(step1).includes('Reset signing keys requested by <@U0ALICE01>'));

    // The requester's own Confirm is refused by the two-person rule; nothing runs.
    const confirm = buttons(ask).find((b) => b.actionId === 'ctx.approval.confirm')!;
    const own = await click(ask, confirm.actionId, 'U0ALICE01', confirm.value);
    const refused = await slack.waitFor(() => slack.responses.find((r) => r.id === own.responseUrl.split('/').pop()));
    expect(String(refused.body.text)).toContain('two-person rule');
    expect((await db.query('SELECT count(*)::int AS n FROM jwkss')).rows[0]!.n).toBe(2);

    // Bob confirms: the keys go, the step is done by him with what ran, step 2 follows.
    await click(ask, confirm.actionId, 'U0BOB0001', confirm.value);
    const step2 = await slack.waitFor(() => threadOf(slack, header.ts).find((m) => m.text.startsWith('Step 2 of')));
    expect((await db.query('SELECT count(*)::int AS n FROM jwkss')).rows[0]!.n).toBe(0);
    expect(text(step1)).toContain('Done by <@U0BOB0001>');
    expect(text(step1)).toMatch(
      /▶ Reset signing keys ran \(confirmed by <@U0BOB0001> at \d\d:\d\d:\d\d UTC\): Deleted 2 signing key pair\(s\) from jwkss on default/,
    );
    expect(step2.text).toContain('Restart the backend');

    const { rows } = await db.query<{ actor: string; kind: string; text: string }>(
      `SELECT t.actor, t.kind, t.text FROM ctx_ops.incident_timeline t JOIN ctx_ops.runbook_sessions s ON s.id = t.session_id
        WHERE s.header_ts = $1 ORDER BY t.at, t.id`,
      [header.ts],
    );
    expect(rows.map((r) => `${r.actor} ${r.kind} ${r.text.split(':')[0]}`)).toEqual([
      'U0ALICE01 runbook started runbook `keys-reset` (Keys reset) on default',
      'U0ALICE01 action asked to run Reset signing keys (step 1)',
      'U0BOB0001 action ran Reset signing keys',
      'U0BOB0001 step marked step 1 done',
    ]);
    // A second Confirm on the same approval runs nothing.
    const late = await click(ask, confirm.actionId, 'U0BOB0001', confirm.value);
    const lateAnswer = await slack.waitFor(() =>
      slack.responses.find((r) => r.id === late.responseUrl.split('/').pop()),
    );
    expect(String(lateAnswer.body.text)).toMatch(/cannot be used/);
  });

  it('reindex-repository: offers the failed repositories and calls the reindex route with the API key', async () => {
    const org = await insertOrg(db, { slug: 'acme' });
    const failed = await insertRepo(db, {
      orgId: org,
      name: 'api',
      indexingStatus: 'failed',
      indexingError: 'clone failed: authentication required',
    });
    await insertRepo(db, { orgId: org, name: 'web' });
    await insertRepo(db, { orgId: org, name: 'busy', indexingStatus: 'running' });
    const seen: Array<{ key?: string; path: string }> = [];
    backend.http.route('POST', `/acme/api/v1/repositories/${failed}/reindex`, (req, res) => {
      seen.push({ key: req.headers['x-api-key'] as string | undefined, path: req.url ?? '' });
      res.writeHead(202);
      res.end();
    });

    const { header, step1 } = await startRunbook('reindex-it');
    const offered = buttons(step1).filter((b) => b.actionId.startsWith('ctx.runbook.run'));
    // The failed repository first; one already running is not offered.
    expect(offered.map((b) => b.label)).toEqual(['▶ Reindex acme/api (failed)', '▶ Reindex acme/web (ready)']);
    expect(offered.map((b) => b.actionId)).toEqual(['ctx.runbook.run', 'ctx.runbook.run.2']);

    await click(step1, offered[0]!.actionId, 'U0BOB0001', offered[0]!.value);
    const ask = await slack.waitFor(() =>
      threadOf(slack, header.ts).find((m) => buttons(m).some((b) => b.actionId === 'ctx.approval.confirm')),
    );
    expect(text(ask)).toContain(`/acme/api/v1/repositories/${failed}/reindex`);
    expect(text(ask)).toContain('clone failed: authentication required');
    const confirm = buttons(ask).find((b) => b.actionId === 'ctx.approval.confirm')!;
    await click(ask, confirm.actionId, 'U0ALICE01', confirm.value);
    await slack.waitFor(() => threadOf(slack, header.ts).find((m) => m.text.startsWith('Step 2 of')));
    expect(seen).toEqual([{ key: API_KEY, path: `/acme/api/v1/repositories/${failed}/reindex` }]);
    expect(text(step1)).toContain('Reindex of acme/api accepted (HTTP 202)');
    // The API key never reaches Slack.
    expect(slack.everything()).not.toContain(API_KEY);
    expect(ephemerals(slack).join('\n')).not.toContain(API_KEY);
    expect(bot!.logs.join('\n')).not.toContain(API_KEY);
    const audit = await db.query('SELECT * FROM ctx_ops.incident_timeline');
    expect(JSON.stringify(audit.rows)).not.toContain(API_KEY);
  });
});
