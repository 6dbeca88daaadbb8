import { asc, eq } from 'drizzle-orm';
import { type MailTemplateKey } from '@handoff/domain';
import { type Reader } from '../client';
import { first, prepared, tablesOf } from '../reader';

/** The admin's saved templates (keys without a row use the shipped default). */
// Read for every incident mail: prepared once per connection.
const allOnEither = prepared('mail_templates', (db, { mailTemplates }) =>
  db.select().from(mailTemplates).orderBy(asc(mailTemplates.key)),
);
export const findAll = async (db: Reader) => allOnEither(db).execute();

export async function findByKey(db: Reader, key: MailTemplateKey) {
  const { mailTemplates } = tablesOf(db);
  return first(db.select().from(mailTemplates).where(eq(mailTemplates.key, key)).limit(1));
}
