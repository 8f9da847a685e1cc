import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import { renderHome } from './render.js';
import { openAlerts } from '../store/alerts.js';
import { lastDigest } from '../store/digests.js';
import { latestRecorded } from '../diagnostics/history.js';
import { relevantWindows } from '../config/maintenance.js';
import { activeSilences } from '../store/silences.js';
/** Viewers who opened the tab this recently get it refreshed after scheduled runs. */
export const RECENT_VIEWER_MS = 7 * 86_400_000;
export const MAX_REFRESHED_VIEWERS = 100;
/**
 * The App Home tab: built from the newest results (this replica's, else the leader's in
 * the history), published when someone opens the tab, and re-published for recent
 * viewers after scheduled runs, but only when its content changed.
 */
export function createHome(deps) {
    const log = deps.log.child({ part: 'home' });
    // Fresh runs (when no recent result exists) are bounded like the watch's.
    const limit = pLimit(8);
    const statusOf = async (env, now) => {
        const floor = now.getTime() - deps.freshMs;
        const mem = deps.latest.get(env);
        if (mem && Date.parse(mem.checkedAt) >= floor)
            return { env, report: mem };
        if (deps.store && deps.freshMs > 0) {
            const rec = await latestRecorded(deps.store, env, new Date(floor)).catch(() => null);
            if (rec)
                return { env, report: rec };
        }
        try {
            const r = await deps.diagnostics.run(env);
            deps.latest.set(r);
            return { env, report: r };
        }
        catch (err) {
            return { env, report: mem ?? null, error: err.message };
        }
    };
    const gather = async () => {
        const now = deps.now();
        const notes = [];
        const store = deps.store;
        const soft = async (what, fn, fallback) => {
            try {
                return await fn();
            }
            catch (err) {
                notes.push(`${what}: ${err.message}`);
                return fallback;
            }
        };
        if (!store)
            notes.push('alerts, silences and digests need the ctx_ops store (CTX_OPS_DATABASE_URL or DATABASE_URL)');
        const [envs, digest, alerts, silences] = await Promise.all([
            Promise.all(deps.envs.map((e) => limit(() => statusOf(e, now)))),
            store ? soft('last digest unavailable', () => lastDigest(store), null) : null,
            store ? soft('open alerts unavailable', () => openAlerts(store), []) : [],
            store ? soft('silences unavailable', () => activeSilences(store, now), []) : [],
        ]);
        const selfCheck = deps.selfCheck?.();
        return {
            generatedAt: now,
            timeZone: deps.timeZone,
            envs,
            lastDigest: digest,
            openAlerts: alerts,
            silences,
            maintenance: relevantWindows(deps.maintenance, now, 7 * 86_400_000),
            notes,
            ...(selfCheck !== undefined ? { selfCheck } : {}),
        };
    };
    /** What the tab says, without the clock: the same content hashes the same. */
    const contentHash = (d) => createHash('sha256')
        .update(JSON.stringify([
        d.envs.map((e) => [
            e.env,
            e.report?.overall,
            e.report?.checks.map((c) => [c.id, c.status, c.status === 'ok' ? '' : c.summary]),
            e.error,
        ]),
        d.lastDigest?.id,
        d.openAlerts.map((a) => [a.id, a.severity, a.silencedBy, a.channel]),
        d.silences.map((s) => s.id),
        d.maintenance,
        d.notes,
        d.selfCheck ? [d.selfCheck.overall, d.selfCheck.problems.map((p) => [p.status, p.title])] : null,
    ]))
        .digest('hex')
        .slice(0, 32);
    const view = async () => {
        const data = await gather();
        return { view: renderHome(data, deps.titles), hash: contentHash(data) };
    };
    return {
        view,
        /** app_home_opened: remember the viewer and publish at once. */
        async opened(slack, userId) {
            const { view: v, hash } = await view();
            await slack.publishHome(userId, v);
            if (deps.store) {
                await deps.store
                    .query(`INSERT INTO ctx_ops.home_viewers (user_id, opened_at, published_hash) VALUES ($1, $2, $3)
             ON CONFLICT (user_id) DO UPDATE SET opened_at = EXCLUDED.opened_at, published_hash = EXCLUDED.published_hash`, [userId, deps.now(), hash])
                    .catch((err) => log.warn({ err: { message: err.message } }, 'could not remember the App Home viewer'));
            }
        },
        /** After a scheduled run: re-publish for recent viewers whose tab shows something else. Returns how many. */
        async refresh(slack) {
            if (!deps.store)
                return 0;
            const { rows } = await deps.store.query(`SELECT user_id, published_hash FROM ctx_ops.home_viewers WHERE opened_at > $1 ORDER BY opened_at DESC LIMIT ${MAX_REFRESHED_VIEWERS}`, [new Date(deps.now().getTime() - RECENT_VIEWER_MS)]);
            if (!rows.length)
                return 0;
            const { view: v, hash } = await view();
            let n = 0;
            for (const r of rows) {
                if (r.published_hash === hash)
                    continue;
                try {
                    await slack.publishHome(r.user_id, v);
                    await deps.store.query(`UPDATE ctx_ops.home_viewers SET published_hash = $2 WHERE user_id = $1`, [
                        r.user_id,
                        hash,
                    ]);
                    n++;
                }
                catch (err) {
                    log.warn({ user: r.user_id, err: { message: err.message } }, 'could not refresh the App Home tab');
                }
            }
            if (n)
                log.debug({ viewers: n }, 'App Home refreshed');
            return n;
        },
    };
}
