import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageWithinLimits } from '../support/block-kit.js';
import { componentChecks, startFakeComponents, type FakeComponents } from '../support/fake-components.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';

/**
 * Fault: 1,000 slash commands with random and hostile text, through real Bolt over Socket
 * Mode: unicode, control characters, 100 kB of text, shell metacharacters, SQL, mrkdwn and
 * Block Kit injection, behind real command names and alone. Each must be answered (help or
 * a clear sentence), none may crash the bot, spawn a shell, or ping a channel.
 */
const COUNT = 1000;
let slack: FakeSlack;
let components: FakeComponents;
let bot: SlackHarness;
let sandbox: string;
let sentinel: string;

beforeAll(async () => {
  [slack, components] = await Promise.all([startFakeSlack(), startFakeComponents()]);
  sandbox = mkdtempSync(join(tmpdir(), 'ctx-ops-hostile-'));
  sentinel = join(sandbox, 'PWNED');
  const checks = componentChecks([{ id: 'backend' }, { id: 'worker', dependsOn: ['backend'] }]);
  bot = await startSlackBot(slack, {
    checks,
    env: { AUTH_BASE_URL: components.url },
    yaml: 'checks: { cacheMs: 2000 }\nschedules: []\nwatch: { enabled: false }\n',
    logLevel: 'warn',
    app: { checks },
  });
});
afterAll(async () => {
  await bot.close();
  await Promise.all([slack.close(), components.close()]);
  rmSync(sandbox, { recursive: true, force: true });
});

/** A small seeded generator (mulberry32): the same 1,000 commands on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PINGS = ['<!channel>', '<!here>', '<!everyone>', '<@U0BOSS001>', '<!subteam^S0ONCALL1>'];
function hostileTexts(): string[] {
  const r = random(13);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const verbs = [
    '',
    'status',
    'status all',
    'check',
    'check backend',
    'digest preview',
    'silence',
    'silence backend',
    'silences',
    'unsilence',
    'backup',
    'backups',
    'migrate',
    'audit',
    'incident',
    'incident note',
    'incident close',
    'runbook',
    'runbook skip',
    'config',
    'help',
    'STATUS',
    'stauts',
  ];
  const pieces = [
    () => pick(PINGS),
    () => pick(PINGS).replace(/</g, '&lt;').replace(/>/g, '&gt;'), // as Slack escapes what people type
    () => `<https://evil.example|click here> <#C0GENERAL|general> *bold* _it_ ~s~ \`code\` > quote`,
    () => `; touch ${sentinel}; $(touch ${sentinel}) \`touch ${sentinel}\` | sh -c 'touch ${sentinel}' && rm -rf / #`,
    () => `'; DROP TABLE ctx_ops.audit; -- " OR 1=1 /* */ \\x00`,
    () => String.fromCharCode(...Array.from({ length: 12 }, () => Math.floor(r() * 32))),
    () => '\u202e\u200b\u200d\ufeff̸̢̧͓͉̈́͌ 🔥💥👩‍👩‍👧‍👦 ｆｕｌｌｗｉｄｔｈ ℌ𝔢𝔩𝔩𝔬 مرحبا שלום 日本語',
    () => '\ud800 lone surrogate \udfff',
    () => `--env ${pick(PINGS)} --sev 9 --sev -1 -- --`,
    () => String(Math.floor(r() * 1e12)),
    () => `${'{'.repeat(50)}${'['.repeat(50)}`,
    () => `%s %n %x $\{process.env} {{constructor.constructor("return process")()}}`,
  ];
  const texts: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const n = 1 + Math.floor(r() * 4);
    let text = [pick(verbs), ...Array.from({ length: n }, () => pick(pieces)())].join(r() < 0.5 ? ' ' : '');
    // 100 kB, a few times.
    if (i % 100 === 7) text += ` ${pick(PINGS)}${'A'.repeat(100_000)}`;
    texts.push(text);
  }
  return texts;
}

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

describe('fault: 1,000 slash commands with random and hostile text', () => {
  it('each is answered with help or a clear sentence; no crash, no shell, no channel ping, every message within Slack limits', async () => {
    const texts = hostileTexts();
    const start = { calls: slack.calls.length, responses: slack.responses.length };
    const limit = pLimit(20);
    const sent = await Promise.all(
      texts.map((text, i) =>
        limit(async () => {
          const channel = `C0H${String(i).padStart(6, '0')}`;
          const cmd = slack.slashCommand(text, { channel });
          await cmd.acked;
          return { channel, id: cmd.responseUrl.split('/').pop()!, text };
        }),
      ),
    );

    // What the bot said, per command: posts, ephemerals and updates in its channel, or its response_url.
    const answers = () => {
      const by = new Map<string, Array<{ text?: unknown; blocks?: unknown }>>();
      const add = (key: string, m: { text?: unknown; blocks?: unknown }) => by.set(key, [...(by.get(key) ?? []), m]);
      for (const c of slack.calls.slice(start.calls))
        if (/^chat\./.test(c.method) && typeof c.args.channel === 'string') add(c.args.channel, c.args);
      for (const r of slack.responses.slice(start.responses)) add(r.id, r.body);
      return by;
    };
    const all = await slack.waitFor(() => {
      const by = answers();
      return sent.every((s) => (by.get(s.channel)?.length ?? 0) + (by.get(s.id)?.length ?? 0) > 0) && by;
    }, 45_000);

    const unanswered = sent.filter(
      (s) => !(all.get(s.channel) ?? all.get(s.id))?.some((m) => String(m.text ?? '').trim()),
    );
    expect(unanswered.map((s) => s.text.slice(0, 80))).toEqual([]);
    let checked = 0;
    for (const said of all.values())
      for (const m of said) {
        messageWithinLimits(m);
        for (const t of mrkdwnTexts(m)) for (const ping of PINGS) expect(t).not.toContain(ping);
        checked++;
      }
    expect(checked).toBeGreaterThanOrEqual(COUNT);

    // No command crashed (the router would log "command failed" and answer with ⚠️), no shell ran.
    expect(bot.logs.filter((l) => /command failed|unhandled|uncaught/i.test(l))).toEqual([]);
    expect(existsSync(sentinel)).toBe(false);
    // Still connected, and still answering.
    expect(slack.connections()).toBe(1);
    const after = slack.slashCommand('status', { channel: 'C0AFTER01' });
    await after.acked;
    const last = await slack.waitFor(() =>
      [...slack.messages.values()].find((m) => m.channel === 'C0AFTER01' && !m.text.startsWith('⏳')),
    );
    expect(last.text).toMatch(/^✅ All 2 checks healthy on default/);
  }, 60_000);
});
