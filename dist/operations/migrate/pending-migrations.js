import { compareMigrations, readAppliedMigrations, readMigrationFolder } from '../../diagnostics/migrations-state.js';
import { withClient } from '../../postgres/pg-conn.js';
export const MIGRATIONS_DIR_HINT = "set `environments.<env>.migrationsDir` in ctx-ops.yml (or CTX_MIGRATIONS_DIR) to the deployment's apps/backend/migrations folder, so pending migrations can be listed and checked afterwards";
export async function readPending(env, scrub) {
    const dir = env.migrationsDir;
    if (!dir)
        return { ok: false, reason: `The migrations folder of ${env.name} is not known: ${MIGRATIONS_DIR_HINT}.` };
    if (!env.ctx.DATABASE_URL)
        return { ok: false, reason: `DATABASE_URL is not set for ${env.name}.` };
    let local;
    try {
        local = readMigrationFolder(dir);
    }
    catch (err) {
        return {
            ok: false,
            reason: `Cannot read the migrations folder ${dir} (${err.code ?? err.message}).`,
        };
    }
    let applied;
    try {
        applied = await withClient(env.ctx.DATABASE_URL, (c) => readAppliedMigrations(c));
    }
    catch (err) {
        return {
            ok: false,
            reason: `Cannot read drizzle.__drizzle_migrations of ${env.name}: ${scrub(err.message)}`,
        };
    }
    const cmp = compareMigrations(local, applied ?? []);
    const last = applied?.length ? (applied[applied.length - 1].name ?? `#${applied[applied.length - 1].id}`) : null;
    return {
        ok: true,
        dir,
        pending: cmp.pending,
        appliedCount: cmp.appliedCount,
        last,
        changed: cmp.changed,
        unknown: cmp.unknown,
        neverRan: applied === null,
    };
}
export function samePending(a, b) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}
