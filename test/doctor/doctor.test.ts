import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import pg from 'pg';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BotAppOptions } from '../../src/app/app.js';
import { runCli } from '../../src/cli.js';
import type { DeliveryHealth, DeliveryProblem } from '../../src/contracts/services.js';
import type { DoctorReport } from '../../src/doctor/types.js';
import { createDoctorFeature, doctorFeature, type DoctorService } from '../../src/doctor/feature.js';
import { featureFactories } from '../../src/app/features.js';
import { schedulesFeature } from '../../src/app/schedules.js';
import type { FeatureFactory } from '../../src/runtime/feature.js';
import { createStore } from '../../src/store/store.js';
import { runFresh, STACK_LINE } from '../support/processes.js';
import {
  MANIFEST_SCOPES,
  postSigned,
  slashPayload,
  startFakeSlack,
  TEAM_ID,
  type FakeSlack,
} from '../support/fake-slack.js';
import { adminUrl, createTestDatabase, withDatabase, type TestDatabase } from '../support/pg.js';
import { startSlackBot, type SlackHarness } from '../support/slack-bot.js';
import { FOUNDATION_CHECKS } from '../support/checks.js';

const BOT = 'xoxb-test-doctor-bot-token-1';
const APP = 'xapp-test-doctor-app-token-1';
let slack: FakeSlack;

beforeAll(async () => {
  slack = await startFakeSlack();
  slack.setTokens({
    bot: [BOT],
    app: [APP, 'xapp-test-doctor-readonly'],
    appScopes: { 'xapp-test-doctor-readonly': ['authorizations:read'] },
  });
});
afterAll(() => slack.close());
afterEach(() => {
  slack.setScopes(MANIFEST_SCOPES);
  slack.setClockOffset(0);
  slack.setChannel('C0ALERTS1', { name: 'alerts', is_member: true });
});

const slackEnv = (over: Record<string, string> = {}) => ({
  SLACK_BOT_TOKEN: BOT,
  SLACK_APP_TOKEN: APP,
  SLACK_API_URL: slack.apiUrl,
  LOG_LEVEL: 'silent',
  ...over,
});

function io() {
  let out = '';
  let err = '';
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const stdin = new PassThrough();
  stdin.end();
  return { io: { cwd: process.cwd(), stdin, stdout, stderr }, out: () => out, err: () => err };
}
/** `ctx-ops doctor --json` in this process, with a ctx-ops.yml of its own. */
async function doctorJson(
  env: Record<string, string>,
  yaml = '',
  app: Partial<BotAppOptions> = {},
): Promise<{ code: number; report: DoctorReport }> {
  const t = io();
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'ctx-doctor-'));
  writeFileSync(join(dir, 'ctx-ops.yml'), yaml);
  try {
    const code = await runCli(['doctor', '--json'], { CTX_OPS_CONFIG: join(dir, 'ctx-ops.yml'), ...env }, t.io, {
      checks: FOUNDATION_CHECKS,
      ...app,
    });
    if (!t.out().trim().startsWith('{')) throw new Error(`not a report: ${t.out()} ${t.err()}`);
    return { code, report: JSON.parse(t.out()) as DoctorReport };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const find = (r: DoctorReport, id: string) => r.items.find((i) => i.id === id);

describe('ctx-ops doctor (CLI)', () => {
  it('the bot is not in the alerts channel: says which /invite to type where, exit 1 (real process)', async () => {
    slack.setChannel('C0ALERTS1', { name: 'alerts', is_member: false });
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'ctx-doctor-proc-'));
    writeFileSync(join(dir, 'ctx-ops.yml'), 'channels: { alerts: C0ALERTS1 }\n');
    const o = await runFresh('cli', ['doctor'], { ...slackEnv(), CTX_OPS_CONFIG: join(dir, 'ctx-ops.yml') });
    expect(o.stderr).not.toMatch(STACK_LINE);
    expect(o.code).toBe(1);
    expect(o.stdout).toMatch(/^🔴 ctx-ops doctor: 1 problem/);
    expect(o.stdout).toMatch(
      /🔴\s+#alerts\s+@ctx-ops is not in #alerts: what it posts there on its own \(alerts\) is refused by Slack \(not_in_channel\)/,
    );
    expect(o.stdout).toMatch(/→ type \/invite @ctx-ops in #alerts/);
    expect(o.stdout).toMatch(/✅\s+Bot token\s+valid: bot @ctx-ops \(UBOT0001\) in workspace Fake/);
    expect(o.stdout).toMatch(/✅\s+App-level token\s+valid, with connections:write/);
    for (const t of [BOT, APP]) expect(o.stdout + o.stderr).not.toContain(t);
  }, 120_000);

  it('--json: every item with status, what was seen and what to do; exit 0 when nothing fails', async () => {
    const { code, report } = await doctorJson(slackEnv(), 'channels: { alerts: C0ALERTS1 }\n');
    expect(code).toBe(0);
    // The one warning: under Slack without a database, alerts and history are off.
    expect(report.overall).toBe('warn');
    expect(report.items.filter((i) => i.status === 'warn' || i.status === 'fail').map((i) => i.id)).toEqual(['store']);
    expect(Object.keys(report)).toEqual(['checkedAt', 'durationMs', 'overall', 'items']);
    expect(find(report, 'channel.C0ALERTS1')).toEqual({
      id: 'channel.C0ALERTS1',
      area: 'channels',
      title: '#alerts',
      status: 'ok',
      seen: '@ctx-ops is a member (alerts)',
    });
    expect(report.items.map((i) => i.id)).toEqual(
      expect.arrayContaining([
        'slack.bot-token',
        'slack.app-token',
        'scope.commands',
        'scope.chat:write',
        'scope.channels:read',
        'store',
        'clock',
      ]),
    );
    // usergroups:read is not asked for: no permission names a user group.
    expect(find(report, 'scope.usergroups:read')).toBeUndefined();
    expect(find(report, 'scope.chat:write.public')).toMatchObject({ status: 'skip' });
    expect(find(report, 'clock')).toMatchObject({ status: 'ok', seen: 'Slack: in step' });
  });

  it('a wrong app-level token, and one without connections:write, are told apart', async () => {
    const wrong = await doctorJson(slackEnv({ SLACK_APP_TOKEN: 'xapp-test-doctor-mistyped' }));
    expect(wrong.code).toBe(1);
    expect(find(wrong.report, 'slack.app-token')).toMatchObject({
      status: 'fail',
      seen: expect.stringMatching(/^Slack rejected SLACK_APP_TOKEN with invalid_auth/),
      fix: expect.stringContaining('Basic Information → App-Level Tokens'),
    });
    const scopeless = await doctorJson(slackEnv({ SLACK_APP_TOKEN: 'xapp-test-doctor-readonly' }));
    expect(find(scopeless.report, 'slack.app-token')).toMatchObject({
      status: 'fail',
      seen: 'SLACK_APP_TOKEN lacks the connections:write scope (it has authorizations:read)',
    });
  });

  it('permissions with user groups need usergroups:read: its absence fails, with the group that cannot be read', async () => {
    slack.setScopes(MANIFEST_SCOPES.filter((s) => s !== 'usergroups:read'));
    const { code, report } = await doctorJson(slackEnv(), 'permissions:\n  default: { request: [S0ONCALL] }\n');
    expect(code).toBe(1);
    expect(find(report, 'scope.usergroups:read')).toMatchObject({
      status: 'fail',
      seen: 'missing: permissions given to user groups (S…) will not work',
    });
    expect(find(report, 'group.S0ONCALL')).toMatchObject({
      status: 'fail',
      seen: expect.stringContaining('lacks the usergroups:read scope'),
    });
  });

  it("a clock a minute off Slack's is a warning", async () => {
    slack.setClockOffset(-60_000);
    const { code, report } = await doctorJson(slackEnv());
    expect(code).toBe(0);
    expect(find(report, 'clock')).toMatchObject({
      status: 'warn',
      seen: expect.stringMatching(/^Slack: this machine is (5\d|60) s ahead/),
      fix: expect.stringContaining('NTP'),
    });
  });

  it('a missing runbooks folder and an unreadable migrations folder are named', async () => {
    const { report } = await doctorJson({ LOG_LEVEL: 'silent', CTX_MIGRATIONS_DIR: '/nonexistent/migrations' });
    expect(find(report, 'folder.migrations.default')).toMatchObject({
      status: 'fail',
      seen: '/nonexistent/migrations does not exist: pending migrations cannot be listed',
    });
    expect(find(report, 'folder.ctx_ops-sql')).toMatchObject({ status: 'ok' });
    expect(find(report, 'slack.bot-token')).toMatchObject({ status: 'skip' });
  });

  it('shows each delivery problem the delivery service reports, with its fix', async () => {
    const problems: DeliveryProblem[] = [
      {
        channel: 'C0ALERTS1',
        purpose: 'alerts',
        error: 'not_in_channel',
        fix: 'type /invite @ctx-ops in #alerts',
        since: new Date(Date.now() - 600_000),
        lastAttemptAt: new Date(),
        waiting: 3,
      },
    ];
    const delivery: DeliveryHealth = { problems: () => problems };
    const withDelivery: FeatureFactory = (core) => {
      core.services.register('delivery', delivery);
      return { name: 'test-delivery' };
    };
    // The schedules feature registers the real delivery service (tested end to end in
    // test/newcomer.test.ts); here a stand-in takes its place to drive every rule.
    const features = [...featureFactories.filter((f) => f !== schedulesFeature), withDelivery];
    const { code, report } = await doctorJson(slackEnv(), 'channels: { alerts: C0ALERTS1 }\n', { features });
    expect(code).toBe(1);
    expect(find(report, 'delivery.C0ALERTS1.alerts')).toMatchObject({
      status: 'fail',
      title: 'alerts → #alerts',
      seen: expect.stringMatching(
        /^Slack refused posting alerts to #alerts \(not_in_channel\) since .*; 3 posts waiting$/,
      ),
      fix: 'type /invite @ctx-ops in #alerts',
    });
    problems.length = 0;
    const fine = await doctorJson(slackEnv(), '', { features });
    expect(find(fine.report, 'delivery')).toMatchObject({ status: 'ok' });
  });
});

describe('the store without write permission (a real role with CONNECT and USAGE only)', () => {
  let db: TestDatabase;
  const role = `ctxops_doctor_${randomBytes(3).toString('hex')}`;
  beforeAll(async () => {
    db = await createTestDatabase('doctor_store');
    const owner = createStore(db.url, pino({ level: 'silent' }));
    await owner.ready();
    await owner.close();
    await db.query(`CREATE ROLE ${role} LOGIN`);
    await db.query(`GRANT CONNECT ON DATABASE ${db.name} TO ${role}`);
    await db.query(`GRANT USAGE ON SCHEMA ctx_ops TO ${role}`);
  });
  afterAll(async () => {
    await db.drop();
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`).finally(() => admin.end());
  });

  it('fails with the GRANTs to add (or a database of its own), and leaves nothing behind', async () => {
    const u = new URL(withDatabase(adminUrl(), db.name));
    u.username = role;
    u.password = '';
    const { code, report } = await doctorJson({ LOG_LEVEL: 'silent', CTX_OPS_DATABASE_URL: u.toString() });
    expect(code).toBe(1);
    const store = find(report, 'store')!;
    expect(store.status).toBe('fail');
    expect(store.seen).toContain(`ctx-ops cannot write its schema ctx_ops as role "${role}" in database "${db.name}"`);
    expect(store.seen).toContain('permission denied for database');
    expect(store.fix!.split('\n')).toEqual([
      "run as the database's owner:",
      `  GRANT CREATE ON DATABASE "${db.name}" TO "${role}";`,
      `  GRANT USAGE, CREATE ON SCHEMA ctx_ops TO "${role}";`,
      `  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ctx_ops TO "${role}";`,
      `  GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ctx_ops TO "${role}";`,
      'or give ctx-ops a database of its own: CTX_OPS_DATABASE_URL=postgres://…/ctx_ops',
    ]);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'doctor_probe_%'`,
    );
    expect(rows[0]!.n).toBe(0);

    // With the GRANTs run, the same role passes (tables stay the owner's: a warning about upgrades).
    for (const line of store.fix!.split('\n').filter((l) => l.trim().startsWith('GRANT'))) await db.query(line.trim());
    const after = await doctorJson({ LOG_LEVEL: 'silent', CTX_OPS_DATABASE_URL: u.toString() });
    expect(find(after.report, 'store')).toMatchObject({
      status: 'warn',
      seen: expect.stringContaining('tables in ctx_ops belong to "postgres"'),
    });
  });
});

describe('doctor in the running bot (Socket Mode)', () => {
  let bot: SlackHarness | undefined;
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });
  const features = (everyMs?: number) => [
    ...featureFactories.filter((f) => f !== doctorFeature),
    createDoctorFeature({ everyMs }),
  ];

  it('runs after connecting, logs each problem once however often it runs, and shows it in /ctx doctor and on App Home', async () => {
    slack.setChannel('C0ALERTS1', { name: 'alerts', is_member: false });
    bot = await startSlackBot(slack, {
      checks: FOUNDATION_CHECKS,
      env: { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP },
      yaml: 'channels: { alerts: C0ALERTS1 }\n',
      logLevel: 'info',
      app: { features: features(100) },
    });
    const service = bot.bot.core.services.get('selfCheck') as DoctorService;
    const first = service.report()!.checkedAt;
    // A few more background cycles.
    await slack.waitFor(
      () => service.report()!.checkedAt !== first && Date.parse(service.report()!.checkedAt) - Date.parse(first) >= 300,
    );
    const logged = bot.logs.filter((l) => l.includes('doctor: #alerts'));
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!)).toMatchObject({
      level: 50,
      check: 'channel.C0ALERTS1',
      msg: expect.stringContaining('To fix: type `/invite @ctx-ops` in #alerts'),
    });
    expect(find(service.report()!, 'slack.app-token')).toMatchObject({
      status: 'ok',
      seen: expect.stringMatching(/^connected over Socket Mode since/),
    });

    const cmd = slack.slashCommand('doctor');
    const resp = await slack.waitFor(
      () => slack.responses.find((r) => r.id === cmd.responseUrl.split('/').pop()),
      15_000,
    );
    expect(resp.body.response_type).toBe('ephemeral');
    expect(String(resp.body.text)).toMatch(/^🔴 ctx-ops doctor: 1 problem/);
    expect(JSON.stringify(resp.body.blocks)).toContain('type `/invite @ctx-ops` in #alerts');

    const before = slack.calls.length;
    slack.sendEnvelope('events_api', {
      token: 'verification-token',
      team_id: TEAM_ID,
      api_app_id: 'A0APP0001',
      type: 'event_callback',
      event_id: 'Ev1',
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'app_home_opened',
        user: 'U0ALICE01',
        channel: 'D0HOME0001',
        tab: 'home',
        event_ts: `${Date.now() / 1000}`,
      },
    });
    const publish = await slack.waitFor(() => slack.calls.slice(before).find((c) => c.method === 'views.publish'));
    const home = JSON.stringify((publish.args.view as { blocks: unknown[] }).blocks);
    expect(home).toContain('*Self-check*');
    expect(home).toContain('@ctx-ops is not in #alerts');

    // Fixed: logged once more, as resolved.
    slack.setChannel('C0ALERTS1', { name: 'alerts', is_member: true });
    await slack.waitFor(() => bot!.logs.some((l) => l.includes('channel.C0ALERTS1 is fine again')));
    expect(bot!.logs.filter((l) => l.includes('doctor: #alerts'))).toHaveLength(1);
  });

  it('HTTP mode: requests refused for a wrong signature are counted and blamed on SLACK_SIGNING_SECRET', async () => {
    const secret = '0123456789abcdef0123456789abcdef';
    bot = await startSlackBot(slack, {
      checks: FOUNDATION_CHECKS,
      mode: 'http',
      signingSecret: secret,
      env: { SLACK_BOT_TOKEN: BOT },
      app: { features: features() },
    });
    const form = new URLSearchParams(slashPayload('status', slack.newResponseUrl())).toString();
    for (let i = 0; i < 3; i++)
      expect((await postSigned(bot.eventsUrl!, 'fedcba9876543210fedcba9876543210', form)).status).toBe(401);
    const report = await (bot.bot.core.services.get('selfCheck') as DoctorService).run('slack');
    expect(find(report, 'slack.signing-secret')).toMatchObject({
      status: 'fail',
      seen: expect.stringMatching(
        /^3 requests to \/slack\/events refused since start: the signature does not match SLACK_SIGNING_SECRET/,
      ),
    });
    expect(bot.logs.filter((l) => l.includes('its signature does not match SLACK_SIGNING_SECRET'))).toHaveLength(1);
  });
});
