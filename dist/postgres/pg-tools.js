import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serverInfo } from './pg-conn.js';
/** "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)" → 15.20 / 15; "9.6.24" → major 9. */
export function parsePgVersion(output) {
    const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(output) ?? /\b(\d+)\.(\d+)(?:\.(\d+))?\b/.exec(output);
    if (!m)
        return null;
    const version = [m[1], m[2], m[3]].filter((x) => x !== undefined).join('.');
    return { version, major: Number(m[1]) };
}
export async function probeTool(name, path, opts = {}) {
    return new Promise((resolve) => {
        execFile(path, ['--version'], { timeout: opts.timeoutMs ?? 5000, env: opts.env }, (err, stdout) => {
            if (err) {
                const code = err.code;
                resolve({
                    name,
                    path,
                    error: code === 'ENOENT' ? 'not found' : code === 'EACCES' ? 'not executable' : err.message.split('\n')[0],
                });
                return;
            }
            const v = parsePgVersion(String(stdout));
            resolve(v
                ? { name, path, ...v }
                : { name, path, error: `unrecognised version output "${String(stdout).trim().slice(0, 80)}"` });
        });
    });
}
/**
 * The configured path when there is one (it is authoritative); otherwise the one on PATH
 * when it is new enough, else the newest /usr/lib/postgresql/<major>/bin that is.
 */
export async function findPgTool(name, opts) {
    if (opts.configured) {
        const t = await probeTool(name, opts.configured, { env: opts.env });
        return { tool: 'error' in t ? undefined : t, tried: [t] };
    }
    const tried = [];
    const onPath = await probeTool(name, name, { env: opts.env });
    tried.push(onPath);
    if (!('error' in onPath) && onPath.major >= opts.minMajor)
        return { tool: onPath, tried };
    const libDir = opts.libDir ?? '/usr/lib/postgresql';
    const majors = await readdir(libDir).then((d) => d
        .filter((x) => /^\d+$/.test(x))
        .map(Number)
        .sort((a, b) => b - a), () => []);
    for (const m of majors) {
        const t = await probeTool(name, join(libDir, String(m), 'bin', name), { env: opts.env });
        tried.push(t);
        if (!('error' in t) && t.major >= opts.minMajor)
            return { tool: t, tried };
    }
    const best = tried.filter((t) => !('error' in t)).sort((a, b) => b.major - a.major)[0];
    return { tool: best, tried };
}
const settingFor = (name) => (name === 'pg_dump' ? 'operations.pgDumpPath' : 'operations.pgRestorePath');
/**
 * Null when the tool can do the job; otherwise what is wrong and how to fix it.
 * `needMajor` is the server's major version for pg_dump, the dump's for pg_restore.
 */
export function toolRefusal(name, search, needMajor, what) {
    const t = search.tool;
    const fix = `Fix: install the PostgreSQL ${needMajor} client tools (Debian/Ubuntu: \`apt-get install postgresql-client-${needMajor}\` from apt.postgresql.org) or set \`${settingFor(name)}\` to a ${name} ${needMajor} or newer (e.g. /usr/lib/postgresql/${needMajor}/bin/${name}).`;
    if (!t) {
        const seen = search.tried
            .map((x) => ('error' in x ? `${x.path}: ${x.error}` : `${x.path}: ${x.version}`))
            .join('; ');
        return `No usable ${name} was found (${seen || 'nothing tried'}). ${fix}`;
    }
    if (t.major < needMajor) {
        const why = name === 'pg_dump'
            ? `${name} refuses to dump a server of a newer major version`
            : `${name} cannot read an archive written by a newer pg_dump`;
        return `${name} ${t.version} (${t.path}) is older than ${what} (major ${needMajor}): ${why}. ${fix}`;
    }
    return null;
}
/**
 * Everything a backup needs, checked before anything starts: the database answers, and
 * pg_dump is at least the server's major version, and pg_restore can read what it writes.
 */
export async function checkBackupTools(ops, env) {
    const url = env.ctx.DATABASE_URL;
    if (!url)
        return { ok: false, reason: `DATABASE_URL is not set for ${env.name}` };
    let server;
    try {
        server = await serverInfo(url);
    }
    catch (err) {
        return {
            ok: false,
            reason: `cannot reach the database of ${env.name}: ${ops.redactor.scrub(err.message)}`,
        };
    }
    const o = ops.config.operations;
    const dump = await findPgTool('pg_dump', { configured: o.pgDumpPath, minMajor: server.major, env: ops.toolEnv });
    const dumpProblem = toolRefusal('pg_dump', dump, server.major, `the server (PostgreSQL ${server.version})`);
    if (dumpProblem || !dump.tool)
        return { ok: false, reason: dumpProblem ?? 'pg_dump not found' };
    const restore = await findPgTool('pg_restore', {
        configured: o.pgRestorePath,
        minMajor: dump.tool.major,
        env: ops.toolEnv,
    });
    const restoreProblem = toolRefusal('pg_restore', restore, dump.tool.major, `pg_dump ${dump.tool.version}, which writes the backup`);
    if (restoreProblem || !restore.tool)
        return { ok: false, reason: restoreProblem ?? 'pg_restore not found' };
    return { ok: true, server, pgDump: dump.tool, pgRestore: restore.tool };
}
