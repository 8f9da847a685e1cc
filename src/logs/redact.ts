import type { Redactor } from '../log/redactor.js';

/**
 * Log lines carry what the bot's own redactor does not expect: request headers, cookies,
 * people's e-mail addresses. Everything the logs slice shows goes through here: first these
 * patterns, then the redactor (known secret values, tokens, credentialed URLs, key=value).
 */
const MASK = '[redacted]';
const LOG_PATTERNS: Array<[RegExp, string]> = [
  // "Authorization: Bearer …", "authorization":"Basic …", also Proxy-Authorization.
  [/((?:proxy-)?authorization["']?\s*[:=]\s*["']?)[^"'\n,}]+/gi, `$1${MASK}`],
  [/((?:set-)?cookie["']?\s*[:=]\s*["']?)[^"'\n}]+/gi, `$1${MASK}`],
  [/\b(x-api-key|x-auth-token|api-key)(["']?\s*[:=]\s*["']?)[^"'\s,}]+/gi, `$1$2${MASK}`],
  // Session cookies by name wherever they appear.
  [/\b((?:__Secure-|__Host-)?(?:better-auth|session)[\w.-]*=)[^;\s"']+/gi, `$1${MASK}`],
];
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi;

export interface LogRedactOptions {
  /** Mask e-mail addresses (default true). */
  maskEmails: boolean;
}

export function createLogRedactor(redactor: Redactor, opts: LogRedactOptions): (text: string) => string {
  return (text: string) => {
    let out = text;
    for (const [re, rep] of LOG_PATTERNS) out = out.replace(re, rep);
    out = redactor.scrub(out);
    if (opts.maskEmails) out = out.replace(EMAIL, (m) => (m.includes('[redacted]') ? m : '<email>'));
    return out;
  };
}
