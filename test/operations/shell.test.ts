import { userInfo } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runShell } from '../../src/transports/shell.js';
import { createTestDatabase, type TestDatabase } from '../support/pg.js';
import { describeWithPgTools, seedCtx, tempDir } from './helpers.js';
import { command, files, opsBot, rows, type OpsBot } from './setup.js';

/**
 * The local shell's policy: buttons are numbered and pressed by typing the number; the
 * shell user is `local:<os user>`. Allowed in a non-production environment without a
 * permissions entry, or where the lists name local:<user> / local:*; one local user can
 * never meet the two-person rule; the one-shot CLI cannot ask at all (it cannot confirm).
 */
let db: TestDatabase;
let bot: OpsBot;
const tmp = tempDir('shell');
const backupDir = join(tmp.dir, 'backups');
const me = `local:${userInfo().username}`;

beforeAll(async () => {
  db = await createTestDatabase('ops_shell');
  await seedCtx(db, 10);
  const env = `env: { DATABASE_URL: "${db.url}", AUTH_SECRET: "shell-test-auth-secret-0123456789abcdef" }`;
  bot = opsBot(db, {
    yaml: `
environments:
  staging: { ${env} }
  prod: { production: true, ${env} }
  prod2: { production: true, ${env} }
  lab: { production: true, ${env} }
operations: { backupDir: ${backupDir} }
permissions:
  prod: { request: ["local:*"], approve: ["local:*"], channels: [C0OPS0001] }
  lab: { request: ["local:*"], approve: ["local:*"], twoPerson: false }
`,
  });
  await bot.store.ready();
});
afterAll(async () => {
  await bot.close();
  await db.drop();
  tmp.cleanup();
});

async function shell(lines: string[]): Promise<string> {
  const output = new PassThrough();
  let text = '';
  output.on('data', (c) => (text += String(c)));
  await runShell(bot.bot, { input: Readable.from(lines.map((l) => `${l}\n`)), output, interactive: false });
  return text;
}

describeWithPgTools('operations in the local shell', () => {
  it('a non-production environment without permissions: ask, press the numbered Confirm, the backup runs', async () => {
    const out = await shell(['backup staging', '1']);
    expect(out).toMatch(/\[1\] Confirm {3}\[2\] Cancel {2}\(type the number to press\)/);
    expect(out).toMatch(/✅ Back up staging: staging-\d{8}T\d{6}Z(-\d+)?\.dump/);
    expect(files(backupDir).filter((f) => f.startsWith('staging-'))).toHaveLength(1);
    const [a] = await rows<{ requester_id: string; confirmer_id: string; surface: string }>(
      db,
      `SELECT requester_id, confirmer_id, surface FROM ctx_ops.approvals WHERE env = 'staging'`,
    );
    expect(a).toEqual({ requester_id: me, confirmer_id: me, surface: 'shell' });
  });

  it('production with local:* and the two-person rule: one local user can ask but cannot confirm', async () => {
    const out = await shell(['backup prod', '1']);
    expect(out).toContain('BACK UP PROD');
    expect(out).toMatch(/two-person rule is on for prod.*One local user cannot meet it alone/s);
    expect(files(backupDir).filter((f) => f.startsWith('prod-'))).toEqual([]);
    const [a] = await rows<{ state: string }>(db, `SELECT state FROM ctx_ops.approvals WHERE env = 'prod'`);
    expect(a!.state).toBe('requested');
  });

  it('production that explicitly allows local users and turns the two-person rule off: it runs', async () => {
    const out = await shell(['backup lab', '1']);
    expect(out).toMatch(/✅ Back up lab/);
  });

  it('production without a permissions entry: refused, with the YAML to add', async () => {
    const out = await shell(['backup prod2']);
    expect(out).toMatch(/Operations on prod2 are turned off/);
    expect(out).toContain('permissions:\n  prod2:');
    expect(out).not.toContain('[1]');
  });

  it('the one-shot CLI cannot ask for a guarded operation', async () => {
    const rec = await command(bot, 'backup staging', { userId: me }, 'cli');
    expect(rec.posted).toEqual([]);
    expect(rec.ephemerals[0]!.text).toMatch(/need a confirmation button: ask for them in Slack or in the local shell/);
  });
});
