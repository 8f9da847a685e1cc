import { headline } from '../diagnostics/status-rules.js';
import type { Status } from '../contracts/checks.js';
import type { Block, OutMessage } from '../contracts/chat.js';
import type { BackupLine, ComponentLine, Digest, EnvDigest, IncidentsLine } from './digest.js';
import { ago, day, dayTime, formatDuration } from '../util/format.js';
import { sparkline } from './sparkline.js';
import { context, divider, escapeMrkdwn, header, md } from '../ui/blocks.js';
import { deliveryProblemLines } from '../ui/delivery.js';
import { chunkLines, fitBlocks, LIMITS } from '../ui/limits.js';
import { truncate } from '../util/text.js';
import { STATUS_EMOJI, type Titles } from '../ui/status.js';

/** Above this many environments, healthy ones without changes share one line. */
export const COMPACT_AFTER = 6;

/** 1 → "100%", 0.99949 → "99.94%" (never rounded up to 100%), null → "–". */
export function formatUptime(u: number | null): string {
  if (u === null) return '–';
  if (u >= 1) return '100%';
  return `${(Math.floor(u * 10_000) / 100).toFixed(2)}%`;
}

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);

function size(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 10 || i === 0 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

function componentLine(c: ComponentLine, titles: Titles): { md: string; plain: string } {
  const name = titles[c.id] ?? c.id;
  const noHistory = c.uptime7d === null && c.trend.every((v) => v === null);
  const up = `${formatUptime(c.uptime24h)} 24h · ${formatUptime(c.uptime7d)} 7d`;
  const trend = sparkline(c.trend);
  const why =
    c.status === 'ok' || c.status === 'skip'
      ? ''
      : ` — ${c.summary}${c.rootCause ? ` (because ${titles[c.rootCause] ?? c.rootCause} is failing)` : ''}`;
  return {
    md: `${STATUS_EMOJI[c.status]} *${escapeMrkdwn(name)}*  ${noHistory ? '_no history yet_' : `${up}  \`${trend}\``} ${ms(c.durationMs)}${escapeMrkdwn(why)}`,
    plain: `${STATUS_EMOJI[c.status]} ${name}  ${noHistory ? 'no history yet' : `${up}  ${trend}`} ${ms(c.durationMs)}${why}`,
  };
}

function backupText(b: BackupLine, now: Date): string {
  switch (b.state) {
    case 'untracked':
      return 'backups: not tracked';
    case 'none':
      return 'backups: no verified backup yet';
    case 'error':
      return `backups: could not read (${b.message})`;
    case 'ok':
      return `backups: last verified ${ago(b.finishedAt, now)} (${b.file}, ${size(b.sizeBytes)})${
        b.freshness
          ? `; graph snapshot ${b.freshness.graph ? ago(b.freshness.graph.finishedAt, now) : 'none'}; restore test ${b.freshness.restoreTest ? `passed ${ago(b.freshness.restoreTest.at, now)}` : 'never passed'}`
          : ''
      }`;
  }
}

function incidentsText(i: IncidentsLine, now: Date): string {
  switch (i.state) {
    case 'untracked':
      return 'incidents: not tracked';
    case 'error':
      return `incidents: could not read (${i.message})`;
    case 'ok':
      if (!i.items.length) return 'incidents: none open';
      return `incidents: ${i.items.length} open: ${i.items
        .slice(0, 5)
        .map(
          (x) =>
            `${x.id} ${x.title} (${x.severity}, ${ago(x.openedAt, now).replace(' ago', '')}${x.owner ? `, ${x.owner}` : ''})`,
        )
        .join('; ')}${i.items.length > 5 ? ` and ${i.items.length - 5} more` : ''}`;
  }
}

const arrow = (from: Status, to: Status, name: string) => `${name} ${from === 'skip' ? 'new' : from} → ${to}`;

function envLines(e: EnvDigest, d: Digest, titles: Titles): { md: string[]; plain: string[] } {
  const mdl: string[] = [];
  const plain: string[] = [];
  const counted = e.report.checks.filter((c) => c.status !== 'skip');
  const fails = counted.filter((c) => c.status === 'fail').length;
  const warns = counted.filter((c) => c.status === 'warn').length;
  const tally =
    fails || warns
      ? [fails && `${fails} failing`, warns && `${warns} warning`].filter(Boolean).join(', ')
      : `all ${counted.length} checks healthy`;
  mdl.push(`${STATUS_EMOJI[e.report.overall]} *${escapeMrkdwn(e.env)}* · ${tally}`);
  plain.push(`${STATUS_EMOJI[e.report.overall]} ${e.env} · ${tally}`);
  for (const c of e.components) {
    const l = componentLine(c, titles);
    mdl.push(l.md);
    plain.push(`  ${l.plain}`);
  }
  const extras: string[] = [];
  if (e.changes === null)
    extras.push(d.previous ? 'changes: not in the previous digest' : 'changes: first digest, nothing to compare with');
  else
    extras.push(
      e.changes.length
        ? `changes: ${e.changes.map((c) => arrow(c.from, c.to, titles[c.check] ?? c.check)).join('; ')}`
        : 'changes: none since the last digest',
    );
  if (e.migrations) extras.push(`migrations: ${e.migrations.summary}`);
  extras.push(backupText(e.backup, d.generatedAt), incidentsText(e.incidents, d.generatedAt));
  if (e.logs?.length)
    extras.push(
      `errors in logs (24 h): ${e.logs
        .map((l) =>
          l.unavailable
            ? `${l.component} unavailable (${l.unavailable})`
            : `${l.component} ${l.errors}${l.top ? ` (top: ${l.top.count}× ${l.top.text.slice(0, 100)})` : ''}`,
        )
        .join('; ')}`,
    );
  if (e.openAlerts.length) {
    extras.push(
      `open alerts: ${e.openAlerts.map((a) => `${titles[a.check] ?? a.check} ${a.severity === 'fail' ? 'failing' : 'degraded'} for ${formatDuration(d.generatedAt.getTime() - a.since.getTime())}${a.silencedBy ? ' (silenced)' : ''}`).join('; ')}`,
    );
  }
  for (const s of e.silences) {
    extras.push(
      `silenced: ${s.check === '*' ? 'every check' : (titles[s.check] ?? s.check)}${s.env ? '' : ' (all environments)'} until ${dayTime(s.endsAt, d.timeZone)} by ${s.createdBy.startsWith('U') ? `<@${s.createdBy}>` : s.createdBy}${s.reason ? `: ${s.reason}` : ''} (#${s.id})`,
    );
  }
  for (const w of e.maintenance) {
    extras.push(
      `maintenance: ${w.checks?.length ? w.checks.map((c) => titles[c] ?? c).join(', ') : 'every check'} ${dayTime(new Date(w.from), d.timeZone)} – ${dayTime(new Date(w.to), d.timeZone)}${w.reason ? `: ${w.reason}` : ''}`,
    );
  }
  mdl.push(...extras.map((x) => `_${escapeMrkdwn(x).replace(/&lt;@(U[A-Z0-9]+)&gt;/g, '<@$1>')}_`));
  plain.push(...extras.map((x) => `  ${x.replace(/<@(U[A-Z0-9]+)>/g, '@$1')}`));
  return { md: mdl, plain };
}

function verdict(d: Digest, titles: Titles): string {
  if (!d.envs.length) return '⚪ No environments in this digest';
  if (d.envs.length === 1) return `${STATUS_EMOJI[d.overall]} ${headline(d.envs[0]!.report, titles)}`;
  const bad = d.envs.filter((e) => e.report.overall !== 'ok');
  if (!bad.length) return `✅ All ${d.envs.length} environments healthy`;
  return `${STATUS_EMOJI[d.overall]} ${bad.length} of ${d.envs.length} environments need attention: ${bad.map((e) => headline(e.report, titles)).join('; ')}`;
}

/**
 * One message per digest: the verdict first, then each environment with its components
 * (status, uptime 24 h / 7 d, latency sparkline), what changed, migrations, backups,
 * incidents, alerts and silences. Healthy, unchanged environments are folded into one
 * line when there are many, so the message stays readable and within 50 blocks.
 */
export function renderDigest(d: Digest, titles: Titles): OutMessage {
  const title = `ctx| digest · ${day(d.generatedAt, d.timeZone)}`;
  const top = verdict(d, titles);
  const meta: string[] = [];
  if (d.schedule)
    meta.push(
      `schedule ${d.schedule.name} · tick ${dayTime(d.schedule.slot, d.timeZone, { seconds: d.schedule.slot.getUTCSeconds() !== 0 })}`,
    );
  else meta.push(`as of ${dayTime(d.generatedAt, d.timeZone)}`);
  if (d.late)
    meta.push(
      `posted late: it was due ${dayTime(d.late.dueAt, d.timeZone)}, but Slack refused it then (${d.late.error})`,
    );
  if (d.previous?.postedAt) {
    const a = d.alerts;
    meta.push(
      `since the last digest (${dayTime(d.previous.postedAt, d.timeZone)}): ${a ? `${a.opened} alert${a.opened === 1 ? '' : 's'} raised, ${a.resolved} resolved${a.downtimeMs ? `, ${formatDuration(a.downtimeMs)} of downtime` : ''}` : 'alerts unknown'}`,
    );
  }
  meta.push('uptime = share of scheduled checks that did not fail · trend = latency over 24 h');

  const blocks: Block[] = [header(title), md(`*${escapeMrkdwn(top)}*`), context(...meta)];
  const plain: string[] = [title, top, ...meta.map((m) => `  ${m}`)];
  // Before anything else: while a channel refuses, alerts are not reaching people.
  if (d.delivery?.length) {
    const lines = deliveryProblemLines(d.delivery, d.timeZone, d.generatedAt);
    blocks.push(...chunkLines(lines.md).map(md));
    plain.push(...lines.plain);
  }
  const compact = d.envs.length > COMPACT_AFTER;
  const quiet = compact
    ? d.envs.filter(
        (e) => e.report.overall === 'ok' && !e.changes?.length && !e.openAlerts.length && !e.silences.length,
      )
    : [];
  for (const e of d.envs) {
    if (quiet.includes(e)) continue;
    const lines = envLines(e, d, titles);
    blocks.push(divider(), ...chunkLines(lines.md).map(md));
    plain.push('', ...lines.plain);
  }
  if (quiet.length) {
    const names = quiet.map((e) => e.env).join(', ');
    blocks.push(divider(), md(`✅ *Healthy, nothing changed:* ${escapeMrkdwn(names)}`));
    plain.push('', `✅ Healthy, nothing changed: ${names}`);
  }
  if (d.notes.length) {
    blocks.push(context(...d.notes.map((n) => `_${escapeMrkdwn(n)}_`)));
    plain.push('', ...d.notes.map((n) => `  note: ${n}`));
  }
  return {
    text: truncate(`${title}: ${top}`, LIMITS.fallbackText),
    blocks: fitBlocks(blocks),
    plain: plain.join('\n'),
    json: digestJson(d),
  };
}

export function digestJson(d: Digest) {
  return {
    generatedAt: d.generatedAt.toISOString(),
    overall: d.overall,
    ...(d.schedule ? { schedule: d.schedule.name, slot: d.schedule.slot.toISOString() } : {}),
    previous: d.previous?.postedAt
      ? { schedule: d.previous.schedule, postedAt: d.previous.postedAt.toISOString() }
      : null,
    alerts: d.alerts,
    environments: d.envs.map((e) => ({
      environment: e.env,
      overall: e.report.overall,
      components: e.components.map((c) => ({
        id: c.id,
        status: c.status,
        summary: c.summary,
        uptime24h: c.uptime24h,
        uptime7d: c.uptime7d,
        trendMs: c.trend,
        durationMs: c.durationMs,
      })),
      changes: e.changes,
      migrations: e.migrations ?? null,
      backup: e.backup,
      incidents: e.incidents,
      ...(e.logs ? { logs: e.logs } : {}),
      openAlerts: e.openAlerts.map((a) => ({
        id: a.id,
        check: a.check,
        severity: a.severity,
        since: a.since.toISOString(),
        silenced: Boolean(a.silencedBy),
      })),
      silences: e.silences.map((s) => ({
        id: s.id,
        check: s.check,
        env: s.env,
        endsAt: s.endsAt.toISOString(),
        reason: s.reason ?? null,
      })),
    })),
    notes: d.notes,
    deliveryProblems: (d.delivery ?? []).map((p) => ({
      channel: p.channel,
      purpose: p.purpose,
      error: p.error,
      fix: p.fix,
      since: p.since.toISOString(),
      waiting: p.waiting,
    })),
  };
}
