import { asc, eq, sql } from 'drizzle-orm';
import { base64ByteLength, type AttachmentUpload, type IntakeAttachment } from '@handoff/domain';
import { type Reader } from '../client';
import { first, prepared, tablesOf } from '../reader';

// One table for every file on an incident: those that came with e-mail and those a customer
// uploaded in Help Online. Kept in the database, so a backup of the SQLite file is a backup of all.
/** A Help Online case's uploads, decoded for the commit (the schema has checked their size). */
export const decodeUploads = (uploads: readonly AttachmentUpload[]): IntakeAttachment[] =>
  uploads.map((u) => ({
    filename: u.fileName,
    contentType: u.contentType,
    size: base64ByteLength(u.dataBase64),
    content: Buffer.from(u.dataBase64, 'base64'),
  }));

/** The incident's attachments without their content, for listing. */
const byIncident = prepared('attachments_by_incident', (db, { attachments }) =>
  db
    .select({
      id: attachments.id,
      filename: attachments.filename,
      contentType: attachments.contentType,
      size: attachments.size,
      skippedReason: attachments.skippedReason,
      visibility: attachments.visibility,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.incidentId, sql.placeholder('incidentId')))
    .orderBy(asc(attachments.id)),
);
export const findByIncident = async (db: Reader, incidentId: number) =>
  byIncident(db).execute({ incidentId });

export async function findById(db: Reader, id: number) {
  const { attachments } = tablesOf(db);
  return first(db.select().from(attachments).where(eq(attachments.id, id)).limit(1));
}
