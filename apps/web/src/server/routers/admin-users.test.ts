// Issue 13 item 9: an administrator deactivates a login and resets a password; both end the
// user's sessions, both are in the admin audit log, and nobody else may do either.
import { describe, expect, test } from 'vitest';
import { type JWT } from 'next-auth/jwt';
import { TRPCError } from '@trpc/server';
import { DomainError } from '@handoff/domain';
import { userRepository } from '@handoff/db';
import { authOptions, deactivatedMessage } from '../auth';
import { callerFor, fixedClock, rejectionOf, useServerDb } from '../test-callers';

const testDb = useServerDb();

const admin = () => callerFor(testDb().db, 'admin@handoff.test', fixedClock());
const idOf = async (email: string) => (await userRepository.findByEmail(testDb().db, email))!.id;
const tokenOf = async (email: string): Promise<JWT> => {
  const user = (await userRepository.findByEmail(testDb().db, email))!;
  return { uid: user.id, role: user.role, sv: user.sessionVersion, email };
};
const jwt = async (token: JWT) =>
  authOptions().callbacks!.jwt!({ token, user: undefined as never, account: null });
/** next-auth's credentials check, as the sign-in form's POST runs it. */
const signIn = (email: string, password: string) => {
  const provider = authOptions().providers[0] as unknown as {
    options: { authorize: (c: Record<string, string>) => Promise<{ id: string } | null> };
  };
  return provider.options.authorize({ email, password });
};

describe('deactivating a login', () => {
  test('ends its sessions: the old token is refused, and signing in says it is deactivated', async () => {
    const token = await tokenOf('tier2b@handoff.test');
    await expect(jwt(token)).resolves.toEqual(token);
    await expect(signIn('tier2b@handoff.test', 'handoff-demo')).resolves.toBeTruthy();

    await (await admin()).admin.deactivateUser({ userId: await idOf('tier2b@handoff.test') });

    // The attack: a copy of the session cookie from before the deactivation.
    await expect(jwt(token)).rejects.toThrow('session ended');
    await expect(signIn('tier2b@handoff.test', 'handoff-demo')).rejects.toThrow(deactivatedMessage);
    // A wrong password still says only that it does not match (nothing about the login).
    await expect(signIn('tier2b@handoff.test', 'not-the-password')).resolves.toBeNull();
    // Whatever a session claims, a deactivated login is nobody.
    expect(
      await userRepository.findActorById(testDb().db, await idOf('tier2b@handoff.test')),
    ).toBeUndefined();
  });

  test('is in the admin audit log, newest first', async () => {
    const target = await idOf('partner2@handoff.test');
    await (await admin()).admin.deactivateUser({ userId: target });
    await (await admin()).admin.reactivateUser({ userId: target });
    const log = await (await admin()).admin.auditLog({});
    expect(log.items.slice(0, 2)).toMatchObject([
      {
        entity: 'user',
        entityKey: String(target),
        field: 'active',
        fromValue: 'no',
        toValue: 'yes',
        actorName: 'Alex Admin',
        // Read as words: which login by name, the field's label (issue 19 item 3).
        words: {
          entity: 'Login',
          entityKey: 'Piper Partner',
          field: 'Active',
          fromValue: 'No',
          toValue: 'Yes',
        },
      },
      {
        entity: 'user',
        entityKey: String(target),
        field: 'active',
        fromValue: 'yes',
        toValue: 'no',
      },
    ]);
    await expect(signIn('partner2@handoff.test', 'handoff-demo')).resolves.toBeTruthy();
  });

  test.each([['l1@handoff.test'], ['hdqa@handoff.test'], ['customer@handoff.test']])(
    '%s may not deactivate a login, reset a password or read the log',
    async (email) => {
      const caller = await callerFor(testDb().db, email, fixedClock());
      const target = { userId: await idOf('cps2@handoff.test') };
      for (const call of [
        caller.admin.deactivateUser(target),
        caller.admin.resetPassword(target),
        caller.admin.auditLog({}),
      ]) {
        const e = await rejectionOf(call);
        expect(e).toBeInstanceOf(TRPCError);
        expect((e as TRPCError).code).toBe('FORBIDDEN');
      }
      expect(
        (await userRepository.findByEmail(testDb().db, 'cps2@handoff.test'))!.deactivatedAt,
      ).toBeNull();
      await expect(jwt(await tokenOf('cps2@handoff.test'))).resolves.toBeTruthy();
    },
  );

  test.each([['one’s own login', 'admin@handoff.test', 'You cannot deactivate your own login.']])(
    'refuses %s',
    async (_, email, message) => {
      const e = await rejectionOf(
        (await admin()).admin.deactivateUser({ userId: await idOf(email) }),
      );
      expect((e as TRPCError).cause).toBeInstanceOf(DomainError);
      expect((e as TRPCError).message).toBe(message);
    },
  );

  test('refuses a login that is deactivated already, and changes nothing', async () => {
    const userId = await idOf('sncc@handoff.test');
    await (await admin()).admin.deactivateUser({ userId });
    const before = (await userRepository.findById(testDb().db, userId))!;
    const e = await rejectionOf((await admin()).admin.deactivateUser({ userId }));
    expect((e as TRPCError).message).toMatch(/already deactivated/);
    expect(await userRepository.findById(testDb().db, userId)).toEqual(before);
  });
});

describe('resetting a password', () => {
  test('gives a one-time password, ends the sessions and retires the old password', async () => {
    const token = await tokenOf('es@handoff.test');
    const { password } = await (
      await admin()
    ).admin.resetPassword({ userId: await idOf('es@handoff.test') });
    expect(password).toHaveLength(18);
    await expect(jwt(token)).rejects.toThrow('session ended');
    await expect(signIn('es@handoff.test', 'handoff-demo')).resolves.toBeNull();
    await expect(signIn('es@handoff.test', password)).resolves.toMatchObject({
      id: String(await idOf('es@handoff.test')),
    });
    const log = await (await admin()).admin.auditLog({});
    expect(log.items[0]).toMatchObject({
      entity: 'user',
      entityKey: String(await idOf('es@handoff.test')),
      field: 'password',
      toValue: 'reset by an administrator',
    });
    // Neither the password nor its hash is in the log.
    expect(JSON.stringify(log)).not.toContain(password);
    expect(JSON.stringify(log)).not.toContain('scrypt$');
  });
});

describe('the admin audit log', () => {
  test('pages newest first with a cursor', async () => {
    const users = ['tier2@handoff.test', 'technologist@handoff.test', 'east@handoff.test'];
    for (const email of users)
      await (await admin()).admin.resetPassword({ userId: await idOf(email) });
    const all = await (await admin()).admin.auditLog({});
    const ids = all.items.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const newestThree = all.items.slice(0, 3).map((i) => i.entityKey);
    expect(newestThree).toEqual(
      (await Promise.all(users.map(async (e) => String(await idOf(e))))).reverse(),
    );
    const next = await (await admin()).admin.auditLog({ cursor: all.items[0]!.id });
    expect(next.items[0]!.id).toBe(all.items[1]!.id);
  });
});
