import { describe, expect, it } from 'vitest';
import { describeRules, selectForRemoval, type RetentionRules } from '../../src/operations/backup/retention.js';

const now = new Date('2026-08-23T12:00:00Z');
const daysAgo = (d: number, id: number) => ({ id, finishedAt: new Date(now.getTime() - d * 86_400_000) });
// Newest first: ids 1..6 taken 0, 1, 2, 5, 10, 40 days ago.
const backups = [daysAgo(0, 1), daysAgo(1, 2), daysAgo(2, 3), daysAgo(5, 4), daysAgo(10, 5), daysAgo(40, 6)];

describe('retention', () => {
  it.each([
    [{}, []],
    [{ keepLast: 3 }, [4, 5, 6]],
    [{ keepLast: 10 }, []],
    [{ keepDays: 7 }, [5, 6]],
    [{ keepDays: 30 }, [6]],
    [{ keepLast: 2, keepDays: 7 }, [5, 6]],
    [{ keepLast: 5, keepDays: 1 }, [6]],
    [{ keepLast: 1 }, [2, 3, 4, 5, 6]],
  ] as Array<[RetentionRules, number[]]>)('%j removes %j (a backup stays when any rule keeps it)', (rules, removed) => {
    expect(
      selectForRemoval(backups, rules, now)
        .map((b) => b.id)
        .sort(),
    ).toEqual(removed);
  });

  it('never removes the newest backup, even when every rule would', () => {
    const old = [daysAgo(50, 1), daysAgo(60, 2)];
    expect(selectForRemoval(old, { keepDays: 7 }, now).map((b) => b.id)).toEqual([2]);
  });

  it('does not depend on the order it is given', () => {
    expect(
      selectForRemoval([...backups].reverse(), { keepLast: 3 }, now)
        .map((b) => b.id)
        .sort(),
    ).toEqual([4, 5, 6]);
  });

  it.each([
    [{}, 'keeps every backup (no retention set)'],
    [{ keepLast: 14 }, 'keeps the last 14'],
    [{ keepLast: 14, keepDays: 30 }, 'keeps the last 14 and 30 days'],
  ] as Array<[RetentionRules, string]>)('describes %j', (rules, text) => {
    expect(describeRules(rules)).toBe(text);
  });
});
