// Reads of incident_viewers (issue 17 collision warnings); writes go through the commit module.
import { collisionOf } from '@handoff/domain';
import { and, asc, count, desc, eq, gt, inArray, lte } from 'drizzle-orm';
import { type Reader } from '../client';
import { incidentFollowers, incidentViewers, users } from '../schema';

export const findByConnection = async (db: Reader, connectionId: string) =>
  db.select().from(incidentViewers).where(eq(incidentViewers.connectionId, connectionId)).get();

/** Rows past their expiry (their process died): for the sweeper. */
export const findExpired = async (db: Reader, now: string) =>
  db.select().from(incidentViewers).where(lte(incidentViewers.expiresAt, now)).all();

/**
 * Who else has these incidents open now (every incident with a viewer when `incidentIds` is
 * omitted), one entry per person, editing if any of their pages is: the page's banner and the
 * queue rows' marker.
 */
export async function collisions(
  db: Reader,
  now: string,
  exceptUserId: number | null,
  incidentIds?: readonly number[],
): Promise<{ incidentId: number; userId: number; name: string; editing: boolean }[]> {
  const where = [gt(incidentViewers.expiresAt, now)];
  if (incidentIds) where.push(inArray(incidentViewers.incidentId, [...incidentIds]));
  const rows = db
    .select({
      incidentId: incidentViewers.incidentId,
      userId: incidentViewers.userId,
      editing: incidentViewers.editing,
      expiresAt: incidentViewers.expiresAt,
      name: users.name,
    })
    .from(incidentViewers)
    .innerJoin(users, eq(users.id, incidentViewers.userId))
    .where(and(...where))
    .orderBy(asc(incidentViewers.incidentId), asc(users.name))
    .all();
  const names = new Map(rows.map((r) => [r.userId, r.name]));
  const byIncident = new Map<number, typeof rows>();
  for (const r of rows) byIncident.set(r.incidentId, [...(byIncident.get(r.incidentId) ?? []), r]);
  return [...byIncident].flatMap(([incidentId, list]) =>
    collisionOf(list, now, exceptUserId).map((c) => ({
      incidentId,
      ...c,
      name: names.get(c.userId) ?? '',
    })),
  );
}

/** A person's live rows on an incident (one per open tab). */
export const findOpen = async (db: Reader, incidentId: number, userId: number, now: string) =>
  db
    .select()
    .from(incidentViewers)
    .where(
      and(
        eq(incidentViewers.incidentId, incidentId),
        eq(incidentViewers.userId, userId),
        gt(incidentViewers.expiresAt, now),
      ),
    )
    .all();

/** Whether the user follows the incident, and how many incidents they follow (for the cap). */
export async function followState(db: Reader, userId: number, incidentId: number) {
  const following = db
    .select({ since: incidentFollowers.since })
    .from(incidentFollowers)
    .where(and(eq(incidentFollowers.userId, userId), eq(incidentFollowers.incidentId, incidentId)))
    .get();
  const total = db
    .select({ n: count() })
    .from(incidentFollowers)
    .where(eq(incidentFollowers.userId, userId))
    .get();
  return { following: following !== undefined, followedCount: total?.n ?? 0 };
}

/** The incidents the user follows, most recently followed first. */
export const followedIncidentIds = async (db: Reader, userId: number): Promise<number[]> =>
  db
    .select({ id: incidentFollowers.incidentId })
    .from(incidentFollowers)
    .where(eq(incidentFollowers.userId, userId))
    .orderBy(desc(incidentFollowers.since))
    .all()
    .map((r) => r.id);
