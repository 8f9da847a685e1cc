import pLimit from 'p-limit';
import { worst } from '../diagnostics/status-rules.js';
import { alertsSince, openAlerts } from '../store/alerts.js';
import { lastDigest } from '../store/digests.js';
import { hourlyStats, uptime } from '../diagnostics/history.js';
import { relevantWindows } from '../config/maintenance.js';
import { activeSilences } from '../store/silences.js';
import { bucketAverages } from './sparkline.js';
/** Points in the latency sparkline: 12 two-hour buckets over the last 24 h. */
export const TREND_POINTS = 12;
const DAY = 86_400_000;
/** Sections a digest can do without; each failure becomes a note instead of a missing digest. */
async function attempt(notes, what, fn, fallback) {
    try {
        return await fn();
    }
    catch (err) {
        notes.push(`${what}: ${err.message}`);
        return fallback;
    }
}
const withDeadline = (p, ms, what) => Promise.race([
    p,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms).unref()),
]);
/**
 * Gathers one digest: a run of every check, uptime and latency from the hourly history,
 * what changed since the previous digest, pending migrations, the last verified backup,
 * open incidents, open alerts, silences and maintenance windows.
 */
export async function buildDigest(deps, req) {
    const now = deps.now();
    const notes = [];
    const store = deps.store;
    const limit = pLimit(deps.concurrency ?? 8);
    const reports = await Promise.all(req.envs.map((e) => limit(() => deps.diagnostics.run(e, req.maxAgeMs === undefined ? {} : { maxAgeMs: req.maxAgeMs }))));
    if (!store)
        notes.push('uptime, trends, changes, alerts and silences need the ctx_ops store (CTX_OPS_DATABASE_URL or DATABASE_URL)');
    const [previous, silences, open] = store
        ? await Promise.all([
            attempt(notes, 'previous digest unavailable', () => lastDigest(store), null),
            attempt(notes, 'silences unavailable', () => activeSilences(store, now), []),
            attempt(notes, 'open alerts unavailable', () => openAlerts(store, req.envs), []),
        ])
        : [null, [], []];
    const since = previous?.postedAt
        ? await attempt(notes, 'alert history unavailable', () => alertsSince(store, previous.postedAt, req.envs), null)
        : null;
    const delivery = deps.services.get('delivery');
    await delivery?.refresh?.().catch(() => { });
    const problems = (delivery?.problems() ?? []).filter((p) => p.channel !== req.channel);
    const backups = deps.services.get('backups');
    const incidents = deps.services.get('incidents');
    let historyFailed = false;
    const envs = await Promise.all(reports.map(async (report) => {
        const env = report.environment;
        let rows = [];
        if (store && !historyFailed) {
            rows = await hourlyStats(store, env, new Date(now.getTime() - 7 * DAY)).catch((err) => {
                if (!historyFailed)
                    notes.push(`history unavailable: ${err.message}`);
                historyFailed = true;
                return [];
            });
        }
        const dayAgo = new Date(now.getTime() - DAY);
        const components = report.checks.map((c) => {
            const mine = rows.filter((r) => r.check === c.id);
            return {
                id: c.id,
                status: c.status,
                summary: c.summary,
                ...(c.rootCause ? { rootCause: c.rootCause } : {}),
                durationMs: c.durationMs,
                uptime24h: uptime(mine, dayAgo),
                uptime7d: uptime(mine, new Date(now.getTime() - 7 * DAY)),
                trend: bucketAverages(mine.map((r) => ({ at: r.hour, totalMs: r.totalMs, runs: r.runs - r.failures })), dayAgo, now, TREND_POINTS),
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
            openAlerts: open.filter((a) => a.env === env),
            silences: silences.filter((s) => s.env === null || s.env === env),
            maintenance: relevantWindows(deps.maintenance, now, DAY, [env]).filter((w) => !w.environments?.length || w.environments.includes(env)),
        };
    }));
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
function worstOverall(reports) {
    const w = worst(...reports.map((r) => r.overall));
    return w === 'skip' ? 'ok' : w;
}
/** Checks whose status differs from the previous digest (new checks count as changed from skip). */
export function diffSnapshot(prev, report) {
    return report.checks
        .filter((c) => (prev[c.id] ?? 'skip') !== c.status)
        .map((c) => ({ check: c.id, from: prev[c.id] ?? 'skip', to: c.status }));
}
export function snapshotOf(d) {
    return Object.fromEntries(d.envs.map((e) => [e.env, Object.fromEntries(e.report.checks.map((c) => [c.id, c.status]))]));
}
async function backupLine(svc, env) {
    if (!svc)
        return { state: 'untracked' };
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
    }
    catch (err) {
        return { state: 'error', message: err.message };
    }
}
async function incidentsLine(svc, env) {
    if (!svc)
        return { state: 'untracked' };
    try {
        return { state: 'ok', items: await withDeadline(svc.open(env), 5_000, 'the incidents service') };
    }
    catch (err) {
        return { state: 'error', message: err.message };
    }
}
