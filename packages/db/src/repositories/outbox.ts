import { and, asc, count, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { type Db } from '../client';
import { type outbox } from '../schema';
import { first, tablesOf } from '../reader';
import { type Tx } from './incident';

export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxStatus = OutboxRow['status'];
type Reader = Db | Tx;

/** How many messages of one template were queued since `since`, in all and to one address (the hourly caps). */
export async function countTemplateSince(
  db: Reader,
  { template, since, toAddress }: { template: string; since: string; toAddress: string },
): Promise<{ all: number; toAddress: number }> {
  const { outbox } = tablesOf(db);
  const row = await first(
    db
      .select({
        all: count(),
        toAddress: sql<number>`coalesce(sum(case when lower(${outbox.toAddress}) = ${toAddress.trim().toLowerCase()} then 1 else 0 end), 0)`,
      })
      .from(outbox)
      .where(and(eq(outbox.template, template), gte(outbox.createdAt, since))),
  );
  return { all: row?.all ?? 0, toAddress: Number(row?.toAddress ?? 0) };
}

export async function findByIncident(db: Reader, incidentId: number) {
  const { outbox } = tablesOf(db);
  return db.select().from(outbox).where(eq(outbox.incidentId, incidentId)).orderBy(asc(outbox.id));
}

export async function findRecent(db: Reader, limit = 100) {
  const { outbox } = tablesOf(db);
  return db.select().from(outbox).orderBy(desc(outbox.id)).limit(limit);
}

export async function findById(db: Reader, id: number) {
  const { outbox } = tablesOf(db);
  return first(db.select().from(outbox).where(eq(outbox.id, id)).limit(1));
}

/** Newest first, optionally one status, by keyset (the id of the last row seen). */
export async function list(
  db: Reader,
  f: { status?: OutboxStatus; cursor?: number; limit: number },
) {
  const { outbox } = tablesOf(db);
  const where: SQL[] = [];
  if (f.status) where.push(eq(outbox.status, f.status));
  if (f.cursor !== undefined) where.push(lt(outbox.id, f.cursor));
  const rows = await db
    .select()
    .from(outbox)
    .where(and(...where))
    .orderBy(desc(outbox.id))
    .limit(f.limit + 1);
  const hasMore = rows.length > f.limit;
  const items = hasMore ? rows.slice(0, f.limit) : rows;
  return { items, nextCursor: hasMore ? (items[items.length - 1]?.id ?? null) : null };
}

export async function countByStatus(db: Reader): Promise<Record<OutboxStatus, number>> {
  const { outbox } = tablesOf(db);
  const counts: Record<OutboxStatus, number> = { held: 0, pending: 0, sent: 0, failed: 0 };
  for (const r of await db
    .select({ status: outbox.status, n: count() })
    .from(outbox)
    .groupBy(outbox.status))
    counts[r.status] = r.n;
  return counts;
}

/** Messages whose next attempt is due, oldest due first. */
export async function findDue(db: Reader, now: string, limit = 20) {
  const { outbox } = tablesOf(db);
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Every pending message (held at once when no SMTP server is configured). */
export async function findPending(db: Reader) {
  const { outbox } = tablesOf(db);
  return db
    .select({ id: outbox.id })
    .from(outbox)
    .where(eq(outbox.status, 'pending'))
    .orderBy(asc(outbox.id));
}
