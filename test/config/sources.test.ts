import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { loadConfig } from '../../src/config/load.js';
import type { ConfigProblem } from '../../src/config/problems.js';
import { ConfigError } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { allChecks } from '../../src/diagnostics/registry.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { baseEnv, runProcess, startProcess } from '../support/processes.js';

const BOT_TOKEN = 'xoxb-test-from-dotenv-0123456789';
const APP_TOKEN = 'xapp-test-from-dotenv-0123456789';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temp working directory with these files (paths relative to it). */
function workdir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ctx-ops-cwd-'));
  dirs.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

const load = (cwd: string, env: Record<string, string | undefined> = {}): Config =>
  loadConfig({ env, cwd, checks: allChecks });
function problemsOf(cwd: string, env: Record<string, string | undefined> = {}): ConfigProblem[] {
  try {
    load(cwd, env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected the configuration to be rejected');
}
const lines = (ps: ConfigProblem[]) => ps.map((p) => `${p.source}: ${p.key ? `${p.key}: ` : ''}${p.message}`);

async function cli(argv: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  const stdout = new PassThrough().on('data', (d) => (out += d));
  const stderr = new PassThrough().on('data', (d) => (err += d));
  const stdin = new PassThrough();
  stdin.end();
  const code = await runCli(argv, { LOG_LEVEL: 'silent', ...env }, { cwd, stdin, stdout, stderr });
  return { code, out, err };
}

describe('where Slack tokens go', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(async () => {
    await slack.close();
  });

  it('tokens in .env in the working directory: `npm start` connects Socket Mode, not the local shell (real process)', async () => {
    const cwd = workdir({
      '.env': `# the bot's own\nSLACK_BOT_TOKEN=${BOT_TOKEN}\nexport SLACK_APP_TOKEN="${APP_TOKEN}"\nSLACK_API_URL=${slack.apiUrl}\n`,
    });
    const child = startProcess('bot', [], { cwd, env: baseEnv() });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    try {
      await slack.waitFor(() => slack.connections() > 0, 20_000);
      expect(slack.calls.find((c) => c.method === 'apps.connections.open')?.token).toBe(APP_TOKEN);
      expect(slack.calls.find((c) => c.method === 'auth.test')?.token).toBe(BOT_TOKEN);
      // It answers a slash command over the socket.
      const cmd = slack.slashCommand('help');
      await cmd.acked;
      const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === cmd.responseUrl.split('/').pop()));
      expect(String(answer.body.text)).toContain('/ctx status');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
    }
    expect(out).not.toContain('local shell');
    expect(out + err).not.toContain(BOT_TOKEN);
    expect(out + err).not.toContain(APP_TOKEN);
  });

  it('`ctx-ops config` names the file each token came from, never the token (real process)', async () => {
    const cwd = workdir({ '.env': `SLACK_BOT_TOKEN=${BOT_TOKEN}\nSLACK_APP_TOKEN=${APP_TOKEN}\n` });
    const r = await runProcess('cli', ['config'], { cwd, env: baseEnv() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("env files: ./.env (the bot's own .env; 2 variables)");
    expect(r.stdout).toContain(
      'transport: Socket Mode (connects out to Slack) · SLACK_BOT_TOKEN from ./.env:1, SLACK_APP_TOKEN from ./.env:2',
    );
    expect(r.stdout + r.stderr).not.toContain(BOT_TOKEN);
    expect(r.stdout + r.stderr).not.toContain(APP_TOKEN);
  });

  it.each([
    [
      'process environment',
      { SLACK_BOT_TOKEN: 'xoxb-test-process', AUTH_BASE_URL: 'https://process.example' },
      'xoxb-test-process',
      'https://process.example',
      'process environment',
    ],
    ['.env over CTX_OPS_ENV_FILE', {}, 'xoxb-test-dotenv', 'https://dotenv.example', './.env:1'],
  ])('precedence: %s wins', (_name, env, token, baseUrl, tokenSource) => {
    const cwd = workdir({
      '.env':
        'SLACK_BOT_TOKEN=xoxb-test-dotenv\nAUTH_BASE_URL=https://dotenv.example\nCTX_OPS_ENV_FILE=deploy/.env\nSLACK_APP_TOKEN=xapp-test-dotenv\n',
      'deploy/.env':
        'SLACK_BOT_TOKEN=xoxb-test-deploy\nAUTH_BASE_URL=https://deploy.example\nDATABASE_URL=postgres://deploy-db/ctx\n',
    });
    const config = load(cwd, env);
    expect(config.slack.botToken).toBe(token);
    expect(config.environments[0]!.ctx.AUTH_BASE_URL).toBe(baseUrl);
    // What no stronger layer sets still comes from the deployment's file.
    expect(config.environments[0]!.ctx.DATABASE_URL).toBe('postgres://deploy-db/ctx');
    expect(config.report.slackSources.SLACK_BOT_TOKEN).toBe(tokenSource);
    expect(config.environments[0]!.source).toBe('process environment, ./.env, ./deploy/.env (first wins)');
    expect(config.report.envFiles.map((f) => [f.display, f.role])).toEqual([
      ['./.env', 'dotenv'],
      ['./deploy/.env', 'deployment'],
    ]);
  });

  it("takes tokens from CTX_OPS_ENV_FILE, but never the deployment's own SLACK_SIGNING_SECRET (ctx|'s Slack app)", () => {
    const cwd = workdir({
      'deploy.env': `SLACK_BOT_TOKEN=${BOT_TOKEN}\nSLACK_CLIENT_ID=123.456\nSLACK_SIGNING_SECRET=ctx-own-signing-secret\nPORT=3000\n`,
    });
    const found = problemsOf(cwd, { CTX_OPS_ENV_FILE: 'deploy.env' });
    expect(lines(found)).toEqual([
      "./deploy.env:1: SLACK_BOT_TOKEN: is set, but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is (SLACK_SIGNING_SECRET in ./deploy.env is ctx|'s own Slack app's and is not used); set one, or unset SLACK_BOT_TOKEN for the local shell",
    ]);
    // With the app token beside it, the same file starts Socket Mode.
    const config = load(cwd, { CTX_OPS_ENV_FILE: 'deploy.env', SLACK_APP_TOKEN: APP_TOKEN });
    expect(config.slack).toMatchObject({ mode: 'socket', botToken: BOT_TOKEN, signingSecret: undefined, port: 3000 });
    expect(config.report.slackSources).toMatchObject({
      SLACK_BOT_TOKEN: './deploy.env:1',
      SLACK_APP_TOKEN: 'process environment',
    });
    expect(lines(config.report.warnings)).toEqual([
      "./deploy.env: SLACK_SIGNING_SECRET: not used: in the deployment's file this name belongs to ctx|'s own Slack app, not to ctx-ops",
      "./deploy.env: PORT: not used: in the deployment's file this name belongs to ctx|'s services, not to ctx-ops",
    ]);
    // Its value is still a secret the redactor knows.
    expect(config.secrets).toContain('ctx-own-signing-secret');
  });

  it(".env in the working directory that is the deployment's own file gives ctx| variables, not ctx|'s Slack secret", () => {
    const cwd = workdir({
      '.env': 'COMPOSE_PROJECT_NAME=ctxpipe\nDATABASE_URL=postgres://db/ctx\nSLACK_SIGNING_SECRET=ctx-own\n',
    });
    const config = load(cwd, { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN });
    expect(config.environments[0]!.ctx.DATABASE_URL).toBe('postgres://db/ctx');
    expect(config.slack.signingSecret).toBeUndefined();
    expect(config.report.envFiles[0]).toMatchObject({ display: './.env', role: 'deployment' });
    // The bot's own .env (nothing of ctx|'s Slack app in it) does give the signing secret: HTTP mode.
    const own = workdir({
      '.env': `SLACK_BOT_TOKEN=${BOT_TOKEN}\nSLACK_SIGNING_SECRET=bot-signing-secret\nPORT=8080\n`,
    });
    expect(load(own).slack).toMatchObject({ mode: 'http', signingSecret: 'bot-signing-secret', port: 8080 });
  });

  it("an environment's envFile feeds that environment only; the bot says so when it holds Slack tokens", () => {
    const cwd = workdir({
      'ctx-ops.yml': 'environments:\n  prod: { envFile: prod.env }\n',
      'prod.env': `DATABASE_URL=postgres://prod/ctx\nSLACK_BOT_TOKEN=${BOT_TOKEN}\n`,
    });
    const config = load(cwd);
    expect(config.slack.mode).toBe('shell');
    expect(lines(config.report.warnings)).toEqual([
      expect.stringMatching(
        /^\.\/prod\.env: SLACK_BOT_TOKEN: not used: an environment's envFile gives that environment's ctx\| variables only/,
      ),
    ]);
  });
});

describe('configuration that tells the truth', () => {
  it('a malformed env-file line is reported with file:line (config --json), and the next variable is still read', async () => {
    const cwd = workdir({
      '.env': `SLACK_BOT_TOKEN ${BOT_TOKEN}\nAUTH_BASE_URL=https://ctx.example.com\nAUTH_SECRET="unterminated-${BOT_TOKEN}\nDATABASE_URL=postgres://db/ctx\nDATABSE_URL=postgres://typo/ctx\n`,
    });
    const r = await cli(['config', '--json'], cwd);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.warnings).toEqual([
      { source: './.env:1', key: '', message: 'not KEY=value (`SLACK_BOT_TOKEN` has no `=`); the line was skipped' },
      {
        source: './.env:3',
        key: '',
        message: 'AUTH_SECRET: the double quote opened here is never closed; the value was skipped',
      },
      {
        source: './.env',
        key: 'DATABSE_URL',
        message: 'not used: not a variable ctx-ops reads; did you mean DATABASE_URL?',
      },
    ]);
    expect(json.envFiles[0].variables).toEqual(['AUTH_BASE_URL', 'DATABASE_URL', 'DATABSE_URL']);
    expect(json.environments[0]).toMatchObject({
      name: 'default',
      authBaseUrl: 'https://ctx.example.com',
      notSet: ['AUTH_SECRET'],
    });
    expect(json.transport).toEqual({ mode: 'shell', sources: {} });
    expect(r.out).not.toContain(BOT_TOKEN);
    // Any other command says so on stderr before it answers.
    const status = await cli(['config'], cwd);
    expect(status.out).toContain('warnings:\n  - ./.env:1: not KEY=value');
  });

  it('reports every cross-reference mistake in one pass, at its line', () => {
    const cwd = workdir({
      'ctx-ops.yml': [
        'environments:', // 1
        '  prod: { env: { AUTH_BASE_URL: "https://x.example.com", DATABASE_URL: "mysql://broken" } }', // 2
        '  staging: {}', // 3
        '  all: {}', // 4
        'defaultEnvironment: production', // 5
        'schedules:', // 6
        '  - { name: morning, cron: "0 9 * * 1-5", environments: [prod, stage] }', // 7
        'maintenance:', // 8
        '  - { environments: [prd], checks: [grpah], from: "2026-12-01T22:00:00Z", to: "2026-12-01T21:00:00Z" }', // 9
        'permissions:', // 10
        '  qa: { request: [U0ALICE01] }', // 11
        '  prod: { approve: [U0BOB0001] }', // 12
      ].join('\n'),
    });
    expect(lines(problemsOf(cwd))).toEqual([
      // A broken variable is reported once, where it is; `prod` still counts as an environment below.
      'ctx-ops.yml:2: environments.prod.DATABASE_URL: must use postgres:// or postgresql://',
      'ctx-ops.yml:4: environments.all: `all` is reserved: commands use it to mean every environment (`/ctx status all`); give the environment another name',
      'ctx-ops.yml:5: defaultEnvironment: names no environment `production` (known: prod, staging, all); did you mean `prod`?',
      'ctx-ops.yml:7: schedules[0].environments: names no environment `stage` (known: prod, staging, all)',
      'ctx-ops.yml:9: maintenance[0].environments: names no environment `prd` (known: prod, staging, all); did you mean `prod`?',
      'ctx-ops.yml:9: maintenance[0].checks: names no check `grpah` (known: backend, ui, auth, mcp, postgres, migrations, codesearch, indexing, graph, worker, confluence, telemetry); did you mean `graph`?',
      'ctx-ops.yml:9: maintenance[0].to: must be after `from` (2026-12-01T22:00:00Z → 2026-12-01T21:00:00Z)',
      'ctx-ops.yml:11: permissions.qa: names no environment `qa` (known: prod, staging, all)',
    ]);
  });

  it.each([
    [
      'enviroments:\n  prod: {}\n',
      'ctx-ops.yml:1: enviroments: unknown key (not a ctx-ops setting; did you mean `environments`?)',
    ],
    [
      'checks:\n  grpah: { timeoutMs: 8000 }\n',
      'ctx-ops.yml:2: checks.grpah: unknown key (not a ctx-ops setting; did you mean `graph`?)',
    ],
    [
      'checks:\n  graph: { maxOrg: 5 }\n',
      'ctx-ops.yml:2: checks.graph.maxOrg: unknown key (not a ctx-ops setting; did you mean `maxOrgs`?)',
    ],
    [
      'environments:\n  prod: { envfile: x.env }\n',
      'ctx-ops.yml:2: environments.prod.envfile: unknown key (not a ctx-ops setting; did you mean `envFile`?)',
    ],
    [
      'operations:\n  migrate: { comand: [bun] }\n',
      'ctx-ops.yml:2: operations.migrate.comand: unknown key (not a ctx-ops setting; did you mean `command`?)',
    ],
    [
      'schedules:\n  - { name: a, cron: "0 9 * * *", chanel: C1 }\n',
      'ctx-ops.yml:2: schedules[0].chanel: unknown key (not a ctx-ops setting; did you mean `channel`?)',
    ],
    [
      'watch: { intervalSecs: 30 }\n',
      'ctx-ops.yml:1: watch.intervalSecs: unknown key (not a ctx-ops setting; did you mean `intervalSeconds`?)',
    ],
    ['zzz: 1\n', 'ctx-ops.yml:1: zzz: unknown key (not a ctx-ops setting; check the spelling)'],
  ])('did you mean: %j', (yaml, message) => {
    expect(lines(problemsOf(workdir({ 'ctx-ops.yml': yaml })))).toEqual([message]);
  });

  it('a misspelt section is still cross-checked as the section it resembles (no second pass needed)', () => {
    const cwd = workdir({ 'ctx-ops.yml': 'enviroments:\n  prod: {}\npermissions:\n  prod: {}\n  qa: {}\n' });
    expect(lines(problemsOf(cwd))).toEqual([
      'ctx-ops.yml:1: enviroments: unknown key (not a ctx-ops setting; did you mean `environments`?)',
      'ctx-ops.yml:5: permissions.qa: names no environment `qa` (known: prod)',
    ]);
  });

  it('relative paths resolve against the file that names them', () => {
    const cwd = workdir({
      'conf/ctx-ops.yml': [
        'environments:',
        '  prod: { envFile: ../deploy/prod.env, migrationsDir: migrations/prod }',
        '  staging: { envFile: ../deploy/staging.env }',
        'operations: { backupDir: backups, migrate: { cwd: ../deploy }, pgDumpPath: bin/pg_dump }',
        'runbooks: { dirs: [team-runbooks] }',
      ].join('\n'),
      'conf/team-runbooks/.keep': '',
      'deploy/prod.env': 'DATABASE_URL=postgres://prod/ctx\n',
      'deploy/staging.env': 'DATABASE_URL=postgres://staging/ctx\nCTX_MIGRATIONS_DIR=apps/backend/migrations\n',
      'ops.env': 'CTX_MIGRATIONS_DIR=m\n',
    });
    const config = load(cwd, { CTX_OPS_CONFIG: 'conf/ctx-ops.yml' });
    expect(config.configFile).toBe(join(cwd, 'conf/ctx-ops.yml'));
    expect(config.environments.map((e) => [e.name, e.migrationsDir, e.source])).toEqual([
      ['prod', join(cwd, 'conf/migrations/prod'), './deploy/prod.env'],
      ['staging', join(cwd, 'deploy/apps/backend/migrations'), './deploy/staging.env'],
    ]);
    expect(config.operations.backupDir).toBe(join(cwd, 'conf/backups'));
    expect(config.operations.migrate.cwd).toBe(join(cwd, 'deploy'));
    expect(config.operations.pgDumpPath).toBe(join(cwd, 'conf/bin/pg_dump'));
    expect(config.runbooks.dirs).toEqual([join(cwd, 'conf/team-runbooks')]);
    // Without environments: CTX_OPS_ENV_FILE is named in the process, so it is relative to the working directory,
    // and CTX_MIGRATIONS_DIR inside it is relative to that file.
    const single = load(workdir({ 'x/ops.env': 'CTX_MIGRATIONS_DIR=../m\n' }), {});
    expect(single.environments[0]!.migrationsDir).toBeUndefined();
    const named = workdir({ 'x/ops.env': 'CTX_MIGRATIONS_DIR=../m\n' });
    expect(load(named, { CTX_OPS_ENV_FILE: 'x/ops.env' }).environments[0]!.migrationsDir).toBe(join(named, 'm'));
  });

  it('CTX_OPS_CONFIG pointing at a directory: a clear sentence and exit 2 (real process)', async () => {
    const cwd = workdir({ 'conf/ctx-ops.yml': 'timezone: UTC\n' });
    const r = await runProcess('cli', ['status'], { cwd, env: { ...baseEnv(), CTX_OPS_CONFIG: 'conf' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `ctx-ops: the configuration has 1 problem:\n  - process environment: CTX_OPS_CONFIG: ${join(cwd, 'conf')} is a directory, not a ctx-ops.yml file; did you mean ${join(cwd, 'conf/ctx-ops.yml')}?\n`,
    );
    expect(r.stdout).toBe('');
  });

  it('config --json reports the problems, the files read and the transport, exit 2', async () => {
    const cwd = workdir({ '.env': `SLACK_BOT_TOKEN=${BOT_TOKEN}\n`, 'ctx-ops.yml': 'checks: { timeoutMs: fast }\n' });
    const r = await cli(['config', '--json'], cwd);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({
      ok: false,
      configFile: join(cwd, 'ctx-ops.yml'),
      envFiles: [{ path: join(cwd, '.env'), role: 'dotenv', variables: ['SLACK_BOT_TOKEN'] }],
      transport: { mode: null, sources: { SLACK_BOT_TOKEN: './.env:1' } },
    });
    expect(json.problems.map((p: ConfigProblem) => `${p.source} ${p.key}`)).toEqual([
      'ctx-ops.yml:1 checks.timeoutMs',
      './.env:1 SLACK_BOT_TOKEN',
    ]);
    expect(r.out).not.toContain(BOT_TOKEN);
  });
});
