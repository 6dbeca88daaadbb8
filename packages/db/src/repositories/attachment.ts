import { asc, eq } from 'drizzle-orm';
import { type Db } from '../client';
import { attachments } from '../schema';
import { type Tx } from './incident';

export type NewAttachment = Omit<typeof attachments.$inferInsert, 'id'>;

export function insertMany(tx: Db | Tx, rows: NewAttachment[]) {
  if (rows.length > 0) tx.insert(attachments).values(rows).run();
}

/** The incident's attachments without their content, for listing. */
export const findByIncident = (db: Db, incidentId: number) =>
  db
    .select({
      id: attachments.id,
      filename: attachments.filename,
      contentType: attachments.contentType,
      size: attachments.size,
      skippedReason: attachments.skippedReason,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.incidentId, incidentId))
    .orderBy(asc(attachments.id))
    .all();

export const findById = (db: Db, id: number) => db.select().from(attachments).where(eq(attachments.id, id)).get();
