import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';
import { quietStore, text, threadOf } from './support.js';

/**
 * A runbook's backup step before a risky change (secret rotation, connector or storage
 * changes) says "back up first" when the newest verified backup is older than
 * operations.freshWithinHours, and that a new one is optional when it is not.
 */
let slack: FakeSlack;
let db: TestDatabase;
let bot: SlackHarness | undefined;
const OPS = 'C0OPS0001';

beforeAll(async () => {
  [slack, db] = await Promise.all([startFakeSlack(), createTestDatabase('back_up_first')]);
  bot = await startSlackBot(slack, {
    env: { DATABASE_URL: db.url },
    yaml: [
      'operations: { freshWithinHours: 24 }',
      'runbooks: { dirs: [team] }',
      'permissions:',
      '  default: { request: [U0ALICE01], approve: [U0BOB0001] }',
    ].join('\n'),
    // One runbook per case: a runbook already open in an environment is not started twice.
    files: Object.fromEntries(
      ['a', 'b', 'c'].map((x) => [
        `team/rotate-${x}.yml`,
        `id: rotate-${x}
title: Rotate secret ${x}
steps:
  - text: Back up Postgres first
    action: backup
    covers: "test"
  - text: Rotate it
    covers: "test"
`,
      ]),
    ),
    checks: [],
    app: { store: quietStore(db.url) },
  });
});
afterAll(async () => {
  await bot?.close();
  await Promise.all([slack.close(), db.drop()]);
});

async function firstStep(x: string): Promise<StoredMessage> {
  const before = slack.messages.size;
  slack.slashCommand(`runbook rotate-${x}`, { channel: OPS });
  const header = await slack.waitFor(() =>
    [...slack.messages.values()].slice(before).find((m) => m.text.startsWith('📘 Runbook') && !m.threadTs),
  );
  return slack.waitFor(() => threadOf(slack, header.ts).find((m) => m.text.startsWith('Step 1 of')));
}
const backupAgo = (hours: number) =>
  db.query(
    `INSERT INTO ctx_ops.backups (env, file_name, path, state, size_bytes, sha256, started_at, finished_at)
     VALUES ('default', $1, '/nowhere', 'verified', 1, $2, now() - make_interval(hours => $3), now() - make_interval(hours => $3))`,
    [`default-${hours}h.dump`, 'b'.repeat(64), hours],
  );

it('no verified backup yet: the step says back up first', async () => {
  const step = await firstStep('a');
  await slack.waitFor(() => text(step).includes('Back up first'));
  expect(text(step)).toContain('⚠️ Back up first: there is no verified backup of default yet.');
});

it('the newest verified backup is older than freshWithinHours: back up first, with its age', async () => {
  await backupAgo(72);
  const step = await firstStep('b');
  expect(text(step)).toContain(
    '⚠️ Back up first: the newest verified backup of default is from 3 d ago, older than 24 h.',
  );
});

it('a backup within the window: a new one is optional', async () => {
  await backupAgo(2);
  const step = await firstStep('c');
  expect(text(step)).toContain('is from 2 h ago, within 24 h: a new one is optional');
  expect(text(step)).not.toContain('Back up first');
});
