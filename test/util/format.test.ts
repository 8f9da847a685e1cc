import { describe, expect, it } from 'vitest';
import { dateTime, dayTime, thousands, zoneName } from '../../src/util/format.js';

/**
 * UTC is formatted without ICU (a one-shot command's first Intl call costs ~10 ms): what a
 * person reads must be exactly what Intl would have printed.
 */
describe('times in UTC, formatted by hand', () => {
  const intl = (at: Date) => {
    const p = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
    const v = (t: string) => p.find((x) => x.type === t)!.value;
    // Month names are ctx-ops's own (ICU's en-GB says "Sept"), on both paths.
    const name = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
      Number(v('month')) - 1
    ];
    return {
      dayTime: `${v('weekday')} ${Number(v('day'))} ${name} ${v('hour')}:${v('minute')}:${v('second')} UTC`,
      dateTime: `${v('year')}-${v('month')}-${v('day')} ${v('hour')}:${v('minute')} UTC`,
    };
  };
  it.each([
    '2026-01-01T00:00:00Z',
    '2026-02-28T23:59:59Z',
    '2028-02-29T12:05:09Z',
    '2026-03-29T01:30:00Z',
    '2026-10-25T00:59:00Z',
    '2026-12-31T23:59:59Z',
    '1999-09-09T09:09:09Z',
  ])('%s reads as Intl would print it', (iso) => {
    const at = new Date(iso);
    for (const zone of ['UTC', 'Etc/UTC']) {
      expect(dayTime(at, zone, { seconds: true })).toBe(intl(at).dayTime);
      expect(dateTime(at, zone)).toBe(intl(at).dateTime);
      expect(zoneName(at, zone)).toBe('UTC');
    }
  });

  it('other zones still come from ICU, with their abbreviation', () => {
    expect(dateTime(new Date('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe('2026-01-15 13:00 CET');
    expect(dateTime(new Date('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe('2026-07-15 14:00 CEST');
  });
});

describe('thousands', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [1234567, '1,234,567'],
    [-1234567, '-1,234,567'],
    [1234.5, '1,234.5'],
    [Number.NaN, 'NaN'],
  ])('%s → %s (as toLocaleString("en-US") prints integers)', (n, text) => {
    expect(thousands(n)).toBe(text);
    if (Number.isInteger(n)) expect(thousands(n)).toBe(n.toLocaleString('en-US'));
  });
});
