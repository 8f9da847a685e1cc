/**
 * A small Dockerfile reader for tests (there is no Docker engine here): continuation lines
 * joined, comments dropped, `ARG` defaults substituted into `FROM`, instructions grouped by
 * stage. Enough to check what the image will contain against the code.
 */
export interface Instruction {
  keyword: string;
  /** The rest of the line, continuations joined with a space. */
  args: string;
}

export interface Stage {
  name?: string;
  from: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Record<string, string>;
  stages: Stage[];
}

export function parseDockerfile(text: string): Dockerfile {
  const logical: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (!current && /^\s*#/.test(line)) continue;
    if (/^\s*#/.test(line)) continue; // a comment inside a continued instruction
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1).trim()} `;
      continue;
    }
    current += line.trim();
    if (current.trim()) logical.push(current.trim());
    current = '';
  }
  if (current.trim()) logical.push(current.trim());

  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const l of logical) {
    const m = /^(\S+)\s*(.*)$/.exec(l)!;
    const keyword = m[1]!.toUpperCase();
    const args = m[2]!.replace(/\s+/g, ' ').trim();
    if (keyword === 'FROM') {
      const [image, as, name] = args.split(' ');
      const from = image!.replace(/\$\{(\w+)\}|\$(\w+)/g, (_s, a, b) => globalArgs[a ?? b] ?? '');
      stages.push({ from, ...(as?.toUpperCase() === 'AS' ? { name } : {}), instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) {
      if (keyword === 'ARG') {
        const [k, v] = args.split('=');
        globalArgs[k!] = v ?? '';
      }
      continue;
    }
    stage.instructions.push({ keyword, args });
  }
  return { globalArgs, stages };
}

/** `["node", "dist/bot.js"]` → the argv; a shell-form command is refused (signals would go to sh). */
export function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string')) throw new Error(`not exec form: ${args}`);
  return parsed;
}

/** `ENV A=1 B=2` (and `ENV A 1`) → pairs. */
export function envPairs(args: string): Record<string, string> {
  if (!args.includes('=')) {
    const [k, ...v] = args.split(' ');
    return { [k!]: v.join(' ') };
  }
  const out: Record<string, string> = {};
  for (const m of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) out[m[1]!] = m[2]!.replace(/^"|"$/g, '');
  return out;
}

/** `LABEL a="x" b="y"` → pairs. */
export const labelPairs = (args: string): Record<string, string> =>
  Object.fromEntries([...args.matchAll(/([\w.-]+)=("[^"]*"|\S+)/g)].map((m) => [m[1]!, m[2]!.replace(/^"|"$/g, '')]));
