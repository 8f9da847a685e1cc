import { describe, expect, it } from 'vitest';
import type { ConfigProblem } from '../../src/config/problems.js';
import { ConfigError } from '../../src/config/load.js';
import { buildConfig } from '../support/harness.js';

function problems(fx: Parameters<typeof buildConfig>[0]): ConfigProblem[] {
  try {
    buildConfig(fx).cleanup();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('configuration', () => {
  it("reads ctx| variables under their own names, with ctx|'s defaults and empty strings as unset", () => {
    const { config, cleanup } = buildConfig({
      env: { DATABASE_URL: 'postgres://u:p@db:5432/ctx', AUTH_SECRET: '', GRAPH_DB_PROVIDER: 'neo4j-enterprise' },
    });
    cleanup();
    const [env] = config.environments;
    expect(config.environments.map((e) => e.name)).toEqual(['default']);
    expect(env!.ctx.DATABASE_URL).toBe('postgres://u:p@db:5432/ctx');
    expect(env!.ctx.AUTH_SECRET).toBeUndefined();
    expect(env!.ctx.AUTH_BASE_URL).toBe('http://localhost:3000');
    expect(env!.ctx.AUTH_TOKEN_AUDIENCE_CODESEARCH).toBe('codesearch');
    expect(env!.ctx.GRAPH_DB_PROVIDER).toBe('neo4j-enterprise');
    expect(config.slack.mode).toBe('shell');
    expect(config.checks.timeoutMs).toBe(5000);
    expect(config.checks.cacheMs).toBe(10000);
  });

  it('reads the deployment .env from CTX_OPS_ENV_FILE; the process environment wins', () => {
    const { config, cleanup } = buildConfig({
      env: { CTX_OPS_ENV_FILE: 'deploy.env', AUTH_BASE_URL: 'https://ctx.example.com' },
      files: {
        'deploy.env':
          '# ctx| .env\nDATABASE_URL=postgres://ctx:pw-1234@127.0.0.1:5433/ctx\nAUTH_BASE_URL=http://wrong\nAUTH_SECRET="a secret with spaces"\n',
      },
    });
    cleanup();
    const env = config.environments[0]!;
    expect(env.ctx.DATABASE_URL).toBe('postgres://ctx:pw-1234@127.0.0.1:5433/ctx');
    expect(env.ctx.AUTH_BASE_URL).toBe('https://ctx.example.com');
    expect(env.ctx.AUTH_SECRET).toBe('a secret with spaces');
    expect(config.secrets).toEqual(expect.arrayContaining(['a secret with spaces', 'pw-1234']));
  });

  it('treats each secret of BETTER_AUTH_SECRETS as a secret of its own', () => {
    const { config, cleanup } = buildConfig({
      env: { BETTER_AUTH_SECRETS: '2:versioned-secret-two-abcdef, 1:versioned-secret-one-abcdef' },
    });
    cleanup();
    expect(config.secrets).toEqual(
      expect.arrayContaining(['versioned-secret-two-abcdef', 'versioned-secret-one-abcdef']),
    );
  });

  it('serves several named environments from ctx-ops.yml, each with its own env file', () => {
    const { config, cleanup } = buildConfig({
      env: { DATABASE_URL: 'postgres://host-db/ignored' },
      yaml: `
timezone: Europe/Berlin
defaultEnvironment: prod
environments:
  prod:
    envFile: prod.env
    production: true
    publicUrl: https://ctx.example.com
  staging:
    envFile: staging.env
    env: { AUTH_BASE_URL: "https://staging.example.com" }
checks:
  timeoutMs: 4000
  postgres: { longQueryMinutes: 10, timeoutMs: 8000 }
`,
      files: {
        'prod.env': 'DATABASE_URL=postgres://prod-db/ctx\nAUTH_BASE_URL=https://ctx.example.com\n',
        'staging.env': 'DATABASE_URL=postgres://staging-db/ctx\n',
      },
    });
    cleanup();
    expect(config.environments.map((e) => [e.name, e.production, e.ctx.DATABASE_URL, e.publicUrl])).toEqual([
      ['prod', true, 'postgres://prod-db/ctx', 'https://ctx.example.com'],
      ['staging', false, 'postgres://staging-db/ctx', 'https://staging.example.com'],
    ]);
    expect(config.defaultEnvironment).toBe('prod');
    expect(config.timezone).toBe('Europe/Berlin');
    expect(config.checks.timeoutMs).toBe(4000);
    expect(config.checks.postgres).toMatchObject({ longQueryMinutes: 10, timeoutMs: 8000, enabled: true });
  });

  it('lists every problem at once, with file, line and key, and reports unknown keys', () => {
    const found = problems({
      env: { SLACK_BOT_TOKEN: 'not-a-token', PORT: 'eighty', DATABASE_URL: 'mysql://x' },
      yaml: `
timezone: Mars/Olympus
checks:
  timeoutMs: fast
  postgres:
    longQueryMinuts: 3
channels:
  digest: C1
  alert: C2
environments:
  prod: { envFile: missing.env }
`,
    });
    const text = found.map((p) => `${p.source} ${p.key}: ${p.message}`);
    expect(text).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^process environment SLACK_BOT_TOKEN: must be a bot token/),
        expect.stringMatching(/^process environment PORT: /),
        expect.stringMatching(/^ctx-ops.yml:2 timezone: is not an IANA time zone/),
        expect.stringMatching(/^ctx-ops.yml:4 checks.timeoutMs: /),
        expect.stringMatching(/^ctx-ops.yml:6 checks.postgres.longQueryMinuts: unknown key/),
        expect.stringMatching(/^ctx-ops.yml:9 channels.alert: unknown key/),
      ]),
    );
    expect(found.length).toBeGreaterThanOrEqual(6);
  });

  it('reports a malformed URL in a ctx| variable with the environment it belongs to', () => {
    const found = problems({
      yaml: 'environments:\n  prod:\n    env: { DATABASE_URL: "mysql://x", CODESEARCH_URL: "not a url" }\n',
    });
    expect(found.map((p) => `${p.key}: ${p.message}`)).toEqual(
      expect.arrayContaining([
        'environments.prod.DATABASE_URL: must use postgres:// or postgresql://',
        'environments.prod.CODESEARCH_URL: is not a valid URL',
      ]),
    );
  });

  it('reports a missing env file and a missing CTX_OPS_CONFIG file', () => {
    expect(problems({ env: { CTX_OPS_ENV_FILE: 'nope.env' } })[0]).toMatchObject({
      key: 'CTX_OPS_ENV_FILE',
      message: expect.stringMatching(/file not found/),
    });
    expect(problems({ env: { CTX_OPS_CONFIG: 'other.yml' } })[0]).toMatchObject({
      key: 'CTX_OPS_CONFIG',
      message: expect.stringMatching(/file not found/),
    });
  });

  it('reports YAML syntax errors with their line', () => {
    const found = problems({ yaml: 'checks:\n  timeoutMs: 5\n bad indent: [\n' });
    expect(found[0]!.source).toMatch(/^ctx-ops.yml:\d+$/);
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test' }, 'socket'],
    [{ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'shh' }, 'http'],
    [
      { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_SIGNING_SECRET: 's', CTX_OPS_MODE: 'http' },
      'http',
    ],
    [{}, 'shell'],
  ])('picks the transport from the tokens given: %j → %s', (env, mode) => {
    const { config, cleanup } = buildConfig({ env });
    cleanup();
    expect(config.slack.mode).toBe(mode);
  });

  it('refuses a bot token without a way to receive events', () => {
    expect(problems({ env: { SLACK_BOT_TOKEN: 'xoxb-test' } })[0]!.message).toMatch(/neither SLACK_APP_TOKEN/);
    expect(problems({ env: { CTX_OPS_MODE: 'socket', SLACK_BOT_TOKEN: 'xoxb-test' } })[0]).toMatchObject({
      key: 'SLACK_APP_TOKEN',
    });
  });

  it('checks references between sections', () => {
    const found = problems({
      yaml: `
environments:
  prod: { env: { AUTH_BASE_URL: "https://x.example.com" } }
defaultEnvironment: production
maintenance:
  - { environments: [stage], checks: [graphs], from: "2026-12-01T22:00:00Z", to: "2026-12-01T21:00:00Z" }
`,
    });
    const keys = found.map((p) => `${p.key}: ${p.message}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^defaultEnvironment: names no environment/),
        expect.stringMatching(/^maintenance\[0\]\.environments: names no environment `stage` \(known: prod\)/),
        expect.stringMatching(/^maintenance\[0\]\.to: must be after/),
      ]),
    );
  });
});
