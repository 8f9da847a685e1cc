import { appendFileSync } from 'node:fs';

/**
 * One benchmark figure with its goal beside it, the format every bench/*.bench.ts prints and
 * `npm run bench` (bench/run.ts) gathers into its closing table:
 *
 *   ▸ <name>: <value> <unit>   goal <op> <limit> <unit>   met | MISSED
 *   ▸ <name>: <value> <unit>   goal: <text>               (a goal the numbers alone cannot judge)
 *   ▸ <name>: <value> <unit>                              (context, no goal)
 *
 * When the runner sets BENCH_FIGURES to a file path, each figure is also appended to it as
 * one JSON line ({ bench, name, value, unit, goal, met, note }), which is what the table is
 * built from. Figures report; a missed goal never fails the run.
 */
export interface Goal {
  op: '≤' | '<' | '≥' | '>';
  limit: number;
  /** Defaults to the figure's own unit. */
  unit?: string;
}

export interface Figure {
  bench: string;
  name: string;
  value: number;
  unit: string;
  goal?: string;
  met?: boolean;
  note?: string;
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : String(Number(n.toFixed(Math.abs(n) >= 10 ? 1 : 2))));

const meets = (v: number, g: Goal) =>
  g.op === '≤' ? v <= g.limit : g.op === '<' ? v < g.limit : g.op === '≥' ? v >= g.limit : v > g.limit;

/** Prints (and records) one figure. `goal` is a comparison, or words when it cannot be computed. */
export function figure(name: string, value: number, unit: string, goal?: Goal | string, note?: string): Figure {
  const bench =
    (process.argv[1] ?? '')
      .split('/')
      .pop()
      ?.replace(/\.bench\.m?[jt]s$/, '') ?? '';
  const f: Figure = { bench, name, value, unit };
  if (typeof goal === 'string') f.goal = goal;
  else if (goal) {
    f.goal = `${goal.op} ${fmt(goal.limit)} ${goal.unit ?? unit}`.trim();
    f.met = meets(value, goal);
  }
  if (note) f.note = note;
  const verdict = f.met === undefined ? '' : f.met ? '   met' : '   MISSED';
  const goalText = f.goal === undefined ? '' : typeof goal === 'string' ? `   goal: ${f.goal}` : `   goal ${f.goal}`;
  process.stdout.write(`▸ ${name}: ${fmt(value)} ${unit}${goalText}${verdict}${note ? `   (${note})` : ''}\n`);
  const file = process.env.BENCH_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify(f)}\n`);
  return f;
}

/** The p-th percentile (nearest rank) of samples. */
export function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

export const median = (xs: readonly number[]) => pct(xs, 50);
export { fmt as formatFigure };
