import { describe, expect, it } from 'vitest';
import {
  APPROVAL_EVENTS,
  APPROVAL_STATES,
  isFinal,
  nextState,
  type ApprovalEvent,
  type ApprovalState,
} from '../../src/operations/approvals/approval-states.js';

const allowed: Array<[ApprovalState, ApprovalEvent, ApprovalState]> = [
  ['requested', 'confirm', 'confirmed'],
  ['requested', 'cancel', 'cancelled'],
  ['requested', 'expire', 'expired'],
  ['confirmed', 'start', 'running'],
  ['confirmed', 'fail', 'failed'],
  ['confirmed', 'interrupt', 'interrupted'],
  ['running', 'succeed', 'succeeded'],
  ['running', 'fail', 'failed'],
  ['running', 'interrupt', 'interrupted'],
];

describe('approval state machine', () => {
  it.each(allowed)('%s --%s--> %s', (from, event, to) => {
    expect(nextState(from, event)).toBe(to);
  });

  const forbidden = APPROVAL_STATES.flatMap((s) =>
    APPROVAL_EVENTS.map((e) => [s, e] as [ApprovalState, ApprovalEvent]),
  ).filter(([s, e]) => !allowed.some(([a, b]) => a === s && b === e));
  it.each(forbidden)('%s does not accept %s', (from, event) => {
    expect(nextState(from, event)).toBeNull();
  });

  it('cannot run without a confirmation, nor twice', () => {
    expect(nextState('requested', 'start')).toBeNull();
    expect(nextState('requested', 'succeed')).toBeNull();
    expect(nextState('running', 'start')).toBeNull();
    expect(nextState('succeeded', 'start')).toBeNull();
    expect(nextState('confirmed', 'confirm')).toBeNull();
  });

  it.each([
    ['succeeded', true],
    ['failed', true],
    ['interrupted', true],
    ['cancelled', true],
    ['expired', true],
    ['requested', false],
    ['confirmed', false],
    ['running', false],
  ] as Array<[ApprovalState, boolean]>)('%s is final: %s', (s, final) => {
    expect(isFinal(s)).toBe(final);
  });
});
