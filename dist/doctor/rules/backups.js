import { item } from '../types.js';
export function backupToolsItem(env, f) {
    const t = (status, seen, fix) => item('backups', `backups.${env}`, `pg_dump for ${env}`, status, seen, fix);
    if (f.state === 'no-database')
        return t('skip', `${env} has no DATABASE_URL: no backups there`);
    if (f.state === 'ok')
        return t('ok', `pg_dump ${f.pgDump.version} (${f.pgDump.path}) and pg_restore ${f.pgRestore.version} fit PostgreSQL ${f.serverVersion}`);
    // The refusal reads "<what is wrong>. Fix: <what to do>" (pg-tools.ts); split it for the two columns.
    const [seen, fix] = f.reason.split(/\s+Fix:\s+/, 2);
    const unreachable = /^cannot reach the database/.test(f.reason);
    return t(unreachable ? 'skip' : 'warn', `${unreachable ? '' : 'backups will be refused: '}${seen}`, fix);
}
