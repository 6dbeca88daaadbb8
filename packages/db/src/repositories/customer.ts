import { asc, eq, like, or, sql } from 'drizzle-orm';
import { type Reader } from '../client';
import { first, prepared, tablesOf, type Tables } from '../reader';

const withDepartmentOf = ({
  customers,
  departments,
}: Pick<Tables, 'customers' | 'departments'>) => ({
  id: customers.id,
  name: customers.name,
  netId: customers.netId,
  email: customers.email,
  phone: customers.phone,
  coned: customers.coned,
  program: customers.program,
  primaryTechPartner: customers.primaryTechPartner,
  organisation: customers.organisation,
  organisationId: customers.organisationId,
  departmentId: customers.departmentId,
  departmentName: departments.name,
  departmentShortName: departments.shortName,
  contractDepartment: departments.contractPartner,
  departmentProgram: departments.program,
});

/** Typeahead: name, NetID or e-mail containing the text, case-insensitive, best prefix matches first. */
export async function search(db: Reader, text: string, limit = 10) {
  const q = text.trim().toLowerCase();
  if (q.length === 0) return [];
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const t = tablesOf(db);
  const { customers, departments } = t;
  return db
    .select(withDepartmentOf(t))
    .from(customers)
    .leftJoin(departments, eq(departments.id, customers.departmentId))
    .where(
      or(
        sql`lower(${customers.name}) like ${pattern} escape '\\'`,
        sql`lower(${customers.netId}) like ${pattern} escape '\\'`,
        like(customers.email, pattern),
      ),
    )
    .orderBy(
      sql`case when lower(${customers.name}) like ${q + '%'} then 0 else 1 end`,
      customers.name,
    )
    .limit(limit);
}

const byIdOnEither = prepared('customer_by_id', (db, t) =>
  db
    .select(withDepartmentOf(t))
    .from(t.customers)
    .leftJoin(t.departments, eq(t.departments.id, t.customers.departmentId))
    .where(eq(t.customers.id, sql.placeholder('id'))),
);
export const findByIdSync = (db: Reader, id: number) => byIdOnEither(db).get({ id });
export const findById = async (db: Reader, id: number) =>
  (await byIdOnEither(db).execute({ id }))[0];

/** The customer with this e-mail address (addresses are stored lower-case). */
export async function findByEmail(db: Reader, email: string) {
  const { customers } = tablesOf(db);
  return first(
    db
      .select({ id: customers.id, name: customers.name, email: customers.email })
      .from(customers)
      .where(eq(customers.email, email.trim().toLowerCase()))
      .limit(1),
  );
}

/** Every address a customer is known by: their record's and their Help Online logins' (lower-case). */
export async function findAddresses(db: Reader, customerId: number): Promise<string[]> {
  const { customers, users } = tablesOf(db);
  const own = await db
    .select({ email: customers.email })
    .from(customers)
    .where(eq(customers.id, customerId));
  const logins = await db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.customerId, customerId))
    .orderBy(asc(users.id));
  return [...new Set([...own, ...logins].map((r) => r.email.trim().toLowerCase()))];
}
