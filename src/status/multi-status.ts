import { headline } from '../diagnostics/status-rules.js';
import type { StatusReport } from '../contracts/checks.js';
import type { Block, OutMessage } from '../contracts/chat.js';
import { context, escapeMrkdwn, md } from '../ui/blocks.js';
import { fitBlocks } from '../ui/limits.js';
import { STATUS_EMOJI, statusJson, type Titles } from '../ui/status.js';

/** `/ctx status all`: one verdict per environment, the failing checks named under it. */
export function renderMultiStatus(reports: StatusReport[], titles: Titles): OutMessage {
  const blocks: Block[] = [];
  const plain: string[] = [];
  for (const r of reports) {
    const line = `${STATUS_EMOJI[r.overall]} ${headline(r, titles)}`;
    const bad = r.checks.filter((c) => c.status === 'fail' || c.status === 'warn');
    const sub = bad.map((c) => `${STATUS_EMOJI[c.status]} ${titles[c.id] ?? c.id}: ${c.summary}`);
    blocks.push(md(`*${escapeMrkdwn(line)}*${sub.length ? `\n${sub.map(escapeMrkdwn).join('\n')}` : ''}`));
    plain.push(line, ...sub.map((s) => `    ${s}`));
  }
  blocks.push(context(`\`/ctx status &lt;env&gt;\` shows one environment in full`));
  return {
    text: reports.map((r) => `${STATUS_EMOJI[r.overall]} ${headline(r, titles)}`).join('\n'),
    blocks: fitBlocks(blocks),
    plain: plain.join('\n'),
    json: reports.map(statusJson),
  };
}
