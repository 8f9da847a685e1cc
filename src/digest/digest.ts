import pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { BackupFreshness, BackupsInfo, DeliveryProblem, IncidentsInfo, LogsInfo } from '../contracts/services.js';
import type { Diagnostics } from '../diagnostics/runner.js';
import { worst } from '../diagnostics/status-rules.js';
import type { Status, StatusReport } from '../contracts/checks.js';
import type { ServiceRegistry } from '../runtime/feature.js';
import type { Store } from '../store/store.js';
import { alertsSince, openAlerts, type AlertRecord } from '../store/alerts.js';
import { lastDigest, type DigestRecord, type Snapshot } from '../store/digests.js';
import { hourlyStats, uptime, type HourlyRow } from '../diagnostics/history.js';
import { relevantWindows, type MaintenanceWindow, type Silence } from '../config/maintenance.js';
import { activeSilences } from '../store/silences.js';
import { bucketAverages } from './sparkline.js';

/** Points in the latency sparkline: 12 two-hour buckets over the last 24 h. */
export const TREND_POINTS = 12;
const DAY = 86_400_000;

export interface ComponentLine {
  id: string;
  status: Status;
  summary: string;
  rootCause?: string;
  durationMs: number;
  uptime24h: number | null;
  uptime7d: number | null;
  /** Average latency per bucket, oldest first; null where nothing ran. */
  trend: Array<number | null>;
}

export type BackupLine =
  | { state: 'untracked' }
  | { state: 'none' }
  | { state: 'ok'; finishedAt: Date; file: string; sizeBytes: number; freshness?: BackupFreshness }
  | { state: 'error'; message: string };

export type IncidentsLine =
  | { state: 'untracked' }
  | {
      state: 'ok';
      items: Array<{ id: string; title: string; severity: string; openedAt: Date; owner?: string; permalink?: string }>;
    }
  | { state: 'error'; message: string };

export interface Change {
  check: string;
  from: Status;
  to: Status;
}

export interface LogsLine {
  component: string;
  errors: number;
  /** The top group: count and one redacted sample. */
  top?: { count: number; text: string };
  unavailable?: string;
}

export interface EnvDigest {
  env: string;
  report: StatusReport;
  components: ComponentLine[];
  /** Null when there is no previous digest of this environment to compare with. */
  changes: Change[] | null;
  migrations?: { status: Status; summary: string };
  backup: BackupLine;
  incidents: IncidentsLine;
  /** Errors per component in the last 24 h (the logs service, when the environment has a log source). */
  logs?: LogsLine[];
  openAlerts: AlertRecord[];
  silences: Silence[];
  maintenance: MaintenanceWindow[];
}

export interface Digest {
  generatedAt: Date;
  timeZone: string;
  schedule?: { name: string; slot: Date };
  overall: Exclude<Status, 'skip'>;
  envs: EnvDigest[];
  previous: Pick<DigestRecord, 'schedule' | 'postedAt' | 'channel'> | null;
  /** Alerts raised and resolved since the previous digest. */
  alerts: { opened: number; resolved: number; downtimeMs: number } | null;
  /** What could not be included, and why ("history needs the ctx_ops store"). */
  notes: string[];
  /** Channels the bot cannot post to (alerts, digests): people must fix these. */
  delivery: DeliveryProblem[];
  /** Posted after its time because Slack refused it then. */
  late?: { dueAt: Date; error: string };
}

export interface DigestDeps {
  diagnostics: Diagnostics;
  store: Store | null;
  services: ServiceRegistry;
  maintenance: readonly MaintenanceWindow[];
  timeZone: string;
  /** Environments checked at the same time (watch.concurrency). */
  concurrency?: number;
  log: Logger;
  now(): Date;
}

export interface DigestRequest {
  envs: readonly string[];
  /** 0 for a fresh run (scheduled digests); default: the normal check cache. */
  maxAgeMs?: number;
  schedule?: { name: string; slot: Date };
  /** The channel it goes to (its own delivery problem is not listed in it). */
  channel?: string;
  late?: { dueAt: Date; error: string };
}

/** Sections a digest can do without; each failure becomes a note instead of a missing digest. */
async function attempt<T>(notes: string[], what: string, fn: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    notes.push(`${what}: ${(err as Error).message}`);
    return fallback;
  }
}

const withDeadline = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms).unref(),
    ),
  ]);

/**
 * Gathers one digest: a run of every check, uptime and latency from the hourly history,
 * what changed since the previous digest, pending migrations, the last verified backup,
 * open incidents, open alerts, silences and maintenance windows.
 */
export async function buildDigest(deps: DigestDeps, req: DigestRequest): Promise<Digest> {
  const now = deps.now();
  const notes: string[] = [];
  const store = deps.store;
  const limit = pLimit(deps.concurrency ?? 8);
  const reports = await Promise.all(
    req.envs.map((e) =>
      limit(() => deps.diagnostics.run(e, req.maxAgeMs === undefined ? {} : { maxAgeMs: req.maxAgeMs })),
    ),
  );

  if (!store)
    notes.push(
      'uptime, trends, changes, alerts and silences need the ctx_ops store (CTX_OPS_DATABASE_URL or DATABASE_URL)',
    );
  const [previous, silences, open] = store
    ? await Promise.all([
        attempt(notes, 'previous digest unavailable', () => lastDigest(store), null),
        attempt(notes, 'silences unavailable', () => activeSilences(store, now), [] as Silence[]),
        attempt(notes, 'open alerts unavailable', () => openAlerts(store, req.envs), [] as AlertRecord[]),
      ])
    : [null, [] as Silence[], [] as AlertRecord[]];
  const since = previous?.postedAt
    ? await attempt(notes, 'alert history unavailable', () => alertsSince(store!, previous.postedAt!, req.envs), null)
    : null;

  const delivery = deps.services.get('delivery');
  await delivery?.refresh?.().catch(() => {});
  const problems = (delivery?.problems() ?? []).filter((p) => p.channel !== req.channel);
  const backups = deps.services.get('backups');
  const incidents = deps.services.get('incidents');
  const logs = deps.services.get('logs');
  let historyFailed = false;

  const envs = await Promise.all(
    reports.map(async (report): Promise<EnvDigest> => {
      const env = report.environment;
      let rows: HourlyRow[] = [];
      if (store && !historyFailed) {
        rows = await hourlyStats(store, env, new Date(now.getTime() - 7 * DAY)).catch((err: Error) => {
          if (!historyFailed) notes.push(`history unavailable: ${err.message}`);
          historyFailed = true;
          return [];
        });
      }
      const dayAgo = new Date(now.getTime() - DAY);
      const components = report.checks.map((c): ComponentLine => {
        const mine = rows.filter((r) => r.check === c.id);
        return {
          id: c.id,
          status: c.status,
          summary: c.summary,
          ...(c.rootCause ? { rootCause: c.rootCause } : {}),
          durationMs: c.durationMs,
          uptime24h: uptime(mine, dayAgo),
          uptime7d: uptime(mine, new Date(now.getTime() - 7 * DAY)),
          trend: bucketAverages(
            mine.map((r) => ({ at: r.hour, totalMs: r.totalMs, runs: r.runs - r.failures })),
            dayAgo,
            now,
            TREND_POINTS,
          ),
        };
      });
      const m = report.checks.find((c) => c.id === 'migrations');
      const prevEnv = previous?.snapshot?.[env];
      return {
        env,
        report,
        components,
        changes: prevEnv ? diffSnapshot(prevEnv, report) : null,
        ...(m ? { migrations: { status: m.status, summary: m.summary } } : {}),
        backup: await backupLine(backups, env),
        incidents: await incidentsLine(incidents, env),
        ...(logs?.components(env).length ? { logs: await logsLines(logs, env) } : {}),
        openAlerts: open.filter((a) => a.env === env),
        silences: silences.filter((s) => s.env === null || s.env === env),
        maintenance: relevantWindows(deps.maintenance, now, DAY, [env]).filter(
          (w) => !w.environments?.length || w.environments.includes(env),
        ),
      };
    }),
  );

  return {
    generatedAt: now,
    timeZone: deps.timeZone,
    ...(req.schedule ? { schedule: req.schedule } : {}),
    overall: worstOverall(reports),
    envs,
    previous: previous ? { schedule: previous.schedule, postedAt: previous.postedAt, channel: previous.channel } : null,
    alerts: since
      ? {
          opened: since.filter((a) => previous?.postedAt && a.openedAt > previous.postedAt).length,
          resolved: since.filter((a) => a.resolvedAt).length,
          downtimeMs: since.reduce((n, a) => n + (a.downtimeMs ?? 0), 0),
        }
      : null,
    notes,
    delivery: problems,
    ...(req.late ? { late: req.late } : {}),
  };
}

function worstOverall(reports: StatusReport[]): Exclude<Status, 'skip'> {
  const w = worst(...reports.map((r) => r.overall));
  return w === 'skip' ? 'ok' : w;
}

/** Checks whose status differs from the previous digest (new checks count as changed from skip). */
export function diffSnapshot(prev: Record<string, Status>, report: StatusReport): Change[] {
  return report.checks
    .filter((c) => (prev[c.id] ?? 'skip') !== c.status)
    .map((c) => ({ check: c.id, from: prev[c.id] ?? 'skip', to: c.status }));
}

export function snapshotOf(d: Pick<Digest, 'envs'>): Snapshot {
  return Object.fromEntries(
    d.envs.map((e) => [e.env, Object.fromEntries(e.report.checks.map((c) => [c.id, c.status]))]),
  );
}

async function backupLine(svc: BackupsInfo | undefined, env: string): Promise<BackupLine> {
  if (!svc) return { state: 'untracked' };
  try {
    const b = await withDeadline(svc.lastVerified(env), 5_000, 'the backups service');
    // Graph snapshot and restore test ages, when the service offers them (best effort).
    const freshness = svc.freshness
      ? await withDeadline(svc.freshness(env), 5_000, 'the backups service').catch(() => undefined)
      : undefined;
    return b
      ? {
          state: 'ok',
          finishedAt: b.finishedAt,
          file: b.file,
          sizeBytes: b.sizeBytes,
          ...(freshness ? { freshness } : {}),
        }
      : { state: 'none' };
  } catch (err) {
    return { state: 'error', message: (err as Error).message };
  }
}

/** Per component: errors in the last 24 h and the top group, each read bounded by the logs settings. */
async function logsLines(svc: LogsInfo, env: string): Promise<LogsLine[]> {
  return Promise.all(
    svc.components(env).map(async (component): Promise<LogsLine> => {
      try {
        const e = await withDeadline(svc.evidence({ env, component, windowMs: DAY }), 30_000, 'the logs service');
        if (e.outcome === 'unavailable') return { component, errors: 0, unavailable: e.reason ?? 'not read' };
        const top = e.samples[0];
        return { component, errors: e.count, ...(top ? { top: { count: top.count, text: top.text } } : {}) };
      } catch (err) {
        return { component, errors: 0, unavailable: (err as Error).message };
      }
    }),
  );
}

async function incidentsLine(svc: IncidentsInfo | undefined, env: string): Promise<IncidentsLine> {
  if (!svc) return { state: 'untracked' };
  try {
    return { state: 'ok', items: await withDeadline(svc.open(env), 5_000, 'the incidents service') };
  } catch (err) {
    return { state: 'error', message: (err as Error).message };
  }
}
