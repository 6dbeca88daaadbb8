import { LRUCache } from 'lru-cache';
import { decode } from 'next-auth/jwt';
import { roleSchema } from '@handoff/domain';
import { z } from 'zod';

/**
 * The session cookie's claims, as the sign-in callback wrote them (`uid`, `role`, `sv`) plus
 * next-auth's own (`name`, `email`, `exp`).
 */
export const sessionClaimsSchema = z.object({
  uid: z.number().int(),
  role: roleSchema,
  sv: z.number().int(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  exp: z.number(),
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

/** next-auth's cookie names: `__Secure-` when the app is served over https. */
export const sessionCookieNames = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/**
 * Decoded session tokens by their exact cookie value. Decoding a next-auth JWE derives its key and
 * decrypts on every call (~1–2 ms, issue 16); a token's claims never change, so each one is decoded
 * once and kept until it expires. The cache never decides whether a session is still valid: the
 * caller checks the user's session version on every request (signing out, a password reset or a
 * deactivation ends a session at once, in every process).
 */
const verified = new LRUCache<string, SessionClaims>({ max: 10_000 });

/** The token's claims, or null when it is malformed, forged, or expired at `nowMs`. */
export async function verifySessionToken(
  token: string,
  secret: string,
  nowMs: number,
  onError?: (error: unknown) => void,
): Promise<SessionClaims | null> {
  let claims = verified.get(token);
  if (!claims) {
    const decoded = await decode({ token, secret }).catch((error: unknown) => {
      onError?.(error);
      return null;
    });
    const parsed = sessionClaimsSchema.safeParse(decoded);
    if (!parsed.success) return null;
    claims = parsed.data;
    verified.set(token, claims, { ttl: Math.max(1, claims.exp * 1000 - nowMs) });
  }
  return claims.exp * 1000 > nowMs ? claims : null;
}

/** How many decoded tokens are kept (tests). */
export const verifiedTokenCount = () => verified.size;
