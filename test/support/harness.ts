import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createBotApp, type BotApp, type BotAppOptions } from '../../src/app/app.js';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { allChecks } from '../../src/diagnostics/registry.js';
import type { Check } from '../../src/diagnostics/types.js';
import { createLogger } from '../../src/log/logger.js';
import { createRedactor, type Redactor } from '../../src/log/redactor.js';

export interface ConfigFixture {
  /** Process-environment variables (the bot's and, without environments:, ctx|'s). */
  env?: Record<string, string | undefined>;
  /** ctx-ops.yml contents. */
  yaml?: string;
  /** Extra files relative to the temp dir (env files, migrations). */
  files?: Record<string, string>;
  checks?: readonly Check[];
}

/** A temp dir holding ctx-ops.yml and any files, and the config loadConfig reads from it. */
export function buildConfig(fx: ConfigFixture = {}): { config: Config; dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ctx-ops-cfg-'));
  if (fx.yaml !== undefined) writeFileSync(join(dir, 'ctx-ops.yml'), fx.yaml);
  for (const [rel, content] of Object.entries(fx.files ?? {})) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  const config = loadConfig({ env: fx.env ?? {}, cwd: dir, checks: fx.checks ?? allChecks });
  return { config, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Harness {
  config: Config;
  bot: BotApp;
  redactor: Redactor;
  /** Every log line the bot wrote (JSON strings). */
  logs: string[];
  dir: string;
  close(): Promise<void>;
}

/** The real bot, built from a real config, with its logs captured for assertions. */
export function buildBot(fx: ConfigFixture & { app?: Partial<BotAppOptions>; logLevel?: string } = {}): Harness {
  const { config, dir, cleanup } = buildConfig(fx);
  const logs: string[] = [];
  const redactor = createRedactor(config.secrets);
  const log = createLogger({
    level: fx.logLevel ?? 'debug',
    redactor,
    destination: { write: (s: string) => void logs.push(s) },
  });
  const bot = createBotApp(config, { log, redactor, store: null, checks: fx.checks, ...fx.app });
  return {
    config,
    bot,
    redactor,
    logs,
    dir,
    async close() {
      await bot.close();
      cleanup();
    },
  };
}
