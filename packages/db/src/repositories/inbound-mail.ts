import {
  and,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNotNull,
  lt,
  max,
  type SQL,
} from 'drizzle-orm';
import { type Db, type Reader } from '../client';
import { first, tablesOf } from '../reader';
import { type inboundMail, type InboundOutcome } from '../schema';
import { type Tx } from './incident';

type Writer = Db | Tx;
export type InboundMailRow = typeof inboundMail.$inferSelect;

/**
 * The messages of incidents a reply's Message-IDs name (most specific first), each with the address
 * it was sent to (our mail) or came from (mail we took in): the domain's pickThreadMatch trusts
 * only those that went to or came from the reply's own sender.
 */
export async function findThreadCandidates(
  db: Writer,
  ids: readonly string[],
): Promise<{ incidentId: number; address: string }[]> {
  if (ids.length === 0) return [];
  const { outbox, inboundMail } = tablesOf(db);
  const list = [...ids];
  const found = new Map<string, { incidentId: number; address: string }[]>();
  const add = (id: string, incidentId: number, address: string) =>
    found.set(id, [...(found.get(id) ?? []), { incidentId, address }]);
  for (const r of await db
    .select({ id: outbox.messageId, incidentId: outbox.incidentId, address: outbox.toAddress })
    .from(outbox)
    .where(and(inArray(outbox.messageId, list), isNotNull(outbox.incidentId))))
    add(r.id, r.incidentId!, r.address);
  for (const r of await db
    .select({
      id: inboundMail.messageId,
      incidentId: inboundMail.incidentId,
      address: inboundMail.fromAddress,
    })
    .from(inboundMail)
    .where(
      and(
        inArray(inboundMail.messageId, list),
        isNotNull(inboundMail.incidentId),
        isNotNull(inboundMail.fromAddress),
      ),
    ))
    add(r.id!, r.incidentId!, r.address!);
  return list.flatMap((id) => found.get(id) ?? []);
}

const countOf = async (rows: PromiseLike<{ n: number }[]>) => (await first(rows))?.n ?? 0;

/** Mail received since `since` that matches `which` and ended in one of `outcomes` (the caps). */
async function countMailSince(
  db: Writer,
  which: (mail: typeof inboundMail) => SQL,
  outcomes: InboundOutcome[],
  since: string,
): Promise<number> {
  const { inboundMail } = tablesOf(db);
  return countOf(
    db
      .select({ n: count() })
      .from(inboundMail)
      .where(
        and(
          which(inboundMail),
          inArray(inboundMail.outcome, outcomes),
          gte(inboundMail.receivedAt, since),
        ),
      ),
  );
}

/** How many incidents mail from this sender opened since `since` (the flood cap). */
export const countNewIncidentsFromSince = (db: Writer, address: string, since: string) =>
  countMailSince(db, (m) => eq(m.fromAddress, address), ['created', 'follow_up'], since);

const replyOutcomes: InboundOutcome[] = ['appended', 'reopened'];

/** How many replies from this sender were added to incidents since `since` (the reply cap). */
export const countRepliesFromSince = (db: Writer, address: string, since: string) =>
  countMailSince(db, (m) => eq(m.fromAddress, address), replyOutcomes, since);

/** How many replies were added to this incident since `since` (the reply cap). */
export const countRepliesToSince = (db: Writer, incidentId: number, since: string) =>
  countMailSince(db, (m) => eq(m.incidentId, incidentId), replyOutcomes, since);

/** When the incident was last resolved, from its audit history. */
export async function lastResolvedAt(db: Writer, incidentId: number): Promise<string | null> {
  const { auditEvents } = tablesOf(db);
  const row = await first(
    db
      .select({ at: max(auditEvents.at) })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.incidentId, incidentId),
          eq(auditEvents.field, 'status'),
          eq(auditEvents.toValue, 'resolved'),
        ),
      ),
  );
  return row?.at ?? null;
}

/** Counts per outcome and reason: the loop and noise counters of the Mail page. */
export async function countByOutcome(
  db: Reader,
): Promise<{ outcome: InboundOutcome; reason: string | null; n: number }[]> {
  const { inboundMail } = tablesOf(db);
  return db
    .select({ outcome: inboundMail.outcome, reason: inboundMail.reason, n: count() })
    .from(inboundMail)
    .groupBy(inboundMail.outcome, inboundMail.reason);
}

/** Newest first, by keyset; optionally one outcome. */
export async function list(
  db: Reader,
  f: { outcome?: InboundOutcome; cursor?: number; limit: number },
) {
  const { inboundMail, incidents } = tablesOf(db);
  const where: SQL[] = [];
  if (f.outcome) where.push(eq(inboundMail.outcome, f.outcome));
  if (f.cursor !== undefined) where.push(lt(inboundMail.id, f.cursor));
  const rows = await db
    .select({ ...getTableColumns(inboundMail), incidentNumber: incidents.number })
    .from(inboundMail)
    .leftJoin(incidents, eq(incidents.id, inboundMail.incidentId))
    .where(and(...where))
    .orderBy(desc(inboundMail.id))
    .limit(f.limit + 1);
  const hasMore = rows.length > f.limit;
  const items = hasMore ? rows.slice(0, f.limit) : rows;
  return { items, nextCursor: hasMore ? (items[items.length - 1]?.id ?? null) : null };
}

/** Whether a message with this Message-ID was already taken in (a sending server's retry). */
export async function wasTakenIn(db: Writer, messageId: string): Promise<boolean> {
  const { inboundMail } = tablesOf(db);
  const row = await first(
    db
      .select({ id: inboundMail.id })
      .from(inboundMail)
      .where(
        and(
          eq(inboundMail.messageId, messageId),
          inArray(inboundMail.outcome, ['created', 'appended', 'reopened', 'follow_up']),
        ),
      )
      .limit(1),
  );
  return row !== undefined;
}
