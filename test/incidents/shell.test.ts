import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendCheck } from '../../src/diagnostics/checks/backend.js';
import { uiCheck } from '../../src/diagnostics/checks/ui.js';
import { runShell } from '../../src/transports/shell.js';
import { startFakeBackend, type FakeBackend } from '../support/fake-backend.js';
import { buildBot, type Harness } from '../support/harness.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { BACKEND_DOWN, quietStore } from './support.js';

/**
 * Without Slack: incidents and runbooks in the local shell. Threads print with ↳, buttons
 * are pressed by typing their number, and `runbook next|skip`, `incident note|close` stand
 * in for the thread mentions.
 */
let backend: FakeBackend;
let db: TestDatabase;
let h: Harness;

beforeAll(async () => {
  [backend, db] = await Promise.all([startFakeBackend(), createTestDatabase('rbshell')]);
  h = buildBot({
    env: { AUTH_BASE_URL: backend.url, DATABASE_URL: db.url, LOG_LEVEL: 'silent' },
    yaml: 'checks: { cacheMs: 0 }\nrunbooks: { dirs: [team] }\n',
    files: { 'team/backend-down.yml': BACKEND_DOWN },
    checks: [backendCheck, uiCheck],
    app: { store: quietStore(db.url) },
  });
  await h.bot.start({ surface: 'shell', slack: null });
});
afterAll(async () => {
  await h.close();
  await Promise.all([backend.close(), db.drop()]);
});

function shell() {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d) => (out += d));
  const done = runShell(h.bot, {
    input,
    output,
    interactive: false,
    actor: { userId: 'local:tester', userName: 'tester' },
  });
  let mark = 0;
  return {
    /** Types a line and waits (bounded) until the output shows `until`; answers what was printed. */
    async type(line: string, until: RegExp): Promise<string> {
      const from = out.length;
      input.write(`${line}\n`);
      const deadline = Date.now() + 10_000;
      while (!until.test(out.slice(from))) {
        if (Date.now() > deadline) throw new Error(`no ${until} after "${line}"; got:\n${out.slice(from)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      mark = out.length;
      return out.slice(from, mark);
    },
    all: () => out,
    async end() {
      input.end();
      await done;
    },
  };
}

/** The number printed beside a button label in the latest output. */
const numberOf = (printed: string, label: string) => {
  const all = [...printed.matchAll(new RegExp(`\\[(\\d+)\\] ${label}`, 'g'))];
  if (!all.length) throw new Error(`no [n] ${label} in:\n${printed}`);
  return all.at(-1)![1]!;
};

describe('incidents and runbooks in the shell', () => {
  it('opens an incident, runs a runbook in its thread by numbers and subcommands, and closes with the timeline', async () => {
    backend.setStatus('status500');
    const sh = shell();
    const opened = await sh.type('incident Shell drill --sev 1', /type the number/);
    expect(opened).toMatch(/INCIDENT #\d+: SHELL DRILL/);
    expect(opened).toContain('Severity SEV1 · Owner tester');
    expect(opened).toContain('Backend down (backend-down)');
    // The incident's start button is numbered too; pressing it starts the runbook in the incident's thread.
    const started = await sh.type(numberOf(opened, '▶ Start Backend down'), /Step 1 of 3/);
    expect(started).toMatch(/ {2}↳ 📘 Runbook: Backend down/);
    expect(started).toMatch(/ {2}↳ Step 1 of 3 · Confirm the backend answers \/.status again/);
    expect(started).toContain('🔴 Backend: GET /.status answered HTTP 500');

    backend.setStatus('healthy');
    const rechecked = await sh.type(numberOf(started, '🔄 Re-check'), /✅ Backend/);
    const done = await sh.type(numberOf(rechecked, '✅ Done'), /Step 2 of 3/);
    expect(done).toContain('Done by tester');

    const skipAsk = await sh.type(numberOf(done, '⏭️ Skip'), /say why/);
    expect(skipAsk).toContain('runbook skip <reason>');
    const skipped = await sh.type('runbook skip nothing to restart in a drill', /Step 3 of 3/);
    expect(skipped).toContain('Skipped by tester');
    const again = await sh.type('runbook next', /Step 3 of 3/);
    expect(again).toContain('Confirm the UI loads');
    await sh.type('incident note drill went fine', /Noted in the timeline of incident #\d+/);
    await sh.type(numberOf(again, '✅ Done'), /🏁 Runbook Backend down finished/);

    const listed = await sh.type('incident list', /Open incidents/);
    expect(listed).toMatch(
      /#\d+ Shell drill · SEV1 · default · owner tester · opened \d{4}-\d\d-\d\d \d\d:\d\d UTC, \d+ s ago/,
    );
    const closed = await sh.type('incident close all clear', /Action items/);
    expect(closed).toMatch(/Postmortem: Incident #\d+: Shell drill/);
    expect(closed).toMatch(/\d\d:\d\d:\d\d UTC tester opened the incident \(SEV1 on default\); failing: Backend fail/);
    expect(closed).toMatch(/\d\d:\d\d:\d\d UTC 🔁 Backend: fail → ok \(re-check of step 1 by tester\)/);
    expect(closed).toMatch(/\d\d:\d\d:\d\d UTC tester noted: drill went fine/);
    expect(closed).toMatch(/Duration \d+ s/);
    await sh.end();
  });

  it('lists runbooks, and explains what it cannot do', async () => {
    const sh = shell();
    const list = await sh.type('runbook', /Runbooks \(\d+\)/);
    for (const id of ['backend-down', 'sign-in-fails', 'repo-not-indexed', 'auth-secret-changed'])
      expect(list).toContain(id);
    expect(await sh.type('runbook nosuch', /no runbook/)).toContain('There is no runbook nosuch');
    expect(await sh.type('runbook backend-dwn', /did you mean/)).toContain('did you mean backend-down?');
    expect(await sh.type('runbook next', /No runbook is running here/)).toBeTruthy();
    expect(await sh.type('incident close #999', /no incident #999/)).toBeTruthy();
    expect(await sh.type('incident x --sev 9', /--sev takes 1/)).toBeTruthy();
    await sh.end();
  });
});
