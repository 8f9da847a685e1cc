const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const REFUSED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const TIMEOUT = new Set([
    'ETIMEDOUT',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'ESOCKETTIMEDOUT',
]);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const TLS = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|EPROTO$|ERR_OSSL)/;
function* chain(err) {
    const seen = new Set();
    const stack = [err];
    while (stack.length) {
        const e = stack.shift();
        if (!e || typeof e !== 'object' || seen.has(e))
            continue;
        seen.add(e);
        yield e;
        const rec = e;
        if (rec.cause)
            stack.push(rec.cause);
        if (Array.isArray(rec.errors))
            stack.push(...rec.errors);
    }
}
export function classifyError(err) {
    let first;
    for (const e of chain(err)) {
        const code = typeof e.code === 'string' ? e.code : undefined;
        const message = typeof e.message === 'string' ? e.message : String(e);
        const name = typeof e.name === 'string' ? e.name : '';
        const kind = name === 'AbortError' || code === 'ABORT_ERR' || code === 'UND_ERR_ABORTED'
            ? 'aborted'
            : code && DNS.has(code)
                ? 'dns'
                : code && REFUSED.has(code)
                    ? 'refused'
                    : code && TIMEOUT.has(code)
                        ? 'timeout'
                        : code && TLS.test(code)
                            ? 'tls'
                            : code && RESET.has(code)
                                ? 'reset'
                                : /timeout|timed out/i.test(message)
                                    ? 'timeout'
                                    : /ssl|tls|certificate/i.test(message)
                                        ? 'tls'
                                        : undefined;
        if (kind && kind !== 'reset')
            return { kind, code, message };
        // A reset deeper in the chain says more than a wrapper's words ("fetch failed").
        if (kind === 'reset' && (!first || first.kind === 'other'))
            first = { kind, code, message };
        if (!first && kind === undefined && message)
            first = { kind: 'other', code, message };
    }
    return first ?? { kind: 'other', message: String(err) };
}
/** A sentence for a person: what failed, where, and in which layer. */
export function describeFailure(f, target) {
    switch (f.kind) {
        case 'dns':
            return `DNS: cannot resolve the host of ${target} (${f.code ?? 'lookup failed'})`;
        case 'refused':
            return `TCP: connection refused by ${target} (${f.code ?? 'refused'}): nothing is listening there`;
        case 'timeout':
            return `timed out talking to ${target} (${f.code ?? 'timeout'})`;
        case 'tls':
            return `TLS: handshake with ${target} failed (${f.code ?? 'tls'}): ${f.message}`;
        case 'reset':
            return `connection to ${target} was closed by the other side (${f.code ?? 'reset'})`;
        case 'auth':
            return `authentication to ${target} failed: ${f.message}`;
        case 'aborted':
            return `request to ${target} was cut off at the check's deadline`;
        case 'protocol':
            return `${target} answered something unexpected: ${f.message}`;
        default:
            return `${target}: ${f.message}`;
    }
}
