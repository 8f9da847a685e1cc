import * as z from 'zod';
import { findings, ms } from '../findings.js';
import { tryJson } from '../http-client.js';
import { describeFailure } from '../../util/net-errors.js';
import { keysFact, keysWords } from '../secret-evidence.js';
import { mintServiceToken, serviceTokenClaims } from '../service-token.js';
import { signingKeysEvidence, type SigningKeysEvidence } from '../signing-keys.js';
import type { Check } from '../types.js';
import type { CheckOutcome } from '../../contracts/checks.js';

export interface CodesearchOptions {
  probeOrgId: string;
}

export type UnauthenticatedVerdict = 'codesearch' | 'other-401' | 'open' | 'not-codesearch';

/** Codesearch answers every route without a token with exactly 401 {"error":"Unauthorized"}. */
export function unauthenticatedVerdict(status: number, body: string): UnauthenticatedVerdict {
  if (status === 401)
    return (tryJson(body) as { error?: unknown } | undefined)?.error === 'Unauthorized' ? 'codesearch' : 'other-401';
  return status >= 200 && status < 300 ? 'open' : 'not-codesearch';
}

export type SearchVerdict =
  | 'ok'
  | 'secret-mismatch'
  | 'no-database'
  | 'zoekt-down'
  | 'zoekt-warming'
  | 'zoekt-error'
  | 'unavailable'
  | 'server-error'
  | 'unexpected';

/** The answer to an authenticated POST /search, read the way upstream's search route writes it. */
export function searchVerdict(status: number, body: string): SearchVerdict {
  if (status === 200) return 'ok';
  if (status === 401) return 'secret-mismatch';
  const error = (tryJson(body) as { error?: unknown } | undefined)?.error;
  const text = typeof error === 'string' ? error : body;
  if (status === 503) {
    if (/database not configured/i.test(text)) return 'no-database';
    if (/zoekt webserver is unavailable/i.test(text)) return 'zoekt-down';
    if (/did not load repo ids/i.test(text)) return 'zoekt-warming';
    if (/zoekt returned status/i.test(text)) return 'zoekt-error';
    return 'unavailable';
  }
  return status >= 500 ? 'server-error' : 'unexpected';
}

const QUERY = JSON.stringify({ Q: 'ctx-ops-health-probe', Opts: { TotalMaxMatchCount: 1, MaxDocDisplayCount: 1 } });
const RUNBOOK = 'repo-not-indexed';

/**
 * Codesearch has no health route (every route needs a token), so health is shown the way
 * upstream suggests: a real search. The probe token names an organisation id that owns no
 * repositories, so the search reads no customer code and never pins shards, yet it runs
 * the whole path: JWT check, codesearch's database, Zoekt.
 */
export const codesearchCheck: Check<CodesearchOptions> = {
  id: 'codesearch',
  title: 'Codesearch',
  dependsOn: [],
  // Codesearch keeps its state in ctx|'s Postgres: its server errors are likely explained by
  // a failing Postgres (every other failure here is its own).
  likelyCauses: {
    postgres: "codesearch reads its repository state from ctx|'s Postgres and answers 500 when it cannot",
  },
  options: { probeOrgId: z.string().min(1).default('ctx-ops-probe') },
  async run(ctx, signal) {
    const { dbRelated, ...outcome } = await probe(ctx, signal);
    return outcome.status === 'ok' || dbRelated ? outcome : { ...outcome, independent: true };
  },
};

/** The probe's outcome; `dbRelated` marks the failures a database outage can explain. */
async function probe(
  ctx: Parameters<Check<CodesearchOptions>['run']>[0],
  signal: AbortSignal,
): Promise<CheckOutcome & { dbRelated?: boolean }> {
  const f = findings();
  const c = ctx.env.ctx;
  const base = c.CODESEARCH_URL.replace(/\/+$/, '');
  const url = `${base}/search`;
  const headers = { accept: 'application/json', 'content-type': 'application/json' };

  const anon = await ctx.http.request(url, { method: 'POST', signal, headers, body: QUERY });
  if (!anon.ok) {
    f.fail(
      `${describeFailure(anon.failure, url)}; the backend needs CODESEARCH_URL reachable to clone, index and search`,
    );
    return f.done(`unreachable: ${describeFailure(anon.failure, 'CODESEARCH_URL')}`, { runbook: RUNBOOK });
  }
  const seen = `POST /search without a token → HTTP ${anon.res.status} in ${ms(anon.res.ms)}`;
  switch (unauthenticatedVerdict(anon.res.status, anon.res.text)) {
    case 'codesearch':
      f.ok(`${seen} {"error":"Unauthorized"}: ctx| codesearch answers at ${base}`);
      break;
    case 'other-401':
      f.warn(
        `${seen} but not codesearch's {"error":"Unauthorized"} (got ${JSON.stringify(anon.res.text.slice(0, 80))}): a proxy in front of it?`,
      );
      break;
    case 'open':
      f.fail(
        `${seen}: it answers without a token, which ctx| codesearch never does; CODESEARCH_URL points at something else`,
      );
      return f.done('CODESEARCH_URL does not answer like codesearch', { runbook: RUNBOOK });
    default:
      f.fail(
        `${seen} ${JSON.stringify(anon.res.text.slice(0, 80))}; ctx| codesearch answers 401 to every request without a token`,
      );
      return f.done(`CODESEARCH_URL answers HTTP ${anon.res.status}, not like codesearch`, { runbook: RUNBOOK });
  }

  if (!c.AUTH_SECRET) {
    f.warn(
      'AUTH_SECRET is not set here, so the authenticated search probe cannot run (codesearch tokens are signed with it)',
    );
    return f.done('reachable; authenticated search not probed (AUTH_SECRET not set)');
  }
  const claims = serviceTokenClaims(c, ctx.options.probeOrgId);
  const who = `HS256 with AUTH_SECRET, aud ${claims.aud}, iss ${claims.iss}, principal service, 5 min`;
  const authed = await ctx.http.request(url, {
    method: 'POST',
    signal,
    headers: { ...headers, authorization: `Bearer ${await mintServiceToken(c.AUTH_SECRET, claims)}` },
    body: QUERY,
  });
  if (!authed.ok) {
    f.fail(`authenticated POST /search: ${describeFailure(authed.failure, url)}`);
    return f.done('authenticated search failed', { runbook: RUNBOOK });
  }
  const res = authed.res;
  const said = `POST /search with a service JWT (${who}) → HTTP ${res.status} in ${ms(res.ms)}`;
  const body = JSON.stringify(res.text.slice(0, 120));
  switch (searchVerdict(res.status, res.text)) {
    case 'ok':
      f.ok(`${said}: token accepted, database and Zoekt answer`);
      return f.done(`searching: authenticated probe answered in ${ms(res.ms)}`);
    case 'secret-mismatch':
      return secretMismatch(f, said, claims, await signingKeysEvidence(ctx.pg, c, signal));
    case 'no-database':
      f.fail(`${said} ${body}: codesearch has no database (DATABASE_URL is not set for the codesearch service)`);
      return f.done('codesearch has no database', { runbook: RUNBOOK });
    case 'zoekt-down':
      f.fail(
        `${said} ${body}: Zoekt is not running or not reachable from codesearch (zoekt-webserver -rpc on port 6070 in the codesearch container)`,
      );
      return f.done('Zoekt not running: codesearch cannot search', { runbook: RUNBOOK });
    case 'zoekt-warming':
      f.warn(`${said} ${body}: Zoekt is up but has not loaded the index shards yet`);
      return f.done('Zoekt not ready: shards still loading', { runbook: RUNBOOK });
    case 'zoekt-error':
      f.fail(`${said} ${body}: Zoekt answers with an error`);
      return f.done('Zoekt answers with errors', { runbook: RUNBOOK });
    case 'unavailable':
      f.fail(`${said} ${body}: Zoekt not ready or codesearch has no database`);
      return f.done('codesearch unavailable (503)', { runbook: RUNBOOK });
    case 'server-error':
      f.fail(`${said} ${body}: codesearch failed internally; its database may be unreachable (see codesearch logs)`);
      return { ...f.done(`codesearch error: HTTP ${res.status}`, { runbook: RUNBOOK }), dbRelated: true };
    default:
      f.fail(`${said} ${body}: expected 200`);
      return f.done(`authenticated search answered HTTP ${res.status}`, { runbook: RUNBOOK });
  }
}

/**
 * Codesearch rejected a token signed with ctx-ops's AUTH_SECRET. That alone does not say
 * whose copy is wrong: the backend's signing keys do (the backend encrypted them with its
 * own AUTH_SECRET).
 */
function secretMismatch(
  f: ReturnType<typeof findings>,
  said: string,
  claims: ReturnType<typeof serviceTokenClaims>,
  keys: SigningKeysEvidence,
): CheckOutcome {
  const others = `(or codesearch has another AUTH_TOKEN_AUDIENCE_CODESEARCH than "${claims.aud}", or an AUTH_ISSUER other than "${claims.iss}")`;
  switch (keysFact(keys)) {
    case 'opens':
      f.fail(
        `${said}: codesearch rejects the token, while ${keysWords(keys)}. So codesearch's AUTH_SECRET differs from the backend's ${others}: the backend's own calls to codesearch (clone, index, search) are rejected too. Give codesearch the backend's AUTH_SECRET and restart it`,
      );
      return f.done("codesearch's AUTH_SECRET differs from the backend's", { runbook: RUNBOOK });
    case 'does-not-open':
      f.warn(
        `${said}: codesearch rejects the token, and ${keysWords(keys)}. The backend's keys and codesearch agree with each other, not with ctx-ops: ctx-ops's own copy of AUTH_SECRET is stale. Fix ctx-ops's configuration; codesearch itself is not shown to be wrong`,
      );
      f.info(
        'authenticated search was not verified: codesearch is reachable, but ctx-ops cannot sign a token it accepts',
      );
      return f.done(
        "not verified: ctx-ops's AUTH_SECRET is not the deployment's (codesearch and the backend's keys agree)",
      );
    default:
      f.warn(
        `${said}: codesearch rejects the token ${others}, and ${keysWords(keys)}: either codesearch's AUTH_SECRET differs from the backend's (then indexing and search fail too), or ctx-ops's copy is stale. Give ctx-ops read access to jwkss (GRANT SELECT ON jwkss) to tell which`,
      );
      return f.done("codesearch rejects ctx-ops's token (whose AUTH_SECRET is wrong is not known)", {
        runbook: RUNBOOK,
      });
  }
}
