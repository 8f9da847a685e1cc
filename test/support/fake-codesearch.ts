import { jwtVerify, type JWTPayload } from 'jose';
import { hang, json, startFakeHttp, type FakeHttp } from './fake-http.js';

/**
 * ctx| codesearch as seen from outside: every route wants an HS256 JWT that jose verifies
 * with the secret this fake was given (so a token signed with another secret is really
 * rejected), with codesearch's audience and, when it has AUTH_ISSUER, issuer; then
 * POST /search answers like upstream's route for each planted Zoekt / database state.
 */
export type CodesearchFault = 'healthy' | 'zoektDown' | 'noDatabase' | 'zoektWarming' | 'hang';

export interface FakeCodesearchOptions {
  secret: string;
  audience?: string;
  issuer?: string;
}

export interface FakeCodesearch {
  http: FakeHttp;
  url: string;
  /** Claims of every token it accepted, newest last. */
  accepted: JWTPayload[];
  /** Why each rejected token was rejected (jose error codes). */
  rejected: string[];
  setFault(fault: CodesearchFault): void;
  configure(opts: Partial<FakeCodesearchOptions>): void;
  close(): Promise<void>;
}

export async function startFakeCodesearch(opts: FakeCodesearchOptions): Promise<FakeCodesearch> {
  const http = await startFakeHttp();
  const config = { audience: 'codesearch', ...opts };
  let fault: CodesearchFault = 'healthy';
  const accepted: JWTPayload[] = [];
  const rejected: string[] = [];

  const verify = async (authorization: string | undefined): Promise<JWTPayload | null> => {
    const [scheme, token] = (authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) return null;
    try {
      const { payload } = await jwtVerify(token, new TextEncoder().encode(config.secret), {
        audience: config.audience,
        issuer: config.issuer,
      });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.orgId !== 'string' ||
        (payload.principal !== 'user' && payload.principal !== 'service')
      ) {
        rejected.push('claims');
        return null;
      }
      return payload;
    } catch (err) {
      rejected.push((err as { code?: string }).code ?? 'invalid');
      return null;
    }
  };

  http.route('*', '*', async (req, res) => {
    if (fault === 'hang') return hang(req, res);
    const claims = await verify(req.headers.authorization);
    if (!claims) return json(res, 401, { error: 'Unauthorized' });
    accepted.push(claims);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method !== 'POST' || path !== '/search') return json(res, 404, { error: 'Not Found' });
    switch (fault) {
      case 'noDatabase':
        return json(res, 503, { error: 'Database not configured' });
      case 'zoektDown':
        return json(res, 503, { error: 'Zoekt webserver is unavailable' });
      case 'zoektWarming':
        return json(res, 503, { error: 'Zoekt did not load repo ids [7] within 30000ms.' });
      default:
        return json(res, 200, {
          Result: { Files: null, MatchCount: 0, FileCount: 0, ShardsScanned: 0, Duration: 1200 },
        });
    }
  });

  return {
    http,
    url: http.url,
    accepted,
    rejected,
    setFault: (f) => void (fault = f),
    configure: (o) => void Object.assign(config, o),
    close: () => http.close(),
  };
}
