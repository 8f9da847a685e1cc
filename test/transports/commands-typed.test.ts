import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USER_ID, startFakeSlack, type FakeSlack, type StoredMessage } from '../support/fake-slack.js';
import { startFakeBackend, type FakeBackend } from '../support/fake-backend.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';
import { backendCheck } from '../../src/diagnostics/checks/backend.js';
import { postgresCheck } from '../../src/diagnostics/checks/postgres.js';
import { uiCheck } from '../../src/diagnostics/checks/ui.js';
import { messageWithinLimits } from '../support/block-kit.js';
import { BACKEND_DOWN, buttons, ephemerals, mention, quietStore, text, threadOf } from '../incidents/support.js';
import { escapeMrkdwn } from '../../src/ui/blocks.js';
import { mentionVerbs } from '../../src/app/help.js';
import { runCli } from '../../src/cli.js';
import { PassThrough } from 'node:stream';

/**
 * What people actually type, through Socket Mode into the real bot (real Bolt, real
 * Postgres): wrong environments, mentions with arguments, the help, empty and hostile
 * text. Slack sends typed `&`, `<` and `>` as entities, so the tests send them that way.
 */
let slack: FakeSlack;
let backend: FakeBackend;
let db: TestDatabase;
let bot: SlackHarness;

const OPS = 'C0OPS0001';
/** How Slack encodes what a person typed. */
const typed = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

beforeAll(async () => {
  [slack, backend, db] = await Promise.all([startFakeSlack(), startFakeBackend(), createTestDatabase('typed')]);
  bot = await startSlackBot(slack, {
    checks: [backendCheck, uiCheck, postgresCheck],
    env: { LOG_LEVEL: 'silent' },
    yaml: [
      'checks: { cacheMs: 0 }',
      'environments:',
      `  prod: { env: { AUTH_BASE_URL: "${backend.url}", DATABASE_URL: "${db.url}" } }`,
      `  staging: { env: { AUTH_BASE_URL: "${backend.url}", DATABASE_URL: "${db.url}" } }`,
      'runbooks: { dirs: [team] }',
    ].join('\n'),
    files: { 'team/backend-down.yml': BACKEND_DOWN },
    app: { store: quietStore(db.url) },
  });
});
afterAll(async () => {
  await bot.close();
  await Promise.all([slack.close(), backend.close(), db.drop()]);
});

/** Runs a slash command; resolves with the private answer sent to its response_url. */
async function command(textTyped: string): Promise<{ text: string; blocks?: unknown[] }> {
  const cmd = slack.slashCommand(typed(textTyped), { channel: OPS });
  const id = cmd.responseUrl.split('/').pop();
  const r = await slack.waitFor(() => slack.responses.find((x) => x.id === id));
  return r.body as { text: string; blocks?: unknown[] };
}

/** Runs a slash command that answers in the channel (no private answer to wait for). */
async function send(textTyped: string): Promise<void> {
  await slack.slashCommand(typed(textTyped), { channel: OPS }).acked;
}

const lastEphemeral = (n: number) => slack.waitFor(() => ephemerals(slack).length > n && ephemerals(slack).at(-1));

describe('an environment that does not exist is named, with the ones that do', () => {
  it.each([
    ['backup production', 'backup [env]'],
    ['status production', 'status [env|all]'],
    ['status --env production', 'status [env|all]'],
    ['check backend production', 'check &lt;id&gt; [env]'],
    ['migrate production', 'migrate [env]'],
    ['backups production', 'backups [env|all]'],
    ['runbook backend-down production', null],
  ])('/ctx %s', async (typedText, usage) => {
    const answer = await command(typedText);
    expect(answer.text).toContain('no environment `production` (known: prod, staging); did you mean `prod`?');
    if (usage) expect(answer.text).toContain(`Usage: \`/ctx ${usage}\``);
  });

  it('/ctx digest production says what the word could have been', async () => {
    expect((await command('digest production')).text).toBe(
      '`production` is not preview, now or an environment (known: prod, staging). Usage: `/ctx digest preview|now [env|all]`',
    );
  });
});

describe('mentions', () => {
  it('@ctx-ops status staging honours the environment; an unknown one is named', async () => {
    const before = slack.messages.size;
    const sent = mention(slack, { text: 'status staging', channel: OPS });
    await sent.acked;
    const posted = await slack.waitFor(() =>
      [...slack.messages.values()].slice(before).find((m) => m.text.includes('staging')),
    );
    expect(posted.text).toMatch(/^✅ All 3 checks healthy on staging/);
    expect(posted.threadTs).toBeDefined();

    const n = ephemerals(slack).length;
    await mention(slack, { text: 'status production', channel: OPS }).acked;
    expect(await lastEphemeral(n)).toBe(
      'no environment `production` (known: prod, staging); did you mean `prod`?. `@ctx-ops status [env]`',
    );
  });

  it('the verbs the runbook messages advertise work as people type them', async () => {
    // Open an incident and start the runbook its root suggests; its messages name the verbs.
    backend.setStatus('status500');
    const before = slack.messages.size;
    await send('incident Sign-in broken --sev 2 --env prod');
    const root = await slack.waitFor(() =>
      [...slack.messages.values()].slice(before).find((m) => m.text.includes('Sign-in broken') && !m.threadTs),
    );
    const start = buttons(root).find(
      (b) => b.actionId.startsWith('ctx.runbook.start') && JSON.parse(b.value).id === 'backend-down',
    )!;
    const stepOf = (n: number) =>
      slack.waitFor(() =>
        threadOf(slack, root.ts)
          .filter((m) => m.text.startsWith(`Step ${n} of`))
          .at(-1),
      );
    // The root is posted before the incident records where it is: a click in between is asked to come again, as a person would.
    for (let attempt = 0; attempt < 5; attempt++) {
      const c = slack.click(root, start.actionId, { value: start.value });
      await c.acked;
      const id = c.responseUrl.split('/').pop();
      const again = await slack.waitFor(
        () =>
          threadOf(slack, root.ts).some((m) => m.text.startsWith('Step 1 of')) ||
          slack.responses.find((r) => r.id === id && /still being opened/.test(String(r.body.text))),
      );
      if (again === true) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const step1 = await stepOf(1);
    const advertised = [...threadOf(slack, root.ts), root].map(text).join('\n');
    for (const verb of [
      '@ctx-ops next',
      '@ctx-ops skip &lt;reason&gt;',
      '@ctx-ops note &lt;text&gt;',
      '@ctx-ops status',
      '@ctx-ops close [summary]',
    ])
      expect(advertised).toContain(verb);

    const say = async (words: string) => {
      const n = slack.messages.size;
      const e = ephemerals(slack).length;
      await mention(slack, { text: words, channel: root.channel, threadTs: root.ts }).acked;
      return { n, e };
    };
    // "Next." with a capital and a full stop posts the current step again.
    const next = await say('Next.');
    await slack.waitFor(() => [...slack.messages.values()].slice(next.n).find((m) => m.text.startsWith('Step 1 of')));
    // The verb after the mention, with a colon: the reason is kept, and the next step comes.
    await say('skip: the drill has no backend to check');
    const step2 = await stepOf(2);
    // ("Next." posted step 1 again: its newest copy carries the reason.)
    expect(
      text(
        threadOf(slack, root.ts)
          .filter((m) => m.text.startsWith('Step 1 of'))
          .at(-1)!,
      ),
    ).toContain('the drill has no backend to check');
    expect(step1.ts).toBeDefined();
    // A note with hostile text is kept as typed and never pings anyone.
    const note = await say(typed('note restarted & checked <!channel> <b>'));
    expect(await slack.waitFor(() => ephemerals(slack).length > note.e && ephemerals(slack).at(-1))).toMatch(
      /^📝 Noted in the timeline of incident #\d+ at \d\d:\d\d:\d\d UTC\.$/,
    );
    // The status verb in the incident's thread checks the incident's environment.
    const status = await say('STATUS');
    const posted = await slack.waitFor(() =>
      [...slack.messages.values()].slice(status.n).find((m) => m.threadTs === root.ts && m.text.includes('prod: ')),
    );
    expect(posted.text).toMatch(/Backend failing/);
    // The bot's mention at the end works too ("close @ctx-ops").
    backend.setStatus('healthy');
    const close = slack.messages.size;
    const e = slack.sendEnvelope('events_api', {
      type: 'event_callback',
      event: {
        type: 'app_mention',
        user: 'U0ALICE01',
        text: `close all fine <@${BOT_USER_ID}>`,
        ts: '1800000999.000100',
        channel: root.channel,
        thread_ts: root.ts,
        event_ts: '1800000999.000100',
      },
    });
    await e.acked;
    const postmortem = await slack.waitFor(() =>
      [...slack.messages.values()].slice(close).find((m) => m.text.startsWith('Postmortem')),
    );
    const body = text(postmortem);
    expect(body).toContain('noted: restarted &amp; checked &lt;!channel&gt; &lt;b&gt;');
    expect(body).not.toContain('<!channel>');
    expect(step2).toBeDefined();

    // An unknown verb answers with the verbs there are.
    const unknown = await say(typed('frobnicate <!here>'));
    const answer = await slack.waitFor(() => ephemerals(slack).length > unknown.e && ephemerals(slack).at(-1));
    expect(answer).toMatch(
      /^I do not know `frobnicate`\. In an incident or runbook thread: `@ctx-ops status \[env\]` · `@ctx-ops next`/,
    );
  });
});

describe('help lists everything that is registered', () => {
  it('every command, every subcommand and every mention verb (Slack and the CLI)', async () => {
    const answer = await command('help');
    const shown = `${answer.text}\n${JSON.stringify(answer.blocks)}`;
    const handlers = bot.bot.router.handlers.filter((h) => !h.hidden);
    expect(handlers.map((h) => h.name)).toEqual(
      expect.arrayContaining([
        'status',
        'check',
        'config',
        'incident',
        'runbook',
        'silence',
        'backup',
        'migrate',
        'audit',
        'digest',
        'help',
      ]),
    );
    for (const h of handlers) {
      expect(shown).toContain(`/ctx ${escapeMrkdwn(h.usage)}`);
      for (const s of h.subcommands ?? []) expect(shown).toContain(`/ctx ${escapeMrkdwn(s.usage)}`);
    }
    const verbs = mentionVerbs(bot.bot.events);
    expect(verbs.map((v) => v.usage)).toEqual([
      'status [env]',
      'next',
      'note <text>',
      'skip <reason>',
      'stop',
      'close [summary]',
      'help',
    ]);
    for (const v of verbs) expect(shown).toContain(`@ctx-ops ${escapeMrkdwn(v.usage)}`);
    expect(shown).toContain('/ctx incident note [#id] &lt;text&gt;');
    expect(shown).toContain('/ctx runbook skip &lt;reason&gt;');
    messageWithinLimits(answer);

    // The CLI's help is built from the same registry (plain text, without Slack's escapes).
    let out = '';
    const stdout = new PassThrough().on('data', (d) => (out += d));
    const stdin = new PassThrough();
    stdin.end();
    expect(
      await runCli(['help'], { LOG_LEVEL: 'silent' }, { cwd: bot.dir, stdin, stdout, stderr: new PassThrough() }),
    ).toBe(0);
    for (const h of handlers) {
      expect(out).toContain(h.usage);
      for (const sub of h.subcommands ?? []) expect(out).toContain(sub.usage);
    }
    for (const v of verbs) expect(out).toContain(`@ctx-ops ${v.usage}`);
    expect(out).toContain('ctx-ops config [--json]');
  });
});

describe('/ctx config', () => {
  it('says what the running bot read, privately, never a token', async () => {
    const answer = await command('config');
    const shown = `${answer.text}\n${JSON.stringify(answer.blocks)}`;
    expect(answer.text).toContain(
      'transport: Socket Mode (connects out to Slack) · SLACK_BOT_TOKEN from process environment, SLACK_APP_TOKEN from process environment',
    );
    expect(answer.text).toMatch(
      /^ {2}prod \(default\): http:\/\/127\.0\.0\.1:\d+ · variables from ctx-ops\.yml \(inline env\) · not set: AUTH_SECRET$/m,
    );
    expect(shown).not.toContain('xoxb-test-bot');
    expect(shown).not.toContain('xapp-test-app');
    messageWithinLimits(answer);
  });
});

describe('incident titles', () => {
  it.each([['incident'], ['incident --sev 2'], ['incident "   "'], ['incident --env prod --sev 1']])(
    '/ctx %s says a title is required',
    async (typedText) => {
      const before = slack.messages.size;
      const answer = await command(typedText);
      expect(answer.text).toMatch(
        /^An incident needs a title, e\.g\. `\/ctx incident Sign-in broken --sev 2`\. `\/ctx incident &lt;title&gt; \[--sev 1-4\] \[--env E\]` opens one/,
      );
      expect([...slack.messages.values()].slice(before)).toEqual([]);
    },
  );
});

describe('huge and hostile text stays within Slack limits and is shown, never acted on', () => {
  const HOSTILE = '<!channel> <!here> <@U0BOSS001> <https://evil.example|click> & *bold*';

  it('in an unknown command, an unknown check, an incident title, a note, a reason and a summary', async () => {
    const start = { messages: slack.messages.size, responses: slack.responses.length, calls: slack.calls.length };
    const answers = [
      await command(`${HOSTILE}`),
      await command(`check ${'x'.repeat(5000)}<!channel>`),
      await command(`incident ${'t'.repeat(500)}`),
      await command(`runbook <!channel>${'y'.repeat(3000)}`),
      await command(`audit ${'9'.repeat(4000)}<!here>`),
    ];
    await send(`silence backend 2h ${HOSTILE} ${'r'.repeat(5000)}`);
    await slack.waitFor(() => [...slack.messages.values()].slice(start.messages).find((m) => m.text.startsWith('🔕')));
    expect(answers[0]!.text).toContain('Unknown command `&lt;!channel&gt;`');
    expect(answers[2]!.text).toMatch(/^Keep the title under 120 characters \(this one has 500\)/);
    // A title at the limit, hostile, opens an incident; its note, skip reason and close summary are huge.
    const title = `${HOSTILE} ${'T'.repeat(120)}`.slice(0, 120);
    await send(`incident ${title} --env prod`);
    const root = await slack.waitFor(() =>
      [...slack.messages.values()].slice(start.messages).find((m) => m.text.startsWith('🚨 Incident') && !m.threadTs),
    );
    const id = /Incident #(\d+)/.exec(root.text)![1];
    await command(`incident note #${id} ${HOSTILE} ${'n'.repeat(10_000)}`);
    await mention(slack, {
      text: typed(`note ${HOSTILE} ${'m'.repeat(10_000)}`),
      channel: root.channel,
      threadTs: root.ts,
    }).acked;
    await send(`incident close #${id} ${HOSTILE} ${'s'.repeat(10_000)}`);
    await slack.waitFor(() =>
      [...slack.messages.values()].slice(start.messages).find((m) => m.text.startsWith('Postmortem')),
    );

    const said: Array<{ text?: unknown; blocks?: unknown }> = [
      ...[...slack.messages.values()].slice(start.messages),
      ...slack.responses.slice(start.responses).map((r) => r.body),
      ...slack.calls
        .slice(start.calls)
        .filter((c) => /^chat\./.test(c.method))
        .map((c) => c.args),
    ];
    expect(said.length).toBeGreaterThan(10);
    for (const m of said) {
      messageWithinLimits(m);
      // Slack acts on <!channel>, <@U…> and links in mrkdwn and in the `text` fallback; plain_text (a header) shows them as typed.
      for (const t of mrkdwnTexts(m))
        for (const raw of ['<!channel>', '<!here>', '<@U0BOSS001>', '<https://evil.example'])
          expect(t).not.toContain(raw);
    }
    // What was typed is still readable, escaped.
    const everything = said.map((m) => JSON.stringify(m)).join('\n');
    expect(everything).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@U0BOSS001&gt;');
  });
});

/** Every string Slack reads as mrkdwn in a message: its `text` and each mrkdwn text object. */
function mrkdwnTexts(m: unknown): string[] {
  const out: string[] = [];
  if (m && typeof m === 'object' && typeof (m as { text?: unknown }).text === 'string')
    out.push((m as { text: string }).text);
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
    Object.values(o).forEach(walk);
  };
  walk((m as { blocks?: unknown }).blocks);
  return out;
}

export type { StoredMessage };
