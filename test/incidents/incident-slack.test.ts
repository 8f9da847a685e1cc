import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backendCheck } from '../../src/diagnostics/checks/backend.js';
import { migrationsCheck } from '../../src/diagnostics/checks/migrations.js';
import { postgresCheck } from '../../src/diagnostics/checks/postgres.js';
import { uiCheck } from '../../src/diagnostics/checks/ui.js';
import { startFakeBackend, type FakeBackend } from '../support/fake-backend.js';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';
import { BACKEND_DOWN, buttons, ephemerals, mention, quietStore, text, threadOf } from './support.js';

let slack: FakeSlack;
let backend: FakeBackend;
let db: TestDatabase;
const bots: SlackHarness[] = [];

const OPS = 'C0OPS0001';
const INCIDENTS = 'C0INCID01';

beforeAll(async () => {
  [slack, backend, db] = await Promise.all([startFakeSlack(), startFakeBackend(), createTestDatabase('incidents')]);
});
afterAll(async () => {
  await Promise.all([slack.close(), backend.close(), db.drop()]);
});
afterEach(async () => {
  for (const b of bots.splice(0)) await b.close();
  backend.setStatus('healthy');
});

async function start(): Promise<SlackHarness> {
  const bot = await startSlackBot(slack, {
    env: { AUTH_BASE_URL: backend.url, DATABASE_URL: db.url, UI_PROXY_URL: 'http://ui:3002' },
    yaml: [
      'channels: { incidents: C0INCID01 }',
      'checks: { cacheMs: 0 }',
      'runbooks: { dirs: [team] }',
      'logLinks:',
      '  backend: "https://grafana.example.com/explore?q={service=\\"{component}\\"}&env={env}&from={sinceMs}"',
    ].join('\n'),
    files: { 'team/backend-down.yml': BACKEND_DOWN },
    checks: [backendCheck, uiCheck, postgresCheck, migrationsCheck],
    app: { store: quietStore(db.url) },
  });
  bots.push(bot);
  return bot;
}

const after = (n: number) => [...slack.messages.values()].slice(n);
const click = async (m: StoredMessage, actionId: string, user = 'U0ALICE01', value?: string) => {
  const c = slack.click({ ...m }, actionId, { user, ...(value !== undefined ? { value } : {}) });
  await c.acked;
  return c;
};
const stepMessage = (rootTs: string, n: number) =>
  threadOf(slack, rootTs).filter((m) => m.text.startsWith(`Step ${n} of`));
const waitStep = (rootTs: string, n: number) => slack.waitFor(() => stepMessage(rootTs, n).at(-1));

/** Opens an incident from the ops channel; resolves once the bot has told the requester where it is. */
async function openIncident(title: string): Promise<StoredMessage> {
  const before = slack.messages.size;
  const cmd = slack.slashCommand(`incident ${title}`, { channel: OPS });
  await slack.waitFor(() => slack.responses.find((r) => r.id === cmd.responseUrl.split('/').pop()));
  return slack.waitFor(() =>
    after(before).find((m) => m.channel === INCIDENTS && m.text.includes(title) && !m.threadTs),
  );
}

async function startFromRoot(root: StoredMessage, runbookId: string, user = 'U0ALICE01') {
  const b = buttons(root).find(
    (x) => x.actionId.startsWith('ctx.runbook.start') && JSON.parse(x.value).id === runbookId,
  );
  if (!b) throw new Error(`no start button for ${runbookId}`);
  await click(root, b.actionId, user, b.value);
  return waitStep(root.ts, 1);
}

describe('an incident end to end (fake Slack, real Bolt, real Postgres)', () => {
  it('opens, suggests, runs the runbook with a check turning green, takes a note, and closes with the timeline', async () => {
    // Failing before the bot starts: a status run it begins at start-up (joined by later
    // requests while in flight) must not see the backend healthy.
    backend.setStatus('status500');
    await start();

    // Open: the root goes to the incidents channel, with severity, owner, status and suggestions.
    const before = slack.messages.size;
    const cmd = slack.slashCommand('incident Backend answers 500 --sev 2', { channel: OPS });
    const root = await slack.waitFor(() => after(before).find((m) => m.channel === INCIDENTS && !m.threadTs));
    const id = /Incident #(\d+)/.exec(root.text)![1];
    expect(root.text).toMatch(/^🚨 Incident #\d+: Backend answers 500 · SEV2 · owner <@U0ALICE01> · default$/);
    expect(text(root)).toContain('Backend failing');
    expect(text(root)).toContain('GET /.status answered HTTP 500');
    expect(text(root)).toContain('*Suggested runbooks*');
    expect(text(root)).toContain('📘 *Backend down* (`backend-down`) · because Backend is failing');
    const startButton = buttons(root).find((b) => b.label === '▶ Start Backend down')!;
    expect(JSON.parse(startButton.value)).toEqual({ env: 'default', id: 'backend-down', inc: Number(id) });
    const told = await slack.waitFor(() => slack.responses.find((r) => r.id === cmd.responseUrl.split('/').pop()));
    expect(told.body).toMatchObject({
      response_type: 'ephemeral',
      text: `🚨 Opened incident #${id} in <#${INCIDENTS}>; follow it in its thread.`,
    });
    // The digest sees it through the incidents service.
    const info = bots[0]!.bot.core.services.get('incidents')!;
    expect(await info.open('default')).toContainEqual({
      id: `#${id}`,
      title: 'Backend answers 500',
      severity: 'SEV2',
      openedAt: expect.any(Date),
      owner: 'U0ALICE01',
      permalink: `https://slack.com/archives/${INCIDENTS}/p${root.ts.replace('.', '')}`,
    });

    // Start the suggested runbook: a header and step 1 in the incident's thread, its check already run.
    const step1 = await startFromRoot(root, 'backend-down', 'U0ALICE01');
    const header = threadOf(slack, root.ts).find((m) => m.text.startsWith('📘 Runbook Backend down'))!;
    expect(text(header)).toContain(`incident #${id}`);
    expect(step1.channel).toBe(INCIDENTS);
    expect(text(step1)).toContain('🔴 *Backend*: GET /.status answered HTTP 500');
    expect(text(step1)).toContain('<https://grafana.example.com/explore?q={service=\\"backend\\"}&env=default&from=');
    expect(text(step1)).toContain('covers: _team: backend health_');
    expect(buttons(step1).map((b) => b.label)).toEqual(['✅ Done', '⏭️ Skip', '❌ Failed', '🔄 Re-check']);

    // The fault is removed; Re-check turns the step green in place.
    backend.setStatus('healthy');
    const updates = step1.updates;
    await click(step1, 'ctx.runbook.recheck', 'U0BOB0001');
    await slack.waitFor(() => step1.updates > updates && text(step1).includes('✅ *Backend*'));
    expect(text(step1)).toContain('✅ *Backend*: up, answered in');

    // Done by Bob: the message says who and when; step 2 follows.
    await click(step1, 'ctx.runbook.done', 'U0BOB0001');
    const step2 = await waitStep(root.ts, 2);
    expect(text(step1)).toMatch(/✅ Done by <@U0BOB0001> at \d\d:\d\d:\d\d UTC/);
    expect(buttons(step1).map((b) => b.label)).toEqual(['🔄 Re-check']);
    expect(step2.text).toContain('Restart the backend on default');

    // A note by mention goes into the timeline; the answer goes to the person only.
    const noted = ephemerals(slack).length;
    await mention(slack, {
      text: 'note restarted the backend container',
      channel: INCIDENTS,
      threadTs: root.ts,
      user: 'U0CAROL01',
    }).acked;
    await slack.waitFor(() => ephemerals(slack).length > noted);
    expect(ephemerals(slack).at(-1)).toMatch(
      new RegExp(`^📝 Noted in the timeline of incident #${id} at \\d\\d:\\d\\d:\\d\\d UTC\\.$`),
    );
    // People's words cannot ping the channel from the postmortem.
    await mention(slack, {
      text: 'note ask <!channel> for <b>help</b>',
      channel: INCIDENTS,
      threadTs: root.ts,
      user: 'U0CAROL01',
    }).acked;
    await slack.waitFor(() => ephemerals(slack).length > noted + 1);

    // Skip needs a reason: the button asks for it, the mention gives it.
    const asked = ephemerals(slack).length;
    await click(step2, 'ctx.runbook.skip', 'U0CAROL01');
    await slack.waitFor(() => ephemerals(slack).length > asked);
    expect(ephemerals(slack).at(-1)).toContain('`@ctx-ops skip &lt;reason&gt;` in this thread');
    await mention(slack, {
      text: 'skip already restarted by the platform',
      channel: INCIDENTS,
      threadTs: root.ts,
      user: 'U0CAROL01',
    }).acked;
    const step3 = await waitStep(root.ts, 3);
    expect(text(step2)).toContain('Skipped by <@U0CAROL01>');
    expect(text(step2)).toContain('already restarted by the platform');
    expect(text(step3)).toContain('✅ *UI*');

    // `@ctx-ops status` in the thread answers there with the checks and the runbook's progress.
    await mention(slack, { text: 'status', channel: INCIDENTS, threadTs: root.ts }).acked;
    const status = await slack.waitFor(() => threadOf(slack, root.ts).find((m) => /^(✅|⚠️|🔴) default: /.test(m.text)));
    expect(text(status)).toContain('✅ *Backend*');
    expect(text(status)).toContain('Backend down (`backend-down`): 1 done, 1 skipped, 1 to do');

    await click(step3, 'ctx.runbook.done', 'U0ALICE01');
    const finished = await slack.waitFor(() => threadOf(slack, root.ts).find((m) => m.text.startsWith('🏁')));
    expect(finished.text).toContain('Runbook Backend down finished after');
    expect(finished.text).toContain('2 done, 1 skipped');

    // Close with a summary (naming the incident from another channel): the timeline as a postmortem.
    slack.slashCommand(`incident close #${id} Backend healthy again after a restart`, {
      channel: OPS,
      user: 'U0DAVE001',
    });
    const pm = await slack.waitFor(() => threadOf(slack, root.ts).find((m) => m.text.startsWith('Postmortem')));
    const body = text(pm);
    expect(pm.channel).toBe(INCIDENTS);
    expect(body).toContain(`Postmortem: Incident #${id}: Backend answers 500`);
    expect(body).toMatch(/\*Severity\* SEV2 · \*Owner\* <@U0ALICE01>/);
    expect(body).toMatch(/\*Duration\* \d+ s/);
    expect(body).toContain('by <@U0DAVE001>');
    expect(body).toContain('Backend healthy again after a restart');
    const timeline = [
      /`\d\d:\d\d:\d\d UTC` <@U0ALICE01> opened the incident \(SEV2 on default\); failing: Backend fail, Migrations fail/,
      /`\d\d:\d\d:\d\d UTC` <@U0ALICE01> started runbook `backend-down` \(Backend down\) on default/,
      /`\d\d:\d\d:\d\d UTC` 🔁 Backend: fail → ok \(re-check of step 1 by <@U0BOB0001>\)/,
      /`\d\d:\d\d:\d\d UTC` <@U0BOB0001> marked step 1 done: Confirm the backend answers \/.status again/,
      /`\d\d:\d\d:\d\d UTC` <@U0CAROL01> noted: restarted the backend container/,
      /`\d\d:\d\d:\d\d UTC` <@U0CAROL01> skipped step 2 \(already restarted by the platform\): Restart the backend on default/,
      /`\d\d:\d\d:\d\d UTC` <@U0ALICE01> marked step 3 done: Confirm the UI loads through the backend/,
      /`\d\d:\d\d:\d\d UTC` 🏁 runbook `backend-down` finished: 2 done, 1 skipped/,
      /`\d\d:\d\d:\d\d UTC` <@U0DAVE001> closed the incident: Backend healthy again after a restart/,
    ];
    let at = 0;
    for (const re of timeline) {
      const m = re.exec(body.slice(at));
      expect(m, `timeline line ${re}`).not.toBeNull();
      at += m!.index + m![0].length;
    }
    expect(body).toMatch(
      /\*Checks that changed state\*\\n• Backend: fail → ok \(re-check of step 1 by <@U0BOB0001>\) at \d\d:\d\d:\d\d UTC/,
    );
    expect(body).toContain('Backend down (`backend-down`): 2 done, 1 skipped, finished after');
    expect(body).toContain('noted: ask &lt;!channel&gt; for &lt;b&gt;help&lt;/b&gt;');
    expect(body).not.toContain('<!channel>');
    expect(body).toContain('*Root cause*');
    expect(body).toContain('*Action items*');

    // The root now says closed, by whom, after how long, without start buttons.
    await slack.waitFor(() => root.text.includes('(closed)'));
    expect(text(root)).toMatch(/\*Closed\* by <@U0DAVE001> at .* after \d+ s/);
    expect(buttons(root)).toEqual([]);
    expect((await info.open()).map((i) => i.id)).not.toContain(`#${id}`);
    // A second close changes nothing.
    const again = slack.slashCommand(`incident close #${id}`, { channel: OPS });
    const r = await slack.waitFor(() => slack.responses.find((x) => x.id === again.responseUrl.split('/').pop()));
    expect(r.body.text).toBe(`Incident #${id} is already closed.`);
  });

  it('resumes after a restart at the same step; buttons on old messages keep working', async () => {
    const first = await start();
    backend.setStatus('status500');
    const root = await openIncident('Restart me');
    const step1 = await startFromRoot(root, 'backend-down');
    const step1Done = buttons(step1).find((b) => b.actionId === 'ctx.runbook.done')!.value;
    await click(step1, 'ctx.runbook.done', 'U0BOB0001');
    const step2 = await waitStep(root.ts, 2);
    await first.close();
    bots.splice(bots.indexOf(first), 1);

    // A new bot process on the same store: nothing in memory survives, the thread goes on.
    // The button on the message posted before the restart still works.
    await start();
    await click(step2, 'ctx.runbook.done', 'U0CAROL01');
    const step3 = await waitStep(root.ts, 3);
    expect(text(step2)).toContain('Done by <@U0CAROL01>');
    expect(step3.text).toContain('Confirm the UI loads');
    const header = threadOf(slack, root.ts).find((m) => m.text.startsWith('📘 Runbook Backend down'))!;
    await slack.waitFor(() => header.text.endsWith('2 done, 1 to do'));

    // `@ctx-ops next` posts the current step again at the bottom; the old copy points down.
    const posted = slack.messages.size;
    await mention(slack, { text: 'next', channel: INCIDENTS, threadTs: root.ts }).acked;
    const again = await slack.waitFor(() => after(posted).find((m) => m.text.startsWith('Step 3 of 3')));
    expect(again.threadTs).toBe(root.ts);
    await slack.waitFor(() => text(step3).includes('Posted again further down'));
    expect(buttons(step3)).toEqual([]);
    expect(buttons(again).map((b) => b.label)).toContain('✅ Done');
    // A late click (a client still showing the old buttons) changes nothing and says so.
    const c = await click(step1, 'ctx.runbook.done', 'U0DAVE001', step1Done);
    const answer = await slack.waitFor(() => slack.responses.find((x) => x.id === c.responseUrl.split('/').pop()));
    expect(answer.body.text).toMatch(
      /^Step 1 of Backend down is already done by <@U0BOB0001> at \d\d:\d\d:\d\d UTC; nothing changed\.$/,
    );
  });

  it('posts, on start, a step that a crash left unposted', async () => {
    const first = await start();
    const root = await openIncident('Crash between steps');
    slack.slashCommand('runbook backend-down', { channel: INCIDENTS });
    await waitStep(root.ts, 1);
    await first.close();
    bots.splice(bots.indexOf(first), 1);
    // As if the process died right after step 1 was marked done, before step 2 was posted.
    await db.query(
      `UPDATE ctx_ops.runbook_steps st SET state = 'done', actor = 'U0BOB0001', at = now()
         FROM ctx_ops.runbook_sessions s JOIN ctx_ops.incidents i ON i.id = s.incident_id
        WHERE st.session_id = s.id AND st.idx = 0 AND i.root_ts = $1`,
      [root.ts],
    );
    expect(stepMessage(root.ts, 2)).toHaveLength(0);
    await start();
    const step2 = await waitStep(root.ts, 2);
    expect(step2.threadTs).toBe(root.ts);
    expect(stepMessage(root.ts, 2)).toHaveLength(1);
  });

  it('registers 20 concurrent Done clicks on one step once', async () => {
    await start();
    const root = await openIncident('Many hands');
    // The backend is healthy, so its runbook is not suggested: typed in the incidents channel, it joins the newest incident there.
    expect(buttons(root).map((b) => JSON.parse(b.value).id)).not.toContain('backend-down');
    slack.slashCommand('runbook backend-down', { channel: INCIDENTS });
    const step1 = await waitStep(root.ts, 1);
    const users = Array.from({ length: 20 }, (_, i) => `U0CLICK${String(i).padStart(2, '0')}`);
    const clicks = users.map((u) => slack.click({ ...step1 }, 'ctx.runbook.done', { user: u }));
    await Promise.all(clicks.map((c) => c.acked));
    await waitStep(root.ts, 2);
    const refusals = await slack.waitFor(() => {
      const r = clicks.map((c) => slack.responses.find((x) => x.id === c.responseUrl.split('/').pop())).filter(Boolean);
      return r.length === 19 ? r : undefined;
    });
    expect(refusals.every((r) => /already done by <@U0CLICK\d\d>/.test(String(r!.body.text)))).toBe(true);
    const { rows } = await db.query<{ n: string; actor: string }>(
      `SELECT count(*) OVER () AS n, t.actor FROM ctx_ops.incident_timeline t JOIN ctx_ops.incidents i ON i.id = t.incident_id
        WHERE i.root_ts = $1 AND t.kind = 'step' AND t.data->>'idx' = '0'`,
      [root.ts],
    );
    expect(rows).toHaveLength(1);
    expect(users).toContain(rows[0]!.actor);
    expect(stepMessage(root.ts, 2)).toHaveLength(1);
    expect(text(step1)).toContain(`Done by <@${rows[0]!.actor}>`);
  });

  it('/ctx status links a failing component to its runbook; the button starts it in a thread of its own', async () => {
    await start();
    const before = slack.messages.size;
    slack.slashCommand('status', { channel: OPS });
    const status = await slack.finalMessage(before);
    // Migrations never ran in this database: the check names its runbook, the status offers it.
    const rb = buttons(status).filter((b) => b.actionId.startsWith('ctx.runbook.start'));
    expect(rb.map((b) => [b.actionId, b.label, JSON.parse(b.value)])).toEqual([
      ['ctx.runbook.start', '📘 Runbook migration-failed', { env: 'default', id: 'migration-failed' }],
    ]);
    expect(buttons(status).map((b) => b.actionId)).toContain('ctx.check.details');

    await click(status, rb[0]!.actionId, 'U0ALICE01', rb[0]!.value);
    const header = await slack.waitFor(() =>
      after(before).find((m) => m.text.startsWith('📘 Runbook Migration failed') && m.channel === OPS && !m.threadTs),
    );
    const s1 = await waitStep(header.ts, 1);
    expect(text(s1)).toContain('📜 migrate logs: `docker compose logs --since');
    await click(s1, 'ctx.runbook.done');
    const s2 = await waitStep(header.ts, 2);
    expect(text(s2)).toContain('🔴 *Migrations*: migrations never ran');

    // Starting it again in the same channel points at the running one instead.
    const again = slack.slashCommand('runbook migration-failed', { channel: OPS, user: 'U0BOB0001' });
    const r = await slack.waitFor(() => slack.responses.find((x) => x.id === again.responseUrl.split('/').pop()));
    expect(r.body.text).toBe(
      'Runbook `migration-failed` is already running here on default (started by <@U0ALICE01>): `@ctx-ops next` in its thread shows its current step.',
    );
    // `@ctx-ops stop` in its thread ends it; then it can start again.
    await mention(slack, { text: 'stop', channel: OPS, threadTs: header.ts }).acked;
    await slack.waitFor(() => header.text.endsWith('abandoned'));
    expect(text(header)).toContain('⏹ Stopped at');
  });
});
