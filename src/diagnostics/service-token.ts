import type { CtxEnv } from '../config/ctx-env.js';

/**
 * The claims of a codesearch service token, exactly as the ctx| backend mints them
 * (apps/backend/src/auth/upstreamJwt.ts): HS256 over AUTH_SECRET, `iss` AUTH_ISSUER or else
 * AUTH_BASE_URL, `aud` AUTH_TOKEN_AUDIENCE_CODESEARCH, `sub` `org:<orgId>` for searches,
 * `principal` service, valid for five minutes. Codesearch checks `iss` only when it has
 * AUTH_ISSUER itself. A 401 for this token therefore means the two sides disagree on the
 * secret (or on the audience / issuer shown beside it), not that the bot minted it wrongly.
 */
export interface ServiceTokenClaims {
  iss: string;
  aud: string;
  sub: string;
  orgId: string;
  principal: 'service';
  lifetime: '5m';
}

export function serviceTokenClaims(
  ctx: Pick<CtxEnv, 'AUTH_ISSUER' | 'AUTH_BASE_URL' | 'AUTH_TOKEN_AUDIENCE_CODESEARCH'>,
  orgId: string,
): ServiceTokenClaims {
  return {
    iss: ctx.AUTH_ISSUER ?? ctx.AUTH_BASE_URL,
    aud: ctx.AUTH_TOKEN_AUDIENCE_CODESEARCH,
    sub: `org:${orgId}`,
    orgId,
    principal: 'service',
    lifetime: '5m',
  };
}

/** Signs the claims with AUTH_SECRET. The result is a credential: send it, never show or log it. */
export async function mintServiceToken(secret: string, claims: ServiceTokenClaims): Promise<string> {
  // jose is ESM-only: loaded when a token is first needed, not by every command.
  const { SignJWT } = await import('jose');
  return new SignJWT({ orgId: claims.orgId, principal: claims.principal })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(claims.iss)
    .setAudience(claims.aud)
    .setIssuedAt()
    .setExpirationTime(claims.lifetime)
    .sign(new TextEncoder().encode(secret));
}
