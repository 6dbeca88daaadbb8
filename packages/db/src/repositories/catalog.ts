import { and, asc, eq, sql } from 'drizzle-orm';
import { type Db } from '../client';
import { services } from '../schema';
import { perConnection } from '../prepared';

export const findAllServices = (db: Db) =>
  db
    .select()
    .from(services)
    .orderBy(asc(services.name), asc(services.category), asc(services.subcategory))
    .all();

const serviceById = perConnection((db: Db) =>
  db
    .select()
    .from(services)
    .where(eq(services.id, sql.placeholder('id')))
    .prepare(),
);
export const findServiceById = (db: Db, id: number) => serviceById(db).get({ id });

export const findServiceByPath = (
  db: Db,
  path: { service: string; category: string; subcategory: string },
) =>
  db
    .select()
    .from(services)
    .where(
      and(
        eq(services.name, path.service),
        eq(services.category, path.category),
        eq(services.subcategory, path.subcategory),
      ),
    )
    .get();
