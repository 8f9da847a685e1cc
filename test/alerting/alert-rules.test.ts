import { describe, expect, it } from 'vitest';
import type { Status } from '../../src/contracts/checks.js';
import { initialAlertState, stepAlert, type AlertAction, type AlertState } from '../../src/alerting/alert-rules.js';
import type { AlertRules } from '../../src/config/schedules.js';
import { silencedBy, type MaintenanceWindow, type Silence } from '../../src/config/maintenance.js';

const RULES: AlertRules = { failureThreshold: 3, successThreshold: 2, remindEveryMinutes: 60, alertOnWarn: true };
const T0 = Date.parse('2026-03-30T08:00:00Z');
const MIN = 60_000;

/** Step codes: o=ok w=warn f=fail s=skip; upper case = silenced; a trailing "^" = covered by a failing dependency. */
function run(seq: string, rules: Partial<AlertRules> = {}, everyMs = MIN): { said: string[]; state: AlertState } {
  const r = { ...RULES, ...rules };
  let state = initialAlertState();
  const said: string[] = [];
  const steps = seq.match(/[owfsOWFS]\^?/g) ?? [];
  steps.forEach((code, i) => {
    const c = code[0]!;
    const status = ({ o: 'ok', w: 'warn', f: 'fail', s: 'skip' } as Record<string, Status>)[c.toLowerCase()]!;
    const out = stepAlert(
      state,
      {
        status,
        at: new Date(T0 + i * everyMs),
        silenced: c !== c.toLowerCase(),
        ...(code.endsWith('^') ? { coveredBy: 'postgres' } : {}),
      },
      r,
    );
    state = out.state;
    for (const a of out.actions) said.push(`${i}:${describe_(a)}`);
  });
  return { said, state };
}

function describe_(a: AlertAction): string {
  switch (a.kind) {
    case 'open':
      return `open ${a.severity}${a.silenced ? ' silenced' : ''} since ${(Date.parse(a.since) - T0) / MIN}`;
    case 'post':
      return `post ${a.severity}`;
    case 'escalate':
      return `escalate${a.posted ? '' : ' (unposted)'}`;
    case 'remind':
      return `remind since ${(Date.parse(a.since) - T0) / MIN}`;
    case 'resolve':
      return `resolve after ${a.downtimeMs / MIN} min${a.posted ? '' : ' (unposted)'}`;
  }
}

describe('alert state machine', () => {
  it.each([
    ['one failure is not an alert', 'f', []],
    ['two failures are not an alert', 'ff', []],
    ['three consecutive failures alert once', 'ffff', ['2:open fail since 0']],
    ['the streak restarts after an ok', 'ffoff', []],
    ['ok/fail alternating never alerts (flapping)', 'fofofofofofofofofofo', []],
    ['fail, fail, ok, repeated, never alerts', 'ffoffoffoffo', []],
    ['skips neither count nor break a streak', 'fsfsf', ['4:open fail since 0']],
    ['warnings alert too, as warnings', 'www', ['2:open warn since 0']],
    ['a mixed streak alerts at its worst', 'wfw', ['2:open fail since 0']],
    ['the downtime starts at the first bad result', 'ooffff', ['4:open fail since 2']],
  ])('%s', (_name, seq, expected) => {
    expect(run(seq).said).toEqual(expected);
  });

  it.each([
    [
      'resolves after two successes, downtime from first failure to first success',
      'fffoo',
      ['2:open fail since 0', '4:resolve after 3 min'],
    ],
    ['one success is not enough', 'fffo', ['2:open fail since 0']],
    ['a failure between successes restarts the count', 'fffofoo', ['2:open fail since 0', '6:resolve after 5 min']],
    [
      'a new streak after resolving alerts again',
      'fffoofff',
      ['2:open fail since 0', '4:resolve after 3 min', '7:open fail since 5'],
    ],
  ])('%s', (_name, seq, expected) => {
    expect(run(seq).said).toEqual(expected);
  });

  it.each([
    [
      'thresholds are configurable (1 failure, 1 success)',
      'fof',
      { failureThreshold: 1, successThreshold: 1 },
      ['0:open fail since 0', '1:resolve after 1 min', '2:open fail since 2'],
    ],
    ['with alertOnWarn off a warning counts as healthy', 'wwwffwoo', { alertOnWarn: false }, []],
    [
      'with alertOnWarn off a warning resolves a failure',
      'fffww',
      { alertOnWarn: false },
      ['2:open fail since 0', '4:resolve after 3 min'],
    ],
  ])('%s', (_name, seq, rules, expected) => {
    expect(run(seq, rules).said).toEqual(expected);
  });

  it('reminds in the thread every remindEveryMinutes while still bad, not more often', () => {
    // One result every 20 minutes: open at 40 min, reminders at 100 and 160 min.
    const { said } = run('ffffffffff', {}, 20 * MIN);
    expect(said).toEqual(['2:open fail since 0', '5:remind since 0', '8:remind since 0']);
  });

  it('never reminds with remindEveryMinutes 0', () => {
    expect(run('ffffffffff', { remindEveryMinutes: 0 }, 30 * MIN).said).toEqual(['2:open fail since 0']);
  });

  it('escalates a warning alert once when it starts failing, and does not de-escalate', () => {
    expect(run('wwwwffwf').said).toEqual(['2:open warn since 0', '4:escalate']);
    expect(run('wwwwffwf').state.open?.severity).toBe('fail');
  });

  it.each([
    ['a silenced streak is recorded, not posted', 'FFF', ['2:open fail silenced since 0']],
    [
      'when the silence ends while still failing, it is posted then',
      'FFFFff',
      ['2:open fail silenced since 0', '4:post fail'],
    ],
    [
      'resolved under a silence: recorded only',
      'FFFOO',
      ['2:open fail silenced since 0', '4:resolve after 90 min (unposted)'],
    ],
    ['a silence after posting holds back reminders', 'fffFFFFFFF', ['2:open fail since 0']],
    [
      'an escalation while silenced is recorded, then posted as failing',
      'WWWFff',
      ['2:open warn silenced since 0', '3:escalate (unposted)', '4:post fail'],
    ],
    ['silenced flapping stays quiet', 'FOFOFOFO', []],
  ])('%s', (_name, seq, expected) => {
    expect(run(seq, {}, 30 * MIN).said).toEqual(expected);
  });

  it.each([
    ['a check failing because of a dependency does not alert on its own', 'f^f^f^f^', []],
    [
      'once its dependency recovers, it alerts at once if it is still failing (its streak counted all along)',
      'f^f^f^f',
      ['3:open fail since 0'],
    ],
    [
      'an alert already open stays open when the dependency starts failing',
      'ffff^f^oo',
      ['2:open fail since 0', '6:resolve after 5 min'],
    ],
  ])('%s', (_name, seq, expected) => {
    expect(run(seq).said).toEqual(expected);
  });

  it('a healthy check stops changing state (nothing to write every cycle)', () => {
    const a = run('oooooo').state;
    const b = run('oooooooooooo').state;
    expect(a).toEqual(b);
  });
});

describe('silences and maintenance windows', () => {
  const at = new Date('2026-12-01T22:30:00Z');
  const silence = (over: Partial<Silence>): Silence => ({
    id: '7',
    env: 'prod',
    check: 'graph',
    createdBy: 'U0ALICE01',
    createdAt: new Date('2026-12-01T22:00:00Z'),
    endsAt: new Date('2026-12-01T23:00:00Z'),
    ...over,
  });
  const window: MaintenanceWindow = {
    environments: ['prod'],
    checks: ['graph'],
    from: '2026-12-01T22:00:00Z',
    to: '2026-12-01T23:00:00Z',
    reason: 'FalkorDB upgrade',
  };

  it.each([
    ['a silence of that check in that environment', [silence({})], [], 'prod', 'graph', 'silence #7'],
    ['a silence carries its reason', [silence({ reason: 'deploy' })], [], 'prod', 'graph', 'silence #7: deploy'],
    ['not another check', [silence({})], [], 'prod', 'postgres', null],
    ['not another environment', [silence({})], [], 'staging', 'graph', null],
    ['every environment (env null)', [silence({ env: null })], [], 'staging', 'graph', 'silence #7'],
    ['every check (*)', [silence({ check: '*' })], [], 'prod', 'postgres', 'silence #7'],
    ['an ended silence', [silence({ endsAt: new Date('2026-12-01T22:30:00Z') })], [], 'prod', 'graph', null],
    [
      'a maintenance window covering it',
      [],
      [window],
      'prod',
      'graph',
      'maintenance: FalkorDB upgrade (until 2026-12-01T23:00:00Z)',
    ],
    ['a window for other checks', [], [window], 'prod', 'postgres', null],
    [
      'a window without lists covers everything',
      [],
      [{ from: window.from, to: window.to }],
      'staging',
      'ui',
      'maintenance (until 2026-12-01T23:00:00Z)',
    ],
    ['a window that has not started', [], [{ ...window, from: '2026-12-01T22:45:00Z' }], 'prod', 'graph', null],
    [
      'a window that is over ("to" is exclusive)',
      [],
      [{ ...window, to: '2026-12-01T22:30:00Z' }],
      'prod',
      'graph',
      null,
    ],
  ])('%s', (_name, silences, windows, env, check, expected) => {
    expect(silencedBy(env, check, at, silences, windows)).toBe(expected);
  });
});
