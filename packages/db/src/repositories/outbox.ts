import { randomUUID } from 'node:crypto';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  lt,
  lte,
  sql,
  type SQL,
} from 'drizzle-orm';
import {
  afterFailedAttempt,
  leaseUntil,
  tagSubject,
  threadHeaders,
  type DeliveryError,
  type OutboxDraft,
} from '@handoff/domain';
import { type Db } from '../client';
import { inboundMail, incidents, outbox } from '../schema';
import { type Tx } from './incident';

export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxStatus = OutboxRow['status'];
type Writer = Db | Tx;

interface Thread {
  number: string;
  ids: string[];
}

/** The incident's mail so far, oldest first: what it received and what it sent. */
function loadThread(tx: Writer, incidentId: number): Thread | undefined {
  const incident = tx
    .select({ number: incidents.number })
    .from(incidents)
    .where(eq(incidents.id, incidentId))
    .get();
  if (!incident) return undefined;
  const received = tx
    .select({ id: inboundMail.messageId, at: inboundMail.receivedAt })
    .from(inboundMail)
    .where(and(eq(inboundMail.incidentId, incidentId), isNotNull(inboundMail.messageId)))
    .all();
  const sent = tx
    .select({ id: outbox.messageId, at: outbox.createdAt })
    .from(outbox)
    .where(eq(outbox.incidentId, incidentId))
    .orderBy(asc(outbox.id))
    .all();
  // A stable sort by time keeps each list's own order among equal times.
  const ids = [...received, ...sent].sort((a, b) => a.at.localeCompare(b.at)).map((m) => m.id!);
  return { number: incident.number, ids };
}

/**
 * Queues messages inside the caller's transaction. Each gets its Message-ID now, so a resend after a
 * crash is the same message; mail of an incident is tagged `[INC-000123]` and threaded after the
 * incident's earlier mail (In-Reply-To / References). Delivery, or holding them when no SMTP server
 * is set, is the worker's job.
 */
export function enqueue(tx: Writer, drafts: OutboxDraft[], now: string): void {
  if (drafts.length === 0) return;
  const threads = new Map<number, Thread | undefined>();
  const rows = drafts.map((d) => {
    const messageId = `<${randomUUID()}@handoff.local>`;
    let { subject } = d;
    let headers: ReturnType<typeof threadHeaders> = { inReplyTo: null, references: null };
    if (d.incidentId !== null) {
      if (!threads.has(d.incidentId)) threads.set(d.incidentId, loadThread(tx, d.incidentId));
      const thread = threads.get(d.incidentId);
      if (thread) {
        subject = tagSubject(subject, thread.number);
        headers = threadHeaders(thread.ids);
        thread.ids.push(messageId);
      }
    }
    return {
      ...d,
      subject,
      ...headers,
      autoSubmitted: d.autoSubmitted ?? true,
      messageId,
      status: 'pending' as const,
      nextAttemptAt: now,
      createdAt: now,
    };
  });
  tx.insert(outbox).values(rows).run();
}

/** How many messages of one template were queued since `since`, in all and to one address (the hourly caps). */
export function countTemplateSince(
  db: Writer,
  { template, since, toAddress }: { template: string; since: string; toAddress: string },
): { all: number; toAddress: number } {
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

export const findByIncident = (db: Db, incidentId: number) =>
  db.select().from(outbox).where(eq(outbox.incidentId, incidentId)).orderBy(asc(outbox.id)).all();

export const findRecent = (db: Db, limit = 100) =>
  db.select().from(outbox).orderBy(desc(outbox.id)).limit(limit).all();

export const findById = (db: Db, id: number) =>
  db.select().from(outbox).where(eq(outbox.id, id)).get();

/** Newest first, optionally one status, by keyset (the id of the last row seen). */
export function list(db: Db, f: { status?: OutboxStatus; cursor?: number; limit: number }) {
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

export function countByStatus(db: Db): Record<OutboxStatus, number> {
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
export const findDue = (db: Db, now: string, limit = 20) =>
  db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit)
    .all()
    .map((r) => r.id);

// attempts + 1, computed by SQLite so two claims can never both read the old value.
const sqlIncrement = () => sql`${outbox.attempts} + 1`;

/**
 * Takes a due message for one attempt: counts the attempt and moves its next attempt to the end of
 * a lease, in one conditional update, so a second worker cannot take it too. Undefined when
 * someone else took it first.
 */
export const claim = (db: Db, id: number, now: string): OutboxRow | undefined =>
  db
    .update(outbox)
    .set({ attempts: sqlIncrement(), nextAttemptAt: leaseUntil(now) })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
    .returning()
    .get();

export const markSent = (db: Db, id: number, now: string) =>
  db
    .update(outbox)
    .set({ status: 'sent', sentAt: now, nextAttemptAt: null, lastError: null })
    .where(eq(outbox.id, id))
    .run();

/** Records a failed attempt: the next one per the backoff policy, or `failed` with the last error. */
export function markAttemptFailed(
  db: Db,
  row: Pick<OutboxRow, 'id' | 'attempts'>,
  now: string,
  error: DeliveryError,
) {
  const next = afterFailedAttempt({ attempts: row.attempts, now, error });
  db.update(outbox).set(next).where(eq(outbox.id, row.id)).run();
  return next;
}

/** With no SMTP server configured, queued messages are held for the admin to see. */
export const holdPending = (db: Db): number =>
  db
    .update(outbox)
    .set({ status: 'held', nextAttemptAt: null })
    .where(eq(outbox.status, 'pending'))
    .run().changes;

/** Sends held or failed messages again from a fresh count of attempts (same Message-ID). */
export const requeue = (db: Db, ids: number[], now: string): number =>
  ids.length === 0
    ? 0
    : db
        .update(outbox)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null })
        .where(and(inArray(outbox.id, ids), inArray(outbox.status, ['held', 'failed'])))
        .run().changes;
