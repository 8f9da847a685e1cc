import { createPgAccess } from '../../../postgres/pg-access.js';
/**
 * One short-lived connection to the ctx| database for a guarded action. The signal ends
 * it, even mid-query; nothing stays open afterwards.
 */
export async function withCtxDb(env, log, signal, fn) {
    if (!env.ctx.DATABASE_URL)
        throw new Error('DATABASE_URL is not set for this environment');
    const access = createPgAccess(env.ctx.DATABASE_URL, {
        connectTimeoutMs: 10_000,
        log,
        max: 1,
        applicationName: 'ctx-ops-runbook',
    });
    try {
        return await access.withClient(signal, fn);
    }
    finally {
        await access.close().catch(() => { });
    }
}
export function pgCode(err) {
    return err.code;
}
