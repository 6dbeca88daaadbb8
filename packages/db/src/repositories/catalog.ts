import { and, asc, eq, sql } from 'drizzle-orm';
import { type Reader } from '../client';
import { services } from '../schema';
import { perConnection } from '../prepared';

export const findAllServices = async (db: Reader) =>
  db
    .select()
    .from(services)
    .orderBy(asc(services.name), asc(services.category), asc(services.subcategory))
    .all();

const serviceById = perConnection((db: Reader) =>
  db
    .select()
    .from(services)
    .where(eq(services.id, sql.placeholder('id')))
    .prepare(),
);
export const findServiceByIdSync = (db: Reader, id: number) => serviceById(db).get({ id });
export const findServiceById = async (db: Reader, id: number) => findServiceByIdSync(db, id);

export const findServiceByPathSync = (
  db: Reader,
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
export const findServiceByPath = async (
  db: Reader,
  path: { service: string; category: string; subcategory: string },
) => findServiceByPathSync(db, path);
