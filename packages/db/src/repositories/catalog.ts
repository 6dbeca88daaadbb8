import { and, asc, eq, sql } from 'drizzle-orm';
import { type Reader } from '../client';
import { first, prepared, tablesOf } from '../reader';

export async function findAllServices(db: Reader) {
  const { services } = tablesOf(db);
  return db
    .select()
    .from(services)
    .orderBy(asc(services.name), asc(services.category), asc(services.subcategory));
}

const serviceByIdOnEither = prepared('service_by_id', (db, { services }) =>
  db
    .select()
    .from(services)
    .where(eq(services.id, sql.placeholder('id'))),
);
export const findServiceById = async (db: Reader, id: number) =>
  (await serviceByIdOnEither(db).execute({ id }))[0];

type ServicePath = { service: string; category: string; subcategory: string };

// One query builder: run synchronously by the SQLite-only twin, awaited on either engine.
const byPathQuery = (db: Reader, path: ServicePath) => {
  const { services } = tablesOf(db);
  return db
    .select()
    .from(services)
    .where(
      and(
        eq(services.name, path.service),
        eq(services.category, path.category),
        eq(services.subcategory, path.subcategory),
      ),
    )
    .limit(1);
};
export const findServiceByPathSync = (db: Reader, path: ServicePath) => byPathQuery(db, path).get();
export const findServiceByPath = async (db: Reader, path: ServicePath) =>
  first(byPathQuery(db, path));
