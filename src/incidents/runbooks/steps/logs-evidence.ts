import type { OutMessage } from '../../../contracts/chat.js';
import type { LogEvidence } from '../../../contracts/services.js';
import { context, escapeMrkdwn, md } from '../../../ui/blocks.js';
import { fitBlocks } from '../../../ui/limits.js';
import { clock, formatDuration } from '../../../util/format.js';
import type { StoredCheck } from '../../store.js';

/** How a `logs` step shows what the logs feature found: the step's outcome, and the evidence message. */
const OUTCOME_STATUS: Record<LogEvidence['outcome'], StoredCheck['status']> = {
  found: 'fail',
  nothing: 'ok',
  unavailable: 'unseen',
};

/** What the step keeps: the outcome and counts, never the lines (they are only in the evidence message). */
export function evidenceToCheck(list: LogEvidence[]): StoredCheck {
  const worst = list.find((e) => e.outcome === 'found') ?? list.find((e) => e.outcome === 'unavailable') ?? list[0];
  const parts = list.map((e) => `${label(e)}: ${verdict(e)}`);
  return {
    title: list.length === 1 && list[0] ? `${label(list[0])} logs` : 'Logs',
    status: worst ? OUTCOME_STATUS[worst.outcome] : 'unseen',
    summary: list.length === 1 && list[0] ? verdict(list[0]) : parts.join('; '),
    lines: [],
  };
}

function label(e: LogEvidence): string {
  return e.signal ? `${e.component} ${e.signal}` : `${e.component} errors`;
}

function verdict(e: LogEvidence): string {
  const window = formatDuration(e.until.getTime() - e.since.getTime());
  if (e.outcome === 'unavailable') return `source unavailable (${e.reason ?? 'not read'})`;
  if (e.outcome === 'nothing')
    return `nothing found in the last ${window} (${e.read} line${e.read === 1 ? '' : 's'} read)`;
  return `found ${e.count} line${e.count === 1 ? '' : 's'} in the last ${window}`;
}

/** The evidence message posted in the thread under the step. */
export function renderEvidence(list: LogEvidence[], step: { idx: number }, timeZone: string): OutMessage {
  const blocks = [];
  const plain: string[] = [];
  for (const e of list) {
    const emoji = e.outcome === 'found' ? '🔎' : e.outcome === 'nothing' ? '✅' : '❔';
    const head = `${emoji} *Step ${step.idx + 1} · ${escapeMrkdwn(label(e))}* (${e.env}, ${clock(e.since, timeZone)}–${clock(e.until, timeZone)}): ${escapeMrkdwn(verdict(e))}`;
    const samples = e.samples
      .slice(0, 3)
      .map((s) => `*${s.count}×* ${s.level}\n\`\`\`${escapeMrkdwn(s.text).replace(/```/g, "'''")}\`\`\``);
    blocks.push(md([head, ...samples].join('\n')));
    if (e.fix) blocks.push(context(`Fix: ${escapeMrkdwn(e.fix)}`));
    plain.push(
      `${label(e)}: ${verdict(e)}`,
      ...e.samples.slice(0, 3).map((s) => `  ${s.count}× ${s.level}: ${s.text}`),
    );
  }
  const sources = [...new Set(list.map((e) => e.source).filter(Boolean))];
  if (sources.length) blocks.push(context(`from ${sources.join(', ')} · samples redacted · nothing kept by the bot`));
  return { text: plain.join('\n').slice(0, 3000), blocks: fitBlocks(blocks), plain: plain.join('\n') };
}
