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
export const create = (db: Db, values: NewOncallContact) =>
  db.insert(oncallContacts).values(values).returning().get();
export const update = (db: Db, id: number, values: Partial<NewOncallContact>) =>
  db.update(oncallContacts).set(values).where(eq(oncallContacts.id, id)).returning().get();
export const remove = (db: Db, id: number) =>
  db.delete(oncallContacts).where(eq(oncallContacts.id, id)).returning().get();
