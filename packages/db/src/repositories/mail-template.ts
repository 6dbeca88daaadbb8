import { asc, eq } from 'drizzle-orm';
import { type MailTemplateKey } from '@handoff/domain';
import { type Reader } from '../client';
import { mailTemplates } from '../schema';
import { perConnection } from '../prepared';

/** The admin's saved templates (keys without a row use the shipped default). */
// Read for every incident mail: prepared once per connection.
const all = perConnection((db: Reader) =>
  db.select().from(mailTemplates).orderBy(asc(mailTemplates.key)).prepare(),
);
export const findAllSync = (db: Reader) => all(db).all();
export const findAll = async (db: Reader) => findAllSync(db);

export const findByKey = async (db: Reader, key: MailTemplateKey) =>
  db.select().from(mailTemplates).where(eq(mailTemplates.key, key)).get();
