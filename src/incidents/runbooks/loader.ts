import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { PARSE_ONCE, pathToKey, zodProblems, type ConfigProblem } from '../../config/problems.js';
import { readYaml } from '../../config/yaml-source.js';
import { crossCheck, runbookFileSchema, type RunbookFile } from './schema.js';
import type { ValidateContext } from './steps/types.js';
import { packagePath } from '../../util/package-root.js';

/** runbooks/ at the package root: the same path from src/ (tsx) and the bundled dist/ (node). */
export const SHIPPED_DIR = packagePath('runbooks');

export interface Runbook extends RunbookFile {
  /** Where it was read from, as shown in messages (`runbooks/sign-in-fails.yml`). */
  file: string;
  shipped: boolean;
  /**
   * Checks a shipped step names that this build does not run: the step is done by hand.
   * (In a team's own runbook an unknown check is a configuration error instead.)
   */
  unavailable: string[];
}

export interface LoadOptions extends ValidateContext {
  /** The team's folders, as written in ctx-ops.yml, resolved against baseDir. */
  dirs: readonly string[];
  baseDir: string;
  shippedDir?: string;
  /** Shipped runbook ids to leave out (`runbooks.disable`). */
  disable?: readonly string[];
}

export interface LoadResult {
  runbooks: Runbook[];
  problems: ConfigProblem[];
  /** Shipped runbooks that name checks or actions this build lacks (logged, not fatal). */
  warnings: string[];
}

const YAML_FILE = /\.ya?ml$/i;

/**
 * Reads and validates every runbook: the shipped ones, then each configured folder. Every
 * problem is collected with its file and line, so a person can fix them all at once.
 */
export function loadRunbooks(opts: LoadOptions): LoadResult {
  const problems: ConfigProblem[] = [];
  const warnings: string[] = [];
  const runbooks: Runbook[] = [];
  const seen = new Map<string, { file: string; line: () => string }>();
  const shippedDir = opts.shippedDir ?? SHIPPED_DIR;
  const disabled = new Set(opts.disable ?? []);
  const shippedIds = new Set<string>();

  const readFolder = (dir: string, label: (file: string) => string, shipped: boolean) => {
    for (const name of readdirSync(dir)
      .filter((f) => YAML_FILE.test(f))
      .sort()) {
      const path = join(dir, name);
      if (!statSync(path).isFile()) continue;
      const rb = readRunbookFile(readFileSync(path, 'utf8'), label(name), shipped, opts, problems, warnings);
      if (!rb) continue;
      if (shipped) shippedIds.add(rb.runbook.id);
      if (shipped && disabled.has(rb.runbook.id)) continue;
      const first = seen.get(rb.runbook.id);
      if (first) {
        problems.push({
          source: rb.idLine(),
          key: 'id',
          message: `duplicate runbook id "${rb.runbook.id}" (already defined in ${first.line()})`,
        });
        continue;
      }
      seen.set(rb.runbook.id, { file: rb.runbook.file, line: rb.idLine });
      runbooks.push(rb.runbook);
    }
  };

  if (existsSync(shippedDir)) readFolder(shippedDir, (f) => `runbooks/${f}`, true);
  (opts.disable ?? []).forEach((id, i) => {
    if (!shippedIds.has(id)) {
      problems.push({
        source: 'ctx-ops.yml',
        key: `runbooks.disable[${i}]`,
        message: `names no shipped runbook "${id}"`,
      });
    }
  });

  opts.dirs.forEach((dir, i) => {
    const abs = resolve(opts.baseDir, dir);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) {
      problems.push({ source: 'ctx-ops.yml', key: `runbooks.dirs[${i}]`, message: `folder not found: ${abs}` });
      return;
    }
    readFolder(abs, (f) => relativeLabel(opts.baseDir, join(abs, f), dir, f), false);
  });
  return { runbooks, problems, warnings };
}

function relativeLabel(baseDir: string, abs: string, dir: string, file: string): string {
  const rel = relative(baseDir, abs);
  return rel.startsWith('..') ? join(dir, file) : rel;
}

/** One file: YAML syntax, then the schema, then references to checks and actions. */
export function readRunbookFile(
  text: string,
  label: string,
  shipped: boolean,
  ctx: ValidateContext,
  problems: ConfigProblem[],
  warnings: string[],
): { runbook: Runbook; idLine: () => string } | null {
  const src = readYaml(text, label);
  if (src.problems.length) {
    problems.push(...src.problems);
    return null;
  }
  const parsed = runbookFileSchema.safeParse(src.value ?? {}, PARSE_ONCE);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, label, src.locate));
    return null;
  }
  const rb = parsed.data;
  const unavailable = new Set<string>();
  const steps = rb.steps.map((s) => ({ ...s }));
  let broken = false;
  for (const p of crossCheck(rb, ctx)) {
    if (shipped && p.missing) {
      // A shipped runbook naming something this build lacks is our bug, caught by the tests;
      // the operator cannot fix it, so the bot still starts and the step is done by hand.
      warnings.push(`${src.locate(p.path)}: ${pathToKey(p.path)}: ${p.message}; done by hand instead`);
      const step = p.path[0] === 'steps' ? steps[p.path[1] as number] : undefined;
      if (step?.check && p.path[2] === 'check') unavailable.add(step.check.id);
      if (step && p.path[2] === 'action') delete step.action;
      continue;
    }
    broken = true;
    problems.push({ source: src.locate(p.path), key: pathToKey(p.path), message: p.message });
  }
  if (broken) return null;
  const when = shipped ? rb.when.filter((w) => ctx.checkIds.has(w.check)) : rb.when;
  return {
    runbook: { ...rb, when, steps, file: label, shipped, unavailable: [...unavailable] },
    // Only a duplicate id needs the line, and finding it parses the document (see readYaml).
    idLine: () => src.locate(['id']),
  };
}
