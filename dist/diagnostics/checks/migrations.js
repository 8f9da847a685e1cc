import { findings } from '../findings.js';
import { compareMigrations, readAppliedMigrations, readMigrationFolder, } from '../migrations-state.js';
import { classifyPgError } from '../../postgres/pg-access.js';
import { listSome } from '../../util/text.js';
import { describeFailure } from '../../util/net-errors.js';
export const migrationsCheck = {
    id: 'migrations',
    title: 'Migrations',
    dependsOn: ['postgres'],
    async run(ctx, signal) {
        const f = findings();
        if (!ctx.pg)
            return f.done('DATABASE_URL is not set', { status: 'fail' });
        let local;
        const dir = ctx.env.migrationsDir;
        if (dir) {
            try {
                local = readMigrationFolder(dir);
                f.info(`${local.length} migrations in ${dir}`);
            }
            catch (err) {
                f.warn(`cannot read the migrations folder ${dir} (${err.code ?? err.message}); comparing is not possible`);
            }
        }
        else {
            f.info("CTX_MIGRATIONS_DIR is not set: set it to the deployment's apps/backend/migrations to list pending migrations");
        }
        let applied;
        try {
            applied = await ctx.pg.withClient(signal, (c) => readAppliedMigrations(c));
        }
        catch (err) {
            if (signal.aborted)
                throw err;
            f.fail(`cannot read drizzle.__drizzle_migrations: ${describeFailure(classifyPgError(err), ctx.pg.target)}`);
            return f.done('cannot read the migrations table');
        }
        if (applied === null) {
            f.fail('table drizzle.__drizzle_migrations does not exist: the migrate step never ran against this database');
            return f.done('migrations never ran', { runbook: 'migration-failed' });
        }
        const last = applied[applied.length - 1];
        const lastText = last
            ? `${last.name ?? `#${last.id}`}${last.appliedAt ? ` at ${last.appliedAt.toISOString()}` : ''}`
            : 'none';
        if (!local) {
            f.ok(`${applied.length} migrations applied; last ${lastText}`);
            return f.done(`${applied.length} applied, last ${last?.name ?? 'none'}`);
        }
        const cmp = compareMigrations(local, applied);
        f.ok(`${cmp.appliedCount} applied; last ${lastText}`);
        if (cmp.changed.length) {
            // Drizzle's migrator decides "pending" by name and never compares hashes, so this is
            // drift worth knowing about, not a failed or pending migration.
            f.warn(`${cmp.changed.length} applied migration(s) have a recorded hash that differs from the sha256 of their migration.sql: ${listSome(cmp.changed)}. Either the file was edited after it ran, or the row in drizzle.__drizzle_migrations was; the migrator decides by name, so it will not run them again. Compare the file with the schema the database has`);
        }
        if (cmp.unknown.length) {
            f.warn(`${cmp.unknown.length} applied migration(s) are not in the folder: ${listSome(cmp.unknown)}; the database is newer than this code (a rollback?)`);
        }
        if (cmp.pending.length) {
            f.warn(`${cmp.pending.length} pending: ${listSome(cmp.pending)}; run \`/ctx migrate ${ctx.env.name}\``);
        }
        else {
            f.ok('no pending migrations');
        }
        const parts = [
            cmp.pending.length ? `${cmp.pending.length} pending` : 'up to date',
            cmp.changed.length ? `${cmp.changed.length} with a different hash (file or row edited)` : '',
            cmp.unknown.length ? `${cmp.unknown.length} unknown to the code` : '',
        ].filter(Boolean);
        return f.done(`${parts.join(', ')} (${cmp.appliedCount} applied)`);
    },
};
