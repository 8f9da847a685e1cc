import { describeFailure } from '../../util/net-errors.js';
import { classifyPgError } from '../../postgres/pg-access.js';
/**
 * The organizations ctx| serves, oldest first, at most `max` of them. Read-only; the
 * repositories read is best effort because the per-org verdict can do without it.
 */
export async function readOrgs(pg, signal, max) {
    return pg.withClient(signal, async (client) => {
        const { rows } = await client.query(`SELECT id, slug, name, count(*) OVER () AS total
         FROM organizations
        ORDER BY created_at, id
        LIMIT $1`, [max]);
        const orgs = rows.map(({ id, slug, name }) => ({ id, slug, name }));
        const total = rows.length ? Number(rows[0].total) : 0;
        let ingestion = null;
        if (orgs.length) {
            try {
                const r = await client.query(`SELECT org_id, count(*) AS repositories, count(last_ingested_at) AS ingested
             FROM repositories WHERE org_id = ANY($1) GROUP BY org_id`, [orgs.map((o) => o.id)]);
                ingestion = new Map(orgs.map((o) => [o.id, { repositories: 0, ingested: 0 }]));
                for (const row of r.rows)
                    ingestion.set(row.org_id, { repositories: Number(row.repositories), ingested: Number(row.ingested) });
            }
            catch (err) {
                if (signal.aborted)
                    throw err;
                ingestion = null;
            }
        }
        return { orgs, total, ingestion };
    });
}
/** The org list, or why there is none; never throws, so the live probes go on without it. */
export async function loadOrgs(pg, signal, max) {
    if (!pg)
        return { ok: false, reason: 'DATABASE_URL is not set' };
    try {
        return { ok: true, list: await readOrgs(pg, signal, max) };
    }
    catch (err) {
        if (err.code === '42P01')
            return { ok: false, reason: `table organizations does not exist in ${pg.target} (have the migrations run?)` };
        if (signal.aborted)
            return { ok: false, reason: `no answer from ${pg.target} before the deadline` };
        return { ok: false, reason: describeFailure(classifyPgError(err), pg.target) };
    }
}
