import { backendUrl } from '../../../diagnostics/ctx-urls.js';
import { describeFailure } from '../../../util/net-errors.js';
import { withCtxDb } from './ctx-db.js';
/** The environment variable holding a ctx| API key for this environment (sent as x-api-key). */
export const API_KEY_VARIABLE = 'CTX_OPS_API_KEY';
export const apiKeyOf = (env) => env.ctx.raw[API_KEY_VARIABLE]?.trim() || undefined;
const REPO_COLS_SELECT = 'r.id, r.name, o.slug, r.indexing_status::text AS status, r.index_ready, r.indexing_error AS error, r.indexing_failed_at AS failed_at';
const REPO_FROM = 'FROM repositories r LEFT JOIN organizations o ON o.id = r.org_id';
async function findRepository(c, ref) {
    return (await c.query(`SELECT ${REPO_COLS_SELECT} ${REPO_FROM} WHERE r.id = $1 OR r.name = $1 ORDER BY (r.id = $1) DESC, o.slug LIMIT 5`, [ref])).rows;
}
const statusText = (r) => r.status ?? (r.index_ready ? 'ready' : 'not indexed');
/**
 * Reindexing the supported way: `POST /:orgSlug/api/v1/repositories/{id}/reindex` (202),
 * which claims the repository and starts the ingestion workflow. Setting the row back to
 * `queued` in SQL would not start anything, and would make upstream skip a real reindex
 * for 30 minutes (it treats a fresh `queued` as already claimed). The route needs an
 * org member's API key; upstream limits a key to 10 requests per 24 h by default, which is
 * plenty for a guarded, confirmed action and is why the bot never polls the API.
 */
export function reindexRepositoryKind(deps) {
    const resolve = async (env, ref, signal) => {
        const rows = await withCtxDb(env, deps.log, signal, (c) => findRepository(c, ref));
        if (!rows.length)
            return `no repository with id or name "${ref}" on ${env.name}`;
        if (rows.length > 1 && rows[0].id !== ref)
            return `"${ref}" names ${rows.length} repositories (${rows.map((r) => `${r.slug}/${r.name} = ${r.id}`).join(', ')}): use the id`;
        const repo = rows[0];
        if (!repo.slug)
            return `repository ${repo.name} belongs to no organisation this bot can find`;
        return repo;
    };
    return {
        kind: 'reindex-repository',
        label: 'Reindex',
        validateParams: (p) => typeof p.repository === 'string' && p.repository && Object.keys(p).length === 1
            ? null
            : 'reindex-repository takes { repository: <id or name> }',
        manual: () => 'open the repository in the ctx| UI and press Reindex, or `POST /&lt;orgSlug&gt;/api/v1/repositories/&lt;id&gt;/reindex` with an API key in `x-api-key`',
        async targets(env, signal) {
            // Failed and never-indexed first, then stale claims upstream would reclaim, then the rest (a graph rebuild).
            const rows = await withCtxDb(env, deps.log, signal, async (c) => (await c.query(`SELECT * FROM (
               SELECT ${REPO_COLS_SELECT}, r.last_ingested_at,
                      CASE WHEN r.indexing_status = 'failed' THEN 0
                           WHEN NOT r.index_ready AND r.indexing_status IS NULL THEN 1
                           WHEN r.indexing_status = 'queued' AND r.updated_at < now() - interval '30 minutes' THEN 2
                           WHEN r.indexing_status = 'running' AND r.updated_at < now() - interval '6 hours' THEN 2
                           WHEN r.indexing_status IN ('queued', 'running', 'unindexing') THEN 9
                           ELSE 3 END AS rank
                 ${REPO_FROM}) t
              WHERE rank < 9
              ORDER BY rank, failed_at DESC NULLS LAST, last_ingested_at ASC NULLS FIRST, name
              LIMIT 5`)).rows);
            return rows.map((r) => ({
                label: `Reindex ${r.slug ?? '?'}/${r.name} (${statusText(r)})`,
                params: { repository: r.id },
            }));
        },
        guarded: {
            kind: 'reindex-repository',
            title: (p, env) => `Reindex repository ${p.repository} on ${env.name}`,
            async precheck(p, env, signal) {
                if (!apiKeyOf(env))
                    return `reindexing needs a ctx| API key: set ${API_KEY_VARIABLE} in the variables of ${env.name} (an API key of a member of the repository's organisation)`;
                const repo = await resolve(env, p.repository, signal);
                return typeof repo === 'string' ? repo : null;
            },
            async preview(p, env, signal) {
                const repo = await resolve(env, p.repository, signal);
                if (typeof repo === 'string')
                    return [repo];
                return [
                    `POST ${backendUrl(env, `/${repo.slug}/api/v1/repositories/${repo.id}/reindex`)} with the API key from ${API_KEY_VARIABLE}`,
                    `${repo.slug}/${repo.name}: ${statusText(repo)}${repo.failed_at ? ` since ${repo.failed_at.toISOString()}` : ''}${repo.error ? `: ${repo.error.slice(0, 200)}` : ''}`,
                    'The worker then clones and indexes it again; `/ctx check indexing` shows how far it got',
                    "Uses one of the API key's requests (upstream allows 10 per 24 h per key by default)",
                ];
            },
            async run(ctx) {
                const key = apiKeyOf(ctx.env);
                if (!key)
                    return { ok: false, summary: `${API_KEY_VARIABLE} is not set for ${ctx.env.name}` };
                const repo = await resolve(ctx.env, ctx.params.repository, ctx.signal);
                if (typeof repo === 'string')
                    return { ok: false, summary: repo };
                const url = backendUrl(ctx.env, `/${encodeURIComponent(repo.slug)}/api/v1/repositories/${encodeURIComponent(repo.id)}/reindex`);
                const out = await deps.http.request(url, {
                    method: 'POST',
                    signal: ctx.signal,
                    headers: { 'x-api-key': key, accept: 'application/json' },
                });
                const name = `${repo.slug}/${repo.name}`;
                if (!out.ok)
                    return {
                        ok: false,
                        summary: `Reindex of ${name} not sent: ${describeFailure(out.failure, 'AUTH_BASE_URL')}`,
                    };
                const status = out.res.status;
                if (status === 202 || status === 200)
                    return {
                        ok: true,
                        summary: `Reindex of ${name} accepted (HTTP ${status}); the worker queues a new ingestion`,
                    };
                const why = {
                    401: `the API key in ${API_KEY_VARIABLE} was refused`,
                    403: 'the API key has no access to this organisation',
                    404: "the backend does not know this repository (or the key's user is not a member of its organisation)",
                    429: 'the API key is rate limited (upstream allows 10 requests per 24 h per key by default)',
                };
                return {
                    ok: false,
                    summary: `Reindex of ${name} refused: HTTP ${status}${why[status] ? `: ${why[status]}` : ''}`,
                };
            },
        },
    };
}
