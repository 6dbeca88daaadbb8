// Marking one's own notifications read: one conditional update per unread notification (it must
// still be unread and still the reader's), and one change event so the unread count of the
// reader's other tabs follows at once.
import { effects, updateRow, type Effects } from '../change/effects';
import { type NotificationRow } from './entity';

/** What the decision needs of a notification, as loaded inside the commit. */
export type UnreadNotification = Pick<NotificationRow, 'id' | 'audience' | 'targetId' | 'readAt'>;

/**
 * Marks read the reader's own unread notifications among `loaded` (the given ones, or all of the
 * reader's unread ones). Team notifications have no read state and another person's are not theirs:
 * both are left alone. Nothing unread = no write and no event.
 */
export function markNotificationsRead(
  reader: { id: number },
  loaded: readonly UnreadNotification[],
  now: string,
): Effects {
  const mine = loaded.filter(
    (n) => n.audience === 'user' && n.targetId === reader.id && n.readAt === null,
  );
  if (mine.length === 0) return effects(now);
  return effects(now, {
    writes: mine.map((n) =>
      updateRow(
        'notification',
        n.id,
        { readAt: now },
        { still: { audience: 'user', targetId: reader.id, readAt: null } },
      ),
    ),
    // One event per mark (not per notification): the newest one marked names it.
    events: [
      {
        entity: 'notification',
        entityId: Math.max(...mine.map((n) => n.id)),
        kind: 'read',
        teamIds: [],
        userIds: [reader.id],
        actorId: reader.id,
      },
    ],
  });
}

/** How many notifications a mark's effects mark read (what the procedure answers). */
export const markedCount = (decided: Effects): number =>
  decided.writes.filter((w) => w.entity === 'notification').length;
