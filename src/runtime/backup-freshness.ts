import type { BackupFreshness } from '../contracts/services.js';
import { ago } from '../util/format.js';

/**
 * Freshness of backups before a risky change: the newest verified Postgres backup must be
 * younger than operations.freshWithinHours, else the bot offers "back up first". Pure.
 */
export type FreshnessVerdict = { fresh: true; ageMs: number } | { fresh: false; ageMs: number | null };

export function backupVerdict(
  lastVerifiedAt: Date | null | undefined,
  now: Date,
  withinHours: number,
): FreshnessVerdict {
  if (!lastVerifiedAt) return { fresh: false, ageMs: null };
  const ageMs = now.getTime() - lastVerifiedAt.getTime();
  return ageMs <= withinHours * 3_600_000 ? { fresh: true, ageMs } : { fresh: false, ageMs };
}

/** One line for a step or a confirmation: fresh enough, or "back up first" and why. */
export function backUpFirstNote(
  env: string,
  lastVerifiedAt: Date | null | undefined,
  now: Date,
  withinHours: number,
): { fresh: boolean; text: string } {
  const v = backupVerdict(lastVerifiedAt, now, withinHours);
  if (v.fresh)
    return {
      fresh: true,
      text: `The newest verified backup of ${env} is from ${ago(lastVerifiedAt, now)}, within ${withinHours} h: a new one is optional.`,
    };
  return {
    fresh: false,
    text: lastVerifiedAt
      ? `⚠️ Back up first: the newest verified backup of ${env} is from ${ago(lastVerifiedAt, now)}, older than ${withinHours} h.`
      : `⚠️ Back up first: there is no verified backup of ${env} yet.`,
  };
}

/** "Postgres backup 5 h ago · graph snapshot 2 d ago · restore test passed 6 d ago" (digest, status). */
export function describeFreshness(f: BackupFreshness, now: Date): string {
  return [
    `Postgres backup ${f.postgres ? ago(f.postgres.finishedAt, now) : 'none verified'}`,
    `graph snapshot ${f.graph ? ago(f.graph.finishedAt, now) : 'none'}`,
    `restore test ${f.restoreTest ? `passed ${ago(f.restoreTest.at, now)}` : 'never passed'}`,
  ].join(' · ');
}
