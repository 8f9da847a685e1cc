import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCron, type CronHandle } from '../../src/runtime/cron.js';

const log = pino({ level: 'silent' });
let handle: CronHandle | undefined;

afterEach(async () => {
  await handle?.stop();
  handle = undefined;
  vi.useRealTimers();
});

/** Starts one job at `start` and advances fake time by `days`, returning each slot it fired for. */
async function fired(cron: string, timezone: string, start: string, days: number): Promise<string[]> {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(start));
  const slots: string[] = [];
  handle = startCron(
    [{ name: 'digest', cron, timezone, run: async (slot) => void slots.push(slot.toISOString()) }],
    log,
  );
  // Hour by hour, so each timer node-cron arms fires at its own time.
  for (let h = 0; h < days * 24; h++) await vi.advanceTimersByTimeAsync(3_600_000);
  return slots;
}

describe('digest schedules (node-cron, fake timers)', () => {
  it('fires at 09:00 on weekdays in the configured zone, not UTC', async () => {
    // Mon 2026-06-01 00:00 UTC; New York is UTC-4 in summer, so 09:00 there is 13:00 UTC.
    const slots = await fired('0 9 * * 1-5', 'America/New_York', '2026-06-01T00:00:00Z', 7);
    expect(slots).toEqual([
      '2026-06-01T13:00:00.000Z',
      '2026-06-02T13:00:00.000Z',
      '2026-06-03T13:00:00.000Z',
      '2026-06-04T13:00:00.000Z',
      '2026-06-05T13:00:00.000Z',
    ]);
  });

  it('spring forward (Europe/Berlin, 29 March 2026): 09:00 local exactly once each day', async () => {
    const slots = await fired('0 9 * * *', 'Europe/Berlin', '2026-03-27T12:00:00Z', 4);
    // 28 March is CET (UTC+1), from 29 March CEST (UTC+2).
    expect(slots).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
    ]);
  });

  it('fall back (Europe/Berlin, 25 October 2026): 09:00 local exactly once each day', async () => {
    const slots = await fired('0 9 * * *', 'Europe/Berlin', '2026-10-23T12:00:00Z', 4);
    expect(slots).toEqual([
      '2026-10-24T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
      '2026-10-27T08:00:00.000Z',
    ]);
  });

  it('a job inside the repeated hour on fall-back day still runs once', async () => {
    // 02:30 happens twice in Berlin on 25 October 2026 (CEST, then CET).
    const slots = await fired('30 2 * * *', 'Europe/Berlin', '2026-10-24T12:00:00Z', 2);
    expect(slots.filter((s) => s.startsWith('2026-10-25'))).toHaveLength(1);
  });

  it('stops firing once stopped', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-06-01T08:59:00Z'));
    const slots: string[] = [];
    handle = startCron(
      [{ name: 'd', cron: '0 9 * * *', timezone: 'UTC', run: async (s) => void slots.push(s.toISOString()) }],
      log,
    );
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(slots).toEqual(['2026-06-01T09:00:00.000Z']);
    await handle.stop();
    await vi.advanceTimersByTimeAsync(2 * 86_400_000);
    expect(slots).toHaveLength(1);
  });
});
