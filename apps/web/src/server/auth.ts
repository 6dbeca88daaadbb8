import { type NextAuthOptions, getServerSession } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { roleSchema, type Role } from '@handoff/domain';
import { userRepository, verifyPassword } from '@handoff/db';
import { z } from 'zod';
import { env } from '../env';
import { getDb } from './db';

declare module 'next-auth' {
  interface Session {
    user: { id: number; name: string; email: string; role: Role };
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase(),
  password: z.string(),
});
const tokenSchema = z.object({ uid: z.number(), role: roleSchema });

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/signin' },
    providers: [
      CredentialsProvider({
        name: 'Handoff',
        credentials: {
          email: { label: 'E-mail', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = userRepository.findByEmail(getDb(), parsed.data.email);
          if (!user || !verifyPassword(parsed.data.password, user.passwordHash)) return null;
          return Promise.resolve({
            id: String(user.id),
            name: user.name,
            email: user.email,
            role: user.role,
          });
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = Number(user.id);
          token.role = (user as unknown as { role: Role }).role;
        }
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
  };
}

/** The signed-in user's session, or null. */
export async function getSession() {
  const session = await getServerSession(authOptions());
  return session?.user?.id ? session : null;
}
