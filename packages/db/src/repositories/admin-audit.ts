import { and, count, desc, eq, isNull, lt } from 'drizzle-orm';
import { type Reader } from '../client';
import { first, tablesOf } from '../reader';
import { type Tx } from './incident';

/** One page of the admin audit log, newest first; `cursor` is the id of the last row already shown. */
export async function page(
  db: Reader | Tx,
  { cursor, limit = 25 }: { cursor?: number; limit?: number },
) {
  const { adminAudit, users } = tablesOf(db);
  const rows = await db
    .select({
      id: adminAudit.id,
      at: adminAudit.at,
      actorId: adminAudit.actorId,
      actorName: users.name,
      entity: adminAudit.entity,
      entityKey: adminAudit.entityKey,
      field: adminAudit.field,
      fromValue: adminAudit.fromValue,
      toValue: adminAudit.toValue,
    })
    .from(adminAudit)
    .leftJoin(users, eq(users.id, adminAudit.actorId))
    .where(cursor === undefined ? undefined : lt(adminAudit.id, cursor))
    .orderBy(desc(adminAudit.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : undefined };
}

/** The login an admin action is about (inside the commit), or undefined. */
export async function findTarget(db: Reader | Tx, id: number) {
  const { users } = tablesOf(db);
  return first(
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        sessionVersion: users.sessionVersion,
        deactivatedAt: users.deactivatedAt,
      })
      .from(users)
      .where(eq(users.id, id))
      .limit(1),
  );
}

const activeAdminsQuery = (db: Reader | Tx) => {
  const { users } = tablesOf(db);
  return db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.deactivatedAt)));
};
/** How many active administrators there are (the first-admin command refuses when any is). */
export const countActiveAdminsSync = (db: Reader | Tx): number =>
  activeAdminsQuery(db).get()?.n ?? 0;
export const countActiveAdmins = async (db: Reader | Tx): Promise<number> =>
  (await first(activeAdminsQuery(db)))?.n ?? 0;
