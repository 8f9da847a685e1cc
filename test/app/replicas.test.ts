import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../support/net.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';

/**
 * Two real bot processes (`node --import tsx src/bot.ts`, Socket Mode against the fake
 * Slack) share one database as their store. A digest fires every 2 s; the leader lock is
 * retried every second (watch.intervalSeconds).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INTERVAL_MS = 1_000;

interface Replica {
  proc: ChildProcess;
  pid: number;
  lines: string[];
  exited: Promise<void>;
}

let slack: FakeSlack;
let db: TestDatabase;
let dir: string;
const replicas: Replica[] = [];

beforeAll(async () => {
  [slack, db] = await Promise.all([startFakeSlack(), createTestDatabase('sched_replicas')]);
  dir = mkdtempSync(join(tmpdir(), 'ctx-ops-replicas-'));
  writeFileSync(
    join(dir, 'ctx-ops.yml'),
    `channels: { digest: C0DIGEST }
schedules:
  - { name: tick, cron: "*/2 * * * * *", channel: digest }
watch: { enabled: false, intervalSeconds: 1 }
`,
  );
});
afterAll(async () => {
  for (const r of replicas) r.proc.kill('SIGKILL');
  await Promise.all(replicas.map((r) => r.exited));
  await Promise.all([slack.close(), db.drop()]);
  rmSync(dir, { recursive: true, force: true });
});

async function startReplica(): Promise<Replica> {
  const backend = `http://127.0.0.1:${await closedPort()}`;
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', join(ROOT, 'test/support/no-dns.ts'), join(ROOT, 'src/bot.ts')],
    {
      // tsx resolves from the working directory; the YAML is named explicitly.
      cwd: ROOT,
      env: {
        CTX_OPS_CONFIG: join(dir, 'ctx-ops.yml'),
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        SLACK_BOT_TOKEN: 'xoxb-test-bot',
        SLACK_APP_TOKEN: 'xapp-test-app',
        SLACK_API_URL: slack.apiUrl,
        CTX_OPS_DATABASE_URL: db.url,
        AUTH_BASE_URL: backend,
        CODESEARCH_URL: backend,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  let buf = '';
  proc.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split('\n');
    buf = parts.pop()!;
    lines.push(...parts);
  });
  proc.stderr!.on('data', (d: Buffer) => lines.push(d.toString()));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const r = { proc, pid: proc.pid!, lines, exited };
  replicas.push(r);
  return r;
}

interface DigestRow {
  slot: Date;
  claimed_by: string;
  ts: string | null;
}
const rows = async () =>
  (await db.query<DigestRow>(`SELECT slot, claimed_by, ts FROM ctx_ops.digests WHERE schedule = 'tick' ORDER BY slot`))
    .rows;
const pidOf = (r: DigestRow) => Number(r.claimed_by.split(':').pop());
/** The tick each digest message in the channel says it is for. */
const postedTicks = () =>
  slack.calls
    .filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0DIGEST')
    .map((c) => /schedule tick · tick ([^"·]+?)"/.exec(JSON.stringify(c.args.blocks))?.[1] ?? '?');

describe('two bot processes, one store', () => {
  it('post exactly one digest per tick, and after SIGKILL of the leader the survivor takes over within one interval', async () => {
    const [a, b] = await Promise.all([startReplica(), startReplica()]);
    await slack.waitFor(() => slack.connections() >= 2, 45_000);
    await slack
      .waitFor(() => postedTicks().length >= 3, 30_000)
      .catch((err: Error) => {
        throw new Error(`${err.message}; replica logs:\n${[...a.lines, ...b.lines].slice(-40).join('\n')}`);
      });

    const before = await rows();
    const leaderPid = pidOf(before.find((r) => r.ts)!);
    expect([a.pid, b.pid]).toContain(leaderPid);
    const [leader, survivor] = leaderPid === a.pid ? [a, b] : [b, a];

    leader.proc.kill('SIGKILL');
    const killedAt = Date.now();
    await leader.exited;
    const takeover = await slack.waitFor(
      () =>
        survivor.lines.map((l) => tryJson(l)).find((l) => l?.msg?.startsWith('this replica now runs the schedules')),
      15_000,
    );
    const takeoverMs = Date.parse(takeover.time) - killedAt;
    // One interval (1 s) plus the time Postgres and the process take to notice; generous for a shared machine.
    expect(takeoverMs).toBeLessThan(INTERVAL_MS + 2_000);

    // The survivor keeps posting; wait until what is in the channel and in the store agree.
    let after: DigestRow[] = [];
    const deadline = Date.now() + 20_000;
    for (;;) {
      after = await rows();
      const settled = after.filter((r) => r.ts).length === postedTicks().length;
      if (settled && after.filter((r) => r.ts && pidOf(r) === survivor.pid).length >= 2) break;
      if (Date.now() > deadline)
        throw new Error(`survivor did not keep posting: ${JSON.stringify({ after, ticks: postedTicks() })}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // Exactly once per tick: one message per distinct tick, each recorded once under its slot.
    const ticks = postedTicks();
    expect(ticks).not.toContain('?');
    expect(new Set(ticks).size).toBe(ticks.length);
    const slots = after.map((r) => r.slot.toISOString());
    expect(new Set(slots).size).toBe(slots.length);
    expect(after.filter((r) => r.ts).length).toBe(ticks.length);
    // The lock alone kept them apart: neither ever had to back off from a tick the other had claimed.
    expect([...a.lines, ...b.lines].some((l) => l.includes('already claimed by another replica'))).toBe(false);
  }, 90_000);
});

function tryJson(line: string): { msg?: string; time: string } | undefined {
  try {
    return JSON.parse(line) as { msg?: string; time: string };
  } catch {
    return undefined;
  }
}
