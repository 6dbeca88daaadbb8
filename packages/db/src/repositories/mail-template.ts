import { asc, eq } from 'drizzle-orm';
import { type MailTemplateKey } from '@handoff/domain';
import { type Db } from '../client';
import { mailTemplates } from '../schema';

/** The admin's saved templates (keys without a row use the shipped default). */
export const findAll = (db: Db) =>
  db.select().from(mailTemplates).orderBy(asc(mailTemplates.key)).all();

export const findByKey = (db: Db, key: MailTemplateKey) =>
  db.select().from(mailTemplates).where(eq(mailTemplates.key, key)).get();
