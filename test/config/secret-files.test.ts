import { describe, expect, it } from 'vitest';
import type { ConfigProblem } from '../../src/config/problems.js';
import { ConfigError } from '../../src/config/load.js';
import { buildConfig } from '../support/harness.js';

const BOT = 'xoxb-test-from-a-docker-secret-1234';
const APP = 'xapp-test-from-a-docker-secret-5678';

function problems(fx: Parameters<typeof buildConfig>[0]): ConfigProblem[] {
  try {
    buildConfig(fx).cleanup();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('secrets from files (Docker and Kubernetes secrets)', () => {
  it('reads SLACK_BOT_TOKEN_FILE and SLACK_APP_TOKEN_FILE: Socket Mode, the tokens masked like any secret', () => {
    const { config, cleanup } = buildConfig({
      env: { SLACK_BOT_TOKEN_FILE: 'secrets/bot', SLACK_APP_TOKEN_FILE: 'secrets/app' },
      files: { 'secrets/bot': `${BOT}\n`, 'secrets/app': `  ${APP}\r\n` },
    });
    cleanup();
    expect(config.slack.mode).toBe('socket');
    expect(config.slack.botToken).toBe(BOT);
    expect(config.slack.appToken).toBe(APP);
    expect(config.secrets).toEqual(expect.arrayContaining([BOT, APP]));
  });

  it('reads the store URL from CTX_OPS_DATABASE_URL_FILE', () => {
    const url = 'postgres://ctx_ops:file-pw-9876@db:5432/ctx';
    const { config, cleanup } = buildConfig({
      env: { CTX_OPS_DATABASE_URL_FILE: 'db-url' },
      files: { 'db-url': url },
    });
    cleanup();
    expect(config.store.databaseUrl).toBe(url);
    expect(config.secrets).toContain('file-pw-9876');
  });

  it.each([
    [{ SLACK_BOT_TOKEN_FILE: 'missing' }, {}, /SLACK_BOT_TOKEN_FILE: file not found: .*missing/],
    [{ SLACK_BOT_TOKEN_FILE: 'empty' }, { empty: '\n' }, /SLACK_BOT_TOKEN_FILE: .*empty is empty/],
    [{ SLACK_BOT_TOKEN_FILE: 'dir' }, { 'dir/x': 'x' }, /SLACK_BOT_TOKEN_FILE: .*dir is not a file/],
    [{ SLACK_BOT_TOKEN_FILE: 'bot', SLACK_BOT_TOKEN: BOT }, { bot: BOT }, /is set and so is SLACK_BOT_TOKEN/],
  ])('names the variable and the path when the file cannot be used (%j)', (env, files, message) => {
    const found = problems({ env, files });
    const lines = found.map((p) => `${p.key}: ${p.message}`);
    expect(lines.join('\n')).toMatch(message);
    expect(lines.join('\n')).not.toContain(BOT);
  });

  it('a malformed token from a file is refused like one from the environment', () => {
    const found = problems({ env: { SLACK_BOT_TOKEN_FILE: 'bot' }, files: { bot: 'not-a-token' } });
    expect(found.map((p) => `${p.key}: ${p.message}`).join('\n')).toMatch(/SLACK_BOT_TOKEN: must be a bot token/);
  });
});

describe('shutdown timeout', () => {
  it('is 10 s unless ctx-ops.yml or CTX_OPS_SHUTDOWN_TIMEOUT_SECONDS says otherwise (the variable wins)', () => {
    const plain = buildConfig({});
    plain.cleanup();
    expect(plain.config.shutdown.timeoutSeconds).toBe(10);
    const yaml = buildConfig({ yaml: 'shutdown: { timeoutSeconds: 25 }\n' });
    yaml.cleanup();
    expect(yaml.config.shutdown.timeoutSeconds).toBe(25);
    const env = buildConfig({
      yaml: 'shutdown: { timeoutSeconds: 25 }\n',
      env: { CTX_OPS_SHUTDOWN_TIMEOUT_SECONDS: '4' },
    });
    env.cleanup();
    expect(env.config.shutdown.timeoutSeconds).toBe(4);
  });

  it('refuses a timeout of zero', () => {
    expect(problems({ yaml: 'shutdown: { timeoutSeconds: 0 }\n' }).map((p) => p.key)).toContain(
      'shutdown.timeoutSeconds',
    );
  });
});

describe('backup directory', () => {
  it('CTX_OPS_BACKUP_DIR wins over operations.backupDir (the image points it at its volume)', () => {
    const yaml = buildConfig({ yaml: 'operations: { backupDir: ./dumps }\n' });
    yaml.cleanup();
    expect(yaml.config.operations.backupDir).toBe(`${yaml.dir}/dumps`);
    const env = buildConfig({
      yaml: 'operations: { backupDir: ./dumps }\n',
      env: { CTX_OPS_BACKUP_DIR: '/var/lib/ctx-ops/backups' },
    });
    env.cleanup();
    expect(env.config.operations.backupDir).toBe('/var/lib/ctx-ops/backups');
  });
});
