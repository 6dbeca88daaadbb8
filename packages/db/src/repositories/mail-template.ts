import { asc, eq } from 'drizzle-orm';
import { type MailTemplateKey } from '@handoff/domain';
import { type Db } from '../client';
import { mailTemplates } from '../schema';

/** The admin's saved templates (keys without a row use the shipped default). */
export const findAll = (db: Db) =>
  db.select().from(mailTemplates).orderBy(asc(mailTemplates.key)).all();

export const upsert = (
  db: Db,
  row: {
    key: MailTemplateKey;
    subject: string;
    body: string;
    updatedAt: string;
    updatedById: number | null;
  },
) =>
  db
    .insert(mailTemplates)
    .values(row)
    .onConflictDoUpdate({
      target: mailTemplates.key,
      set: {
        subject: row.subject,
        body: row.body,
        updatedAt: row.updatedAt,
        updatedById: row.updatedById,
      },
    })
    .returning()
    .get();

/** Back to the shipped default. */
export const remove = (db: Db, key: MailTemplateKey) =>
  db.delete(mailTemplates).where(eq(mailTemplates.key, key)).run().changes;
