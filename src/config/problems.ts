import type { z } from 'zod';
import { closest } from '../util/tokenize.js';

/** One thing wrong with the configuration, named by where it came from and which key. */
export interface ConfigProblem {
  source: string; // 'environment', a file path, or 'ctx-ops.yml:12'
  key: string;
  message: string;
}

export const formatProblem = (p: ConfigProblem) => `${p.source}: ${p.key ? `${p.key}: ` : ''}${p.message}`;

/** The problems, then (they may explain a problem, e.g. a skipped `.env` line) the warnings. */
export function formatProblems(problems: ConfigProblem[], warnings: readonly ConfigProblem[] = []): string {
  const lines = problems.map((p) => `  - ${formatProblem(p)}`);
  return [
    `ctx-ops: the configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`,
    ...lines,
    ...(warnings.length ? ['and these warnings:', ...warnings.map((w) => `  - ${formatProblem(w)}`)] : []),
  ].join('\n');
}

export function pathToKey(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Zod issues as problems; unknown keys are listed one by one so each can be fixed. */
export function zodProblems(
  error: z.core.$ZodError,
  source: string,
  locate: (path: PropertyKey[]) => string = () => source,
  suggestions: ReadonlyMap<string, string> = new Map(),
): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  for (const issue of error.issues) {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const name = pathToKey([...path, key]);
        const guess = suggestions.get(name);
        out.push({
          source: locate([...path, key]),
          key: name,
          message: `unknown key (not a ctx-ops setting; ${guess ? `did you mean \`${guess}\`?` : 'check the spelling'})`,
        });
      }
      continue;
    }
    out.push({ source: locate(path), key: pathToKey(path), message: humanMessage(issue) });
  }
  return out;
}

/**
 * "Did you mean" for every unknown key, at any depth: the keys the schema accepts where
 * the unknown one stands (`enviroments` → `environments`, `checks.grpah` → `graph`).
 */
export function keySuggestions(error: z.core.$ZodError, schema: z.ZodType): Map<string, string> {
  const out = new Map<string, string>();
  for (const issue of error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = objectKeysAt(schema, issue.path as PropertyKey[]);
    if (!known.length) continue;
    for (const key of issue.keys) {
      const guess = closest(key, known) ?? known.find((k) => k.toLowerCase() === key.toLowerCase());
      if (guess) out.set(pathToKey([...issue.path, key]), guess);
    }
  }
  return out;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The keys an object schema accepts at `path` (through defaults, pipes, arrays and records). */
export function objectKeysAt(schema: z.ZodType, path: PropertyKey[]): string[] {
  let nodes: z.ZodType[] = [schema];
  for (const step of [...path, null]) {
    // Unwrap wrappers until objects, arrays and records are reached.
    const reached: z.ZodType[] = [];
    const seen = new Set<z.ZodType>();
    const stack = [...nodes];
    while (stack.length) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      const d = defOf(s);
      if (d.innerType) stack.push(d.innerType);
      else if (d.type === 'pipe') stack.push(...[d.in, d.out].filter((x): x is z.ZodType => Boolean(x)));
      else if (d.type === 'union' && d.options) stack.push(...d.options);
      else if (d.type === 'lazy' && d.getter) stack.push(d.getter());
      else reached.push(s);
    }
    if (step === null) return reached.flatMap((s) => Object.keys(defOf(s).shape ?? {}));
    const next: z.ZodType[] = [];
    for (const s of reached) {
      const d = defOf(s);
      if (d.type === 'object' && typeof step === 'string' && d.shape?.[step]) next.push(d.shape[step]);
      else if (d.type === 'array' && typeof step === 'number' && d.element) next.push(d.element);
      else if (d.type === 'record' && d.valueType) next.push(d.valueType);
    }
    nodes = next;
    if (!nodes.length) return [];
  }
  return [];
}

function humanMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) return 'is required';
  return issue.message;
}

/**
 * Options for a schema that parses once per process (configuration, runbooks, signals): zod
 * would otherwise compile a specialised parser for each object schema with `new Function`,
 * which pays off only over many parses and cost a one-shot command ~20 ms.
 */
export const PARSE_ONCE = { jitless: true } as const;
