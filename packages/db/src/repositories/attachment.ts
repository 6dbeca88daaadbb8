import { asc, eq } from 'drizzle-orm';
import { base64ByteLength, type AttachmentUpload } from '@handoff/domain';
import { type Db } from '../client';
import { caseAttachments } from '../schema';
import { type Tx } from './incident';

/** Stores a case's uploads inside the caller's transaction (the schema has checked their size). */
export function insertMany(tx: Db | Tx, incidentId: number, uploads: AttachmentUpload[], uploadedById: number, now: string): void {
  if (uploads.length === 0) return;
  tx.insert(caseAttachments)
    .values(
      uploads.map((u) => ({
        incidentId,
        fileName: u.fileName,
        contentType: u.contentType,
        sizeBytes: base64ByteLength(u.dataBase64),
        data: Buffer.from(u.dataBase64, 'base64'),
        uploadedById,
        createdAt: now,
      })),
    )
    .run();
}

/** The files of a case, without their bytes. */
export const findByIncident = (db: Db, incidentId: number) =>
  db
    .select({
      id: caseAttachments.id,
      fileName: caseAttachments.fileName,
      contentType: caseAttachments.contentType,
      sizeBytes: caseAttachments.sizeBytes,
      createdAt: caseAttachments.createdAt,
    })
    .from(caseAttachments)
    .where(eq(caseAttachments.incidentId, incidentId))
    .orderBy(asc(caseAttachments.id))
    .all();

export const findById = (db: Db, id: number) => db.select().from(caseAttachments).where(eq(caseAttachments.id, id)).get();
