import { describe, expect, it } from 'vitest';
import { renderCheckDetail, renderStatus } from '../../src/ui/status.js';
import type { CheckResult, StatusReport } from '../../src/contracts/checks.js';
import { LIMITS } from '../../src/ui/limits.js';

const check = (i: number, status: CheckResult['status'], extra: Partial<CheckResult> = {}): CheckResult => ({
  id: `c${i}`,
  status,
  summary: `summary ${i}`,
  details: [`✓ detail of ${i}`],
  durationMs: 10 + i,
  ...extra,
});

function assertWithinLimits(blocks: unknown[]) {
  expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
  for (const b of blocks as Array<{
    type: string;
    text?: { text: string };
    elements?: Array<{ text?: unknown; value?: string }>;
  }>) {
    if (b.text)
      expect(b.text.text.length).toBeLessThanOrEqual(b.type === 'header' ? LIMITS.headerText : LIMITS.sectionText);
    for (const e of b.elements ?? []) if (e.value) expect(e.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
  }
}

describe('status message', () => {
  const report: StatusReport = {
    environment: 'prod',
    checkedAt: '2026-11-28T09:00:00.000Z',
    overall: 'fail',
    checks: [
      check(1, 'fail', { runbook: 'graph-fails' }),
      check(2, 'fail', { rootCause: 'c1' }),
      check(3, 'ok'),
      check(4, 'skip'),
    ],
  };
  const titles = { c1: 'Postgres', c2: 'Migrations', c3: 'Backend', c4: 'Confluence' };

  it('leads with the verdict and the root cause, one line per component, and a Re-run button', () => {
    const msg = renderStatus(report, { titles, timeZone: 'UTC' });
    expect(msg.text.split('\n')[0]).toBe('🔴 prod: Postgres failing (also breaks Migrations) (2 failing)');
    const texts = (msg.blocks as Array<{ type: string; text?: { text: string } }>).map((b) => b.text?.text ?? b.type);
    expect(texts[0]).toContain('Postgres failing');
    expect(texts.find((t) => t.startsWith('*Root cause:*'))).toContain('Postgres: summary 1');
    expect(texts.filter((t) => /^(✅|🔴|⚪|⚠️)/.test(t))).toHaveLength(4);
    expect(texts.find((t) => t.startsWith('🔴 *Migrations*'))).toContain('because *Postgres* is failing');
    expect(JSON.stringify(msg.blocks)).toContain('ctx.status.rerun');
    expect(msg.plain).toContain('Migrations');
    expect(msg.json).toEqual({
      environment: 'prod',
      checkedAt: report.checkedAt,
      overall: 'fail',
      checks: expect.any(Array),
    });
  });

  it('stays within Block Kit limits with 80 checks and huge summaries', () => {
    const big: StatusReport = {
      ...report,
      checks: Array.from({ length: 80 }, (_, i) =>
        check(i, i % 2 ? 'fail' : 'ok', {
          summary: 'x'.repeat(5000),
          details: Array.from({ length: 200 }, () => 'y'.repeat(200)),
        }),
      ),
    };
    const msg = renderStatus(big, { titles: {}, timeZone: 'UTC' });
    assertWithinLimits(msg.blocks!);
    expect((msg.blocks!.at(-1) as { type: string }).type).toBe('actions');
    const detail = renderCheckDetail(big, 'c1', {}, 'UTC');
    assertWithinLimits(detail.blocks!);
    expect(msg.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  it('escapes mrkdwn control characters from component output', () => {
    const msg = renderStatus(
      { ...report, checks: [check(1, 'fail', { summary: 'answered <b>500</b> & <!channel>' })] },
      { titles, timeZone: 'UTC' },
    );
    const text = JSON.stringify(msg.blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
  });
});
