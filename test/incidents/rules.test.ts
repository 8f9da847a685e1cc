import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/contracts/checks.js';
import { parseSeverity } from '../../src/incidents/incident-command.js';
import { who } from '../../src/incidents/format.js';
import { formatDuration as duration } from '../../src/util/format.js';
import { evaluateCondition, parsePattern, type TextPattern } from '../../src/incidents/runbooks/conditions.js';
import { stripMentions } from '../../src/incidents/mentions.js';
import { fillTemplate, stepLinks } from '../../src/incidents/runbooks/steps/link.js';
import { allowedFrom, checkChanges, type StepState } from '../../src/incidents/store.js';
import { suggestRunbooks } from '../../src/incidents/runbooks/suggest.js';

const pattern = (s: string): TextPattern => {
  const p = parsePattern(s);
  if ('error' in p) throw new Error(p.error);
  return p.pattern;
};
const result = (status: CheckResult['status'], details: string[], summary = 's'): CheckResult => ({
  id: 'auth',
  status,
  summary,
  details,
  durationMs: 1,
});

describe('one condition of a check', () => {
  it.each([
    [
      'a failing line',
      ['✓ AUTH_SECRET is set', '✗ get-session → 500 Failed to decrypt private key'],
      'fail',
      'get-session',
      'fail',
      1,
    ],
    [
      'a passing line of a failing check',
      ['✓ AUTH_SECRET is set', '✗ get-session → 500'],
      'fail',
      'AUTH_SECRET',
      'ok',
      1,
    ],
    [
      'the worst of several lines',
      ['✓ origin ok', '⚠ AUTH_ALLOWED_ORIGINS has unusable entries'],
      'warn',
      '/origin/i',
      'warn',
      2,
    ],
    ['an informational line only', ['· github: register the callback URL https://x/cb'], 'ok', 'callback', 'info', 1],
    ['a condition the check did not report', ['✗ unreachable'], 'fail', 'get-session', 'unseen', 0],
    ['a skipped check', [], 'skip', 'anything', 'skip', 0],
  ])('%s', (_what, details, status, match, expected, lines) => {
    const out = evaluateCondition(result(status as CheckResult['status'], details), pattern(match));
    expect(out.status).toBe(expected);
    expect(out.lines).toHaveLength(lines);
  });

  it.each([
    ['substring, any case', 'Decrypt', 'failed to decrypt private key', true],
    ['regex with flags', '/decrypt\\s+private/i', 'Failed to DECRYPT private key', true],
    ['regex without the flag', '/decrypt/', 'DECRYPT', false],
  ])('matches as a %s', (_what, src, line, expected) => {
    const p = pattern(src);
    expect(p.kind === 'substring' ? line.toLowerCase().includes(p.text) : p.re.test(line)).toBe(expected);
  });

  it.each([['/(/'], ['/x/g']])('refuses the pattern %s', (src) => {
    expect(parsePattern(src)).toHaveProperty('error');
  });
});

describe('suggested runbooks', () => {
  const runbooks = [
    { id: 'sign-in-fails', when: [{ check: 'auth', status: 'fail' as const }] },
    { id: 'auth-secret-changed', when: [{ check: 'auth', status: 'fail' as const, match: 'decrypt private key' }] },
    {
      id: 'repo-not-indexed',
      when: [
        { check: 'indexing', status: 'fail' as const },
        { check: 'codesearch', status: 'fail' as const },
      ],
    },
    { id: 'weak-context', when: [{ check: 'indexing', status: 'warn' as const }] },
    { id: 'migration-failed', when: [] },
  ];
  const c = (id: string, status: CheckResult['status'], extra: Partial<CheckResult> = {}): CheckResult => ({
    id,
    status,
    summary: '',
    details: [],
    durationMs: 1,
    ...extra,
  });

  it.each([
    ['nothing when all is well', [c('auth', 'ok'), c('indexing', 'ok')], []],
    ['the generic runbook for a failing check', [c('auth', 'fail')], ['sign-in-fails']],
    [
      'the specific one first when a line matches',
      [c('auth', 'fail', { details: ['✗ get-session → 500 Failed to decrypt private key'] })],
      ['auth-secret-changed', 'sign-in-fails'],
    ],
    [
      "the check's own choice first",
      [c('auth', 'fail', { runbook: 'migration-failed' })],
      ['migration-failed', 'sign-in-fails'],
    ],
    ['warn-level clauses only for warn and worse', [c('indexing', 'warn')], ['weak-context']],
    [
      'root causes before checks failing because of them',
      [c('codesearch', 'fail', { rootCause: 'backend' }), c('auth', 'fail')],
      ['sign-in-fails', 'repo-not-indexed'],
    ],
    [
      'one entry per runbook, naming every check',
      [c('indexing', 'fail'), c('codesearch', 'fail')],
      ['repo-not-indexed', 'weak-context'],
    ],
  ])('%s', (_what, checks, expected) => {
    expect(suggestRunbooks({ checks }, runbooks).map((s) => s.runbookId)).toEqual(expected);
  });

  it('names every check that suggests a runbook', () => {
    expect(suggestRunbooks({ checks: [c('indexing', 'fail'), c('codesearch', 'fail')] }, runbooks)[0]).toEqual({
      runbookId: 'repo-not-indexed',
      because: ['indexing', 'codesearch'],
    });
  });
});

describe('step transitions', () => {
  it.each<[StepState, StepState[]]>([
    ['done', ['pending', 'failed']],
    ['skipped', ['pending', 'failed']],
    ['failed', ['pending']],
    ['pending', []],
  ])('a step becomes %s only from %j (done and skipped are final)', (to, from) => {
    expect(allowedFrom(to)).toEqual(from);
  });

  const seen = (status: string, at = '2026-11-28T10:00:00.000Z') => ({ status, at });
  it.each([
    ['a change', { backend: seen('fail') }, { backend: 'ok' }, [{ check: 'backend', from: 'fail', to: 'ok' }]],
    ['no change', { backend: seen('ok') }, { backend: 'ok' }, []],
    ['a first sighting', {}, { auth: 'fail' }, []],
    [
      'only what the report holds',
      { backend: seen('fail'), auth: seen('fail') },
      { auth: 'ok' },
      [{ check: 'auth', from: 'fail', to: 'ok' }],
    ],
    [
      'nothing from a report older than the record',
      { backend: seen('ok', '2026-11-28T10:00:05.000Z') },
      { backend: 'fail' },
      [],
    ],
  ])('check states: %s', (_what, before, now, expected) => {
    expect(checkChanges(before, now, '2026-11-28T10:00:01.000Z').changes).toEqual(expected);
  });

  it('keeps the newer record when a stale report arrives', () => {
    const before = { backend: seen('ok', '2026-11-28T10:00:05.000Z'), ui: seen('fail') };
    expect(checkChanges(before, { backend: 'fail', ui: 'ok' }, '2026-11-28T10:00:01.000Z').next).toEqual({
      ui: { status: 'ok', at: '2026-11-28T10:00:01.000Z' },
    });
  });
});

describe('log links', () => {
  const since = new Date('2026-11-28T09:45:00.000Z');
  const now = new Date('2026-11-28T10:00:00.000Z');

  it('fills the placeholders URL-encoded and leaves LogQL braces alone', () => {
    const t =
      'https://grafana.example.com/explore?left={"queries":[{"expr":"{service=\\"{component}\\"}"}]}&env={env}&from={sinceMs}&since={since}';
    const url = fillTemplate(t, { env: 'prod eu', component: 'code search', since, now });
    expect(url).toContain('env=prod%20eu');
    expect(url).toContain('{service=\\"code%20search\\"}');
    expect(url).toContain(`from=${since.getTime()}`);
    expect(url).toContain('since=2026-11-28T09%3A45%3A00.000Z');
  });

  it("uses the component's template, else the default, else says where to look", () => {
    const links = stepLinks(
      { logs: ['backend', 'worker', 'codesearch'] },
      { backend: 'https://logs/{component}', default: 'https://all/{component}?env={env}' },
      { env: 'prod', since, now },
    );
    expect(links).toEqual([
      { text: 'backend logs', url: 'https://logs/backend' },
      { text: 'worker logs', url: 'https://all/worker?env=prod' },
      { text: 'codesearch logs', url: 'https://all/codesearch?env=prod' },
    ]);
    expect(stepLinks({ logs: ['worker'] }, {}, { env: 'prod', since, now })).toEqual([
      { text: 'worker logs', hint: 'docker compose logs --since 15m worker' },
    ]);
  });
});

describe('small pieces', () => {
  it.each([
    [undefined, 3],
    ['1', 1],
    ['SEV2', 2],
    ['sev4', 4],
    ['5', null],
    ['high', null],
  ])('--sev %s → %s', (value, expected) => {
    expect(parseSeverity(value, 3)).toBe(expected);
  });

  it.each([
    ['<@UBOT0001> note restarted it', 'note restarted it'],
    ['<@UBOT0001|ctx-ops>: status', 'status'],
    ['  <@UBOT0001>   next  ', 'next'],
    ['note ask <@U0BOB> later', 'note ask <@U0BOB> later'],
  ])('strips the leading mention of %j', (text, expected) => {
    expect(stripMentions(text)).toBe(expected);
  });

  it.each([
    [42_000, '42 s'],
    [12 * 60_000 + 5_000, '12 min 5 s'],
    [3 * 60_000, '3 min'],
    [72 * 60_000, '1 h 12 min'],
    [51 * 3600_000, '2 d 3 h'],
  ])('duration(%d) = %s', (ms, expected) => {
    expect(duration(ms)).toBe(expected);
  });

  it.each([
    ['U0ALICE01', '<@U0ALICE01>'],
    ['local:alice', 'alice'],
    [null, 'ctx-ops'],
  ])('who(%s) = %s', (actor, expected) => {
    expect(who(actor)).toBe(expected);
  });
});
