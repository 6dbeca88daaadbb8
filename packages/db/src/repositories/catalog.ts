import { asc, eq } from 'drizzle-orm';
import { type Db } from '../client';
import { services } from '../schema';

export const findAllServices = (db: Db) =>
  db.select().from(services).orderBy(asc(services.name), asc(services.category), asc(services.subcategory)).all();

export const findServiceById = (db: Db, id: number) => db.select().from(services).where(eq(services.id, id)).get();
