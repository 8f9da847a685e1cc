import { worst } from './status-rules.js';
import type { CheckOutcome, Status } from '../contracts/checks.js';

export const MARK = { ok: '✓', warn: '⚠', fail: '✗', info: '·' } as const;

/**
 * Collects the conditions a check looked at. The status is the worst condition seen,
 * so a check cannot report ok while one of its own details says otherwise.
 */
export function findings() {
  const details: string[] = [];
  let status: Status = 'ok';
  const add = (s: Status | 'info', text: string) => {
    details.push(`${MARK[s === 'skip' ? 'info' : s]} ${text}`);
    if (s !== 'info') status = worst(status, s);
  };
  return {
    ok: (text: string) => add('ok', text),
    warn: (text: string) => add('warn', text),
    fail: (text: string) => add('fail', text),
    info: (text: string) => add('info', text),
    get status() {
      return status;
    },
    details,
    done(summary: string, extra: { runbook?: string; status?: Status } = {}): CheckOutcome {
      const out: CheckOutcome = { status: extra.status ?? status, summary, details: [...details] };
      if (extra.runbook) out.runbook = extra.runbook;
      return out;
    },
  };
}

export type Findings = ReturnType<typeof findings>;

export function skipped(summary: string, details: string[] = []): CheckOutcome {
  return { status: 'skip', summary, details };
}

export function ms(n: number): string {
  return n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n)} ms`;
}
