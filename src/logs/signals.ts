import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Config } from '../config/types.js';
import * as z from 'zod';
import { type ConfigProblem, PARSE_ONCE, zodProblems } from '../config/problems.js';
import { readYaml } from '../config/yaml-source.js';
import { packagePath } from '../util/package-root.js';
import { LEVELS, type LogEntry, type LogLevel, levelRank } from './entry.js';

/**
 * Signals: what is worth looking for in a component's logs (the ctx| operations guide's Logs
 * table), as data. The shipped `signals/logs.yml` holds them; a team's file
 * (`logs.signalsFile`) adds signals or replaces one of the same component and name.
 *
 * A signal matches a line when any of its matchers does; a matcher matches when all its
 * fields do. Patterns are regular expressions, case-insensitive.
 */
const pattern = z
  .string()
  .min(1)
  .max(300)
  .refine(
    (p) => {
      try {
        new RegExp(p, 'i');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'is not a valid regular expression' },
  );

const statusSpec = z.union([
  z.number().int().min(100).max(599),
  z.string().regex(/^[1-5]xx$/, 'is a status (503) or a class (5xx)'),
]);

const matcherSchema = z
  .object({
    /** The message, error name/message/cause and the line itself. */
    message: pattern.optional(),
    /** HTTP path of a wide event. */
    path: pattern.optional(),
    status: z
      .preprocess((v) => (Array.isArray(v) ? v : v === undefined ? v : [v]), z.array(statusSpec).min(1))
      .optional(),
    /** The line's level or above. */
    level: z.enum(LEVELS).optional(),
    /** evlog step or workflow. */
    step: pattern.optional(),
    /** Only lines that are one attempt of a retried step (`attempt` field). */
    retry: z.boolean().optional(),
  })
  .strict()
  .refine((m) => Object.keys(m).length > 0, { message: 'a matcher needs at least one field' });

const signalSchema = z
  .object({
    title: z.string().trim().min(1).max(80),
    /** What the guide says it means, shown in help and the README. */
    about: z.string().trim().min(1).max(300).optional(),
    any: z.array(matcherSchema).min(1).max(20),
  })
  .strict();

const nameSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'names are lower-case letters, digits and -');

export const signalsFileSchema = z.record(nameSchema, z.record(nameSchema, signalSchema));

export type Matcher = z.infer<typeof matcherSchema>;

export interface Signal {
  component: string;
  name: string;
  title: string;
  about?: string;
  test(entry: LogEntry): boolean;
  /** Where it was defined (`signals/logs.yml:12`). */
  source: string;
}

export type SignalCatalog = ReadonlyMap<string, ReadonlyMap<string, Signal>>;

/** signals/logs.yml at the package root: the same path from src/ (tsx) and the bundled dist/ (node). */
export const SHIPPED_SIGNALS = packagePath('signals', 'logs.yml');

export function compileMatcher(m: Matcher): (e: LogEntry) => boolean {
  const message = m.message ? new RegExp(m.message, 'i') : undefined;
  const path = m.path ? new RegExp(m.path, 'i') : undefined;
  const step = m.step ? new RegExp(m.step, 'i') : undefined;
  const statuses = m.status;
  const min = m.level ? levelRank(m.level) : undefined;
  return (e) => {
    if (min !== undefined && levelRank(e.level) < min) return false;
    if (m.retry !== undefined && (e.attempt !== undefined) !== m.retry) return false;
    if (path && !(e.http?.path && path.test(e.http.path))) return false;
    if (step && !(e.step && step.test(e.step))) return false;
    if (statuses) {
      const s = e.http?.status;
      if (s === undefined || !statuses.some((spec) => statusMatches(spec, s))) return false;
    }
    if (message) {
      const texts = [e.message, e.error?.name, e.error?.message, e.error?.cause, e.raw.slice(0, 4000)];
      if (!texts.some((t) => t !== undefined && message.test(t))) return false;
    }
    return true;
  };
}

function statusMatches(spec: number | string, status: number): boolean {
  return typeof spec === 'number' ? spec === status : Math.floor(status / 100) === Number(spec[0]);
}

/** Reads one signals file; problems carry file and line. */
export function readSignalsFile(
  text: string,
  label: string,
  problems: ConfigProblem[],
): Map<string, Map<string, Signal>> | null {
  const src = readYaml(text, label);
  if (src.problems.length) {
    problems.push(...src.problems);
    return null;
  }
  const parsed = signalsFileSchema.safeParse(src.value ?? {}, PARSE_ONCE);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, label, src.locate));
    return null;
  }
  const out = new Map<string, Map<string, Signal>>();
  for (const [component, signals] of Object.entries(parsed.data)) {
    const byName = new Map<string, Signal>();
    for (const [name, s] of Object.entries(signals)) {
      const tests = s.any.map(compileMatcher);
      byName.set(name, {
        component,
        name,
        title: s.title,
        about: s.about,
        test: (e) => tests.some((t) => t(e)),
        // A getter: finding a line parses the document, which a shipped file read from the
        // build's prebuilt values (config/prebuilt-yaml.ts) otherwise never needs.
        get source() {
          return src.locate([component, name]);
        },
      });
    }
    out.set(component, byName);
  }
  return out;
}

/** The shipped signals, then the team's file over them (same component and name: replaced). */
export function loadSignals(opts: { userFile?: string; shippedFile?: string }): {
  catalog: SignalCatalog;
  problems: ConfigProblem[];
} {
  const problems: ConfigProblem[] = [];
  const shippedPath = opts.shippedFile ?? SHIPPED_SIGNALS;
  const catalog = new Map<string, Map<string, Signal>>();
  const merge = (m: Map<string, Map<string, Signal>> | null) => {
    for (const [component, signals] of m ?? []) {
      const into = catalog.get(component) ?? new Map<string, Signal>();
      for (const [name, s] of signals) into.set(name, s);
      catalog.set(component, into);
    }
  };
  if (existsSync(shippedPath)) merge(readSignalsFile(readFileSync(shippedPath, 'utf8'), 'signals/logs.yml', problems));
  if (opts.userFile) {
    if (!existsSync(opts.userFile))
      problems.push({ source: 'ctx-ops.yml', key: 'logs.signalsFile', message: `file not found: ${opts.userFile}` });
    else merge(readSignalsFile(readFileSync(opts.userFile, 'utf8'), opts.userFile, problems));
  }
  return { catalog, problems };
}

/** Names of the signals a line matches, for one component. */
export function signalsOf(entry: LogEntry, signals: ReadonlyMap<string, Signal> | undefined): string[] {
  const out: string[] = [];
  for (const s of signals?.values() ?? []) if (s.test(entry)) out.push(s.name);
  return out;
}

export type { LogLevel };

/**
 * The signals a configuration names (the shipped file, or `logs.signalsFile` relative to the
 * config file): the one call the logs feature makes at start and `ctx-ops config` makes.
 */
export function loadConfiguredSignals(config: Pick<Config, 'logs' | 'configFile'>): ReturnType<typeof loadSignals> {
  const file = config.logs.signalsFile;
  const baseDir = config.configFile ? dirname(config.configFile) : '.';
  return loadSignals({ userFile: file ? resolve(baseDir, file) : undefined });
}
