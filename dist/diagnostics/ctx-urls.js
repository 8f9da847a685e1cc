/** AUTH_BASE_URL without a trailing slash (the `auth` check reports the slash itself). */
export function backendBase(env) {
    return env.ctx.AUTH_BASE_URL.replace(/\/+$/, '');
}
export function backendUrl(env, path) {
    return `${backendBase(env)}${path.startsWith('/') ? path : `/${path}`}`;
}
export function isLoopbackHost(hostname) {
    const h = hostname.replace(/^\[|\]$/g, '');
    return h === 'localhost' || h === '::1' || /^127\./.test(h);
}
