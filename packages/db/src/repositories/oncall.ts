import { asc, eq } from 'drizzle-orm';
import { type Reader } from '../client';
import { oncallContacts } from '../schema';

export type OncallContact = typeof oncallContacts.$inferSelect;
export type NewOncallContact = typeof oncallContacts.$inferInsert;

export const findAll = async (db: Reader) =>
  db
    .select()
    .from(oncallContacts)
    .orderBy(asc(oncallContacts.schedule), asc(oncallContacts.position), asc(oncallContacts.id))
    .all();
export const findByIdSync = (db: Reader, id: number) =>
  db.select().from(oncallContacts).where(eq(oncallContacts.id, id)).get();
export const findById = async (db: Reader, id: number) => findByIdSync(db, id);
