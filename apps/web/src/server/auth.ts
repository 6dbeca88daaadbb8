import { type NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { roleSchema, type Role } from '@handoff/domain';
import { userRepository, verifySignIn } from '@handoff/db';
import { z } from 'zod';
import { env } from '../env';
import { getDb } from './db';
import { endSessions } from './end-sessions';
import { sessionCookieNames, verifySessionToken, type SessionClaims } from './session-token';

declare module 'next-auth' {
  interface Session {
    user: { id: number; name: string; email: string; role: Role };
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase(),
  password: z.string(),
});
// `sv`: the user's session version when the token was issued (users.session_version).
const tokenSchema = z.object({ uid: z.number(), role: roleSchema, sv: z.number().int() });

/** What a deactivated login is told when it signs in with its (right) password. */
export const deactivatedMessage =
  'This login has been deactivated. Ask a Handoff administrator if you need it again.';

/** Session and token live 12 hours (next-auth's JWT would otherwise live 30 days). */
export const sessionMaxAgeSeconds = 12 * 60 * 60;

/** Thrown by the jwt callback when the user's sessions were ended; next-auth then clears the cookie. */
class SessionEnded extends Error {
  constructor() {
    super('session ended (signed out, or the login changed)');
  }
}

/**
 * next-auth's log in one line per event: a malformed or stale session cookie is the caller's
 * problem, not a server fault, so no stack trace (issue 13 item 11).
 */
export const authLogger = {
  error(code: string, metadata: unknown) {
    const m = metadata as { message?: unknown; error?: { message?: unknown } } | undefined;
    const raw = m?.error?.message ?? m?.message;
    const message = typeof raw === 'string' ? raw : '';
    console.error(`[auth] ${code}: ${message.split('\n', 1)[0]}`);
  },
  warn(code: string) {
    console.warn(`[auth] ${code}`);
  },
  debug() {},
};

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
    jwt: { maxAge: sessionMaxAgeSeconds },
    pages: { signIn: '/signin' },
    logger: authLogger,
    providers: [
      CredentialsProvider({
        name: 'Handoff',
        credentials: {
          email: { label: 'E-mail', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await userRepository.findByEmail(getDb(), parsed.data.email);
          // An unknown address costs the same scrypt work as a known one (verifySignIn).
          if (!(await verifySignIn(parsed.data.password, user?.passwordHash)) || !user) return null;
          // Said only to whoever knows the password, so it tells a stranger nothing (issue 13 item 9).
          if (user.deactivatedAt !== null) throw new Error(deactivatedMessage);
          return {
            id: String(user.id),
            name: user.name,
            email: user.email,
            role: user.role,
            sessionVersion: user.sessionVersion,
          };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as unknown as { role: Role; sessionVersion: number };
          token.uid = Number(user.id);
          token.role = signedIn.role;
          token.sv = signedIn.sessionVersion;
          return token;
        }
        // Every request: the token's session version must still be the user's (one indexed lookup).
        const t = tokenSchema.safeParse(token);
        if (
          !t.success ||
          (await userRepository.findSessionVersion(getDb(), t.data.uid)) !== t.data.sv
        )
          throw new SessionEnded();
        return token;
      },
      session({ session, token }) {
        const t = tokenSchema.safeParse(token);
        if (t.success) {
          session.user = { ...session.user, id: t.data.uid, role: t.data.role };
        }
        return session;
      },
    },
    events: {
      // Signing out ends the token everywhere, not just in this browser.
      async signOut({ token }) {
        const t = tokenSchema.safeParse(token);
        if (t.success) await endSessions(getDb(), t.data.uid);
      },
    },
  };
}

/**
 * The session cookie's verified claims, or null. A token is decoded once and then served from a
 * cache (`session-token.ts`); whether the session is still current is the caller's check, against
 * the user's session version. Tokens are not re-issued per request: a session lasts 12 hours from
 * sign-in, however busy.
 */
export async function sessionClaimsFrom(
  cookie: (name: string) => string | undefined,
): Promise<SessionClaims | null> {
  const token = sessionCookieNames.map(cookie).find(Boolean);
  if (!token) return null;
  return verifySessionToken(token, env().NEXTAUTH_SECRET, Date.now(), (e) =>
    authLogger.error('JWT_SESSION_ERROR', e),
  );
}
