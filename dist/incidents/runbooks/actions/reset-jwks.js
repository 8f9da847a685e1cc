import { describeTarget } from '../../../postgres/pg-access.js';
import { keysWords } from '../../../diagnostics/secret-evidence.js';
import { readSigningKeys, secretSetFor } from '../../../diagnostics/signing-keys.js';
import { pgCode, withCtxDb } from './ctx-db.js';
const RESTART = '`docker compose --profile deploy restart backend` (or restart the backend service on your platform)';
/**
 * The upstream remedy after AUTH_SECRET changed: the `jwkss` rows hold private keys
 * encrypted with the old secret, and get-session fails with "Failed to decrypt private
 * key" until they are deleted and the backend restarted. It signs everyone out, so it
 * is guarded and the preview says so.
 */
export function resetJwksKind(log) {
    return {
        kind: 'reset-jwks',
        label: 'Reset signing keys',
        validateParams: (p) => (Object.keys(p).length ? 'reset-jwks takes no parameters' : null),
        manual: () => `run \`DELETE FROM jwkss;\` against the ctx| database (e.g. \`psql "$DATABASE_URL" -c 'DELETE FROM jwkss;'\`), then restart the backend: ${RESTART}`,
        guarded: {
            kind: 'reset-jwks',
            title: (_p, env) => `Delete the signing keys (jwkss) on ${env.name}`,
            async precheck(_p, env) {
                return env.ctx.DATABASE_URL ? null : `DATABASE_URL is not set for ${env.name}`;
            },
            async preview(_p, env, signal) {
                const where = describeTarget(env.ctx.DATABASE_URL ?? '');
                const secrets = secretSetFor(env.ctx);
                const { keys, evidence } = await withCtxDb(env, log, signal, async (c) => {
                    try {
                        const { rows } = await c.query('SELECT count(*)::text AS n, max(created_at) AS newest FROM jwkss');
                        // The same test the auth check makes: does this environment's AUTH_SECRET open them?
                        const evidence = secrets && !('error' in secrets) ? await readSigningKeys(c, secrets) : null;
                        return { keys: rows[0], evidence };
                    }
                    catch (err) {
                        if (pgCode(err) === '42P01')
                            return { keys: null, evidence: null };
                        throw err;
                    }
                });
                const opens = evidence?.kind === 'read' && evidence.latest.result === 'opens';
                return [
                    keys
                        ? `Runs \`DELETE FROM jwkss;\` on ${where}: ${keys.n} key pair(s)${keys.newest ? `, newest created ${keys.newest.toISOString()}` : ''}`
                        : `Table jwkss does not exist on ${where}: there is nothing to delete`,
                    ...(evidence
                        ? [
                            `Evidence: ${keysWords(evidence)}${opens
                                ? '. The keys open with the AUTH_SECRET this environment has, so deleting them is not what repairs sign-in: if the backend fails to decrypt them, it runs with another value; give it this one back instead'
                                : ''}`,
                        ]
                        : []),
                    'Everyone is signed out; sessions and tokens signed with these keys stop working',
                    'Do this only when AUTH_SECRET changed on purpose; if it changed by accident, put the old value back and restart instead',
                    `Afterwards restart the backend so it creates new keys: ${RESTART}`,
                ];
            },
            async run(ctx) {
                try {
                    const deleted = await withCtxDb(ctx.env, ctx.log, ctx.signal, async (c) => (await c.query('DELETE FROM jwkss')).rowCount ?? 0);
                    return {
                        ok: true,
                        summary: `Deleted ${deleted} signing key pair(s) from jwkss on ${ctx.env.name}. Now restart the backend: ${RESTART}; people sign in again`,
                        details: [`DELETE FROM jwkss → ${deleted} row(s)`],
                    };
                }
                catch (err) {
                    if (pgCode(err) === '42P01')
                        return { ok: false, summary: `Table jwkss does not exist on ${ctx.env.name}: nothing was deleted` };
                    return { ok: false, summary: `DELETE FROM jwkss failed on ${ctx.env.name}: ${err.message}` };
                }
            },
        },
    };
}
