/**
 * Which verified backups to remove. A backup is kept when any rule keeps it: it is among
 * the newest `keepLast`, or younger than `keepDays`. With neither rule, everything is
 * kept. The newest verified backup is never removed, whatever the rules say: retention
 * must not leave an environment without a backup.
 */
export interface RetentionRules {
  keepLast?: number;
  keepDays?: number;
}

export interface RetainedBackup {
  id: number;
  finishedAt: Date;
}

export function selectForRemoval<B extends RetainedBackup>(backups: B[], rules: RetentionRules, now: Date): B[] {
  if (rules.keepLast === undefined && rules.keepDays === undefined) return [];
  const newestFirst = [...backups].sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime());
  const cutoff = rules.keepDays === undefined ? undefined : now.getTime() - rules.keepDays * 86_400_000;
  return newestFirst.filter((b, i) => {
    if (i === 0) return false;
    const keptByCount = rules.keepLast !== undefined && i < rules.keepLast;
    const keptByAge = cutoff !== undefined && b.finishedAt.getTime() >= cutoff;
    return !keptByCount && !keptByAge;
  });
}

export function describeRules(rules: RetentionRules): string {
  const parts = [
    rules.keepLast !== undefined ? `the last ${rules.keepLast}` : '',
    rules.keepDays !== undefined ? `${rules.keepDays} days` : '',
  ].filter(Boolean);
  return parts.length ? `keeps ${parts.join(' and ')}` : 'keeps every backup (no retention set)';
}

/** Removes what the rules let go, newest verified always kept; each removal is audited. */
export async function applyRetention(
  deps: {
    backups: {
      verified(
        env: string,
      ): Promise<Array<{ id: number; path: string; fileName: string; sha256: string | null; finishedAt: Date | null }>>;
      markRemoved(id: number, at: Date): Promise<boolean>;
    };
    audit: {
      append(e: {
        event: 'retention-removed';
        env: string;
        kind: string;
        detail: string;
        checksum?: string;
      }): Promise<void>;
    };
    remove(path: string): Promise<void>;
  },
  env: string,
  rules: RetentionRules,
  now: Date,
): Promise<string[]> {
  const verified = (await deps.backups.verified(env)).filter(
    (b): b is typeof b & { finishedAt: Date } => b.finishedAt !== null,
  );
  const removed: string[] = [];
  for (const b of selectForRemoval(verified, rules, now)) {
    if (!(await deps.backups.markRemoved(b.id, now))) continue; // another replica got it first
    await deps.remove(b.path);
    await deps.audit.append({
      event: 'retention-removed',
      env,
      kind: 'backup',
      detail: `removed ${b.fileName} (${describeRules(rules)})`,
      ...(b.sha256 ? { checksum: b.sha256 } : {}),
    });
    removed.push(b.fileName);
  }
  return removed;
}
