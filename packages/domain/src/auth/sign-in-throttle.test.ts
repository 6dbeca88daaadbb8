import { describe, expect, test } from 'vitest';
import {
  isExpired,
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
