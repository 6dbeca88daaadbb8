import { describe, expect, test } from 'vitest';
import { afterFailedAttempt, leaseUntil, maxDeliveryAttempts } from './delivery';

const now = '2026-11-24T16:00:00.000Z';
const temporary = { message: 'Message failed: 451 Try again later', responseCode: 451 };

describe('delivery backoff', () => {
  test.each([
    [1, '2026-11-24T16:01:00.000Z'],
    [2, '2026-11-24T16:05:00.000Z'],
    [3, '2026-11-24T16:30:00.000Z'],
    [4, '2026-11-24T18:00:00.000Z'],
  ])('after failed attempt %i the next is at %s', (attempts, next) => {
    expect(afterFailedAttempt({ attempts, now, error: temporary })).toEqual({
      status: 'pending',
      nextAttemptAt: next,
      lastError: temporary.message,
    });
  });

  test('the fifth failure is final, with the last error', () => {
    expect(maxDeliveryAttempts).toBe(5);
    expect(
      afterFailedAttempt({
        attempts: 5,
        now,
        error: { message: 'connect ECONNREFUSED 127.0.0.1:25' },
      }),
    ).toEqual({
      status: 'failed',
      nextAttemptAt: null,
      lastError: 'connect ECONNREFUSED 127.0.0.1:25',
    });
  });

  test('a permanent 5xx refusal fails at once', () => {
    expect(
      afterFailedAttempt({
        attempts: 1,
        now,
        error: { message: '550 No such user', responseCode: 550 },
      }),
    ).toMatchObject({ status: 'failed', lastError: '550 No such user' });
  });

  test('a claim holds the message for ten minutes', () => {
    expect(leaseUntil(now)).toBe('2026-11-24T16:10:00.000Z');
  });
});
