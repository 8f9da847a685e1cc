import { describe, expect, it } from 'vitest';
import type { ConfigError } from '../../src/config/load.js';
import { resolveScheduleSettings } from '../../src/config/schedules.js';
import { formatDuration, parseDuration } from '../../src/util/format.js';
import { bucketAverages, sparkline } from '../../src/digest/sparkline.js';
import { formatUptime } from '../../src/digest/render.js';
import { buildConfig } from '../support/harness.js';

function settingsFor(yaml: string) {
  const { config, cleanup } = buildConfig({ yaml });
  cleanup();
  return resolveScheduleSettings(config);
}
function problems(yaml: string): string[] {
  try {
    buildConfig({ yaml }).cleanup();
    return [];
  } catch (err) {
    return (err as ConfigError).problems.map((p) => `${p.key}: ${p.message}`);
  }
}

describe('schedule settings from ctx-ops.yml', () => {
  it('without `schedules`: one digest at 09:00 on weekdays in `timezone` to channels.digest, for every environment', () => {
    const s = settingsFor('timezone: Europe/Berlin\nchannels: { digest: C0DIGEST, alerts: C0ALERTS }\n');
    expect(s.digests).toEqual([
      {
        name: 'daily-digest',
        cron: '0 9 * * 1-5',
        timezone: 'Europe/Berlin',
        channel: 'C0DIGEST',
        environments: ['default'],
      },
    ]);
    expect(s.watch).toMatchObject({
      enabled: true,
      intervalMs: 60_000,
      concurrency: 8,
      channel: 'C0ALERTS',
      rules: { failureThreshold: 3, successThreshold: 2, remindEveryMinutes: 60, alertOnWarn: true },
    });
    expect(s.retentionDays).toBe(30);
    expect(s.notes).toEqual([]);
  });

  it('without a digest channel there is no default digest, and it says why', () => {
    const s = settingsFor('');
    expect(s.digests).toEqual([]);
    expect(s.notes).toEqual([
      expect.stringMatching(/no digest channel is configured \(channels.digest\)/),
      expect.stringMatching(/no alerts channel is configured/),
    ]);
  });

  it('`schedules: []` turns digests off', () => {
    expect(settingsFor('channels: { digest: C0DIGEST }\nschedules: []\n').digests).toEqual([]);
  });

  it('resolves channel roles, per-schedule time zones and environments', () => {
    const s = settingsFor(`
timezone: Europe/Berlin
channels: { digest: C0DIGEST, incidents: C0INC }
environments:
  prod: { env: { AUTH_BASE_URL: "https://ctx.example.com" } }
  staging: { env: { AUTH_BASE_URL: "https://staging.example.com" } }
schedules:
  - { name: morning, cron: "0 9 * * 1-5", environments: [prod] }
  - { name: evening, cron: "0 18 * * *", channel: incidents, timezone: America/New_York }
  - { name: direct, cron: "0 12 * * *", channel: C0OTHER }
  - { name: lost, cron: "0 12 * * *", channel: alerts }
`);
    expect(s.digests.map((d) => [d.name, d.channel, d.timezone, d.environments.join(',')])).toEqual([
      ['morning', 'C0DIGEST', 'Europe/Berlin', 'prod'],
      ['evening', 'C0INC', 'America/New_York', 'prod,staging'],
      ['direct', 'C0OTHER', 'Europe/Berlin', 'prod,staging'],
    ]);
    expect(s.notes[0]).toMatch(/schedule "lost" has no channel/);
  });

  it.each([
    ['schedules:\n  - { name: a, cron: "every morning" }\n', /^schedules\[0\]\.cron: is not a cron expression/],
    [
      'schedules:\n  - { name: a, cron: "0 9 * * *", timezone: Mars/Olympus }\n',
      /^schedules\[0\]\.timezone: is not an IANA time zone/,
    ],
    [
      'schedules:\n  - { name: a, cron: "0 9 * * *" }\n  - { name: a, cron: "0 10 * * *" }\n',
      /^schedules\[1\]\.name: "a" is used by two schedules/,
    ],
    ['schedules:\n  - { name: a, cron: "0 9 * * *", chanel: C1 }\n', /^schedules\[0\]\.chanel: unknown key/],
    ['watch: { intervalSecs: 30 }\n', /^watch\.intervalSecs: unknown key/],
    ['history: { retentionDays: 0 }\n', /^history\.retentionDays: /],
    [
      'schedules:\n  - { name: a, cron: "0 9 * * *", environments: [nope] }\n',
      /^schedules\[0\]\.environments: names no environment `nope`/,
    ],
  ])('reports %j', (yaml, expected) => {
    expect(problems(yaml)).toEqual([expect.stringMatching(expected)]);
  });
});

describe('small pure helpers', () => {
  it.each([
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['90s', 90_000],
    ['1d', 86_400_000],
    ['2w', 1_209_600_000],
    ['30', undefined],
    ['1.5h', undefined],
    ['0m', undefined],
    ['soon', undefined],
  ])('parseDuration(%j) = %j', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [61_000, '1 min 1 s'],
    [120_000, '2 min'],
    [5_400_000, '1 h 30 min'],
    [90_000_000, '1 d 1 h'],
  ])('formatDuration(%j) = %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([
    [[10, 20, 30, 40, 50, 60, 70, 80], '▁▂▃▄▅▆▇█'],
    [[5, 5, 5], '▁▁▁'],
    [[10, null, 80], '▁·█'],
    [[null, null], '··'],
    [[100, 10], '█▁'],
  ])('sparkline(%j) = %s', (values, expected) => {
    expect(sparkline(values)).toBe(expected);
  });

  it('averages latency per bucket, oldest first, null where nothing ran', () => {
    const from = new Date('2026-03-30T00:00:00Z');
    const to = new Date('2026-03-30T04:00:00Z');
    const at = (h: number) => new Date(from.getTime() + h * 3_600_000);
    expect(
      bucketAverages(
        [
          { at: at(0), totalMs: 100, runs: 2 },
          { at: at(1), totalMs: 30, runs: 1 },
          { at: at(3), totalMs: 40, runs: 4 },
        ],
        from,
        to,
        2,
      ),
    ).toEqual([130 / 3, 10]);
    expect(bucketAverages([], from, to, 3)).toEqual([null, null, null]);
  });

  it.each([
    [1, '100%'],
    [0.99949, '99.94%'],
    [0.75, '75.00%'],
    [0, '0.00%'],
    [null, '–'],
  ])('formatUptime(%j) = %s (never rounds up to 100%%)', (u, text) => {
    expect(formatUptime(u)).toBe(text);
  });
});
