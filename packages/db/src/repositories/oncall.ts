import { asc, eq } from 'drizzle-orm';
import { type Db } from '../client';
import { oncallContacts } from '../schema';

export type OncallContact = typeof oncallContacts.$inferSelect;
export type NewOncallContact = typeof oncallContacts.$inferInsert;

export const findAll = (db: Db) =>
  db
    .select()
    .from(oncallContacts)
    .orderBy(asc(oncallContacts.schedule), asc(oncallContacts.position), asc(oncallContacts.id))
    .all();
export const findById = (db: Db, id: number) =>
  db.select().from(oncallContacts).where(eq(oncallContacts.id, id)).get();
