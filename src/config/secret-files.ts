import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { ConfigProblem } from './problems.js';

/**
 * Docker and Kubernetes secrets arrive as files (`/run/secrets/slack_bot_token`): for each
 * secret the bot reads, `<NAME>_FILE` in the process environment names a file whose content
 * (surrounding whitespace trimmed) is the value, as the official images of Postgres and
 * others do. Setting both `<NAME>` and `<NAME>_FILE` is a problem: which one wins would be a
 * guess. Only the process environment is read this way (the `.env` files hold values).
 */
export const SECRET_FILE_NAMES = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'CTX_OPS_DATABASE_URL'];
export const SECRET_FILE_VARIABLES: readonly string[] = SECRET_FILE_NAMES.map((n) => `${n}_FILE`);

/** Fills `vars[NAME]` from `vars[NAME_FILE]`; problems are reported by name and path, never by value. */
export function readSecretFiles(vars: Record<string, string>, cwd: string, problems: ConfigProblem[]): void {
  for (const name of SECRET_FILE_NAMES) {
    const key = `${name}_FILE`;
    const raw = vars[key]?.trim();
    if (!raw) continue;
    const named = { source: 'process environment', key };
    if (vars[name]?.trim()) {
      problems.push({ ...named, message: `is set and so is ${name}; set only one of them` });
      continue;
    }
    const path = isAbsolute(raw) ? raw : resolve(cwd, raw);
    try {
      if (!statSync(path).isFile()) {
        problems.push({ ...named, message: `${path} is not a file` });
        continue;
      }
      const value = readFileSync(path, 'utf8').trim();
      if (!value) {
        problems.push({ ...named, message: `${path} is empty` });
        continue;
      }
      vars[name] = value;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({
        ...named,
        message: code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path} (${code ?? 'error'})`,
      });
    }
  }
}
