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
import { auditEvents, inboundMail, incidents, outbox, type InboundOutcome } from '../schema';
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
  const list = [...ids];
  const found = new Map<string, { incidentId: number; address: string }[]>();
  const add = (id: string, incidentId: number, address: string) =>
    found.set(id, [...(found.get(id) ?? []), { incidentId, address }]);
  for (const r of db
    .select({ id: outbox.messageId, incidentId: outbox.incidentId, address: outbox.toAddress })
    .from(outbox)
    .where(and(inArray(outbox.messageId, list), isNotNull(outbox.incidentId)))
    .all())
    add(r.id, r.incidentId!, r.address);
  for (const r of db
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
    )
    .all())
    add(r.id!, r.incidentId!, r.address!);
  return list.flatMap((id) => found.get(id) ?? []);
}

/** How many incidents mail from this sender opened since `since` (the flood cap). */
export const countNewIncidentsFromSince = async (
  db: Writer,
  address: string,
  since: string,
): Promise<number> =>
  db
    .select({ n: count() })
    .from(inboundMail)
    .where(
      and(
        eq(inboundMail.fromAddress, address),
        inArray(inboundMail.outcome, ['created', 'follow_up']),
        gte(inboundMail.receivedAt, since),
      ),
    )
    .get()?.n ?? 0;

const replyOutcomes: InboundOutcome[] = ['appended', 'reopened'];

/** How many replies from this sender were added to incidents since `since` (the reply cap). */
export const countRepliesFromSince = async (
  db: Writer,
  address: string,
  since: string,
): Promise<number> =>
  db
    .select({ n: count() })
    .from(inboundMail)
    .where(
      and(
        eq(inboundMail.fromAddress, address),
        inArray(inboundMail.outcome, replyOutcomes),
        gte(inboundMail.receivedAt, since),
      ),
    )
    .get()?.n ?? 0;

/** How many replies were added to this incident since `since` (the reply cap). */
export const countRepliesToSince = async (
  db: Writer,
  incidentId: number,
  since: string,
): Promise<number> =>
  db
    .select({ n: count() })
    .from(inboundMail)
    .where(
      and(
        eq(inboundMail.incidentId, incidentId),
        inArray(inboundMail.outcome, replyOutcomes),
        gte(inboundMail.receivedAt, since),
      ),
    )
    .get()?.n ?? 0;

/** When the incident was last resolved, from its audit history. */
export const lastResolvedAt = async (db: Writer, incidentId: number): Promise<string | null> =>
  db
    .select({ at: max(auditEvents.at) })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.incidentId, incidentId),
        eq(auditEvents.field, 'status'),
        eq(auditEvents.toValue, 'resolved'),
      ),
    )
    .get()?.at ?? null;

/** Counts per outcome and reason: the loop and noise counters of the Mail page. */
export const countByOutcome = async (
  db: Reader,
): Promise<{ outcome: InboundOutcome; reason: string | null; n: number }[]> =>
  db
    .select({ outcome: inboundMail.outcome, reason: inboundMail.reason, n: count() })
    .from(inboundMail)
    .groupBy(inboundMail.outcome, inboundMail.reason)
    .all();

/** Newest first, by keyset; optionally one outcome. */
export async function list(
  db: Reader,
  f: { outcome?: InboundOutcome; cursor?: number; limit: number },
) {
  const where: SQL[] = [];
  if (f.outcome) where.push(eq(inboundMail.outcome, f.outcome));
  if (f.cursor !== undefined) where.push(lt(inboundMail.id, f.cursor));
  const rows = db
    .select({ ...getTableColumns(inboundMail), incidentNumber: incidents.number })
    .from(inboundMail)
    .leftJoin(incidents, eq(incidents.id, inboundMail.incidentId))
    .where(and(...where))
    .orderBy(desc(inboundMail.id))
    .limit(f.limit + 1)
    .all();
  const hasMore = rows.length > f.limit;
  const items = hasMore ? rows.slice(0, f.limit) : rows;
  return { items, nextCursor: hasMore ? (items[items.length - 1]?.id ?? null) : null };
}

/** Whether a message with this Message-ID was already taken in (a sending server's retry). */
export const wasTakenIn = async (db: Writer, messageId: string): Promise<boolean> =>
  db
    .select({ id: inboundMail.id })
    .from(inboundMail)
    .where(
      and(
        eq(inboundMail.messageId, messageId),
        inArray(inboundMail.outcome, ['created', 'appended', 'reopened', 'follow_up']),
      ),
    )
    .limit(1)
    .get() !== undefined;
