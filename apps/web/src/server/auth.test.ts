// Sessions (issue 13 items 6 and 11): the token lives as long as the session, signing out ends it
// everywhere, and a bad session cookie is one log line.
import { describe, expect, test, vi } from 'vitest';
import { encode, decode } from 'next-auth/jwt';
import { type JWT } from 'next-auth/jwt';
import { userRepository } from '@handoff/db';
import { endSessions } from './end-sessions';
import { useServerDb } from './test-callers';
import { authLogger, authOptions, sessionMaxAgeSeconds } from './auth';

const testDb = useServerDb();

const options = () => authOptions();
const jwtCallback = async (token: JWT) =>
  options().callbacks!.jwt!({ token, user: undefined as never, account: null });

async function tokenOf(email: string): Promise<JWT> {
  const user = (await userRepository.findByEmail(testDb().db, email))!;
  return { uid: user.id, role: user.role, sv: user.sessionVersion, email };
}

describe('sessions', () => {
  test('the token lives 12 hours, like the session (next-auth defaults the JWT to 30 days)', async () => {
    const o = options();
    expect(o.session?.maxAge).toBe(12 * 60 * 60);
    expect(o.jwt?.maxAge).toBe(sessionMaxAgeSeconds);
    const secret = o.secret!;
    const token = await encode({ token: { uid: 1 }, secret, maxAge: o.jwt!.maxAge });
    const decoded = (await decode({ token, secret })) as { exp: number; iat: number };
    expect(decoded.exp - decoded.iat).toBe(12 * 60 * 60);
  });

  test('a token of the current session version is accepted', async () => {
    const token = await tokenOf('admin@handoff.test');
    await expect(jwtCallback(token)).resolves.toEqual(token);
  });

  test('signing out ends the session: the old token (e.g. a copy of the cookie) is refused after', async () => {
    const token = await tokenOf('admin@handoff.test');
    await expect(jwtCallback(token)).resolves.toEqual(token);
    await options().events!.signOut!({ token, session: undefined as never });
    await expect(jwtCallback(token)).rejects.toThrow('session ended');
  });

  test('ending the sessions (sign-out anywhere, password reset, deactivation) ends tokens issued before', async () => {
    const token = await tokenOf('l1@handoff.test');
    await endSessions(testDb().db, token.uid as number);
    await expect(jwtCallback(token)).rejects.toThrow('session ended');
    // A new sign-in gets the new version and is accepted.
    await expect(jwtCallback(await tokenOf('l1@handoff.test'))).resolves.toBeTruthy();
  });

  test('a token without a session version (issued before this change) is refused', async () => {
    const { sv: _, ...old } = await tokenOf('hdqa@handoff.test');
    await expect(jwtCallback(old)).rejects.toThrow('session ended');
  });
});

describe('auth log (item 11)', () => {
  test('a malformed session cookie logs one short line, not a stack trace', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
    // The error next-auth hands its logger for a garbage cookie.
    const error = await decode({ token: 'garbage.cookie.value', secret: options().secret! }).then(
      () => new Error('decoded?'),
      (e: unknown) => e as Error,
    );
    expect(error.stack?.length).toBeGreaterThan(200);
    authLogger.error('JWT_SESSION_ERROR', error);
    spy.mockRestore();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[auth\] JWT_SESSION_ERROR: /);
    expect(lines[0]).not.toContain('\n');
    expect(lines[0]!.length).toBeLessThan(200);
  });

  test('next-auth is given this logger', () => {
    expect(options().logger).toBe(authLogger);
  });
});
