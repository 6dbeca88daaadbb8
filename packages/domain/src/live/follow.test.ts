import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import { maxFollowed, setFollowing } from './follow';

const agent = { id: 7, name: 'Lee Agent', role: 'l1' as const, teamIds: [1], customerId: null };
const incident = { id: 42, number: 'INC-000042' };
const at = '2026-12-01T16:00:00.000Z';
const base = { actor: agent, incident, following: false, followedCount: 0, follow: true, now: at };

describe('setFollowing', () => {
  test('following writes the row and a followed event; unfollowing deletes exactly that row', () => {
    const on = setFollowing(base);
    expect(on.writes).toEqual([
      {
        op: 'insert',
        entity: 'incidentFollower',
        values: { incidentId: 42, userId: 7, since: at },
      },
    ]);
    expect(on.events).toEqual([
      expect.objectContaining({
        entity: 'incidentFollower',
        entityId: 42,
        kind: 'followed',
        userIds: [7],
      }),
    ]);
    const off = setFollowing({ ...base, following: true, follow: false });
    expect(off.writes).toEqual([
      expect.objectContaining({
        op: 'delete',
        where: { incidentId: 42, userId: 7 },
        expectRows: 1,
      }),
    ]);
    expect(off.events[0]?.kind).toBe('unfollowed');
  });

  test.each([
    ['a customer', { actor: { ...agent, role: 'customer' as const, customerId: 3 } }, 'FORBIDDEN'],
    ['following again', { following: true }, 'VALIDATION'],
    ['unfollowing what one does not follow', { follow: false }, 'VALIDATION'],
    ['one more than the cap', { followedCount: maxFollowed }, 'VALIDATION'],
  ] as const)('refused: %s', (_, change, code) => {
    expect(() => setFollowing({ ...base, ...change })).toThrow(DomainError);
    try {
      setFollowing({ ...base, ...change });
    } catch (e) {
      expect((e as DomainError).code).toBe(code);
    }
  });

  test('unfollowing at the cap is allowed', () => {
    expect(
      setFollowing({ ...base, following: true, follow: false, followedCount: maxFollowed }).writes,
    ).toHaveLength(1);
  });
});
