import * as z from 'zod';
import type { Environment } from '../../config/types.js';
import { backendBase, backendUrl, isLoopbackHost } from '../ctx-urls.js';
import { findings, ms, type Findings } from '../findings.js';
import { tryJson, type HttpClient } from '../http-client.js';
import { describeFailure } from '../../util/net-errors.js';
import {
  codesearchAcceptance,
  keysFact,
  secretVerdict,
  VERDICT_EFFECT,
  verdictText,
  type CodesearchAcceptance,
  type SecretVerdict,
} from '../secret-evidence.js';
import { fingerprintVerdict, observeSecret, type FingerprintState } from '../secret-fingerprints.js';
import { signingKeysEvidence, type SigningKeysEvidence } from '../signing-keys.js';
import type { Check, CheckContext } from '../types.js';

export interface AuthOptions {
  secretChangeWarnHours: number;
}

/** The sign-in providers upstream can enable, with the variables that enable each. */
export const PROVIDERS = {
  github: 'GITHUB',
  google: 'GOOGLE',
  microsoft: 'MICROSOFT',
  atlassian: 'ATLASSIAN',
} as const;

export type SecretStrength = 'missing' | 'short' | 'ok';

/** Upstream refuses to start with an AUTH_SECRET under 32 characters. */
export function authSecretStrength(value: string | undefined): SecretStrength {
  if (!value) return 'missing';
  return value.length < 32 ? 'short' : 'ok';
}

export type EncryptionKeyStatus = 'unset' | 'ok' | 'malformed';

/** Upstream takes it as a 32-byte AES key in hex (trimmed, any case); anything else throws at use. */
export function encryptionKeyStatus(value: string | undefined): EncryptionKeyStatus {
  if (value === undefined || value.trim() === '') return 'unset';
  return /^[0-9a-fA-F]{64}$/.test(value.trim()) ? 'ok' : 'malformed';
}

export interface Rule {
  status: 'ok' | 'warn' | 'fail' | 'info';
  text: string;
}

/** AUTH_BASE_URL as sign-in, OAuth callbacks and MCP discovery need it. */
export function baseUrlRules(raw: string): Rule[] {
  if (!URL.canParse(raw)) return [{ status: 'fail', text: 'AUTH_BASE_URL is not a valid URL' }];
  const u = new URL(raw);
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return [{ status: 'fail', text: `AUTH_BASE_URL must be http(s), not ${u.protocol}//` }];
  const out: Rule[] = [];
  if (raw.endsWith('/')) {
    out.push({
      status: 'fail',
      text: `AUTH_BASE_URL ends with "/" (${raw}): upstream builds the MCP resource as \${AUTH_BASE_URL}/mcp, so it becomes …//mcp and MCP OAuth fails; remove the trailing slash`,
    });
  } else {
    out.push({ status: 'ok', text: `AUTH_BASE_URL ${raw} is a valid URL without a trailing slash` });
  }
  if (u.protocol === 'https:') out.push({ status: 'ok', text: 'AUTH_BASE_URL uses https' });
  else if (isLoopbackHost(u.hostname))
    out.push({
      status: 'ok',
      text: `AUTH_BASE_URL uses http on loopback (${u.hostname}): fine for a local deployment only`,
    });
  else {
    out.push({
      status: 'fail',
      text: `AUTH_BASE_URL uses http on ${u.hostname}: browsers drop secure session cookies, OAuth providers refuse http callback URLs and MCP clients require https; serve the backend over https`,
    });
  }
  return out;
}

export type OriginVerdict = 'same' | 'allowed' | 'rejected';

/**
 * Whether sign-in works from the origin people open: Better Auth trusts AUTH_BASE_URL's
 * origin and the AUTH_ALLOWED_ORIGINS entries, compared as exact origin strings.
 */
export function originVerdict(publicUrl: string, baseUrl: string, allowedOrigins: string | undefined): OriginVerdict {
  const origin = new URL(publicUrl).origin;
  if (origin === new URL(baseUrl).origin) return 'same';
  return parseAllowedOrigins(allowedOrigins).includes(origin) ? 'allowed' : 'rejected';
}

export function parseAllowedOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Entries that can never match, because upstream compares them with a bare origin. */
export function unusableOrigins(value: string | undefined): string[] {
  return parseAllowedOrigins(value).filter((o) => !URL.canParse(o) || new URL(o).origin !== o);
}

export type SessionVerdict = 'healthy' | 'secret-changed' | 'session-store' | 'unexpected';

/** GET get-session without a cookie: 200 null when healthy; the 500s upstream is known for. */
export function sessionVerdict(status: number, body: string): SessionVerdict {
  if (status === 200 && body.trim() === 'null') return 'healthy';
  if (status === 500 && /failed to decrypt private key/i.test(body)) return 'secret-changed';
  if (status === 500 && /failed to get session/i.test(body)) return 'session-store';
  return 'unexpected';
}

/** An answer's body on one line, cut short: enough to recognise upstream's messages. */
const shortBody = (text: string) => {
  const one = text.trim().replace(/\s+/g, ' ');
  return one.length > 120 ? `${one.slice(0, 120)}…` : one || '(empty body)';
};

export const authCheck: Check<AuthOptions> = {
  id: 'auth',
  title: 'Sign-in',
  dependsOn: ['backend'],
  options: { secretChangeWarnHours: z.number().positive().default(24) },
  async run(ctx, signal) {
    const f = findings();
    const reasons: Array<{ rank: number; text: string }> = [];
    let runbook: string | undefined;
    // A failure seen on a live probe may be the backend's; one found offline (configuration,
    // the signing keys) is this check's own even while the backend is down.
    let liveFailure = false;
    const problem: Problem = (status, detail, reason, book = 'sign-in-fails', opts = {}) => {
      f[status](detail);
      if (status === 'fail' && opts.live) liveFailure = true;
      // The most specific diagnosis leads the summary: what breaks sign-in for everyone
      // (unreadable or undecryptable keys) first, then failures before warnings.
      reasons.push({ rank: opts.lead && status === 'fail' ? 0 : status === 'fail' ? 1 : 2, text: reason });
      if (book && (!runbook || book === 'auth-secret-changed')) runbook = book;
    };
    const env = ctx.env;

    // Live probes, the signing keys and the fingerprint store are independent: start them all first.
    const live = Promise.all([
      probeProviders(ctx.http, env, signal),
      probeSession(ctx.http, env, signal),
      probeJwks(ctx.http, env, signal),
      codesearchAcceptance(ctx.http, env.ctx, CODESEARCH_PROBE_ORG, signal),
    ]);
    const keys = signingKeysEvidence(ctx.pg, env.ctx, signal);
    const stability = ctx.store ? withinBudget(observeBoth(ctx, env), Math.round(ctx.options.timeoutMs * 0.6)) : null;

    staticRules(env, f, problem);

    const [providers, session, jwks, codesearch] = await live;
    reportProviders(env, providers, f, problem);
    const { decryptFailure } = reportSession(session, f, problem);
    reportJwks(jwks, f, problem);
    const verdict = reportSecretEvidence(env, await keys, codesearch, decryptFailure, f, problem);
    await reportStability(ctx, stability, verdict !== 'unknown', f, problem);

    const lead = [...reasons].sort((a, b) => a.rank - b.rank)[0];
    const summary = lead
      ? `${lead.text}${reasons.length > 1 ? ` (+${reasons.length - 1} more)` : ''}`
      : `sign-in configured${providers.ok ? `: ${providers.names.length ? providers.names.join(', ') : 'e-mail and password only'}` : ''}`;
    const out = f.done(summary, runbook && f.status !== 'ok' ? { runbook } : {});
    return f.status === 'fail' && !liveFailure ? { ...out, independent: true } : out;
  },
};

/** The organisation id in the token that asks codesearch whether it accepts ctx-ops's AUTH_SECRET. */
const CODESEARCH_PROBE_ORG = 'ctx-ops-probe';

/** Records a finding and the reason for the summary; runbook null = none applies. */
type Problem = (
  status: 'warn' | 'fail',
  detail: string,
  reason: string,
  runbook?: string | null,
  opts?: { live?: boolean; lead?: boolean },
) => void;

function staticRules(env: Environment, f: Findings, problem: Problem) {
  const c = env.ctx;
  const strength = authSecretStrength(c.AUTH_SECRET);
  if (strength === 'missing')
    problem('fail', 'AUTH_SECRET is not set: the backend refuses to start without it', 'AUTH_SECRET not set');
  else if (strength === 'short')
    problem(
      'fail',
      'AUTH_SECRET is shorter than the 32 characters ctx| requires (value not shown): the backend refuses to start',
      'AUTH_SECRET too short',
    );
  else f.ok('AUTH_SECRET is set and at least 32 characters long (value not shown)');

  for (const r of baseUrlRules(c.AUTH_BASE_URL)) {
    if (r.status === 'ok' || r.status === 'info') f[r.status](r.text);
    else
      problem(
        r.status,
        r.text,
        /trailing slash/.test(r.text) ? 'AUTH_BASE_URL has a trailing slash' : 'AUTH_BASE_URL is not usable',
      );
  }

  if (URL.canParse(c.AUTH_BASE_URL) && URL.canParse(env.publicUrl)) {
    const origin = new URL(env.publicUrl).origin;
    const verdict = originVerdict(env.publicUrl, c.AUTH_BASE_URL, c.AUTH_ALLOWED_ORIGINS);
    if (verdict === 'same') f.ok(`the browser origin ${origin} is AUTH_BASE_URL's origin`);
    else if (verdict === 'allowed')
      f.ok(`the browser origin ${origin} differs from AUTH_BASE_URL's but is listed in AUTH_ALLOWED_ORIGINS`);
    else {
      problem(
        'fail',
        `people open ${origin} (publicUrl) but AUTH_BASE_URL's origin is ${new URL(c.AUTH_BASE_URL).origin} and AUTH_ALLOWED_ORIGINS does not list it: sign-in from the browser is rejected; set AUTH_BASE_URL to the public origin or add ${origin} to AUTH_ALLOWED_ORIGINS`,
        `browser origin ${origin} not trusted`,
      );
    }
  }
  const unusable = unusableOrigins(c.AUTH_ALLOWED_ORIGINS);
  if (unusable.length) {
    problem(
      'warn',
      `AUTH_ALLOWED_ORIGINS has entries that are not bare origins and never match: ${unusable.join(', ')} (write scheme://host[:port], no path or trailing slash)`,
      'AUTH_ALLOWED_ORIGINS has unusable entries',
    );
  }

  const key = encryptionKeyStatus(c.CONNECTION_SECRETS_ENCRYPTION_KEY);
  if (key === 'ok') f.ok('CONNECTION_SECRETS_ENCRYPTION_KEY is 64 hex characters (value not shown)');
  else if (key === 'malformed') {
    problem(
      'fail',
      'CONNECTION_SECRETS_ENCRYPTION_KEY is set but is not 64 hex characters (value not shown): the backend fails whenever it encrypts or decrypts connector credentials',
      'CONNECTION_SECRETS_ENCRYPTION_KEY malformed',
    );
  } else {
    f.info(
      'CONNECTION_SECRETS_ENCRYPTION_KEY is not set: connector credentials are encrypted with a key derived from AUTH_SECRET, so changing AUTH_SECRET also makes them unreadable',
    );
  }
}

type ProvidersProbe = { ok: true; names: string[]; ms: number } | { ok: false; detail: string };

async function probeProviders(http: HttpClient, env: Environment, signal: AbortSignal): Promise<ProvidersProbe> {
  const url = backendUrl(env, '/.auth/api/config');
  const out = await http.request(url, { signal, headers: { accept: 'application/json' } });
  if (!out.ok) return { ok: false, detail: describeFailure(out.failure, url) };
  const body = tryJson(out.res.text) as { providers?: unknown } | undefined;
  if (out.res.status !== 200 || !body || !Array.isArray(body.providers)) {
    return {
      ok: false,
      detail: `GET /.auth/api/config answered HTTP ${out.res.status} ${shortBody(out.res.text)}, not {"providers":[...]}`,
    };
  }
  return { ok: true, names: body.providers.filter((p): p is string => typeof p === 'string'), ms: out.res.ms };
}

function reportProviders(env: Environment, p: ProvidersProbe, f: Findings, problem: Problem) {
  if (!p.ok) {
    problem('fail', `cannot list the sign-in providers: ${p.detail}`, 'sign-in provider list unavailable', undefined, {
      live: true,
    });
    return;
  }
  const base = backendBase(env);
  if (!p.names.length)
    f.ok(`GET /.auth/api/config → no social provider enabled: e-mail and password sign-in only (${ms(p.ms)})`);
  else f.ok(`GET /.auth/api/config → enabled providers: ${p.names.join(', ')} (${ms(p.ms)})`);
  for (const name of p.names) f.info(`${name}: register the callback URL ${base}/.auth/api/v1/auth/callback/${name}`);
  // Set in the env file but not enabled in the running backend: the container did not get them.
  const raw = env.ctx.raw;
  for (const [name, prefix] of Object.entries(PROVIDERS)) {
    const configured = Boolean(raw[`${prefix}_CLIENT_ID`]?.trim() && raw[`${prefix}_CLIENT_SECRET`]?.trim());
    if (configured && !p.names.includes(name)) {
      problem(
        'warn',
        `${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET are set in ${env.source} but the running backend does not enable ${name}: the backend container does not receive them (upstream's Compose file passes only some variables) or was not restarted`,
        `${name} sign-in configured but not enabled`,
      );
    }
  }
}

type SessionProbe = { ok: true; status: number; text: string; ms: number } | { ok: false; detail: string };

async function probeSession(http: HttpClient, env: Environment, signal: AbortSignal): Promise<SessionProbe> {
  const url = backendUrl(env, '/.auth/api/v1/auth/get-session');
  const out = await http.request(url, { signal, headers: { accept: 'application/json' } });
  if (!out.ok) return { ok: false, detail: describeFailure(out.failure, url) };
  return { ok: true, status: out.res.status, text: out.res.text, ms: out.res.ms };
}

function reportSession(s: SessionProbe, f: Findings, problem: Problem): { decryptFailure: boolean } {
  if (!s.ok) {
    problem('fail', `cannot reach the session endpoint: ${s.detail}`, 'session endpoint unreachable', undefined, {
      live: true,
    });
    return { decryptFailure: false };
  }
  const verdict = sessionVerdict(s.status, s.text);
  const seen = `GET /.auth/api/v1/auth/get-session → ${s.status} ${shortBody(s.text)}`;
  switch (verdict) {
    case 'healthy':
      // Without a cookie Better Auth answers before it reads anything: this proves the auth
      // routes are mounted, not that sessions or keys can be read (the JWKS probe does that).
      f.ok(
        `${seen} without a cookie: Better Auth's routes answer (${ms(s.ms)}; this path reads no session and no key)`,
      );
      return { decryptFailure: false };
    case 'secret-changed':
      f.fail(`${seen}: the backend cannot decrypt its signing keys with the AUTH_SECRET it runs with`);
      return { decryptFailure: true };
    case 'session-store':
      problem(
        'fail',
        `${seen}: the backend cannot read sessions, usually because it cannot reach Postgres (it recovers by itself once Postgres is back)`,
        'backend cannot read sessions',
        undefined,
        { live: true },
      );
      return { decryptFailure: false };
    default:
      problem('fail', `${seen}: expected 200 null`, `get-session answered HTTP ${s.status}`, undefined, { live: true });
      return { decryptFailure: false };
  }
}

type JwksProbe = { ok: true; status: number; text: string; ms: number } | { ok: false; detail: string };

export const JWKS_PATH = '/.auth/api/v1/auth/jwks';

async function probeJwks(http: HttpClient, env: Environment, signal: AbortSignal): Promise<JwksProbe> {
  const url = backendUrl(env, JWKS_PATH);
  const out = await http.request(url, { signal, headers: { accept: 'application/json' } });
  if (!out.ok) return { ok: false, detail: describeFailure(out.failure, url) };
  return { ok: true, status: out.res.status, text: out.res.text, ms: out.res.ms };
}

export type JwksVerdict = 'ok' | 'no-keys' | 'unreadable' | 'no-route' | 'unexpected';

/**
 * GET jwks reads table jwkss (and creates the first key pair when it is empty): 200 with the
 * public keys when the backend reaches its database, 500 (empty body) when it does not.
 */
export function jwksVerdict(status: number, body: string): JwksVerdict {
  if (status >= 500) return 'unreadable';
  if (status === 404) return 'no-route';
  if (status !== 200) return 'unexpected';
  const keys = (tryJson(body) as { keys?: unknown } | undefined)?.keys;
  if (!Array.isArray(keys)) return 'unexpected';
  return keys.length ? 'ok' : 'no-keys';
}

function reportJwks(p: JwksProbe, f: Findings, problem: Problem) {
  if (!p.ok) {
    problem('fail', `cannot reach the signing keys (JWKS): ${p.detail}`, 'JWKS endpoint unreachable', undefined, {
      live: true,
    });
    return;
  }
  const seen = `GET ${JWKS_PATH} → ${p.status} ${p.status === 200 ? '' : shortBody(p.text)}`.trimEnd();
  switch (jwksVerdict(p.status, p.text)) {
    case 'ok': {
      const n = ((tryJson(p.text) as { keys: unknown[] }).keys ?? []).length;
      f.ok(
        `${seen} with ${n} public key${n === 1 ? '' : 's'} (${ms(p.ms)}): the backend reads its signing keys from Postgres (table jwkss)`,
      );
      return;
    }
    case 'unreadable':
      problem(
        'fail',
        `${seen}: the backend cannot read its signing keys from Postgres (table jwkss), so signing in, issuing MCP tokens and validating them all fail. Its database is gone or unreachable, or its connection pool was closed (upstream's SIGTERM handler closes it and keeps serving /.status)`,
        'the backend cannot read its signing keys (JWKS answers 500)',
        undefined,
        { live: true, lead: true },
      );
      return;
    case 'no-route':
      problem(
        'fail',
        `${seen}: no JWKS route under /.auth/api/v1/auth; is AUTH_BASE_URL the ctx| backend (with Better Auth's jwt plugin)?`,
        'no JWKS route',
        undefined,
        { live: true },
      );
      return;
    case 'no-keys':
      problem(
        'warn',
        `${seen} with no key: Better Auth creates one on this request, so an empty set means it could not`,
        'JWKS has no key',
        undefined,
        { live: true },
      );
      return;
    default:
      problem(
        'fail',
        `${seen} ${shortBody(p.text)}: expected {"keys":[...]}`,
        `JWKS answered HTTP ${p.status}`,
        undefined,
        { live: true },
      );
  }
}

/** Which copy of AUTH_SECRET is wrong, if any, from the keys, codesearch and the backend's own answer. */
function reportSecretEvidence(
  env: Environment,
  keys: SigningKeysEvidence,
  codesearch: CodesearchAcceptance,
  decryptFailure: boolean,
  f: Findings,
  problem: Problem,
): SecretVerdict {
  if (keys.kind === 'no-secret') return 'unknown';
  const verdict = secretVerdict({
    keys: keysFact(keys),
    codesearch: codesearch.kind,
    backendDecryptFailure: decryptFailure,
  });
  const text = verdictText(verdict, keys, codesearch, env.source);
  const effect = VERDICT_EFFECT[verdict];
  const reason: Record<SecretVerdict, string> = {
    consistent: '',
    'keys-match': '',
    'codesearch-differs': '',
    'ctx-ops-stale': "ctx-ops's copy of AUTH_SECRET is stale",
    'backend-rotated': 'AUTH_SECRET changed after the signing keys were made',
    'backend-differs-from-keys': "the backend's AUTH_SECRET differs from its signing keys'",
    'keys-unmatched': "ctx-ops's AUTH_SECRET does not open the signing keys",
    'codesearch-agrees': '',
    'codesearch-rejects': "codesearch rejects ctx-ops's AUTH_SECRET",
    unknown: '',
  };
  if (effect.status === 'ok') f.ok(text);
  else if (effect.status === 'info') f.info(text);
  else
    problem(effect.status, text, reason[verdict], effect.runbook, {
      lead: verdict === 'backend-rotated' || verdict === 'backend-differs-from-keys',
      live: decryptFailure,
    });
  if (keys.kind === 'read' && keys.latest.result === 'not-encrypted')
    f.info(
      'the signing keys are stored unencrypted in jwkss: a changed AUTH_SECRET does not affect them, but anyone who can read the table can sign tokens',
    );
  return verdict;
}

/**
 * The store often lives in the ctx| database, which may be the thing that is down: its
 * answer is waited for only part of the deadline, so the rest of this check still reports.
 */
function withinBudget<T>(p: Promise<T>, budgetMs: number): Promise<T | Error> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Error>((resolve) => {
    timer = setTimeout(() => resolve(new Error(`no answer within ${budgetMs} ms`)), budgetMs);
  });
  return Promise.race([p.catch((err: unknown) => (err instanceof Error ? err : new Error(String(err)))), late]).finally(
    () => clearTimeout(timer),
  );
}

const SECRETS = ['AUTH_SECRET', 'CONNECTION_SECRETS_ENCRYPTION_KEY'] as const;

function observeBoth(ctx: CheckContext<AuthOptions>, env: Environment): Promise<FingerprintState[]> {
  const now = ctx.now();
  const value = (name: (typeof SECRETS)[number]) => {
    const v = env.ctx[name];
    if (v === undefined || v === '') return undefined;
    // Upstream trims the hex key and ignores its case: an equivalent spelling is no change.
    return name === 'CONNECTION_SECRETS_ENCRYPTION_KEY' && encryptionKeyStatus(v) === 'ok' ? v.trim().toLowerCase() : v;
  };
  return Promise.all(SECRETS.map((name) => observeSecret(ctx.store!, env.name, name, value(name), now)));
}

async function reportStability(
  ctx: CheckContext<AuthOptions>,
  pending: Promise<FingerprintState[] | Error> | null,
  evidenceDecided: boolean,
  f: Findings,
  problem: Problem,
) {
  if (!pending) {
    f.info(
      "secret fingerprints are not tracked: the bot has no store (set CTX_OPS_DATABASE_URL or store.databaseUrl), so a change of ctx-ops's copy of a secret is not dated",
    );
    return;
  }
  const states = await pending;
  if (states instanceof Error) {
    ctx.log.warn({ err: { message: states.message } }, 'secret fingerprints unavailable');
    f.info(`secret fingerprints could not be compared: the bot's store is unavailable (${states.message})`);
    return;
  }
  const now = ctx.now();
  const when = (d: Date | null) => (d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : 'unknown');
  for (const s of states) {
    const verdict = fingerprintVerdict(s, now, ctx.options.secretChangeWarnHours);
    const state = s.isSet ? 'set' : 'not set';
    if (verdict === 'first') {
      f.info(
        `${s.name} (${state}): first sighting${s.rekeyed ? ' under a new fingerprint key' : ''}, keyed fingerprint recorded; later changes will be reported`,
      );
    } else if (verdict === 'stable') {
      f.ok(`${s.name} unchanged (${state}) since ${when(s.firstSeenAt)}`);
    } else {
      const what =
        s.previousSet && s.isSet
          ? 'changed'
          : s.previousSet
            ? 'was removed (now not set)'
            : 'was set (it was not set before)';
      // The fingerprint is of ctx-ops's own copy: it dates a change, it does not tell which copy is right.
      const text = `${s.name} ${what} at ${when(s.changedAt)} in ctx-ops's configuration (${ctx.env.source}): the previous value was last seen the same at ${when(s.previousLastSeenAt)}`;
      if (verdict === 'changed-earlier') {
        f.info(`${text} (more than ${ctx.options.secretChangeWarnHours} h ago)`);
      } else if (s.name === 'AUTH_SECRET' && evidenceDecided) {
        f.info(
          `${text}; the evidence above (signing keys, codesearch) shows whether the deployment agrees with the new value`,
        );
      } else if (s.name === 'AUTH_SECRET') {
        problem(
          'warn',
          `${text}; ctx-ops could not compare the new value with the backend's signing keys or with codesearch, so it cannot tell whether the deployment changed too. If sign-in now fails with "Failed to decrypt private key", the backend's copy changed (runbook auth-secret-changed); backend, worker and codesearch must share one value`,
          'AUTH_SECRET changed here and could not be verified',
          'sign-in-fails',
        );
      } else {
        problem(
          'warn',
          `${text}; backend and worker must share it, and connector credentials encrypted with the old key become unreadable until re-entered`,
          `${s.name} changed`,
          null,
        );
      }
    }
  }
}
