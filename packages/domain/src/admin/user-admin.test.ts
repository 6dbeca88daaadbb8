import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import { type Actor } from '../roles';
import { weakPasswordReason } from './password-policy';
import {
  createFirstAdmin,
  deactivateUser,
  endOwnSessions,
  reactivateUser,
  resetPassword,
  type AdminTarget,
} from './user-admin';

const now = '2026-12-01T15:00:00.000Z';
const admin: Actor = { id: 1, name: 'Alex Admin', role: 'admin', teamIds: [], customerId: null };
const lee: AdminTarget = {
  id: 7,
  email: 'l1@example.edu',
  name: 'Lee',
  role: 'l1',
  sessionVersion: 3,
  deactivatedAt: null,
};
const gone = { ...lee, deactivatedAt: '2026-11-30T10:00:00.000Z' };

describe('weakPasswordReason', () => {
  test.each([
    ['short1', 'A password has at least 12 characters.'],
    ['x'.repeat(201), 'A password has at most 200 characters.'],
    ['handoff-demo', 'That password is well known; choose another.'],
    ['handoff-demo-2026', 'That password is well known; choose another.'],
    ['Password1234', 'That password is well known; choose another.'],
    ['aaaabbbbaaaabbbb', 'A password needs more different characters than that.'],
    ['boss-correct-horse-7', 'A password must not contain the e-mail address.'],
    ['correct horse battery staple', null],
  ])('%s → %s', (password, reason) => {
    expect(weakPasswordReason(password, 'boss@wisc.edu')).toBe(reason);
  });
});

describe('deactivate / reactivate / reset (each ends the sessions and is audited)', () => {
  test('deactivating sets deactivatedAt, bumps the session version on the version read, audits', () => {
    const e = deactivateUser(admin, lee, lee.id, now);
    expect(e.writes).toEqual([
      {
        op: 'update',
        entity: 'user',
        id: 7,
        set: { deactivatedAt: now, sessionVersion: 4 },
        still: { sessionVersion: 3 },
        conflict: "Lee's login changed meanwhile; reload and try again.",
      },
      {
        op: 'insert',
        entity: 'adminAudit',
        values: {
          actorId: 1,
          entity: 'user',
          entityKey: '7',
          field: 'active',
          fromValue: 'yes',
          toValue: 'no',
          at: now,
        },
      },
    ]);
  });

  test('reactivating clears it', () => {
    const e = reactivateUser(admin, gone, gone.id, now);
    expect(e.writes[0]).toMatchObject({ set: { deactivatedAt: null, sessionVersion: 4 } });
    expect(e.writes[1]).toMatchObject({
      values: { field: 'active', fromValue: 'no', toValue: 'yes' },
    });
  });

  test('resetting stores the new hash and never the password in the audit', () => {
    const e = resetPassword(admin, lee, lee.id, 'scrypt$hash', now);
    expect(e.writes[0]).toMatchObject({ set: { passwordHash: 'scrypt$hash', sessionVersion: 4 } });
    expect(e.writes[1]).toMatchObject({
      values: { field: 'password', fromValue: null, toValue: 'reset by an administrator' },
    });
  });

  test.each([
    [
      'deactivate a missing login',
      () => deactivateUser(admin, undefined, 9, now),
      'NOT_FOUND',
      'No login #9.',
    ],
    [
      'reactivate a missing login',
      () => reactivateUser(admin, undefined, 9, now),
      'NOT_FOUND',
      'No login #9.',
    ],
    [
      'reset a missing login',
      () => resetPassword(admin, undefined, 9, 'h', now),
      'NOT_FOUND',
      'No login #9.',
    ],
    [
      'deactivate oneself',
      () => deactivateUser(admin, { ...lee, id: 1 }, 1, now),
      'VALIDATION',
      'You cannot deactivate your own login.',
    ],
    [
      'deactivate twice',
      () => deactivateUser(admin, gone, 7, now),
      'VALIDATION',
      "Lee's login is already deactivated.",
    ],
    [
      'reactivate an active login',
      () => reactivateUser(admin, lee, 7, now),
      'VALIDATION',
      "Lee's login is active already.",
    ],
  ])('refuses to %s', (_, run, code, message) => {
    expect(run).toThrow(new DomainError(code as 'VALIDATION', message));
    try {
      run();
    } catch (e) {
      expect((e as DomainError).code).toBe(code);
    }
  });
});

describe('change events: the login itself and the admin pages hear of it', () => {
  test.each([
    ['deactivated', () => deactivateUser(admin, lee, lee.id, now), 1],
    ['reactivated', () => reactivateUser(admin, gone, gone.id, now), 1],
    ['password_reset', () => resetPassword(admin, lee, lee.id, 'h', now), 1],
    ['signed_out', () => endOwnSessions(lee, now), 7],
  ])('%s: one event naming the login', (kind, run, actorId) => {
    expect(run().events).toEqual([
      { entity: 'user', entityId: 7, kind, teamIds: [], userIds: [7], actorId },
    ]);
  });
});

describe('endOwnSessions (sign-out)', () => {
  test('bumps the session version on the version read and audits it as the user’s own act', () => {
    expect(endOwnSessions(lee, now).writes).toEqual([
      {
        op: 'update',
        entity: 'user',
        id: 7,
        set: { sessionVersion: 4 },
        still: { sessionVersion: 3 },
        conflict: "Lee's login changed meanwhile; reload and try again.",
      },
      {
        op: 'insert',
        entity: 'adminAudit',
        values: {
          actorId: 7,
          entity: 'user',
          entityKey: '7',
          field: 'sessions',
          fromValue: null,
          toValue: 'signed out',
          at: now,
        },
      },
    ]);
  });

  test('a login that is gone: nothing to write, nothing to announce', () => {
    const e = endOwnSessions(undefined, now);
    expect([e.writes, e.events]).toEqual([[], []]);
  });
});

describe('createFirstAdmin', () => {
  const input = {
    email: 'boss@wisc.edu',
    name: 'Boss',
    password: 'correct horse battery staple',
    passwordHash: 'scrypt$h',
    force: false,
  };
  test('inserts an administrator and audits it as made by itself', () => {
    const e = createFirstAdmin(input, { admins: 0, emailInUse: false }, now);
    expect(e.writes).toEqual([
      {
        op: 'insert',
        entity: 'user',
        ref: 'user',
        values: { email: 'boss@wisc.edu', name: 'Boss', role: 'admin', passwordHash: 'scrypt$h' },
      },
      {
        op: 'insert',
        entity: 'adminAudit',
        values: {
          actorId: { ref: 'user' },
          entity: 'user',
          entityKey: 'boss@wisc.edu',
          field: 'created',
          fromValue: null,
          toValue: 'administrator',
          at: now,
        },
      },
    ]);
  });

  test('--force makes another administrator when one exists', () => {
    const e = createFirstAdmin({ ...input, force: true }, { admins: 1, emailInUse: false }, now);
    expect(e.writes).toHaveLength(2);
  });

  test.each([
    ['a weak password', { password: 'short' }, { admins: 0, emailInUse: false }, /at least 12/],
    [
      'while an administrator exists',
      {},
      { admins: 1, emailInUse: false },
      /administrator exists already/,
    ],
    ['an address in use', {}, { admins: 0, emailInUse: true }, /is in use/],
    [
      'an address in use, even forced',
      { force: true },
      { admins: 1, emailInUse: true },
      /is in use/,
    ],
  ])('refuses %s', (_, over, existing, message) => {
    expect(() => createFirstAdmin({ ...input, ...over }, existing, now)).toThrow(message);
  });
});
