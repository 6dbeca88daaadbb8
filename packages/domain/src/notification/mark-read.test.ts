import { describe, expect, test } from 'vitest';
import { markNotificationsRead, markedCount, type UnreadNotification } from './mark-read';

const now = '2026-12-01T10:00:00.000Z';
const reader = { id: 7 };
const n = (id: number, over: Partial<UnreadNotification> = {}): UnreadNotification => ({
  id,
  audience: 'user',
  targetId: 7,
  readAt: null,
  ...over,
});

describe('markNotificationsRead', () => {
  test.each([
    ['the reader’s unread ones', [n(1), n(2)], [1, 2]],
    ['not one read already', [n(1, { readAt: '2026-11-30T00:00:00.000Z' }), n(2)], [2]],
    ['not another person’s', [n(1, { targetId: 8 }), n(2)], [2]],
    ['not a team notification', [n(1, { audience: 'team', targetId: 3 }), n(2)], [2]],
    ['nothing unread: no write', [n(1, { readAt: now })], []],
    ['none given: no write', [], []],
  ] as const)('marks %s', (_, loaded, ids) => {
    const e = markNotificationsRead(reader, loaded, now);
    expect(e.writes).toEqual(
      ids.map((id) => ({
        op: 'update',
        entity: 'notification',
        id,
        set: { readAt: now },
        still: { audience: 'user', targetId: 7, readAt: null },
      })),
    );
    expect(markedCount(e)).toBe(ids.length);
  });

  test('one `read` event for the reader alone, named by the newest notification marked', () => {
    expect(markNotificationsRead(reader, [n(4), n(9), n(2)], now).events).toEqual([
      { entity: 'notification', entityId: 9, kind: 'read', teamIds: [], userIds: [7], actorId: 7 },
    ]);
  });

  test('no event when nothing was marked', () => {
    expect(markNotificationsRead(reader, [n(1, { targetId: 8 })], now).events).toEqual([]);
  });
});
