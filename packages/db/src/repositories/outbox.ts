import { randomUUID } from 'node:crypto';
import { asc, desc, eq } from 'drizzle-orm';
import { type OutboxDraft } from '@handoff/domain';
import { type Db } from '../client';
import { outbox } from '../schema';
import { type Tx } from './incident';

export type OutboxRow = typeof outbox.$inferSelect;

/**
 * Queues messages inside the caller's transaction. Each gets its Message-ID now, so a resend after a
 * crash is the same message. Delivery (and holding them when no SMTP server is set) is the worker's job.
 */
export function enqueue(tx: Db | Tx, drafts: OutboxDraft[], now: string): void {
  if (drafts.length === 0) return;
  tx.insert(outbox)
    .values(
      drafts.map((d) => ({
        ...d,
        autoSubmitted: d.autoSubmitted ?? true,
        messageId: `<${randomUUID()}@handoff.local>`,
        status: 'pending' as const,
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .run();
}

export const findByIncident = (db: Db, incidentId: number) =>
  db.select().from(outbox).where(eq(outbox.incidentId, incidentId)).orderBy(asc(outbox.id)).all();

export const findRecent = (db: Db, limit = 100) => db.select().from(outbox).orderBy(desc(outbox.id)).limit(limit).all();
