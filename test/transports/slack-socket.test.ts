import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBackend, type FakeBackend } from '../support/fake-backend.js';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';
import { FOUNDATION_CHECKS } from '../support/checks.js';

let slack: FakeSlack;
let backend: FakeBackend;
let db: TestDatabase;
let bot: SlackHarness | undefined;

beforeAll(async () => {
  [slack, backend, db] = await Promise.all([startFakeSlack(), startFakeBackend(), createTestDatabase('socket')]);
});
afterAll(async () => {
  await Promise.all([slack.close(), backend.close(), db.drop()]);
});
afterEach(async () => {
  await bot?.close();
  bot = undefined;
  backend.setStatus('healthy');
});

const start = () =>
  startSlackBot(slack, {
    checks: FOUNDATION_CHECKS,
    env: { AUTH_BASE_URL: backend.url, DATABASE_URL: db.url },
    yaml: 'checks:\n  cacheMs: 0\n',
  });
const latest = (): StoredMessage | undefined => [...slack.messages.values()].at(-1);
/** Sends /ctx <text> and waits for the message it posts to be filled in. */
async function command(text: string) {
  const before = slack.messages.size;
  slack.slashCommand(text);
  return slack.finalMessage(before);
}
const allText = (m: StoredMessage) => JSON.stringify(m.blocks);

describe('Slack over Socket Mode (real Bolt, fake Slack)', () => {
  it('acks /ctx status at once, then posts one status message with every component', async () => {
    bot = await start();
    const before = slack.messages.size;
    const cmd = slack.slashCommand('status');
    const ackAt = await cmd.acked;
    expect(ackAt - cmd.sentAt).toBeLessThan(3000);
    const msg = await slack.finalMessage(before);
    expect(slack.messages.size).toBe(before + 1);
    expect(msg.channel).toBe('C0OPS0001');
    // Backend and UI are healthy; Postgres is real; migrations never ran in this database.
    expect(msg.text.split('\n')[0]).toBe('🔴 default: Migrations failing (1 failing)');
    for (const title of ['Backend', 'UI', 'Postgres', 'Migrations']) expect(allText(msg)).toContain(`*${title}*`);
    expect(allText(msg)).toContain('ctx.status.rerun');
    const post = slack.calls.find((c) => c.method === 'chat.postMessage')!;
    expect(post.token).toBe('xoxb-test-bot');
  });

  it('shows a placeholder at once when components are slow, then fills in the same message', async () => {
    bot = await start();
    backend.setStatus('slow', { delayMs: 800 });
    const before = slack.messages.size;
    slack.slashCommand('status');
    const placeholder = await slack.waitFor(() => [...slack.messages.values()][before]);
    expect(placeholder.text).toBe('⏳ Checking default (4 checks)…');
    const final = await slack.finalMessage(before);
    expect(final).toBe(placeholder);
    expect(final.updates).toBe(1);
    expect(slack.messages.size).toBe(before + 1);
    expect(final.text).toMatch(/Backend/);
  });

  it('Re-run updates the same message in place with the new result', async () => {
    bot = await start();
    const msg = await command('status');
    const count = slack.messages.size;
    const updates = msg.updates;
    backend.setStatus('status500');
    const click = slack.click(msg, 'ctx.status.rerun');
    await click.acked;
    await slack.waitFor(() => msg.updates > updates);
    expect(slack.messages.size).toBe(count);
    expect(msg.text).toMatch(/Backend failing/);
    expect(allText(msg)).toContain('re-run by <@U0ALICE01>');
  });

  it("Details shows one check's conditions to the clicker only", async () => {
    bot = await start();
    const msg = await command('status');
    const click = slack.click(msg, 'ctx.check.details', {
      value: JSON.stringify({ env: 'default', id: 'migrations' }),
    });
    await click.acked;
    const resp = await slack.waitFor(() => slack.responses.find((r) => r.id === click.responseUrl.split('/').pop()));
    expect(resp.body.response_type).toBe('ephemeral');
    expect(String(resp.body.text)).toContain('drizzle.__drizzle_migrations does not exist');
  });

  it('answers help for an unknown subcommand, privately', async () => {
    bot = await start();
    const cmd = slack.slashCommand('stauts');
    await cmd.acked;
    const resp = await slack.waitFor(() => slack.responses.find((r) => r.id === cmd.responseUrl.split('/').pop()));
    expect(resp.body.response_type).toBe('ephemeral');
    expect(String(resp.body.text)).toContain('Unknown command `stauts`. Did you mean `status`?');
    expect(String(resp.body.text)).toContain('/ctx status [env|all]');
  });

  it('/ctx check <id> posts every condition of that check', async () => {
    bot = await start();
    const before = slack.messages.size;
    slack.slashCommand('check postgres');
    const msg = await slack.waitFor(() => (slack.messages.size > before ? latest() : undefined));
    expect(msg.text).toMatch(/^✅ Postgres on default: PostgreSQL \d+/);
    expect(msg.text).toContain('connections in use');
  });

  it('answers through response_url where the bot is not in the channel', async () => {
    bot = await start();
    slack.fail('chat.postMessage', { error: 'not_in_channel' });
    const cmd = slack.slashCommand('status');
    const resp = await slack.waitFor(() =>
      slack.responses.filter((r) => r.id === cmd.responseUrl.split('/').pop()).at(-1),
    );
    expect(resp.body.response_type).toBe('in_channel');
    expect(String(resp.body.text)).toMatch(/^🔴 default: Migrations failing/);
  });
});
