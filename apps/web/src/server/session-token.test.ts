// The request path's session check (issue 16 item 2, issue 13 item 6): a token is decoded once and
// then served from a cache, yet an ended session is refused on the very next request.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { encode } from 'next-auth/jwt';
import type * as NextAuthJwt from 'next-auth/jwt';
import { eq } from 'drizzle-orm';
import { tablesOf, userRepository } from '@handoff/db';
import { endSessions } from './end-sessions';
import { useServerDb } from './test-callers';

const jar = vi.hoisted(() => new Map<string, string>());
vi.mock('next/headers', () => ({
  cookies: () =>
    Promise.resolve({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    }),
}));
const decodes = vi.hoisted(() => ({ count: 0 }));
vi.mock('next-auth/jwt', async (actual) => {
  const real = await actual<typeof NextAuthJwt>();
  return {
    ...real,
    decode: (params: Parameters<typeof real.decode>[0]) => {
      decodes.count++;
      return real.decode(params);
    },
  };
});

const { createContext } = await import('./context');
const { getSession } = await import('./session');
const { verifySessionToken } = await import('./session-token');
const { env } = await import('../env');

const testDb = useServerDb();
beforeEach(() => {
  jar.clear();
  decodes.count = 0;
});

/** A request carrying the jar's cookies, as the browser sends them. */
const context = () =>
  createContext({
    req: new Request('http://127.0.0.1/api/trpc/me.get', {
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    }),
  });

async function signedIn(email: string, maxAge = 60 * 60) {
  const user = (await userRepository.findByEmail(testDb().db, email))!;
  const token = await encode({
    token: { uid: user.id, role: user.role, sv: user.sessionVersion, name: user.name, email },
    secret: env().NEXTAUTH_SECRET,
    maxAge,
  });
  jar.set('next-auth.session-token', token);
  return { user, token };
}

describe('the session on each request', () => {
  test('a token is decoded once; later requests are served from the cache', async () => {
    const { user } = await signedIn('l1@handoff.test');
    for (let i = 0; i < 5; i++) expect((await context()).actor?.id).toBe(user.id);
    expect(decodes.count).toBe(1);
  });

  test('the actor carries the role and teams read fresh from the database', async () => {
    const { user } = await signedIn('cps@handoff.test');
    const actor = (await context()).actor!;
    expect(actor).toEqual(await userRepository.findActorById(testDb().db, user.id));
  });

  test('the attack: a copy of a cookie whose session was ended is refused on the next request, cached or not', async () => {
    const { user } = await signedIn('hdqa@handoff.test');
    expect((await context()).actor?.id).toBe(user.id);
    expect(await getSession()).not.toBeNull();
    await endSessions(testDb().db, user.id); // sign-out (password reset and deactivation bump it too)
    expect((await context()).actor).toBeNull();
    expect(await getSession()).toBeNull();
  });

  test('a deactivated login is refused on the next request, whatever its session version', async () => {
    const { user } = await signedIn('tier2@handoff.test');
    expect((await context()).actor?.id).toBe(user.id);
    // Straight into the row, behind the server's back (not through the admin procedure).
    const { db } = testDb();
    const { users } = tablesOf(db);
    await db
      .update(users)
      .set({ deactivatedAt: '2026-12-01T12:00:00.000Z' })
      .where(eq(users.id, user.id));
    expect((await context()).actor).toBeNull();
  });

  test('an expired token is refused even though its claims are cached', async () => {
    const { token } = await signedIn('l1@handoff.test', 60);
    const secret = env().NEXTAUTH_SECRET;
    expect(await verifySessionToken(token, secret, Date.now())).not.toBeNull();
    expect(await verifySessionToken(token, secret, Date.now() + 61_000)).toBeNull();
  });

  test('a forged or garbage cookie is no session, reported once to the log hook', async () => {
    const errors: unknown[] = [];
    const forged = await encode({
      token: { uid: 1, role: 'admin', sv: 0 },
      secret: 'not-the-server-secret-0123456789abcdef',
    });
    for (const token of [forged, 'garbage.cookie.value'])
      expect(
        await verifySessionToken(token, env().NEXTAUTH_SECRET, Date.now(), (e) => errors.push(e)),
      ).toBeNull();
    expect(errors).toHaveLength(2);
    jar.set('next-auth.session-token', forged);
    expect((await context()).actor).toBeNull();
  });

  test('no cookie, no session and no decode', async () => {
    expect((await context()).actor).toBeNull();
    expect(decodes.count).toBe(0);
  });
});
