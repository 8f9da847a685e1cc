import { classifyError, describeFailure } from '../../util/net-errors.js';
const fromNet = (err) => {
    const f = classifyError(err);
    return { kind: f.kind, ...(f.code ? { code: f.code } : {}), message: f.message };
};
/**
 * A Redis-protocol failure. Reply errors are recognised by their prefix (WRONGPASS, NOAUTH,
 * NOPERM, unknown command); socket errors by their Node code. `socketError` is the last
 * error ioredis emitted, because its promises only say "Connection is closed."
 */
export function classifyRedisError(err, socketError) {
    const message = String(err?.message ?? err);
    if (/^WRONGPASS\b/.test(message) || /^ERR invalid (username-)?password/i.test(message))
        return { kind: 'auth', code: 'WRONGPASS', message };
    if (/^NOAUTH\b/.test(message))
        return { kind: 'auth', code: 'NOAUTH', message };
    if (/^NOPERM\b/.test(message))
        return { kind: 'noperm', code: 'NOPERM', message };
    if (/^ERR unknown command '?GRAPH\./i.test(message))
        return { kind: 'module-missing', code: 'ERR', message };
    if (/Command timed out/i.test(message))
        return { kind: 'timeout', message: 'no answer to the command in time' };
    if (socketError) {
        const f = fromNet(socketError);
        if (f.kind !== 'other')
            return f;
    }
    if (/Connection is closed|Stream isn't writeable/i.test(message))
        return { kind: 'reset', message: 'the connection was closed before an answer came' };
    return fromNet(err);
}
const NODE_CODE = /\b(E[A-Z]{3,}|ERR_[A-Z_]+|CERT_[A-Z_]+|UNABLE_TO_[A-Z_]+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\b/;
/**
 * A neo4j-driver failure. The driver wraps socket errors in a ServiceUnavailable
 * Neo4jError whose message ends "Caused by: <node error>", without `cause`, so the Node
 * code is read back out of the message.
 */
export function classifyBoltError(err) {
    const e = err;
    const code = typeof e?.code === 'string' ? e.code : undefined;
    const message = String(e?.message ?? err);
    if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.CredentialsExpired')
        return { kind: 'auth', code, neo4jCode: code, message };
    if (code === 'Neo.ClientError.Security.AuthenticationRateLimit')
        return {
            kind: 'auth',
            code,
            neo4jCode: code,
            message: `too many failed logins, the server locked the user for a while (${message})`,
        };
    if (code === 'Neo.ClientError.Security.Forbidden' || code === 'Neo.ClientError.Security.AuthorizationExpired')
        return { kind: 'noperm', code, neo4jCode: code, message };
    if (code?.startsWith('Neo.'))
        return { kind: 'other', code, neo4jCode: code, message };
    if (/Server responded HTTP/i.test(message))
        return { kind: 'not-bolt', message: 'the server answered with HTTP, not Bolt' };
    if (/Connection acquisition timed out|Failed to establish connection in|Server didn't respond in/i.test(message))
        return { kind: 'timeout', message };
    const caused = /Caused by: (.*)$/s.exec(message)?.[1];
    if (caused) {
        const nodeCode = NODE_CODE.exec(caused)?.[1];
        const f = fromNet({ code: nodeCode, message: caused });
        return f.kind === 'other' && /ssl|tls|certificate|secure/i.test(caused) ? { kind: 'tls', message: caused } : f;
    }
    if (/Connection was closed by server/i.test(message))
        return { kind: 'reset', message };
    return fromNet(err);
}
const NET_KINDS = new Set([
    'dns',
    'refused',
    'timeout',
    'tls',
    'reset',
    'auth',
    'aborted',
    'protocol',
    'other',
]);
/** What failed and where, in the words of the layer that failed. */
export function describeGraphFailure(f, target) {
    switch (f.kind) {
        case 'module-missing':
            return `${target} speaks Redis but does not know GRAPH.* commands (${f.message.split(',')[0]}): this is Redis without the FalkorDB module`;
        case 'noperm':
            return `${target} refused a command for this user (${f.message})`;
        case 'not-bolt':
            return `${target} does not speak Bolt: ${f.message}`;
        case 'auth':
            return `authentication to ${target} failed (${f.code ?? 'auth'}): ${f.message}`;
        case 'timeout':
            return `timed out talking to ${target}: ${f.message}`;
        default:
            return NET_KINDS.has(f.kind)
                ? describeFailure({ kind: f.kind, ...(f.code ? { code: f.code } : {}), message: f.message }, target)
                : `${target}: ${f.message}`;
    }
}
