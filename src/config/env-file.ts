import { parseEnv } from 'node:util';

/** Reads a dotenv-style file (the deployment's `.env`); returns its variables or the reason it could not. */
export function parseEnvFile(content: string): Record<string, string> {
  // node:util parseEnv follows dotenv's rules (quotes, comments, `export` is not supported by it).
  const withoutExport = content.replace(/^\s*export\s+/gm, '');
  return parseEnv(withoutExport) as Record<string, string>;
}
