import { expect } from 'vitest';
import type { Block } from '../../src/contracts/chat.js';
import { LIMITS } from '../../src/ui/limits.js';

type AnyBlock = {
  type: string;
  text?: { text: string };
  elements?: Array<{ action_id?: string; value?: string; text?: unknown }>;
  fields?: Array<{ text: string }>;
};

/** Asserts what Slack would reject: too many blocks, oversized texts, duplicate or too many buttons. */
export function withinLimits(blocks: Block[] | unknown[]) {
  expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
  for (const b of blocks as AnyBlock[]) {
    if (b.text)
      expect(b.text.text.length).toBeLessThanOrEqual(b.type === 'header' ? LIMITS.headerText : LIMITS.sectionText);
    if (b.type === 'actions') {
      const ids = b.elements!.map((e) => e.action_id);
      // Slack rejects a block whose buttons share an action_id.
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeLessThanOrEqual(LIMITS.actionsElements);
    }
    if (b.type === 'context') {
      expect(b.elements!.length).toBeLessThanOrEqual(LIMITS.contextElements);
      for (const e of b.elements as Array<{ text?: string }>)
        if (typeof e.text === 'string') expect(e.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    }
    for (const e of b.elements ?? []) if (e.value) expect(e.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
  }
}

/** A whole message as Slack receives it: a `text` within its limit and blocks within theirs. */
export function messageWithinLimits(m: { text?: unknown; blocks?: unknown }) {
  expect(typeof m.text).toBe('string');
  expect(String(m.text).length).toBeLessThanOrEqual(LIMITS.fallbackText);
  if (Array.isArray(m.blocks)) withinLimits(m.blocks);
}
