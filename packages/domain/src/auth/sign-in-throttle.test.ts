import { describe, expect, test } from 'vitest';
import {
  clearLockout,
  isExpired,
  lockoutOf,
  signInFailed,
  signInLimits,
  signInSucceeded,
  lockedUntil,
  lockoutMessage,
  recordFailure,
  type FailureCounter,
} from './sign-in-throttle';

const limit = { maxFailures: 3, windowMs: 60_000, lockMs: 120_000 };
const t0 = Date.parse('2026-11-24T16:00:00.000Z');

const fail = (times: number, step = 1000, start = t0) => {
  let c: FailureCounter | undefined;
  for (let i = 0; i < times; i++) c = recordFailure(c, start + i * step, limit);
  return c!;
};

describe('sign-in throttle (issue 13 item 5)', () => {
  test.each([
    ['below the limit: not locked', 2, 1000, null],
    [
      'at the limit within the window: locked for lockMs from the last failure',
      3,
      1000,
      t0 + 2000 + 120_000,
    ],
    ['failures spread beyond the window: each window starts again, not locked', 3, 40_000, null],
  ] as const)('%s', (_, times, step, until) => {
    const c = fail(times, step);
    expect(lockedUntil(c, t0 + (times - 1) * step)).toBe(until);
  });

  test('a lock ends at lockedUntil', () => {
    const c = fail(3);
    expect(lockedUntil(c, c.lockedUntil! - 1)).toBe(c.lockedUntil);
    expect(lockedUntil(c, c.lockedUntil!)).toBeNull();
    expect(isExpired(c, c.lockedUntil!, limit)).toBe(true);
    expect(isExpired(c, t0 + 10, limit)).toBe(false);
  });

  test('the message says when to try again', () => {
    expect(lockoutMessage(t0 + 14.5 * 60_000, t0)).toBe(
      'Too many failed sign-ins. Try again in 15 minutes (at 10:14 AM), or ask an administrator to clear the lockout.',
    );
    expect(lockoutMessage(t0 + 10_000, t0)).toContain('Try again in 1 minute (');
  });
});

describe('sign-in counters as commit effects (shared by every server process)', () => {
  const admin = { id: 1, name: 'Ada Admin', role: 'admin' as const, teamIds: [], customerId: null };
  const stored = (kind: 'account' | 'client', key: string, c: FailureCounter) => ({
    kind,
    key,
    ...c,
  });

  test('a first failure writes both counters; a later one replaces each stored counter', () => {
    const first = signInFailed(
      { account: undefined, client: undefined },
      'a@x.test',
      '10.0.0.1',
      t0,
    );
    expect(first.writes).toEqual([
      expect.objectContaining({
        op: 'insert',
        entity: 'signInCounter',
        values: {
          kind: 'account',
          key: 'a@x.test',
          failures: 1,
          windowStart: t0,
          lockedUntil: null,
        },
      }),
      expect.objectContaining({
        op: 'insert',
        entity: 'signInCounter',
        values: {
          kind: 'client',
          key: '10.0.0.1',
          failures: 1,
          windowStart: t0,
          lockedUntil: null,
        },
      }),
    ]);
    const account = stored('account', 'a@x.test', {
      failures: 4,
      windowStart: t0,
      lockedUntil: null,
    });
    const next = signInFailed({ account, client: undefined }, 'a@x.test', '10.0.0.1', t0 + 1000);
    expect(next.writes.slice(0, 2)).toEqual([
      expect.objectContaining({
        op: 'delete',
        where: { kind: 'account', key: 'a@x.test' },
        expectRows: 1,
      }),
      expect.objectContaining({
        op: 'insert',
        values: expect.objectContaining({
          failures: 5,
          lockedUntil: t0 + 1000 + signInLimits.account.lockMs,
        }),
      }),
    ]);
  });

  test.each([
    ['neither locked', null, null, null],
    ['the account locked', t0 + 60_000, null, 60],
    ['the client locked longer than the account', t0 + 60_000, t0 + 120_000, 120],
  ] as const)('lockoutOf: %s', (_, accountUntil, clientUntil, retryAfter) => {
    const c = (until: number | null) =>
      stored('account', 'k', { failures: 5, windowStart: t0, lockedUntil: until });
    const out = lockoutOf({ account: c(accountUntil), client: c(clientUntil) }, t0);
    expect(out?.retryAfterSeconds ?? null).toBe(retryAfter);
  });

  test('a success forgets the account counter only; with none stored it writes nothing', () => {
    const account = stored('account', 'a@x.test', {
      failures: 2,
      windowStart: t0,
      lockedUntil: null,
    });
    expect(signInSucceeded(account, t0).writes).toEqual([
      expect.objectContaining({ op: 'delete', where: { kind: 'account', key: 'a@x.test' } }),
    ]);
    expect(signInSucceeded(undefined, t0).writes).toEqual([]);
  });

  test('clearing a lockout deletes the counter and audits it; an unlocked or missing one clears nothing', () => {
    const locked = stored('client', '10.0.0.1', {
      failures: 30,
      windowStart: t0,
      lockedUntil: t0 + 60_000,
    });
    const out = clearLockout(admin, locked, t0);
    expect(out.cleared).toBe(true);
    expect(out.effects.writes).toEqual([
      expect.objectContaining({ op: 'delete', entity: 'signInCounter' }),
      expect.objectContaining({
        op: 'insert',
        entity: 'adminAudit',
        values: expect.objectContaining({
          entity: 'lockout',
          entityKey: 'client:10.0.0.1',
          fromValue: new Date(t0 + 60_000).toISOString(),
        }),
      }),
    ]);
    const expired = { ...locked, lockedUntil: t0 - 1 };
    expect(clearLockout(admin, expired, t0)).toMatchObject({
      cleared: false,
      effects: { writes: [] },
    });
    expect(clearLockout(admin, undefined, t0)).toMatchObject({
      cleared: false,
      effects: { writes: [] },
    });
  });
});
