import type { Block, OutMessage } from '../contracts/chat.js';
import { actions, context, escapeMrkdwn, header, md } from '../ui/blocks.js';
import { fitBlocks } from '../ui/limits.js';
import { clock, formatDuration } from '../util/format.js';
import type { LogLevel } from './entry.js';
import type { LogReport } from './reader.js';
import type { SignalCatalog } from './signals.js';

export const POST_ACTION_ID = 'ctx.logs.post';

const LEVEL_ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug'];
const STOPPED: Record<string, string> = {
  bytes: 'stopped at the byte limit (logs.maxBytes)',
  lines: 'stopped at the line limit (logs.maxLines)',
  deadline: 'stopped at the deadline (logs.deadlineSeconds)',
};

/** What the button carries so the same window can be read again and posted (logs are never stored). */
export interface PostValue {
  e: string;
  c: string;
  s: number;
  u: number;
  sig?: string;
  g?: string;
  l?: LogLevel;
}

export interface RenderOptions {
  timezone: string;
  catalog: SignalCatalog;
  /** The full logs in the team's log UI (`logLinks`). */
  link?: string;
  /** Present on the private answer: the "Post to channel" button. */
  post?: PostValue;
  /** Groups with their samples (default 5). */
  top?: number;
}

const code = (s: string) => `\`\`\`${escapeMrkdwn(s).replace(/```/g, "'''")}\`\`\``;
const inline = (s: string) => `\`${escapeMrkdwn(s).replace(/`/g, "'")}\``;

function levelCounts(r: LogReport): string {
  const a = r.analysis;
  if (!a) return '';
  const parts = LEVEL_ORDER.filter((l) => a.levels[l] > 0).map((l) => `${a.levels[l]} ${l}`);
  return parts.length ? parts.join(' · ') : 'no lines';
}

function title(r: LogReport): string {
  const filters = [
    r.filter.signal ? `signal ${r.filter.signal}` : '',
    r.filter.level ? `${r.filter.level} and above` : '',
    r.filter.grep ? `containing "${r.filter.grep}"` : '',
  ].filter(Boolean);
  return `${r.component} logs · ${r.env} · last ${formatDuration(r.until.getTime() - r.since.getTime())}${filters.length ? ` · ${filters.join(', ')}` : ''}`;
}

/** The compact answer: counts per level and signal, the top groups with one redacted sample each. */
export function renderLogReport(r: LogReport, o: RenderOptions): OutMessage {
  const tz = o.timezone;
  const window = `${clock(r.since, tz)}–${clock(r.until, tz)}`;
  const blocks: Block[] = [header(title(r))];
  const plain: string[] = [title(r)];
  const foot: string[] = [];
  if (r.source) foot.push(`from ${r.source}`);
  foot.push(window);

  if (r.unavailable || !r.analysis) {
    const why = r.unavailable?.message ?? 'nothing was read';
    blocks.push(md(`:grey_question: *Logs unavailable*: ${escapeMrkdwn(why)}`));
    plain.push(`Logs unavailable: ${why}`);
    if (r.unavailable?.fix) {
      blocks.push(context(`Fix: ${escapeMrkdwn(r.unavailable.fix)}`));
      plain.push(`Fix: ${r.unavailable.fix}`);
    }
    if (o.link) blocks.push(context(`<${o.link}|Full logs>`));
    return { text: `${title(r)}: unavailable (${why})`, blocks: fitBlocks(blocks), plain: plain.join('\n'), json: r };
  }

  const a = r.analysis;
  const counts = `*${a.matched} line${a.matched === 1 ? '' : 's'}*${a.matched !== a.read ? ` of ${a.read} read` : ''} · ${levelCounts(r)}`;
  const notes = [
    r.stopped ? STOPPED[r.stopped] : '',
    a.cut ? `${a.cut} long line${a.cut === 1 ? '' : 's'} cut` : '',
  ].filter(Boolean);
  blocks.push(md(`${counts}${notes.length ? `\n_${notes.join(' · ')}_` : ''}`));
  plain.push(`${counts.replace(/\*/g, '')}${notes.length ? ` (${notes.join(', ')})` : ''}`);

  const known = o.catalog.get(r.component);
  if (known?.size) {
    const found = a.signals.map((s) => `${inline(s.name)} *${s.count}*${s.last ? ` (last ${clock(s.last, tz)})` : ''}`);
    const quiet = [...known.keys()].filter((n) => !a.signals.some((s) => s.name === n));
    const line = `*Signals*: ${found.length ? found.join(' · ') : 'none found'}${quiet.length ? `\n_nothing for ${quiet.join(', ')}_` : ''}`;
    blocks.push(md(line));
    plain.push(
      `Signals: ${a.signals.map((s) => `${s.name} ${s.count}`).join(', ') || 'none found'}${quiet.length ? ` (nothing for ${quiet.join(', ')})` : ''}`,
    );
  }

  if (a.groups.length) {
    blocks.push(md('*Top groups*'));
    plain.push('Top groups:');
    for (const g of a.groups.slice(0, o.top ?? 5)) {
      const when =
        g.first && g.last && g.first.getTime() !== g.last.getTime()
          ? `${clock(g.first, tz)}–${clock(g.last, tz)}`
          : g.last
            ? clock(g.last, tz)
            : '';
      const tags = g.signals.length ? ` · ${g.signals.join(', ')}` : '';
      blocks.push(md(`*${g.count}×* ${g.level}${when ? ` · ${when}` : ''}${tags}\n${code(g.sample)}`));
      plain.push(`  ${g.count}× ${g.level}${when ? ` ${when}` : ''}${tags}: ${g.sample}`);
    }
    if (a.moreGroups > 0) {
      blocks.push(context(`and ${a.moreGroups} more group${a.moreGroups === 1 ? '' : 's'}`));
      plain.push(`  and ${a.moreGroups} more groups`);
    }
  }

  if (o.link) foot.push(`<${o.link}|Full logs>`);
  blocks.push(context(foot.join(' · ')));
  plain.push(foot.map((f) => f.replace(/^<([^|]+)\|Full logs>$/, 'Full logs: $1')).join(' · '));
  if (o.post) blocks.push(actions({ text: 'Post to channel', actionId: POST_ACTION_ID, value: o.post }));

  const top = a.groups[0];
  const text = `${title(r)}: ${a.matched} lines, ${levelCounts(r)}${a.signals.length ? `; signals: ${a.signals.map((s) => `${s.name} ${s.count}`).join(', ')}` : ''}${top ? `; top: ${top.count}× ${top.sample.slice(0, 120)}` : ''}`;
  return { text, blocks: fitBlocks(blocks), plain: plain.join('\n'), json: r };
}

/** "backend: 3 errors (top: …)" for one line of a digest or a step. */
export function oneLine(r: LogReport): string {
  if (r.unavailable) return `${r.component}: unavailable (${r.unavailable.message})`;
  const a = r.analysis;
  if (!a) return `${r.component}: nothing read`;
  const errors = a.levels.error + a.levels.fatal;
  const top = a.groups[0];
  return `${r.component}: ${errors} error${errors === 1 ? '' : 's'}${top ? ` (top: ${top.count}× ${top.sample.slice(0, 100)})` : ''}`;
}
