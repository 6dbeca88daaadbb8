import { asc, eq, inArray } from 'drizzle-orm';
import { type Db } from '../client';
import { teams } from '../schema';

export const findAll = (db: Db) => db.select().from(teams).orderBy(asc(teams.name)).all();
export const findByName = (db: Db, name: string) => db.select().from(teams).where(eq(teams.name, name)).get();
export const findById = (db: Db, id: number) => db.select().from(teams).where(eq(teams.id, id)).get();
export const findByIds = (db: Db, ids: number[]) =>
  ids.length === 0 ? [] : db.select().from(teams).where(inArray(teams.id, ids)).orderBy(asc(teams.name)).all();
