/** Splits command text into words; "double" or 'single' quotes keep spaces. Slack's smart quotes count too. */
export function tokenize(text: string): string[] {
  const normalised = text.replace(/[\u201C\u201D]/g, '"').replace(/[\u2018\u2019]/g, "'");
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(normalised))) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

/** Pulls `--flag value`, `--flag=value` and bare `--flag` options out of the words. */
export function extractFlags(args: string[], known: { withValue?: string[]; bare?: string[] }) {
  const flags: Record<string, string | true> = {};
  const rest: string[] = [];
  const errors: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const m = /^--([a-z][\w-]*)(?:=(.*))?$/.exec(a);
    if (!m) {
      rest.push(a);
      continue;
    }
    const [, name, inline] = m;
    if (known.withValue?.includes(name!)) {
      const v = inline ?? args[++i];
      if (v === undefined) errors.push(`--${name} needs a value`);
      else flags[name!] = v;
    } else if (known.bare?.includes(name!)) flags[name!] = true;
    else errors.push(`unknown option --${name}`);
  }
  return { flags, rest, errors };
}

export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}
