import { describeExit, runCommand } from '../../postgres/child-process.js';
import { feedStdin } from './trial-restore.js';
export function archiveReadArgs(pgRestore, file) {
    return [pgRestore, '--file=/dev/null', ...(file === undefined ? [] : [file])];
}
export async function readArchive(j) {
    const started = performance.now();
    const stream = typeof j.file === 'string' ? undefined : feedStdin(j.file);
    try {
        const res = await runCommand({
            argv: archiveReadArgs(j.pgRestore.path, typeof j.file === 'string' ? j.file : undefined),
            env: j.toolEnv,
            signal: j.signal,
            timeoutMs: j.timeoutMs,
            clean: j.clean,
            tailLines: 20,
            ...(stream ? { stdin: stream.stdin } : {}),
        });
        const durationMs = Math.round(performance.now() - started);
        if (res.code !== 0)
            return {
                ok: false,
                durationMs,
                reason: `pg_restore ${describeExit(res, j.timeoutMs)}`,
                tail: res.tail,
                ...(res.code !== null ? { exitStatus: res.code } : {}),
            };
        return { ok: true, durationMs, tables: 0, counts: [] };
    }
    finally {
        stream?.drain();
    }
}
