import type { Block, OutMessage } from '../../contracts/chat.js';
import type { RunbookStep } from './schema.js';
import type { ActionTarget } from './steps/action.js';
import type { StepLink } from './steps/link.js';
import { evidenceRefs } from './steps/logs.js';
import type { SessionStatus, StepState, StoredCheck } from '../store.js';
import { actions, context, escapeMrkdwn, md, mdWithButton, type ButtonSpec } from '../../ui/blocks.js';
import { STEP_MARK, who } from '../format.js';
import { clock, formatDuration } from '../../util/format.js';
import { chunkLines, fitBlocks, LIMITS } from '../../ui/limits.js';
import { truncate } from '../../util/text.js';
import { ACTION_RUNBOOK_START, MAX_RUNBOOK_BUTTONS, nthActionId, STATUS_EMOJI } from '../../ui/status.js';

export { ACTION_RUNBOOK_START, MAX_RUNBOOK_BUTTONS, nthActionId };
export const ACTION_STEP_DONE = 'ctx.runbook.done';
export const ACTION_STEP_SKIP = 'ctx.runbook.skip';
export const ACTION_STEP_FAILED = 'ctx.runbook.failed';
export const ACTION_STEP_RECHECK = 'ctx.runbook.recheck';
export const ACTION_STEP_RUN = 'ctx.runbook.run';

/** What a step button carries: ids only, so it works after a restart and on any replica. */
export interface StepButtonValue {
  s: number;
  i: number;
  /** Parameters of a guarded action's target. */
  p?: Record<string, string | number | boolean>;
}

export const CHECK_EMOJI: Record<StoredCheck['status'], string> = { ...STATUS_EMOJI, unseen: '❔', info: 'ℹ️' };
/** A logs step: found (🔎), nothing found (✅), source unavailable (❔). */
const OUTCOME_EMOJI: Partial<Record<StoredCheck['status'], string>> = { fail: '🔎', ok: '✅', unseen: '❔' };

export interface RunbookListItem {
  id: string;
  title: string;
  summary?: string;
  steps: number;
  file: string;
  when: string[];
}

export function renderRunbookList(items: RunbookListItem[], opts: { env: string }): OutMessage {
  const blocks: Block[] = [
    md(`*Runbooks* (${items.length}) · Start runs one against *${escapeMrkdwn(opts.env)}* in a thread`),
  ];
  for (const r of items) {
    const text = [
      `📘 *${escapeMrkdwn(r.title)}*  \`${r.id}\` · ${r.steps} steps`,
      r.summary ? `_${escapeMrkdwn(truncate(r.summary, 300))}_` : '',
      r.when.length ? `suggested when ${escapeMrkdwn(r.when.join('; '))}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    blocks.push(
      mdWithButton(text, { text: '▶ Start', actionId: ACTION_RUNBOOK_START, value: { env: opts.env, id: r.id } }),
    );
  }
  blocks.push(
    context(
      "`/ctx runbook &lt;id&gt; [env]` starts one · in a channel with an open incident it runs in the incident's thread",
    ),
  );
  const plain = [
    `Runbooks (${items.length}); \`runbook <id> [env]\` starts one against ${opts.env}:`,
    ...items.map((r) => `  ${r.id.padEnd(22)} ${r.title} (${r.steps} steps)`),
  ].join('\n');
  return {
    text: [`Runbooks (${items.length}):`, ...items.map((r) => `${r.id}: ${r.title}`)].join('\n'),
    blocks: fitBlocks(blocks),
    plain,
  };
}

export interface SessionHeaderView {
  sessionId: number;
  runbookId: string;
  title: string;
  env: string;
  file: string;
  startedBy: string;
  startedAt: Date;
  status: SessionStatus;
  finishedAt: Date | null;
  states: StepState[];
  incidentId: number | null;
  timeZone: string;
  unavailable: string[];
  now: Date;
}

export function sessionCounts(states: StepState[]) {
  const n = (s: StepState) => states.filter((x) => x === s).length;
  return { done: n('done'), skipped: n('skipped'), failed: n('failed'), pending: n('pending'), total: states.length };
}

export function countsText(states: StepState[]): string {
  const c = sessionCounts(states);
  return [
    `${c.done} done`,
    c.skipped ? `${c.skipped} skipped` : '',
    c.failed ? `${c.failed} failed` : '',
    c.pending ? `${c.pending} to do` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** The session's own message: what runs, where, and how far it got. */
export function renderSessionHeader(v: SessionHeaderView): OutMessage {
  const current = v.states.findIndex((s) => s === 'pending' || s === 'failed');
  const bar = v.states.map((s) => STEP_MARK[s]).join('');
  const head = `📘 *Runbook: ${escapeMrkdwn(v.title)}* (\`${v.runbookId}\`) on *${escapeMrkdwn(v.env)}*${v.incidentId ? ` · incident #${v.incidentId}` : ''}`;
  const started = `started by ${who(v.startedBy)} at ${clock(v.startedAt, v.timeZone, { seconds: true })}`;
  const progress =
    v.status === 'finished'
      ? `🏁 Finished at ${clock(v.finishedAt ?? v.now, v.timeZone, { seconds: true })} after ${formatDuration((v.finishedAt ?? v.now).getTime() - v.startedAt.getTime())}: ${countsText(v.states)}`
      : v.status === 'abandoned'
        ? `⏹ Stopped at ${clock(v.finishedAt ?? v.now, v.timeZone, { seconds: true })}: ${countsText(v.states)}`
        : `${bar}  ${countsText(v.states)}${current >= 0 ? ` · now step ${current + 1} of ${v.states.length}` : ''}`;
  const blocks: Block[] = [md(`${head}\n${started}\n${progress}`)];
  if (v.unavailable.length)
    blocks.push(context(`Checks not in this build, done by hand: ${v.unavailable.map((c) => `\`${c}\``).join(', ')}`));
  if (v.status === 'active')
    blocks.push(
      context(
        'Each step has Done, Skip, Failed and Re-check · `@ctx-ops next` shows the current step · `@ctx-ops skip &lt;reason&gt;` · `@ctx-ops note &lt;text&gt;`',
      ),
    );
  const text = `📘 Runbook ${v.title} (${v.runbookId}) on ${v.env}: ${v.status === 'active' ? countsText(v.states) : v.status}`;
  return { text, blocks };
}

export interface StepView {
  sessionId: number;
  idx: number;
  total: number;
  env: string;
  step: RunbookStep;
  state: StepState;
  actor: string | null;
  at: Date | null;
  reason: string | null;
  check: StoredCheck | null;
  checkedAt: Date | null;
  /** The step names a check this build does not run. */
  checkUnavailable: boolean;
  links: StepLink[];
  action: { label: string; targets: ActionTarget[]; manual: string; available: boolean; note?: string } | null;
  actionNote: string | null;
  sessionStatus: SessionStatus;
  timeZone: string;
  /** The step was posted again further down; this copy only points there. */
  moved?: boolean;
}

function stateLine(v: StepView): string {
  const at = v.at ? ` at ${clock(v.at, v.timeZone, { seconds: true })}` : '';
  switch (v.state) {
    case 'done':
      return `${STEP_MARK.done} Done by ${who(v.actor)}${at}`;
    case 'skipped':
      return `${STEP_MARK.skipped} Skipped by ${who(v.actor)}${at}${v.reason ? `: ${escapeMrkdwn(v.reason)}` : ''}`;
    case 'failed':
      return `${STEP_MARK.failed} Marked failed by ${who(v.actor)}${at}${v.reason ? `: ${escapeMrkdwn(v.reason)}` : ''} · fix it, then press Done, or skip it with a reason`;
    case 'pending':
      return v.sessionStatus === 'active'
        ? `${STEP_MARK.pending} To do`
        : `${STEP_MARK.pending} Not done (runbook ${v.sessionStatus})`;
  }
}

function checkText(v: StepView): string | null {
  if (!v.step.check) {
    // A `logs` step keeps the outcome of its read like a check (found / nothing found / unavailable).
    if (!v.check) return null;
    const when = v.checkedAt ? ` · read ${clock(v.checkedAt, v.timeZone, { seconds: true })}` : '';
    const verdict = OUTCOME_EMOJI[v.check.status] ?? CHECK_EMOJI[v.check.status];
    return `${verdict} *${escapeMrkdwn(v.check.title)}*: ${escapeMrkdwn(v.check.summary)}${when}`;
  }
  const ref = v.step.check;
  const about = ref.match ? ` (condition \`${escapeMrkdwn(ref.match)}\`)` : '';
  if (v.checkUnavailable) return `⚪ Automated check \`${ref.id}\`${about} is not part of this build: check it by hand`;
  if (!v.check) return `⏳ Checking \`${ref.id}\`${about}…`;
  const when = v.checkedAt ? ` · checked ${clock(v.checkedAt, v.timeZone, { seconds: true })}` : '';
  const verdict = v.check.status === 'unseen' ? 'not reported by the check this time' : escapeMrkdwn(v.check.summary);
  const lines = v.check.lines.slice(0, 6).map((l) => `> ${escapeMrkdwn(truncate(l, 400))}`);
  return [`${CHECK_EMOJI[v.check.status]} *${escapeMrkdwn(v.check.title)}*${about}: ${verdict}${when}`, ...lines].join(
    '\n',
  );
}

function linkText(l: StepLink): string {
  return 'url' in l
    ? `<${l.url}|📜 ${escapeMrkdwn(l.text)}>`
    : `📜 ${escapeMrkdwn(l.text)}: \`${escapeMrkdwn(l.hint)}\``;
}

/** One step: what to do, what the bot sees, where to look, who did what, and the buttons. */
export function renderStep(v: StepView): OutMessage {
  const title = `*Step ${v.idx + 1} of ${v.total}* · ${v.step.text}`;
  const value = (extra: Partial<StepButtonValue> = {}): StepButtonValue => ({ s: v.sessionId, i: v.idx, ...extra });
  if (v.moved) {
    const blocks: Block[] = [md(title), context(`⤵ Posted again further down this thread · ${stateLine(v)}`)];
    return { text: `Step ${v.idx + 1} of ${v.total}: ${v.step.text} (posted again below)`, blocks };
  }
  const blocks: Block[] = [];
  for (const chunk of chunkLines([title, ...(v.step.help ? [v.step.help] : [])], LIMITS.sectionText))
    blocks.push(md(chunk));
  const check = checkText(v);
  if (check) blocks.push(md(check));
  const meta = [...v.links.map(linkText), v.step.covers ? `covers: _${escapeMrkdwn(v.step.covers)}_` : ''].filter(
    Boolean,
  );
  if (meta.length) blocks.push(context(...meta));
  if (v.action && !v.action.available && (v.state === 'pending' || v.state === 'failed')) {
    blocks.push(
      context(
        `Guarded operations are not available in this bot, so ${escapeMrkdwn(v.action.label)} cannot run from here: ${v.action.manual}`,
      ),
    );
  }
  if (v.action?.note) blocks.push(context(escapeMrkdwn(v.action.note)));
  if (v.actionNote) blocks.push(context(v.actionNote));
  blocks.push(context(stateLine(v)));

  const open = v.sessionStatus === 'active' && (v.state === 'pending' || v.state === 'failed');
  const buttons: ButtonSpec[] = [];
  if (open) {
    buttons.push({ text: '✅ Done', actionId: ACTION_STEP_DONE, value: value(), style: 'primary' });
    buttons.push({ text: '⏭️ Skip', actionId: ACTION_STEP_SKIP, value: value() });
    if (v.state === 'pending')
      buttons.push({ text: '❌ Failed', actionId: ACTION_STEP_FAILED, value: value(), style: 'danger' });
  }
  if (((v.step.check && !v.checkUnavailable) || evidenceRefs(v.step.logs).length > 0) && v.sessionStatus === 'active')
    buttons.push({ text: '🔄 Re-check', actionId: ACTION_STEP_RECHECK, value: value() });
  if (open && v.action?.available) {
    v.action.targets.slice(0, MAX_RUNBOOK_BUTTONS).forEach((t, n) =>
      buttons.push({
        text: `▶ ${t.label}`,
        actionId: nthActionId(ACTION_STEP_RUN, n),
        value: value({ p: t.params }),
      }),
    );
  }
  if (buttons.length) blocks.push(actions(...buttons));

  const fallback = [
    `Step ${v.idx + 1} of ${v.total}: ${v.step.text}`,
    v.check ? `${CHECK_EMOJI[v.check.status]} ${v.check.title}: ${escapeMrkdwn(v.check.summary)}` : '',
    stateLine(v).replace(/<@([A-Z0-9]+)>/g, '@$1'),
  ].filter(Boolean);
  return { text: truncate(fallback.join('\n'), LIMITS.fallbackText), blocks: fitBlocks(blocks) };
}

export function renderSessionFinished(v: {
  title: string;
  runbookId: string;
  states: StepState[];
  startedAt: Date;
  finishedAt: Date;
  incidentId: number | null;
}): OutMessage {
  const text = `🏁 Runbook *${escapeMrkdwn(v.title)}* finished after ${formatDuration(v.finishedAt.getTime() - v.startedAt.getTime())}: ${countsText(v.states)}.${
    v.incidentId
      ? ` When the incident is over: \`/ctx incident close #${v.incidentId} [summary]\` or \`@ctx-ops close [summary]\`.`
      : ''
  }`;
  return { text: text.replace(/\*/g, ''), blocks: [md(text)] };
}
