// Reads of incident_viewers (issue 17 collision warnings); writes go through the commit module.
import { collisionOf } from '@handoff/domain';
import { and, asc, count, desc, eq, gt, inArray, lte } from 'drizzle-orm';
import { type Reader } from '../client';
import { first, tablesOf } from '../reader';

export async function findByConnection(db: Reader, connectionId: string) {
  const { incidentViewers } = tablesOf(db);
  return first(
    db
      .select()
      .from(incidentViewers)
      .where(eq(incidentViewers.connectionId, connectionId))
      .limit(1),
  );
}

/** Rows past their expiry (their process died): for the sweeper. */
export async function findExpired(db: Reader, now: string) {
  const { incidentViewers } = tablesOf(db);
  return db
    .select()
    .from(incidentViewers)
    .where(lte(incidentViewers.expiresAt, now))
    .orderBy(asc(incidentViewers.id));
}

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
  const { incidentViewers, users } = tablesOf(db);
  const where = [gt(incidentViewers.expiresAt, now)];
  if (incidentIds) where.push(inArray(incidentViewers.incidentId, [...incidentIds]));
  const rows = await db
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
    .orderBy(asc(incidentViewers.incidentId), asc(users.name));
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
export async function findOpen(db: Reader, incidentId: number, userId: number, now: string) {
  const { incidentViewers } = tablesOf(db);
  return db
    .select()
    .from(incidentViewers)
    .where(
      and(
        eq(incidentViewers.incidentId, incidentId),
        eq(incidentViewers.userId, userId),
        gt(incidentViewers.expiresAt, now),
      ),
    )
    .orderBy(asc(incidentViewers.id));
}

/** Whether the user follows the incident, and how many incidents they follow (for the cap). */
export async function followState(db: Reader, userId: number, incidentId: number) {
  const { incidentFollowers } = tablesOf(db);
  const following = await first(
    db
      .select({ since: incidentFollowers.since })
      .from(incidentFollowers)
      .where(
        and(eq(incidentFollowers.userId, userId), eq(incidentFollowers.incidentId, incidentId)),
      )
      .limit(1),
  );
  const total = await first(
    db.select({ n: count() }).from(incidentFollowers).where(eq(incidentFollowers.userId, userId)),
  );
  return { following: following !== undefined, followedCount: total?.n ?? 0 };
}

/** The incidents the user follows, most recently followed first. */
export async function followedIncidentIds(db: Reader, userId: number): Promise<number[]> {
  const { incidentFollowers } = tablesOf(db);
  const rows = await db
    .select({ id: incidentFollowers.incidentId })
    .from(incidentFollowers)
    .where(eq(incidentFollowers.userId, userId))
    .orderBy(desc(incidentFollowers.since));
  return rows.map((r) => r.id);
}
