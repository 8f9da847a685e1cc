import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { ConfigProblem } from './problems.js';
import { prebuiltYamlValue } from './prebuilt-yaml.js';

/** The options every ctx-ops YAML file is read with; scripts/dist.mjs uses the same. */
const YAML_OPTIONS = (lineCounter: LineCounter) => ({ lineCounter, prettyErrors: true, uniqueKeys: true });

/** A parsed YAML document that can say on which line a key stands, for error messages. */
export interface YamlSource {
  value: unknown;
  problems: ConfigProblem[];
  locate(path: PropertyKey[]): string;
}

/**
 * Parses a YAML file. A shipped file the build already parsed (prebuilt-yaml.ts) is taken
 * from there; its document is then parsed only if a caller asks where a key stands, which
 * happens only when reporting a problem.
 */
export function readYaml(text: string, fileLabel: string): YamlSource {
  const prebuilt = prebuiltYamlValue(text);
  if (prebuilt !== undefined) {
    let parsed: YamlSource | undefined;
    return { value: prebuilt, problems: [], locate: (path) => (parsed ??= parseYaml(text, fileLabel)).locate(path) };
  }
  return parseYaml(text, fileLabel);
}

function parseYaml(text: string, fileLabel: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, YAML_OPTIONS(lineCounter));
  const problems: ConfigProblem[] = doc.errors.map((e) => ({
    source: e.linePos ? `${fileLabel}:${e.linePos[0].line}` : fileLabel,
    key: '',
    message: e.message.split('\n')[0] ?? e.message,
  }));
  const locate = (path: PropertyKey[]): string => {
    // Walk up until a node exists: a missing key is reported where its parent stands.
    // A key's own line wins over its value's (a block value starts on the next line).
    for (let n = path.length; n >= 0; n--) {
      const pair = n > 0 ? findKeyLine(doc, path.slice(0, n), lineCounter) : undefined;
      if (pair) return `${fileLabel}:${pair}`;
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return `${fileLabel}:${lineCounter.linePos(node.range[0]).line}`;
    }
    return fileLabel;
  };
  return { value: problems.length ? undefined : (doc.toJS() ?? {}), problems, locate };
}

function findKeyLine(doc: Document, path: PropertyKey[], lc: LineCounter): number | undefined {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : doc.contents;
  const items = (parent as { items?: Array<{ key?: unknown }> } | null)?.items;
  const last = path[path.length - 1];
  const pair = items?.find((it) => isNode(it.key) && (it.key as { value?: unknown }).value === last);
  const key = pair?.key;
  if (isNode(key) && key.range) return lc.linePos(key.range[0]).line;
  return undefined;
}
