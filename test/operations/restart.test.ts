import { spawn } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOperationsFeature, type OperationsFeature } from '../../src/operations/feature.js';
import type { Actor } from '../../src/contracts/chat.js';
import { createStore } from '../../src/store/store.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startSlackBot } from '../support/slack-bot.js';
import { describeWithPgTools, realTool, script, seedCtx, silentLog, tempDir, TOOL_ENV } from './helpers.js';
import { approvalIdOf, click, command, files, opsBot, rows } from './setup.js';

/** A restart during a run: the run is marked interrupted, its partial file removed, its thread told. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CRASH_BOT = fileURLToPath(new URL('./fixtures/crash-bot.ts', import.meta.url));
const alice: Actor = { userId: 'U0ALICE01', channelId: 'C0OPS0001' };
const bob: Actor = { userId: 'U0BOB0001', channelId: 'C0OPS0001' };

let db: TestDatabase;
let slack: FakeSlack;
const tmp = tempDir('restart');
const backupDir = join(tmp.dir, 'backups');
let yaml: string;
const configFile = join(tmp.dir, 'ctx-ops.yml');

beforeAll(async () => {
  [db, slack] = await Promise.all([createTestDatabase('restart'), startFakeSlack()]);
  await seedCtx(db, 10);
  const pgDump = (await realTool('pg_dump')).path;
  // Writes the start of a dump, then never finishes: the run is caught mid-backup.
  const hanging = script(
    tmp.dir,
    'hanging-pg_dump.sh',
    `[ "$1" = "--version" ] && exec ${pgDump} --version\nprintf 'PGDMP-the-start-of-a-dump'\nexec sleep 60`,
  );
  yaml = `
environments:
  prod: { production: true, env: { DATABASE_URL: "${db.url}", AUTH_SECRET: "restart-test-auth-secret-0123456789abcdef" } }
operations: { backupDir: ${backupDir}, pgDumpPath: ${hanging} }
permissions:
  prod: { request: [U0ALICE01], approve: [U0BOB0001], channels: [C0OPS0001] }
`;
  writeFileSync(configFile, yaml);
});
afterAll(async () => {
  await Promise.all([db.drop(), slack.close()]);
  tmp.cleanup();
});

async function until<T>(probe: () => Promise<T | undefined | false>, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describeWithPgTools('a restart in the middle of a backup', () => {
  it('the bot process is killed: the next start marks the run interrupted, removes the partial file and tells the thread', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', join(ROOT, 'test/support/no-dns.ts'), CRASH_BOT],
      {
        cwd: ROOT,
        env: { ...TOOL_ENV, CTX_OPS_CONFIG: configFile, CTX_OPS_DATABASE_URL: db.url },
        detached: true, // its own process group: the kill takes pg_dump with it, as a container stop would
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (c) => (stdout += String(c)));
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += String(c)));
    const exited = new Promise((r) => child.once('exit', r));
    let partial = '';
    try {
      const run = await until(async () => {
        if (child.exitCode !== null) throw new Error(`the bot exited early: ${stdout} ${stderr}`);
        const [r] = await rows<{ id: number; partial_path: string | null; approval_id: string }>(
          db,
          `SELECT id, partial_path, approval_id FROM ctx_ops.runs WHERE state = 'running'`,
        ).catch(() => []);
        return r?.partial_path && existsSync(r.partial_path) && statSync(r.partial_path).size > 0 ? r : undefined;
      }, 'the backup to be running');
      partial = run.partial_path!;
    } finally {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    }
    expect(stdout).not.toContain('"finished"');
    expect(existsSync(partial)).toBe(true); // what a crash leaves behind

    const fx = {
      env: TOOL_ENV,
      yaml,
      app: {
        store: createStore(db.url, silentLog),
        features: [createOperationsFeature({ recoverEveryMs: 3_600_000 })],
      },
    };
    const next = await startSlackBot(slack, fx as Parameters<typeof startSlackBot>[1]);
    try {
      const ops = next.bot.features.find((f) => f.name === 'operations') as OperationsFeature;
      await ops.recovered();
      // The crashed bot posted its confirmation as ts 1600000000.000001; progress and results go in its thread.
      const told = await slack.waitFor(() =>
        [...slack.messages.values()].find((m) => m.threadTs === '1600000000.000001' && m.channel === 'C0OPS0001'),
      );
      expect(told.text).toMatch(
        // The trial restore runs alongside the dump, so its scratch database may exist too.
        /^⚠️ Back up prod: the bot stopped while this was running; the partial file .*\.dump\.partial was removed(; the scratch database ctx_ops_scratch_\w+ was dropped)?\. Nothing was completed/,
      );
      expect(existsSync(partial)).toBe(false);
      expect(files(backupDir)).toEqual([]);
      const [a] = await rows<{ state: string }>(db, 'SELECT state FROM ctx_ops.approvals');
      expect(a!.state).toBe('interrupted');
      const [r] = await rows<{ state: string; partial_path: string | null }>(
        db,
        'SELECT state, partial_path FROM ctx_ops.runs',
      );
      expect(r).toEqual({ state: 'interrupted', partial_path: null });
      const [b] = await rows<{ state: string }>(db, 'SELECT state FROM ctx_ops.backups');
      expect(b!.state).toBe('interrupted');
      const events = (await rows<{ event: string }>(db, 'SELECT event FROM ctx_ops.audit_log ORDER BY id')).map(
        (e) => e.event,
      );
      expect(events).toEqual(['requested', 'confirmed', 'started', 'interrupted']);
      expect(events).not.toContain('succeeded');
      // A second pass (another replica starting) finds nothing more to do.
      expect(await ops.recover()).toEqual({ interrupted: 0, expired: 0 });
    } finally {
      await next.close();
    }
  });

  it('a live run is left alone by another replica; a shutdown stops it, removes the partial file and says so', async () => {
    const a = opsBot(db, { yaml });
    const b = opsBot(db, { yaml });
    try {
      const { id, ref } = approvalIdOf(await command(a, 'backup prod', alice));
      const running = click(a, 'confirm', id, bob, ref);
      const run = await until(async () => {
        const [r] = await rows<{ partial_path: string | null }>(
          db,
          `SELECT partial_path FROM ctx_ops.runs WHERE approval_id = $1 AND state = 'running'`,
          [id],
        );
        return r?.partial_path && existsSync(r.partial_path) ? r : undefined;
      }, 'the backup to be running');
      expect(await b.ops.recover()).toEqual({ interrupted: 0, expired: 0 });
      expect(
        (await rows<{ state: string }>(db, 'SELECT state FROM ctx_ops.approvals WHERE id = $1', [id]))[0]!.state,
      ).toBe('running');
      await a.close();
      const rec = await running;
      expect(existsSync(run.partial_path!)).toBe(false);
      expect(
        (await rows<{ state: string }>(db, 'SELECT state FROM ctx_ops.approvals WHERE id = $1', [id]))[0]!.state,
      ).toBe('interrupted');
      const last = rec.final().at(-1)!;
      expect(last.text).toMatch(
        /^⚠️ Back up prod: stopped during pg_dump: pg_dump stopped \(the bot is shutting down\); no backup file was kept/,
      );
      expect(last.text).toContain('The bot was shutting down');
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('requests nobody answered are expired by the recovery pass', async () => {
    const a = opsBot(db, { yaml });
    try {
      const rec = await command(a, 'backup prod', alice);
      const { id } = approvalIdOf(rec);
      a.advance(11 * 60_000);
      expect((await a.ops.recover()).expired).toBeGreaterThanOrEqual(1);
      expect(
        (await rows<{ state: string }>(db, 'SELECT state FROM ctx_ops.approvals WHERE id = $1', [id]))[0]!.state,
      ).toBe('expired');
    } finally {
      await a.close();
    }
  });
});
