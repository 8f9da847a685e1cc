import { progressDue } from '../backup/backup-runner.js';
import { runCommand } from '../../postgres/child-process.js';
export function migrateEnv(toolEnv, ctx) {
    return {
        ...toolEnv,
        ...(ctx.DATABASE_URL ? { DATABASE_URL: ctx.DATABASE_URL } : {}),
        ...(ctx.AUTH_SECRET ? { AUTH_SECRET: ctx.AUTH_SECRET } : {}),
    };
}
export async function runMigrateCommand(j) {
    const started = performance.now();
    let last;
    const lines = [];
    return runCommand({
        argv: j.argv,
        cwd: j.cwd,
        env: migrateEnv(j.toolEnv, j.ctx),
        signal: j.signal,
        timeoutMs: j.timeoutMs,
        group: true,
        clean: j.clean,
        tailLines: 40,
        onLine: (line) => {
            lines.push(line);
            if (lines.length > 40)
                lines.shift();
            const now = performance.now();
            if (j.onOutput && progressDue(last, now, j.progressIntervalMs)) {
                last = now;
                j.onOutput([...lines], Math.round(now - started));
            }
        },
    });
}
