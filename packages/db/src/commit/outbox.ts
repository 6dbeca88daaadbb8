// The commit module's outbox step: queues the messages a decision's effects name, inside the
// commit's transaction. Each gets its Message-ID now, so a resend after a crash is the same message;
// mail of an incident is tagged `[INC-000123]` and threaded after the incident's earlier mail
// (In-Reply-To / References). Delivery, or holding them when no SMTP server is set, is the
// worker's job (mail/delivery-writes.ts decides its updates).
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { tagSubject, threadHeaders, type OutboxDraft } from '@handoff/domain';
import { type Db } from '../client';
import { perConnection } from '../prepared';
import { inboundMail, incidents, outbox } from '../schema';
import { insertRow } from './prepared-insert';

export interface Thread {
  number: string;
  ids: string[];
}

// The thread loads run for every message an incident sends, so they are prepared once per connection.
const threadStatements = perConnection((db: Db) => ({
  number: db
    .select({ number: incidents.number })
    .from(incidents)
    .where(eq(incidents.id, sql.placeholder('id')))
    .prepare(),
  received: db
    .select({ id: inboundMail.messageId, at: inboundMail.receivedAt })
    .from(inboundMail)
    .where(and(eq(inboundMail.incidentId, sql.placeholder('id')), isNotNull(inboundMail.messageId)))
    .prepare(),
  sent: db
    .select({ id: outbox.messageId, at: outbox.createdAt })
    .from(outbox)
    .where(eq(outbox.incidentId, sql.placeholder('id')))
    .orderBy(asc(outbox.id))
    .prepare(),
}));

/** The incident's mail so far, oldest first: what it received and what it sent. */
function loadThread(tx: Db, incidentId: number): Thread | undefined {
  const statements = threadStatements(tx);
  const incident = statements.number.get({ id: incidentId });
  if (!incident) return undefined;
  const received = statements.received.all({ id: incidentId });
  const sent = statements.sent.all({ id: incidentId });
  return threadOrder(incident.number, received, sent);
}

/**
 * The outbox rows of `drafts` (pure but for the fresh Message-IDs): tagged and threaded after the
 * thread `threadOf` gives for each incident (loaded once per incident; the rows join it in order).
 * Both engines' commit modules use it; only loading the thread differs.
 */
export function outboxRows(
  drafts: OutboxDraft[],
  now: string,
  threadOf: (incidentId: number) => Thread | undefined,
) {
  const threads = new Map<number, Thread | undefined>();
  return drafts.map((d) => {
    const messageId = `<${randomUUID()}@handoff.local>`;
    let { subject } = d;
    let headers: ReturnType<typeof threadHeaders> = { inReplyTo: null, references: null };
    if (d.incidentId !== null) {
      if (!threads.has(d.incidentId)) threads.set(d.incidentId, threadOf(d.incidentId));
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
}

/** An incident's mail so far in send order, from what it received and what it sent. */
export const threadOrder = (
  number: string,
  received: { id: string | null; at: string }[],
  sent: { id: string | null; at: string }[],
): Thread => ({
  number,
  // A stable sort by time keeps each list's own order among equal times.
  ids: [...received, ...sent].sort((a, b) => a.at.localeCompare(b.at)).map((m) => m.id!),
});

/** Queues messages inside the commit's open transaction (only apply.ts calls it). */
export function enqueue(tx: Db, drafts: OutboxDraft[], now: string): void {
  if (drafts.length === 0) return;
  for (const row of outboxRows(drafts, now, (id) => loadThread(tx, id))) insertRow(tx, outbox, row);
}
