import { describe, expect, it } from 'vitest';
import type { CheckResult, StatusReport } from '../../src/contracts/checks.js';
import { renderIncidentRoot, renderPostmortem } from '../../src/incidents/render.js';
import { LIMITS } from '../../src/ui/limits.js';
import { renderStep, type StepView } from '../../src/incidents/runbooks/render.js';
import { renderStatus } from '../../src/ui/status.js';
import { blocksToPlain } from '../../src/ui/plain-text.js';
import { withinLimits } from '../support/block-kit.js';
import type { IncidentRow, TimelineEntry } from '../../src/incidents/store.js';

const check = (id: string, status: CheckResult['status'], extra: Partial<CheckResult> = {}): CheckResult => ({
  id,
  status,
  summary: `${id} summary`,
  details: [],
  durationMs: 5,
  ...extra,
});

describe('/ctx status links failing components to their runbooks', () => {
  const report: StatusReport = {
    environment: 'prod',
    checkedAt: '2026-11-28T09:00:00.000Z',
    overall: 'fail',
    checks: [
      check('backend', 'ok'),
      check('auth', 'fail', { runbook: 'auth-secret-changed' }),
      check('mcp', 'fail', { rootCause: 'auth', runbook: 'sign-in-fails' }),
      check('codesearch', 'fail', { runbook: 'auth-secret-changed' }),
      check('indexing', 'warn', { runbook: 'repo-not-indexed' }),
      check('graph', 'skip', { runbook: 'graph-fails' }),
    ],
  };

  it('adds one Runbook button per runbook beside Re-run, keeping Details on each failing line', () => {
    const msg = renderStatus(report, { titles: {}, timeZone: 'UTC' });
    const last = msg.blocks!.at(-1) as {
      type: string;
      elements: Array<{ action_id: string; value: string; text: { text: string } }>;
    };
    expect(last.type).toBe('actions');
    expect(last.elements.map((e) => [e.action_id, e.text.text, e.value])).toEqual([
      ['ctx.status.rerun', '🔄 Re-run', '{"env":"prod"}'],
      ['ctx.runbook.start', '📘 Runbook auth-secret-changed', '{"env":"prod","id":"auth-secret-changed"}'],
      ['ctx.runbook.start.2', '📘 Runbook repo-not-indexed', '{"env":"prod","id":"repo-not-indexed"}'],
    ]);
    const details = (msg.blocks as Array<{ accessory?: { action_id: string } }>).filter(
      (b) => b.accessory?.action_id === 'ctx.check.details',
    );
    expect(details).toHaveLength(4);
    withinLimits(msg.blocks!);
  });

  it('offers at most five, with action ids unique in the block, and none when nothing fails', () => {
    const many = {
      ...report,
      checks: Array.from({ length: 30 }, (_, i) => check(`c${i}`, 'fail', { runbook: `rb-${i}` })),
    };
    const last = renderStatus(many, { titles: {}, timeZone: 'UTC' }).blocks!.at(-1) as {
      elements: Array<{ action_id: string }>;
    };
    expect(last.elements.map((e) => e.action_id)).toEqual([
      'ctx.status.rerun',
      'ctx.runbook.start',
      'ctx.runbook.start.2',
      'ctx.runbook.start.3',
      'ctx.runbook.start.4',
      'ctx.runbook.start.5',
    ]);
    const healthy = renderStatus(
      { ...report, overall: 'ok', checks: [check('backend', 'ok', { runbook: 'x' })] },
      { titles: {}, timeZone: 'UTC' },
    );
    expect(JSON.stringify(healthy.blocks)).not.toContain('ctx.runbook.start');
  });
});

const incident: IncidentRow = {
  id: 7,
  env: 'prod',
  title: 'x'.repeat(400),
  severity: 1,
  owner: 'U0ALICE01',
  surface: 'slack',
  channel: 'C1',
  rootTs: '1.2',
  status: 'closed',
  openedAt: new Date('2026-11-28T09:00:00Z'),
  closedAt: new Date('2026-11-28T10:12:30Z'),
  closedBy: 'U0BOB0001',
  summary: 'fixed <!channel> & done',
};

describe('messages stay within Block Kit limits', () => {
  it('a postmortem with a thousand timeline entries', () => {
    const timeline: TimelineEntry[] = Array.from({ length: 1000 }, (_, i) => ({
      id: i,
      incidentId: 7,
      sessionId: null,
      at: new Date(incident.openedAt.getTime() + i * 1000),
      actor: i % 2 ? 'U0ALICE01' : null,
      kind: i % 10 ? 'note' : 'check',
      text: `entry ${i} ${'y'.repeat(200)}`,
      data: {},
    }));
    const msg = renderPostmortem({ incident, timeline, sessions: [], titles: {}, timeZone: 'Europe/Berlin' });
    withinLimits(msg.blocks!);
    expect(msg.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    expect(msg.plain).toContain('Duration 1 h 12 min');
    expect(msg.plain).toContain('Timeline (Europe/Berlin)');
    // Times are shown in the configured zone (UTC+1 in November), with its abbreviation.
    expect(msg.plain).toContain('10:00:00 CET 🔁 entry 0');
    expect(msg.plain).toContain('10:00:01 CET @U0ALICE01 entry 1');
    expect(JSON.stringify(msg.blocks)).not.toContain('<!channel>');
  });

  it('an incident root with many failing checks and suggestions', () => {
    const report: StatusReport = {
      environment: 'prod',
      checkedAt: '2026-11-28T09:00:00.000Z',
      overall: 'fail',
      checks: Array.from({ length: 40 }, (_, i) => check(`c${i}`, 'fail', { summary: 'z'.repeat(3000) })),
    };
    const suggestions = Array.from({ length: 8 }, (_, i) => ({
      id: `rb-${i}`,
      title: `Runbook ${i}`,
      because: ['c1', 'c2'],
    }));
    const msg = renderIncidentRoot({
      incident: { ...incident, status: 'open', closedAt: null },
      report,
      titles: {},
      suggestions,
      timeZone: 'UTC',
      now: new Date(),
    });
    withinLimits(msg.blocks!);
    expect(msg.blocks!.at(-1)!.type).toBe('actions');
  });

  it('a step with long help, a failing check and five action targets', () => {
    const v: StepView = {
      sessionId: 3,
      idx: 1,
      total: 4,
      env: 'prod',
      step: {
        text: 'Reindex',
        help: 'h'.repeat(2500),
        check: { id: 'indexing' },
        action: { kind: 'reindex-repository' },
        logs: ['codesearch'],
      },
      state: 'failed',
      actor: 'U0BOB0001',
      at: new Date('2026-11-28T09:05:00Z'),
      reason: null,
      check: {
        title: 'Indexing',
        status: 'fail',
        summary: 's'.repeat(3000),
        lines: Array.from({ length: 50 }, () => '✗ '.padEnd(900, 'e')),
      },
      checkedAt: new Date(),
      checkUnavailable: false,
      links: [{ text: 'codesearch logs', url: 'https://logs.example.com/?q=x' }],
      action: {
        label: 'Reindex',
        manual: '',
        available: true,
        targets: Array.from({ length: 7 }, (_, i) => ({
          label: `Reindex acme/repo-${i} (failed)`,
          params: { repository: `repo_${i}` },
        })),
      },
      actionNote: null,
      sessionStatus: 'active',
      timeZone: 'UTC',
    };
    const msg = renderStep(v);
    withinLimits(msg.blocks!);
    const labels = (msg.blocks!.at(-1) as { elements: Array<{ text: { text: string } }> }).elements.map(
      (e) => e.text.text,
    );
    // Failed already: no second Failed button; Done and Skip remain.
    expect(labels.slice(0, 3)).toEqual(['✅ Done', '⏭️ Skip', '🔄 Re-check']);
    expect(labels.filter((l) => l.startsWith('▶'))).toHaveLength(5);
    expect(blocksToPlain(msg.blocks!)).toContain('Marked failed by @U0BOB0001 at 09:05:00 UTC');
  });
});
