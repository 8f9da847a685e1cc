import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { startProcess } from '../support/processes.js';
import { describeWithPgTools, realTool, script, seedCtx, tempDir } from './helpers.js';
import { files, rows } from './setup.js';

/**
 * `docker stop` in the middle of a backup: the real bot process (Socket Mode, fake Slack,
 * real Postgres) gets SIGTERM while pg_dump runs. It stops within its timeout and exits 0,
 * the run is recorded as interrupted, the partial file is removed and the thread is told.
 */
const BOT = 'xoxb-test-shutdown-test-bot-token';
const APP = 'xapp-test-shutdown-test-app-token';
let db: TestDatabase;
let slack: FakeSlack;
const tmp = tempDir('shutdown');
const backupDir = join(tmp.dir, 'backups');

beforeAll(async () => {
  [db, slack] = await Promise.all([createTestDatabase('shutdown'), startFakeSlack()]);
  slack.setTokens({ bot: [BOT], app: [APP] });
  await seedCtx(db, 10);
  const pgDump = (await realTool('pg_dump')).path;
  // Writes the start of a dump, then never finishes: the stop catches it mid-backup.
  const hanging = script(
    tmp.dir,
    'hanging-pg_dump.sh',
    `[ "$1" = "--version" ] && exec ${pgDump} --version\nprintf 'PGDMP-the-start-of-a-dump'\nexec sleep 60`,
  );
  writeFileSync(
    join(tmp.dir, 'ctx-ops.yml'),
    `
schedules: []
environments:
  prod: { production: true, env: { DATABASE_URL: "${db.url}", AUTH_SECRET: "shutdown-test-auth-secret-0123456789abcdef" } }
operations: { backupDir: ${backupDir}, pgDumpPath: ${hanging} }
permissions:
  prod: { request: [U0ALICE01], approve: [U0BOB0001], channels: [C0OPS0001] }
`,
  );
});
afterAll(async () => {
  await Promise.all([db.drop(), slack.close()]);
  tmp.cleanup();
});

describeWithPgTools('SIGTERM with a backup in flight', () => {
  it('exits 0 within the timeout; the run is interrupted, its partial file removed, its thread told', async () => {
    const bot = startProcess('bot', [], {
      cwd: tmp.dir,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        LOG_LEVEL: 'warn',
        SLACK_BOT_TOKEN: BOT,
        SLACK_APP_TOKEN: APP,
        SLACK_API_URL: slack.apiUrl,
        CTX_OPS_DATABASE_URL: db.url,
        CTX_OPS_SHUTDOWN_TIMEOUT_SECONDS: '20',
      },
    });
    let out = '';
    bot.stdout.on('data', (d) => (out += d));
    bot.stderr.on('data', (d) => (out += d));
    const closed = new Promise<number | null>((r) => bot.on('close', r));
    let code: number | null = null;
    try {
      await slack.waitFor(() => slack.connections() > 0, 30_000);
      const before = slack.messages.size;
      slack.slashCommand('backup prod', { user: 'U0ALICE01', channel: 'C0OPS0001' });
      const conf = await slack.waitFor(
        () => [...slack.messages.values()].slice(before).find((m) => m.text.startsWith('Back up prod?')),
        30_000,
      );
      slack.click(conf, 'ctx.approval.confirm', { user: 'U0BOB0001' });
      const run = await slack.waitFor(async () => {
        const [r] = await rows<{ partial_path: string | null }>(
          db,
          `SELECT partial_path FROM ctx_ops.runs WHERE state = 'running'`,
        ).catch(() => []);
        return r?.partial_path && existsSync(r.partial_path) && statSync(r.partial_path).size > 0 ? r : undefined;
      }, 30_000);

      bot.kill('SIGTERM');
      code = await closed;
      expect(out).toContain('ctx-ops: SIGTERM: stopping (at most 20 s; SIGTERM again exits at once)');
      expect(code).toBe(0);

      expect(existsSync(run.partial_path!)).toBe(false);
      expect(files(backupDir)).toEqual([]);
      const [r] = await rows<{ state: string }>(db, 'SELECT state FROM ctx_ops.runs');
      expect(r!.state).toBe('interrupted');
      const [a] = await rows<{ state: string }>(db, 'SELECT state FROM ctx_ops.approvals');
      expect(a!.state).toBe('interrupted');
      const [b] = await rows<{ state: string }>(db, 'SELECT state FROM ctx_ops.backups');
      expect(b!.state).toBe('interrupted');
      const events = (await rows<{ event: string }>(db, 'SELECT event FROM ctx_ops.audit_log ORDER BY id')).map(
        (e) => e.event,
      );
      expect(events).toEqual(['requested', 'confirmed', 'started', 'interrupted']);
      // The people who asked and confirmed read it where they clicked.
      const thread = [...slack.messages.values()].filter((m) => m.threadTs === conf.ts || m.ts === conf.ts);
      expect(thread.map((m) => m.text).join('\n')).toContain('The bot was shutting down');
      // The leader lock went with the session: a new replica can lead at once.
      const [lock] = await rows<{ n: number }>(
        db,
        `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
         WHERE l.locktype = 'advisory' AND d.datname = current_database()`,
      );
      expect(lock!.n).toBe(0);
    } finally {
      if (code === null) {
        bot.kill('SIGKILL');
        await closed;
      }
    }
    expect(out).not.toContain(BOT);
  });
});
