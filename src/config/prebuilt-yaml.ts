import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { packagePath } from '../util/package-root.js';

/**
 * The shipped YAML files (runbooks/, signals/) parsed at build time: `npm run build` writes
 * dist/shipped-yaml.json, mapping each error-free file's SHA-256 to its value as JSON. A
 * cold YAML parser costs a one-shot command ~40 ms for 27 kB of runbooks and signals;
 * JSON.parse costs well under one. Keyed by content, not by path, so an edited, moved or
 * team-written file simply misses and is parsed as before: the map can be stale without
 * being wrong.
 */
export const PREBUILT_YAML_FILE = packagePath('dist', 'shipped-yaml.json');

let table: Map<string, string> | undefined;

function load(): Map<string, string> {
  if (table) return table;
  table = new Map();
  try {
    const raw = JSON.parse(readFileSync(PREBUILT_YAML_FILE, 'utf8')) as { files?: Record<string, string> };
    for (const [hash, json] of Object.entries(raw.files ?? {})) if (typeof json === 'string') table.set(hash, json);
  } catch {
    // No build (tests from src/ on a fresh checkout) or an unreadable file: parse everything.
  }
  return table;
}

export function yamlHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A fresh copy of the value the build parsed from exactly this text, or undefined. */
export function prebuiltYamlValue(text: string): unknown {
  const json = load().get(yamlHash(text));
  return json === undefined ? undefined : JSON.parse(json);
}
