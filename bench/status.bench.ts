/**
 * Foundation benchmarks (issue 2), through the real Bolt app and a fake Slack on loopback:
 *  1. status overhead: N components answering in L ms each; time from the slash command to
 *     the final Slack message, minus L (what the bot itself adds), beside the sequential sum;
 *  2. a hanging component with a 2 s deadline: when the reply arrives;
 *  3. ack latency for a burst of 300 slash commands over Socket Mode.
 */
import type { Check } from '../src/diagnostics/types.js';
import { findings } from '../src/diagnostics/findings.js';
import { figure, pct } from './figure.js';
import { startFakeSlack, type FakeSlack } from '../test/support/fake-slack.js';
import { delay, hang, json, startFakeHttp } from '../test/support/fake-http.js';
import { startSlackBot } from '../test/support/slack-bot.js';
import { applyBotMemoryPolicy } from '../src/runtime/memory-policy.js';

// The bot runs in this process: under its memory policy, as src/bot.ts applies it at start
// (bench/run.ts gives this process the bot's node options as well).
applyBotMemoryPolicy();

const f1 = (n: number) => n.toFixed(1);

function httpCheck(id: string, url: string): Check {
  return {
    id,
    title: id,
    dependsOn: [],
    async run(ctx, signal) {
      const f = findings();
      const out = await ctx.http.request(url, { signal });
      if (out.ok && out.res.status === 200) f.ok(`200 in ${out.res.ms.toFixed(0)} ms`);
      else f.fail('not ok');
      return f.done(f.status === 'ok' ? 'ok' : 'down');
    },
  };
}

/** Sends /ctx status and resolves with ms until the status message holds its final text. */
async function statusRoundTrip(slack: FakeSlack): Promise<number> {
  const before = slack.messages.size;
  const started = performance.now();
  slack.slashCommand('status');
  await slack.finalMessage(before, 60_000);
  return performance.now() - started;
}

async function overhead(slack: FakeSlack, n: number, latencyMs: number, rounds: number) {
  const http = await startFakeHttp();
  http.route('GET', '/c', async (_req, res) => {
    await delay(latencyMs);
    json(res, 200, { ok: true });
  });
  const checks = Array.from({ length: n }, (_, i) => httpCheck(`c${i}`, `${http.url}/c`));
  const bot = await startSlackBot(slack, { checks, yaml: 'checks:\n  cacheMs: 0\n', logLevel: 'silent' });
  const samples: number[] = [];
  try {
    await statusRoundTrip(slack); // warm up sockets and Bolt's auth.test
    for (let i = 0; i < rounds; i++) samples.push((await statusRoundTrip(slack)) - latencyMs);
  } finally {
    await bot.close();
    await http.close();
  }
  figure(
    `/ctx status overhead, ${n} components × ${latencyMs} ms (slash command → final message, minus ${latencyMs} ms)`,
    pct(samples, 50),
    'ms',
    { op: '<', limit: 30 },
    `median of ${rounds}; p95 ${f1(pct(samples, 95))} ms; sequential sum would be ${n * latencyMs} ms`,
  );
  return pct(samples, 50);
}

async function hanging(slack: FakeSlack) {
  const http = await startFakeHttp();
  http.route('GET', '/ok', (_req, res) => json(res, 200, { ok: true }));
  http.route('GET', '/hang', hang);
  const checks = [httpCheck('fine', `${http.url}/ok`), httpCheck('hung', `${http.url}/hang`)];
  const bot = await startSlackBot(slack, {
    checks,
    yaml: 'checks:\n  cacheMs: 0\n  hung:\n    timeoutMs: 2000\n',
    logLevel: 'silent',
  });
  const samples: number[] = [];
  try {
    for (let i = 0; i < 5; i++) samples.push(await statusRoundTrip(slack));
  } finally {
    await bot.close();
    await http.close();
  }
  figure(
    'hanging component, 2,000 ms deadline: reply after (worst of 5)',
    Math.max(...samples),
    'ms',
    { op: '≤', limit: 2100 },
    `${samples.map((s) => s.toFixed(0)).join(', ')} ms; open sockets after: ${http.openSockets()}`,
  );
}

async function ackBurst(slack: FakeSlack, count: number) {
  const http = await startFakeHttp();
  http.route('GET', '/c', (_req, res) => json(res, 200, { ok: true }));
  const checks = Array.from({ length: 8 }, (_, i) => httpCheck(`c${i}`, `${http.url}/c`));
  const bot = await startSlackBot(slack, { checks, logLevel: 'silent' });
  try {
    const sent = Array.from({ length: count }, () => slack.slashCommand('status'));
    const acks = await Promise.all(sent.map(async (s) => (await s.acked) - s.sentAt));
    figure(
      `ack latency p99, burst of ${count} /ctx status over Socket Mode`,
      pct(acks, 99),
      'ms',
      { op: '<', limit: 100 },
      `p50 ${f1(pct(acks, 50))} ms, max ${f1(Math.max(...acks))} ms; Slack allows 3,000 ms`,
    );
    // Let the answers drain before closing.
    await slack
      .waitFor(() => slack.calls.filter((c) => c.method === 'chat.postMessage').length >= count || undefined, 60_000)
      .catch(() => {});
  } finally {
    await bot.close();
    await http.close();
  }
}

const slack = await startFakeSlack();
try {
  const at8 = await overhead(slack, 8, 300, 30);
  const at50 = await overhead(slack, 50, 300, 30);
  figure('/ctx status overhead growth, 8 → 50 components', at50 - at8, 'ms', 'flat as N grows');
  await hanging(slack);
  await ackBurst(slack, 300);
} finally {
  await slack.close();
}
