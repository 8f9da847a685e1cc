export function serviceTokenClaims(ctx, orgId) {
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
export async function mintServiceToken(secret, claims) {
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
