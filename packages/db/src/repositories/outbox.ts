import { and, asc, count, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { type Db } from '../client';
import { outbox } from '../schema';
import { type Tx } from './incident';

export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxStatus = OutboxRow['status'];
type Reader = Db | Tx;

/** How many messages of one template were queued since `since`, in all and to one address (the hourly caps). */
export async function countTemplateSince(
  db: Reader,
  { template, since, toAddress }: { template: string; since: string; toAddress: string },
): Promise<{ all: number; toAddress: number }> {
  const row = db
    .select({
      all: count(),
      toAddress: sql<number>`coalesce(sum(case when lower(${outbox.toAddress}) = ${toAddress.trim().toLowerCase()} then 1 else 0 end), 0)`,
    })
    .from(outbox)
    .where(and(eq(outbox.template, template), gte(outbox.createdAt, since)))
    .get();
  return { all: row?.all ?? 0, toAddress: Number(row?.toAddress ?? 0) };
}

export const findByIncident = async (db: Db, incidentId: number) =>
  db.select().from(outbox).where(eq(outbox.incidentId, incidentId)).orderBy(asc(outbox.id)).all();

export const findRecent = async (db: Db, limit = 100) =>
  db.select().from(outbox).orderBy(desc(outbox.id)).limit(limit).all();

export const findById = async (db: Db, id: number) =>
  db.select().from(outbox).where(eq(outbox.id, id)).get();

/** Newest first, optionally one status, by keyset (the id of the last row seen). */
export async function list(db: Db, f: { status?: OutboxStatus; cursor?: number; limit: number }) {
  const where: SQL[] = [];
  if (f.status) where.push(eq(outbox.status, f.status));
  if (f.cursor !== undefined) where.push(lt(outbox.id, f.cursor));
  const rows = db
    .select()
    .from(outbox)
    .where(and(...where))
    .orderBy(desc(outbox.id))
    .limit(f.limit + 1)
    .all();
  const hasMore = rows.length > f.limit;
  const items = hasMore ? rows.slice(0, f.limit) : rows;
  return { items, nextCursor: hasMore ? (items[items.length - 1]?.id ?? null) : null };
}

export async function countByStatus(db: Db): Promise<Record<OutboxStatus, number>> {
  const counts: Record<OutboxStatus, number> = { held: 0, pending: 0, sent: 0, failed: 0 };
  for (const r of db
    .select({ status: outbox.status, n: count() })
    .from(outbox)
    .groupBy(outbox.status)
    .all())
    counts[r.status] = r.n;
  return counts;
}

/** Messages whose next attempt is due, oldest due first. */
export const findDue = async (db: Db, now: string, limit = 20) =>
  db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit)
    .all()
    .map((r) => r.id);

/** Every pending message (held at once when no SMTP server is configured). */
export const findPending = async (db: Db) =>
  db.select({ id: outbox.id }).from(outbox).where(eq(outbox.status, 'pending')).all();
