import { and, asc, count, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { type Reader } from '../client';
import { first, tablesOf, type Tables } from '../reader';

// Personal notifications (audience user) carry their own read state; team notifications are
// shared by the team's members and are shown without one.
const mine = ({ notifications }: Tables, userId: number, teamIds: number[]): SQL =>
  or(
    and(eq(notifications.audience, 'user'), eq(notifications.targetId, userId)),
    and(
      eq(notifications.audience, 'team'),
      inArray(notifications.targetId, teamIds.length ? teamIds : [-1]),
    ),
  )!;

/** A user's notifications and their teams', newest first. */
export async function findForUser(
  db: Reader,
  { userId, teamIds, limit }: { userId: number; teamIds: number[]; limit: number },
) {
  const t = tablesOf(db);
  const { incidents, notifications, teams } = t;
  return db
    .select({
      id: notifications.id,
      audience: notifications.audience,
      template: notifications.template,
      subject: notifications.subject,
      body: notifications.body,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      incidentNumber: incidents.number,
      teamName: teams.name,
    })
    .from(notifications)
    .leftJoin(incidents, eq(incidents.id, notifications.incidentId))
    .leftJoin(teams, and(eq(notifications.audience, 'team'), eq(teams.id, notifications.targetId)))
    .where(mine(t, userId, teamIds))
    .orderBy(desc(notifications.id))
    .limit(limit);
}

export async function countUnread(db: Reader, userId: number): Promise<number> {
  const { notifications } = tablesOf(db);
  const row = await first(
    db
      .select({ n: count() })
      .from(notifications)
      .where(
        and(
          eq(notifications.audience, 'user'),
          eq(notifications.targetId, userId),
          isNull(notifications.readAt),
        ),
      ),
  );
  return row?.n ?? 0;
}

/**
 * The user's own unread notifications (the given ones, or all), read inside the commit that marks
 * them read (markNotificationsRead decides).
 */
export async function findUnread(db: Reader, { userId, ids }: { userId: number; ids?: number[] }) {
  const { notifications } = tablesOf(db);
  const where = [
    eq(notifications.audience, 'user'),
    eq(notifications.targetId, userId),
    isNull(notifications.readAt),
  ];
  if (ids) where.push(inArray(notifications.id, ids.length ? ids : [-1]));
  return db
    .select({
      id: notifications.id,
      audience: notifications.audience,
      targetId: notifications.targetId,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(and(...where))
    .orderBy(asc(notifications.id));
}
