import type { Environment } from '../config/types.js';

/** AUTH_BASE_URL without a trailing slash (the `auth` check reports the slash itself). */
export function backendBase(env: Environment): string {
  return env.ctx.AUTH_BASE_URL.replace(/\/+$/, '');
}

export function backendUrl(env: Environment, path: string): string {
  return `${backendBase(env)}${path.startsWith('/') ? path : `/${path}`}`;
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\./.test(h);
}
