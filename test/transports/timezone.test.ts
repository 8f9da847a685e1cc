import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendCheck } from '../../src/diagnostics/checks/backend.js';
import { postgresCheck } from '../../src/diagnostics/checks/postgres.js';
import { uiCheck } from '../../src/diagnostics/checks/ui.js';
import { createBackupStore } from '../../src/operations/backup/backup-store.js';
import { createStore, type Store } from '../../src/store/store.js';
import { startFakeBackend, type FakeBackend } from '../support/fake-backend.js';
import { startFakeSlack, TEAM_ID, type FakeSlack } from '../support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';
import { BACKEND_DOWN, buttons, text, threadOf } from '../incidents/support.js';

/**
 * Every surface that shows a time, through Socket Mode into the real bot, with
 * `timezone: Asia/Kolkata` (UTC+5:30: the half hour proves the conversion, "IST" the
 * abbreviation). No surface may fall back to UTC.
 */
const TZ = 'Asia/Kolkata';
let slack: FakeSlack;
let backend: FakeBackend;
let db: TestDatabase;
let store: Store;
let bot: SlackHarness;
const OPS = 'C0OPS0001';

beforeAll(async () => {
  [slack, backend, db] = await Promise.all([startFakeSlack(), startFakeBackend(), createTestDatabase('tz')]);
  store = createStore(db.url, pino({ level: 'silent' }));
  await store.ready();
  // A verified backup, finished an hour ago, for /ctx backups.
  const backups = createBackupStore(store);
  const hourAgo = new Date(Date.now() - 3_600_000);
  const id = await backups.start({
    env: 'prod',
    runId: null,
    fileName: 'prod-20260101T000000Z.dump',
    path: '/tmp/prod.dump',
    startedAt: hourAgo,
    database: 'ctx',
    serverVersion: '15',
    pgDumpVersion: '15',
  });
  await backups.finish(id, {
    state: 'verified',
    finishedAt: hourAgo,
    sizeBytes: 4096,
    sha256: 'a'.repeat(64),
    verification: 'trial restore ok',
  });
  bot = await startSlackBot(slack, {
    checks: [backendCheck, uiCheck, postgresCheck],
    yaml: [
      `timezone: ${TZ}`,
      'checks: { cacheMs: 0 }',
      'environments:',
      `  prod: { env: { AUTH_BASE_URL: "${backend.url}", DATABASE_URL: "${db.url}" } }`,
      'runbooks: { dirs: [team] }',
    ].join('\n'),
    files: { 'team/backend-down.yml': BACKEND_DOWN },
    app: { store },
  });
});
afterAll(async () => {
  await bot.close();
  await Promise.all([slack.close(), backend.close(), db.drop()]);
});

/** HH:MM in Kolkata now, and a minute either side (a test may cross a minute). */
function kolkataNow(): string[] {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return [-60_000, 0, 60_000].map((d) => f.format(new Date(Date.now() + d)));
}

/** Every time in the text carries the zone's abbreviation, none says UTC, and at least one is there. */
function inZone(s: string, opts: { now?: boolean } = {}) {
  expect(s).not.toMatch(/\bUTC\b/);
  const times = [...s.matchAll(/\b(\d\d:\d\d)(?::\d\d)?(?: ([A-Z]{2,5}|GMT[+-][\d:]+)(?![A-Za-z]))?/g)];
  expect(times.length).toBeGreaterThan(0);
  for (const m of times) expect(m[2], `"${m[0]}" in ${s.slice(0, 300)}`).toBe('IST');
  if (opts.now) expect(times.some((m) => kolkataNow().includes(m[1]!))).toBe(true);
}

async function privately(command: string): Promise<string> {
  const cmd = slack.slashCommand(command, { channel: OPS });
  const id = cmd.responseUrl.split('/').pop();
  const r = await slack.waitFor(() => slack.responses.find((x) => x.id === id));
  return `${r.body.text}\n${JSON.stringify(r.body.blocks ?? [])}`;
}
async function posted(command: string, probe: (t: string) => boolean): Promise<string> {
  const before = slack.messages.size;
  await slack.slashCommand(command, { channel: OPS }).acked;
  const m = await slack.waitFor(() =>
    [...slack.messages.values()].slice(before).find((x) => probe(x.text) && !x.text.startsWith('⏳')),
  );
  return text(m);
}

describe(`every time shown is in the configured zone (${TZ}) with its abbreviation`, () => {
  it('status and check', async () => {
    inZone(await posted('status prod', (t) => t.includes('prod')), { now: true });
    inZone(await posted('check backend', (t) => t.includes('Backend on prod')), { now: true });
  });

  it('silences', async () => {
    inZone(await posted('silence backend 2h deploy', (t) => t.startsWith('🔕')));
    inZone(await privately('silences'));
  });

  it('approvals and the audit log', async () => {
    const preview = await posted('backup prod', (t) => /Back up|backup/i.test(t));
    expect(preview).toMatch(/expires \w{3} \d{1,2} \w{3} \d\d:\d\d IST/);
    inZone(preview);
    const audit = await posted('audit', (t) => t.includes('requested'));
    inZone(audit, { now: true });
  });

  it('backups', async () => {
    const list = await posted('backups prod', (t) => t.includes('prod-20260101T000000Z.dump'));
    expect(list).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d IST \(1 h ago\)/);
    inZone(list);
  });

  it('incidents, their timeline and runbook steps', async () => {
    backend.setStatus('status500');
    const root = await posted('incident Slow sign-in', (t) => t.includes('Slow sign-in'));
    inZone(root, { now: true });
    inZone(await privately('incident list'));
    inZone(await privately('incident note looked at the logs'), { now: true });
    const rootMsg = [...slack.messages.values()].find((m) => m.text.includes('Slow sign-in') && !m.threadTs)!;
    const start = buttons(rootMsg).find(
      (b) => b.actionId.startsWith('ctx.runbook.start') && JSON.parse(b.value).id === 'backend-down',
    )!;
    for (
      let attempt = 0;
      attempt < 5 && !threadOf(slack, rootMsg.ts).some((m) => m.text.startsWith('Step 1 of'));
      attempt++
    ) {
      await slack.click(rootMsg, start.actionId, { value: start.value }).acked;
      await slack
        .waitFor(() => threadOf(slack, rootMsg.ts).some((m) => m.text.startsWith('Step 1 of')), 2_000)
        .catch(() => undefined);
    }
    const step = await slack.waitFor(() => threadOf(slack, rootMsg.ts).find((m) => m.text.startsWith('Step 1 of')));
    inZone(text(step), { now: true });
    const header = threadOf(slack, rootMsg.ts).find((m) => m.text.startsWith('📘 Runbook'))!;
    inZone(text(header), { now: true });
    const postmortem = await posted('incident close fixed', (t) => t.startsWith('Postmortem'));
    expect(postmortem).toContain(`*Timeline* (${TZ})`);
    inZone(postmortem, { now: true });
  });

  it('the digest and App Home', async () => {
    inZone(await privately('digest preview'), { now: true });
    const before = slack.calls.length;
    await slack.sendEnvelope('events_api', {
      token: 'verification-token',
      team_id: TEAM_ID,
      api_app_id: 'A0APP0001',
      type: 'event_callback',
      event_id: 'EvTzHome',
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'app_home_opened',
        user: 'U0ALICE01',
        channel: 'D0HOME0001',
        tab: 'home',
        event_ts: `${Date.now() / 1000}`,
      },
    }).acked;
    const call = await slack.waitFor(() => slack.calls.slice(before).find((c) => c.method === 'views.publish'));
    inZone(JSON.stringify(call.args.view), { now: true });
  });
});
