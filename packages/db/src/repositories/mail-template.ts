import { asc, eq } from 'drizzle-orm';
import { type MailTemplateKey } from '@handoff/domain';
import { type Db } from '../client';
import { mailTemplates } from '../schema';
import { perConnection } from '../prepared';

/** The admin's saved templates (keys without a row use the shipped default). */
// Read for every incident mail: prepared once per connection.
const all = perConnection((db: Db) =>
  db.select().from(mailTemplates).orderBy(asc(mailTemplates.key)).prepare(),
);
export const findAll = (db: Db) => all(db).all();

export const findByKey = (db: Db, key: MailTemplateKey) =>
  db.select().from(mailTemplates).where(eq(mailTemplates.key, key)).get();
