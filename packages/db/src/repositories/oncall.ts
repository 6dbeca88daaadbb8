import { asc, eq } from 'drizzle-orm';
import { type Reader } from '../client';
import { type oncallContacts } from '../schema';
import { first, tablesOf } from '../reader';

export type OncallContact = typeof oncallContacts.$inferSelect;
export type NewOncallContact = typeof oncallContacts.$inferInsert;

export async function findAll(db: Reader) {
  const { oncallContacts } = tablesOf(db);
  return db
    .select()
    .from(oncallContacts)
    .orderBy(asc(oncallContacts.schedule), asc(oncallContacts.position), asc(oncallContacts.id));
}
const byIdQuery = (db: Reader, id: number) => {
  const { oncallContacts } = tablesOf(db);
  return db.select().from(oncallContacts).where(eq(oncallContacts.id, id)).limit(1);
};
export const findById = async (db: Reader, id: number) => first(byIdQuery(db, id));
