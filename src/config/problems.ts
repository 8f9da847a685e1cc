import type { z } from 'zod';

/** One thing wrong with the configuration, named by where it came from and which key. */
export interface ConfigProblem {
  source: string; // 'environment', a file path, or 'ctx-ops.yml:12'
  key: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'})`);
    this.name = 'ConfigError';
  }
}

export function formatProblems(problems: ConfigProblem[]): string {
  const lines = problems.map((p) => `  - ${p.source}: ${p.key ? `${p.key}: ` : ''}${p.message}`);
  return [`ctx-ops: the configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`, ...lines].join('\n');
}

export function pathToKey(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/** Zod issues as problems; unknown keys are listed one by one so each can be fixed. */
export function zodProblems(
  error: z.core.$ZodError,
  source: string,
  locate: (path: PropertyKey[]) => string = () => source,
): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  for (const issue of error.issues) {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ source: locate([...path, key]), key: pathToKey([...path, key]), message: 'unknown key (not a ctx-ops setting; check the spelling)' });
      }
      continue;
    }
    out.push({ source: locate(path), key: pathToKey(path), message: humanMessage(issue) });
  }
  return out;
}

function humanMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) return 'is required';
  return issue.message;
}
