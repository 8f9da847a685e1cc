import { describeExit, runCommand } from '../../postgres/child-process.js';
import { countRows, createScratch, dropScratch, parseTarget, scratchName, toolUri, withDatabase, withPassfile, } from '../../postgres/pg-conn.js';
/** The argv of the trial restore (the file last; none: stdin); exported so tests and docs show the same. */
export function trialRestoreArgs(pgRestore, dbUri, file) {
    return [
        pgRestore,
        '--exit-on-error',
        '--single-transaction',
        '--no-owner',
        '--no-privileges',
        `--dbname=${dbUri}`,
        ...(file === undefined ? [] : [file]),
    ];
}
/**
 * Feeds a stream to a child's stdin; returns what to call once the child has exited: it
 * stops feeding and reads the rest of the stream into nothing.
 */
export function feedStdin(source) {
    return {
        stdin: (input) => {
            source.pipe(input);
        },
        drain: () => {
            source.unpipe();
            source.resume();
        },
    };
}
export async function trialRestore(j) {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const target = parseTarget(j.databaseUrl);
    const stream = typeof j.file === 'string' ? undefined : feedStdin(j.file);
    const scratch = scratchName(j.tag);
    await j.track?.scratchDatabase(scratch);
    try {
        await createScratch(j.databaseUrl, scratch);
    }
    catch (err) {
        stream?.drain();
        await j.track?.scratchDatabase(null);
        return {
            ok: false,
            durationMs: elapsed(),
            reason: `could not create the scratch database (${j.clean(err.message)}); the database user needs CREATEDB`,
            tail: [],
        };
    }
    try {
        const res = await withPassfile(target.password, (passfile) => runCommand({
            argv: trialRestoreArgs(j.pgRestore.path, toolUri(withDatabase(target.uri, scratch), passfile), typeof j.file === 'string' ? j.file : undefined),
            env: j.toolEnv,
            signal: j.signal,
            timeoutMs: j.timeoutMs,
            clean: j.clean,
            tailLines: 20,
            ...(stream ? { stdin: stream.stdin } : {}),
        }));
        stream?.drain();
        if (res.code !== 0) {
            return {
                ok: false,
                durationMs: elapsed(),
                reason: `pg_restore ${describeExit(res, j.timeoutMs)}`,
                tail: res.tail,
                ...(res.code !== null ? { exitStatus: res.code } : {}),
            };
        }
        const counted = await countRows(withDatabase(j.databaseUrl, scratch), j.keyTables);
        return { ok: true, durationMs: elapsed(), tables: counted.tables, counts: counted.counts };
    }
    catch (err) {
        stream?.drain();
        return { ok: false, durationMs: elapsed(), reason: j.clean(err.message), tail: [] };
    }
    finally {
        await dropScratch(j.databaseUrl, scratch).then(() => j.track?.scratchDatabase(null), () => {
            /* left for the restart clean-up, which knows its name */
        });
    }
}
/**
 * The command a person runs to put a backup back, exactly as shown in Slack and the docs.
 * The connection comes from $DATABASE_URL in their shell, so no password is printed.
 */
export function manualRestoreCommand(file, pgRestore = 'pg_restore') {
    const q = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
    return `${q(pgRestore)} --clean --if-exists --no-owner --single-transaction --exit-on-error --dbname="$DATABASE_URL" ${q(file)}`;
}
